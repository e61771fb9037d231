import { describe, expect, test } from 'vitest'
import { hpaV1ToV2, hpaV2ToV1 } from '../../../../../src/sim/kube/api/conversion/autoscaling-v1'
import type { KubeObject } from '../../../../../src/sim/kube/api/object'

const STORED: KubeObject = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
    minReplicas: 1,
    maxReplicas: 5,
    metrics: [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
      },
    ],
    behavior: {
      scaleDown: {
        stabilizationWindowSeconds: 60,
        selectPolicy: 'Max',
        policies: [{ type: 'Pods', value: 1, periodSeconds: 30 }],
      },
    },
  },
  status: {
    currentReplicas: 2,
    desiredReplicas: 2,
    currentMetrics: [
      {
        type: 'Resource',
        resource: { name: 'cpu', current: { averageValue: '12m', averageUtilization: 24 } },
      },
    ],
    conditions: [
      {
        type: 'AbleToScale',
        status: 'True',
        lastTransitionTime: '2025-01-01T00:00:00Z',
        reason: 'ReadyForNewScale',
        message: 'recommended size matches current size',
      },
    ],
  },
}

describe('autoscaling/v2 → v1', () => {
  test('cpu target and current become the v1 fields; the rest travels in annotations', () => {
    expect(hpaV2ToV1(STORED)).toEqual({
      kind: 'HorizontalPodAutoscaler',
      apiVersion: 'autoscaling/v1',
      metadata: {
        name: 'web',
        namespace: 'default',
        annotations: {
          'autoscaling.alpha.kubernetes.io/behavior':
            '{"ScaleUp":null,"ScaleDown":{"StabilizationWindowSeconds":60,"SelectPolicy":"Max","Policies":[{"Type":"Pods","Value":1,"PeriodSeconds":30}]}}',
          'autoscaling.alpha.kubernetes.io/conditions':
            '[{"type":"AbleToScale","status":"True","lastTransitionTime":"2025-01-01T00:00:00Z","reason":"ReadyForNewScale","message":"recommended size matches current size"}]',
          'autoscaling.alpha.kubernetes.io/current-metrics':
            '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":24,"currentAverageValue":"12m"}}]',
        },
      },
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' },
        minReplicas: 1,
        maxReplicas: 5,
        targetCPUUtilizationPercentage: 50,
      },
      status: { currentReplicas: 2, desiredReplicas: 2, currentCPUUtilizationPercentage: 24 },
    })
  })
})

describe('autoscaling/v1 → v2', () => {
  test('what v2 → v1 wrote comes back: metrics, behavior, current metrics and conditions', () => {
    expect(hpaV1ToV2(hpaV2ToV1(STORED) as unknown as Record<string, unknown>)).toEqual({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 1,
        maxReplicas: 5,
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
          },
        ],
        behavior: {
          scaleDown: {
            stabilizationWindowSeconds: 60,
            selectPolicy: 'Max',
            policies: [{ type: 'Pods', value: 1, periodSeconds: 30 }],
          },
        },
      },
      status: {
        currentReplicas: 2,
        desiredReplicas: 2,
        currentMetrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', current: { averageValue: '12m', averageUtilization: 24 } },
          },
        ],
        conditions: [
          {
            type: 'AbleToScale',
            status: 'True',
            lastTransitionTime: '2025-01-01T00:00:00Z',
            reason: 'ReadyForNewScale',
            message: 'recommended size matches current size',
          },
        ],
      },
    })
  })

  test('an apply configuration naming no cpu target gets no default metric', () => {
    expect(
      hpaV1ToV2(
        {
          apiVersion: 'autoscaling/v1',
          kind: 'HorizontalPodAutoscaler',
          metadata: { name: 'web' },
          spec: { maxReplicas: 3 },
        },
        { defaultMetrics: false },
      ),
    ).toEqual({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { maxReplicas: 3 },
    })
  })
})
