/**
 * The Deployment controller (pkg/controller/deployment/deployment_controller.go, 1.32): watches
 * Deployments, their ReplicaSets and (for Recreate) their pods, claims ReplicaSets by selector and
 * controller reference, then hands the Deployment to one sync (sync.ts).
 */
import type { Controller, ControllerContext } from '../../cluster'
import type { KubeObject } from '../../api/object'
import { fromLabelSelector, matches } from '../../api/label-selector'
import { servedType } from '../../api/resources'
import type { WatchEvent } from '../../store/object-store'
import { controllerRefOf, isBeingDeleted, keyOf, newControllerRef, splitKey } from '../common/meta'
import { PodsByController } from '../common/pod-index'
import { isPodTerminal } from '../common/pods'
import { DelayedRequeue } from '../common/retry'
import { DeploymentSync } from './sync'
import { asDeployment, isRollingUpdate } from './util'

const DEPLOYMENTS = servedType('Deployment')
const REPLICA_SETS = servedType('ReplicaSet')
const SOURCE = { component: 'deployment-controller' }

/** Pods that are not Succeeded or Failed (Recreate waits for them to go). */
const NOT_TERMINAL = 1

export function deploymentController(): Controller {
  let ctx: ControllerContext
  const rsKeyByUid = new Map<string, string>()
  const requeue = new DelayedRequeue()
  // Read only for its counts: the order of a group's pods does not matter.
  const pods = new PodsByController(
    (pod) => (isPodTerminal(pod) ? 0 : NOT_TERMINAL),
    'ReplicaSet',
    false,
  )

  const deploymentKeyOfRS = (rs: KubeObject): string | undefined => {
    const ref = controllerRefOf(rs)
    return ref?.kind === 'Deployment' ? `${rs.metadata.namespace ?? ''}/${ref.name}` : undefined
  }

  /** getDeploymentsForReplicaSet: the Deployments of the namespace whose selector takes it. */
  const enqueueMatching = (rs: KubeObject): void => {
    for (const d of ctx.store.list(DEPLOYMENTS, rs.metadata.namespace)) {
      const selector = fromLabelSelector(asDeployment(d).spec?.selector)
      if (
        selector.ok &&
        selector.value.requirements.length > 0 &&
        matches(selector.value, rs.metadata.labels)
      )
        ctx.enqueue(keyOf(d))
    }
  }

  const onReplicaSet = (event: WatchEvent): void => {
    const rs = event.object
    if (event.type === 'DELETED') rsKeyByUid.delete(rs.metadata.uid ?? '')
    else rsKeyByUid.set(rs.metadata.uid ?? '', keyOf(rs))
    const previousKey = event.previous === undefined ? undefined : deploymentKeyOfRS(event.previous)
    const key = deploymentKeyOfRS(rs)
    if (previousKey !== undefined && previousKey !== key) ctx.enqueue(previousKey)
    if (key !== undefined) ctx.enqueue(key)
    else if (event.type !== 'DELETED') enqueueMatching(rs)
  }

  const onPodGone = (rsUid: string): void => {
    const rsKey = rsKeyByUid.get(rsUid)
    if (rsKey === undefined) return
    const { namespace, name } = splitKey(rsKey)
    const rs = ctx.store.get(REPLICA_SETS, namespace, name)
    const key = rs === undefined ? undefined : deploymentKeyOfRS(rs)
    if (key === undefined) return
    const d = ctx.store.get(DEPLOYMENTS, namespace, splitKey(key).name)
    if (d !== undefined && !isRollingUpdate(d)) ctx.enqueue(key)
  }

  /** getReplicaSetsForDeployment: ClaimReplicaSets (adopt matching orphans, release strays). */
  function claimReplicaSets(d: KubeObject): KubeObject[] {
    const selector = fromLabelSelector(asDeployment(d).spec?.selector)
    if (!selector.ok) return []
    const uid = d.metadata.uid
    const deleting = isBeingDeleted(d)
    const owned: KubeObject[] = []
    for (const rs of ctx.store.list(REPLICA_SETS, d.metadata.namespace)) {
      const ref = controllerRefOf(rs)
      const match = matches(selector.value, rs.metadata.labels)
      if (ref !== undefined) {
        if (ref.uid !== uid) continue
        if (match) {
          owned.push(rs)
          continue
        }
        if (deleting) continue
        const refs = (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid)
        const { ownerReferences: _dropped, ...metadata } = rs.metadata
        ctx.api.update(REPLICA_SETS, {
          ...rs,
          metadata: refs.length === 0 ? metadata : { ...metadata, ownerReferences: refs },
        } as KubeObject)
        continue
      }
      if (deleting || !match || isBeingDeleted(rs)) continue
      const adopted = ctx.api.update(REPLICA_SETS, {
        ...rs,
        metadata: {
          ...rs.metadata,
          ownerReferences: [...(rs.metadata.ownerReferences ?? []), newControllerRef(d)],
        },
      } as KubeObject)
      if (adopted.ok) owned.push(adopted.value)
    }
    return owned
  }

  return {
    name: 'deployment-controller',
    start(context) {
      ctx = context
      for (const rs of ctx.store.list(REPLICA_SETS))
        rsKeyByUid.set(rs.metadata.uid ?? '', keyOf(rs))
      for (const d of ctx.store.list(DEPLOYMENTS)) ctx.enqueue(keyOf(d))
      ctx.watch(DEPLOYMENTS, (event) => {
        if (event.type !== 'DELETED') ctx.enqueue(keyOf(event.object))
      })
      ctx.watch(REPLICA_SETS, onReplicaSet)
      pods.start(ctx, ({ event, previousOwner, owner }) => {
        if (event.type === 'DELETED' || (owner !== '' && pods.count(owner, NOT_TERMINAL) === 0)) {
          if (previousOwner !== '') onPodGone(previousOwner)
        }
      })
    },
    reconcile(key) {
      const { namespace, name } = splitKey(key)
      const d = ctx.store.get(DEPLOYMENTS, namespace, name)
      if (d === undefined) return
      const selector = asDeployment(d).spec?.selector
      if (
        selector !== undefined &&
        Object.keys(selector.matchLabels ?? {}).length === 0 &&
        (selector.matchExpressions ?? []).length === 0
      ) {
        ctx.events.record(
          d,
          'Warning',
          'SelectingAll',
          'This deployment is selecting all pods. A non-empty selector is required.',
          SOURCE,
        )
        const status = (d['status'] ?? {}) as { observedGeneration?: number }
        if ((status.observedGeneration ?? 0) < (d.metadata.generation ?? 0))
          ctx.api.updateStatus(DEPLOYMENTS, {
            ...d,
            status: { ...status, observedGeneration: d.metadata.generation },
          } as KubeObject)
        return
      }
      const rsList = claimReplicaSets(d)
      const current = ctx.store.get(DEPLOYMENTS, namespace, name)
      if (current === undefined) return
      new DeploymentSync(
        {
          ctx,
          podsRunning: (uid) => pods.count(uid, NOT_TERMINAL) > 0,
          requeueAt: (k, due) => requeue.at(ctx, k, due),
        },
        current,
        rsList,
      ).run()
    },
  }
}
