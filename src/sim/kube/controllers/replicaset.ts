/**
 * The ReplicaSet controller (pkg/controller/replicaset, 1.32): keeps `spec.replicas` active pods
 * from the template, adopting matching orphans and releasing pods whose labels no longer match;
 * pods being deleted or finished do not count, so replacements start while old ones terminate.
 */
import type { Controller, ControllerContext } from '../cluster'
import type { KubeObject, ReplicaSet } from '../api/object'
import { fromLabelSelector, matches, type Selector } from '../api/label-selector'
import { servedType } from '../api/resources'
import { createPodFromTemplate, deletePod } from './common/pod-control'
import {
  controllerRefOf,
  isBeingDeleted,
  keyOf,
  newControllerRef,
  rfc3339,
  splitKey,
} from './common/meta'
import { ACTIVE, ACTIVE_READY, PodsByController, type PodChange } from './common/pod-index'
import { isPodActive, isPodAvailable, isPodReady, podReadyTime } from './common/pods'
import { rankPodsForDeletion } from './common/pod-ranking'
import { DelayedRequeue, RetryBackoff } from './common/retry'
import { sameJson } from './common/same-json'

const PODS = servedType('Pod')
const REPLICA_SETS = servedType('ReplicaSet')
const COMPONENT = { component: 'replicaset-controller' }

/** Active pods whose labels carry every template label (status.fullyLabeledReplicas). */
const FULLY_LABELED = 4

/** Pods created or deleted per sync at most (--replicaset burst, upstream's burstReplicas). */
const BURST_REPLICAS = 500

const asReplicaSet = (o: KubeObject): ReplicaSet => o as unknown as ReplicaSet

interface ReplicaSetStatusShape {
  replicas: number
  fullyLabeledReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  observedGeneration?: number
  conditions?: {
    type: string
    status: string
    lastTransitionTime?: string
    reason?: string
    message?: string
  }[]
}

function templateLabelsMatch(rs: KubeObject | undefined, pod: KubeObject): boolean {
  const wanted = rs === undefined ? undefined : asReplicaSet(rs).spec?.template?.metadata?.labels
  if (wanted === undefined) return true
  const labels = pod.metadata.labels ?? {}
  for (const k in wanted) if (labels[k] !== wanted[k]) return false
  return true
}

