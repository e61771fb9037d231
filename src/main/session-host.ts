import {
  parseRendererMessage,
  rendererToHostChannels,
  type HostMessage,
  type RendererToHostChannel,
} from '../shared/ipc'
import { SessionRuntime, type SessionRuntimeOptions } from '../shared/session-runtime'

/**
 * The session of one window, living in the main process so that (later) the loopback Docker and
 * Kubernetes APIs share its state. This is the main-process edge of the IPC contract: a message is
 * acted on only if it comes from this window's top frame and parses; anything else is logged and
 * dropped. Written against the few Electron members it uses, so a Node test can drive it.
 */

/** The parts of Electron's IpcMainEvent that are checked. */
export interface IpcEventLike {
  sender: { id: number }
  senderFrame?: { parent: unknown } | null
}

export type IpcListener = (event: IpcEventLike, ...args: unknown[]) => void

/** The parts of `ipcMain` used here. */
export interface IpcMainLike {
  on(channel: string, listener: IpcListener): unknown
  removeListener(channel: string, listener: IpcListener): unknown
}

/** The parts of a window's `webContents` used here. */
export interface WebContentsLike {
  readonly id: number
  isDestroyed(): boolean
  send(channel: string, payload: unknown): void
}

export interface SessionHostOptions extends Pick<
  SessionRuntimeOptions,
  'seed' | 'createTerminal' | 'driver'
> {
  log?(message: string, error?: unknown): void
}

/** Invalid messages are logged, but a flood of them must not flood the log. */
const MAX_LOGGED_REJECTIONS = 20

export class SessionHost {
  private readonly listeners = new Map<RendererToHostChannel, IpcListener>()
  private rejections = 0

  private constructor(
    private readonly runtime: SessionRuntime,
    private readonly ipc: IpcMainLike,
    private readonly contents: WebContentsLike,
    private readonly log: (message: string, error?: unknown) => void,
  ) {
    for (const channel of rendererToHostChannels) {
      const listener: IpcListener = (event, payload) => this.receive(event, channel, payload)
      this.listeners.set(channel, listener)
      ipc.on(channel, listener)
    }
  }

  static async attach(
    ipc: IpcMainLike,
    contents: WebContentsLike,
    options: SessionHostOptions = {},
  ): Promise<SessionHost> {
    const log = options.log ?? ((message, error) => console.warn(message, error ?? ''))
    const runtime = await SessionRuntime.create({
      ...options,
      log,
      send: (message: HostMessage) => {
        if (!contents.isDestroyed()) contents.send(message.channel, message.payload)
      },
    })
    return new SessionHost(runtime, ipc, contents, log)
  }

  get session(): SessionRuntime['session'] {
    return this.runtime.session
  }

  dispose(): void {
    for (const [channel, listener] of this.listeners) this.ipc.removeListener(channel, listener)
    this.listeners.clear()
    this.runtime.dispose()
  }

  private receive(event: IpcEventLike, channel: RendererToHostChannel, payload: unknown): void {
    try {
      // Other windows' (and subframes') messages are not ours to act on.
      if (event.sender.id !== this.contents.id) return
      if (event.senderFrame !== undefined && event.senderFrame?.parent !== null) {
        this.reject(`${channel}: not sent by the window's top frame`)
        return
      }
      const parsed = parseRendererMessage(channel, payload)
      if (!parsed.ok) {
        this.reject(parsed.reason)
        return
      }
      this.runtime.receive(parsed.message)
    } catch (error) {
      this.log(`[quai] ${channel} handling failed`, error)
    }
  }

  private reject(reason: string): void {
    this.rejections++
    if (this.rejections <= MAX_LOGGED_REJECTIONS)
      this.log(`[quai] ignored an invalid IPC message: ${reason}`)
    else if (this.rejections === MAX_LOGGED_REJECTIONS + 1)
      this.log('[quai] ignoring further invalid IPC messages without logging them')
  }
}
