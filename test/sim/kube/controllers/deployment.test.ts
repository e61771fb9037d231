import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import {
  DEPLOYMENTS,
  deployment,
  events,
  finishTerminating,
  harness,
  must,
  pods,
  REPLICA_SETS,
  runAll,
  type Harness,
} from './harness'

const get = (h: Harness): KubeObject =>
  h.cluster.store.get(DEPLOYMENTS, 'default', 'web') as KubeObject
const replicaSets = (h: Harness): string[] =>
  h.cluster.store
    .list(REPLICA_SETS, 'default')
    .map((rs) => `${rs.metadata.name} ${(rs['spec'] as { replicas: number }).replicas}`)

function edit(
  h: Harness,
  change: (spec: Record<string, unknown>) => Record<string, unknown>,
): void {
  const d = get(h)
  must(
    h.cluster.api.update(DEPLOYMENTS, {
      ...d,
      spec: change(d['spec'] as Record<string, unknown>),
    } as KubeObject),
  )
}

const setImage = (image: string) => (spec: Record<string, unknown>) => {
  const template = spec['template'] as { metadata: unknown; spec: Record<string, unknown> }
  return {
    ...spec,
    template: { ...template, spec: { ...template.spec, containers: [{ name: 'nginx', image }] } },
  }
}

/** Plays scheduler + kubelet until the rollout stops moving. */
function converge(h: Harness): void {
  for (let i = 0; i < 20; i++) {
    runAll(h)
    finishTerminating(h)
  }
}

const T = '2026-01-05T09:00:00Z'

