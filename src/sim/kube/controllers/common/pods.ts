/**
 * Pod predicates the controllers share (pkg/api/v1/pod and pkg/controller): active, ready,
 * available, terminal.
 */
import type { KubeObject, Pod } from '../../api/object'
import { isBeingDeleted, timeMs } from './meta'

export const asPod = (o: KubeObject): Pod => o as unknown as Pod

export const podPhase = (o: KubeObject): string => asPod(o).status?.phase ?? ''

/** Succeeded or Failed: the pod will never run again. */
export const isPodTerminal = (o: KubeObject): boolean => {
  const phase = podPhase(o)
  return phase === 'Succeeded' || phase === 'Failed'
}

/** controller.IsPodActive: not terminal and not being deleted. */
export const isPodActive = (o: KubeObject): boolean => !isPodTerminal(o) && !isBeingDeleted(o)

function readyCondition(
  o: KubeObject,
): { status: string; lastTransitionTime?: string } | undefined {
  for (const c of asPod(o).status?.conditions ?? []) if (c.type === 'Ready') return c
  return undefined
}

export const isPodReady = (o: KubeObject): boolean => readyCondition(o)?.status === 'True'

/** When the pod's Ready condition last turned True (undefined if not ready). */
export function podReadyTime(o: KubeObject): number | undefined {
  const c = readyCondition(o)
  return c?.status === 'True' ? timeMs(c.lastTransitionTime) : undefined
}

/** podutil.IsPodAvailable: ready for at least minReadySeconds (strictly before now). */
export function isPodAvailable(o: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(o)) return false
  if (minReadySeconds === 0) return true
  const since = podReadyTime(o)
  return since !== undefined && since + minReadySeconds * 1000 < nowMs
}

/** The highest restartCount among the pod's containers. */
export function maxContainerRestarts(o: KubeObject): number {
  let max = 0
  for (const s of asPod(o).status?.containerStatuses ?? []) max = Math.max(max, s.restartCount)
  return max
}
