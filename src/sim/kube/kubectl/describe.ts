/**
 * `kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)`: finds the objects
 * as kubectl's resource builder does, describes each with its kind's describer (describe/), and
 * separates them with a blank line. A single `TYPE NAME` that does not exist falls back to every
 * object of that type whose name starts with NAME, as the real command does.
 */
import { FlagSet } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { ResourceType } from '../api/resources'
import type { ApiError } from '../api/status'
import type { KubeCluster } from '../cluster'
import { readManifests } from './apply-files'
import { kubectlCommand } from './command'
import { describeObject, type DescribeSettings } from './describe/describe-object'
import { parseResourceArgs } from './resource-args'

const FLAGS = [
  {
    name: 'all-namespaces',
    shorthand: 'A',
    type: 'bool',
    usage:
      'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  },
  {
    name: 'chunk-size',
    type: 'int64',
    default: 500,
    usage:
      'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.',
  },
  {
    name: 'filename',
    shorthand: 'f',
    type: 'stringSlice',
    usage: 'Filename, directory, or URL to files containing the resource to describe',
  },
  {
    name: 'kustomize',
    shorthand: 'k',
    type: 'string',
    usage: "Process the kustomization directory. This flag can't be used together with -f or -R.",
  },
  {
    name: 'recursive',
    shorthand: 'R',
    type: 'bool',
    usage:
      'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
  },
  {
    name: 'selector',
    shorthand: 'l',
    type: 'string',
    usage:
      "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
  },
  {
    name: 'show-events',
    type: 'bool',
    default: true,
    usage: 'If true, display events related to the described object.',
  },
] as const

const NO_TYPE =
  'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n'

/** One object the builder found (kubectl's resource.Info). */
interface Info {
  type: ResourceType
  namespace: string
  name: string
}

const fail = (stderr: string, stdout = ''): CommandOutput => ({ stdout, stderr, exitCode: 1 })

/** cmdutil's StandardErrorMessage for an API status. */
const errorLine = (e: ApiError): string =>
  `Error from server (${e.status.reason}): ${e.status.message}\n`

interface Found {
  infos: Info[]
  errors: ApiError[]
}

/** Lists every object of `t` in scope whose labels match `selector`. */
function listInfos(
  cluster: KubeCluster,
  t: ResourceType,
  namespace: string | undefined,
  selector: string,
): { infos: Info[]; error?: ApiError } {
  const listed = cluster.api.list(t, {
    ...(namespace === undefined || !t.namespaced ? {} : { namespace }),
    ...(selector === '' ? {} : { labelSelector: selector }),
  })
  if (!listed.ok) return { infos: [], error: listed.error }
  return {
    infos: listed.value.items.map((o) => ({
      type: t,
      namespace: o.metadata.namespace ?? '',
      name: o.metadata.name,
    })),
  }
}

export const describeCommand = kubectlCommand({
  path: 'kubectl describe',
  use: '(-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  short: 'Show details of a specific resource or group of resources',
  long: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ kubectl describe TYPE NAME_PREFIX
        
 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `# Describe a node
kubectl describe nodes kubernetes-node-emt8.c.myproject.internal

# Describe a pod
kubectl describe pods/nginx

# Describe a pod identified by type and name in "pod.json"
kubectl describe -f pod.json

# Describe all pods
kubectl describe pods

# Describe pods by label name=myLabel
kubectl describe pods -l name=myLabel

# Describe all pods managed by the 'frontend' replication controller
# (rc-created pods get the name of the rc as a prefix in the pod name)
kubectl describe pods frontend`,
  args: { kind: 'any' },
  flags: () => new FlagSet(FLAGS),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const filenames = values.filename
    if (args.length === 0 && filenames.length === 0 && values.kustomize === '') return fail(NO_TYPE)
    const allNamespaces = values['all-namespaces']
    const selector = values.selector
    const scope = allNamespaces ? undefined : ctx.namespace

    const found: Found = { infos: [], errors: [] }
    let cluster: KubeCluster
    if (filenames.length > 0 || values.kustomize !== '') {
      if (values.kustomize !== '')
        return fail('error: kustomize directories are not simulated here: use -f FILE\n')
      if (args.length > 0)
        return fail(
          'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n',
        )
      const manifests = await readManifests(ctx.shell, filenames, { recursive: values.recursive })
      if (manifests.fatal !== undefined && manifests.entries.length === 0)
        return fail(`error: ${manifests.fatal}\n`)
      const connected = ctx.connect()
      if (!connected.ok) return connected.error
      cluster = connected.value
      for (const entry of manifests.entries) {
        if (!entry.ok) return fail(`error: ${entry.error.message}\n`)
        found.infos.push({
          type: entry.type,
          namespace: entry.object.metadata.namespace ?? ctx.namespace,
          name: entry.object.metadata.name,
        })
      }
      if (manifests.fatal !== undefined) return fail(`error: ${manifests.fatal}\n`)
    } else {
      const parsed = parseResourceArgs(args)
      if (!parsed.ok) return fail(`error: ${parsed.error}\n`)
      const named = parsed.value.requests.some((r) => r.names.length > 0)
      if (named && selector !== '')
        return fail('error: name cannot be provided when a selector is specified\n')
      const connected = ctx.connect()
      if (!connected.ok) return connected.error
      cluster = connected.value
      for (const request of parsed.value.requests) {
        if (request.names.length === 0) {
          const listed = listInfos(cluster, request.type, scope, selector)
          found.infos.push(...listed.infos)
          if (listed.error !== undefined) found.errors.push(listed.error)
          continue
        }
        for (const name of request.names) {
          const got = cluster.api.get(request.type, ctx.namespace, name)
          if (got.ok) found.infos.push({ type: request.type, namespace: ctx.namespace, name })
          else found.errors.push(got.error)
        }
      }
    }

    const settings: DescribeSettings = {
      showEvents: values['show-events'],
      nowMs: cluster.clock.now(),
    }
    const [onlyError] = found.errors
    // describe.go: a NotFound with exactly `TYPE NAME` retries NAME as a prefix.
    if (found.errors.length === 1 && onlyError?.status.reason === 'NotFound' && args.length === 2)
      return describeMatching(
        cluster,
        args[0] ?? '',
        args[1] ?? '',
        ctx.namespace,
        settings,
        onlyError,
      )

    let stdout = ''
    let stderr = ''
    const seen = new Set<string>()
    for (const info of found.infos) {
      const described = describeObject(cluster.api, info.type, info.namespace, info.name, settings)
      if (!described.ok) {
        if (!seen.has(described.error.message)) {
          seen.add(described.error.message)
          found.errors.push(described.error)
        }
        continue
      }
      stdout += stdout === '' ? described.value : `\n\n${described.value}`
    }
    for (const e of found.errors) stderr += errorLine(e)
    if (found.infos.length === 0 && found.errors.length === 0)
      stderr = allNamespaces
        ? 'No resources found\n'
        : `No resources found in ${ctx.namespace} namespace.\n`
    return { stdout, stderr, exitCode: found.errors.length > 0 ? 1 : 0 }
  },
})