describe('Deployment controller', () => {
  it('creates a ReplicaSet named after the template hash and reports progress until available', () => {
    const h = harness()
    must(h.cluster.api.create(DEPLOYMENTS, deployment('web', 3)))
    expect(replicaSets(h)).toEqual(['web-6dc5cd68db 3'])
    const rs = h.cluster.store.get(REPLICA_SETS, 'default', 'web-6dc5cd68db') as KubeObject
    expect(rs.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': '6dc5cd68db' })
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    })
    expect((rs['spec'] as { selector: unknown }).selector).toEqual({
      matchLabels: { app: 'web', 'pod-template-hash': '6dc5cd68db' },
    })
    expect(get(h).metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' })
    expect(events(h)[0]).toBe('ScalingReplicaSet: Scaled up replica set web-6dc5cd68db from 0 to 3')
    h.clock.advance(5000)
    runAll(h)
    expect(get(h)['status']).toEqual({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          lastUpdateTime: '2026-01-05T09:00:05Z',
          lastTransitionTime: '2026-01-05T09:00:05Z',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        },
        {
          type: 'Progressing',
          status: 'True',
          lastUpdateTime: '2026-01-05T09:00:05Z',
          lastTransitionTime: T,
          reason: 'NewReplicaSetAvailable',
          message: 'ReplicaSet "web-6dc5cd68db" has successfully progressed.',
        },
      ],
    })
  })

  it('rolls out a new template one surge pod at a time (25% of 3: surge 1, unavailable 0)', () => {
    const h = harness()
    must(h.cluster.api.create(DEPLOYMENTS, deployment('web', 3)))
    runAll(h)
    edit(h, setImage('nginx:1.27'))
    const newRS = 'web-5c94f75b5d'
    expect(replicaSets(h)).toEqual([`${newRS} 1`, 'web-6dc5cd68db 3'])
    converge(h)
    expect(events(h).filter((e) => e.startsWith('Scaling'))).toEqual([
      'ScalingReplicaSet: Scaled up replica set web-6dc5cd68db from 0 to 3',
      `ScalingReplicaSet: Scaled up replica set ${newRS} from 0 to 1`,
      'ScalingReplicaSet: Scaled down replica set web-6dc5cd68db from 3 to 2',
      `ScalingReplicaSet: Scaled up replica set ${newRS} from 1 to 2`,
      'ScalingReplicaSet: Scaled down replica set web-6dc5cd68db from 2 to 1',
      `ScalingReplicaSet: Scaled up replica set ${newRS} from 2 to 3`,
      'ScalingReplicaSet: Scaled down replica set web-6dc5cd68db from 1 to 0',
    ])
    expect(replicaSets(h)).toEqual([`${newRS} 3`, 'web-6dc5cd68db 0'])
    expect(get(h).metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '2' })
    expect(pods(h).every((p) => p.metadata.labels?.['pod-template-hash'] === newRS.slice(4))).toBe(
      true,
    )
  })

  it('Recreate scales the old ReplicaSet to zero and waits for its pods before creating the new one', () => {
    const h = harness()
    must(
      h.cluster.api.create(
        DEPLOYMENTS,
        deployment('web', 2, 'nginx', { strategy: { type: 'Recreate' } }),
      ),
    )
    runAll(h)
    edit(h, setImage('nginx:1.27'))
    expect(replicaSets(h)).toEqual(['web-6dc5cd68db 0'])
    expect(pods(h).every((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true)
    finishTerminating(h)
    const names = h.cluster.store.list(REPLICA_SETS, 'default').map((rs) => rs.metadata.name)
    expect(names).toHaveLength(2)
    expect(
      events(h)
        .filter((e) => e.startsWith('Scaling'))
        .slice(1),
    ).toEqual([
      'ScalingReplicaSet: Scaled down replica set web-6dc5cd68db from 2 to 0',
      `ScalingReplicaSet: Scaled up replica set ${names.find((n) => n !== 'web-6dc5cd68db')} from 0 to 2`,
    ])
  })

  it('scales the current ReplicaSet on a replicas change', () => {
    const h = harness()
    must(h.cluster.api.create(DEPLOYMENTS, deployment('web', 3)))
    edit(h, (spec) => ({ ...spec, replicas: 5 }))
    expect(replicaSets(h)).toEqual(['web-6dc5cd68db 5'])
    expect(
      events(h)
        .filter((e) => e.startsWith('Scaling'))
        .slice(-1),
    ).toEqual(['ScalingReplicaSet: Scaled up replica set web-6dc5cd68db from 3 to 5'])
    const rs = h.cluster.store.get(REPLICA_SETS, 'default', 'web-6dc5cd68db') as KubeObject
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('5')
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/max-replicas']).toBe('7')
  })

  it('keeps only revisionHistoryLimit old ReplicaSets', () => {
    const h = harness()
    must(
      h.cluster.api.create(DEPLOYMENTS, deployment('web', 1, 'nginx', { revisionHistoryLimit: 1 })),
    )
    converge(h)
    edit(h, setImage('nginx:1.26'))
    converge(h)
    edit(h, setImage('nginx:1.27'))
    converge(h)
    const left = h.cluster.store.list(REPLICA_SETS, 'default')
    expect(
      left.map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision']).sort(),
    ).toEqual(['2', '3'])
  })

  it('copies kubernetes.io/change-cause to the new ReplicaSet', () => {
    const h = harness()
    const d = deployment('web', 1)
    must(
      h.cluster.api.create(DEPLOYMENTS, {
        ...d,
        metadata: { ...d.metadata, annotations: { 'kubernetes.io/change-cause': 'first' } },
      }),
    )
    const rs = h.cluster.store.list(REPLICA_SETS, 'default')[0] as KubeObject
    expect(rs.metadata.annotations?.['kubernetes.io/change-cause']).toBe('first')
  })

  it('reports ProgressDeadlineExceeded once progressDeadlineSeconds pass without progress', () => {
    const h = harness()
    must(
      h.cluster.api.create(
        DEPLOYMENTS,
        deployment('web', 1, 'nginx', { progressDeadlineSeconds: 30 }),
      ),
    )
    h.clock.advance(29_000)
    const progressing = () =>
      (
        get(h)['status'] as { conditions: { type: string; reason: string; message: string }[] }
      ).conditions.find((c) => c.type === 'Progressing')
    expect(progressing()?.reason).toBe('ReplicaSetUpdated')
    h.clock.advance(2_000)
    expect(progressing()).toEqual({
      type: 'Progressing',
      status: 'False',
      lastUpdateTime: '2026-01-05T09:00:31Z',
      lastTransitionTime: '2026-01-05T09:00:31Z',
      reason: 'ProgressDeadlineExceeded',
      message: 'ReplicaSet "web-6dc5cd68db" has timed out progressing.',
    })
  })

  it('marks a paused Deployment and does not roll out its template change', () => {
    const h = harness()
    must(h.cluster.api.create(DEPLOYMENTS, deployment('web', 1)))
    edit(h, (spec) => ({ ...setImage('nginx:1.27')(spec), paused: true }))
    expect(replicaSets(h)).toEqual(['web-6dc5cd68db 1'])
    const conditions = (
      get(h)['status'] as {
        conditions: { type: string; status: string; reason: string; message: string }[]
      }
    ).conditions
    expect(conditions.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    })
  })
})
