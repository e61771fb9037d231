/**
 * Which pods a scale-down removes first (controller.ActivePodsWithRanks, 1.32 with
 * LogarithmicScaleDown on): unassigned < assigned; Pending < Unknown < Running; not ready < ready;
 * lower pod-deletion-cost first; more co-located siblings first; ready for less time first
 * (log2 buckets); more restarts first; newer first (log2 buckets); then by uid.
 */
import type { KubeObject } from '../../api/object'
import { timeMs } from './meta'
import { asPod, isPodActive, isPodReady, maxContainerRestarts, podReadyTime } from './pods'

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }

const deletionCost = (pod: KubeObject): number => {
  const raw = pod.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost']
  const n = raw === undefined ? 0 : Number.parseInt(raw, 10)
  return Number.isNaN(n) ? 0 : n
}

/** floor(log2(now - t)) in nanoseconds as upstream buckets ages; -1 for none or the future. */
const bucket = (t: number, now: number): number => {
  const d = (now - t) * 1e6
  return d > 0 ? Math.floor(Math.log2(d)) : -1
}

interface Ranked {
  pod: KubeObject
  node: string
  phase: number
  ready: boolean
  cost: number
  rank: number
  readyAt: number | undefined
  restarts: number
  created: number | undefined
  uid: string
}

function less(a: Ranked, b: Ranked, now: number): number {
  if (a.node !== b.node && (a.node === '' || b.node === '')) return a.node === '' ? -1 : 1
  if (a.phase !== b.phase) return a.phase - b.phase
  if (a.ready !== b.ready) return a.ready ? 1 : -1
  if (a.cost !== b.cost) return a.cost - b.cost
  if (a.rank !== b.rank) return b.rank - a.rank
  if (a.ready && b.ready && a.readyAt !== b.readyAt) {
    // afterOrZero: a missing time sorts first, then the later one.
    if (a.readyAt === undefined) return -1
    if (b.readyAt === undefined) return 1
    const diff = bucket(a.readyAt, now) - bucket(b.readyAt, now)
    if (diff !== 0) return diff
    return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0
  }
  if (a.restarts !== b.restarts) return b.restarts - a.restarts
  if (a.created !== b.created) {
    if (a.created === undefined) return -1
    if (b.created === undefined) return 1
    const diff = bucket(a.created, now) - bucket(b.created, now)
    if (diff !== 0) return diff
    return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0
  }
  return 0
}

/** `pods` in deletion order; `related` are the pods of the whole owner family. */
export function rankPodsForDeletion(
  pods: readonly KubeObject[],
  related: readonly KubeObject[],
  now: number,
): KubeObject[] {
  const onNode = new Map<string, number>()
  for (const p of related)
    if (isPodActive(p)) {
      const node = asPod(p).spec?.nodeName ?? ''
      onNode.set(node, (onNode.get(node) ?? 0) + 1)
    }
  const ranked: Ranked[] = pods.map((pod) => {
    const node = asPod(pod).spec?.nodeName ?? ''
    return {
      pod,
      node,
      phase: PHASE_ORDINAL[asPod(pod).status?.phase ?? 'Pending'] ?? 0,
      ready: isPodReady(pod),
      cost: deletionCost(pod),
      rank: onNode.get(node) ?? 0,
      readyAt: podReadyTime(pod),
      restarts: maxContainerRestarts(pod),
      created: timeMs(pod.metadata.creationTimestamp),
      uid: pod.metadata.uid ?? '',
    }
  })
  return ranked.sort((a, b) => less(a, b, now)).map((r) => r.pod)
}
