import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { servedType } from '../../../../src/sim/kube/api/resources'
import { stopNode } from '../../../../src/sim/kube/nodes'
import { cluster } from '../fixtures'

const PODS = servedType('Pod')
const DEPLOYMENTS = servedType('Deployment')

function webPods(c: ReturnType<typeof cluster>): string[] {
  return c.store
    .list(PODS, 'default')
    .map((p: KubeObject) => {
      const status = p['status'] as {
        phase?: string
        conditions?: { type: string; status: string }[]
      }
      const ready = status.conditions?.find((x) => x.type === 'Ready')?.status
      const deleting = p.metadata.deletionTimestamp === undefined ? '' : ' Terminating'
      return `${(p['spec'] as { nodeName?: string }).nodeName} ${status.phase} Ready=${ready}${deleting}`
    })
    .sort()
}

describe('a node that stops', () => {
  it('loses its pod to a replacement on a healthy node after the eviction timeout', () => {
    const c = cluster({ nodes: 3 })
    const created = c.api.create(DEPLOYMENTS, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
        },
      },
    })
    expect(created.ok).toBe(true)
    c.clock.advance(30_000)
    expect(webPods(c)).toEqual([
      'minikube Running Ready=True',
      'minikube-m02 Running Ready=True',
      'minikube-m03 Running Ready=True',
    ])

    expect(stopNode(c, 'minikube-m02').ok).toBe(true)
    c.clock.advance(60_000)
    expect(webPods(c)).toEqual([
      'minikube Running Ready=True',
      'minikube-m02 Running Ready=False',
      'minikube-m03 Running Ready=True',
    ])
    const m02 = c.store.get(servedType('Node'), '', 'minikube-m02')
    expect((m02?.['spec'] as { taints?: unknown }).taints).toEqual([
      {
        effect: 'NoSchedule',
        key: 'node.kubernetes.io/unreachable',
        timeAdded: '2026-01-05T09:01:15Z',
      },
      {
        effect: 'NoExecute',
        key: 'node.kubernetes.io/unreachable',
        timeAdded: '2026-01-05T09:01:15Z',
      },
    ])

    c.clock.advance(300_000)
    const pods = webPods(c)
    expect(pods).toContain('minikube-m02 Running Ready=False Terminating')
    expect(pods.filter((p) => p.endsWith('Running Ready=True'))).toHaveLength(3)
  })
})
