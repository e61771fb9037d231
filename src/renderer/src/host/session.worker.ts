import { parseRendererMessage, splitEnvelope, type HostMessage } from '../../../shared/ipc'
import { SessionRuntime } from '../../../shared/session-runtime'

/**
 * The web build's counterpart of src/main/session-host.ts: the session lives here, and every
 * message from the page is parsed with the shared schemas before it reaches the shell.
 */

/** The two members of a dedicated worker's global scope used here (the DOM lib describes a window). */
interface WorkerScope {
  postMessage(message: HostMessage): void
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void
}

const scope = globalThis as unknown as WorkerScope

const runtime = SessionRuntime.create({ send: (message) => scope.postMessage(message) })
runtime.catch((error: unknown) => {
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
  runtime.then((session) => session.receive(parsed.message)).catch(() => undefined)
})
