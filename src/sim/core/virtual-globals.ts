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

function install(clock: VirtualClock, random: SeededRandom): () => void {
  const saved = { date: globalThis.Date, random: Math.random }
  globalThis.Date = virtualDateClass(clock)
  Math.random = () => random.next()
  return () => {
    globalThis.Date = saved.date
    Math.random = saved.random
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
