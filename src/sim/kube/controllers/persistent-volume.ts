/**
 * The PersistentVolume controller (pkg/controller/volume/persistentvolume, 1.32): binds each
 * claim to the smallest matching Available volume, or asks its class's provisioner for one
 * (ExternalProvisioning), or waits for its first consumer (WaitForFirstConsumer classes), or says
 * there is nothing to bind (FailedBinding); keeps both sides' phases (Available, Bound, Released,
 * Failed, Pending, Lost) and reclaims a volume whose claim went, by its reclaim policy. Unbound
 * claims and failed volumes are synced again every 15 s, as the controller's periodic resync
 * does, which is why their events count up while they wait.
 */
import type { Controller, ControllerContext } from '../cluster'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import { keyOf, rfc3339, splitKey } from './common/meta'
import { isPodTerminal } from './common/pods'
import { DelayedRequeue } from './common/retry'
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_DYNAMICALLY_PROVISIONED,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  accessModes,
  claimClass,
  claimRefOf,
  claimVolumeName,
  isDelayBinding,
  isVolumeBoundToClaim,
  phaseOf,
  podClaimNames,
  PVCS,
  PVS,
  referenceTo,
  specOf,
  STORAGE_CLASSES,
  statusOf,
} from './volumes/claims'
import { bindPodVolumes } from './volumes/first-consumer'
import { findBestMatchForClaim, volumeMismatch } from './volumes/matching'

const PODS = servedType('Pod')
const SOURCE = { component: 'persistentvolume-controller' }
/** --pvclaimbinder-sync-period. */
export const PV_RESYNC_MS = 15_000

const CLAIM = 'claim:'
const VOLUME = 'volume:'
const POD = 'pod:'

type Obj = Record<string, unknown>

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

