/**
 * etcd's part: objects by type, namespace and name, one resourceVersion counter for the cluster,
 * and watch events. It knows nothing of validation or defaults (the API server's job, see
 * api-server.ts) and never copies: an object handed in becomes the store's and must not be edited
 * afterwards, and readers get the stored object itself (the sample-controller rule: copy, then
 * write back). Tests turn `freeze` on to catch a writer that breaks the rule.
 *
 * Reads are indexed so a cluster of tens of thousands of pods stays cheap: objects are kept per
 * namespace, sorted name lists are cached until an object is added or removed (updates keep
 * them), and secondary indexes (pods by node, objects by owner uid, anything a caller registers)
 * are maintained on every write.
 */
import type { VirtualClock } from '../../core/clock'
import type { SeededRandom } from '../../core/random'
import type { KubeObject } from '../api/object'
import { alreadyExists, conflict, notFound } from '../api/status'
import type { ResourceType } from '../api/resources'
import { sameJson } from '../controllers/common/same-json'

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED'

export interface WatchEvent {
  readonly type: WatchEventType
  readonly resource: ResourceType
  readonly object: KubeObject
  /** The object before a MODIFIED or DELETED. */
  readonly previous?: KubeObject
}

export type WatchListener = (event: WatchEvent) => void

export interface ObjectStoreOptions {
  clock: VirtualClock
  random: SeededRandom
  /** Deep-freeze stored objects so an in-place edit throws (tests). */
  freeze?: boolean
}

/** Values an object is found under in a secondary index (none: not indexed). */
export type IndexFunction = (object: KubeObject) => readonly string[]

/** Secondary indexes every store has: what controllers and the kubelet look up per write. */
export const BUILTIN_INDEXES: Readonly<Record<string, IndexFunction>> = {
  /** `spec.nodeName` (pods on a node: kubelet, scheduler, node describe). */
  nodeName: (o) => {
    const node = (o['spec'] as { nodeName?: unknown } | undefined)?.nodeName
    return typeof node === 'string' && node !== '' ? [node] : []
  },
  /** Owner uids (a ReplicaSet's pods, a Deployment's ReplicaSets: garbage collection). */
  ownerUid: (o) => (o.metadata.ownerReferences ?? []).map((r) => r.uid),
}

/** RFC 3339 at second precision; the last answer is kept, since writes come in bursts. */
let lastSecond = NaN
let lastStamp = ''
const rfc3339 = (ms: number): string => {
  const second = Math.floor(ms / 1000)
  if (second !== lastSecond) {
    lastSecond = second
    lastStamp = new Date(second * 1000).toISOString().replace('.000Z', 'Z')
  }
  return lastStamp
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const child of Object.values(value)) deepFreeze(child)
}

/**
 * Kinds whose metadata.generation the API server maintains (those with a spec the controllers
 * observe): Pods, Services, Namespaces and Nodes have a spec but, in 1.32, no generation.
 */
const NO_GENERATION = new Set([
  'pods',
  'services',
  'namespaces',
  'nodes',
  'persistentvolumeclaims',
  'persistentvolumes',
  'endpoints',
  'events',
  'configmaps',
  'secrets',
  'serviceaccounts',
  'leases',
])

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** One namespace's sorted names, and what changed since they were sorted. */
interface NameOrder {
  sorted: string[]
  /** Names added since (not in `sorted`). */
  readonly added: Set<string>
  /** Names of `sorted` removed since. */
  removed?: Set<string> | undefined
}

/** `sorted` without `removed`, merged with the sorted `added` (names are unique). */
function mergeNames(
  sorted: readonly string[],
  removed: ReadonlySet<string> | undefined,
  added: readonly string[],
): string[] {
  const out: string[] = []
  let j = 0
  for (const name of sorted) {
    if (removed?.has(name) === true) continue
    while (j < added.length && (added[j] as string) < name) out.push(added[j++] as string)
    out.push(name)
  }
  while (j < added.length) out.push(added[j++] as string)
  return out
}

