/**
 * What the cluster panel does with a snapshot before drawing it: the namespace and label filters
 * (label selectors parsed and matched by the simulated API server's own code, so `app=web`,
 * `tier!=db` or `env in (prod)` mean what they mean to `kubectl get -l`), pods grouped by node,
 * and the commands the node buttons type. Pure, so it is tested without a browser.
 */
import { matches, parseSelector } from '../../../sim/kube/api/label-selector'
import type {
  ClusterPanelCluster,
  ClusterPanelEvent,
  ClusterPanelPod,
  ClusterPanelService,
  ClusterPanelWorkload,
} from '../../../sim/kube/snapshot'

/** Namespaces the panel hides unless asked: what the cluster runs for itself. */
export const SYSTEM_NAMESPACES: readonly string[] = [
  'kube-node-lease',
  'kube-public',
  'kube-system',
]

export interface ClusterFilter {
  /** One namespace, or null for all of them (system ones only with `showSystem`). */
  namespace: string | null
  showSystem: boolean
  /** A label selector as `kubectl -l` takes it; blank selects everything. */
  labels: string
}

export const DEFAULT_FILTER: ClusterFilter = { namespace: null, showSystem: false, labels: '' }

export interface ClusterView {
  pods: ClusterPanelPod[]
  workloads: ClusterPanelWorkload[]
  services: ClusterPanelService[]
  events: ClusterPanelEvent[]
  /** The selector parser's message when `labels` does not parse (nothing is filtered by it then). */
  labelError: string | null
}

export const isSystemNamespace = (namespace: string): boolean =>
  SYSTEM_NAMESPACES.includes(namespace)

/** Namespaces the filter lets through. */
function namespaceFilter(filter: ClusterFilter): (namespace: string) => boolean {
  if (filter.namespace !== null) {
    const only = filter.namespace
    return (namespace) => namespace === only
  }
  return (namespace) => filter.showSystem || !isSystemNamespace(namespace)
}

export function filterCluster(cluster: ClusterPanelCluster, filter: ClusterFilter): ClusterView {
  const inNamespace = namespaceFilter(filter)
  const text = filter.labels.trim()
  const parsed = parseSelector(text)
  const selector = parsed.ok ? parsed.value : undefined
  const labelled = (labels: Record<string, string>): boolean =>
    selector === undefined || matches(selector, labels)
  return {
    pods: cluster.pods.filter((p) => inNamespace(p.namespace) && labelled(p.labels)),
    workloads: cluster.workloads.filter((w) => inNamespace(w.namespace) && labelled(w.labels)),
    services: cluster.services.filter((s) => inNamespace(s.namespace) && labelled(s.labels)),
    events: cluster.events.filter((e) => inNamespace(e.namespace)),
    labelError: parsed.ok ? null : parsed.error,
  }
}

/** Pods by the node they run on; unscheduled pods under null (the "Pending" lane). */
export function podsByNode(
  pods: readonly ClusterPanelPod[],
): Map<string | null, ClusterPanelPod[]> {
  const out = new Map<string | null, ClusterPanelPod[]>()
  for (const pod of pods) {
    const list = out.get(pod.node)
    if (list === undefined) out.set(pod.node, [pod])
    else list.push(pod)
  }
  return out
}

/** A Deployment's ReplicaSets under it; other workloads on their own. */
export interface WorkloadGroup {
  workload: ClusterPanelWorkload
  children: ClusterPanelWorkload[]
}

export function groupWorkloads(workloads: readonly ClusterPanelWorkload[]): WorkloadGroup[] {
  const groups: WorkloadGroup[] = []
  const byOwner = new Map<string, WorkloadGroup>()
  for (const w of workloads)
    if (w.kind !== 'ReplicaSet' || w.owner === null) {
      const group = { workload: w, children: [] }
      groups.push(group)
      byOwner.set(`${w.namespace}/${w.kind}/${w.name}`, group)
    }
  for (const w of workloads) {
    if (w.kind !== 'ReplicaSet' || w.owner === null) continue
    const parent = byOwner.get(`${w.namespace}/${w.owner}`)
    if (parent === undefined) groups.push({ workload: w, children: [] })
    else parent.children.push(w)
  }
  return groups
}

export type NodeAction = 'stop' | 'start'

/** The command a node button types: exactly what a student would (`minikube node stop m02`). */
export function nodeCommand(profile: string, node: string, action: NodeAction): string {
  const base = `minikube node ${action} ${node}`
  return profile === 'minikube' ? base : `${base} -p ${profile}`
}

/** `default/web-5d8f…` only when the namespace is not obvious from the filter. */
export function podLabel(pod: ClusterPanelPod, filter: ClusterFilter): string {
  return filter.namespace !== null || pod.namespace === 'default'
    ? pod.name
    : `${pod.namespace}/${pod.name}`
}
