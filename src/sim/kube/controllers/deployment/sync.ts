/**
 * One Deployment sync (pkg/controller/deployment sync.go, rolling.go, recreate.go, progress.go at
 * 1.32): find or create the new ReplicaSet, scale new and old ones by the strategy, clean up old
 * revisions, and write the status with the conditions `kubectl rollout status` reads.
 */
import type { ControllerContext } from '../../cluster'
import type { KubeObject } from '../../api/object'
import { servedType } from '../../api/resources'
import { computeHash } from '../common/hash'
import { sameJson } from '../common/same-json'
import { newControllerRef, rfc3339, timeMs, withLabel } from '../common/meta'
import {
  asDeployment,
  byCreation,
  deploymentComplete,
  deploymentProgressing,
  deploymentStatus,
  deploymentTimedOut,
  desiredReplicasAnnotation,
  equalIgnoreHash,
  filterActive,
  FOUND_NEW_RS_REASON,
  getCondition,
  hasProgressDeadline,
  isRollingUpdate,
  maxReplicasAnnotation,
  maxRevision,
  maxSurge,
  maxUnavailable,
  MIN_AVAILABLE_REASON,
  MIN_UNAVAILABLE_REASON,
  NEW_RS_AVAILABLE_REASON,
  NEW_RS_REASON,
  newCondition,
  PAUSED_REASON,
  POD_TEMPLATE_HASH,
  removeCondition,
  REVISION,
  replicasAnnotationsNeedUpdate,
  RESUMED_REASON,
  revisionOf,
  RS_UPDATED_REASON,
  rsStatus,
  setCondition,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  specReplicas,
  sumSpecReplicas,
  sumStatus,
  TIMED_OUT_REASON,
  type DeploymentCondition,
  type DeploymentStatus,
} from './util'

const DEPLOYMENTS = servedType('Deployment')
const REPLICA_SETS = servedType('ReplicaSet')
const SOURCE = { component: 'deployment-controller' }

export interface SyncDeps {
  readonly ctx: ControllerContext
  /** Whether any pod of this ReplicaSet (by uid) is not Succeeded/Failed (Recreate waits). */
  podsRunning(rsUid: string): boolean
  /** Requeue the deployment at a virtual time (progress deadline checks). */
  requeueAt(key: string, dueMs: number): void
}

export class DeploymentSync {
  private d: KubeObject
  private readonly ctx: ControllerContext

  constructor(
    private readonly deps: SyncDeps,
    deployment: KubeObject,
    private readonly rsList: KubeObject[],
  ) {
    this.ctx = deps.ctx
    this.d = deployment
  }

  private get key(): string {
    return `${this.d.metadata.namespace ?? ''}/${this.d.metadata.name}`
  }

  private now(): string {
    return rfc3339(this.ctx.clock.now())
  }

  // --- writes -----------------------------------------------------------------------------

  private writeStatus(status: DeploymentStatus): void {
    const written = this.ctx.api.updateStatus(DEPLOYMENTS, { ...this.d, status } as KubeObject)
    if (written.ok) this.d = written.value
  }

  /** SetDeploymentRevision: the Deployment carries its newest ReplicaSet's revision. */
  private setRevision(revision: string): boolean {
    if (this.d.metadata.annotations?.[REVISION] === revision) return false
    const current = this.ctx.store.get(
      DEPLOYMENTS,
      this.d.metadata.namespace ?? '',
      this.d.metadata.name,
    )
    if (current === undefined) return false
    const written = this.ctx.api.update(DEPLOYMENTS, {
      ...current,
      metadata: {
        ...current.metadata,
        annotations: { ...(current.metadata.annotations ?? {}), [REVISION]: revision },
      },
    } as KubeObject)
    if (written.ok) this.d = { ...written.value, status: this.d['status'] } as KubeObject
    return true
  }

