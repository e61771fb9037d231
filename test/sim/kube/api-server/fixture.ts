/** A bare cluster (no controllers) with the namespaces and service accounts minikube starts with. */
import { VirtualClock } from '../../../../src/sim/core/clock'
import { KubeCluster } from '../../../../src/sim/kube/cluster'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { servedType } from '../../../../src/sim/kube/api/resources'

export const PODS = servedType('Pod')
export const DEPLOYMENTS = servedType('Deployment')
export const SERVICES = servedType('Service')
export const NAMESPACES = servedType('Namespace')
export const JOBS = servedType('Job')

export function bareCluster(seed = 1): KubeCluster {
  const cluster = new KubeCluster({ clock: new VirtualClock(), seed, freeze: true })
  for (const ns of ['default', 'kube-system']) {
    const created = cluster.api.create(NAMESPACES, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns },
    })
    if (!created.ok) throw created.error
    cluster.store.create(servedType('ServiceAccount'), {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: ns },
    })
  }
  return cluster
}

export const pod = (name: string, extra: Partial<KubeObject> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'web', image: 'nginx' }] },
  ...extra,
})
