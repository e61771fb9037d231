/**
 * How long the daemon takes over each step compose reports, so the progress display's timing
 * column shows plausible figures on the virtual clock: a container is created in about a tenth
 * of a second and started in a few, a network takes a little longer, a cooperative process stops
 * in a few tenths. Each duration is fixed by the resource's name (a hash, not the seeded random:
 * the session's random sequence stays what other commands expect), so the same commands give
 * the same bytes.
 */
import type { ComposeRuntime } from './runtime'

export type Step =
  | 'create'
  | 'start'
  | 'stop'
  | 'remove'
  | 'network-create'
  | 'network-remove'
  | 'volume'
  | 'pause'
  | 'kill'

/** [base, spread] in ms. */
const COST: Record<Step, readonly [number, number]> = {
  create: [60, 90],
  start: [180, 260],
  stop: [150, 350],
  remove: [20, 60],
  'network-create': [40, 80],
  'network-remove': [180, 160],
  volume: [5, 20],
  pause: [20, 40],
  kill: [40, 80],
}

function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

export function stepMs(step: Step, name: string): number {
  const [base, spread] = COST[step]
  return base + (hash(`${step}:${name}`) % spread)
}

/** Lets `ms` of virtual time pass (the containers started meanwhile run on). */
export async function pass(rt: ComposeRuntime, ms: number): Promise<void> {
  if (ms > 0) await rt.shell.sleep(ms)
}

/** A pull's duration: registry round trips, then the layers at a home connection's pace. */
export function pullMs(bytes: number, name: string): number {
  const mbPerSecond = 40
  return 600 + (hash(`pull:${name}`) % 400) + Math.round((bytes / (mbPerSecond * 1e6)) * 1000)
}
