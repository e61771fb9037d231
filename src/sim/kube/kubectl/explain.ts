/**
 * `kubectl explain TYPE[.field…]`: the documentation of a served type or one of its fields, as
 * kubectl 1.32 renders the API server's OpenAPI v3 schema (explain-render.ts). The type is
 * resolved like kubectl's REST mapper does (plural, singular, short name, kind; `.group` prefix),
 * so the cluster must be reachable, as for the real command.
 */
import { FlagSet } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { groupVersion, RESOURCE_TYPES, resolveResource, type ResourceType } from '../api/resources'
import { kubectlCommand } from './command'
import { ExplainSchema } from './explain-render'

const failed = (stderr: string, stdout = ''): CommandOutput => ({ stdout, stderr, exitCode: 1 })

const SUGGEST_API_RESOURCES =
  'Use "kubectl api-resources" for a complete list of supported resources.'

const FLAGS = [
  {
    name: 'api-version',
    type: 'string',
    usage: 'Use given api-version (group/version) of the resource.',
  },
  {
    name: 'output',
    shorthand: 'o',
    type: 'string',
    default: 'plaintext',
    usage:
      'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).',
  },
  {
    name: 'recursive',
    type: 'bool',
    usage:
      'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.',
  },
] as const

/** GroupResource.String(): `deployments.apps`, `pods`. */
const groupResource = (t: ResourceType): string =>
  t.group === '' ? t.resource : `${t.resource}.${t.group}`

interface Target {
  readonly type: ResourceType
  readonly fieldPath: string[]
}

/**
 * explain.SplitAndParseResourceRequestWithMatchingPrefix: the first dotted word names the
 * resource; a `resource.group` prefix is taken whole, otherwise every later word is a field.
 */
function splitRequest(arg: string, matchGroup: boolean): Target | undefined {
  const trimmed = arg.endsWith('.') ? arg.slice(0, -1) : arg
  const parts = trimmed.split('.')
  const type = resolveResource(parts[0] ?? '')
  if (type === undefined || (parts[0] ?? '').includes('/')) return undefined
  const prefix = groupResource(type)
  if (matchGroup && trimmed.startsWith(prefix)) {
    const suffix = trimmed.slice(prefix.length)
    return { type, fieldPath: suffix === '' ? [] : suffix.split('.').slice(1) }
  }
  return { type, fieldPath: parts.slice(1) }
}

/** schema.ParseGroupVersion. */
function parseGroupVersion(text: string): { group: string; version: string } | string {
  if (text === '' || text === '/') return { group: '', version: '' }
  const parts = text.split('/')
  if (parts.length === 1) return { group: '', version: text }
  if (parts.length === 2) return { group: parts[0] ?? '', version: parts[1] ?? '' }
  return `unexpected GroupVersion string: ${text}`
}

export const explainCommand = kubectlCommand({
  path: 'kubectl explain',
  use: 'TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]',
  short: 'Get documentation for a resource',
  long: `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]
        
 Information about each field is retrieved from the server in OpenAPI format.

${SUGGEST_API_RESOURCES}`,
  example: `# Get the documentation of the resource and its fields
kubectl explain pods

# Get all the fields in the resource
kubectl explain pods --recursive

# Get the explanation for deployment in supported api versions
kubectl explain deployments --api-version=apps/v1

# Get the documentation of a specific field of a resource
kubectl explain pods.spec.containers

# Get the documentation of resources in different format
kubectl explain deployment --output=plaintext-openapiv2`,
  args: { kind: 'any' },
  flags: () => new FlagSet(FLAGS),
  run({ values, args }, ctx) {
    if (args.length === 0)
      return failed(
        `error: You must specify the type of resource to explain. ${SUGGEST_API_RESOURCES}\n`,
      )
    if (args.length > 1) return failed('error: We accept only this format: explain RESOURCE\n')
    const connected = ctx.connect()
    if (!connected.ok) return connected.error
    const arg = args[0] ?? ''
    const apiVersion = values['api-version']
    const target = splitRequest(arg, apiVersion === '')
    if (target === undefined) {
      const word = (arg.endsWith('.') ? arg.slice(0, -1) : arg).split('.')[0] ?? ''
      // kubectl prints the REST mapper's error bare here, without `error: `.
      return failed(`the server doesn't have a resource type "${word}"\n`)
    }
    const format = values.output
    if (format !== 'plaintext' && format !== 'plaintext-openapiv2')
      return failed(`error: unrecognized format: ${format}\n`)
    if (format === 'plaintext-openapiv2')
      // The OpenAPI v2 renderer (the pre-1.27 layout) is not simulated: say so, print nothing false.
      return failed(
        "Quai: 'kubectl explain --output=plaintext-openapiv2' is not simulated; use the default --output=plaintext.\n",
      )
    let { group, version } = target.type
    if (apiVersion !== '') {
      const parsed = parseGroupVersion(apiVersion)
      if (typeof parsed === 'string') return failed(`error: ${parsed}\n`)
      ;({ group, version } = parsed)
    }
    const gvr = `${group}/${version}, Resource=${target.type.resource}`
    const gv = group === '' ? version : `${group}/${version}`
    if (!RESOURCE_TYPES.some((t) => groupVersion(t) === gv))
      return failed(`error: couldn't find resource for "${gvr}"\n`)
    const served = RESOURCE_TYPES.find(
      (t) => t.group === group && t.version === version && t.resource === target.type.resource,
    )
    if (served === undefined) return failed(`error: GVR (${gvr}) not found in OpenAPI schema\n`)
    const rendered = new ExplainSchema().render({
      group,
      version,
      kind: served.kind,
      fieldPath: target.fieldPath,
      recursive: values.recursive,
    })
    if (!rendered.ok) return failed(`${rendered.error.message}\n`, rendered.error.stdout)
    return { stdout: rendered.value, stderr: '', exitCode: 0 }
  },
})