export function replicaSetController(): Controller {
  let ctx: ControllerContext
  /** ReplicaSet key by uid, to route a pod event to its owner. */
  const keyByUid = new Map<string, string>()
  const templateLabels = new Map<string, string>()
  const selectors = new Map<string, string>()
  /** Owned pods whose labels changed since the owner last looked (release candidates). */
  const relabeled = new Map<string, Set<string>>()
  const retries = new RetryBackoff()
  const requeue = new DelayedRequeue()

  const ownerByUid = (uid: string): KubeObject | undefined => {
    const key = keyByUid.get(uid)
    if (key === undefined) return undefined
    const { namespace, name } = splitKey(key)
    return ctx.store.get(REPLICA_SETS, namespace, name)
  }

  const pods = new PodsByController((pod, owner) => {
    if (!isPodActive(pod)) return 0
    return (
      ACTIVE |
      (isPodReady(pod) ? ACTIVE_READY : 0) |
      (templateLabelsMatch(ownerByUid(owner), pod) ? FULLY_LABELED : 0)
    )
  }, 'ReplicaSet')

  const enqueueOwner = (uid: string): void => {
    const key = keyByUid.get(uid)
    if (key !== undefined) ctx.enqueue(key)
  }

  const onPod = ({ event, previousOwner, owner }: PodChange): void => {
    if (previousOwner !== '') enqueueOwner(previousOwner)
    if (owner !== '' && owner !== previousOwner) enqueueOwner(owner)
    if (
      owner !== '' &&
      event.previous !== undefined &&
      !sameJson(event.previous.metadata.labels ?? {}, event.object.metadata.labels ?? {})
    ) {
      let set = relabeled.get(owner)
      if (set === undefined) relabeled.set(owner, (set = new Set()))
      set.add(keyOf(event.object))
    }
    // An orphan may be adopted by any ReplicaSet of its namespace whose selector matches it.
    if (owner === '' && event.type !== 'DELETED' && isPodActive(event.object))
      for (const rs of ctx.store.list(REPLICA_SETS, event.object.metadata.namespace))
        if (selectorOf(rs)?.ok && matchesSelector(rs, event.object)) ctx.enqueue(keyOf(rs))
  }

  const onReplicaSet = (event: { type: string; object: KubeObject }): void => {
    const rs = event.object
    const uid = rs.metadata.uid ?? ''
    const key = keyOf(rs)
    if (event.type === 'DELETED') {
      keyByUid.delete(uid)
      templateLabels.delete(uid)
      selectors.delete(uid)
      relabeled.delete(uid)
      retries.forget(key)
      return
    }
    keyByUid.set(uid, key)
    const labels = JSON.stringify(asReplicaSet(rs).spec?.template?.metadata?.labels ?? {})
    if (templateLabels.has(uid) && templateLabels.get(uid) !== labels) {
      templateLabels.set(uid, labels)
      pods.reclassify(uid)
    } else templateLabels.set(uid, labels)
    ctx.enqueue(key)
  }

  const selectorCache = new Map<
    string,
    { json: string; parsed: ReturnType<typeof fromLabelSelector> }
  >()
  function selectorOf(rs: KubeObject): ReturnType<typeof fromLabelSelector> | undefined {
    const uid = rs.metadata.uid ?? ''
    const raw = asReplicaSet(rs).spec?.selector
    const json = JSON.stringify(raw ?? null)
    const cached = selectorCache.get(uid)
    if (cached !== undefined && cached.json === json) return cached.parsed
    const parsed = fromLabelSelector(raw)
    selectorCache.set(uid, { json, parsed })
    return parsed
  }
  function matchesSelector(rs: KubeObject, pod: KubeObject): boolean {
    const parsed = selectorOf(rs)
    return parsed !== undefined && parsed.ok && matches(parsed.value, pod.metadata.labels)
  }

  /** ClaimPods: adopt matching active orphans, release owned pods that stopped matching. */
  function claim(rs: KubeObject, selector: Selector): void {
    const uid = rs.metadata.uid ?? ''
    const json = JSON.stringify(asReplicaSet(rs).spec?.selector ?? null)
    const selectorChanged = selectors.get(uid) !== json
    selectors.set(uid, json)
    const suspects = selectorChanged
      ? [...pods.pods(uid)].map(keyOf)
      : [...(relabeled.get(uid) ?? [])]
    relabeled.delete(uid)
    if (!isBeingDeleted(rs))
      for (const key of suspects) {
        const { namespace, name } = splitKey(key)
        const pod = ctx.store.get(PODS, namespace, name)
        if (pod === undefined || controllerRefOf(pod)?.uid !== uid) continue
        if (matches(selector, pod.metadata.labels)) continue
        const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid)
        const { ownerReferences: _dropped, ...metadata } = pod.metadata
        ctx.api.update(PODS, {
          ...pod,
          metadata: refs.length === 0 ? metadata : { ...metadata, ownerReferences: refs },
        } as KubeObject)
      }
    if (isBeingDeleted(rs)) return
    for (const pod of [...pods.orphansIn(rs.metadata.namespace ?? '')]) {
      if (!isPodActive(pod) || !matches(selector, pod.metadata.labels)) continue
      ctx.api.update(PODS, {
        ...pod,
        metadata: {
          ...pod.metadata,
          ownerReferences: [...(pod.metadata.ownerReferences ?? []), newControllerRef(rs)],
        },
      } as KubeObject)
    }
  }

  /** Pods of every ReplicaSet under the same controller (rank by co-location, as upstream). */
  function relatedPods(rs: KubeObject): KubeObject[] {
    const controller = controllerRefOf(rs)?.uid
    if (controller === undefined) return [...pods.pods(rs.metadata.uid ?? '')]
    const out: KubeObject[] = []
    for (const sibling of ctx.store.list(REPLICA_SETS, rs.metadata.namespace))
      if (controllerRefOf(sibling)?.uid === controller)
        for (const p of pods.pods(sibling.metadata.uid ?? '')) out.push(p)
    return out
  }

  /** manageReplicas: create or delete pods toward spec.replicas; returns the failure, if any. */
  function manageReplicas(rs: KubeObject, key: string): string | undefined {
    const uid = rs.metadata.uid ?? ''
    const wanted = asReplicaSet(rs).spec?.replicas ?? 1
    const diff = pods.count(uid, ACTIVE) - wanted
    if (diff < 0) {
      const toCreate = Math.min(-diff, BURST_REPLICAS)
      for (let i = 0; i < toCreate; i++) {
        const created = createPodFromTemplate(
          ctx,
          rs,
          asReplicaSet(rs).spec?.template ?? {},
          COMPONENT,
        )
        if (!created.ok) return created.error
      }
      if (-diff > BURST_REPLICAS) ctx.enqueue(key)
    } else if (diff > 0) {
      const active = [...pods.pods(uid)].filter(isPodActive)
      const count = Math.min(diff, BURST_REPLICAS)
      const victims =
        count < active.length
          ? rankPodsForDeletion(active, relatedPods(rs), ctx.clock.now()).slice(0, count)
          : active
      for (const pod of victims) {
        const deleted = deletePod(ctx, rs, pod, COMPONENT)
        if (!deleted.ok) return deleted.error
      }
      if (diff > BURST_REPLICAS) ctx.enqueue(key)
    }
    return undefined
  }

  function calculateStatus(rs: KubeObject, failure: string | undefined): ReplicaSetStatusShape {
    const uid = rs.metadata.uid ?? ''
    const spec = asReplicaSet(rs).spec
    const minReadySeconds = spec?.minReadySeconds ?? 0
    const ready = pods.count(uid, ACTIVE_READY)
    let available = ready
    if (minReadySeconds > 0) {
      available = 0
      const now = ctx.clock.now()
      for (const pod of pods.pods(uid))
        if (isPodActive(pod) && isPodAvailable(pod, minReadySeconds, now)) available++
    }
    const old = (rs['status'] ?? {}) as ReplicaSetStatusShape
    let conditions = old.conditions ?? []
    const failureCond = conditions.find((c) => c.type === 'ReplicaFailure')
    if (failure !== undefined && failureCond === undefined) {
      const replicas = pods.count(uid, ACTIVE)
      const reason = replicas < (spec?.replicas ?? 1) ? 'FailedCreate' : 'FailedDelete'
      conditions = [
        ...conditions,
        {
          type: 'ReplicaFailure',
          status: 'True',
          lastTransitionTime: rfc3339(ctx.clock.now()),
          reason,
          message: failure,
        },
      ]
    } else if (failure === undefined && failureCond !== undefined)
      conditions = conditions.filter((c) => c.type !== 'ReplicaFailure')
    const replicas = pods.count(uid, ACTIVE)
    const fully = pods.count(uid, FULLY_LABELED)
    // Zero counts are omitted (omitempty), replicas is always there; fields in the API's order.
    const status: ReplicaSetStatusShape = { replicas }
    if (fully > 0) status.fullyLabeledReplicas = fully
    if (ready > 0) status.readyReplicas = ready
    if (available > 0) status.availableReplicas = available
    if (rs.metadata.generation !== undefined) status.observedGeneration = rs.metadata.generation
    if (conditions.length > 0) status.conditions = conditions
    return status
  }

  /** When the next pod turns available (minReadySeconds), so the count moves without an event. */
  function nextAvailability(rs: KubeObject): number | undefined {
    const minReadySeconds = asReplicaSet(rs).spec?.minReadySeconds ?? 0
    if (minReadySeconds === 0) return undefined
    const now = ctx.clock.now()
    let next: number | undefined
    for (const pod of pods.pods(rs.metadata.uid ?? '')) {
      if (!isPodActive(pod) || isPodAvailable(pod, minReadySeconds, now)) continue
      const since = podReadyTime(pod)
      if (since === undefined) continue
      const at = since + minReadySeconds * 1000 + 1000
      if (next === undefined || at < next) next = at
    }
    return next
  }

  return {
    name: 'replicaset-controller',
    start(context) {
      ctx = context
      for (const rs of ctx.store.list(REPLICA_SETS)) {
        keyByUid.set(rs.metadata.uid ?? '', keyOf(rs))
        templateLabels.set(
          rs.metadata.uid ?? '',
          JSON.stringify(asReplicaSet(rs).spec?.template?.metadata?.labels ?? {}),
        )
        ctx.enqueue(keyOf(rs))
      }
      pods.start(ctx, onPod)
      ctx.watch(REPLICA_SETS, onReplicaSet)
    },
    reconcile(key) {
      const { namespace, name } = splitKey(key)
      const rs = ctx.store.get(REPLICA_SETS, namespace, name)
      if (rs === undefined) return
      const selector = selectorOf(rs)
      if (selector === undefined || !selector.ok) return
      claim(rs, selector.value)
      const failure = isBeingDeleted(rs) ? undefined : manageReplicas(rs, key)
      if (failure === undefined) retries.forget(key)
      else retries.retry(ctx, key)
      const current = ctx.store.get(REPLICA_SETS, namespace, name)
      if (current === undefined) return
      const status = calculateStatus(current, failure)
      if (!sameJson(status, current['status'] ?? null))
        ctx.api.updateStatus(REPLICA_SETS, { ...current, status } as KubeObject)
      const next = nextAvailability(current)
      if (next !== undefined) requeue.at(ctx, key, next)
    },
  }
}
