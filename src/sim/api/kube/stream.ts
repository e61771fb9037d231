/**
 * A body written as things happen (watch events, a followed log): producers push chunks from
 * store listeners and clock timers, the host pulls them with `for await`. Ending it runs the
 * cleanups once (unsubscribe, clear timers), whether the producer, a timeout or the client ended it.
 */
import type { BodyChunk } from './http'

export class ChunkStream implements AsyncIterable<BodyChunk> {
  private readonly queue: BodyChunk[] = []
  private waiting: ((done: boolean) => void) | undefined
  private ended = false
  private readonly cleanups: (() => void)[] = []

  constructor(signal?: AbortSignal) {
    if (signal?.aborted) this.end()
    else signal?.addEventListener('abort', () => this.end(), { once: true })
  }

  get closed(): boolean {
    return this.ended
  }

  /** Runs `fn` when the stream ends (at once if it already has). */
  onEnd(fn: () => void): void {
    if (this.ended) fn()
    else this.cleanups.push(fn)
  }

  push(chunk: BodyChunk): void {
    if (this.ended) return
    this.queue.push(chunk)
    this.wake(false)
  }

  end(): void {
    if (this.ended) return
    this.ended = true
    for (const fn of this.cleanups.splice(0)) fn()
    this.wake(true)
  }

  private wake(done: boolean): void {
    const resolve = this.waiting
    this.waiting = undefined
    resolve?.(done)
  }

  async *[Symbol.asyncIterator](): AsyncIterator<BodyChunk> {
    for (;;) {
      const next = this.queue.shift()
      if (next !== undefined) {
        yield next
        continue
      }
      if (this.ended) return
      await new Promise<boolean>((resolve) => (this.waiting = resolve))
    }
  }
}
