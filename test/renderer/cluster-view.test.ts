import { describe, expect, it } from 'vitest'
import {
  DEFAULT_FILTER,
  filterCluster,
  groupWorkloads,
  nodeCommand,
  podLabel,
  podsByNode,
} from '../../src/renderer/src/panels/cluster-view'
import type {
  ClusterPanelCluster,
  ClusterPanelPod,
  ClusterPanelWorkload,
} from '../../src/sim/kube/snapshot'

const pod = (
  namespace: string,
  name: string,
  node: string | null,
  labels = {},
): ClusterPanelPod => ({
  namespace,
  name,
  node,
  status: node === null ? 'Pending' : 'Running',
  tone: node === null ? 'pending' : 'running',
  ready: node === null ? '0/1' : '1/1',
  restarts: 0,
  ip: '',
  owner: null,
  labels,
})

const workload = (
  kind: ClusterPanelWorkload['kind'],
  namespace: string,
  name: string,
  owner: string | null,
  labels = {},
): ClusterPanelWorkload => ({ kind, namespace, name, ready: 1, desired: 1, owner, labels })

const cluster: ClusterPanelCluster = {
  profile: 'minikube',
  server: 'https://192.168.49.2:8443',
  kubernetesVersion: 'v1.32.0',
  namespaces: ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'shop'],
  nodes: [],
  pods: [
    pod('default', 'web-1', 'minikube', { app: 'web', tier: 'front' }),
    pod('default', 'web-2', 'minikube-m02', { app: 'web', tier: 'front' }),
    pod('default', 'db-0', null, { app: 'db' }),
    pod('kube-system', 'coredns-1', 'minikube', { 'k8s-app': 'kube-dns' }),
    pod('shop', 'cart-1', 'minikube-m02', { app: 'cart' }),
  ],
  workloads: [
    workload('Deployment', 'default', 'web', null, { app: 'web' }),
    workload('ReplicaSet', 'default', 'web-6dc5', 'Deployment/web', { app: 'web' }),
    workload('ReplicaSet', 'default', 'web-old', 'Deployment/web', { app: 'web' }),
    workload('Deployment', 'kube-system', 'coredns', null),
    workload('ReplicaSet', 'kube-system', 'coredns-66', 'Deployment/coredns'),
    workload('ReplicaSet', 'default', 'orphan', null),
    workload('DaemonSet', 'kube-system', 'kube-proxy', null),
  ],
  services: [],
  events: [
    {
      namespace: 'kube-system',
      type: 'Normal',
      reason: 'Started',
      object: 'pod/coredns-1',
      message: 'Started container coredns',
      age: '5s',
      count: 1,
    },
    {
      namespace: 'default',
      type: 'Normal',
      reason: 'Scheduled',
      object: 'pod/web-1',
      message: 'Successfully assigned default/web-1 to minikube',
      age: '6s',
      count: 1,
    },
  ],
}

const names = (pods: readonly ClusterPanelPod[]): string[] =>
  pods.map((p) => `${p.namespace}/${p.name}`)

describe('the cluster panel filters', () => {
  it('hide the system namespaces by default', () => {
    const view = filterCluster(cluster, DEFAULT_FILTER)
    expect(names(view.pods)).toEqual([
      'default/web-1',
      'default/web-2',
      'default/db-0',
      'shop/cart-1',
    ])
    expect(view.events.map((e) => e.object)).toEqual(['pod/web-1'])
    expect(view.labelError).toBeNull()
  })

  it('show kube-system when asked', () => {
    const view = filterCluster(cluster, { ...DEFAULT_FILTER, showSystem: true })
    expect(names(view.pods)).toContain('kube-system/coredns-1')
    expect(view.events).toHaveLength(2)
  })

  it('keep one namespace, system or not', () => {
    expect(names(filterCluster(cluster, { ...DEFAULT_FILTER, namespace: 'shop' }).pods)).toEqual([
      'shop/cart-1',
    ])
    expect(
      names(filterCluster(cluster, { ...DEFAULT_FILTER, namespace: 'kube-system' }).pods),
    ).toEqual(['kube-system/coredns-1'])
  })

  it('select by label as kubectl -l does, set-based expressions included', () => {
    const by = (labels: string) => names(filterCluster(cluster, { ...DEFAULT_FILTER, labels }).pods)
    expect(by('app=web')).toEqual(['default/web-1', 'default/web-2'])
    expect(by('app!=web')).toEqual(['default/db-0', 'shop/cart-1'])
    expect(by('app in (db,cart)')).toEqual(['default/db-0', 'shop/cart-1'])
    expect(by('tier')).toEqual(['default/web-1', 'default/web-2'])
    expect(by('  ')).toHaveLength(4)
  })

  it('report a selector that does not parse, with the parser’s words, and filter nothing by it', () => {
    const view = filterCluster(cluster, { ...DEFAULT_FILTER, labels: 'app in (web' })
    expect(view.labelError).toBe("unable to parse requirement: found '', expected: ',' or ')'")
    expect(view.pods).toHaveLength(4)
  })
})

describe('the cluster panel layout', () => {
  it('puts pods on their nodes and unscheduled ones in the null lane', () => {
    const byNode = podsByNode(cluster.pods)
    expect([...byNode.keys()]).toEqual(['minikube', 'minikube-m02', null])
    expect(names(byNode.get(null) ?? [])).toEqual(['default/db-0'])
  })

  it('nests a Deployment’s ReplicaSets under it and leaves orphans on their own', () => {
    const groups = groupWorkloads(cluster.workloads).map(
      (g) => `${g.workload.kind}/${g.workload.name} [${g.children.map((c) => c.name).join(',')}]`,
    )
    expect(groups).toEqual([
      'Deployment/web [web-6dc5,web-old]',
      'Deployment/coredns [coredns-66]',
      'ReplicaSet/orphan []',
      'DaemonSet/kube-proxy []',
    ])
  })

  it('names pods with their namespace only when it is not obvious', () => {
    const cart = cluster.pods[4] as ClusterPanelPod
    const web = cluster.pods[0] as ClusterPanelPod
    expect(podLabel(cart, DEFAULT_FILTER)).toBe('shop/cart-1')
    expect(podLabel(web, DEFAULT_FILTER)).toBe('web-1')
    expect(podLabel(cart, { ...DEFAULT_FILTER, namespace: 'shop' })).toBe('cart-1')
  })
})

describe('the node buttons', () => {
  it('type the minikube command a student would', () => {
    expect(nodeCommand('minikube', 'minikube-m02', 'stop')).toBe('minikube node stop minikube-m02')
    expect(nodeCommand('minikube', 'minikube-m02', 'start')).toBe(
      'minikube node start minikube-m02',
    )
    expect(nodeCommand('lab', 'lab-m03', 'stop')).toBe('minikube node stop lab-m03 -p lab')
  })
})
