import { describe, expect, test } from 'vitest'
import { handleKubeApi, type KubeApiRequest } from '../../../../src/sim/api/kube/handler'
import type { KubeCluster } from '../../../../src/sim/kube/cluster'
import { cluster as newCluster } from '../../kube/fixtures'

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json'
const BASE = '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers'

function req(method: string, path: string, extra: Partial<KubeApiRequest> = {}): KubeApiRequest {
  const [p = '', q = ''] = path.split('?')
  return {
    method,
    path: p,
    query: Object.fromEntries(new URLSearchParams(q)),
    headers: { accept: 'application/json', ...(extra.headers ?? {}) },
    body: extra.body ?? '',
    ...(extra.bodyBytes === undefined ? {} : { bodyBytes: extra.bodyBytes }),
  }
}

function json(c: KubeCluster, r: KubeApiRequest): { status: number; body: unknown } {
  const res = handleKubeApi(c, r)
  if (typeof res.body !== 'string') throw new Error('streamed')
  return { status: res.status, body: JSON.parse(res.body) as unknown }
}

const V1_HPA = {
  apiVersion: 'autoscaling/v1',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web' },
  spec: {
    scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' },
    minReplicas: 2,
    maxReplicas: 5,
    targetCPUUtilizationPercentage: 80,
  },
}

/** What `kubectl autoscale deployment web --min=2 --max=5 --cpu-percent=80` sends (kubectl 1.32 -v=8). */
const AUTOSCALE_PROTOBUF = Uint8Array.from([
  0x6b, 0x38, 0x73, 0x00, 0x0a, 0x29, 0x0a, 0x0e, 0x61, 0x75, 0x74, 0x6f, 0x73, 0x63, 0x61, 0x6c,
  0x69, 0x6e, 0x67, 0x2f, 0x76, 0x31, 0x12, 0x17, 0x48, 0x6f, 0x72, 0x69, 0x7a, 0x6f, 0x6e, 0x74,
  0x61, 0x6c, 0x50, 0x6f, 0x64, 0x41, 0x75, 0x74, 0x6f, 0x73, 0x63, 0x61, 0x6c, 0x65, 0x72, 0x12,
  0x3f, 0x0a, 0x13, 0x0a, 0x03, 0x77, 0x65, 0x62, 0x12, 0x00, 0x1a, 0x00, 0x22, 0x00, 0x2a, 0x00,
  0x32, 0x00, 0x38, 0x00, 0x42, 0x00, 0x12, 0x22, 0x0a, 0x1a, 0x0a, 0x0a, 0x44, 0x65, 0x70, 0x6c,
  0x6f, 0x79, 0x6d, 0x65, 0x6e, 0x74, 0x12, 0x03, 0x77, 0x65, 0x62, 0x1a, 0x07, 0x61, 0x70, 0x70,
  0x73, 0x2f, 0x76, 0x31, 0x10, 0x02, 0x18, 0x05, 0x20, 0x50, 0x1a, 0x04, 0x18, 0x00, 0x20, 0x00,
  0x1a, 0x00, 0x22, 0x00,
])

const V2_PATH = '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/web'

describe('autoscaling/v1 discovery', () => {
  test('the autoscaling group serves v2 (preferred) and v1', () => {
    expect(json(newCluster(), req('GET', '/apis/autoscaling')).body).toEqual({
      kind: 'APIGroup',
      apiVersion: 'v1',
      name: 'autoscaling',
      versions: [
        { groupVersion: 'autoscaling/v2', version: 'v2' },
        { groupVersion: 'autoscaling/v1', version: 'v1' },
      ],
      preferredVersion: { groupVersion: 'autoscaling/v2', version: 'v2' },
    })
  })

  test('/apis/autoscaling/v1 lists horizontalpodautoscalers and their status', () => {
    expect(json(newCluster(), req('GET', '/apis/autoscaling/v1')).body).toEqual({
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: 'autoscaling/v1',
      resources: [
        {
          name: 'horizontalpodautoscalers',
          singularName: 'horizontalpodautoscaler',
          namespaced: true,
          kind: 'HorizontalPodAutoscaler',
          verbs: [
            'create',
            'delete',
            'deletecollection',
            'get',
            'list',
            'patch',
            'update',
            'watch',
          ],
          shortNames: ['hpa'],
          categories: ['all'],
        },
        {
          name: 'horizontalpodautoscalers/status',
          singularName: '',
          namespaced: true,
          kind: 'HorizontalPodAutoscaler',
          verbs: ['get', 'patch', 'update'],
        },
      ],
    })
  })
})

