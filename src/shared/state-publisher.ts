import { dockerPanelState } from '../sim/docker/engine/snapshot'
import type { Session } from '../sim/shell/session'
import type { HostMessage, SessionState } from './ipc'

/**
 * Sends the state panels' snapshot (`session:state`) from a window host: when the daemon reports
 * a change, when the terminal prints (a command ran), and every second (so "Up 5 seconds" keeps
 * counting). At most one message per `throttleMs`, and only when something differs from the last
 * one sent. Timers are the host's real ones; the snapshot itself is built by the pure sim.
 */
export interface StatePublisherOptions {
  throttleMs?: number
  refreshMs?: number
  /** Real time in ms (`performance.now()`): the session swaps `Date` while commands run. */
  now?: () => number
}

export class StatePublisher {
  private selected: string | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private refresh: ReturnType<typeof setInterval> | undefined
  private lastSentAt = Number.NEGATIVE_INFINITY
  private lastSent = ''
  private unsubscribe: (() => void) | undefined
  private readonly throttleMs: number
  private readonly refreshMs: number
  private readonly now: () => number

  constructor(
    private readonly session: Session,
    private readonly send: (message: HostMessage) => void,
    private readonly log: (message: string, error?: unknown) => void,
    options: StatePublisherOptions = {},
  ) {
    this.throttleMs = options.throttleMs ?? 100
    this.refreshMs = options.refreshMs ?? 1000
    this.now = options.now ?? (() => performance.now())
  }

  start(): void {
    if (this.unsubscribe !== undefined) return
    this.unsubscribe = this.session.world.docker.onChange(() => this.request())
    this.refresh = setInterval(() => this.request(), this.refreshMs)
    this.request()
  }

  /** The container the panel shows in detail; its snapshot goes out without waiting for a change. */
  select(id: string | null): void {
    this.selected = id ?? undefined
    this.request()
  }

  /** Asks for a snapshot: sent at once, or when the throttle window ends. */
  request(): void {
    if (this.unsubscribe === undefined || this.timer !== undefined) return
    const wait = Math.max(0, this.lastSentAt + this.throttleMs - this.now())
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.publish()
    }, wait)
  }

  /** The snapshot as it would be sent now. */
  snapshot(): SessionState {
    return {
      clockMs: this.session.clock.now(),
      cwd: this.session.cwd,
      docker: dockerPanelState(this.session.world.docker, this.selected),
    }
  }

  private publish(): void {
    try {
      const state = this.snapshot()
      // The clock moves all the time; only what the panels show decides whether to send.
      const shown = JSON.stringify({ ...state, clockMs: 0 })
      if (shown === this.lastSent) return
      this.lastSent = shown
      this.lastSentAt = this.now()
      this.send({ channel: 'session:state', payload: state })
    } catch (error) {
      this.log('[quai] the state panels could not be updated', error)
    }
  }

  dispose(): void {
    this.unsubscribe?.()
    this.unsubscribe = undefined
    if (this.timer !== undefined) clearTimeout(this.timer)
    if (this.refresh !== undefined) clearInterval(this.refresh)
    this.timer = undefined
    this.refresh = undefined
  }
}
