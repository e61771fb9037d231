import {
  parseHostMessage,
  splitEnvelope,
  type QuaiApi,
  type RendererMessage,
  type SessionState,
} from '../../../shared/ipc'
import { FRESH_SESSION_WORKER } from './session-store'

/**
 * The web build's host: the session runs in a Web Worker (so the interpreter never blocks the page
 * and its global patching stays out of the page's realm) and talks the same contract as Electron.
 */
const WORKER_FAILED =
  '\r\n\x1b[31m[Quai] la session s’est arrêtée sur une erreur : rechargez la page.\x1b[0m\r\n'

/** Output that arrives before the terminal subscribes (a start-up error) waits for it. */
const MAX_EARLY_OUTPUT = 64

/** `?reset` in the address starts a fresh session (a shared computer, a new exercise). */
function wantsFreshSession(): boolean {
  const url = new URL(window.location.href)
  if (!url.searchParams.has('reset')) return false
  // Once is enough: reloading the page keeps the new session.
  url.searchParams.delete('reset')
  window.history.replaceState(null, '', url)
  return true
}

/**
 * sw.js (written by the web build) caches the whole app, so the page works offline after its
 * first visit. Browsers offer service workers only on https and localhost; elsewhere the page
 * simply needs its server.
 */
function keepAvailableOffline(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return
  navigator.serviceWorker
    .register('./sw.js')
    .catch((error: unknown) => console.warn('[quai] offline copy unavailable', error))
}

export function createWebHost(): QuaiApi {
  keepAvailableOffline()
  const worker = new Worker(new URL('./session.worker.ts', import.meta.url), {
    type: 'module',
    name: wantsFreshSession() ? FRESH_SESSION_WORKER : 'quai-session',
  })
  const outputListeners = new Set<(data: string) => void>()
  const exitListeners = new Set<(code: number) => void>()
  const stateListeners = new Set<(state: SessionState) => void>()
  const earlyOutput: string[] = []

  const emitOutput = (data: string): void => {
    if (outputListeners.size === 0) {
      if (earlyOutput.length < MAX_EARLY_OUTPUT) earlyOutput.push(data)
      return
    }
    for (const listener of outputListeners) listener(data)
  }

  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const { channel, payload } = splitEnvelope(event.data)
    const parsed = parseHostMessage(channel, payload)
    if (!parsed.ok) {
      console.warn(`[quai] ignored a message from the session worker: ${parsed.reason}`)
      return
    }
    const message = parsed.message
    if (message.channel === 'terminal:output') emitOutput(message.payload.data)
    else if (message.channel === 'terminal:exit')
      for (const listener of exitListeners) listener(message.payload.code)
    else if (message.channel === 'session:state')
      for (const listener of stateListeners) listener(message.payload)
  })
  worker.addEventListener('error', (event) => {
    console.error('[quai] the session worker failed', event.message)
    emitOutput(WORKER_FAILED)
  })

  const post = (message: RendererMessage): void => worker.postMessage(message)

  return {
    onOutput: (listener) => {
      outputListeners.add(listener)
      for (const data of earlyOutput.splice(0)) listener(data)
      return () => {
        outputListeners.delete(listener)
      }
    },
    onExit: (listener) => {
      exitListeners.add(listener)
      return () => {
        exitListeners.delete(listener)
      }
    },
    input: (data) => post({ channel: 'terminal:input', payload: { data } }),
    resize: (cols, rows) => post({ channel: 'terminal:resize', payload: { cols, rows } }),
    interrupt: () => post({ channel: 'terminal:interrupt', payload: {} }),
    onState: (listener) => {
      stateListeners.add(listener)
      return () => {
        stateListeners.delete(listener)
      }
    },
    selectContainer: (id) => post({ channel: 'docker:select', payload: { id } }),
    controlClock: (control) => post({ channel: 'clock:control', payload: control }),
    runLine: (line) => post({ channel: 'session:run-line', payload: { line } }),
  }
}
