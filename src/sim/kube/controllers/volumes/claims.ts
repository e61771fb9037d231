/**
 * What the PV controller, the scheduler's volume binding and external provisioners read off
 * claims and volumes (component-helpers/storage/volume): classes, sizes, access modes, the
 * binding annotations and the claim reference a bound volume carries.
 */
import type { KubeObject } from '../../api/object'
import { servedType } from '../../api/resources'
import type { ObjectStore } from '../../store/object-store'
import { bytes } from '../../scheduler/quantity'

export const PVS = servedType('PersistentVolume')
export const PVCS = servedType('PersistentVolumeClaim')
export const STORAGE_CLASSES = servedType('StorageClass')

/** Set on a claim once the controller has bound it (never removed). */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed'
/** Set on whichever side the controller (not the user) pointed at the other. */
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller'
/** Set on a volume by the provisioner that made it. */
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by'
/** Set on a claim to tell external provisioners which of them should act. */
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner'
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner'
/** Set on a WaitForFirstConsumer claim by the scheduler once its first pod has a node. */
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node'
const ANN_BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

export const specOf = (o: KubeObject): Obj => (isObj(o['spec']) ? o['spec'] : {})
export const statusOf = (o: KubeObject): Obj => (isObj(o['status']) ? o['status'] : {})
export const phaseOf = (o: KubeObject): string => {
  const phase = statusOf(o)['phase']
  return typeof phase === 'string' ? phase : ''
}
export const annotation = (o: KubeObject, key: string): string | undefined =>
  o.metadata.annotations?.[key]

/** GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
export function claimClass(claim: KubeObject): string {
  const beta = annotation(claim, ANN_BETA_STORAGE_CLASS)
  if (beta !== undefined) return beta
  const name = specOf(claim)['storageClassName']
  return typeof name === 'string' ? name : ''
}

/** GetPersistentVolumeClass. */
export function volumeClass(volume: KubeObject): string {
  const beta = annotation(volume, ANN_BETA_STORAGE_CLASS)
  if (beta !== undefined) return beta
  const name = specOf(volume)['storageClassName']
  return typeof name === 'string' ? name : ''
}

export const claimVolumeName = (claim: KubeObject): string => {
  const name = specOf(claim)['volumeName']
  return typeof name === 'string' ? name : ''
}

/** The requested storage, in bytes. */
export function claimRequest(claim: KubeObject): number {
  const resources = specOf(claim)['resources']
  const requests = isObj(resources) && isObj(resources['requests']) ? resources['requests'] : {}
  return bytes(requests['storage'])
}

/** The volume's storage capacity, in bytes. */
export function volumeCapacity(volume: KubeObject): number {
  const capacity = specOf(volume)['capacity']
  return bytes(isObj(capacity) ? capacity['storage'] : undefined)
}

export const accessModes = (o: KubeObject): string[] => {
  const modes = specOf(o)['accessModes']
  return Array.isArray(modes) ? modes.filter((m): m is string => typeof m === 'string') : []
}

/** CheckAccessModes: every mode the claim asks for is one the volume offers. */
export function volumeOffersModes(claim: KubeObject, volume: KubeObject): boolean {
  const offered = new Set(accessModes(volume))
  return accessModes(claim).every((m) => offered.has(m))
}

const volumeModeOf = (o: KubeObject): string => {
  const mode = specOf(o)['volumeMode']
  return typeof mode === 'string' ? mode : 'Filesystem'
}

/** CheckVolumeModeMismatches (a missing mode is Filesystem on both sides). */
export const volumeModeMismatch = (claim: KubeObject, volume: KubeObject): boolean =>
  volumeModeOf(claim) !== volumeModeOf(volume)

export interface ClaimRef {
  kind?: string
  namespace?: string
  name?: string
  uid?: string
  apiVersion?: string
  resourceVersion?: string
}

export const claimRefOf = (volume: KubeObject): ClaimRef | undefined => {
  const ref = specOf(volume)['claimRef']
  return isObj(ref) ? (ref as ClaimRef) : undefined
}

/** reference.GetReference(claim): what a bound volume's spec.claimRef holds. */
export function referenceTo(claim: KubeObject): ClaimRef {
  return {
    kind: 'PersistentVolumeClaim',
    namespace: claim.metadata.namespace ?? 'default',
    name: claim.metadata.name,
    uid: claim.metadata.uid ?? '',
    apiVersion: 'v1',
    resourceVersion: claim.metadata.resourceVersion ?? '',
  }
}

/** IsVolumeBoundToClaim: the claimRef names this claim, and its uid if it has one. */
export function isVolumeBoundToClaim(volume: KubeObject, claim: KubeObject): boolean {
  const ref = claimRefOf(volume)
  if (ref === undefined) return false
  if (ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace) return false
  return !ref.uid || ref.uid === claim.metadata.uid
}

export const claimKey = (namespace: string, name: string): string => `${namespace}/${name}`

export function storageClassOf(store: ObjectStore, claim: KubeObject): KubeObject | undefined {
  const name = claimClass(claim)
  return name === '' ? undefined : store.get(STORAGE_CLASSES, '', name)
}

/** IsDelayBindingMode: the claim's class exists and binds WaitForFirstConsumer. */
export function isDelayBinding(store: ObjectStore, claim: KubeObject): boolean {
  return storageClassOf(store, claim)?.['volumeBindingMode'] === 'WaitForFirstConsumer'
}

/** The names of the claims a pod mounts. */
export function podClaimNames(pod: KubeObject): string[] {
  const volumes = specOf(pod)['volumes']
  if (!Array.isArray(volumes)) return []
  const names: string[] = []
  for (const v of volumes) {
    const source = isObj(v) ? v['persistentVolumeClaim'] : undefined
    const name = isObj(source) ? source['claimName'] : undefined
    if (typeof name === 'string' && name !== '') names.push(name)
  }
  return names
}