/** DescribeMatchingResources: every object of the type whose name starts with `prefix`. */
function describeMatching(
  cluster: KubeCluster,
  resourceArg: string,
  prefix: string,
  namespace: string,
  settings: DescribeSettings,
  original: ApiError,
): CommandOutput {
  const parsed = parseResourceArgs([resourceArg])
  const request = parsed.ok ? parsed.value.requests[0] : undefined
  if (request === undefined) return fail(errorLine(original))
  const infos: Info[] = []
  if (request.names.length > 0) {
    // `TYPE/NAME PREFIX`: the builder only has that one object.
    for (const name of request.names) {
      const got = cluster.api.get(request.type, namespace, name)
      if (!got.ok) return fail(errorLine(got.error))
      infos.push({ type: request.type, namespace, name })
    }
  } else {
    const listed = listInfos(cluster, request.type, namespace, '')
    if (listed.error !== undefined) return fail(errorLine(listed.error))
    infos.push(...listed.infos)
  }
  let stdout = ''
  for (const info of infos) {
    if (!info.name.startsWith(prefix)) continue
    const described = describeObject(cluster.api, info.type, info.namespace, info.name, settings)
    if (!described.ok) return fail(errorLine(described.error), stdout)
    stdout += `${described.value}\n`
  }
  return stdout === '' ? fail(errorLine(original)) : { stdout, stderr: '', exitCode: 0 }
}
