/**
 * VolumeBinding's PreFilter, minimal: a pod's claims must exist, and a claim whose class binds
 * Immediately must already be Bound (the PV controller's job) before the pod can be placed.
 * WaitForFirstConsumer claims are left to the provisioner once the pod is placed.
 */
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import type { ObjectStore } from '../store/object-store'
import { podSpecOf } from './pod-resources'

const PVCS = servedType('PersistentVolumeClaim')
const STORAGE_CLASSES = servedType('StorageClass')

export function volumeBindingPreFilter(pod: KubeObject, store: ObjectStore): string | undefined {
  const volumes =
    (podSpecOf(pod)['volumes'] as
      { persistentVolumeClaim?: { claimName?: string } }[] | undefined) ?? []
  const namespace = pod.metadata.namespace ?? 'default'
  let unboundImmediate = false
  for (const v of volumes) {
    const claimName = v.persistentVolumeClaim?.claimName
    if (claimName === undefined) continue
    const claim = store.get(PVCS, namespace, claimName)
    if (claim === undefined) return `persistentvolumeclaim "${claimName}" not found`
    if (claim.metadata.deletionTimestamp !== undefined)
      return `persistentvolumeclaim "${claimName}" is being deleted`
    if ((claim['status'] as { phase?: string } | undefined)?.phase === 'Bound') continue
    const className = (claim['spec'] as { storageClassName?: string } | undefined)?.storageClassName
    const storageClass = className ? store.get(STORAGE_CLASSES, '', className) : undefined
    if (storageClass?.['volumeBindingMode'] !== 'WaitForFirstConsumer') unboundImmediate = true
  }
  return unboundImmediate ? 'pod has unbound immediate PersistentVolumeClaims' : undefined
}