/** One type's objects: namespace → name → object, plus caches and indexes. */
class TypeBucket {
  readonly namespaces = new Map<string, Map<string, KubeObject>>()
  size = 0
  /** Sorted namespace names; undefined once a namespace appears or empties. */
  private namespaceOrder: string[] | undefined
  /**
   * Sorted names per namespace, built on the first list; names added or removed since are noted
   * and merged in at the next list (sorting only the newcomers), so a list between writes costs
   * O(n + k log k) instead of a full sort.
   */
  private readonly nameOrder = new Map<string, NameOrder>()
  readonly indexes = new Map<
    string,
    { fn: IndexFunction; map: Map<string, Map<string, KubeObject>> }
  >()

  get(namespace: string, name: string): KubeObject | undefined {
    return this.namespaces.get(namespace)?.get(name)
  }

  set(namespace: string, name: string, object: KubeObject, previous: KubeObject | undefined): void {
    let names = this.namespaces.get(namespace)
    if (names === undefined) {
      names = new Map()
      this.namespaces.set(namespace, names)
      this.namespaceOrder = undefined
    }
    names.set(name, object)
    if (previous === undefined) {
      this.size++
      const order = this.nameOrder.get(namespace)
      if (order !== undefined) {
        // Removed and back before the next list: it is still in the sorted part.
        if (order.removed?.delete(name) !== true) order.added.add(name)
      }
    }
    const key = `${namespace}/${name}`
    for (const index of this.indexes.values()) {
      if (previous !== undefined) for (const v of index.fn(previous)) index.map.get(v)?.delete(key)
      for (const v of index.fn(object)) {
        let entries = index.map.get(v)
        if (entries === undefined) {
          entries = new Map()
          index.map.set(v, entries)
        }
        entries.set(key, object)
      }
    }
  }

  remove(namespace: string, name: string, previous: KubeObject): void {
    const names = this.namespaces.get(namespace)
    if (names === undefined) return
    names.delete(name)
    this.size--
    const order = this.nameOrder.get(namespace)
    if (order !== undefined) {
      if (!order.added.delete(name)) (order.removed ??= new Set()).add(name)
    }
    if (names.size === 0) {
      this.nameOrder.delete(namespace)
      this.namespaces.delete(namespace)
      this.namespaceOrder = undefined
    }
    const key = `${namespace}/${name}`
    for (const index of this.indexes.values())
      for (const v of index.fn(previous)) {
        const entries = index.map.get(v)
        entries?.delete(key)
        if (entries?.size === 0) index.map.delete(v)
      }
  }

  addIndex(name: string, fn: IndexFunction): void {
    if (this.indexes.has(name)) return
    const map = new Map<string, Map<string, KubeObject>>()
    this.indexes.set(name, { fn, map })
    for (const [namespace, names] of this.namespaces)
      for (const [n, o] of names)
        for (const v of fn(o)) {
          let entries = map.get(v)
          if (entries === undefined) {
            entries = new Map()
            map.set(v, entries)
          }
          entries.set(`${namespace}/${n}`, o)
        }
  }

  /** Objects of one namespace (or all, namespace undefined) sorted by namespace then name. */
  list(namespace: string | undefined): KubeObject[] {
    const out: KubeObject[] = []
    const namespaces =
      namespace === undefined
        ? this.sortedNamespaces()
        : this.namespaces.has(namespace)
          ? [namespace]
          : []
    for (const ns of namespaces) {
      const names = this.namespaces.get(ns)
      if (names === undefined) continue
      for (const n of this.sortedNames(ns)) {
        const o = names.get(n)
        if (o !== undefined) out.push(o)
      }
    }
    return out
  }

  clear(): void {
    this.namespaces.clear()
    this.nameOrder.clear()
    this.namespaceOrder = undefined
    this.size = 0
    for (const index of this.indexes.values()) index.map.clear()
  }

  private sortedNamespaces(): string[] {
    this.namespaceOrder ??= [...this.namespaces.keys()].sort(byName)
    return this.namespaceOrder
  }

  private sortedNames(namespace: string): string[] {
    let order = this.nameOrder.get(namespace)
    if (order === undefined) {
      order = {
        sorted: [...(this.namespaces.get(namespace)?.keys() ?? [])].sort(byName),
        added: new Set(),
      }
      this.nameOrder.set(namespace, order)
    } else if (order.added.size > 0 || order.removed !== undefined) {
      order.sorted = mergeNames(order.sorted, order.removed, [...order.added].sort(byName))
      order.added.clear()
      order.removed = undefined
    }
    return order.sorted
  }
}

