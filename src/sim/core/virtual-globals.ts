/* eslint-disable no-restricted-properties -- the one place that swaps Math.random for the seeded source */
import type { VirtualClock } from './clock'
import type { SeededRandom } from './random'

/**
 * Third-party code inside the sim (the bash interpreter, its filesystem) reads `new Date()` and
 * `Math.random()` directly. While such code runs we swap those two globals for the virtual clock
 * and the seeded source, so its output is as deterministic as ours. Scopes nest: each puts back
 * what it found.
 *
 * Caveat, accepted: other async work of the same realm that interleaves with a scope sees virtual
 * time too. The session runs in its own Worker (web) or alone in the main process' sim loop.
 */
const RealDate = globalThis.Date

function virtualDateClass(clock: VirtualClock): DateConstructor {
  class VirtualDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.now())
      else super(...(args as [string | number | Date]))
    }

    static override now(): number {
      return clock.now()
    }
  }
  // Calling Date() without `new` returns the current time as a string.
  return new Proxy(VirtualDate, {
    apply: () => new RealDate(clock.now()).toString(),
  }) as unknown as DateConstructor
}

/**
 * The scopes in force, innermost last. A container's process runs in the background and its scope
 * can outlive the command that started it, so scopes may end out of order: each removes itself
 * and the globals follow whichever scope is then innermost (the real ones when none is left).
 */
const scopes: Array<{ date: DateConstructor; random: () => number }> = []
/** What the globals were before the first scope: put back when the last one ends. */
let outside = { date: globalThis.Date, random: Math.random }

function applyInnermost(): void {
  const top = scopes[scopes.length - 1] ?? outside
  globalThis.Date = top.date
  Math.random = top.random
}

function install(clock: VirtualClock, random: SeededRandom): () => void {
  const scope = { date: virtualDateClass(clock), random: () => random.next() }
  if (scopes.length === 0) outside = { date: globalThis.Date, random: Math.random }
  scopes.push(scope)
  applyInnermost()
  return () => {
    const at = scopes.lastIndexOf(scope)
    if (at !== -1) scopes.splice(at, 1)
    applyInnermost()
  }
}

/** Runs `run` with Date and Math.random reading this clock and this seed. */
export async function withVirtualGlobals<T>(
  clock: VirtualClock,
  random: SeededRandom,
  run: () => Promise<T>,
): Promise<T> {
  const uninstall = install(clock, random)
  try {
    return await run()
  } finally {
    uninstall()
  }
}

export function withVirtualGlobalsSync<T>(
  clock: VirtualClock,
  random: SeededRandom,
  run: () => T,
): T {
  const uninstall = install(clock, random)
  try {
    return run()
  } finally {
    uninstall()
  }
}
