/* eslint-disable no-restricted-properties -- the one place that swaps Math.random for the seeded source */
import type { VirtualClock } from './clock'
import type { SeededRandom } from './random'

/**
 * Third-party code inside the sim (the bash interpreter, its filesystem) reads `new Date()` and
 * `Math.random()` directly. While such code runs we swap those two globals for the virtual clock
 * and the seeded source, so its output is as deterministic as ours. Scopes nest; the real globals
 * come back when the outermost scope ends.
 *
 * Caveat, accepted: other async work of the same realm that interleaves with a scope sees virtual
 * time too. The session runs in its own Worker (web) or alone in the main process' sim loop.
 */
const RealDate = globalThis.Date
const realRandom = Math.random

let depth = 0

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

export async function withVirtualGlobals<T>(
  clock: VirtualClock,
  random: SeededRandom,
  run: () => Promise<T>,
): Promise<T> {
  const outermost = depth === 0
  depth++
  if (outermost) {
    globalThis.Date = virtualDateClass(clock)
    Math.random = () => random.next()
  }
  try {
    return await run()
  } finally {
    depth--
    if (outermost) {
      globalThis.Date = RealDate
      Math.random = realRandom
    }
  }
}

export function withVirtualGlobalsSync<T>(
  clock: VirtualClock,
  random: SeededRandom,
  run: () => T,
): T {
  const outermost = depth === 0
  depth++
  if (outermost) {
    globalThis.Date = virtualDateClass(clock)
    Math.random = () => random.next()
  }
  try {
    return run()
  } finally {
    depth--
    if (outermost) {
      globalThis.Date = RealDate
      Math.random = realRandom
    }
  }
}
