/**
 * The objects a verb acts on, found as kubectl's resource builder finds them: `TYPE NAME…`,
 * `TYPE/NAME…`, `TYPE -l selector`, `TYPE --all`, `-f FILE` (objects looked up by the names in
 * the files), in one namespace or all (-A). Names that do not exist become
 * `Error from server (NotFound): …` lines the verb prints after the rest, as kubectl does.
 */
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import type { ResourceType } from '../api/resources'
import type { ApiError } from '../api/status'
import type { KubeCluster } from '../cluster'
import type { KubectlContext } from './command'
import { readManifests, validationEnabled } from './apply-files'
import { parseResourceArgs } from './resource-args'
import { errorLine } from './write-kit'

export interface Target {
  readonly type: ResourceType
  /** The live object. */
  readonly object: KubeObject
  /** The manifest file it was named in (-f), for error framing. */
  readonly source?: string
}

export interface TargetQuery {
  filename?: readonly string[]
  recursive?: boolean
  selector?: string
  'field-selector'?: string
  all?: boolean
  'all-namespaces'?: boolean
  validate?: string
}

export interface TargetOptions {
  /** Missing names are not errors (--ignore-not-found). */
  ignoreNotFound?: boolean
  /** What the verb says when nothing at all was named (kubectl differs by command). */
  emptyMessage?: string
  /** Whether `TYPE` alone (no name, no -l, no --all) selects every object (label -l, get). */
  typeAloneSelectsAll?: boolean
}

export type Targets =
  | {
      ok: true
      cluster: KubeCluster
      found: Target[]
      /** NotFound lines, in kubectl's words, to print after the verb's own output. */
      stderr: string
      /** Whether a selector or --all was used (an empty result prints `No resources found`). */
      selected: boolean
      /** The objects named (not selected): names, for verbs that report per name. */
      missing: { type: ResourceType; name: string; error: ApiError }[]
    }
  | { ok: false; output: CommandOutput }

export const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

const notFoundLine = (e: ApiError): string =>
  `Error from server (${e.status.reason}): ${e.status.message}\n`

/** Resolves the targets of a verb; `args` are the positional arguments naming resources. */
export async function resolveTargets(
  args: readonly string[],
  query: TargetQuery,
  ctx: KubectlContext,
  options: TargetOptions = {},
): Promise<Targets> {
  const filenames = query.filename ?? []
  const selector = query.selector ?? ''
  const fieldSelector = query['field-selector'] ?? ''
  if (args.length === 0 && filenames.length === 0)
    return { ok: false, output: errorLine(options.emptyMessage ?? NO_RESOURCES) }
  if (args.length > 0 && filenames.length > 0)
    return {
      ok: false,
      output: errorLine(
        'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
      ),
    }
  const found: Target[] = []
  const missing: { type: ResourceType; name: string; error: ApiError }[] = []
  let stderr = ''
  if (filenames.length > 0) {
    const read = await readManifests(ctx.shell, filenames, {
      recursive: query.recursive === true,
      validate: validationEnabled(query.validate ?? 'strict'),
    })
    if (read.fatal !== undefined && read.entries.length === 0)
      return { ok: false, output: errorLine(read.fatal) }
    const connected = ctx.connect()
    if (!connected.ok) return { ok: false, output: connected.error }
    const cluster = connected.value
    for (const entry of read.entries) {
      if (!entry.ok) {
        stderr += `error: ${entry.error.message}\n`
        continue
      }
      const t = entry.type
      const ns = t.namespaced ? (entry.object.metadata.namespace ?? ctx.namespace) : ''
      const live = cluster.api.get(t, ns, entry.object.metadata.name)
      if (live.ok) found.push({ type: t, object: live.value, source: entry.file })
      else {
        missing.push({ type: t, name: entry.object.metadata.name, error: live.error })
        if (!(options.ignoreNotFound && live.error.status.reason === 'NotFound'))
          stderr += `Error from server (${live.error.status.reason}): error when deleting "${entry.file}": ${live.error.status.message}\n`
      }
    }
    if (read.fatal !== undefined) stderr += `error: ${read.fatal}\n`
    return { ok: true, cluster, found, stderr, selected: false, missing }
  }
  const parsed = parseResourceArgs(args)
  if (!parsed.ok) return { ok: false, output: errorLine(parsed.error) }
  const requests = parsed.value.requests
  const named = requests.some((r) => r.names.length > 0)
  const selecting = selector !== '' || fieldSelector !== '' || query.all === true
  if (named && selecting && selector !== '')
    return {
      ok: false,
      output: errorLine('name cannot be provided when a selector is specified'),
    }
  if (!named && !selecting && options.typeAloneSelectsAll !== true)
    return { ok: false, output: errorLine('resource(s) were provided, but no name was specified') }
  const connected = ctx.connect()
  if (!connected.ok) return { ok: false, output: connected.error }
  const cluster = connected.value
  const allNamespaces = query['all-namespaces'] === true
  for (const request of requests) {
    const t = request.type
    if (request.names.length > 0) {
      for (const name of request.names) {
        const live = cluster.api.get(t, ctx.namespace, name)
        if (live.ok) found.push({ type: t, object: live.value })
        else {
          missing.push({ type: t, name, error: live.error })
          if (!(options.ignoreNotFound && live.error.status.reason === 'NotFound'))
            stderr += notFoundLine(live.error)
        }
      }
      continue
    }
    const listed = cluster.api.list(t, {
      ...(allNamespaces || !t.namespaced ? {} : { namespace: ctx.namespace }),
      ...(selector !== '' ? { labelSelector: selector } : {}),
      ...(fieldSelector !== '' ? { fieldSelector } : {}),
    })
    if (!listed.ok) return { ok: false, output: errorLine(listed.error.status.message) }
    for (const object of listed.value.items) found.push({ type: t, object })
  }
  return { ok: true, cluster, found, stderr, selected: !named, missing }
}
