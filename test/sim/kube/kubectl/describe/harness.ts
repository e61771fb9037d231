/**
 * A cluster holding exactly the given objects (no controllers), on a virtual clock at Quai's
 * epoch, and a describe call against its API server.
 */
import { VirtualClock } from '../../../../../src/sim/core/clock'
import type { KubeObject } from '../../../../../src/sim/kube/api/object'
import { resolveResource, resourceForKind } from '../../../../../src/sim/kube/api/resources'
import { KubeCluster } from '../../../../../src/sim/kube/cluster'
import { describeObject } from '../../../../../src/sim/kube/kubectl/describe/describe-object'

export const NOW = new VirtualClock().now()

export function clusterWith(objects: readonly KubeObject[]): KubeCluster {
  const cluster = new KubeCluster({ clock: new VirtualClock(NOW), seed: 1, freeze: true })
  for (const o of objects) {
    const t = resourceForKind(o.apiVersion, o.kind)
    if (t === undefined) throw new Error(`no type for ${o.apiVersion}/${o.kind}`)
    cluster.store.create(t, o)
  }
  return cluster
}

/** What `kubectl describe TYPE NAME -n NAMESPACE` prints (or the API error's message). */
export function describe(
  objects: readonly KubeObject[],
  type: string,
  name: string,
  namespace = 'default',
  showEvents = true,
): string {
  const cluster = clusterWith(objects)
  const t = resolveResource(type)
  if (t === undefined) throw new Error(`unknown type ${type}`)
  const r = describeObject(cluster.api, t, namespace, name, { showEvents, nowMs: NOW })
  return r.ok ? r.value : `ERROR ${r.error.message}`
}
