import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { servedType } from '../../../../src/sim/kube/api/resources'
import { fitErrorMessage } from '../../../../src/sim/kube/scheduler/fit-error'
import { feasibleNodesToFind } from '../../../../src/sim/kube/scheduler/scheduler'
import { cluster } from '../fixtures'

const PODS = servedType('Pod')
const EVENTS = servedType('Event')

const pod = (name: string, spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...spec },
})

const scheduled = (c: ReturnType<typeof cluster>, name: string): unknown =>
  (
    c.store.get(PODS, 'default', name)?.['status'] as { conditions?: unknown[] } | undefined
  )?.conditions?.find((x) => (x as { type: string }).type === 'PodScheduled')

const eventsFor = (c: ReturnType<typeof cluster>, name: string): string[] =>
  c.store
    .list(EVENTS, 'default')
    .filter((e) => (e['involvedObject'] as { name: string }).name === name)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e['type']} ${e['reason']} ${e['message']}`)

describe('scheduler', () => {
  it('reports every node that lacks cpu, with the preemption verdict, and waits', () => {
    const c = cluster({ nodes: 3 })
    c.api.create(
      PODS,
      pod('big', {
        containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '3' } } }],
      }),
    )
    const message =
      '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.'
    expect(scheduled(c, 'big')).toEqual({
      lastProbeTime: null,
      lastTransitionTime: '2026-01-05T09:00:00Z',
      message,
      reason: 'Unschedulable',
      status: 'False',
      type: 'PodScheduled',
    })
    expect(eventsFor(c, 'big')).toEqual([`Warning FailedScheduling ${message}`])
  })

  it('counts untolerated taints and node selectors separately', () => {
    const c = cluster({ nodes: 3 })
    const node = c.store.get(servedType('Node'), '', 'minikube')
    if (node === undefined) throw new Error('no node')
    c.api.update(servedType('Node'), {
      ...node,
      metadata: { ...node.metadata, resourceVersion: undefined },
      spec: {
        ...(node['spec'] as object),
        taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
      },
    })
    c.api.create(PODS, pod('picky', { nodeSelector: { disk: 'ssd' } }))
    expect((scheduled(c, 'picky') as { message: string }).message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    )
  })

  it('binds once a node can take the pod, with a Scheduled event', () => {
    const c = cluster({ nodes: 1 })
    c.api.create(PODS, pod('picky', { nodeSelector: { disk: 'ssd' } }))
    const node = c.store.get(servedType('Node'), '', 'minikube')
    if (node === undefined) throw new Error('no node')
    c.api.update(servedType('Node'), {
      ...node,
      metadata: {
        ...node.metadata,
        resourceVersion: undefined,
        labels: { ...node.metadata.labels, disk: 'ssd' },
      },
    })
    expect(
      (c.store.get(PODS, 'default', 'picky')?.['spec'] as { nodeName?: string }).nodeName,
    ).toBe('minikube')
    expect(eventsFor(c, 'picky').filter((e) => /Schedul/.test(e))).toEqual([
      "Warning FailedScheduling 0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
      'Normal Scheduled Successfully assigned default/picky to minikube',
    ])
  })

  it('spreads the replicas of one owner over the nodes', () => {
    const c = cluster({ nodes: 3 })
    c.api.create(servedType('Deployment'), {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 6,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
        },
      },
    })
    const perNode = new Map<string, number>()
    for (const p of c.store.list(PODS, 'default')) {
      const n = (p['spec'] as { nodeName: string }).nodeName
      perNode.set(n, (perNode.get(n) ?? 0) + 1)
    }
    expect([...perNode.entries()].sort()).toEqual([
      ['minikube', 2],
      ['minikube-m02', 2],
      ['minikube-m03', 2],
    ])
  })

  it('says so when a claim is missing', () => {
    expect(
      fitErrorMessage({
        numAllNodes: 1,
        preFilterMessage: 'persistentvolumeclaim "data" not found',
        failures: [],
      }),
    ).toBe(
      '0/1 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    )
  })

  it('looks for a shrinking share of large clusters, at least 100 nodes', () => {
    expect([50, 100, 1000, 5000].map(feasibleNodesToFind)).toEqual([50, 100, 420, 500])
  })
})
