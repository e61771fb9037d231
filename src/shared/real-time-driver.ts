/**
 * src/sim has no timers: a window host moves the session's virtual clock forward by the real time
 * that has passed, so `sleep 2` takes two seconds. Elapsed time comes from `performance.now()`,
 * never `Date.now()`, because the session swaps `Date` for the virtual clock while a command runs.
 *
 * The student can pause that clock, step it, or run it faster (a node's 5-minute eviction
 * timeout in 5 seconds at ×60): the driver multiplies the real time by its rate.
 *
 * Unlike the terminal host's driver (src/cli), a tick never throws: a failing timer callback is
 * reported and the clock keeps going, so one bad command cannot take down Electron's main process.
 */
export interface AdvancingClock {
  advance(ms: number): void
}

/** The rates the clock controls offer: paused, real time, ×10, ×60. */
export const CLOCK_RATES = [0, 1, 10, 60] as const
export type ClockRate = (typeof CLOCK_RATES)[number]

/** The steps the clock controls offer: +1 s, +10 s, +1 min. */
export const CLOCK_STEPS = [1_000, 10_000, 60_000] as const
export type ClockStep = (typeof CLOCK_STEPS)[number]

export interface RealTimeDriverOptions {
  intervalMs?: number
  now?: () => number
  onError?: (error: unknown) => void
}

export class RealTimeDriver {
  private timer: ReturnType<typeof setInterval> | undefined
  private last = 0
  private rateValue: ClockRate = 1
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

  /** Virtual milliseconds per real millisecond; 0 while paused. */
  get rate(): ClockRate {
    return this.rateValue
  }

  start(): void {
    if (this.timer !== undefined) return
    this.last = this.now()
    this.timer = setInterval(() => this.tick(), this.intervalMs)
  }

  /**
   * Runs the clock at `rate` from now on. The real time since the last tick still counts at the
   * old rate, so changing speed never moves time backwards or jumps it.
   */
  setRate(rate: ClockRate): void {
    if (rate === this.rateValue) return
    this.tick()
    this.rateValue = rate
  }

  /** Moves the clock forward by `ms` at once (paused or not): timers due meanwhile fire in order. */
  step(ms: number): void {
    this.tick()
    this.advance(ms)
  }

  /** Advances the clock by the real time since the previous tick, times the rate. */
  tick(): void {
    const now = this.now()
    const elapsed = now - this.last
    this.last = now
    if (this.rateValue === 0 || elapsed <= 0) return
    this.advance(elapsed * this.rateValue)
  }

  stop(): void {
    if (this.timer === undefined) return
    clearInterval(this.timer)
    this.timer = undefined
  }

  private advance(ms: number): void {
    try {
      this.clock.advance(ms)
    } catch (error) {
      this.onError(error)
    }
  }
}
