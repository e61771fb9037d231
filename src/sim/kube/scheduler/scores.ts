/**
 * The default profile's Score plugins with their weights (default_plugins.go): each scores the
 * feasible nodes 0–100 after its own normalisation, and the framework sums score × weight.
 * ImageLocality and InterPodAffinity score nothing here (nodes report no images; preferred pod
 * affinity is not modelled), so they are left out rather than adding zeros.
 */
import type { NodeInfo } from './cache'
import type { PodFacts } from './filters'
import { preferredAffinityScore, tolerates } from './node-affinity'

const MAX_NODE_SCORE = 100

/** LeastAllocated over cpu and memory, weight 1 each (NodeResourcesFit's default strategy). */
function leastAllocated(pod: PodFacts, node: NodeInfo): number {
  const part = (requested: number, allocatable: number): number =>
    allocatable === 0 || requested > allocatable
      ? 0
      : Math.floor(((allocatable - requested) * MAX_NODE_SCORE) / allocatable)
  const cpu = part(node.nonZeroMilliCpu + pod.requests.nonZeroMilliCpu, node.allocatableMilliCpu)
  const memory = part(node.nonZeroMemory + pod.requests.nonZeroMemory, node.allocatableMemory)
  return Math.floor((cpu + memory) / 2)
}

/** NodeResourcesBalancedAllocation: 100 × (1 − standard deviation of the cpu and memory fractions). */
function balancedAllocation(pod: PodFacts, node: NodeInfo): number {
  const fraction = (requested: number, allocatable: number): number =>
    allocatable === 0 ? 1 : Math.min(1, requested / allocatable)
  const cpu = fraction(
    node.nonZeroMilliCpu + pod.requests.nonZeroMilliCpu,
    node.allocatableMilliCpu,
  )
  const memory = fraction(node.nonZeroMemory + pod.requests.nonZeroMemory, node.allocatableMemory)
  const std = Math.abs(cpu - memory) / 2
  return Math.trunc((1 - std) * MAX_NODE_SCORE)
}

/** helper.DefaultNormalizeScore. */
function normalize(scores: number[], reverse: boolean): void {
  let max = 0
  for (const s of scores) if (s > max) max = s
  for (let i = 0; i < scores.length; i++) {
    if (max === 0) {
      scores[i] = reverse ? MAX_NODE_SCORE : 0
      continue
    }
    const s = Math.trunc((MAX_NODE_SCORE * (scores[i] ?? 0)) / max)
    scores[i] = reverse ? MAX_NODE_SCORE - s : s
  }
}

function preferNoScheduleCount(pod: PodFacts, node: NodeInfo): number {
  const tolerations = pod.tolerations.filter(
    (t) => t.effect === undefined || t.effect === '' || t.effect === 'PreferNoSchedule',
  )
  let count = 0
  for (const taint of node.taints)
    if (taint.effect === 'PreferNoSchedule' && !tolerations.some((t) => tolerates(t, taint)))
      count++
  return count
}

/**
 * PodTopologySpread with the system default constraints (hostname maxSkew 3, zone maxSkew 5,
 * ScheduleAnyway) over the pods of the same owner. Nodes here carry no zone label, so only the
 * hostname constraint scores: count × ln(nodes + 2) + (maxSkew − 1), fewer is better.
 */
function topologySpread(owner: string | undefined, nodes: readonly NodeInfo[]): number[] {
  if (owner === undefined) return nodes.map(() => 0)
  const weight = Math.log(nodes.length + 2)
  const raw = nodes.map((n) => Math.round((n.ownerCounts.get(owner) ?? 0) * weight + (3 - 1)))
  let min = Number.MAX_SAFE_INTEGER
  let max = 0
  for (const s of raw) {
    if (s < min) min = s
    if (s > max) max = s
  }
  return raw.map((s) =>
    max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - s)) / max),
  )
}

/** The weighted total per node, in `nodes` order. */
export function scoreNodes(
  pod: PodFacts,
  owner: string | undefined,
  nodes: readonly NodeInfo[],
): number[] {
  const taints = nodes.map((n) => preferNoScheduleCount(pod, n))
  normalize(taints, true)
  const affinity = nodes.map((n) => preferredAffinityScore(pod.spec, n.name, n.labels))
  normalize(affinity, false)
  const spread = topologySpread(owner, nodes)
  return nodes.map(
    (n, i) =>
      leastAllocated(pod, n) +
      balancedAllocation(pod, n) +
      3 * (taints[i] ?? 0) +
      2 * (affinity[i] ?? 0) +
      2 * (spread[i] ?? 0),
  )
}
