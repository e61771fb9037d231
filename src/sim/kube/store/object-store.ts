/**
 * etcd's part: objects by type, namespace and name, one resourceVersion counter for the cluster,
 * and watch events. It knows nothing of validation or defaults (the API server's job, see
 * api-server.ts) and never copies: an object handed in becomes the store's and must not be edited
 * afterwards, and readers get the stored object itself (the sample-controller rule: copy, then
 * write back). Tests turn `freeze` on to catch a writer that breaks the rule.
 */
import type { VirtualClock } from '../../core/clock'
import type { SeededRandom } from '../../core/random'
import type { KubeObject } from '../api/object'
import { alreadyExists, conflict, notFound } from '../api/status'
import type { ResourceType } from '../api/resources'

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

const rfc3339 = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const child of Object.values(value)) deepFreeze(child)
}

const specOf = (o: KubeObject): string => JSON.stringify(o['spec'] ?? null)

export class ObjectStore {
  private readonly buckets = new Map<string, Map<string, KubeObject>>()
  private readonly listeners = new Set<WatchListener>()
  private revision = 1

  constructor(private readonly options: ObjectStoreOptions) {}

  /** The newest resourceVersion handed out, as lists report it. */
  get resourceVersion(): string {
    return String(this.revision)
  }

  get(t: ResourceType, namespace: string, name: string): KubeObject | undefined {
    return this.bucket(t).get(this.key(t, namespace, name))
  }

  /** Every object of a type, in one namespace or all (namespace undefined), sorted by namespace then name. */
  list(t: ResourceType, namespace?: string): KubeObject[] {
    const out: KubeObject[] = []
    for (const o of this.bucket(t).values())
      if (namespace === undefined || !t.namespaced || (o.metadata.namespace ?? '') === namespace)
        out.push(o)
    return out.sort(
      (a, b) =>
        (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') ||
        (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0),
    )
  }

  count(t: ResourceType): number {
    return this.bucket(t).size
  }

  /**
   * Stores a new object, stamping what the server owns: uid, resourceVersion, generation,
   * creationTimestamp (kept when the caller restores a saved object).
   */
  create(t: ResourceType, object: KubeObject): KubeObject {
    const namespace = t.namespaced ? (object.metadata.namespace ?? 'default') : ''
    const key = this.key(t, namespace, object.metadata.name)
    const bucket = this.bucket(t)
    if (bucket.has(key)) throw alreadyExists(t, object.metadata.name)
    const stored: KubeObject = {
      ...object,
      metadata: {
        ...object.metadata,
        ...(t.namespaced ? { namespace } : {}),
        uid: object.metadata.uid ?? this.options.random.uuid(),
        resourceVersion: String(++this.revision),
        creationTimestamp: object.metadata.creationTimestamp ?? rfc3339(this.options.clock.now()),
        ...('spec' in object ? { generation: object.metadata.generation ?? 1 } : {}),
      },
    }
    this.put(bucket, key, stored)
    this.emit({ type: 'ADDED', resource: t, object: stored })
    return stored
  }

  /**
   * Replaces an object. A resourceVersion on the new object must match the stored one (optimistic
   * concurrency); none means "last write wins". generation moves when the spec changes.
   */
  update(t: ResourceType, object: KubeObject): KubeObject {
    const namespace = t.namespaced ? (object.metadata.namespace ?? 'default') : ''
    const key = this.key(t, namespace, object.metadata.name)
    const bucket = this.bucket(t)
    const previous = bucket.get(key)
    if (previous === undefined) throw notFound(t, object.metadata.name)
    const rv = object.metadata.resourceVersion
    if (rv !== undefined && rv !== previous.metadata.resourceVersion)
      throw conflict(t, object.metadata.name)
    const generation = previous.metadata.generation
    const stored: KubeObject = {
      ...object,
      metadata: {
        ...object.metadata,
        ...(t.namespaced ? { namespace } : {}),
        uid: previous.metadata.uid,
        creationTimestamp: previous.metadata.creationTimestamp,
        resourceVersion: String(++this.revision),
        ...(generation === undefined
          ? {}
          : { generation: specOf(object) === specOf(previous) ? generation : generation + 1 }),
      },
    }
    this.put(bucket, key, stored)
    this.emit({ type: 'MODIFIED', resource: t, object: stored, previous })
    return stored
  }

  /** Removes an object at once (finalizers and graceful deletion are the API server's business). */
  delete(t: ResourceType, namespace: string, name: string): KubeObject {
    const key = this.key(t, namespace, name)
    const bucket = this.bucket(t)
    const previous = bucket.get(key)
    if (previous === undefined) throw notFound(t, name)
    bucket.delete(key)
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
      objects: [...bucket.values()],
    }))
  }

  /** Puts back a dump without emitting events; the revision continues from the highest restored. */
  load(
    types: readonly ResourceType[],
    dump: readonly { resource: string; objects: KubeObject[] }[],
  ): void {
    this.buckets.clear()
    for (const { resource, objects } of dump) {
      const t = types.find((x) => x.resource === resource)
      if (t === undefined) continue
      const bucket = this.bucket(t)
      for (const o of objects) {
        this.put(bucket, this.key(t, o.metadata.namespace ?? '', o.metadata.name), o)
        this.revision = Math.max(this.revision, Number(o.metadata.resourceVersion ?? 0))
      }
    }
  }

  private put(bucket: Map<string, KubeObject>, key: string, object: KubeObject): void {
    if (this.options.freeze) deepFreeze(object)
    bucket.set(key, object)
  }

  private emit(event: WatchEvent): void {
    for (const listener of [...this.listeners]) listener(event)
  }

  private key(t: ResourceType, namespace: string, name: string): string {
    return t.namespaced ? `${namespace}/${name}` : name
  }

  private bucket(t: ResourceType): Map<string, KubeObject> {
    let bucket = this.buckets.get(t.resource)
    if (bucket === undefined) {
      bucket = new Map()
      this.buckets.set(t.resource, bucket)
    }
    return bucket
  }
}