export function persistentVolumeController(): Controller {
  let ctx: ControllerContext
  const resync = new DelayedRequeue()

  const later = (key: string): void => resync.at(ctx, key, ctx.clock.now() + PV_RESYNC_MS)
  const event = (o: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string) =>
    ctx.events.record(o, type, reason, message, SOURCE)

  /** Writes a volume's phase (and message), stamping lastPhaseTransitionTime when it changes. */
  function updateVolumePhase(volume: KubeObject, phase: string, message = ''): KubeObject {
    const status = statusOf(volume)
    if (status['phase'] === phase && (status['message'] ?? '') === message) return volume
    const next: Obj = { ...status, phase }
    if (message === '') delete next['message']
    else next['message'] = message
    if (status['phase'] !== phase) next['lastPhaseTransitionTime'] = rfc3339(ctx.clock.now())
    const written = ctx.api.updateStatus(PVS, { ...volume, status: next })
    return written.ok ? written.value : volume
  }

  function updateVolumePhaseWithEvent(
    volume: KubeObject,
    phase: string,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): KubeObject {
    if (phaseOf(volume) === phase) return volume
    const updated = updateVolumePhase(volume, phase, message)
    event(updated, type, reason, message)
    return updated
  }

  /** updateClaimStatus: phase, and the bound volume's access modes and capacity (or none). */
  function updateClaimStatus(claim: KubeObject, phase: string, volume?: KubeObject): KubeObject {
    const status = statusOf(claim)
    const next: Obj = { ...status, phase }
    if (volume === undefined) {
      delete next['accessModes']
      delete next['capacity']
    } else {
      next['accessModes'] = accessModes(volume)
      next['capacity'] = specOf(volume)['capacity']
    }
    if (sameJson(next, status)) return claim
    const written = ctx.api.updateStatus(PVCS, { ...claim, status: next })
    return written.ok ? written.value : claim
  }

  /** bind: the volume's claimRef, both phases Bound, the claim's volumeName and annotations. */
  function bind(volume: KubeObject, claim: KubeObject): void {
    let current = volume
    const ref = claimRefOf(volume)
    const setByController = !isVolumeBoundToClaim(volume, claim)
    const needsRef =
      ref === undefined ||
      ref.name !== claim.metadata.name ||
      ref.namespace !== claim.metadata.namespace ||
      ref.uid !== claim.metadata.uid
    const needsAnnotation =
      setByController && volume.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] === undefined
    if (needsRef || needsAnnotation) {
      const written = ctx.api.update(PVS, {
        ...volume,
        metadata: {
          ...volume.metadata,
          ...(needsAnnotation
            ? {
                annotations: {
                  ...(volume.metadata.annotations ?? {}),
                  [ANN_BOUND_BY_CONTROLLER]: 'yes',
                },
              }
            : {}),
        },
        spec: { ...specOf(volume), claimRef: needsRef ? referenceTo(claim) : ref },
      })
      if (!written.ok) return
      current = written.value
    }
    current = updateVolumePhase(current, 'Bound')
    let bound = claim
    const annotations = { ...(claim.metadata.annotations ?? {}) }
    const named = claimVolumeName(claim) === current.metadata.name
    if (!named) annotations[ANN_BOUND_BY_CONTROLLER] ??= 'yes'
    const complete = annotations[ANN_BIND_COMPLETED] !== undefined
    annotations[ANN_BIND_COMPLETED] ??= 'yes'
    if (!named || !complete) {
      const written = ctx.api.update(PVCS, {
        ...claim,
        metadata: { ...claim.metadata, annotations },
        spec: { ...specOf(claim), volumeName: current.metadata.name },
      })
      if (!written.ok) return
      bound = written.value
    }
    updateClaimStatus(bound, 'Bound', current)
  }

  /** emitEventForUnboundDelayBindingClaim. */
  function waitingForConsumer(claim: KubeObject): void {
    const namespace = claim.metadata.namespace ?? 'default'
    const waiting = ctx.store
      .list(PODS, namespace)
      .filter(
        (p) =>
          !isPodTerminal(p) &&
          !(specOf(p)['nodeName'] as string | undefined) &&
          podClaimNames(p).includes(claim.metadata.name),
      )
      .map((p) => p.metadata.name)
    if (waiting.length === 0)
      event(
        claim,
        'Normal',
        'WaitForFirstConsumer',
        'waiting for first consumer to be created before binding',
      )
    else
      event(
        claim,
        'Normal',
        'WaitForPodScheduled',
        waiting.length > 1
          ? `waiting for pods ${waiting.join(',')} to be scheduled`
          : `waiting for pod ${waiting[0] ?? ''} to be scheduled`,
      )
  }

  /** provisionClaim for an external provisioner: name it on the claim, then wait for it. */
  function provisionClaim(claim: KubeObject): void {
    const className = claimClass(claim)
    const storageClass = ctx.store.get(STORAGE_CLASSES, '', className)
    if (storageClass === undefined) {
      event(
        claim,
        'Warning',
        'ProvisioningFailed',
        `storageclass.storage.k8s.io "${className}" not found`,
      )
      return
    }
    const provisioner = String(storageClass['provisioner'] ?? '')
    // No in-tree provisioner is compiled into a 1.32 controller manager.
    if (provisioner.startsWith('kubernetes.io/')) {
      event(claim, 'Warning', 'ProvisioningFailed', `no volume plugin matched name: ${provisioner}`)
      return
    }
    let current = claim
    const annotations = claim.metadata.annotations ?? {}
    if (annotations[ANN_STORAGE_PROVISIONER] !== provisioner) {
      const written = ctx.api.update(PVCS, {
        ...claim,
        metadata: {
          ...claim.metadata,
          annotations: {
            ...annotations,
            [ANN_BETA_STORAGE_PROVISIONER]: provisioner,
            [ANN_STORAGE_PROVISIONER]: provisioner,
          },
        },
      })
      if (!written.ok) return
      current = written.value
    }
    event(
      current,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    )
  }

  function syncUnboundClaim(claim: KubeObject): void {
    const volumeName = claimVolumeName(claim)
    if (volumeName === '') {
      const delayBinding = isDelayBinding(ctx.store, claim)
      const volume = findBestMatchForClaim(ctx.store.list(PVS), claim, delayBinding)
      if (volume !== undefined) return bind(volume, claim)
      later(CLAIM + keyOf(claim))
      if (delayBinding && claim.metadata.annotations?.[ANN_SELECTED_NODE] === undefined)
        waitingForConsumer(claim)
      else if (claimClass(claim) !== '') return provisionClaim(claim)
      else
        event(
          claim,
          'Normal',
          'FailedBinding',
          'no persistent volumes available for this claim and no storage class is set',
        )
      updateClaimStatus(claim, 'Pending')
      return
    }
    const volume = ctx.store.get(PVS, '', volumeName)
    if (volume === undefined) {
      later(CLAIM + keyOf(claim))
      updateClaimStatus(claim, 'Pending')
      return
    }
    if (claimRefOf(volume) === undefined) {
      const mismatch = volumeMismatch(volume, claim)
      if (mismatch === undefined) return bind(volume, claim)
      later(CLAIM + keyOf(claim))
      event(
        claim,
        'Warning',
        'VolumeMismatch',
        `Cannot bind to requested volume "${volumeName}": ${mismatch}`,
      )
      updateClaimStatus(claim, 'Pending')
      return
    }
    if (isVolumeBoundToClaim(volume, claim)) return bind(volume, claim)
    later(CLAIM + keyOf(claim))
    event(
      claim,
      'Warning',
      'FailedBinding',
      `volume "${volumeName}" already bound to a different claim.`,
    )
    if (claim.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] === undefined)
      updateClaimStatus(claim, 'Pending')
  }

  function syncBoundClaim(claim: KubeObject): void {
    const lost = (reason: string, message: string): void => {
      if (phaseOf(claim) === 'Lost') return
      const updated = updateClaimStatus(claim, 'Lost')
      event(updated, 'Warning', reason, message)
    }
    const volumeName = claimVolumeName(claim)
    if (volumeName === '')
      return lost(
        'ClaimLost',
        'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!',
      )
    const volume = ctx.store.get(PVS, '', volumeName)
    if (volume === undefined)
      return lost(
        'ClaimLost',
        'Bound claim has lost its PersistentVolume. Data on the volume is lost!',
      )
    const ref = claimRefOf(volume)
    if (ref === undefined || ref.uid === claim.metadata.uid) return bind(volume, claim)
    lost('ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly')
  }

  function syncClaim(namespace: string, name: string): void {
    const claim = ctx.store.get(PVCS, namespace, name)
    if (claim === undefined) return
    if (claim.metadata.annotations?.[ANN_BIND_COMPLETED] === undefined) syncUnboundClaim(claim)
    else syncBoundClaim(claim)
  }

  /** unbindVolume: a volume bound by the controller goes back to the pool. */
  function unbindVolume(volume: KubeObject): void {
    const annotations = { ...(volume.metadata.annotations ?? {}) }
    const spec = { ...specOf(volume) }
    if (annotations[ANN_BOUND_BY_CONTROLLER] !== undefined) {
      delete spec['claimRef']
      delete annotations[ANN_BOUND_BY_CONTROLLER]
    } else spec['claimRef'] = { ...(claimRefOf(volume) ?? {}), uid: '' }
    const { annotations: _old, ...rest } = volume.metadata
    const metadata = Object.keys(annotations).length === 0 ? rest : { ...rest, annotations }
    const written = ctx.api.update(PVS, { ...volume, metadata, spec })
    if (written.ok) updateVolumePhase(written.value, 'Available')
  }

  /** The in-tree deleters a 1.32 controller manager still has: hostPath, under /tmp only. */
  function deleteVolume(volume: KubeObject): void {
    const provisioner = volume.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED]
    // An external provisioner deletes its own volumes.
    if (provisioner !== undefined && !provisioner.startsWith('kubernetes.io/')) return
    const hostPath = specOf(volume)['hostPath'] as { path?: string } | undefined
    let failure: string | undefined
    if (hostPath === undefined)
      failure = `error getting deleter volume plugin for volume "${volume.metadata.name}": no deletable volume plugin matched`
    else if (!/^\/tmp\/.+/.test(hostPath.path ?? ''))
      failure = `host_path deleter only supports /tmp/.+ but received provided ${hostPath.path ?? ''}`
    if (failure === undefined) {
      ctx.api.delete(PVS, '', volume.metadata.name)
      return
    }
    // Retried at every resync; the event is only recorded as the volume turns Failed.
    later(VOLUME + volume.metadata.name)
    updateVolumePhaseWithEvent(volume, 'Failed', 'Warning', 'VolumeFailedDelete', failure)
  }

  function reclaimVolume(volume: KubeObject): void {
    switch (specOf(volume)['persistentVolumeReclaimPolicy']) {
      case 'Retain':
        return
      case 'Delete':
        return deleteVolume(volume)
      case 'Recycle': {
        const spec = specOf(volume)
        if (spec['hostPath'] === undefined && spec['nfs'] === undefined) {
          updateVolumePhaseWithEvent(
            volume,
            'Failed',
            'Warning',
            'VolumeFailedRecycle',
            'No recycler plugin found for the volume!',
          )
          return
        }
        event(volume, 'Normal', 'VolumeRecycled', 'Volume recycled')
        return unbindVolume(volume)
      }
      default:
        updateVolumePhaseWithEvent(
          volume,
          'Failed',
          'Warning',
          'VolumeUnknownReclaimPolicy',
          'Volume has unrecognized PersistentVolumeReclaimPolicy',
        )
    }
  }

  function syncVolume(name: string): void {
    let volume = ctx.store.get(PVS, '', name)
    if (volume === undefined) return
    const ref = claimRefOf(volume)
    if (ref === undefined || !ref.uid) {
      updateVolumePhase(volume, 'Available')
      return
    }
    let claim = ctx.store.get(PVCS, ref.namespace ?? '', ref.name ?? '')
    if (claim !== undefined && claim.metadata.uid !== ref.uid) claim = undefined
    if (claim === undefined) {
      const phase = phaseOf(volume)
      if (phase !== 'Released' && phase !== 'Failed') volume = updateVolumePhase(volume, 'Released')
      return reclaimVolume(volume)
    }
    const bound = claimVolumeName(claim)
    if (bound === '') return ctx.enqueue(CLAIM + keyOf(claim))
    if (bound === name) {
      updateVolumePhase(volume, 'Bound')
      return
    }
    // Bound to a claim that is bound elsewhere.
    if (
      volume.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED] !== undefined &&
      specOf(volume)['persistentVolumeReclaimPolicy'] === 'Delete'
    ) {
      const phase = phaseOf(volume)
      if (phase !== 'Released' && phase !== 'Failed') volume = updateVolumePhase(volume, 'Released')
      return reclaimVolume(volume)
    }
    unbindVolume(volume)
  }

  function syncPod(namespace: string, name: string): void {
    const pod = ctx.store.get(PODS, namespace, name)
    if (pod === undefined) return
    const node = specOf(pod)['nodeName']
    if (typeof node === 'string' && node !== '') bindPodVolumes(ctx.api, ctx.store, pod, node)
  }

  return {
    name: 'persistentvolume-binder-controller',
    start(context) {
      ctx = context
      for (const volume of ctx.store.list(PVS)) ctx.enqueue(VOLUME + volume.metadata.name)
      for (const claim of ctx.store.list(PVCS)) ctx.enqueue(CLAIM + keyOf(claim))
      ctx.watch(PVCS, (e) => {
        ctx.enqueue(CLAIM + keyOf(e.object))
        // A claim that goes releases its volume.
        if (e.type === 'DELETED')
          for (const volume of ctx.store.list(PVS))
            if (claimRefOf(volume)?.uid === e.object.metadata.uid)
              ctx.enqueue(VOLUME + volume.metadata.name)
      })
      ctx.watch(PVS, (e) => {
        // A pending claim finds a new Available volume at its next resync, as upstream; one
        // whose claimRef names it is enqueued by syncVolume.
        if (e.type !== 'DELETED') ctx.enqueue(VOLUME + e.object.metadata.name)
      })
      ctx.watch(PODS, (e) => {
        if (e.type === 'DELETED' || podClaimNames(e.object).length === 0) return
        const before = e.previous === undefined ? undefined : specOf(e.previous)['nodeName']
        if (specOf(e.object)['nodeName'] !== before) ctx.enqueue(POD + keyOf(e.object))
      })
    },
    reconcile(key) {
      if (key.startsWith(CLAIM)) {
        const { namespace, name } = splitKey(key.slice(CLAIM.length))
        return syncClaim(namespace, name)
      }
      if (key.startsWith(VOLUME)) return syncVolume(key.slice(VOLUME.length))
      if (key.startsWith(POD)) {
        const { namespace, name } = splitKey(key.slice(POD.length))
        syncPod(namespace, name)
      }
    },
  }
}