describe('autoscaling/v1 objects', () => {
  test('kubectl autoscale’s protobuf v1 object is stored as v2 with a cpu Utilization metric', () => {
    const c = newCluster()
    const created = json(
      c,
      req('POST', `${BASE}?fieldManager=kubectl-autoscale`, {
        headers: { 'content-type': 'application/vnd.kubernetes.protobuf' },
        bodyBytes: AUTOSCALE_PROTOBUF,
      }),
    )
    expect(created.status).toBe(201)
    const body = created.body as Record<string, unknown>
    expect([body['apiVersion'], body['spec']]).toEqual([
      'autoscaling/v1',
      {
        scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' },
        minReplicas: 2,
        maxReplicas: 5,
        targetCPUUtilizationPercentage: 80,
      },
    ])
    const stored = json(c, req('GET', V2_PATH)).body as Record<string, unknown>
    expect(stored['spec']).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 5,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
        },
      ],
    })
  })

  test('a v1 object without a cpu target gets cpu at 80 %, as autoscaling/v1 always implied', () => {
    const c = newCluster()
    const { targetCPUUtilizationPercentage, ...spec } = V1_HPA.spec
    void targetCPUUtilizationPercentage
    json(c, req('POST', BASE, { body: JSON.stringify({ ...V1_HPA, spec }) }))
    const got = json(c, req('GET', `${BASE}/web`)).body as { spec: unknown }
    expect(got.spec).toEqual({
      scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' },
      minReplicas: 2,
      maxReplicas: 5,
      targetCPUUtilizationPercentage: 80,
    })
  })

  test('a v2 object read through v1 carries its other metrics and conditions in annotations', () => {
    const c = newCluster()
    const v2 = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', annotations: { owner: 'team-a' } },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        maxReplicas: 4,
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } },
          },
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } },
          },
        ],
      },
    }
    expect(
      json(c, req('POST', V2_PATH.replace(/\/web$/, ''), { body: JSON.stringify(v2) })).status,
    ).toBe(201)
    const got = json(c, req('GET', `${BASE}/web`)).body as Record<string, Record<string, unknown>>
    expect(got['metadata']?.['annotations']).toEqual({
      'autoscaling.alpha.kubernetes.io/metrics':
        '[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"100Mi"}}]',
      owner: 'team-a',
    })
    expect(got['spec']).toEqual({
      scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' },
      minReplicas: 1,
      maxReplicas: 4,
      targetCPUUtilizationPercentage: 60,
    })
  })

  test('a v1 list is a HorizontalPodAutoscalerList in autoscaling/v1', () => {
    const c = newCluster()
    json(c, req('POST', BASE, { body: JSON.stringify(V1_HPA) }))
    const list = json(c, req('GET', BASE)).body as Record<string, unknown>
    expect([list['kind'], list['apiVersion']]).toEqual([
      'HorizontalPodAutoscalerList',
      'autoscaling/v1',
    ])
    const items = list['items'] as Record<string, unknown>[]
    expect(
      items.map((i) => [
        i['apiVersion'],
        (i['spec'] as Record<string, unknown>)['targetCPUUtilizationPercentage'],
      ]),
    ).toEqual([[undefined, 80]])
  })

  test('a v1 Table has the same rows as v2 (MINPODS a string, “<unset>” possible)', () => {
    const c = newCluster()
    json(c, req('POST', BASE, { body: JSON.stringify(V1_HPA) }))
    const table = json(c, req('GET', BASE, { headers: { accept: TABLE } })).body as {
      rows: { cells: unknown[] }[]
    }
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['web', 'Deployment/web', 'cpu: <unknown>/80%', '2', 5, 0, '0s'],
    ])
  })

  test('a merge patch of targetCPUUtilizationPercentage changes the stored cpu metric', () => {
    const c = newCluster()
    json(c, req('POST', BASE, { body: JSON.stringify(V1_HPA) }))
    const patched = json(
      c,
      req('PATCH', `${BASE}/web`, {
        headers: { 'content-type': 'application/merge-patch+json' },
        body: '{"spec":{"targetCPUUtilizationPercentage":50,"maxReplicas":7}}',
      }),
    )
    expect(patched.status).toBe(200)
    const stored = json(c, req('GET', V2_PATH)).body as { spec: Record<string, unknown> }
    expect([stored.spec['maxReplicas'], stored.spec['metrics']]).toEqual([
      7,
      [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
        },
      ],
    ])
  })

  test('fieldValidation=Strict refuses a field v1 does not have, naming version v1', () => {
    const c = newCluster()
    const bad = { ...V1_HPA, spec: { ...V1_HPA.spec, metrics: [] } }
    expect(
      json(c, req('POST', `${BASE}?fieldValidation=Strict`, { body: JSON.stringify(bad) })),
    ).toEqual({
      status: 400,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'HorizontalPodAutoscaler in version "v1" cannot be handled as a HorizontalPodAutoscaler: strict decoding error: unknown field "spec.metrics"',
        reason: 'BadRequest',
        code: 400,
      },
    })
  })

  test('a missing v1 object is the same NotFound as in v2', () => {
    expect(json(newCluster(), req('GET', `${BASE}/nosuch`)).body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'horizontalpodautoscalers.autoscaling "nosuch" not found',
      reason: 'NotFound',
      details: { name: 'nosuch', group: 'autoscaling', kind: 'horizontalpodautoscalers' },
      code: 404,
    })
  })
})
