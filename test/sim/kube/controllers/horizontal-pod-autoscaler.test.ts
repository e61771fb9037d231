import { describe, expect, it } from 'vitest'
import type { KubeCluster } from '../../../../src/sim/kube/cluster'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { servedType } from '../../../../src/sim/kube/api/resources'
import { podUsage } from '../../../../src/sim/kube/controllers/hpa/pod-usage'
import { installAddon } from '../../../../src/sim/kube/minikube/addon-workloads'
import { cluster } from '../fixtures'
import { eventsFor, must, PODS } from './volume-helpers'

const HPAS = servedType('HorizontalPodAutoscaler')
const DEPLOYMENTS = servedType('Deployment')

const NO_METRICS =
  'failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)'

function web(replicas = 1): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [{ name: 'nginx', image: 'nginx', resources: { requests: { cpu: '100m' } } }],
        },
      },
    },
  }
}

function hpa(extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
        },
      ],
      ...extra,
    },
  }
}

const statusOf = (c: KubeCluster): unknown => c.store.get(HPAS, 'default', 'web')?.['status']
const replicasOf = (c: KubeCluster): number =>
  (c.store.get(DEPLOYMENTS, 'default', 'web')?.['spec'] as { replicas: number }).replicas
const webPods = (c: KubeCluster): KubeObject[] =>
  c.store.list(PODS, 'default').filter((p) => p.metadata.labels?.['app'] === 'web')

/** Every web pod uses `millicores` of CPU. */
function load(c: KubeCluster, millicores: number): void {
  for (const p of webPods(c)) podUsage(c.store).set('default', p.metadata.name, { cpu: millicores })
}

