/**
 * The pod a command attaches to (exec, attach, port-forward, cp): `POD`, `pod/NAME`, or any
 * object with a pod selector (`deploy/web`, `svc/web`, `rs/…`, `job/…`), which stands for its
 * first pod as kubectl's AttachablePodForObject picks it (running pods first, then by name).
 * Also the default container and its "Defaulted container" notice.
 */
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { resolveResource, servedType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import type { KubectlContext } from './command'
import { errorLine, fail } from './write-kit'

const PODS = servedType('Pod')

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

export const podPhase = (pod: KubeObject): string =>
  isObj(pod['status']) && typeof pod['status']['phase'] === 'string' ? pod['status']['phase'] : ''

/** The label selector of an object that owns or fronts pods, as `a=b,c=d`. */
export function podSelectorOf(object: KubeObject): string | undefined {
  const spec = isObj(object['spec']) ? object['spec'] : {}
  const selector = isObj(spec['selector']) ? spec['selector'] : undefined
  if (selector === undefined) return undefined
  const labels = (
    object.kind === 'Service' || object.kind === 'ReplicationController'
      ? selector
      : isObj(selector['matchLabels'])
        ? selector['matchLabels']
        : {}
  ) as Record<string, string>
  const keys = Object.keys(labels).sort()
  if (keys.length === 0) return undefined
  return keys.map((k) => `${k}=${labels[k] ?? ''}`).join(',')
}

/** Pods an object selects, the one kubectl would pick first at the head. */
export function podsOf(cluster: KubeCluster, object: KubeObject): KubeObject[] {
  const selector = podSelectorOf(object)
  if (selector === undefined) return []
  const listed = cluster.api.list(PODS, {
    namespace: object.metadata.namespace ?? 'default',
    labelSelector: selector,
  })
  if (!listed.ok) return []
  const rank = (p: KubeObject): number =>
    p.metadata.deletionTimestamp !== undefined ? 2 : podPhase(p) === 'Running' ? 0 : 1
  return [...listed.value.items].sort(
    (a, b) => rank(a) - rank(b) || a.metadata.name.localeCompare(b.metadata.name),
  )
}

/** Resolves `POD` or `TYPE/NAME` to a pod, or the output kubectl prints when it cannot. */
export function resolvePod(
  cluster: KubeCluster,
  ctx: KubectlContext,
  ref: string,
): { ok: true; pod: KubeObject } | { ok: false; output: CommandOutput } {
  const slash = ref.indexOf('/')
  const typeWord = slash === -1 ? 'pods' : ref.slice(0, slash)
  const name = slash === -1 ? ref : ref.slice(slash + 1)
  const t = resolveResource(typeWord)
  if (t === undefined)
    return {
      ok: false,
      output: fail(`error: the server doesn't have a resource type "${typeWord}"\n`),
    }
  const found = cluster.api.get(t, ctx.namespace, name)
  if (!found.ok)
    return {
      ok: false,
      output: fail(
        `Error from server (${found.error.status.reason}): ${found.error.status.message}\n`,
      ),
    }
  if (t.kind === 'Pod') return { ok: true, pod: found.value }
  if (podSelectorOf(found.value) === undefined)
    return { ok: false, output: errorLine(`cannot attach to ${t.kind}: not implemented`) }
  const first = podsOf(cluster, found.value)[0]
  if (first === undefined)
    return { ok: false, output: errorLine('timed out waiting for the condition') }
  return { ok: true, pod: first }
}

interface Names {
  containers: string[]
  init: string[]
  ephemeral: string[]
}

export function containerNames(pod: KubeObject): Names {
  const spec = isObj(pod['spec']) ? pod['spec'] : {}
  const list = (key: string): string[] =>
    (Array.isArray(spec[key]) ? spec[key].filter(isObj) : []).map((c) => String(c['name']))
  return {
    containers: list('containers'),
    init: list('initContainers'),
    ephemeral: list('ephemeralContainers'),
  }
}

/** podcmd.FindOrDefaultContainerByName: the annotated or first container, and the notice. */
export function defaultContainer(pod: KubeObject): { name: string; notice: string } {
  const names = containerNames(pod)
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']
  if (annotated !== undefined && names.containers.includes(annotated))
    return { name: annotated, notice: '' }
  const name = names.containers[0] ?? ''
  const all = [
    ...names.containers,
    ...names.init.map((n) => `${n} (init)`),
    ...names.ephemeral.map((n) => `${n} (ephem)`),
  ]
  return {
    name,
    notice: all.length > 1 ? `Defaulted container "${name}" out of: ${all.join(', ')}\n` : '',
  }
}

/** Whether `name` is one of the pod's containers (the API server's exec/attach validation). */
export function hasContainer(pod: KubeObject, name: string): boolean {
  const names = containerNames(pod)
  return [...names.containers, ...names.init, ...names.ephemeral].includes(name)
}
