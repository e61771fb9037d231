import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { events, harness, must, PODS, pods, REPLICA_SETS, runPod, type Harness } from './harness'

function replicaSet(replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web', tier: 'front' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
      },
    },
  }
}

const rs = (h: Harness): KubeObject =>
  h.cluster.store.get(REPLICA_SETS, 'default', 'web') as KubeObject
const names = (h: Harness): string[] => pods(h).map((p) => p.metadata.name)

function scale(h: Harness, replicas: number): void {
  const current = rs(h)
  must(
    h.cluster.api.update(REPLICA_SETS, {
      ...current,
      spec: { ...(current['spec'] as object), replicas },
    } as KubeObject),
  )
}

describe('ReplicaSet controller', () => {
  it('creates the missing pods from the template, owned by the ReplicaSet, with one event each', () => {
    const h = harness()
    must(h.cluster.api.create(REPLICA_SETS, replicaSet(3)))
    expect(names(h)).toEqual(['web-7bsp9', 'web-f75pm', 'web-ng678'])
    const pod = pods(h)[0] as KubeObject
    expect(pod.metadata.generateName).toBe('web-')
    expect(pod.metadata.labels).toEqual({ app: 'web', tier: 'front' })
    expect(pod.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'web',
        uid: rs(h).metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ])
    expect(events(h)).toEqual([
      'SuccessfulCreate: Created pod: web-ng678',
      'SuccessfulCreate: Created pod: web-f75pm',
      'SuccessfulCreate: Created pod: web-7bsp9',
    ])
    expect(rs(h)['status']).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 })
  })

  it('counts ready pods as ready and available', () => {
    const h = harness()
    must(h.cluster.api.create(REPLICA_SETS, replicaSet(2)))
    const [a, b] = pods(h) as [KubeObject, KubeObject]
    runPod(h, a, '10.244.0.3')
    runPod(h, b, '10.244.0.4', false)
    expect(rs(h)['status']).toEqual({
      replicas: 2,
      fullyLabeledReplicas: 2,
      readyReplicas: 1,
      availableReplicas: 1,
      observedGeneration: 1,
    })
  })

  it('waits minReadySeconds before counting a ready pod available', () => {
    const h = harness()
    const spec = { ...(replicaSet(1)['spec'] as object), minReadySeconds: 10 }
    must(h.cluster.api.create(REPLICA_SETS, { ...replicaSet(1), spec }))
    runPod(h, pods(h)[0] as KubeObject, '10.244.0.3')
    expect(rs(h)['status']).toMatchObject({ readyReplicas: 1 })
    expect((rs(h)['status'] as { availableReplicas?: number }).availableReplicas).toBeUndefined()
    h.clock.advance(11_000)
    expect(rs(h)['status']).toMatchObject({ readyReplicas: 1, availableReplicas: 1 })
  })

  it('scales down unscheduled pods before running ones', () => {
    const h = harness()
    must(h.cluster.api.create(REPLICA_SETS, replicaSet(3)))
    const [a, b] = pods(h) as [KubeObject, KubeObject]
    runPod(h, a, '10.244.0.3')
    runPod(h, b, '10.244.0.4')
    scale(h, 2)
    expect(names(h)).toEqual(['web-7bsp9', 'web-f75pm'])
    expect(events(h).slice(-1)).toEqual(['SuccessfulDelete: Deleted pod: web-ng678'])
    expect(rs(h)['status']).toMatchObject({ replicas: 2, observedGeneration: 2 })
  })

  it('replaces a terminating pod at once: pods being deleted are not active', () => {
    const h = harness()
    must(h.cluster.api.create(REPLICA_SETS, replicaSet(1)))
    const first = pods(h)[0] as KubeObject
    runPod(h, first, '10.244.0.3')
    must(h.cluster.api.delete(PODS, 'default', first.metadata.name))
    const after = pods(h)
    expect(after.map((p) => [p.metadata.name, p.metadata.deletionTimestamp !== undefined])).toEqual(
      [
        ['web-f75pm', false],
        ['web-ng678', true],
      ],
    )
    expect(rs(h)['status']).toMatchObject({ replicas: 1 })
  })

  it('adopts a matching orphan instead of creating a pod, and releases a relabelled one', () => {
    const h = harness()
    must(
      h.cluster.api.create(PODS, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'stray', namespace: 'default', labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
      }),
    )
    must(h.cluster.api.create(REPLICA_SETS, replicaSet(1)))
    expect(names(h)).toEqual(['stray'])
    const stray = pods(h)[0] as KubeObject
    expect(stray.metadata.ownerReferences?.[0]?.name).toBe('web')
    // fullyLabeledReplicas: the adopted pod lacks the template's tier label.
    expect(rs(h)['status']).toEqual({ replicas: 1, observedGeneration: 1 })
    must(
      h.cluster.api.update(PODS, {
        ...stray,
        metadata: { ...stray.metadata, labels: { app: 'debug' } },
      } as KubeObject),
    )
    const released = h.cluster.store.get(PODS, 'default', 'stray') as KubeObject
    expect(released.metadata.ownerReferences).toBeUndefined()
    expect(names(h)).toEqual(['stray', 'web-ng678'])
  })
})
