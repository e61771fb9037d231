/**
 * pkg/controller/deployment/util (1.32): revision and replica annotations, surge/unavailability
 * arithmetic, conditions and their exact reasons and messages.
 */
import type { Deployment, KubeObject, ReplicaSet } from '../../api/object'
import { scaledValue } from '../common/int-or-percent'
import { timeMs } from '../common/meta'

export const REVISION = 'deployment.kubernetes.io/revision'
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history'
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas'
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas'
export const POD_TEMPLATE_HASH = 'pod-template-hash'

/** Annotations a Deployment does not pass on to its ReplicaSets. */
const SKIPPED_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
])

/** --deployment-controller's limit on the revision-history annotation. */
const MAX_REV_HISTORY_CHARS = 2000

// Reasons (deployment_util.go).
export const NEW_RS_REASON = 'NewReplicaSetCreated'
export const FOUND_NEW_RS_REASON = 'FoundNewReplicaSet'
export const RS_UPDATED_REASON = 'ReplicaSetUpdated'
export const NEW_RS_AVAILABLE_REASON = 'NewReplicaSetAvailable'
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded'
export const PAUSED_REASON = 'DeploymentPaused'
export const RESUMED_REASON = 'DeploymentResumed'
export const MIN_AVAILABLE_REASON = 'MinimumReplicasAvailable'
export const MIN_UNAVAILABLE_REASON = 'MinimumReplicasUnavailable'

export const asDeployment = (o: KubeObject): Deployment => o as unknown as Deployment
export const asReplicaSet = (o: KubeObject): ReplicaSet => o as unknown as ReplicaSet

export interface DeploymentCondition {
  type: string
  status: string
  lastUpdateTime: string
  lastTransitionTime: string
  reason: string
  message: string
}

export interface DeploymentStatus {
  observedGeneration?: number
  replicas?: number
  updatedReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  unavailableReplicas?: number
  conditions?: DeploymentCondition[]
  collisionCount?: number
}

export const specReplicas = (o: KubeObject | undefined): number =>
  o === undefined ? 0 : ((o['spec'] as { replicas?: number } | undefined)?.replicas ?? 1)

export const rsStatus = (
  o: KubeObject,
): {
  replicas?: number
  readyReplicas?: number
  availableReplicas?: number
  observedGeneration?: number
  conditions?: {
    type: string
    status: string
    lastTransitionTime?: string
    reason?: string
    message?: string
  }[]
} => (o['status'] ?? {}) as ReturnType<typeof rsStatus>

export const deploymentStatus = (d: KubeObject): DeploymentStatus =>
  (d['status'] ?? {}) as DeploymentStatus

export const isRollingUpdate = (d: KubeObject): boolean =>
  (asDeployment(d).spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate'

/** ResolveFenceposts: surge rounds up, unavailability down, and both zero means one unavailable. */
export function fenceposts(d: KubeObject): { surge: number; unavailable: number } {
  const desired = specReplicas(d)
  const rolling = asDeployment(d).spec?.strategy?.rollingUpdate
  const surge = scaledValue(rolling?.maxSurge ?? '25%', desired, true)
  let unavailable = scaledValue(rolling?.maxUnavailable ?? '25%', desired, false)
  if (surge === 0 && unavailable === 0) unavailable = 1
  return { surge, unavailable }
}

export const maxSurge = (d: KubeObject): number => (isRollingUpdate(d) ? fenceposts(d).surge : 0)

export function maxUnavailable(d: KubeObject): number {
  const desired = specReplicas(d)
  if (!isRollingUpdate(d) || desired === 0) return 0
  return Math.min(fenceposts(d).unavailable, desired)
}

export const revisionOf = (o: KubeObject): number => {
  const n = Number.parseInt(o.metadata.annotations?.[REVISION] ?? '', 10)
  return Number.isNaN(n) ? 0 : n
}

export const maxRevision = (rss: readonly KubeObject[]): number =>
  rss.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0)

const intAnnotation = (o: KubeObject, key: string): number | undefined => {
  const raw = o.metadata.annotations?.[key]
  if (raw === undefined) return undefined
  const n = Number.parseInt(raw, 10)
  return Number.isNaN(n) ? undefined : n
}

export const desiredReplicasAnnotation = (rs: KubeObject): number | undefined =>
  intAnnotation(rs, DESIRED_REPLICAS)
export const maxReplicasAnnotation = (rs: KubeObject): number | undefined =>
  intAnnotation(rs, MAX_REPLICAS)

/** SetReplicasAnnotations on a copy of the annotations; returns whether anything changed. */
export function setReplicasAnnotations(
  annotations: Record<string, string>,
  desired: number,
  max: number,
): boolean {
  let changed = false
  if (annotations[DESIRED_REPLICAS] !== String(desired)) {
    annotations[DESIRED_REPLICAS] = String(desired)
    changed = true
  }
  if (annotations[MAX_REPLICAS] !== String(max)) {
    annotations[MAX_REPLICAS] = String(max)
    changed = true
  }
  return changed
}

export const replicasAnnotationsNeedUpdate = (
  rs: KubeObject,
  desired: number,
  max: number,
): boolean =>
  rs.metadata.annotations?.[DESIRED_REPLICAS] !== String(desired) ||
  rs.metadata.annotations?.[MAX_REPLICAS] !== String(max)

/**
 * SetNewReplicaSetAnnotations: copy the Deployment's own annotations, raise the revision (keeping
 * the superseded one in revision-history on a rollback), and on creation the replica annotations.
 */
