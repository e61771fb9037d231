/**
 * src/sim has no timers: a window host moves the session's virtual clock forward by the real time
 * that has passed, so `sleep 2` takes two seconds. Elapsed time comes from `performance.now()`,
 * never `Date.now()`, because the session swaps `Date` for the virtual clock while a command runs.
 *
 * Unlike the terminal host's driver (src/cli), a tick never throws: a failing timer callback is
 * reported and the clock keeps going, so one bad command cannot take down Electron's main process.
 */
export interface AdvancingClock {
  advance(ms: number): void
}

export interface RealTimeDriverOptions {
  intervalMs?: number
  now?: () => number
  onError?: (error: unknown) => void
}

export class RealTimeDriver {
  private timer: ReturnType<typeof setInterval> | undefined
  private last = 0
  private readonly intervalMs: number
  private readonly now: () => number
  private readonly onError: (error: unknown) => void

  constructor(
    private readonly clock: AdvancingClock,
    options: RealTimeDriverOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 50
    this.now = options.now ?? (() => performance.now())
    this.onError = options.onError ?? ((error) => console.error('[quai] clock tick failed', error))
  }

  start(): void {
    if (this.timer !== undefined) return
    this.last = this.now()
    this.timer = setInterval(() => this.tick(), this.intervalMs)
  }

  /** Advances the clock by the real time since the previous tick. */
  tick(): void {
    const now = this.now()
    const elapsed = now - this.last
    this.last = now
    try {
      this.clock.advance(elapsed)
    } catch (error) {
      this.onError(error)
    }
  }

  stop(): void {
    if (this.timer === undefined) return
    clearInterval(this.timer)
    this.timer = undefined
  }
}