export class ObjectStore {
  private readonly buckets = new Map<string, TypeBucket>()
  private readonly listeners = new Set<WatchListener>()
  private revision = 1

  constructor(private readonly options: ObjectStoreOptions) {}

  /** The newest resourceVersion handed out, as lists report it. */
  get resourceVersion(): string {
    return String(this.revision)
  }

  /** A fresh uid from the store's seeded stream (the API server needs one before storing a Job). */
  newUid(): string {
    return this.options.random.uuid()
  }

  get(t: ResourceType, namespace: string, name: string): KubeObject | undefined {
    return this.bucket(t).get(t.namespaced ? namespace : '', name)
  }

  /** Every object of a type, in one namespace or all (namespace undefined), sorted by namespace then name. */
  list(t: ResourceType, namespace?: string): KubeObject[] {
    return this.bucket(t).list(t.namespaced ? namespace : undefined)
  }

  count(t: ResourceType): number {
    return this.bucket(t).size
  }

  /**
   * Objects of type `t` whose index `index` holds `value` — `byIndex(pods, 'nodeName', 'minikube')`,
   * `byIndex(replicasets, 'ownerUid', uid)` — in no particular order. Built-in indexes are
   * `nodeName` and `ownerUid`; register others with `addIndex`.
   */
  byIndex(t: ResourceType, index: string, value: string): KubeObject[] {
    const bucket = this.bucket(t)
    let entry = bucket.indexes.get(index)
    if (entry === undefined) {
      const builtin = BUILTIN_INDEXES[index]
      if (builtin === undefined) throw new Error(`no index ${index} on ${t.resource}`)
      bucket.addIndex(index, builtin)
      entry = bucket.indexes.get(index)
    }
    return [...(entry?.map.get(value)?.values() ?? [])]
  }

  /** Registers a secondary index for `byIndex` (idempotent per name). */
  addIndex(t: ResourceType, name: string, fn: IndexFunction): void {
    this.bucket(t).addIndex(name, fn)
  }

  /**
   * Stores a new object, stamping what the server owns: uid, resourceVersion, generation,
   * creationTimestamp (kept when the caller restores a saved object).
   *
   * `owned`: the caller built `object` and its metadata for this call and keeps no reference to
   * them, so the store stamps them in place instead of copying (the same keys in the same order
   * as the copy would have). The API server's status writes and the event recorder pass it: a
   * large scale-up makes hundreds of thousands of such writes.
   */
  create(t: ResourceType, object: KubeObject, owned = false): KubeObject {
    const namespace = t.namespaced ? (object.metadata.namespace ?? 'default') : ''
    const bucket = this.bucket(t)
    if (bucket.get(namespace, object.metadata.name) !== undefined)
      throw alreadyExists(t, object.metadata.name)
    const tracksGeneration = 'spec' in object && !NO_GENERATION.has(t.resource)
    let stored: KubeObject
    if (owned) {
      const m = object.metadata
      if (t.namespaced) m.namespace = namespace
      m.uid = m.uid ?? this.options.random.uuid()
      m.resourceVersion = String(++this.revision)
      m.creationTimestamp = m.creationTimestamp ?? rfc3339(this.options.clock.now())
      if (tracksGeneration) m.generation = m.generation ?? 1
      stored = object
    } else
      stored = {
        ...object,
        metadata: {
          ...object.metadata,
          ...(t.namespaced ? { namespace } : {}),
          uid: object.metadata.uid ?? this.options.random.uuid(),
          resourceVersion: String(++this.revision),
          creationTimestamp: object.metadata.creationTimestamp ?? rfc3339(this.options.clock.now()),
          ...(tracksGeneration ? { generation: object.metadata.generation ?? 1 } : {}),
        },
      }
    this.put(bucket, namespace, stored, undefined)
    this.emit({ type: 'ADDED', resource: t, object: stored })
    return stored
  }

