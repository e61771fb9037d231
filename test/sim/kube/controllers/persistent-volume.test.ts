import { describe, expect, it } from 'vitest'
import { cluster } from '../fixtures'
import {
  claim,
  eventsFor,
  getClaim,
  getVolume,
  must,
  PODS,
  podUsing,
  PVCS,
  PVS,
  STORAGE_CLASSES,
  volume,
} from './volume-helpers'

const NOW = '2026-01-05T09:00:00Z'

describe('PersistentVolume controller', () => {
  it('binds a claim to the smallest Available volume of its class that fits', () => {
    const c = cluster()
    must(c.api.create(PVS, volume('pv-big', '5Gi')))
    must(c.api.create(PVS, volume('pv-small', '2Gi')))
    must(c.api.create(PVS, volume('pv-tiny', '500Mi')))
    must(c.api.create(PVS, volume('pv-other', '2Gi', { storageClassName: 'slow' })))
    expect(getVolume(c, 'pv-small')?.['status']).toEqual({
      phase: 'Available',
      lastPhaseTransitionTime: NOW,
    })
    const created = must(c.api.create(PVCS, claim('data', { storageClassName: 'manual' })))
    const bound = getClaim(c, 'data')
    expect(bound.metadata.annotations).toEqual({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
    })
    expect(bound['spec']).toEqual({
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '1Gi' } },
      storageClassName: 'manual',
      volumeMode: 'Filesystem',
      volumeName: 'pv-small',
    })
    expect(bound['status']).toEqual({
      phase: 'Bound',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '2Gi' },
    })
    const pv = getVolume(c, 'pv-small')
    expect(pv?.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' })
    expect((pv?.['spec'] as { claimRef: unknown }).claimRef).toEqual({
      kind: 'PersistentVolumeClaim',
      namespace: 'default',
      name: 'data',
      uid: created.metadata.uid,
      apiVersion: 'v1',
      resourceVersion: created.metadata.resourceVersion,
    })
    expect(pv?.['status']).toEqual({ phase: 'Bound', lastPhaseTransitionTime: NOW })
    for (const other of ['pv-big', 'pv-tiny', 'pv-other'])
      expect((getVolume(c, other)?.['status'] as { phase: string }).phase).toBe('Available')
    expect(eventsFor(c, 'PersistentVolumeClaim', 'data')).toEqual([])
  })

  it('says there is nothing to bind when no volume fits and the claim has no class, every 15 s', () => {
    const c = cluster()
    must(c.api.create(PVCS, claim('data', { storageClassName: '' })))
    expect(getClaim(c, 'data')['status']).toEqual({ phase: 'Pending' })
    const message =
      'Normal FailedBinding [persistentvolume-controller]: no persistent volumes available for this claim and no storage class is set'
    expect(eventsFor(c, 'PersistentVolumeClaim', 'data')).toEqual([message])
    c.clock.advance(15_000)
    expect(eventsFor(c, 'PersistentVolumeClaim', 'data')).toEqual([
      message.replace('FailedBinding', 'FailedBinding (x2)'),
    ])
  })

  it('binds a pending claim to a volume created later, at its next resync', () => {
    const c = cluster()
    must(c.api.create(PVCS, claim('data', { storageClassName: '' })))
    must(c.api.create(PVS, volume('pv1', '1Gi', { storageClassName: '' })))
    expect((getClaim(c, 'data')['status'] as { phase: string }).phase).toBe('Pending')
    c.clock.advance(15_000)
    expect(getClaim(c, 'data')['status']).toEqual({
      phase: 'Bound',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '1Gi' },
    })
  })

  it('does not bind a volume whose access modes, size, mode or labels do not fit', () => {
    const c = cluster()
    must(c.api.create(PVS, volume('rox', '5Gi', { accessModes: ['ReadOnlyMany'] })))
    must(c.api.create(PVS, volume('small', '512Mi')))
    must(c.api.create(PVS, volume('block', '5Gi', { volumeMode: 'Block' })))
    must(c.api.create(PVS, volume('unlabelled', '5Gi')))
    must(
      c.api.create(
        PVCS,
        claim('data', { storageClassName: 'manual', selector: { matchLabels: { tier: 'db' } } }),
      ),
    )
    expect((getClaim(c, 'data')['status'] as { phase: string }).phase).toBe('Pending')
    must(c.api.create(PVS, volume('labelled', '5Gi', {}, { tier: 'db' })))
    c.clock.advance(15_000)
    expect((getClaim(c, 'data')['spec'] as { volumeName?: string }).volumeName).toBe('labelled')
  })

  it('names a missing class in ProvisioningFailed', () => {
    const c = cluster()
    must(c.api.create(PVCS, claim('data', { storageClassName: 'fast' })))
    expect(eventsFor(c, 'PersistentVolumeClaim', 'data')).toEqual([
      'Warning ProvisioningFailed [persistentvolume-controller]: storageclass.storage.k8s.io "fast" not found',
    ])
  })

  it('refuses a requested volume that is too small', () => {
    const c = cluster()
    must(c.api.create(PVS, volume('pv1', '500Mi')))
    must(c.api.create(PVCS, claim('data', { storageClassName: 'manual', volumeName: 'pv1' })))
    expect(eventsFor(c, 'PersistentVolumeClaim', 'data')).toEqual([
      'Warning VolumeMismatch [persistentvolume-controller]: Cannot bind to requested volume "pv1": requested PV is too small',
    ])
    expect(getClaim(c, 'data')['status']).toEqual({ phase: 'Pending' })
  })

  it('waits for the first consumer, then binds the volume once the pod has a node', () => {
    const c = cluster()
    must(
      c.api.create(STORAGE_CLASSES, {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: 'local' },
        provisioner: 'kubernetes.io/no-provisioner',
        volumeBindingMode: 'WaitForFirstConsumer',
      }),
    )
    must(c.api.create(PVS, volume('local-pv', '1Gi', { storageClassName: 'local' })))
    must(c.api.create(PVCS, claim('data', { storageClassName: 'local' })))
    expect(eventsFor(c, 'PersistentVolumeClaim', 'data')).toEqual([
      'Normal WaitForFirstConsumer [persistentvolume-controller]: waiting for first consumer to be created before binding',
    ])
    expect(getClaim(c, 'data')['status']).toEqual({ phase: 'Pending' })
    must(c.api.create(PODS, podUsing('web', 'data')))
    expect((c.store.get(PODS, 'default', 'web')?.['spec'] as { nodeName?: string }).nodeName).toBe(
      'minikube',
    )
    expect(getClaim(c, 'data')['status']).toEqual({
      phase: 'Bound',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '1Gi' },
    })
    expect((getVolume(c, 'local-pv')?.['status'] as { phase: string }).phase).toBe('Bound')
  })

  it('keeps a Retain volume Released, with its claim reference, when the claim goes', () => {
    const c = cluster()
    must(c.api.create(PVS, volume('pv1', '1Gi')))
    must(c.api.create(PVCS, claim('data', { storageClassName: 'manual' })))
    c.clock.advance(2_000)
    must(c.api.delete(PVCS, 'default', 'data'))
    const pv = getVolume(c, 'pv1')
    expect(pv?.['status']).toEqual({
      phase: 'Released',
      lastPhaseTransitionTime: '2026-01-05T09:00:02Z',
    })
    expect((pv?.['spec'] as { claimRef: { name: string } }).claimRef.name).toBe('data')
    // A new claim of the same name does not get it back.
    must(c.api.create(PVCS, claim('data', { storageClassName: 'manual' })))
    c.clock.advance(15_000)
    expect((getClaim(c, 'data')['status'] as { phase: string }).phase).toBe('Pending')
  })

  it('deletes a released hostPath volume under /tmp and fails one elsewhere', () => {
    const c = cluster()
    const del = { persistentVolumeReclaimPolicy: 'Delete' }
    must(c.api.create(PVS, volume('scratch', '1Gi', { ...del, hostPath: { path: '/tmp/x' } })))
    must(c.api.create(PVCS, claim('a', { storageClassName: 'manual', volumeName: 'scratch' })))
    must(c.api.create(PVS, volume('kept', '1Gi', { ...del, hostPath: { path: '/data/x' } })))
    must(c.api.create(PVCS, claim('b', { storageClassName: 'manual', volumeName: 'kept' })))
    must(c.api.delete(PVCS, 'default', 'a'))
    must(c.api.delete(PVCS, 'default', 'b'))
    expect(getVolume(c, 'scratch')).toBeUndefined()
    expect(getVolume(c, 'kept')?.['status']).toEqual({
      phase: 'Failed',
      message: 'host_path deleter only supports /tmp/.+ but received provided /data/x',
      lastPhaseTransitionTime: NOW,
    })
    expect(eventsFor(c, 'PersistentVolume', 'kept', 'default')).toEqual([
      'Warning VolumeFailedDelete [persistentvolume-controller]: host_path deleter only supports /tmp/.+ but received provided /data/x',
    ])
  })

  it('leaves a pod of an unbound Immediate claim unschedulable', () => {
    const c = cluster()
    must(c.api.create(PVCS, claim('data', { storageClassName: '' })))
    must(c.api.create(PODS, podUsing('web', 'data')))
    const pod = c.store.get(PODS, 'default', 'web')
    expect((pod?.['status'] as { conditions: unknown[] }).conditions).toEqual([
      {
        lastProbeTime: null,
        lastTransitionTime: NOW,
        message:
          '0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
        reason: 'Unschedulable',
        status: 'False',
        type: 'PodScheduled',
      },
    ])
  })
})
