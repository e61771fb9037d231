import { describe, expect, it } from 'vitest'
import { deployment, DEPLOYMENTS, harness, must, NAMESPACES, PODS, runPod } from './harness'

describe('namespace controller', () => {
  it('empties a terminating namespace, reports what remains, then lets it go', () => {
    const h = harness()
    must(
      h.cluster.api.create(NAMESPACES, {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'shop' },
      }),
    )
    must(
      h.cluster.api.create(DEPLOYMENTS, {
        ...deployment('web', 1),
        metadata: { name: 'web', namespace: 'shop' },
      }),
    )
    const pod = h.cluster.store.list(PODS, 'shop')[0]
    if (pod === undefined) throw new Error('no pod')
    runPod(h, pod, '10.244.0.9')
    must(h.cluster.api.delete(NAMESPACES, '', 'shop'))
    const ns = h.cluster.store.get(NAMESPACES, '', 'shop')
    const status = ns?.['status'] as {
      phase: string
      conditions: { type: string; status: string; reason: string; message: string }[]
    }
    expect(status.phase).toBe('Terminating')
    expect(status.conditions.map((c) => `${c.type} ${c.status} ${c.reason}: ${c.message}`)).toEqual(
      [
        'NamespaceDeletionDiscoveryFailure False ResourcesDiscovered: All resources successfully discovered',
        'NamespaceDeletionGroupVersionParsingFailure False ParsedGroupVersions: All legacy kube types successfully parsed',
        'NamespaceDeletionContentFailure False ContentDeleted: All content successfully deleted, may be waiting on finalization',
        'NamespaceContentRemaining True SomeResourcesRemain: Some resources are remaining: pods. has 1 resource instances',
        'NamespaceFinalizersRemaining False ContentHasNoFinalizers: All content-preserving finalizers finished',
      ],
    )
    must(h.cluster.api.delete(PODS, 'shop', pod.metadata.name, { gracePeriodSeconds: 0 }))
    expect(h.cluster.store.get(NAMESPACES, '', 'shop')).toBeUndefined()
  })
})
