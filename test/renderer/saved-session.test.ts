import { describe, expect, it, vi } from 'vitest'
import { NOTES, openSavedSession } from '../../src/renderer/src/host/saved-session'
import { SessionAutosave, type SessionStore } from '../../src/renderer/src/host/session-store'
import { Session, type SessionSnapshot } from '../../src/sim/shell/session'

/**
 * The web host's saved session: a good snapshot comes back whole; anything else (garbage in
 * IndexedDB, a snapshot from another version, storage that throws) gives a fresh session and the
 * note that says so, never an error.
 */
async function savedAfter(lines: string[]): Promise<SessionSnapshot> {
  const session = await Session.create({ seed: 7 })
  for (const line of lines) await session.run(line)
  return session.snapshot()
}

describe('openSavedSession', () => {
  it('starts fresh, with nothing to say, when nothing was saved', async () => {
    const opened = await openSavedSession(async () => undefined, 3)
    expect(opened.outcome).toBe('fresh')
    expect(opened.note).toBeUndefined()
    expect(opened.session.seed).toBe(3)
  })

  it('restores files, directory, variables and history, and says so', async () => {
    const saved = await savedAfter(['echo bonjour > note.txt', 'export NAME=quai', 'cd /tmp'])
    const opened = await openSavedSession(async () => structuredClone(saved), 3)
    expect(opened.outcome).toBe('restored')
    expect(opened.note).toBe(NOTES.restored)
    const result = await opened.session.run('cat ~/note.txt; echo "$NAME"; pwd; history | wc -l')
    expect(result.stdout).toBe('bonjour\nquai\n/tmp\n4\n')
  })

  it.each([
    ['null', null],
    ['a string', 'not a snapshot'],
    ['another version', { version: 2 }],
    ['a broken filesystem', { version: 1, fs: 'not a filesystem' }],
  ])('starts fresh and says the save was unreadable for %s', async (_name, saved) => {
    const log = vi.fn()
    const opened = await openSavedSession(async () => saved, 5, log)
    expect(opened.outcome).toBe('unreadable')
    expect(opened.note).toBe(NOTES.unreadable)
    expect((await opened.session.run('pwd')).stdout).toBe('/home/student\n')
    expect(log).toHaveBeenCalledOnce()
  })

  it('starts fresh when the snapshot parses but cannot be restored', async () => {
    // Files larger than the filesystem's own limit: restoring them fails with ENOSPC.
    const saved = await savedAfter(['echo bonjour > note.txt'])
    const opened = await openSavedSession(
      async () => ({ ...saved, fs: { ...saved.fs, limitBytes: 1 } }),
      5,
    )
    expect(opened.outcome).toBe('unreadable')
    expect(opened.note).toBe(NOTES.unreadable)
  })

  it('starts fresh when the storage itself fails', async () => {
    const opened = await openSavedSession(async () => {
      throw new Error('QuotaExceededError')
    }, 5)
    expect(opened.outcome).toBe('unreadable')
    expect(opened.note).toBe(NOTES.unreadable)
  })
})

describe('SessionAutosave', () => {
  function fakeStore(): SessionStore & { saved: SessionSnapshot[] } {
    const saved: SessionSnapshot[] = []
    return {
      saved,
      load: async () => saved.at(-1),
      save: async (snapshot) => {
        saved.push(snapshot)
      },
      clear: async () => undefined,
    }
  }

  it('saves once for a burst of keystrokes, after the shell is idle', async () => {
    vi.useFakeTimers()
    try {
      const session = await Session.create({ seed: 1 })
      const store = fakeStore()
      let idle: () => void = () => undefined
      const whenIdle = vi.fn(() => new Promise<void>((resolve) => (idle = resolve)))
      const autosave = new SessionAutosave(store, () => session.snapshot(), whenIdle, vi.fn())
      for (let i = 0; i < 5; i++) autosave.request()
      await vi.advanceTimersByTimeAsync(300)
      expect(whenIdle).toHaveBeenCalledOnce()
      expect(store.saved).toHaveLength(0)
      idle()
      await vi.waitFor(() => expect(store.saved).toHaveLength(1))
    } finally {
      vi.useRealTimers()
    }
  })

  it('still saves during steady typing, at most a second after the first keystroke', async () => {
    vi.useFakeTimers()
    try {
      const session = await Session.create({ seed: 1 })
      const store = fakeStore()
      const autosave = new SessionAutosave(
        store,
        () => session.snapshot(),
        async () => {},
        vi.fn(),
      )
      // A key every 100 ms never leaves the 300 ms quiet time a pure debounce waits for.
      for (let i = 0; i < 15; i++) {
        autosave.request()
        await vi.advanceTimersByTimeAsync(100)
      }
      await vi.waitFor(() => expect(store.saved.length).toBeGreaterThanOrEqual(1))
    } finally {
      vi.useRealTimers()
    }
  })

  it('logs a failed save instead of throwing', async () => {
    const log = vi.fn()
    const store: SessionStore = {
      load: async () => undefined,
      save: async () => {
        throw new Error('disk full')
      },
      clear: async () => undefined,
    }
    const session = await Session.create({ seed: 1 })
    const autosave = new SessionAutosave(
      store,
      () => session.snapshot(),
      async () => {},
      log,
      0,
    )
    autosave.request()
    await vi.waitFor(() =>
      expect(log).toHaveBeenCalledWith('[quai] the session could not be saved', expect.any(Error)),
    )
  })
})
