/**
 * The scheduler's VolumeBinding PreBind for WaitForFirstConsumer claims, once the claim's first
 * pod has a node: a matching static volume gets the claim reference (the PV controller finishes
 * the binding), otherwise the claim is marked with the selected node so its class's provisioner
 * may start. kube-scheduler does this before binding the pod; Quai's scheduler binds first, and
 * the PV binder calls this when it sees the pod placed (the scheduler may call it directly).
 */
import type { ApiServer } from '../../api-server'
import type { KubeObject } from '../../api/object'
import type { ObjectStore } from '../../store/object-store'
import {
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_SELECTED_NODE,
  claimVolumeName,
  isDelayBinding,
  podClaimNames,
  PVCS,
  PVS,
  referenceTo,
  specOf,
  storageClassOf,
} from './claims'
import { findBestMatchForClaim } from './matching'

/** Claims of `pod` still waiting for their first consumer to be placed. */
function waitingClaims(store: ObjectStore, pod: KubeObject): KubeObject[] {
  const namespace = pod.metadata.namespace ?? 'default'
  const out: KubeObject[] = []
  for (const name of podClaimNames(pod)) {
    const claim = store.get(PVCS, namespace, name)
    if (claim === undefined || claim.metadata.deletionTimestamp !== undefined) continue
    if (claimVolumeName(claim) !== '') continue
    if (claim.metadata.annotations?.[ANN_BIND_COMPLETED] !== undefined) continue
    if (claim.metadata.annotations?.[ANN_SELECTED_NODE] !== undefined) continue
    if (!isDelayBinding(store, claim)) continue
    out.push(claim)
  }
  return out
}

export function bindPodVolumes(
  api: ApiServer,
  store: ObjectStore,
  pod: KubeObject,
  node: string,
): void {
  for (const claim of waitingClaims(store, pod)) {
    const volume = findBestMatchForClaim(store.list(PVS), claim, false)
    if (volume !== undefined) {
      api.update(PVS, {
        ...volume,
        metadata: {
          ...volume.metadata,
          annotations: { ...(volume.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' },
        },
        spec: { ...specOf(volume), claimRef: referenceTo(claim) },
      })
      continue
    }
    if (storageClassOf(store, claim)?.['provisioner'] === undefined) continue
    api.update(PVCS, {
      ...claim,
      metadata: {
        ...claim.metadata,
        annotations: { ...(claim.metadata.annotations ?? {}), [ANN_SELECTED_NODE]: node },
      },
    })
  }
}
