/** Related objects the workload describers fetch: their pods' phases and a Deployment's ReplicaSets. */
import type { Deployment, LabelSelector, Pod, PodTemplateSpec, ReplicaSet } from '../../api/object'
import { listOf, type DescribeClient } from './client'
import { selectorMatches } from './label-selector'

export interface PodPhases {
  running: number
  waiting: number
  succeeded: number
  failed: number
}

const controllerUid = (o: {
  metadata?: { ownerReferences?: readonly { controller?: boolean; uid: string }[] }
}): string | undefined => o.metadata?.ownerReferences?.find((r) => r.controller === true)?.uid

/** getPodStatusForController: phases of the pods matching `selector` that `uid` controls. */
export function podPhasesFor(
  client: DescribeClient,
  namespace: string,
  selector: LabelSelector | undefined,
  uid: string | undefined,
): PodPhases {
  const phases = { running: 0, waiting: 0, succeeded: 0, failed: 0 }
  const pods = listOf<Pod>(client, 'Pod', namespace, (p) =>
    selectorMatches(selector, p.metadata?.labels),
  )
  for (const pod of pods) {
    if (controllerUid(pod) === undefined || controllerUid(pod) !== uid) continue
    switch (pod.status?.phase) {
      case 'Running':
        phases.running++
        break
      case 'Pending':
        phases.waiting++
        break
      case 'Succeeded':
        phases.succeeded++
        break
      case 'Failed':
        phases.failed++
        break
    }
  }
  return phases
}

export const phasesLine = (p: PodPhases): string =>
  `${p.running} Running / ${p.waiting} Waiting / ${p.succeeded} Succeeded / ${p.failed} Failed`

/** JSON with sorted keys, so two templates compare as Go's DeepEqual would. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

const HASH_LABEL = 'pod-template-hash'

function templateKey(template: PodTemplateSpec | undefined): string {
  if (template === undefined) return ''
  const labels = { ...(template.metadata?.labels ?? {}) }
  delete labels[HASH_LABEL]
  return canonical({ ...template, metadata: { ...(template.metadata ?? {}), labels } })
}

const creationMs = (rs: ReplicaSet): number => Date.parse(rs.metadata?.creationTimestamp ?? '') || 0

/**
 * deploymentutil.GetAllReplicaSetsInChunks: the ReplicaSets the Deployment controls, the oldest
 * one with the Deployment's template as the new one, the rest (by creation time) as old ones.
 */
export function replicaSetsOf(
  client: DescribeClient,
  deployment: Deployment,
): { old: ReplicaSet[]; new: ReplicaSet | undefined } {
  const uid = deployment.metadata?.uid
  const owned = listOf<ReplicaSet>(
    client,
    'ReplicaSet',
    deployment.metadata?.namespace ?? '',
    (rs) =>
      selectorMatches(deployment.spec?.selector, rs.metadata?.labels) && controllerUid(rs) === uid,
  ).sort((a, b) => {
    const d = creationMs(a) - creationMs(b)
    if (d !== 0) return d
    const an = a.metadata?.name ?? ''
    const bn = b.metadata?.name ?? ''
    return an < bn ? -1 : an > bn ? 1 : 0
  })
  const want = templateKey(deployment.spec?.template)
  const newRS = owned.find((rs) => templateKey(rs.spec?.template) === want)
  return { old: owned.filter((rs) => rs !== newRS), new: newRS }
}