  private replaceRS(updated: KubeObject): void {
    const i = this.rsList.findIndex((rs) => rs.metadata.uid === updated.metadata.uid)
    if (i >= 0) this.rsList[i] = updated
    else this.rsList.push(updated)
  }

  private updateRS(
    rs: KubeObject,
    replicas: number,
    annotations: Record<string, string>,
    minReadySeconds?: number,
  ): KubeObject {
    const current =
      this.ctx.store.get(REPLICA_SETS, rs.metadata.namespace ?? '', rs.metadata.name) ?? rs
    const spec = (current['spec'] ?? {}) as Record<string, unknown>
    const written = this.ctx.api.update(REPLICA_SETS, {
      ...current,
      metadata: { ...current.metadata, annotations },
      spec: withMinReady({ ...spec, replicas }, minReadySeconds),
    } as KubeObject)
    if (!written.ok) return rs
    this.replaceRS(written.value)
    return written.value
  }

  // --- ReplicaSets ------------------------------------------------------------------------

  private findNewRS(): KubeObject | undefined {
    const template = asDeployment(this.d).spec?.template
    return [...this.rsList]
      .sort(byCreation)
      .find((rs) =>
        equalIgnoreHash((rs['spec'] as { template?: unknown } | undefined)?.template, template),
      )
  }

