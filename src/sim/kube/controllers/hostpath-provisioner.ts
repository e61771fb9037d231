/**
 * minikube's storage-provisioner addon (k8s.io/minikube-hostpath, on
 * sig-storage-lib-external-provisioner): for a claim whose class it serves and which the PV
 * controller has handed to it, it makes a volume `pvc-<claim uid>` backed by
 * /tmp/hostpath-provisioner/<namespace>/<claim> on the node, already pointing at the claim (the
 * PV controller then binds both); a Released volume of its own with reclaim policy Delete is
 * deleted. It runs only while the kube-system/storage-provisioner pod does, as the real one.
 */
import type { Controller, ControllerContext } from '../cluster'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import { keyOf, splitKey } from './common/meta'
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_DYNAMICALLY_PROVISIONED,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  claimClass,
  claimVolumeName,
  phaseOf,
  PVCS,
  PVS,
  referenceTo,
  specOf,
  STORAGE_CLASSES,
} from './volumes/claims'

export const HOSTPATH_PROVISIONER = 'k8s.io/minikube-hostpath'
export const HOSTPATH_PV_DIR = '/tmp/hostpath-provisioner'

const PODS = servedType('Pod')
const NODES = servedType('Node')
const ADDON_NAMESPACE = 'kube-system'
const ADDON_POD = 'storage-provisioner'

const CLAIM = 'claim:'
const VOLUME = 'volume:'

type Obj = Record<string, unknown>

export function hostPathProvisioner(): Controller {
  let ctx: ControllerContext
  /** Made on first use: the provisioner's identity is a UUID it draws when it starts. */
  let identity: { annotation: string; component: string } | undefined

  const running = (): boolean => {
    const pod = ctx.store.get(PODS, ADDON_NAMESPACE, ADDON_POD)
    return pod !== undefined && phaseOf(pod) === 'Running' && !pod.metadata.deletionTimestamp
  }

  /** `k8s.io/minikube-hostpath_<hostname>_<uuid>`: the lib's event source (hostNetwork pod). */
  function whoAmI(): { annotation: string; component: string } {
    if (identity !== undefined) return identity
    const pod = ctx.store.get(PODS, ADDON_NAMESPACE, ADDON_POD)
    const node = pod === undefined ? undefined : specOf(pod)['nodeName']
    const host =
      typeof node === 'string' && node !== ''
        ? node
        : (ctx.store.list(NODES)[0]?.metadata.name ?? 'minikube')
    identity = {
      annotation: ctx.random.uuid(),
      component: `${HOSTPATH_PROVISIONER}_${host}_${ctx.random.uuid()}`,
    }
    return identity
  }

  const event = (o: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string) =>
    ctx.events.record(o, type, reason, message, { component: whoAmI().component })

  /** shouldProvision: unbound, handed to us by the PV controller, of a class we serve. */
  function storageClassToServe(claim: KubeObject): KubeObject | undefined {
    if (claimVolumeName(claim) !== '' || claim.metadata.deletionTimestamp) return undefined
    const annotations = claim.metadata.annotations ?? {}
    const asked = annotations[ANN_STORAGE_PROVISIONER] ?? annotations[ANN_BETA_STORAGE_PROVISIONER]
    if (asked !== HOSTPATH_PROVISIONER) return undefined
    const storageClass = ctx.store.get(STORAGE_CLASSES, '', claimClass(claim))
    if (storageClass?.['provisioner'] !== HOSTPATH_PROVISIONER) return undefined
    if (
      storageClass['volumeBindingMode'] === 'WaitForFirstConsumer' &&
      annotations[ANN_SELECTED_NODE] === undefined
    )
      return undefined
    return storageClass
  }

  function provision(claim: KubeObject, storageClass: KubeObject): void {
    const name = `pvc-${claim.metadata.uid ?? ''}`
    if (ctx.store.get(PVS, '', name) !== undefined) return
    const namespace = claim.metadata.namespace ?? 'default'
    const className = storageClass.metadata.name
    if (specOf(claim)['selector'] !== undefined) {
      event(
        claim,
        'Warning',
        'ProvisioningFailed',
        `failed to provision volume with StorageClass "${className}": claim Selector is not supported`,
      )
      return
    }
    event(
      claim,
      'Normal',
      'Provisioning',
      `External provisioner is provisioning volume for claim "${namespace}/${claim.metadata.name}"`,
    )
    const claimSpec = specOf(claim)
    const requests = ((claimSpec['resources'] as Obj | undefined)?.['requests'] ?? {}) as Obj
    const mountOptions = storageClass['mountOptions']
    const created = ctx.api.create(PVS, {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name,
        annotations: {
          hostPathProvisionerIdentity: whoAmI().annotation,
          [ANN_DYNAMICALLY_PROVISIONED]: HOSTPATH_PROVISIONER,
        },
      },
      spec: {
        accessModes: claimSpec['accessModes'],
        capacity: { storage: requests['storage'] },
        claimRef: referenceTo(claim),
        hostPath: { path: `${HOSTPATH_PV_DIR}/${namespace}/${claim.metadata.name}` },
        ...(Array.isArray(mountOptions) ? { mountOptions } : {}),
        persistentVolumeReclaimPolicy: storageClass['reclaimPolicy'] ?? 'Delete',
        storageClassName: className,
        volumeMode: claimSpec['volumeMode'] ?? 'Filesystem',
      },
    })
    if (created.ok)
      event(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`)
    else
      event(
        claim,
        'Warning',
        'ProvisioningFailed',
        `failed to provision volume with StorageClass "${className}": ${created.error.message}`,
      )
  }

  /** shouldDelete: ours, Released, and its policy says Delete. */
  function reclaim(volume: KubeObject): void {
    if (volume.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED] !== HOSTPATH_PROVISIONER) return
    if (phaseOf(volume) !== 'Released') return
    if (specOf(volume)['persistentVolumeReclaimPolicy'] !== 'Delete') return
    if (volume.metadata.deletionTimestamp) return
    ctx.api.delete(PVS, '', volume.metadata.name)
  }

  return {
    name: 'storage-provisioner',
    start(context) {
      ctx = context
      ctx.watch(PVCS, (e) => {
        if (e.type !== 'DELETED') ctx.enqueue(CLAIM + keyOf(e.object))
      })
      ctx.watch(PVS, (e) => {
        if (e.type !== 'DELETED') ctx.enqueue(VOLUME + e.object.metadata.name)
      })
      // When the addon's pod comes up it works through what waited for it.
      ctx.watch(PODS, (e) => {
        const pod = e.object
        if (pod.metadata.namespace !== ADDON_NAMESPACE || pod.metadata.name !== ADDON_POD) return
        if (e.previous !== undefined && phaseOf(e.previous) === phaseOf(pod)) return
        for (const claim of ctx.store.list(PVCS)) ctx.enqueue(CLAIM + keyOf(claim))
        for (const volume of ctx.store.list(PVS)) ctx.enqueue(VOLUME + volume.metadata.name)
      })
    },
    reconcile(key) {
      if (!running()) return
      if (key.startsWith(CLAIM)) {
        const { namespace, name } = splitKey(key.slice(CLAIM.length))
        const claim = ctx.store.get(PVCS, namespace, name)
        const storageClass = claim === undefined ? undefined : storageClassToServe(claim)
        if (claim !== undefined && storageClass !== undefined) provision(claim, storageClass)
        return
      }
      const volume = ctx.store.get(PVS, '', key.slice(VOLUME.length))
      if (volume !== undefined) reclaim(volume)
    },
  }
}
