import type { SessionSnapshot } from '../../../sim/shell/session'

/**
 * Where the web host keeps the student's session: one IndexedDB record in their own browser,
 * written after commands and read on start. Nothing is sent anywhere. Used from the Worker.
 */
/** The Worker's name when the page asks for a fresh session (`?reset` in its address). */
export const FRESH_SESSION_WORKER = 'quai-session-fresh'

const DATABASE = 'quai'
const STORE = 'sessions'
const KEY = 'current'
/** A blocked or very slow database must not hold up the terminal. */
const OPEN_TIMEOUT_MS = 3_000

export interface SessionStore {
  load(): Promise<unknown>
  save(snapshot: SessionSnapshot): Promise<void>
  clear(): Promise<void>
}

function completion<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'))
  })
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('IndexedDB did not open in time')),
      OPEN_TIMEOUT_MS,
    )
    const request = indexedDB.open(DATABASE, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(STORE)
    request.onsuccess = () => {
      clearTimeout(timer)
      resolve(request.result)
    }
    request.onerror = () => {
      clearTimeout(timer)
      reject(request.error ?? new Error('IndexedDB could not be opened'))
    }
  })
}

/** The store, or undefined where the browser offers none (storage disabled, private modes). */
export async function openSessionStore(): Promise<SessionStore | undefined> {
  if (typeof indexedDB === 'undefined') return undefined
  let db: IDBDatabase
  try {
    db = await openDatabase()
  } catch {
    return undefined
  }
  const store = (mode: IDBTransactionMode): IDBObjectStore =>
    db.transaction(STORE, mode).objectStore(STORE)
  return {
    load: () => completion(store('readonly').get(KEY)),
    save: async (snapshot) => {
      await completion(store('readwrite').put(snapshot, KEY))
    },
    clear: async () => {
      await completion(store('readwrite').delete(KEY))
    },
  }
}

/**
 * Saves the session once the shell is idle after input, at most one save at a time: keystrokes
 * that arrive during a save lead to one more save after it, not one each.
 */
export class SessionAutosave {
  private timer: ReturnType<typeof setTimeout> | undefined
  private saving: Promise<void> | undefined
  private again = false
  private burstStart = 0

  constructor(
    private readonly store: SessionStore,
    private readonly snapshot: () => Promise<SessionSnapshot>,
    private readonly whenIdle: () => Promise<void>,
    private readonly log: (message: string, error?: unknown) => void,
    private readonly delayMs = 300,
    private readonly maxDelayMs = 1000,
  ) {}

  /**
   * Something changed (or may have): save soon. Requests in a burst push the save back, but
   * never more than `maxDelayMs` after the first one, so steady typing still gets saved.
   */
  request(): void {
    const now = Date.now()
    if (this.timer !== undefined) {
      if (now - this.burstStart >= this.maxDelayMs) return
      clearTimeout(this.timer)
    } else this.burstStart = now
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.run()
    }, this.delayMs)
  }

  private run(): void {
    if (this.saving !== undefined) {
      this.again = true
      return
    }
    this.saving = this.save()
      .catch((error: unknown) => this.log('[quai] the session could not be saved', error))
      .finally(() => {
        this.saving = undefined
        if (this.again) {
          this.again = false
          this.run()
        }
      })
  }

  private async save(): Promise<void> {
    await this.whenIdle()
    await this.store.save(await this.snapshot())
  }
}
