/**
 * The garbage collector (pkg/controller/garbagecollector, 1.32): a graph of ownerReferences over
 * every served type. Dependents whose owners are all gone are deleted (Background); an owner
 * being deleted with the `foregroundDeletion` finalizer waits until its blocking dependents are
 * gone; one with the `orphan` finalizer has its dependents' references stripped first.
 */
import type { Controller, ControllerContext } from '../cluster'
import type { KubeObject, OwnerReference } from '../api/object'
import { RESOURCE_TYPES, type ResourceType } from '../api/resources'
import type { WatchEvent } from '../store/object-store'
import { isBeingDeleted } from './common/meta'

const FOREGROUND = 'foregroundDeletion'
const ORPHAN = 'orphan'

/** Events never own or depend on anything; skipping them keeps the graph small. */
const TRACKED = RESOURCE_TYPES.filter((t) => t.resource !== 'events')
const BY_RESOURCE = new Map(TRACKED.map((t) => [t.resource, t]))

interface Identity {
  readonly t: ResourceType
  readonly namespace: string
  readonly name: string
}

const idKey = (id: Identity): string => `${id.t.resource}|${id.namespace}|${id.name}`

function parseKey(key: string): Identity | undefined {
  const [resource = '', namespace = '', ...rest] = key.split('|')
  const t = BY_RESOURCE.get(resource)
  return t === undefined ? undefined : { t, namespace, name: rest.join('|') }
}

const finalizersOf = (o: KubeObject): readonly string[] => o.metadata.finalizers ?? []
const refsOf = (o: KubeObject): readonly OwnerReference[] => o.metadata.ownerReferences ?? []

