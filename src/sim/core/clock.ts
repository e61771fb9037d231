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

/**
 * Heap order: due time first, then the order timers were set (ids grow), so timers that fall due
 * at the same instant fire first-set first-fired — the determinism contract.
 */
const before = (a: TimerEntry, b: TimerEntry): boolean =>
  a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.id < b.id)

export class VirtualClock {
  private nowMs: number
  /**
   * Pending timers as a binary min-heap: a cluster of thousands of pods keeps tens of thousands
   * of timers, where a sorted array paid a linear insert per timer.
   */
  private readonly heap: TimerEntry[] = []
  /** Ids of the live timers; a cleared one stays in the heap, skipped when it reaches the top. */
  private readonly pending = new Set<number>()
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
      const next = this.peek()
      if (next === undefined || next.dueAt > target) break
      this.pop()
      this.pending.delete(next.id)
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
    this.push(entry)
    this.pending.add(entry.id)
    return { id: entry.id, dueAt: entry.dueAt }
  }

  clearTimer(timer: Timer): void {
    if (!this.pending.delete(timer.id)) return
    // Cleared timers wait in the heap until they surface; drop them once they are the majority.
    if (this.heap.length > 64 && this.heap.length > 2 * this.pending.size) {
      const live = this.heap.filter((t) => this.pending.has(t.id))
      // A sorted array is a valid heap.
      live.sort((a, b) => a.dueAt - b.dueAt || a.id - b.id)
      this.heap.length = 0
      for (const t of live) this.heap.push(t)
    }
  }

  /** When the next timer falls due, or undefined when none is pending. */
  nextDueAt(): number | undefined {
    return this.peek()?.dueAt
  }

  onAdvance(listener: (nowMs: number) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  toJSON(): { nowMs: number } {
    return { nowMs: this.nowMs }
  }

  /** The earliest live timer, dropping cleared ones found on top. */
  private peek(): TimerEntry | undefined {
    for (;;) {
      const top = this.heap[0]
      if (top === undefined || this.pending.has(top.id)) return top
      this.pop()
    }
  }

  private push(entry: TimerEntry): void {
    const heap = this.heap
    let i = heap.length
    heap.push(entry)
    while (i > 0) {
      const parent = (i - 1) >> 1
      const p = heap[parent] as TimerEntry
      if (!before(entry, p)) break
      heap[i] = p
      i = parent
    }
    heap[i] = entry
  }

  private pop(): void {
    const heap = this.heap
    const last = heap.pop()
    if (last === undefined || heap.length === 0) return
    const n = heap.length
    let i = 0
    for (;;) {
      const left = 2 * i + 1
      if (left >= n) break
      const right = left + 1
      let child = left
      if (right < n && before(heap[right] as TimerEntry, heap[left] as TimerEntry)) child = right
      const c = heap[child] as TimerEntry
      if (!before(c, last)) break
      heap[i] = c
      i = child
    }
    heap[i] = last
  }
}
