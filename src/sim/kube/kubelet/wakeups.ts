/**
 * A kubelet's alarm clock: pods ask to be synced again at a virtual instant (a pull finishing, a
 * back-off expiring, a probe due). One clock timer per node, for the earliest alarm, keeps the
 * clock's queue short however many pods a node runs.
 */
export class Wakeups {
  private readonly heap: [number, string][] = []
  private armedFor = Number.POSITIVE_INFINITY

  constructor(
    /** Sets a clock timer `delayMs` from now that calls `fire`. */
    private readonly arm: (delayMs: number) => void,
    private readonly now: () => number,
  ) {}

  at(dueAt: number, key: string): void {
    this.push([dueAt, key])
    if (dueAt < this.armedFor) {
      this.armedFor = dueAt
      this.arm(Math.max(0, dueAt - this.now()))
    }
  }

  /** The keys due by now; re-arms for the next alarm. */
  due(): string[] {
    const now = this.now()
    const out: string[] = []
    for (let top = this.heap[0]; top !== undefined && top[0] <= now; top = this.heap[0]) {
      out.push(top[1])
      this.pop()
    }
    this.armedFor = Number.POSITIVE_INFINITY
    const next = this.heap[0]
    if (next !== undefined) {
      this.armedFor = next[0]
      this.arm(Math.max(0, next[0] - now))
    }
    return out
  }

  clear(): void {
    this.heap.length = 0
    this.armedFor = Number.POSITIVE_INFINITY
  }

  private push(entry: [number, string]): void {
    const h = this.heap
    h.push(entry)
    let i = h.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      const p = h[parent]
      if (p === undefined || p[0] <= entry[0]) break
      h[i] = p
      i = parent
    }
    h[i] = entry
  }

  private pop(): void {
    const h = this.heap
    const last = h.pop()
    if (last === undefined || h.length === 0) return
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let smallest = i
      let value = last[0]
      const left = h[l]
      const right = h[r]
      if (left !== undefined && left[0] < value) {
        smallest = l
        value = left[0]
      }
      if (right !== undefined && right[0] < value) smallest = r
      if (smallest === i) break
      const child = h[smallest]
      if (child === undefined) break
      h[i] = child
      i = smallest
    }
    h[i] = last
  }
}
