import { describe, expect, it } from 'vitest'
import { servedType } from '../../../../src/sim/kube/api/resources'
import { cluster } from '../fixtures'

const podsAt = (c: ReturnType<typeof cluster>): string[] =>
  c.store
    .list(servedType('Pod'))
    .map(
      (p) =>
        // Controllers pick the 5-letter suffixes; the shape is what minikube shows.
        `${p.metadata.namespace}/${p.metadata.name.replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}$/, '-xxxxx')} ${(p['spec'] as { nodeName?: string }).nodeName} ${(p['status'] as { phase?: string } | undefined)?.phase}`,
    )
    .sort()

describe('createCluster', () => {
  it('starts the control plane and addons of a one-node minikube, all Running', () => {
    expect(podsAt(cluster())).toEqual([
      'kube-system/coredns-668d6bf9bc-xxxxx minikube Running',
      'kube-system/etcd-minikube minikube Running',
      'kube-system/kube-apiserver-minikube minikube Running',
      'kube-system/kube-controller-manager-minikube minikube Running',
      'kube-system/kube-proxy-xxxxx minikube Running',
      'kube-system/kube-scheduler-minikube minikube Running',
      'kube-system/storage-provisioner minikube Running',
    ])
  })

  it('adds kindnet and a kube-proxy per node on a three-node cluster', () => {
    expect(podsAt(cluster({ nodes: 3 }))).toEqual([
      'kube-system/coredns-668d6bf9bc-xxxxx minikube Running',
      'kube-system/etcd-minikube minikube Running',
      'kube-system/kindnet-xxxxx minikube Running',
      'kube-system/kindnet-xxxxx minikube-m02 Running',
      'kube-system/kindnet-xxxxx minikube-m03 Running',
      'kube-system/kube-apiserver-minikube minikube Running',
      'kube-system/kube-controller-manager-minikube minikube Running',
      'kube-system/kube-proxy-xxxxx minikube Running',
      'kube-system/kube-proxy-xxxxx minikube-m02 Running',
      'kube-system/kube-proxy-xxxxx minikube-m03 Running',
      'kube-system/kube-scheduler-minikube minikube Running',
      'kube-system/storage-provisioner minikube Running',
    ])
  })
})
