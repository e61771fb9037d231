/**
 * The default profile's Filter plugins, in upstream order (pkg/scheduler/apis/config/v1/
 * default_plugins.go). Each answers undefined (the node fits) or why not, with the reason texts
 * `0/N nodes are available: …` counts, and whether preemption could help: Unschedulable (evicting
 * lower-priority pods might make room) or UnschedulableAndUnresolvable (it cannot).
 */
import type { NodeInfo } from './cache'
import type { HostPort, PodRequests } from './pod-resources'
import {
  nodeAffinityMatches,
  tolerates,
  untoleratedTaint,
  type PodNodeConstraints,
  type Toleration,
} from './node-affinity'

export type FilterCode = 'Unschedulable' | 'UnschedulableAndUnresolvable'

export interface FilterFailure {
  readonly code: FilterCode
  readonly reasons: readonly string[]
}

/** What the filters need of the pod, computed once per scheduling attempt. */
export interface PodFacts {
  readonly spec: PodNodeConstraints & {
    nodeName?: string
    tolerations?: Toleration[]
  }
  readonly tolerations: readonly Toleration[]
  readonly requests: PodRequests
  readonly ports: readonly HostPort[]
}

const unresolvable = (reason: string): FilterFailure => ({
  code: 'UnschedulableAndUnresolvable',
  reasons: [reason],
})

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }

export function nodeUnschedulable(pod: PodFacts, node: NodeInfo): FilterFailure | undefined {
  if (!node.unschedulable) return undefined
  if (pod.tolerations.some((t) => tolerates(t, UNSCHEDULABLE_TAINT))) return undefined
  return unresolvable('node(s) were unschedulable')
}

export function nodeName(pod: PodFacts, node: NodeInfo): FilterFailure | undefined {
  const wanted = pod.spec.nodeName
  if (wanted === undefined || wanted === '' || wanted === node.name) return undefined
  return unresolvable("node(s) didn't match the requested node name")
}

export function taintToleration(pod: PodFacts, node: NodeInfo): FilterFailure | undefined {
  if (node.taints.length === 0) return undefined
  const taint = untoleratedTaint(node.taints, pod.tolerations, ['NoSchedule', 'NoExecute'])
  if (taint === undefined) return undefined
  return unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`)
}

export function nodeAffinity(pod: PodFacts, node: NodeInfo): FilterFailure | undefined {
  if (pod.spec.nodeSelector === undefined && pod.spec.affinity?.nodeAffinity === undefined)
    return undefined
  if (nodeAffinityMatches(pod.spec, node.name, node.labels)) return undefined
  return unresolvable("node(s) didn't match Pod's node affinity/selector")
}

export function nodePorts(pod: PodFacts, node: NodeInfo): FilterFailure | undefined {
  if (pod.ports.length === 0) return undefined
  for (const p of pod.ports) {
    const wildcard = p.hostIP === '0.0.0.0'
    for (const used of node.usedPorts.keys()) {
      const [protocol, ip, port] = used.split('/')
      if (protocol !== p.protocol || Number(port) !== p.port) continue
      if (wildcard || ip === '0.0.0.0' || ip === p.hostIP)
        return {
          code: 'Unschedulable',
          reasons: ["node(s) didn't have free ports for the requested pod ports"],
        }
    }
  }
  return undefined
}

/** NodeResourcesFit: every shortfall is its own reason (`Insufficient cpu`, `Insufficient memory`). */
export function nodeResourcesFit(pod: PodFacts, node: NodeInfo): FilterFailure | undefined {
  const r = pod.requests
  const pods = node.podCount + 1 > node.allocatablePods
  const cpu = r.milliCpu > 0 && r.milliCpu > node.allocatableMilliCpu - node.requestedMilliCpu
  const memory = r.memory > 0 && r.memory > node.allocatableMemory - node.requestedMemory
  const storage =
    r.ephemeralStorage > 0 && r.ephemeralStorage > node.allocatableStorage - node.requestedStorage
  // Nodes mostly fit: the reasons list is built only for one that does not.
  if (!pods && !cpu && !memory && !storage) return undefined
  const reasons: string[] = []
  if (pods) reasons.push('Too many pods')
  if (cpu) reasons.push('Insufficient cpu')
  if (memory) reasons.push('Insufficient memory')
  if (storage) reasons.push('Insufficient ephemeral-storage')
  return { code: 'Unschedulable', reasons }
}

/** In the order the framework runs them; the first failure decides a node. */
export const FILTERS: readonly ((pod: PodFacts, node: NodeInfo) => FilterFailure | undefined)[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
]

/**
 * Whether only the node's own state can fail this pod: no node name, no node selector or
 * affinity, no host ports. Computed once per pod, so `runFilters` can skip the filters that
 * would pass anyway on a plain node (the common case, hundreds of nodes per pod).
 */
export function plainPod(pod: PodFacts): boolean {
  return (
    (pod.spec.nodeName === undefined || pod.spec.nodeName === '') &&
    pod.spec.nodeSelector === undefined &&
    pod.spec.affinity?.nodeAffinity === undefined &&
    pod.ports.length === 0
  )
}

/** The first failing filter's answer, in FILTERS order (undefined: the node fits). */
export function runFilters(
  pod: PodFacts,
  plain: boolean,
  node: NodeInfo,
): FilterFailure | undefined {
  if (plain && !node.unschedulable && node.taints.length === 0) return nodeResourcesFit(pod, node)
  for (let f = 0; f < FILTERS.length; f++) {
    const failure = (FILTERS[f] as (typeof FILTERS)[number])(pod, node)
    if (failure !== undefined) return failure
  }
  return undefined
}
