import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { events, harness, must, pods, PVCS, runPod, STATEFUL_SETS } from './harness'

function statefulSet(replicas: number, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'default' },
    spec: {
      replicas,
      serviceName: 'db',
      selector: { matchLabels: { app: 'db' } },
      template: {
        metadata: { labels: { app: 'db' } },
        spec: { containers: [{ name: 'pg', image: 'postgres:16' }] },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
      ...extra,
    },
  }
}

describe('StatefulSet controller', () => {
  it('creates ordinals in order, each after the previous is Running and Ready, with its claim', () => {
    const h = harness()
    must(h.cluster.api.create(STATEFUL_SETS, statefulSet(2)))
    expect(pods(h).map((p) => p.metadata.name)).toEqual(['db-0'])
    const pod = pods(h)[0] as KubeObject
    expect(pod.metadata.labels).toMatchObject({
      app: 'db',
      'apps.kubernetes.io/pod-index': '0',
      'statefulset.kubernetes.io/pod-name': 'db-0',
    })
    expect(pod['spec']).toMatchObject({ hostname: 'db-0', subdomain: 'db' })
    expect(h.cluster.store.list(PVCS, 'default').map((c) => c.metadata.name)).toEqual(['data-db-0'])
    runPod(h, pod, '10.244.0.4')
    expect(pods(h).map((p) => p.metadata.name)).toEqual(['db-0', 'db-1'])
    expect(events(h)).toEqual([
      'SuccessfulCreate: create Claim data-db-0 Pod db-0 in StatefulSet db success',
      'SuccessfulCreate: create Pod db-0 in StatefulSet db successful',
      // The PV binder's verdict on each claim: this bare cluster has no volume and no class.
      'FailedBinding: no persistent volumes available for this claim and no storage class is set',
      'SuccessfulCreate: create Claim data-db-1 Pod db-1 in StatefulSet db success',
      'SuccessfulCreate: create Pod db-1 in StatefulSet db successful',
      'FailedBinding: no persistent volumes available for this claim and no storage class is set',
    ])
  })

  it('Parallel creates every ordinal at once and scales down from the highest', () => {
    const h = harness()
    must(h.cluster.api.create(STATEFUL_SETS, statefulSet(3, { podManagementPolicy: 'Parallel' })))
    expect(pods(h).map((p) => p.metadata.name)).toEqual(['db-0', 'db-1', 'db-2'])
    const sts = h.cluster.store.get(STATEFUL_SETS, 'default', 'db') as KubeObject
    must(
      h.cluster.api.update(STATEFUL_SETS, {
        ...sts,
        spec: { ...(sts['spec'] as object), replicas: 2 },
      } as KubeObject),
    )
    expect(pods(h).map((p) => p.metadata.name)).toEqual(['db-0', 'db-1'])
    expect(events(h).slice(-1)).toEqual([
      'SuccessfulDelete: delete Pod db-2 in StatefulSet db successful',
    ])
    // Claims outlive their pods (persistentVolumeClaimRetentionPolicy Retain).
    expect(h.cluster.store.list(PVCS, 'default')).toHaveLength(3)
  })
})
