/**
 * The pods each selector-bearing Service selects, kept current from pod and Service watch events,
 * so the endpoints controllers never list a namespace's pods per sync.
 */
import type { ControllerContext } from '../../cluster'
import type { KubeObject, Service } from '../../api/object'
import { mapSelectorMatches } from '../../api/label-selector'
import { servedType } from '../../api/resources'
import { keyOf } from './meta'

const PODS = servedType('Pod')
const SERVICES = servedType('Service')

export const asService = (o: KubeObject): Service => o as unknown as Service

/** Only Services with a non-empty selector get endpoints from a controller. */
export const selectorOfService = (svc: KubeObject): Record<string, string> | undefined => {
  const selector = asService(svc).spec?.selector
  return selector === undefined || Object.keys(selector).length === 0 ? undefined : selector
}

export class ServicePods {
  private readonly selected = new Map<string, Map<string, KubeObject>>()
  private readonly selectors = new Map<string, string>()
  private readonly servicesByNamespace = new Map<string, Set<string>>()
  private ctx!: ControllerContext

  /** Follows pods and Services; `onService(key)` runs for every Service key a change touches. */
  start(ctx: ControllerContext, onService: (key: string) => void): void {
    this.ctx = ctx
    for (const svc of ctx.store.list(SERVICES)) {
      this.track(svc)
      onService(keyOf(svc))
    }
    ctx.watch(SERVICES, (event) => {
      const key = keyOf(event.object)
      if (event.type === 'DELETED') this.untrack(event.object)
      else this.track(event.object)
      onService(key)
    })
    ctx.watch(PODS, (event) => {
      const pod = event.object
      const ns = pod.metadata.namespace ?? ''
      const podKey = keyOf(pod)
      for (const svcKey of this.servicesByNamespace.get(ns) ?? []) {
        const pods = this.selected.get(svcKey)
        if (pods === undefined) continue
        const had = pods.has(podKey)
        const svc = ctx.store.get(SERVICES, ns, svcKey.slice(ns.length + 1))
        const selector = svc === undefined ? undefined : selectorOfService(svc)
        const has =
          event.type !== 'DELETED' &&
          selector !== undefined &&
          mapSelectorMatches(selector, pod.metadata.labels)
        if (has) pods.set(podKey, pod)
        else pods.delete(podKey)
        if (had || has) onService(svcKey)
      }
    })
  }

  /** The pods a Service selects, in name order (stable output). */
  pods(svcKey: string): KubeObject[] {
    const pods = [...(this.selected.get(svcKey)?.values() ?? [])]
    return pods.sort((a, b) =>
      a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0,
    )
  }

  private track(svc: KubeObject): void {
    const key = keyOf(svc)
    const ns = svc.metadata.namespace ?? ''
    const selector = selectorOfService(svc)
    const json = JSON.stringify(selector ?? null)
    let names = this.servicesByNamespace.get(ns)
    if (names === undefined) this.servicesByNamespace.set(ns, (names = new Set()))
    names.add(key)
    if (this.selectors.get(key) === json && this.selected.has(key)) return
    this.selectors.set(key, json)
    const pods = new Map<string, KubeObject>()
    if (selector !== undefined)
      for (const pod of this.ctx.store.list(PODS, ns))
        if (mapSelectorMatches(selector, pod.metadata.labels)) pods.set(keyOf(pod), pod)
    this.selected.set(key, pods)
  }

  private untrack(svc: KubeObject): void {
    const key = keyOf(svc)
    this.selected.delete(key)
    this.selectors.delete(key)
    this.servicesByNamespace.get(svc.metadata.namespace ?? '')?.delete(key)
  }
}

/** podutil.FindPort: a numeric targetPort as is, a named one from the pod's container ports. */
export function findPort(
  pod: KubeObject,
  targetPort: number | string | undefined,
  port: number,
  protocol: string,
): number | undefined {
  if (targetPort === undefined) return port
  if (typeof targetPort === 'number') return targetPort
  if (/^\d+$/.test(targetPort)) return Number(targetPort)
  const spec = (pod['spec'] ?? {}) as {
    containers?: { ports?: { name?: string; containerPort: number; protocol?: string }[] }[]
  }
  for (const c of spec.containers ?? [])
    for (const p of c.ports ?? [])
      if (p.name === targetPort && (p.protocol ?? 'TCP') === protocol) return p.containerPort
  return undefined
}

/** Whether a pod belongs in endpoints at all (ShouldPodBeInEndpoints): an IP, not finished. */
export function podHasEndpoint(pod: KubeObject, includeTerminating: boolean): boolean {
  const status = (pod['status'] ?? {}) as { podIP?: string; phase?: string }
  const spec = (pod['spec'] ?? {}) as { restartPolicy?: string }
  if (!status.podIP) return false
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false
  const restart = spec.restartPolicy ?? 'Always'
  if (restart === 'Never' && (status.phase === 'Failed' || status.phase === 'Succeeded'))
    return false
  if (restart === 'OnFailure' && status.phase === 'Succeeded') return false
  return true
}