  /**
   * Replaces an object. A resourceVersion on the new object must match the stored one (optimistic
   * concurrency); none means "last write wins". generation moves when the spec changes.
   * `owned` as for `create`.
   */
  update(t: ResourceType, object: KubeObject, owned = false): KubeObject {
    const namespace = t.namespaced ? (object.metadata.namespace ?? 'default') : ''
    const bucket = this.bucket(t)
    const previous = bucket.get(namespace, object.metadata.name)
    if (previous === undefined) throw notFound(t, object.metadata.name)
    const rv = object.metadata.resourceVersion
    if (rv !== undefined && rv !== previous.metadata.resourceVersion)
      throw conflict(t, object.metadata.name)
    const generation = previous.metadata.generation
    // The spec is compared only when the caller changed it (status writes hand the same spec).
    const specChanged =
      generation !== undefined &&
      object['spec'] !== previous['spec'] &&
      !sameJson(object['spec'] ?? null, previous['spec'] ?? null)
    let stored: KubeObject
    if (owned) {
      const m = object.metadata
      if (t.namespaced) m.namespace = namespace
      m.uid = previous.metadata.uid
      m.creationTimestamp = previous.metadata.creationTimestamp
      m.resourceVersion = String(++this.revision)
      if (generation !== undefined) m.generation = specChanged ? generation + 1 : generation
      stored = object
    } else
      stored = {
        ...object,
        metadata: {
          ...object.metadata,
          ...(t.namespaced ? { namespace } : {}),
          uid: previous.metadata.uid,
          creationTimestamp: previous.metadata.creationTimestamp,
          resourceVersion: String(++this.revision),
          ...(generation === undefined
            ? {}
            : { generation: specChanged ? generation + 1 : generation }),
        },
      }
    this.put(bucket, namespace, stored, previous)
    this.emit({ type: 'MODIFIED', resource: t, object: stored, previous })
    return stored
  }

  /** Removes an object at once (finalizers and graceful deletion are the API server's business). */
  delete(t: ResourceType, namespace: string, name: string): KubeObject {
    const ns = t.namespaced ? namespace : ''
    const bucket = this.bucket(t)
    const previous = bucket.get(ns, name)
    if (previous === undefined) throw notFound(t, name)
    bucket.remove(ns, name, previous)
    const gone: KubeObject = {
      ...previous,
      metadata: { ...previous.metadata, resourceVersion: String(++this.revision) },
    }
    if (this.options.freeze) deepFreeze(gone)
    this.emit({ type: 'DELETED', resource: t, object: gone, previous })
    return gone
  }

  /** Every change from now on, synchronously, in the order the writes happened. */
  watch(listener: WatchListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Every object of every type, for snapshots. */
  dump(): { resource: string; objects: KubeObject[] }[] {
    return [...this.buckets.entries()].map(([resource, bucket]) => ({
      resource,
      objects: bucket.list(undefined),
    }))
  }

  /** Puts back a dump without emitting events; the revision continues from the highest restored. */
  load(
    types: readonly ResourceType[],
    dump: readonly { resource: string; objects: KubeObject[] }[],
  ): void {
    for (const bucket of this.buckets.values()) bucket.clear()
    for (const { resource, objects } of dump) {
      const t = types.find((x) => x.resource === resource)
      if (t === undefined) continue
      const bucket = this.bucket(t)
      for (const o of objects) {
        const ns = t.namespaced ? (o.metadata.namespace ?? '') : ''
        this.put(bucket, ns, o, bucket.get(ns, o.metadata.name))
        this.revision = Math.max(this.revision, Number(o.metadata.resourceVersion ?? 0))
      }
    }
  }

  private put(
    bucket: TypeBucket,
    namespace: string,
    object: KubeObject,
    previous: KubeObject | undefined,
  ): void {
    if (this.options.freeze) deepFreeze(object)
    bucket.set(namespace, object.metadata.name, object, previous)
  }

  private emit(event: WatchEvent): void {
    if (this.listeners.size === 1) {
      for (const listener of this.listeners) listener(event)
      return
    }
    for (const listener of [...this.listeners]) listener(event)
  }

  private bucket(t: ResourceType): TypeBucket {
    let bucket = this.buckets.get(t.resource)
    if (bucket === undefined) {
      bucket = new TypeBucket()
      this.buckets.set(t.resource, bucket)
    }
    return bucket
  }
}