export function setNewReplicaSetAnnotations(
  d: KubeObject,
  annotations: Record<string, string>,
  newRevision: number,
  exists: boolean,
): boolean {
  let changed = false
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIPPED_ANNOTATIONS.has(k) || annotations[k] === v) continue
    annotations[k] = v
    changed = true
  }
  const oldRevision = annotations[REVISION]
  let oldRevisionInt = 0
  if (oldRevision !== undefined) {
    const parsed = Number.parseInt(oldRevision, 10)
    if (Number.isNaN(parsed)) return changed
    oldRevisionInt = parsed
  }
  if (oldRevisionInt < newRevision) {
    annotations[REVISION] = String(newRevision)
    changed = true
  }
  if (oldRevision !== undefined && oldRevisionInt < newRevision) {
    const history = annotations[REVISION_HISTORY] ?? ''
    const old = history.split(',')
    if ((old[0] ?? '').length === 0) annotations[REVISION_HISTORY] = oldRevision
    else {
      let total = history.length + oldRevision.length + 1
      let start = 0
      while (total > MAX_REV_HISTORY_CHARS && start < old.length) {
        total -= (old[start] ?? '').length + 1
        start++
      }
      if (total <= MAX_REV_HISTORY_CHARS)
        annotations[REVISION_HISTORY] = [...old.slice(start), oldRevision].join(',')
    }
  }
  if (
    !exists &&
    setReplicasAnnotations(annotations, specReplicas(d), specReplicas(d) + maxSurge(d))
  )
    changed = true
  return changed
}

/** EqualIgnoreHash: the templates agree once the pod-template-hash label is dropped. */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  return a === b || strippedTemplate(a) === strippedTemplate(b)
}

/**
 * Templates come from stored objects, which are never edited: the canonical form is computed once
 * per template object (the Deployment controller compares them on every sync).
 */
const stripped = new WeakMap<object, string>()

function strippedTemplate(t: unknown): string {
  const cacheable = typeof t === 'object' && t !== null
  if (cacheable) {
    const known = stripped.get(t)
    if (known !== undefined) return known
  }
  const template = (t ?? {}) as { metadata?: { labels?: Record<string, string> } }
  const labels = { ...(template.metadata?.labels ?? {}) }
  delete labels[POD_TEMPLATE_HASH]
  const text = canonical({ ...template, metadata: { ...(template.metadata ?? {}), labels } })
  if (cacheable) stripped.set(t, text)
  return text
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
}

/** ReplicaSetsByCreationTimestamp: oldest first, then by name. */
export function byCreation(a: KubeObject, b: KubeObject): number {
  const ta = timeMs(a.metadata.creationTimestamp) ?? 0
  const tb = timeMs(b.metadata.creationTimestamp) ?? 0
  if (ta !== tb) return ta - tb
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0
}

export const filterActive = (rss: readonly (KubeObject | undefined)[]): KubeObject[] =>
  rss.filter((rs): rs is KubeObject => rs !== undefined && specReplicas(rs) > 0)

export const sumSpecReplicas = (rss: readonly (KubeObject | undefined)[]): number =>
  rss.reduce((n, rs) => n + (rs === undefined ? 0 : specReplicas(rs)), 0)

export const sumStatus = (
  rss: readonly (KubeObject | undefined)[],
  field: 'replicas' | 'readyReplicas' | 'availableReplicas',
): number => rss.reduce((n, rs) => n + (rs === undefined ? 0 : (rsStatus(rs)[field] ?? 0)), 0)

export function getCondition(
  status: DeploymentStatus,
  type: string,
): DeploymentCondition | undefined {
  return status.conditions?.find((c) => c.type === type)
}

export function newCondition(
  type: string,
  status: string,
  reason: string,
  message: string,
  now: string,
): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message }
}

/** SetDeploymentCondition: same status and reason is no change; same status keeps its transition time. */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type)
  if (
    current !== undefined &&
    current.status === condition.status &&
    current.reason === condition.reason
  )
    return
  const next =
    current !== undefined && current.status === condition.status
      ? { ...condition, lastTransitionTime: current.lastTransitionTime }
      : condition
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next]
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  if (status.conditions === undefined) return
  status.conditions = status.conditions.filter((c) => c.type !== type)
}

export const hasProgressDeadline = (d: KubeObject): boolean => {
  const seconds = asDeployment(d).spec?.progressDeadlineSeconds
  return seconds !== undefined && seconds !== 2147483647
}

/** DeploymentComplete: every replica updated and available, the newest generation observed. */
export function deploymentComplete(d: KubeObject, status: DeploymentStatus): boolean {
  const desired = specReplicas(d)
  return (
    (status.updatedReplicas ?? 0) === desired &&
    (status.replicas ?? 0) === desired &&
    (status.availableReplicas ?? 0) === desired &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  )
}

/** DeploymentProgressing: more updated/ready/available replicas, or fewer old ones, than before. */
export function deploymentProgressing(d: KubeObject, next: DeploymentStatus): boolean {
  const old = deploymentStatus(d)
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0)
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0)
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  )
}

/** DeploymentTimedOut: the Progressing condition was last updated more than the deadline ago. */
export function deploymentTimedOut(
  d: KubeObject,
  status: DeploymentStatus,
  nowMs: number,
): boolean {
  if (!hasProgressDeadline(d)) return false
  const cond = getCondition(status, 'Progressing')
  if (cond === undefined) return false
  if (cond.reason === NEW_RS_AVAILABLE_REASON) return false
  if (cond.reason === TIMED_OUT_REASON) return true
  const from = timeMs(cond.lastUpdateTime) ?? 0
  const deadline = (asDeployment(d).spec?.progressDeadlineSeconds ?? 600) * 1000
  return from + deadline < nowMs
}
