import { decodeKeys, type Key, named } from './keys'

/**
 * Keys waiting to be handled. Input arrives in chunks whenever the terminal sends it; an editor
 * takes keys one at a time with `next()`, so a flow such as "prompt, then ask, then write" reads
 * as straight-line code, and keys typed while a file is being written wait their turn.
 */
export class KeyQueue {
  private readonly keys: Key[] = []
  private waiter: ((key: Key | null) => void) | null = null
  private closed = false

  /**
   * @param metaAsEscape vim reads Alt+x (ESC x) as Esc followed by x; so does a paste like
   *   "ihello\x1b:wq\r". nano keeps Alt combinations as keys of their own.
   */
  constructor(private readonly metaAsEscape = false) {}

  push(data: string): void {
    if (this.closed) return
    for (const key of decodeKeys(data)) {
      if (key.kind === 'meta' && this.metaAsEscape) {
        this.keys.push(named('escape'), { kind: 'char', char: key.char })
      } else {
        this.keys.push(key)
      }
    }
    this.wake()
  }

  /** Ends the queue: `next()` resolves with null from now on. */
  close(): void {
    this.closed = true
    this.keys.length = 0
    this.wake()
  }

  /** Whether a key is ready now (an editor skips redrawing between keys of a paste). */
  get pending(): boolean {
    return this.keys.length > 0
  }

  next(): Promise<Key | null> {
    const key = this.keys.shift()
    if (key !== undefined) return Promise.resolve(key)
    if (this.closed) return Promise.resolve(null)
    return new Promise((resolve) => {
      this.waiter = resolve
    })
  }

  private wake(): void {
    const waiter = this.waiter
    if (waiter === null) return
    const key = this.keys.shift()
    if (key === undefined && !this.closed) return
    this.waiter = null
    waiter(key ?? null)
  }
}
