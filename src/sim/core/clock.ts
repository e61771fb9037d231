/**
 * The only source of time in src/sim. Hosts advance it in real time (see `RealTimeDriver` in the
 * hosts); tests advance it by hand, so the same input gives the same bytes.
 */
export interface Timer {
  readonly id: number
  readonly dueAt: number
}

type TimerEntry = Timer & { readonly callback: () => void }

/** 2026-01-05T09:00:00Z: a Monday morning of term, so fresh sessions print plausible dates. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 5, 9, 0, 0)

export class VirtualClock {
  private nowMs: number
  private timers: TimerEntry[] = []
  private nextTimerId = 1
  private readonly listeners = new Set<(nowMs: number) => void>()

  constructor(startMs: number = DEFAULT_EPOCH_MS) {
    this.nowMs = startMs
  }

  now(): number {
    return this.nowMs
  }

  /** Moves time forward, firing every timer that falls due, in due order. */
  advance(ms: number): void {
    if (!(ms > 0)) return
    const target = this.nowMs + ms
    for (;;) {
      const next = this.timers[0]
      if (next === undefined || next.dueAt > target) break
      this.timers.shift()
      this.nowMs = Math.max(this.nowMs, next.dueAt)
      next.callback()
    }
    this.nowMs = target
    for (const listener of this.listeners) listener(this.nowMs)
  }

  /** Runs `callback` once the clock has moved `delayMs` forward. */
  setTimer(delayMs: number, callback: () => void): Timer {
    const entry: TimerEntry = {
      id: this.nextTimerId++,
      dueAt: this.nowMs + Math.max(0, delayMs),
      callback,
    }
    const at = this.timers.findIndex((t) => t.dueAt > entry.dueAt)
    if (at === -1) this.timers.push(entry)
    else this.timers.splice(at, 0, entry)
    return { id: entry.id, dueAt: entry.dueAt }
  }

  clearTimer(timer: Timer): void {
    this.timers = this.timers.filter((t) => t.id !== timer.id)
  }

  /** When the next timer falls due, or undefined when none is pending. */
  nextDueAt(): number | undefined {
    return this.timers[0]?.dueAt
  }

  onAdvance(listener: (nowMs: number) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  toJSON(): { nowMs: number } {
    return { nowMs: this.nowMs }
  }
}