describe('HorizontalPodAutoscaler controller', () => {
  it('reports the failed cpu metric without metrics-server, 15 s after creation', () => {
    const c = cluster()
    must(c.api.create(DEPLOYMENTS, web()))
    must(c.api.create(HPAS, hpa()))
    expect(statusOf(c)).toEqual({ currentMetrics: null, desiredReplicas: 0 })
    c.clock.advance(15_000)
    expect(statusOf(c)).toEqual({
      currentReplicas: 1,
      desiredReplicas: 0,
      currentMetrics: [{ type: '' }],
      conditions: [
        {
          type: 'AbleToScale',
          status: 'True',
          lastTransitionTime: '2026-01-05T09:00:15Z',
          reason: 'SucceededGetScale',
          message: "the HPA controller was able to get the target's current scale",
        },
        {
          type: 'ScalingActive',
          status: 'False',
          lastTransitionTime: '2026-01-05T09:00:15Z',
          reason: 'FailedGetResourceMetric',
          message: `the HPA was unable to compute the replica count: ${NO_METRICS}`,
        },
      ],
    })
    c.clock.advance(15_000)
    expect(eventsFor(c, 'HorizontalPodAutoscaler', 'web')).toEqual([
      `Warning FailedGetResourceMetric (x2) [horizontal-pod-autoscaler]: ${NO_METRICS}`,
      `Warning FailedComputeMetricsReplicas (x2) [horizontal-pod-autoscaler]: invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${NO_METRICS}`,
    ])
  })

  it('reports a missing target as FailedGetScale', () => {
    const c = cluster()
    must(c.api.create(HPAS, hpa()))
    c.clock.advance(15_000)
    expect(eventsFor(c, 'HorizontalPodAutoscaler', 'web')).toEqual([
      'Warning FailedGetScale [horizontal-pod-autoscaler]: deployments.apps "web" not found',
    ])
    expect((statusOf(c) as { conditions: unknown }).conditions).toEqual([
      {
        type: 'AbleToScale',
        status: 'False',
        lastTransitionTime: '2026-01-05T09:00:15Z',
        reason: 'FailedGetScale',
        message:
          'the HPA controller was unable to get the target\'s current scale: deployments.apps "web" not found',
      },
    ])
  })

  it('scales up from the pods cpu use, then down after the 5-minute stabilization', () => {
    const c = cluster()
    installAddon(c, 'metrics-server')
    must(c.api.create(DEPLOYMENTS, web()))
    c.clock.advance(90_000)
    load(c, 200)
    must(c.api.create(HPAS, hpa()))
    c.clock.advance(15_000)
    expect(replicasOf(c)).toBe(4)
    expect(eventsFor(c, 'HorizontalPodAutoscaler', 'web')).toEqual([
      'Normal SuccessfulRescale [horizontal-pod-autoscaler]: New size: 4; reason: cpu resource utilization (percentage of request) above target',
    ])
    expect(statusOf(c)).toEqual({
      lastScaleTime: '2026-01-05T09:01:45Z',
      currentReplicas: 1,
      desiredReplicas: 4,
      currentMetrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', current: { averageUtilization: 200, averageValue: '200m' } },
        },
      ],
      conditions: [
        {
          type: 'AbleToScale',
          status: 'True',
          lastTransitionTime: '2026-01-05T09:01:45Z',
          reason: 'SucceededRescale',
          message: 'the HPA controller was able to update the target scale to 4',
        },
        {
          type: 'ScalingActive',
          status: 'True',
          lastTransitionTime: '2026-01-05T09:01:45Z',
          reason: 'ValidMetricFound',
          message:
            'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
        },
        {
          type: 'ScalingLimited',
          status: 'False',
          lastTransitionTime: '2026-01-05T09:01:45Z',
          reason: 'DesiredWithinRange',
          message: 'the desired count is within the acceptable range',
        },
      ],
    })
    // The load stops; the new pods are ready and measured a minute later.
    c.clock.advance(75_000)
    load(c, 0)
    c.clock.advance(15_000)
    expect(webPods(c)).toHaveLength(4)
    expect(replicasOf(c)).toBe(4)
    const conditions = (statusOf(c) as { conditions: { reason: string }[] }).conditions
    expect(conditions.map((x) => x.reason)).toEqual([
      'ScaleDownStabilized',
      'ValidMetricFound',
      'DesiredWithinRange',
    ])
    c.clock.advance(300_000)
    expect(replicasOf(c)).toBe(1)
    expect(eventsFor(c, 'HorizontalPodAutoscaler', 'web').slice(-1)).toEqual([
      'Normal SuccessfulRescale [horizontal-pod-autoscaler]: New size: 1; reason: All metrics below target',
    ])
  })

  it('keeps the count within the 10% tolerance and caps it at maxReplicas', () => {
    const c = cluster()
    installAddon(c, 'metrics-server')
    must(c.api.create(DEPLOYMENTS, web(2)))
    c.clock.advance(90_000)
    load(c, 54)
    must(c.api.create(HPAS, hpa({ maxReplicas: 3 })))
    c.clock.advance(15_000)
    expect(replicasOf(c)).toBe(2)
    load(c, 500)
    c.clock.advance(15_000)
    expect(replicasOf(c)).toBe(3)
    const conditions = (statusOf(c) as { conditions: { type: string; reason: string }[] })
      .conditions
    expect(conditions.find((x) => x.type === 'ScalingLimited')).toEqual({
      type: 'ScalingLimited',
      status: 'True',
      lastTransitionTime: '2026-01-05T09:02:00Z',
      reason: 'TooManyReplicas',
      message: 'the desired replica count is more than the maximum replica count',
    })
  })

  it('says which container has no cpu request', () => {
    const c = cluster()
    installAddon(c, 'metrics-server')
    const d = web()
    const spec = d['spec'] as { template: { spec: { containers: Record<string, unknown>[] } } }
    spec.template.spec.containers = [{ name: 'nginx', image: 'nginx' }]
    must(c.api.create(DEPLOYMENTS, d))
    c.clock.advance(90_000)
    must(c.api.create(HPAS, hpa()))
    c.clock.advance(15_000)
    const pod = webPods(c)[0]?.metadata.name ?? ''
    expect(eventsFor(c, 'HorizontalPodAutoscaler', 'web')[0]).toBe(
      `Warning FailedGetResourceMetric [horizontal-pod-autoscaler]: failed to get cpu utilization: missing request for cpu in container nginx of Pod ${pod}`,
    )
  })
})
