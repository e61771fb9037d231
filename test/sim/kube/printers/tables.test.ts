import { describe, expect, test } from 'vitest'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { toTable } from '../../../../src/sim/kube/printers'

const NOW = Date.parse('2026-01-05T10:00:00Z')
const meta = (name: string, extra = {}): KubeObject['metadata'] => ({
  name,
  creationTimestamp: '2026-01-05T09:58:00Z',
  ...extra,
})
const row = (kind: string, o: Omit<KubeObject, 'apiVersion' | 'kind'>): unknown[] =>
  toTable({ kind }, [{ apiVersion: 'v1', kind, ...o } as KubeObject], NOW).rows[0]?.cells ?? []

describe('server-side tables', () => {
  test('services: NodePort ports as port:nodePort/proto, LoadBalancer pending', () => {
    expect(
      row('Service', {
        metadata: meta('web'),
        spec: {
          type: 'NodePort',
          clusterIPs: ['10.96.3.4'],
          ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }],
          selector: { app: 'web' },
        },
      }),
    ).toEqual(['web', 'NodePort', '10.96.3.4', '<none>', '80:30080/TCP', '2m', 'app=web'])
    expect(
      row('Service', {
        metadata: meta('lb'),
        spec: { type: 'LoadBalancer', clusterIPs: ['10.96.0.9'], ports: [] },
      }),
    ).toEqual(['lb', 'LoadBalancer', '10.96.0.9', '<pending>', '<none>', '2m', '<none>'])
  })

  test('nodes: Ready,SchedulingDisabled and control-plane role', () => {
    expect(
      row('Node', {
        metadata: meta('minikube', { labels: { 'node-role.kubernetes.io/control-plane': '' } }),
        spec: { unschedulable: true },
        status: {
          conditions: [{ type: 'Ready', status: 'True' }],
          nodeInfo: { kubeletVersion: 'v1.32.0' },
        },
      }).slice(0, 5),
    ).toEqual(['minikube', 'Ready,SchedulingDisabled', 'control-plane', '2m', 'v1.32.0'])
  })

  test('deployments: READY ready/desired, wide containers, images and selector', () => {
    expect(
      row('Deployment', {
        metadata: meta('web'),
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'web' } },
          template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
        },
        status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
      }),
    ).toEqual(['web', '2/3', 3, 2, '2m', 'nginx', 'nginx:1.27', 'app=web'])
  })

  test('events: OBJECT kind/name and source with host', () => {
    const cells = row('Event', {
      metadata: meta('web.1'),
      involvedObject: { kind: 'Pod', name: 'web' },
      reason: 'Pulled',
      type: 'Normal',
      message: 'ok ',
      source: { component: 'kubelet', host: 'minikube' },
      firstTimestamp: '2026-01-05T09:59:00Z',
      lastTimestamp: '2026-01-05T09:59:30Z',
      count: 2,
    })
    expect(cells).toEqual([
      '30s',
      'Normal',
      'Pulled',
      'pod/web',
      '',
      'kubelet, minikube',
      'ok',
      '60s',
      2,
      'web.1',
    ])
  })

  test('storage classes mark the default one', () => {
    expect(
      row('StorageClass', {
        metadata: meta('standard', {
          annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
        }),
        provisioner: 'k8s.io/minikube-hostpath',
      }),
    ).toEqual([
      'standard (default)',
      'k8s.io/minikube-hostpath',
      'Delete',
      'Immediate',
      false,
      '2m',
    ])
  })

  test('kinds without a printer get Name and Created At', () => {
    const table = toTable(
      { kind: 'Widget' },
      [{ apiVersion: 'v1', kind: 'Widget', metadata: meta('w') }],
      NOW,
    )
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Created At'])
    expect(table.rows[0]?.cells).toEqual(['w', '2026-01-05T09:58:00Z'])
  })
})
