/**
 * One simulated Kubernetes cluster: the API server over its store, the controllers that
 * reconcile it and the virtual clock they share. Every write ends with `settle()`: controllers
 * drain their work queues until nothing changes, so at rest the cluster is always converged for
 * "now", and what takes time (image pulls, probes, eviction timeouts, back-offs) waits on clock
 * timers that re-enter `settle()` when they fire.
 */
import type { VirtualClock } from '../core/clock'
import { SeededRandom } from '../core/random'
import { ApiServer } from './api-server'
import type { KubeObject } from './api/object'
import { RESOURCE_TYPES, type ResourceType } from './api/resources'
import { EventRecorder } from './events'
import { ObjectStore, type WatchEvent } from './store/object-store'

/** A reconcile loop: watch events only enqueue keys, `reconcile(key)` converges one of them. */
export interface Controller {
  readonly name: string
  start(ctx: ControllerContext): void
  reconcile(key: string): void
}

export interface ControllerContext {
  readonly api: ApiServer
  readonly store: ObjectStore
  readonly clock: VirtualClock
  /** This controller's own seeded stream (pod name suffixes, ids). */
  readonly random: SeededRandom
  readonly events: EventRecorder
  enqueue(key: string): void
  /** Enqueues `key` once the clock has moved `ms` forward. */
  enqueueAfter(key: string, ms: number): void
  /** Calls `handler` for each change to objects of type `t`. */
  watch(t: ResourceType, handler: (event: WatchEvent) => void): void
}

export interface ClusterOptions {
  clock: VirtualClock
  seed: number
  /** Deep-freeze stored objects (tests catch controllers that edit what they read). */
  freeze?: boolean
}

class Queue {
  private readonly pending = new Set<string>()
  add(key: string): void {
    this.pending.add(key)
  }
  take(): string | undefined {
    const first = this.pending.values().next()
    if (first.done) return undefined
    this.pending.delete(first.value)
    return first.value
  }
  get size(): number {
    return this.pending.size
  }
}

/** A runaway reconcile loop is a bug; better a clear failure than a hung tab. */
const MAX_RECONCILES_PER_SETTLE = 5_000_000

export class KubeCluster {
  readonly store: ObjectStore
  readonly api: ApiServer
  readonly events: EventRecorder
  readonly clock: VirtualClock
  private readonly controllers: { controller: Controller; queue: Queue }[] = []
  private readonly watchers = new Map<string, ((event: WatchEvent) => void)[]>()
  private settling = false
  private readonly seed: number

  constructor(options: ClusterOptions) {
    this.clock = options.clock
    this.seed = options.seed
    this.store = new ObjectStore({
      clock: options.clock,
      random: new SeededRandom((options.seed ^ 0x5eed0001) >>> 0),
      ...(options.freeze === undefined ? {} : { freeze: options.freeze }),
    })
    this.store.watch((event) => {
      for (const handler of this.watchers.get(event.resource.resource) ?? []) handler(event)
    })
    this.events = new EventRecorder(
      this.store,
      options.clock,
      new SeededRandom((options.seed ^ 0x5eed0002) >>> 0),
    )
    this.api = new ApiServer({ store: this.store, clock: options.clock, cluster: this })
  }

  addController(controller: Controller): void {
    const queue = new Queue()
    const index = this.controllers.length
    this.controllers.push({ controller, queue })
    controller.start({
      api: this.api,
      store: this.store,
      clock: this.clock,
      random: new SeededRandom((this.seed ^ (0x5eed0100 + index)) >>> 0),
      events: this.events,
      enqueue: (key) => queue.add(key),
      enqueueAfter: (key, ms) => {
        this.clock.setTimer(ms, () => {
          queue.add(key)
          this.settle()
        })
      },
      watch: (t, handler) => {
        const list = this.watchers.get(t.resource) ?? []
        list.push(handler)
        this.watchers.set(t.resource, list)
      },
    })
  }

  /** Runs `fn` once the clock has moved `ms` forward, then settles the cluster. */
  after(ms: number, fn: () => void): void {
    this.clock.setTimer(ms, () => {
      fn()
      this.settle()
    })
  }

  /** Reconciles until every queue is empty. Re-entrant calls (a write inside a reconcile) return at once. */
  settle(): void {
    if (this.settling) return
    this.settling = true
    try {
      let budget = MAX_RECONCILES_PER_SETTLE
      for (;;) {
        let worked = false
        for (const { controller, queue } of this.controllers) {
          if (queue.size === 0) continue
          let key = queue.take()
          while (key !== undefined) {
            worked = true
            if (--budget < 0) throw new Error(`controller ${controller.name} did not converge`)
            controller.reconcile(key)
            key = queue.take()
          }
        }
        if (!worked) return
      }
    } finally {
      this.settling = false
    }
  }

  /** Every object, for snapshots and the panels. */
  objects(t: ResourceType, namespace?: string): KubeObject[] {
    return this.store.list(t, namespace)
  }

  static readonly resourceTypes = RESOURCE_TYPES
}
