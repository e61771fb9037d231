import { describe, expect, it } from 'vitest'
import { cluster, clusterSessionWithCluster } from '../fixtures'
import { claim, eventsFor, getClaim, getVolume, must, PODS, PVCS, PVS } from './volume-helpers'

const NOW = '2026-01-05T09:00:00Z'

describe('minikube hostpath provisioner', () => {
  it('provisions pvc-<uid> under /tmp/hostpath-provisioner for a claim of class standard', () => {
    const c = cluster()
    const created = must(c.api.create(PVCS, claim('data')))
    const uid = created.metadata.uid ?? ''
    const name = `pvc-${uid}`
    const pv = getVolume(c, name)
    expect(pv?.metadata.annotations).toEqual({
      hostPathProvisionerIdentity: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      'pv.kubernetes.io/provisioned-by': 'k8s.io/minikube-hostpath',
    })
    const bound = getClaim(c, 'data')
    expect(pv?.['spec']).toEqual({
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '1Gi' },
      claimRef: {
        kind: 'PersistentVolumeClaim',
        namespace: 'default',
        name: 'data',
        uid,
        apiVersion: 'v1',
        resourceVersion: expect.any(String) as string,
      },
      hostPath: { path: '/tmp/hostpath-provisioner/default/data', type: '' },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
      volumeMode: 'Filesystem',
    })
    expect(pv?.['status']).toEqual({ phase: 'Bound', lastPhaseTransitionTime: NOW })
    expect(bound.metadata.annotations).toEqual({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.beta.kubernetes.io/storage-provisioner': 'k8s.io/minikube-hostpath',
      'volume.kubernetes.io/storage-provisioner': 'k8s.io/minikube-hostpath',
    })
    expect((bound['spec'] as { volumeName: string }).volumeName).toBe(name)
    expect(bound['status']).toEqual({
      phase: 'Bound',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '1Gi' },
    })
    const source = /k8s\.io\/minikube-hostpath_minikube_[0-9a-f-]{36}/.exec(
      eventsFor(c, 'PersistentVolumeClaim', 'data').join('\n'),
    )?.[0]
    expect(eventsFor(c, 'PersistentVolumeClaim', 'data')).toEqual([
      "Normal ExternalProvisioning (x2) [persistentvolume-controller]: Waiting for a volume to be created either by the external provisioner 'k8s.io/minikube-hostpath' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
      `Normal Provisioning [${source ?? '?'}]: External provisioner is provisioning volume for claim "default/data"`,
      `Normal ProvisioningSucceeded [${source ?? '?'}]: Successfully provisioned volume ${name}`,
    ])
  })

  it('deletes its volume when the claim goes (reclaim policy Delete)', () => {
    const c = cluster()
    const uid = must(c.api.create(PVCS, claim('data'))).metadata.uid ?? ''
    expect(getVolume(c, `pvc-${uid}`)).toBeDefined()
    must(c.api.delete(PVCS, 'default', 'data'))
    expect(c.store.list(PVS)).toEqual([])
  })

  it('waits while its pod is not running, then provisions', () => {
    const c = cluster()
    const pod = c.store.get(PODS, 'kube-system', 'storage-provisioner')
    if (pod === undefined) throw new Error('no storage-provisioner pod')
    must(c.api.delete(PODS, 'kube-system', 'storage-provisioner', { gracePeriodSeconds: 0 }))
    must(c.api.create(PVCS, claim('data')))
    c.clock.advance(30_000)
    expect(getClaim(c, 'data')['status']).toEqual({ phase: 'Pending' })
    expect(eventsFor(c, 'PersistentVolumeClaim', 'data')[0]).toMatch(
      /^Normal ExternalProvisioning \(x4\) \[persistentvolume-controller\]: Waiting for a volume/,
    )
    const { metadata, spec } = pod
    must(
      c.api.create(PODS, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: metadata.name, namespace: 'kube-system', labels: metadata.labels ?? {} },
        spec: { ...(spec as object), nodeName: undefined },
      }),
    )
    c.clock.advance(20_000)
    expect((getClaim(c, 'data')['status'] as { phase: string }).phase).toBe('Bound')
  })

  it('refuses a claim with a selector', () => {
    const c = cluster()
    must(c.api.create(PVCS, claim('data', { selector: { matchLabels: { tier: 'db' } } })))
    expect(eventsFor(c, 'PersistentVolumeClaim', 'data').slice(1)).toEqual([
      expect.stringMatching(
        /^Warning ProvisioningFailed \[k8s\.io\/minikube-hostpath_minikube_[0-9a-f-]{36}\]: failed to provision volume with StorageClass "standard": claim Selector is not supported$/,
      ) as string,
    ])
  })

  it('shows in kubectl get pvc and get pv', async () => {
    const { session } = await clusterSessionWithCluster()
    await session.fs.writeFile(
      '/home/student/pvc.yaml',
      [
        'apiVersion: v1',
        'kind: PersistentVolumeClaim',
        'metadata:',
        '  name: data',
        'spec:',
        '  accessModes: [ReadWriteOnce]',
        '  resources:',
        '    requests:',
        '      storage: 1Gi',
        '',
      ].join('\n'),
    )
    expect((await session.run('kubectl apply -f pvc.yaml')).stdout).toBe(
      'persistentvolumeclaim/data created\n',
    )
    const pvc = await session.run('kubectl get pvc')
    const volumeName = /pvc-[0-9a-f-]{36}/.exec(pvc.stdout)?.[0] ?? ''
    expect(pvc.stdout).toBe(
      [
        'NAME   STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE',
        `data   Bound    ${volumeName}   1Gi        RWO            standard       <unset>                 0s`,
        '',
      ].join('\n'),
    )
    const pv = await session.run('kubectl get pv')
    expect(pv.stdout).toBe(
      [
        'NAME                                       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM          STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE',
        `${volumeName}   1Gi        RWO            Delete           Bound    default/data   standard       <unset>                          0s`,
        '',
      ].join('\n'),
    )
  })
})
