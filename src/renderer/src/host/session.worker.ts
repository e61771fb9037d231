import { parseRendererMessage, splitEnvelope, type HostMessage } from '../../../shared/ipc'
import { SessionRuntime } from '../../../shared/session-runtime'
import { createShellTerminal, type ShellTerminal } from '../../../sim/shell/terminal'
import { NOTES, openSavedSession } from './saved-session'
import { FRESH_SESSION_WORKER, openSessionStore, SessionAutosave } from './session-store'

/**
 * The web build's counterpart of src/main/session-host.ts: the session lives here, and every
 * message from the page is parsed with the shared schemas before it reaches the shell. The
 * student's session is kept in their own browser (IndexedDB), saved after each command and picked
 * up on the next visit; a Worker named FRESH_SESSION_WORKER starts from scratch instead.
 */

/** The members of a dedicated worker's global scope used here (the DOM lib describes a window). */
interface WorkerScope {
  readonly name: string
  postMessage(message: HostMessage): void
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void
}

const scope = globalThis as unknown as WorkerScope
const log = (message: string, error?: unknown): void => console.warn(message, error ?? '')

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1
}

interface RunningSession {
  runtime: SessionRuntime
  /** Called after each input; saves once the shell is idle again. */
  changed(): void
}

async function start(): Promise<RunningSession> {
  const store = await openSessionStore()
  const startFresh = scope.name === FRESH_SESSION_WORKER
  if (startFresh) await store?.clear().catch((error: unknown) => log('[quai] reset failed', error))
  const opened = await openSavedSession(
    async () => (store === undefined || startFresh ? undefined : store.load()),
    randomSeed(),
    log,
  )
  let terminal: ShellTerminal | undefined
  const autosave =
    store &&
    new SessionAutosave(
      store,
      () => opened.session.snapshot(),
      () => terminal?.whenIdle() ?? Promise.resolve(),
      log,
    )
  const runtime = await SessionRuntime.create({
    session: opened.session,
    send: (message) => {
      scope.postMessage(message)
      if (message.channel === 'terminal:exit') autosave?.request()
    },
    createTerminal: (session, size) => {
      const note = store === undefined ? NOTES.noStorage : opened.note
      terminal = createShellTerminal(session, { ...size, banner: note })
      return terminal
    },
  })
  // An unreadable record is replaced at once, not only after the first command.
  if (opened.outcome === 'unreadable') autosave?.request()
  return { runtime, changed: () => autosave?.request() }
}

const running = start()
running.catch((error: unknown) => {
  console.error('[quai] the session could not start', error)
  scope.postMessage({
    channel: 'terminal:output',
    payload: {
      data: '\x1b[31m[Quai] la session n’a pas pu démarrer : rechargez la page.\x1b[0m\r\n',
    },
  })
})

scope.addEventListener('message', (event) => {
  const { channel, payload } = splitEnvelope(event.data)
  const parsed = parseRendererMessage(channel, payload)
  if (!parsed.ok) {
    console.warn(`[quai] ignored an invalid message: ${parsed.reason}`)
    return
  }
  // Messages that arrive while the session is being created wait for it, in order.
  running
    .then(({ runtime, changed }) => {
      runtime.receive(parsed.message)
      const channel = parsed.message.channel
      if (channel === 'terminal:input' || channel === 'session:run-line') changed()
    })
    .catch(() => undefined)
})