export function garbageCollector(): Controller {
  let ctx: ControllerContext
  /** Every tracked object's identity by uid. */
  const byUid = new Map<string, Identity>()
  /** Owner uid → keys of the objects that name it. */
  const dependents = new Map<string, Set<string>>()

  const identity = (t: ResourceType, o: KubeObject): Identity => ({
    t,
    namespace: t.namespaced ? (o.metadata.namespace ?? '') : '',
    name: o.metadata.name,
  })

  const link = (key: string, refs: readonly OwnerReference[], add: boolean): void => {
    for (const ref of refs) {
      let set = dependents.get(ref.uid)
      if (add) {
        if (set === undefined) dependents.set(ref.uid, (set = new Set()))
        set.add(key)
      } else {
        set?.delete(key)
        if (set?.size === 0) dependents.delete(ref.uid)
      }
    }
  }

  const lookup = (id: Identity): KubeObject | undefined =>
    ctx.store.get(id.t, id.namespace, id.name)

  /** The live owner a reference names, or undefined when it is gone (or a namesake replaced it). */
  const ownerOf = (ref: OwnerReference): KubeObject | undefined => {
    const id = byUid.get(ref.uid)
    if (id === undefined) return undefined
    const o = lookup(id)
    return o?.metadata.uid === ref.uid ? o : undefined
  }

  const waitsForDependents = (o: KubeObject): boolean =>
    isBeingDeleted(o) && finalizersOf(o).includes(FOREGROUND)

  const enqueueDependents = (uid: string): void => {
    for (const key of dependents.get(uid) ?? []) ctx.enqueue(`attempt|${key}`)
  }

  const onEvent = (t: ResourceType, event: WatchEvent): void => {
    const o = event.object
    // Most writes (status updates) keep the references and the identity the graph knows: nothing
    // to do, as the full path below would conclude.
    if (
      event.type === 'MODIFIED' &&
      event.previous !== undefined &&
      event.previous.metadata.ownerReferences === o.metadata.ownerReferences &&
      !isBeingDeleted(o)
    ) {
      const known = byUid.get(o.metadata.uid ?? '')
      if (
        known !== undefined &&
        known.t === t &&
        known.name === o.metadata.name &&
        known.namespace === (t.namespaced ? (o.metadata.namespace ?? '') : '')
      )
        return
    }
    const id = identity(t, o)
    const key = idKey(id)
    const uid = o.metadata.uid ?? ''
    const before = event.previous === undefined ? [] : refsOf(event.previous)
    const after = event.type === 'DELETED' ? [] : refsOf(o)
    if (before !== after) {
      link(key, before, false)
      link(key, after, true)
    }
    if (event.type === 'DELETED') {
      if (byUid.get(uid) !== undefined && idKey(byUid.get(uid) as Identity) === key)
        byUid.delete(uid)
      enqueueDependents(uid)
      // An owner waiting in the foreground may now be free to go.
      for (const ref of before) ctx.enqueue(`owner|${ref.uid}`)
      return
    }
    byUid.set(uid, id)
    if (isBeingDeleted(o)) {
      const finalizers = finalizersOf(o)
      if (finalizers.includes(FOREGROUND) || finalizers.includes(ORPHAN))
        ctx.enqueue(`owner|${uid}`)
    }
    // A dependent naming an owner that does not exist (any more) is garbage.
    if (after.length > 0 && (event.type === 'ADDED' || before !== after))
      if (after.some((ref) => !byUid.has(ref.uid))) ctx.enqueue(`attempt|${key}`)
  }

  /** attemptToDeleteItem. */
  function attempt(id: Identity): void {
    const o = lookup(id)
    if (o === undefined) return
    if (isBeingDeleted(o)) {
      if (waitsForDependents(o)) processOwner(o)
      return
    }
    const refs = refsOf(o)
    if (refs.length === 0) return
    const solid: OwnerReference[] = []
    const dangling: OwnerReference[] = []
    const waiting: OwnerReference[] = []
    for (const ref of refs) {
      const owner = ownerOf(ref)
      if (owner === undefined) dangling.push(ref)
      else if (waitsForDependents(owner)) waiting.push(ref)
      else solid.push(ref)
    }
    if (solid.length > 0) {
      if (dangling.length === 0 && waiting.length === 0) return
      const drop = new Set([...dangling, ...waiting].map((r) => r.uid))
      ctx.api.update(id.t, {
        ...o,
        metadata: { ...o.metadata, ownerReferences: refs.filter((r) => !drop.has(r.uid)) },
      } as KubeObject)
      return
    }
    const hasDependents = (dependents.get(o.metadata.uid ?? '')?.size ?? 0) > 0
    let policy: 'Foreground' | 'Background' | 'Orphan' = 'Background'
    if (waiting.length > 0 && hasDependents) policy = 'Foreground'
    else if (finalizersOf(o).includes(ORPHAN)) policy = 'Orphan'
    else if (finalizersOf(o).includes(FOREGROUND)) policy = 'Foreground'
    ctx.api.delete(id.t, id.namespace, id.name, { propagationPolicy: policy })
  }

  /** An owner being deleted with the orphan or foregroundDeletion finalizer. */
  function processOwner(o: KubeObject): void {
    const uid = o.metadata.uid ?? ''
    const finalizers = finalizersOf(o)
    const id = byUid.get(uid)
    if (id === undefined) return
    if (finalizers.includes(ORPHAN)) {
      for (const key of [...(dependents.get(uid) ?? [])]) {
        const depId = parseKey(key)
        const dep = depId === undefined ? undefined : lookup(depId)
        if (depId === undefined || dep === undefined) continue
        const refs = refsOf(dep).filter((r) => r.uid !== uid)
        const { ownerReferences: _dropped, ...metadata } = dep.metadata
        ctx.api.update(depId.t, {
          ...dep,
          metadata: refs.length === 0 ? metadata : { ...metadata, ownerReferences: refs },
        } as KubeObject)
      }
      removeFinalizer(id, ORPHAN)
      return
    }
    if (!finalizers.includes(FOREGROUND)) return
    let blocking = 0
    for (const key of [...(dependents.get(uid) ?? [])]) {
      const depId = parseKey(key)
      const dep = depId === undefined ? undefined : lookup(depId)
      if (depId === undefined || dep === undefined) continue
      const ref = refsOf(dep).find((r) => r.uid === uid)
      if (ref?.blockOwnerDeletion !== true) continue
      blocking++
      if (!waitsForDependents(dep)) ctx.enqueue(`attempt|${key}`)
    }
    if (blocking === 0) removeFinalizer(id, FOREGROUND)
  }

  function removeFinalizer(id: Identity, finalizer: string): void {
    const o = lookup(id)
    if (o === undefined || !finalizersOf(o).includes(finalizer)) return
    ctx.api.update(id.t, {
      ...o,
      metadata: { ...o.metadata, finalizers: finalizersOf(o).filter((f) => f !== finalizer) },
    } as KubeObject)
  }

  return {
    name: 'garbage-collector-controller',
    start(context) {
      ctx = context
      const all: [ResourceType, KubeObject][] = []
      for (const t of TRACKED)
        for (const o of ctx.store.list(t)) {
          byUid.set(o.metadata.uid ?? '', identity(t, o))
          link(idKey(identity(t, o)), refsOf(o), true)
          all.push([t, o])
        }
      for (const [t, o] of all) {
        if (refsOf(o).some((ref) => !byUid.has(ref.uid)))
          ctx.enqueue(`attempt|${idKey(identity(t, o))}`)
        if (isBeingDeleted(o)) ctx.enqueue(`owner|${o.metadata.uid ?? ''}`)
      }
      for (const t of TRACKED) ctx.watch(t, (event) => onEvent(t, event))
    },
    reconcile(key) {
      const bar = key.indexOf('|')
      const kind = key.slice(0, bar)
      const rest = key.slice(bar + 1)
      if (kind === 'owner') {
        const id = byUid.get(rest)
        const o = id === undefined ? undefined : lookup(id)
        if (o !== undefined && isBeingDeleted(o)) processOwner(o)
        return
      }
      const id = parseKey(rest)
      if (id !== undefined) attempt(id)
    },
  }
}
