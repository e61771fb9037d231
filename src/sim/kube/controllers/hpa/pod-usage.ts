/**
 * The resource metrics API (metrics.k8s.io) as metrics-server serves it from the kubelets: per
 * running pod, its CPU (millicores) and memory (bytes) use. Nothing in the simulated containers
 * burns CPU by itself, so use is what a scenario sets (a load generator, a lesson step, a test);
 * a running pod nobody loads idles at 0. One table per cluster, keyed by its store.
 */
import type { KubeObject } from '../../api/object'
import { servedType } from '../../api/resources'
import type { ObjectStore } from '../../store/object-store'

const DEPLOYMENTS = servedType('Deployment')

export interface PodUsage {
  /** millicores */
  readonly cpu: number
  /** bytes */
  readonly memory: number
}

const IDLE: PodUsage = { cpu: 0, memory: 0 }

export class PodUsageTable {
  private readonly usage = new Map<string, PodUsage>()

  set(namespace: string, pod: string, usage: Partial<PodUsage>): void {
    const key = `${namespace}/${pod}`
    this.usage.set(key, { ...(this.usage.get(key) ?? IDLE), ...usage })
  }

  /** What metrics-server reports for the pod (idle when nothing was set). */
  of(pod: KubeObject): PodUsage {
    return this.usage.get(`${pod.metadata.namespace ?? ''}/${pod.metadata.name}`) ?? IDLE
  }

  clear(namespace: string, pod: string): void {
    this.usage.delete(`${namespace}/${pod}`)
  }
}

const tables = new WeakMap<ObjectStore, PodUsageTable>()

export function podUsage(store: ObjectStore): PodUsageTable {
  let table = tables.get(store)
  if (table === undefined) tables.set(store, (table = new PodUsageTable()))
  return table
}

/**
 * Whether the metrics API answers: the metrics-server addon's Deployment in kube-system has an
 * available replica (the APIService is Available only then).
 */
export function metricsApiServed(store: ObjectStore): boolean {
  const d = store.get(DEPLOYMENTS, 'kube-system', 'metrics-server')
  const status = d?.['status'] as { availableReplicas?: number } | undefined
  return (status?.availableReplicas ?? 0) > 0
}
