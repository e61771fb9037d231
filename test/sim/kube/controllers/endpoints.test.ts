import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import {
  DEPLOYMENTS,
  deployment,
  ENDPOINT_SLICES,
  ENDPOINTS,
  harness,
  must,
  pods,
  PODS,
  runPod,
  SERVICES,
  type Harness,
} from './harness'

function service(h: Harness): void {
  must(
    h.cluster.api.create(SERVICES, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
      spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
    }),
  )
}

describe('Endpoints and EndpointSlice controllers', () => {
  it('lists ready pods in addresses and the others in notReadyAddresses', () => {
    const h = harness()
    must(h.cluster.api.create(DEPLOYMENTS, deployment('web', 2)))
    service(h)
    const [a, b] = pods(h) as [KubeObject, KubeObject]
    runPod(h, a, '10.244.0.7')
    runPod(h, b, '10.244.0.5', false)
    const ep = h.cluster.store.get(ENDPOINTS, 'default', 'web') as KubeObject
    expect(ep.metadata.labels).toEqual({ app: 'web' })
    expect(ep.metadata.annotations).toEqual({
      'endpoints.kubernetes.io/last-change-trigger-time': '2026-01-05T09:00:00Z',
    })
    expect(ep['subsets']).toEqual([
      {
        addresses: [
          {
            ip: '10.244.0.7',
            nodeName: 'minikube',
            targetRef: {
              kind: 'Pod',
              namespace: 'default',
              name: a.metadata.name,
              uid: a.metadata.uid,
            },
          },
        ],
        notReadyAddresses: [
          {
            ip: '10.244.0.5',
            nodeName: 'minikube',
            targetRef: {
              kind: 'Pod',
              namespace: 'default',
              name: b.metadata.name,
              uid: b.metadata.uid,
            },
          },
        ],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ])
  })

  it('has no subsets while no selected pod has an IP', () => {
    const h = harness()
    must(h.cluster.api.create(DEPLOYMENTS, deployment('web', 1)))
    service(h)
    expect(h.cluster.store.get(ENDPOINTS, 'default', 'web')?.['subsets']).toBeUndefined()
  })

  it('keeps one EndpointSlice per Service with ready/serving/terminating conditions', () => {
    const h = harness()
    service(h)
    const [placeholder] = h.cluster.store.list(ENDPOINT_SLICES, 'default')
    expect(placeholder?.['endpoints']).toBeNull()
    expect(placeholder?.['ports']).toBeNull()
    must(h.cluster.api.create(DEPLOYMENTS, deployment('web', 1)))
    const pod = pods(h)[0] as KubeObject
    runPod(h, pod, '10.244.0.7')
    must(h.cluster.api.delete(PODS, 'default', pod.metadata.name))
    const slices = h.cluster.store.list(ENDPOINT_SLICES, 'default')
    expect(slices).toHaveLength(1)
    const slice = slices[0] as KubeObject
    expect(slice.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(slice.metadata.labels).toEqual({
      app: 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'web',
    })
    expect(slice.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Service',
      name: 'web',
      controller: true,
    })
    expect(slice['addressType']).toBe('IPv4')
    expect(slice['ports']).toEqual([{ name: '', port: 8080, protocol: 'TCP' }])
    expect(slice['endpoints']).toEqual([
      {
        addresses: ['10.244.0.7'],
        conditions: { ready: false, serving: true, terminating: true },
        targetRef: {
          kind: 'Pod',
          namespace: 'default',
          name: pod.metadata.name,
          uid: pod.metadata.uid,
        },
        nodeName: 'minikube',
      },
    ])
  })
})
