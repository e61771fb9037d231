/**
 * What the rollout sub-commands share: resolving `TYPE NAME` / `TYPE/NAME` to workloads, and a
 * deployment's ReplicaSets by revision (the history kubectl reads).
 */
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import type { KubeCluster } from '../cluster'

const REPLICA_SETS = servedType('ReplicaSet')
export const REVISION = 'deployment.kubernetes.io/revision'
export const CHANGE_CAUSE = 'kubernetes.io/change-cause'

/** The ReplicaSets a deployment controls, with their revision numbers, oldest first. */
export function revisionsOf(
  cluster: KubeCluster,
  deployment: KubeObject,
): { revision: number; rs: KubeObject }[] {
  const listed = cluster.api.list(REPLICA_SETS, {
    namespace: deployment.metadata.namespace ?? 'default',
  })
  if (!listed.ok) return []
  return listed.value.items
    .filter((rs) =>
      (rs.metadata.ownerReferences ?? []).some(
        (o) => o.uid === deployment.metadata.uid && o.controller === true,
      ),
    )
    .map((rs) => ({ revision: Number(rs.metadata.annotations?.[REVISION] ?? '0'), rs }))
    .sort((a, b) => a.revision - b.revision)
}

/** The pod template without the hash label the controller adds to its ReplicaSets. */
export function templateWithoutHash(rs: KubeObject): Record<string, unknown> {
  const spec = (rs['spec'] ?? {}) as {
    template?: { metadata?: { labels?: Record<string, string> } }
  }
  const template = JSON.parse(JSON.stringify(spec.template ?? {})) as {
    metadata?: { labels?: Record<string, string> }
  }
  if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash']
  return template as Record<string, unknown>
}
