import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import {
  parseHostMessage,
  type HostToRenderer,
  type HostToRendererChannel,
  type QuaiApi,
  type RendererToHost,
  type RendererToHostChannel,
} from '../shared/ipc'

/**
 * Exposes `window.quai` and nothing else: the page never sees ipcRenderer, only these nine
 * functions. Bundled as CommonJS with its dependencies inlined, as a sandboxed preload requires.
 */

function send<C extends RendererToHostChannel>(channel: C, payload: RendererToHost[C]): void {
  ipcRenderer.send(channel, payload)
}

function subscribe<C extends HostToRendererChannel>(
  channel: C,
  listener: (payload: HostToRenderer[C]) => void,
): () => void {
  const handler = (_event: IpcRendererEvent, payload: unknown): void => {
    const parsed = parseHostMessage(channel, payload)
    if (parsed.ok && parsed.message.channel === channel)
      listener(parsed.message.payload as HostToRenderer[C])
    else if (!parsed.ok) console.warn(`[quai] ignored a message from the host: ${parsed.reason}`)
  }
  ipcRenderer.on(channel, handler)
  return () => {
    ipcRenderer.removeListener(channel, handler)
  }
}

const api: QuaiApi = {
  onOutput: (listener) => subscribe('terminal:output', ({ data }) => listener(data)),
  onExit: (listener) => subscribe('terminal:exit', ({ code }) => listener(code)),
  input: (data) => send('terminal:input', { data }),
  resize: (cols, rows) => send('terminal:resize', { cols, rows }),
  interrupt: () => send('terminal:interrupt', {}),
  onState: (listener) => subscribe('session:state', listener),
  selectContainer: (id) => send('docker:select', { id }),
  controlClock: (control) => send('clock:control', control),
  runLine: (line) => send('session:run-line', { line }),
}

contextBridge.exposeInMainWorld('quai', api)
