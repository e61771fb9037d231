/** `kubectl api-resources`: the served types as discovery lists them, filtered and printed like kubectl. */
import { FlagSet } from '../../cli-kit/flags'
import { KUBECTL_TABWRITER, tabwrite } from '../../cli-kit/tabwriter'
import { CONVERTED_VERSIONS } from '../api/conversion/autoscaling-v1'
import { groupVersion, qualifiedResource, RESOURCE_TYPES } from '../api/resources'
import { kubectlCommand } from './command'
import { usageError } from './help'

const FLAGS = [
  { name: 'api-group', type: 'string', usage: 'Limit to resources in the specified API group.' },
  {
    name: 'cached',
    type: 'bool',
    usage: 'Use the cached list of resources if available.',
  },
  {
    name: 'categories',
    type: 'stringSlice',
    usage: 'Limit to resources that belong to the specified categories.',
  },
  {
    name: 'namespaced',
    type: 'bool',
    default: true,
    usage:
      'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
  },
  {
    name: 'no-headers',
    type: 'bool',
    usage:
      "When using the default or custom-column output format, don't print headers (default print headers).",
  },
  {
    name: 'output',
    shorthand: 'o',
    type: 'string',
    usage: 'Output format. One of: (wide, name).',
  },
  {
    name: 'sort-by',
    type: 'string',
    usage:
      "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.",
  },
  {
    name: 'verbs',
    type: 'stringSlice',
    usage: 'Limit to resources that support the specified verbs.',
  },
] as const

export const apiResourcesCommand = kubectlCommand({
  path: 'kubectl api-resources',
  use: '[flags]',
  short: 'Print the supported API resources on the server',
  long: 'Print the supported API resources on the server.',
  example: `# Print the supported API resources
kubectl api-resources

# Print the supported API resources with more information
kubectl api-resources -o wide

# Print the supported API resources sorted by a column
kubectl api-resources --sort-by=name

# Print the supported namespaced resources
kubectl api-resources --namespaced=true

# Print the supported non-namespaced resources
kubectl api-resources --namespaced=false

# Print the supported API resources with a specific APIGroup
kubectl api-resources --api-group=rbac.authorization.k8s.io`,
  args: { kind: 'any' },
  flags: () => new FlagSet(FLAGS),
  run({ values, args, changed }, ctx) {
    const fail = (message: string): { stdout: string; stderr: string; exitCode: number } => ({
      stdout: '',
      stderr: usageError(ctx.commandPath, message),
      exitCode: 1,
    })
    if (args.length > 0) return fail(`unexpected arguments: [${args.join(' ')}]`)
    if (!['', 'wide', 'name'].includes(values.output))
      return fail(`--output ${values.output} is not available`)
    if (!['', 'name', 'kind'].includes(values['sort-by']))
      return fail(`--sort-by accepts only name or kind`)
    const connected = ctx.connect()
    if (!connected.ok) return connected.error
    let types = RESOURCE_TYPES.filter(
      (t) =>
        (!changed.includes('api-group') || t.group === values['api-group']) &&
        (!changed.includes('namespaced') || t.namespaced === values.namespaced) &&
        values.verbs.every((v) => t.verbs.includes(v)) &&
        values.categories.every((c) => t.categories.includes(c)),
    )
    if (values['sort-by'] !== '') {
      const key = (t: (typeof types)[number]): string =>
        values['sort-by'] === 'name' ? t.resource : t.kind
      types = [...types].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    }
    if (values.output === 'name')
      return {
        stdout: types.map((t) => `${qualifiedResource(t)}\n`).join(''),
        stderr: '',
        exitCode: 0,
      }
    const wide = values.output === 'wide'
    let text = values['no-headers']
      ? ''
      : `NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? '\tVERBS\tCATEGORIES' : ''}\n`
    for (const t of types) {
      text += `${t.resource}\t${t.shortNames.join(',')}\t${groupVersion(t)}\t${t.namespaced}\t${t.kind}`
      if (wide) text += `\t${t.verbs.join(',')}\t${t.categories.join(',')}`
      text += '\n'
    }
    return { stdout: tabwrite(text, KUBECTL_TABWRITER), stderr: '', exitCode: 0 }
  },
})

export const apiVersionsCommand = kubectlCommand({
  path: 'kubectl api-versions',
  use: '[flags]',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  long: 'Print the supported API versions on the server, in the form of "group/version".',
  example: `# Print the supported API versions
kubectl api-versions`,
  args: { kind: 'any' },
  flags: () => new FlagSet([] as const),
  run({ args }, ctx) {
    if (args.length > 0)
      return {
        stdout: '',
        stderr: usageError(ctx.commandPath, `unexpected arguments: [${args.join(' ')}]`),
        exitCode: 1,
      }
    const connected = ctx.connect()
    if (!connected.ok) return connected.error
    const served = [...RESOURCE_TYPES, ...CONVERTED_VERSIONS.map((c) => c.type)]
    const versions = [...new Set(served.map(groupVersion))].sort()
    return { stdout: versions.map((v) => `${v}\n`).join(''), stderr: '', exitCode: 0 }
  },
})