  /** getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created if asked) and the old ones. */
  private allReplicaSets(create: boolean): { newRS: KubeObject | undefined; oldRSs: KubeObject[] } {
    const existing = this.findNewRS()
    const oldRSs = this.rsList.filter((rs) => rs !== existing)
    const newRS = this.newReplicaSet(existing, oldRSs, create)
    return { newRS, oldRSs: this.rsList.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid) }
  }

  private newReplicaSet(
    existing: KubeObject | undefined,
    oldRSs: KubeObject[],
    create: boolean,
  ): KubeObject | undefined {
    const newRevision = maxRevision(oldRSs) + 1
    const spec = asDeployment(this.d).spec
    const minReadySeconds = spec?.minReadySeconds ?? 0
    if (existing !== undefined) {
      const annotations = { ...(existing.metadata.annotations ?? {}) }
      const annotationsUpdated = setNewReplicaSetAnnotations(this.d, annotations, newRevision, true)
      const rsMinReady =
        (existing['spec'] as { minReadySeconds?: number } | undefined)?.minReadySeconds ?? 0
      if (annotationsUpdated || rsMinReady !== minReadySeconds)
        return this.updateRS(existing, specReplicas(existing), annotations, minReadySeconds)
      let needsUpdate = this.setRevision(existing.metadata.annotations?.[REVISION] ?? '')
      const status = structuredStatus(this.d)
      if (hasProgressDeadline(this.d) && getCondition(status, 'Progressing') === undefined) {
        setCondition(
          status,
          newCondition(
            'Progressing',
            'True',
            FOUND_NEW_RS_REASON,
            `Found new replica set "${existing.metadata.name}"`,
            this.now(),
          ),
        )
        needsUpdate = true
      }
      if (needsUpdate) this.writeStatus(status)
      return existing
    }
    if (!create) return undefined
    const collisionCount = deploymentStatus(this.d).collisionCount
    const template = spec?.template ?? {}
    const hash = computeHash(template, collisionCount)
    const labels = withLabel(template.metadata?.labels, POD_TEMPLATE_HASH, hash)
    const selector = spec?.selector ?? {}
    const annotations: Record<string, string> = {}
    const newRS: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${this.d.metadata.name}-${hash}`,
        namespace: this.d.metadata.namespace ?? 'default',
        labels,
        annotations,
        ownerReferences: [newControllerRef(this.d)],
      },
      spec: {
        replicas: 0,
        ...(minReadySeconds > 0 ? { minReadySeconds } : {}),
        selector: {
          ...selector,
          matchLabels: withLabel(selector.matchLabels, POD_TEMPLATE_HASH, hash),
        },
        template: { ...template, metadata: { ...(template.metadata ?? {}), labels } },
      },
    }
    const replicas = this.newRSNewReplicas([...oldRSs, newRS], newRS)
    ;(newRS['spec'] as { replicas: number }).replicas = replicas
    setNewReplicaSetAnnotations(this.d, annotations, newRevision, false)
    const created = this.ctx.api.create(REPLICA_SETS, newRS)
    let createdRS: KubeObject
    let alreadyExists = false
    if (!created.ok) {
      if (created.error.status.reason !== 'AlreadyExists') {
        const message = `Failed to create new replica set "${newRS.metadata.name}": ${created.error.message}`
        if (hasProgressDeadline(this.d)) {
          const status = structuredStatus(this.d)
          setCondition(
            status,
            newCondition('Progressing', 'False', 'ReplicaSetCreateError', message, this.now()),
          )
          this.writeStatus(status)
        }
        this.ctx.events.record(this.d, 'Warning', 'ReplicaSetCreateError', message, SOURCE)
        return undefined
      }
      // A ReplicaSet of that name exists: ours with the same template is the new one; anything
      // else is a hash collision, which collisionCount resolves on the next sync.
      const found = this.ctx.store.get(
        REPLICA_SETS,
        newRS.metadata.namespace ?? '',
        newRS.metadata.name,
      )
      const ours =
        found !== undefined &&
        (found.metadata.ownerReferences ?? []).some(
          (r) => r.controller === true && r.uid === this.d.metadata.uid,
        ) &&
        equalIgnoreHash((found['spec'] as { template?: unknown }).template, template)
      if (found === undefined || !ours) {
        const status = structuredStatus(this.d)
        status.collisionCount = (collisionCount ?? 0) + 1
        this.writeStatus(status)
        this.ctx.enqueue(this.key)
        return undefined
      }
      createdRS = found
      alreadyExists = true
    } else createdRS = created.value
    this.replaceRS(createdRS)
    if (!alreadyExists && replicas > 0)
      this.ctx.events.record(
        this.d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled up replica set ${createdRS.metadata.name} from 0 to ${replicas}`,
        SOURCE,
      )
    let needsUpdate = this.setRevision(String(newRevision))
    const status = structuredStatus(this.d)
    if (!alreadyExists && hasProgressDeadline(this.d)) {
      setCondition(
        status,
        newCondition(
          'Progressing',
          'True',
          NEW_RS_REASON,
          `Created new replica set "${createdRS.metadata.name}"`,
          this.now(),
        ),
      )
      needsUpdate = true
    }
    if (needsUpdate) this.writeStatus(status)
    return createdRS
  }

  /** NewRSNewReplicas: how far the new ReplicaSet may grow now. */
  private newRSNewReplicas(allRSs: readonly KubeObject[], newRS: KubeObject): number {
    const desired = specReplicas(this.d)
    if (!isRollingUpdate(this.d)) return desired
    const current = sumSpecReplicas(allRSs)
    const maxTotal = desired + maxSurge(this.d)
    if (current >= maxTotal) return specReplicas(newRS)
    return specReplicas(newRS) + Math.min(maxTotal - current, desired - specReplicas(newRS))
  }

  private scaleAndRecord(rs: KubeObject, newScale: number): { scaled: boolean; rs: KubeObject } {
    if (specReplicas(rs) === newScale) return { scaled: false, rs }
    return this.scale(rs, newScale, specReplicas(rs) < newScale ? 'up' : 'down')
  }

  private scale(
    rs: KubeObject,
    newScale: number,
    operation: string,
  ): { scaled: boolean; rs: KubeObject } {
    const desired = specReplicas(this.d)
    const max = desired + maxSurge(this.d)
    const sizeNeedsUpdate = specReplicas(rs) !== newScale
    if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max))
      return { scaled: false, rs }
    const oldScale = specReplicas(rs)
    const annotations = { ...(rs.metadata.annotations ?? {}) }
    setReplicasAnnotations(annotations, desired, max)
    const updated = this.updateRS(rs, newScale, annotations)
    if (updated === rs || !sizeNeedsUpdate) return { scaled: false, rs: updated }
    this.ctx.events.record(
      this.d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled ${operation} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`,
      SOURCE,
    )
    return { scaled: true, rs: updated }
  }

  // --- entry points -----------------------------------------------------------------------

  /** syncDeployment after claiming ReplicaSets. */
  run(): void {
    if (this.d.metadata.deletionTimestamp) return this.syncStatusOnly()
    this.checkPausedConditions()
    if (asDeployment(this.d).spec?.paused === true) return this.sync()
    if (this.isScalingEvent()) return this.sync()
    if (isRollingUpdate(this.d)) this.rolloutRolling()
    else this.rolloutRecreate()
  }

  private syncStatusOnly(): void {
    const { newRS, oldRSs } = this.allReplicaSets(false)
    this.syncDeploymentStatus([...oldRSs, newRS], newRS)
  }

  private checkPausedConditions(): void {
    if (!hasProgressDeadline(this.d)) return
    const status = structuredStatus(this.d)
    const cond = getCondition(status, 'Progressing')
    if (cond?.reason === TIMED_OUT_REASON) return
    const paused = asDeployment(this.d).spec?.paused === true
    const pausedCond = cond?.reason === PAUSED_REASON
    if (paused && !pausedCond)
      setCondition(
        status,
        newCondition('Progressing', 'Unknown', PAUSED_REASON, 'Deployment is paused', this.now()),
      )
    else if (!paused && pausedCond)
      setCondition(
        status,
        newCondition('Progressing', 'Unknown', RESUMED_REASON, 'Deployment is resumed', this.now()),
      )
    else return
    this.writeStatus(status)
  }

  private isScalingEvent(): boolean {
    const { newRS, oldRSs } = this.allReplicaSets(false)
    for (const rs of filterActive([...oldRSs, newRS])) {
      const desired = desiredReplicasAnnotation(rs)
      if (desired !== undefined && desired !== specReplicas(this.d)) return true
    }
    return false
  }

  /** sync: scaling events and paused Deployments (proportional scaling, no rollout). */
  private sync(): void {
    const { newRS, oldRSs } = this.allReplicaSets(false)
    this.scaleProportionally(newRS, oldRSs)
    if (asDeployment(this.d).spec?.paused === true) this.cleanup(oldRSs)
    const fresh = this.refreshed([...oldRSs, newRS])
    this.syncDeploymentStatus(fresh, newRS === undefined ? undefined : this.refreshed([newRS])[0])
  }

  private scaleProportionally(newRS: KubeObject | undefined, oldRSs: KubeObject[]): void {
    const desired = specReplicas(this.d)
    const activeOrLatest = findActiveOrLatest(newRS, oldRSs)
    if (activeOrLatest !== undefined) {
      if (specReplicas(activeOrLatest) !== desired) this.scaleAndRecord(activeOrLatest, desired)
      return
    }
    if (newRS !== undefined && isSaturated(this.d, newRS)) {
      for (const old of filterActive(oldRSs)) this.scaleAndRecord(old, 0)
      return
    }
    if (!isRollingUpdate(this.d)) return
    const all = filterActive([...oldRSs, newRS])
    const allReplicas = sumSpecReplicas(all)
    const allowed = desired > 0 ? desired + maxSurge(this.d) : 0
    const toAdd = allowed - allReplicas
    let operation = ''
    if (toAdd > 0) {
      // ReplicaSetsBySizeNewer: larger first, newer first on ties.
      all.sort((a, b) => specReplicas(b) - specReplicas(a) || byCreation(b, a))
      operation = 'up'
    } else if (toAdd < 0) {
      // ReplicaSetsBySizeOlder: larger first, older first on ties.
      all.sort((a, b) => specReplicas(b) - specReplicas(a) || byCreation(a, b))
      operation = 'down'
    }
    let added = 0
    const sizes = new Map<string, number>()
    for (const rs of all) {
      if (toAdd !== 0) {
        const proportion = this.proportion(rs, toAdd, added)
        sizes.set(rs.metadata.name, specReplicas(rs) + proportion)
        added += proportion
      } else sizes.set(rs.metadata.name, specReplicas(rs))
    }
    all.forEach((rs, i) => {
      let size = sizes.get(rs.metadata.name) ?? 0
      if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added)
      this.scale(rs, size, operation)
    })
  }

  /** GetProportion / getReplicaSetFraction. */
  private proportion(rs: KubeObject, toAdd: number, added: number): number {
    if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0
    const desired = specReplicas(this.d)
    let fraction: number
    if (desired === 0) fraction = -specReplicas(rs)
    else {
      const max = desired + maxSurge(this.d)
      let before = maxReplicasAnnotation(rs) ?? 0
      if (before === 0) before = deploymentStatus(this.d).replicas ?? 0
      fraction = goRound((specReplicas(rs) * max) / before) - specReplicas(rs)
    }
    const allowed = toAdd - added
    return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed)
  }

  private rolloutRolling(): void {
    const { newRS, oldRSs } = this.allReplicaSets(true)
    if (newRS === undefined) return
    const allRSs = [...oldRSs, newRS]
    if (this.reconcileNewReplicaSet(allRSs, newRS))
      return this.syncRolloutStatus(this.refreshed(allRSs), this.refreshed([newRS])[0])
    const freshNew = this.refreshed([newRS])[0] ?? newRS
    if (
      this.reconcileOldReplicaSets(
        this.refreshed(allRSs),
        filterActive(this.refreshed(oldRSs)),
        freshNew,
      )
    )
      return this.syncRolloutStatus(this.refreshed(allRSs), freshNew)
    if (deploymentComplete(this.d, deploymentStatus(this.d))) this.cleanup(this.refreshed(oldRSs))
    this.syncRolloutStatus(this.refreshed(allRSs), freshNew)
  }

  private reconcileNewReplicaSet(allRSs: KubeObject[], newRS: KubeObject): boolean {
    const desired = specReplicas(this.d)
    if (specReplicas(newRS) === desired) return false
    if (specReplicas(newRS) > desired) return this.scaleAndRecord(newRS, desired).scaled
    return this.scaleAndRecord(newRS, this.newRSNewReplicas(allRSs, newRS)).scaled
  }

  private reconcileOldReplicaSets(
    allRSs: KubeObject[],
    oldRSs: KubeObject[],
    newRS: KubeObject,
  ): boolean {
    if (sumSpecReplicas(oldRSs) === 0) return false
    const allPods = sumSpecReplicas(allRSs)
    const minAvailable = specReplicas(this.d) - maxUnavailable(this.d)
    const newUnavailable = specReplicas(newRS) - (rsStatus(newRS).availableReplicas ?? 0)
    const maxScaledDown = allPods - minAvailable - newUnavailable
    if (maxScaledDown <= 0) return false
    // Unhealthy old replicas go first: they would otherwise block the rollout.
    const sorted = [...oldRSs].sort(byCreation)
    let cleaned = 0
    for (let i = 0; i < sorted.length; i++) {
      const rs = sorted[i]
      if (rs === undefined || cleaned >= maxScaledDown) break
      const available = rsStatus(rs).availableReplicas ?? 0
      if (specReplicas(rs) === 0 || specReplicas(rs) === available) continue
      const count = Math.min(maxScaledDown - cleaned, specReplicas(rs) - available)
      sorted[i] = this.scaleAndRecord(rs, specReplicas(rs) - count).rs
      cleaned += count
    }
    const scaledDown = this.scaleDownOldForRollingUpdate([...sorted, newRS], sorted)
    return cleaned + scaledDown > 0
  }

  private scaleDownOldForRollingUpdate(allRSs: KubeObject[], oldRSs: KubeObject[]): number {
    const minAvailable = specReplicas(this.d) - maxUnavailable(this.d)
    const available = sumStatus(allRSs, 'availableReplicas')
    if (available <= minAvailable) return 0
    const total = available - minAvailable
    let done = 0
    for (const rs of [...oldRSs].sort(byCreation)) {
      if (done >= total) break
      if (specReplicas(rs) === 0) continue
      const count = Math.min(specReplicas(rs), total - done)
      this.scaleAndRecord(rs, specReplicas(rs) - count)
      done += count
    }
    return done
  }

  private rolloutRecreate(): void {
    let { newRS, oldRSs } = this.allReplicaSets(false)
    let allRSs = [...oldRSs, ...(newRS === undefined ? [] : [newRS])]
    let scaledDown = false
    for (const rs of filterActive(oldRSs)) if (this.scaleAndRecord(rs, 0).scaled) scaledDown = true
    if (scaledDown) return this.syncRolloutStatus(this.refreshed(allRSs), newRS)
    if (this.oldPodsRunning(newRS, oldRSs))
      return this.syncRolloutStatus(this.refreshed(allRSs), newRS)
    if (newRS === undefined) {
      ;({ newRS, oldRSs } = this.allReplicaSets(true))
      if (newRS === undefined) return
      allRSs = [...oldRSs, newRS]
    }
    this.scaleAndRecord(newRS, specReplicas(this.d))
    if (deploymentComplete(this.d, deploymentStatus(this.d))) this.cleanup(this.refreshed(oldRSs))
    this.syncRolloutStatus(this.refreshed(allRSs), this.refreshed([newRS])[0])
  }

  private oldPodsRunning(newRS: KubeObject | undefined, oldRSs: KubeObject[]): boolean {
    if (sumStatus(oldRSs, 'replicas') > 0) return true
    for (const rs of this.rsList)
      if (rs.metadata.uid !== newRS?.metadata.uid && this.deps.podsRunning(rs.metadata.uid ?? ''))
        return true
    return false
  }

  /** cleanupDeployment: keep revisionHistoryLimit old ReplicaSets, oldest revisions go first. */
  private cleanup(oldRSs: KubeObject[]): void {
    const limit = asDeployment(this.d).spec?.revisionHistoryLimit
    if (limit === undefined || limit === null) return
    const alive = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp)
    const diff = alive.length - limit
    if (diff <= 0) return
    alive.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b))
    for (const rs of alive.slice(0, diff)) {
      const status = rsStatus(rs)
      if ((status.replicas ?? 0) !== 0 || specReplicas(rs) !== 0) continue
      if ((rs.metadata.generation ?? 0) > (status.observedGeneration ?? 0)) continue
      this.ctx.api.delete(REPLICA_SETS, rs.metadata.namespace ?? '', rs.metadata.name)
    }
  }

  // --- status -----------------------------------------------------------------------------

  private refreshed(rss: readonly (KubeObject | undefined)[]): KubeObject[] {
    const out: KubeObject[] = []
    for (const rs of rss) {
      if (rs === undefined) continue
      const fresh = this.ctx.store.get(REPLICA_SETS, rs.metadata.namespace ?? '', rs.metadata.name)
      if (fresh !== undefined && fresh.metadata.uid === rs.metadata.uid) out.push(fresh)
    }
    return out
  }

  private calculateStatus(
    allRSs: readonly KubeObject[],
    newRS: KubeObject | undefined,
  ): DeploymentStatus {
    const available = sumStatus(allRSs, 'availableReplicas')
    const total = sumSpecReplicas(allRSs)
    const unavailable = Math.max(0, total - available)
    const replicas = sumStatus(allRSs, 'replicas')
    const updated = newRS === undefined ? 0 : sumStatus([newRS], 'replicas')
    const ready = sumStatus(allRSs, 'readyReplicas')
    const old = deploymentStatus(this.d)
    // Zero counts are omitted (omitempty); fields are added in the API's order.
    const status: DeploymentStatus = {}
    if (this.d.metadata.generation) status.observedGeneration = this.d.metadata.generation
    if (replicas) status.replicas = replicas
    if (updated) status.updatedReplicas = updated
    if (ready) status.readyReplicas = ready
    if (available) status.availableReplicas = available
    if (unavailable) status.unavailableReplicas = unavailable
    status.conditions = [...(old.conditions ?? [])]
    if (available >= specReplicas(this.d) - maxUnavailable(this.d))
      setCondition(
        status,
        newCondition(
          'Available',
          'True',
          MIN_AVAILABLE_REASON,
          'Deployment has minimum availability.',
          this.now(),
        ),
      )
    else
      setCondition(
        status,
        newCondition(
          'Available',
          'False',
          MIN_UNAVAILABLE_REASON,
          'Deployment does not have minimum availability.',
          this.now(),
        ),
      )
    return status
  }

  private syncDeploymentStatus(
    allRSs: readonly (KubeObject | undefined)[],
    newRS: KubeObject | undefined,
  ): void {
    const status = finish(
      this.calculateStatus(present(allRSs), newRS),
      deploymentStatus(this.d).collisionCount,
    )
    if (sameStatus(status, this.d['status'])) return
    this.writeStatus(status)
  }

  /** syncRolloutStatus: the status plus the Progressing and ReplicaFailure conditions. */
  private syncRolloutStatus(allRSs: readonly KubeObject[], newRS: KubeObject | undefined): void {
    const status = this.calculateStatus(allRSs, newRS)
    if (!hasProgressDeadline(this.d)) removeCondition(status, 'Progressing')
    const current = getCondition(deploymentStatus(this.d), 'Progressing')
    const isComplete =
      (status.replicas ?? 0) === (status.updatedReplicas ?? 0) &&
      current?.reason === NEW_RS_AVAILABLE_REASON
    if (hasProgressDeadline(this.d) && !isComplete) {
      const name = this.d.metadata.name
      if (deploymentComplete(this.d, status)) {
        const message =
          newRS === undefined
            ? `Deployment "${name}" has successfully progressed.`
            : `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`
        setCondition(
          status,
          newCondition('Progressing', 'True', NEW_RS_AVAILABLE_REASON, message, this.now()),
        )
      } else if (deploymentProgressing(this.d, status)) {
        const message =
          newRS === undefined
            ? `Deployment "${name}" is progressing.`
            : `ReplicaSet "${newRS.metadata.name}" is progressing.`
        const condition = newCondition(
          'Progressing',
          'True',
          RS_UPDATED_REASON,
          message,
          this.now(),
        )
        if (current !== undefined) {
          if (current.status === 'True') condition.lastTransitionTime = current.lastTransitionTime
          removeCondition(status, 'Progressing')
        }
        setCondition(status, condition)
      } else if (deploymentTimedOut(this.d, status, this.ctx.clock.now())) {
        const message =
          newRS === undefined
            ? `Deployment "${name}" has timed out progressing.`
            : `ReplicaSet "${newRS.metadata.name}" has timed out progressing.`
        setCondition(
          status,
          newCondition('Progressing', 'False', TIMED_OUT_REASON, message, this.now()),
        )
      }
    }
    const failure = replicaFailure(allRSs, newRS)
    if (failure !== undefined) setCondition(status, failure)
    else removeCondition(status, 'ReplicaFailure')
    const final = finish(status, deploymentStatus(this.d).collisionCount)
    if (sameStatus(final, this.d['status'])) {
      this.requeueStuck(final)
      return
    }
    this.writeStatus(final)
  }

  /** requeueStuckDeployment: look again when the progress deadline would pass. */
  private requeueStuck(status: DeploymentStatus): void {
    const current = getCondition(deploymentStatus(this.d), 'Progressing')
    if (!hasProgressDeadline(this.d) || current === undefined) return
    if (deploymentComplete(this.d, status) || current.reason === TIMED_OUT_REASON) return
    const deadline = (asDeployment(this.d).spec?.progressDeadlineSeconds ?? 600) * 1000
    const due = (timeMs(current.lastUpdateTime) ?? 0) + deadline
    const after = due - this.ctx.clock.now()
    this.deps.requeueAt(this.key, after < 1000 ? this.ctx.clock.now() + 1000 : due + 1000)
  }
}

/** minReadySeconds is omitted when zero (omitempty), as the API returns it. */
function withMinReady(
  spec: Record<string, unknown>,
  minReadySeconds: number | undefined,
): Record<string, unknown> {
  if (minReadySeconds === undefined) return spec
  const { minReadySeconds: _old, ...rest } = spec
  return minReadySeconds > 0 ? { ...rest, minReadySeconds } : rest
}

const present = (rss: readonly (KubeObject | undefined)[]): KubeObject[] =>
  rss.filter((rs): rs is KubeObject => rs !== undefined)

/** math.Round: halves away from zero. */
const goRound = (x: number): number => (x < 0 ? -Math.round(-x) : Math.round(x))

function structuredStatus(d: KubeObject): DeploymentStatus {
  const s = deploymentStatus(d)
  const copy = { ...s }
  if (s.conditions !== undefined) copy.conditions = [...s.conditions]
  return copy
}

/** Field order as the API serializes DeploymentStatus; empty conditions are omitted. */
function finish(status: DeploymentStatus, collisionCount: number | undefined): DeploymentStatus {
  const out: Record<string, unknown> = {}
  for (const key in status)
    if (key !== 'conditions') out[key] = status[key as keyof DeploymentStatus]
  const conditions = status.conditions
  if (conditions !== undefined && conditions.length > 0) out['conditions'] = conditions
  if (collisionCount !== undefined) out['collisionCount'] = collisionCount
  return out as DeploymentStatus
}

function sameStatus(a: DeploymentStatus, b: unknown): boolean {
  return sameJson(a, b ?? {})
}

function findActiveOrLatest(
  newRS: KubeObject | undefined,
  oldRSs: KubeObject[],
): KubeObject | undefined {
  if (newRS === undefined && oldRSs.length === 0) return undefined
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a))
  const active = filterActive([...newestFirst, newRS])
  if (active.length === 0) return newRS ?? newestFirst[0]
  if (active.length === 1) return active[0]
  return undefined
}

function isSaturated(d: KubeObject, rs: KubeObject): boolean {
  const desired = desiredReplicasAnnotation(rs)
  return (
    specReplicas(rs) === specReplicas(d) &&
    desired === specReplicas(d) &&
    (rsStatus(rs).availableReplicas ?? 0) === specReplicas(d)
  )
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure condition first, else any old one's. */
function replicaFailure(
  allRSs: readonly KubeObject[],
  newRS: KubeObject | undefined,
): DeploymentCondition | undefined {
  const toDeployment = (rs: KubeObject | undefined): DeploymentCondition | undefined => {
    const c =
      rs === undefined
        ? undefined
        : rsStatus(rs).conditions?.find((x) => x.type === 'ReplicaFailure')
    if (c === undefined) return undefined
    return {
      type: 'ReplicaFailure',
      status: c.status,
      lastUpdateTime: c.lastTransitionTime ?? '',
      lastTransitionTime: c.lastTransitionTime ?? '',
      reason: c.reason ?? '',
      message: c.message ?? '',
    }
  }
  const fromNew = toDeployment(newRS)
  if (fromNew !== undefined) return fromNew
  for (const rs of allRSs) {
    const c = toDeployment(rs)
    if (c !== undefined) return c
  }
  return undefined
}
