/**
 * A controller's pod cache, kept current from watch events (client-go's informer + indexer):
 * pods grouped by the uid of their controller, orphans by namespace, and per-group counts of
 * whatever the controller classifies (active, ready…), so a reconcile of a 30,000-pod ReplicaSet
 * reads its numbers in O(1) instead of walking every pod.
 */
import type { ControllerContext } from '../../cluster'
import type { KubeObject } from '../../api/object'
import { servedType } from '../../api/resources'
import type { WatchEvent } from '../../store/object-store'
import { controllerRefOf, keyOf } from './meta'
import { isPodActive, isPodReady } from './pods'

const PODS = servedType('Pod')

/**
 * An entry's key: the pod's uid, which names one pod as its namespace/name does (the store holds
 * one pod per name, each with its own uid) but is the stored string itself, its hash computed
 * once, where a namespace/name key would be built and hashed anew by every index on every write.
 */
const entryKey = (pod: KubeObject): string => {
  const uid = pod.metadata.uid
  return uid === undefined || uid === '' ? keyOf(pod) : uid
}

/** Bits a classifier may set; the index keeps one count per bit and group. */
export const ACTIVE = 1
export const ACTIVE_READY = 2
const BITS = 8

/** The default classification: active, and active and ready. */
export const activeAndReady = (pod: KubeObject): number =>
  isPodActive(pod) ? ACTIVE | (isPodReady(pod) ? ACTIVE_READY : 0) : 0

export interface PodGroup {
  readonly pods: Map<string, KubeObject>
  readonly counts: number[]
}

export interface PodChange {
  readonly event: WatchEvent
  /** The controller uid before and after the change ('' for an orphan). */
  readonly previousOwner: string
  readonly owner: string
}

export class PodsByController {
  private readonly groups = new Map<string, PodGroup>()
  private readonly orphans = new Map<string, Map<string, KubeObject>>()
  private readonly entries = new Map<string, { owner: string; flags: number }>()

  constructor(
    private readonly classify: (pod: KubeObject, owner: string) => number = activeAndReady,
    /**
     * The kind of controller this index serves (`ReplicaSet`): pods another kind controls are
     * none of its business and skip it entirely (each pod write reaches every index). Orphans
     * are kept, as candidates for adoption.
     */
    private readonly kind?: string,
    /**
     * Whether the controller reads a group's pods in order (a changed pod moves to the end, as
     * remove-then-add would leave it: ranking ties follow that order). An index read only for
     * its counts passes false and spares a Map delete + insert per pod write.
     */
    private readonly ordered = true,
  ) {}

  /** Whether the index looks at `pod`: an orphan, or controlled by this index's kind. */
  private relevant(pod: KubeObject | undefined): boolean {
    if (pod === undefined) return false
    if (this.kind === undefined) return true
    const ref = controllerRefOf(pod)
    return ref === undefined || ref.kind === this.kind
  }

  /** Loads the pods already stored and follows every later change. */
  start(ctx: ControllerContext, onChange: (change: PodChange) => void): void {
    for (const pod of ctx.store.list(PODS)) if (this.relevant(pod)) this.add(pod)
    ctx.watch(PODS, (event) => {
      if (!this.relevant(event.object) && !this.relevant(event.previous)) return
      const key = entryKey(event.object)
      const entry = this.entries.get(key)
      const previousOwner = entry?.owner ?? ''
      if (
        event.type === 'MODIFIED' &&
        entry !== undefined &&
        entry.owner !== '' &&
        this.relevant(event.object) &&
        controllerRefOf(event.object)?.uid === entry.owner
      )
        this.replace(key, entry, event.object)
      else {
        this.remove(key, event.previous ?? event.object)
        if (event.type !== 'DELETED' && this.relevant(event.object)) this.add(event.object)
      }
      onChange({ event, previousOwner, owner: this.entries.get(key)?.owner ?? '' })
    })
  }

  group(owner: string): PodGroup | undefined {
    return this.groups.get(owner)
  }

  pods(owner: string): Iterable<KubeObject> {
    return this.groups.get(owner)?.pods.values() ?? []
  }

  count(owner: string, bit: number): number {
    const group = this.groups.get(owner)
    if (group === undefined) return 0
    return group.counts[Math.log2(bit)] ?? 0
  }

  size(owner: string): number {
    return this.groups.get(owner)?.pods.size ?? 0
  }

  /** Pods with no controller in a namespace (candidates for adoption). */
  orphansIn(namespace: string): Iterable<KubeObject> {
    return this.orphans.get(namespace)?.values() ?? []
  }

  /** Classifies a group again (its owner changed what the classifier looks at). */
  reclassify(owner: string): void {
    const group = this.groups.get(owner)
    if (group === undefined) return
    for (const pod of [...group.pods.values()]) {
      const key = entryKey(pod)
      this.remove(key, pod)
      this.add(pod)
    }
  }

  /**
   * A pod that keeps its owner, changed: what remove-then-add would leave (it moves to the end of
   * its group, its counts follow its new flags) without rebuilding its entry. Most pod writes
   * are status updates of owned pods.
   */
  private replace(key: string, entry: { owner: string; flags: number }, pod: KubeObject): void {
    const group = this.groups.get(entry.owner)
    if (group === undefined) return
    const flags = this.classify(pod, entry.owner)
    if (flags !== entry.flags)
      for (let i = 0; i < BITS; i++) {
        const bit = 1 << i
        const was = (entry.flags & bit) !== 0
        const is = (flags & bit) !== 0
        if (was !== is) group.counts[i] = (group.counts[i] ?? 0) + (is ? 1 : -1)
      }
    if (this.ordered) group.pods.delete(key)
    group.pods.set(key, pod)
    entry.flags = flags
  }

  private add(pod: KubeObject): void {
    const key = entryKey(pod)
    const owner = controllerRefOf(pod)?.uid ?? ''
    if (owner === '') {
      const ns = pod.metadata.namespace ?? ''
      let map = this.orphans.get(ns)
      if (map === undefined) {
        map = new Map()
        this.orphans.set(ns, map)
      }
      map.set(key, pod)
      this.entries.set(key, { owner, flags: 0 })
      return
    }
    let group = this.groups.get(owner)
    if (group === undefined) {
      group = { pods: new Map(), counts: new Array<number>(BITS).fill(0) }
      this.groups.set(owner, group)
    }
    const flags = this.classify(pod, owner)
    group.pods.set(key, pod)
    for (let i = 0; i < BITS; i++)
      if (flags & (1 << i)) group.counts[i] = (group.counts[i] ?? 0) + 1
    this.entries.set(key, { owner, flags })
  }

  private remove(key: string, pod: KubeObject): void {
    const entry = this.entries.get(key)
    if (entry === undefined) return
    this.entries.delete(key)
    if (entry.owner === '') {
      const ns = pod.metadata.namespace ?? ''
      const map = this.orphans.get(ns)
      map?.delete(key)
      if (map?.size === 0) this.orphans.delete(ns)
      return
    }
    const group = this.groups.get(entry.owner)
    if (group === undefined) return
    group.pods.delete(key)
    for (let i = 0; i < BITS; i++)
      if (entry.flags & (1 << i)) group.counts[i] = (group.counts[i] ?? 0) - 1
    if (group.pods.size === 0) this.groups.delete(entry.owner)
  }
}
