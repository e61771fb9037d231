/**
 * The default profile's Score plugins with their weights (default_plugins.go): each scores the
 * feasible nodes 0–100 after its own normalisation, and the framework sums score × weight.
 * ImageLocality and InterPodAffinity score nothing here (nodes report no images; preferred pod
 * affinity is not modelled), so they are left out rather than adding zeros.
 */
import type { NodeInfo } from './cache'
import type { PodFacts } from './filters'
import { preferredAffinityScore, tolerates, type Toleration } from './node-affinity'

const MAX_NODE_SCORE = 100

/** LeastAllocated's share for one resource (NodeResourcesFit's default strategy, weight 1 each). */
const leastPart = (requested: number, allocatable: number): number =>
  allocatable === 0 || requested > allocatable
    ? 0
    : Math.floor(((allocatable - requested) * MAX_NODE_SCORE) / allocatable)

/** BalancedAllocation's fraction: 100 × (1 − standard deviation of the cpu and memory fractions). */
const fraction = (requested: number, allocatable: number): number =>
  allocatable === 0 ? 1 : Math.min(1, requested / allocatable)

/** Pod tolerations that can excuse a PreferNoSchedule taint, once per pod rather than per node. */
function preferNoScheduleTolerations(pod: PodFacts): readonly Toleration[] {
  return pod.tolerations.filter(
    (t) => t.effect === undefined || t.effect === '' || t.effect === 'PreferNoSchedule',
  )
}

function preferNoScheduleCount(tolerations: readonly Toleration[], node: NodeInfo): number {
  let count = 0
  for (const taint of node.taints)
    if (taint.effect === 'PreferNoSchedule' && !tolerations.some((t) => tolerates(t, taint)))
      count++
  return count
}

/** Per-node raw scores, reused between pods: scoring runs for every pod over hundreds of nodes. */
let taintScratch = new Float64Array(0)
let affinityScratch = new Float64Array(0)
let spreadScratch = new Float64Array(0)
let totalScratch = new Float64Array(0)

/**
 * The weighted total per node, in `nodes` order. The plugins' normalisations follow
 * helper.DefaultNormalizeScore (TaintToleration reversed, NodeAffinity as is) and
 * PodTopologySpread with the system default constraints (hostname maxSkew 3, zone maxSkew 5,
 * ScheduleAnyway) over the pods of the same owner. Nodes here carry no zone label, so only the
 * hostname constraint scores: count × ln(nodes + 2) + (maxSkew − 1), fewer is better. All in one
 * pass per plugin over shared buffers, with the same arithmetic as the plugins'.
 *
 * The answer is a shared buffer, valid until the next call: read `n` scores from it at once.
 */
export function scoreNodes(
  pod: PodFacts,
  owner: string | undefined,
  nodes: readonly NodeInfo[],
  count: number = nodes.length,
): Float64Array {
  const n = count
  if (taintScratch.length < n) {
    taintScratch = new Float64Array(n)
    affinityScratch = new Float64Array(n)
    spreadScratch = new Float64Array(n)
    totalScratch = new Float64Array(n)
  }
  const taints = taintScratch
  const affinity = affinityScratch
  const spread = spreadScratch
  const tolerations = preferNoScheduleTolerations(pod)
  const preferred =
    pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []
  const weight = Math.log(n + 2)
  let taintMax = 0
  let affinityMax = 0
  let spreadMin = Number.MAX_SAFE_INTEGER
  let spreadMax = 0
  for (let i = 0; i < n; i++) {
    const node = nodes[i] as NodeInfo
    const t = node.taints.length === 0 ? 0 : preferNoScheduleCount(tolerations, node)
    taints[i] = t
    if (t > taintMax) taintMax = t
    const a = preferred.length === 0 ? 0 : preferredAffinityScore(pod.spec, node.name, node.labels)
    affinity[i] = a
    if (a > affinityMax) affinityMax = a
    if (owner !== undefined) {
      const s = Math.round((node.ownerCounts.get(owner) ?? 0) * weight + (3 - 1))
      spread[i] = s
      if (s < spreadMin) spreadMin = s
      if (s > spreadMax) spreadMax = s
    }
  }
  const scores = totalScratch
  const podCpu = pod.requests.nonZeroMilliCpu
  const podMemory = pod.requests.nonZeroMemory
  for (let i = 0; i < n; i++) {
    const node = nodes[i] as NodeInfo
    // LeastAllocated and BalancedAllocation over the same requested/allocatable pairs.
    const cpuRequested = node.nonZeroMilliCpu + podCpu
    const memoryRequested = node.nonZeroMemory + podMemory
    const least = Math.floor(
      (leastPart(cpuRequested, node.allocatableMilliCpu) +
        leastPart(memoryRequested, node.allocatableMemory)) /
        2,
    )
    const std =
      Math.abs(
        fraction(cpuRequested, node.allocatableMilliCpu) -
          fraction(memoryRequested, node.allocatableMemory),
      ) / 2
    const balanced = Math.trunc((1 - std) * MAX_NODE_SCORE)
    const taint =
      taintMax === 0
        ? MAX_NODE_SCORE
        : MAX_NODE_SCORE - Math.trunc((MAX_NODE_SCORE * (taints[i] as number)) / taintMax)
    const aff =
      affinityMax === 0 ? 0 : Math.trunc((MAX_NODE_SCORE * (affinity[i] as number)) / affinityMax)
    const spr =
      owner === undefined
        ? 0
        : spreadMax === 0
          ? MAX_NODE_SCORE
          : Math.trunc(
              (MAX_NODE_SCORE * (spreadMax + spreadMin - (spread[i] as number))) / spreadMax,
            )
    scores[i] = least + balanced + 3 * taint + 2 * aff + 2 * spr
  }
  return scores
}
