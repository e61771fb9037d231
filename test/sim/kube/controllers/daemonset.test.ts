import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { DAEMON_SETS, harness, must, node, NODES, pods } from './harness'

const daemonSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'default' },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: {
      metadata: { labels: { app: 'agent' } },
      spec: { containers: [{ name: 'agent', image: 'busybox' }] },
    },
  },
}

const nodesOf = (list: KubeObject[]): string[] =>
  list.map(
    (p) =>
      (
        p['spec'] as {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: { matchFields: { values: string[] }[] }[]
              }
            }
          }
        }
      ).affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]
        ?.matchFields[0]?.values[0] ?? '',
  )

describe('DaemonSet controller', () => {
  it('runs one pod per node it tolerates, pinned by node affinity, and follows nodes', () => {
    const h = harness()
    must(h.cluster.api.create(NODES, node('minikube')))
    must(
      h.cluster.api.create(
        NODES,
        node('minikube-m02', {}, [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]),
      ),
    )
    must(h.cluster.api.create(DAEMON_SETS, daemonSet))
    expect(nodesOf(pods(h))).toEqual(['minikube'])
    const tolerations = (pods(h)[0]?.['spec'] as { tolerations: { key: string; effect: string }[] })
      .tolerations
    expect(tolerations.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ])
    must(h.cluster.api.create(NODES, node('minikube-m03')))
    expect(nodesOf(pods(h)).sort()).toEqual(['minikube', 'minikube-m03'])
    expect(h.cluster.store.get(DAEMON_SETS, 'default', 'agent')?.['status']).toEqual({
      currentNumberScheduled: 2,
      numberMisscheduled: 0,
      desiredNumberScheduled: 2,
      numberReady: 0,
      observedGeneration: 1,
      updatedNumberScheduled: 2,
      numberUnavailable: 2,
    })
    must(h.cluster.api.delete(NODES, '', 'minikube-m03'))
    // The pod bound to nowhere is the garbage collector's and the node controller's business;
    // the DaemonSet stops counting the node.
    expect(
      (
        h.cluster.store.get(DAEMON_SETS, 'default', 'agent')?.['status'] as {
          desiredNumberScheduled: number
        }
      ).desiredNumberScheduled,
    ).toBe(1)
  })
})
