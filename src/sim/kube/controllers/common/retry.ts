/**
 * The work queue's rate limiter for a key whose sync failed (client-go's default: exponential from
 * 5 ms, doubling, capped at 1000 s), on the virtual clock. One retry is pending per key at most.
 */
import type { ControllerContext } from '../../cluster'

const BASE_MS = 5
const MAX_MS = 1_000_000

export class RetryBackoff {
  private readonly failures = new Map<string, number>()
  private readonly dueAt = new Map<string, number>()

  retry(ctx: ControllerContext, key: string): void {
    const now = ctx.clock.now()
    if ((this.dueAt.get(key) ?? -1) > now) return
    const n = this.failures.get(key) ?? 0
    this.failures.set(key, n + 1)
    const delay = Math.min(BASE_MS * 2 ** n, MAX_MS)
    this.dueAt.set(key, now + delay)
    ctx.enqueueAfter(key, delay)
  }

  forget(key: string): void {
    this.failures.delete(key)
  }
}

/**
 * Requeues a key at a given virtual time once (queue.AddAfter, deduplicated: a later request for
 * the same key is dropped while an earlier or equal one is pending).
 */
export class DelayedRequeue {
  private readonly due = new Map<string, number>()

  at(ctx: ControllerContext, key: string, dueMs: number): void {
    const now = ctx.clock.now()
    const existing = this.due.get(key)
    if (existing !== undefined && existing <= dueMs && existing > now) return
    this.due.set(key, dueMs)
    ctx.enqueueAfter(key, Math.max(0, dueMs - now))
  }
}
