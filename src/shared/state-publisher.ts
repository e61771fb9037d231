import { composePanelState } from '../sim/compose/snapshot'
import { dockerPanelState } from '../sim/docker/engine/snapshot'
import type { KubeCluster } from '../sim/kube/cluster'
import { clusterPanelState } from '../sim/kube/snapshot'
import type { Session } from '../sim/shell/session'
import type { HostMessage, SessionState } from './ipc'
import type { ClockRate } from './real-time-driver'

/**
 * Sends the state panels' snapshot (`session:state`) from a window host: when the daemon reports
 * a change, when a cluster's store is written (a pod scheduled, a node going NotReady on a clock
 * timer) or a cluster comes or goes, when the terminal prints (a command ran), and every second
 * (so "Up 5 seconds" keeps counting). At most one message per `throttleMs`, and only when something differs from the last
 * one sent. Timers are the host's real ones; the snapshot itself is built by the pure sim.
 */
export interface StatePublisherOptions {
  throttleMs?: number
  refreshMs?: number
  /** Real time in ms (`performance.now()`): the session swaps `Date` while commands run. */
  now?: () => number
  /** The rate the host's driver runs the virtual clock at (shown by the clock controls). */
  clockRate?: () => ClockRate
}

export class StatePublisher {
  private selected: string | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private refresh: ReturnType<typeof setInterval> | undefined
  private lastSentAt = Number.NEGATIVE_INFINITY
  private lastSent = ''
  private unsubscribe: (() => void) | undefined
  /** Store watches of the clusters being served, resubscribed as clusters come and go. */
  private readonly clusterWatches = new Map<KubeCluster, () => void>()
  private readonly throttleMs: number
  private readonly refreshMs: number
  private readonly now: () => number
  private readonly clockRate: () => ClockRate

  constructor(
    private readonly session: Session,
    private readonly send: (message: HostMessage) => void,
    private readonly log: (message: string, error?: unknown) => void,
    options: StatePublisherOptions = {},
  ) {
    this.throttleMs = options.throttleMs ?? 100
    this.refreshMs = options.refreshMs ?? 1000
    this.now = options.now ?? (() => performance.now())
    this.clockRate = options.clockRate ?? (() => 1)
  }

  start(): void {
    if (this.unsubscribe !== undefined) return
    const world = this.session.world
    const stopDocker = world.docker.onChange(() => this.request())
    const stopKube = world.kube.onChange(() => {
      this.watchClusters()
      this.request()
    })
    this.unsubscribe = () => {
      stopDocker()
      stopKube()
      for (const stop of this.clusterWatches.values()) stop()
      this.clusterWatches.clear()
    }
    this.watchClusters()
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
    const world = this.session.world
    return {
      clockMs: this.session.clock.now(),
      clockRate: this.clockRate(),
      cwd: this.session.cwd,
      docker: dockerPanelState(world.docker, this.selected),
      compose: composePanelState(world.docker),
      cluster: clusterPanelState(world.kube),
    }
  }

  /** One store watch per served cluster: any write asks for a snapshot (throttled, diffed). */
  private watchClusters(): void {
    const served = new Set(this.session.world.kube.all().map(([, cluster]) => cluster))
    for (const [cluster, stop] of this.clusterWatches)
      if (!served.has(cluster)) {
        stop()
        this.clusterWatches.delete(cluster)
      }
    for (const cluster of served)
      if (!this.clusterWatches.has(cluster))
        this.clusterWatches.set(
          cluster,
          cluster.store.watch(() => this.request()),
        )
  }

  private publish(): void {
    try {
      const state = this.snapshot()
      // The clock moves all the time; the panels show it to the second (the clock controls),
      // so a new second is a change and the milliseconds are not.
      const shown = JSON.stringify({ ...state, clockMs: Math.floor(state.clockMs / 1000) })
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
