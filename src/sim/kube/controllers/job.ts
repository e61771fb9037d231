/**
 * The Job controller (pkg/controller/job, 1.32, NonIndexed completion): runs pods until
 * `completions` succeed, `parallelism` at a time; failed pods are replaced after the pod-failure
 * back-off (10 s doubling, capped at 10 min) until more than `backoffLimit` failed. Pods carry the
 * `batch.kubernetes.io/job-tracking` finalizer until their outcome is counted in the status.
 */
import type { Controller, ControllerContext } from '../cluster'
import type { Job, KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import { createPodFromTemplate, deletePod } from './common/pod-control'
import { isBeingDeleted, keyOf, rfc3339, splitKey, timeMs } from './common/meta'
import { ACTIVE, ACTIVE_READY, PodsByController } from './common/pod-index'
import { isPodActive, isPodReady, maxContainerRestarts, podPhase } from './common/pods'
import { DelayedRequeue } from './common/retry'

const JOBS = servedType('Job')
const PODS = servedType('Pod')
const SOURCE = { component: 'job-controller' }
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking'

/** A pod whose outcome is known but not yet counted (still holding our finalizer). */
const UNCOUNTED = 4
const TERMINATING = 8

const BACKOFF_BASE_MS = 10_000
const BACKOFF_MAX_MS = 600_000

const asJob = (o: KubeObject): Job => o as unknown as Job

interface JobCondition {
  type: string
  status: string
  lastProbeTime: string
  lastTransitionTime: string
  reason?: string
  message?: string
}

interface JobStatus {
  conditions?: JobCondition[]
  startTime?: string
  completionTime?: string
  active?: number
  succeeded?: number
  failed?: number
  terminating?: number
  uncountedTerminatedPods?: Record<string, never>
  ready?: number
}

const hasFinalizer = (pod: KubeObject): boolean =>
  (pod.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)

const finishedCondition = (status: JobStatus): JobCondition | undefined =>
  status.conditions?.find(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  )

export function jobController(): Controller {
  let ctx: ControllerContext
  const requeue = new DelayedRequeue()
  /** When each Job's latest pod failure was counted (the back-off runs from there). */
  const lastFailure = new Map<string, number>()
  const keyByUid = new Map<string, string>()
  const pods = new PodsByController((pod) => {
    let flags = 0
    if (isPodActive(pod)) flags |= ACTIVE | (isPodReady(pod) ? ACTIVE_READY : 0)
    const terminal = podPhase(pod) === 'Succeeded' || podPhase(pod) === 'Failed'
    if (hasFinalizer(pod) && (terminal || isBeingDeleted(pod))) flags |= UNCOUNTED
    if (isBeingDeleted(pod) && !terminal) flags |= TERMINATING
    return flags
  }, 'Job')

  const removeFinalizer = (pod: KubeObject): void => {
    const current = ctx.store.get(PODS, pod.metadata.namespace ?? '', pod.metadata.name)
    if (current === undefined || !hasFinalizer(current)) return
    const finalizers = (current.metadata.finalizers ?? []).filter(
      (f) => f !== JOB_TRACKING_FINALIZER,
    )
    const { finalizers: _old, ...metadata } = current.metadata
    ctx.api.update(PODS, {
      ...current,
      metadata: finalizers.length === 0 ? metadata : { ...metadata, finalizers },
    } as KubeObject)
  }

  const condition = (type: string, reason: string, message: string): JobCondition => {
    const now = rfc3339(ctx.clock.now())
    return { type, status: 'True', lastProbeTime: now, lastTransitionTime: now, reason, message }
  }

  function sync(key: string): void {
    const { namespace, name } = splitKey(key)
    const job = ctx.store.get(JOBS, namespace, name)
    if (job === undefined) return
    const uid = job.metadata.uid ?? ''
    const spec = asJob(job).spec
    const old = (job['status'] ?? {}) as JobStatus
    const status: JobStatus = { ...old, conditions: [...(old.conditions ?? [])] }
    const now = ctx.clock.now()

    // Count finished pods once, then let them go.
    const finished: KubeObject[] = []
    for (const pod of pods.pods(uid))
      if (
        hasFinalizer(pod) &&
        (podPhase(pod) === 'Succeeded' || podPhase(pod) === 'Failed' || isBeingDeleted(pod))
      )
        finished.push(pod)
    let newFailures = 0
    for (const pod of finished) {
      if (podPhase(pod) === 'Succeeded') status.succeeded = (status.succeeded ?? 0) + 1
      else {
        status.failed = (status.failed ?? 0) + 1
        newFailures++
      }
    }
    if (newFailures > 0) lastFailure.set(key, now)

    const done = finishedCondition(status)
    const active = [...pods.pods(uid)].filter(isPodActive)
    if (done === undefined && !isBeingDeleted(job)) {
      status.startTime ??= rfc3339(now)
      const completions = spec?.completions ?? undefined
      const parallelism = spec?.parallelism ?? 1
      const backoffLimit = spec?.backoffLimit ?? 6
      const restartPolicy = spec?.template?.spec?.restartPolicy ?? 'Never'
      const restarts =
        restartPolicy === 'OnFailure' ? active.reduce((n, p) => n + maxContainerRestarts(p), 0) : 0
      const deadline = spec?.activeDeadlineSeconds
      const started = timeMs(status.startTime) ?? now
      let failure: [string, string] | undefined
      if (
        (status.failed ?? 0) > backoffLimit ||
        (restartPolicy === 'OnFailure' && backoffLimit > 0 && restarts >= backoffLimit) ||
        (restartPolicy === 'OnFailure' && backoffLimit === 0 && restarts > 0)
      )
        failure = ['BackoffLimitExceeded', 'Job has reached the specified backoff limit']
      else if (deadline !== undefined && deadline !== null && started + deadline * 1000 <= now)
        failure = ['DeadlineExceeded', 'Job was active longer than specified deadline']
      const succeededEnough =
        completions !== undefined && completions !== null
          ? (status.succeeded ?? 0) >= completions
          : (status.succeeded ?? 0) > 0 && active.length === 0
      if (failure !== undefined) {
        for (const pod of active) deletePod(ctx, job, pod, SOURCE)
        status.conditions = [
          ...(status.conditions ?? []),
          condition('FailureTarget', failure[0], failure[1]),
          condition('Failed', failure[0], failure[1]),
        ]
        ctx.events.record(job, 'Warning', failure[0], failure[1], SOURCE)
      } else if (succeededEnough) {
        for (const pod of active) deletePod(ctx, job, pod, SOURCE)
        const message = 'Reached expected number of succeeded pods'
        status.conditions = [
          ...(status.conditions ?? []),
          condition('SuccessCriteriaMet', 'CompletionsReached', message),
          condition('Complete', 'CompletionsReached', message),
        ]
        status.completionTime = rfc3339(now)
        ctx.events.record(job, 'Normal', 'Completed', 'Job completed', SOURCE)
      } else if (spec?.suspend !== true) {
        const remaining =
          completions !== undefined && completions !== null
            ? completions - (status.succeeded ?? 0)
            : parallelism
        const want = Math.max(0, Math.min(parallelism, remaining))
        if (active.length < want) {
          const failures = status.failed ?? 0
          const since = lastFailure.get(key)
          const delay =
            failures === 0 || since === undefined
              ? 0
              : Math.min(BACKOFF_BASE_MS * 2 ** (failures - 1), BACKOFF_MAX_MS)
          if (since !== undefined && since + delay > now) requeue.at(ctx, key, since + delay)
          else
            for (let i = active.length; i < want; i++) {
              const template = spec?.template ?? {}
              const created = createPodFromTemplate(ctx, job, template, SOURCE, {
                extraFinalizers: [JOB_TRACKING_FINALIZER],
              })
              if (!created.ok) break
            }
        } else if (active.length > want)
          for (const pod of active.slice(0, active.length - want)) deletePod(ctx, job, pod, SOURCE)
        if (deadline !== undefined && deadline !== null)
          requeue.at(ctx, key, started + deadline * 1000)
      } else for (const pod of active) deletePod(ctx, job, pod, SOURCE)
    }
    for (const pod of finished) removeFinalizer(pod)

    const current = ctx.store.get(JOBS, namespace, name)
    if (current === undefined) return
    const nowActive = pods.count(uid, ACTIVE)
    const next: JobStatus = {
      ...(status.conditions !== undefined && status.conditions.length > 0
        ? { conditions: status.conditions }
        : {}),
      ...(status.startTime === undefined ? {} : { startTime: status.startTime }),
      ...(status.completionTime === undefined ? {} : { completionTime: status.completionTime }),
      ...(nowActive > 0 ? { active: nowActive } : {}),
      ...(status.succeeded ? { succeeded: status.succeeded } : {}),
      ...(status.failed ? { failed: status.failed } : {}),
      terminating: pods.count(uid, TERMINATING),
      uncountedTerminatedPods: {},
      ready: pods.count(uid, ACTIVE_READY),
    }
    if (JSON.stringify(next) !== JSON.stringify(current['status'] ?? null))
      ctx.api.updateStatus(JOBS, { ...current, status: next } as KubeObject)
  }

  return {
    name: 'job-controller',
    start(context) {
      ctx = context
      for (const job of ctx.store.list(JOBS)) {
        keyByUid.set(job.metadata.uid ?? '', keyOf(job))
        ctx.enqueue(keyOf(job))
      }
      ctx.watch(JOBS, (event) => {
        const uid = event.object.metadata.uid ?? ''
        if (event.type === 'DELETED') {
          keyByUid.delete(uid)
          lastFailure.delete(keyOf(event.object))
        } else {
          keyByUid.set(uid, keyOf(event.object))
          ctx.enqueue(keyOf(event.object))
        }
      })
      pods.start(ctx, ({ previousOwner, owner }) => {
        for (const uid of [previousOwner, owner]) {
          const key = uid === '' ? undefined : keyByUid.get(uid)
          if (key !== undefined) ctx.enqueue(key)
        }
      })
    },
    reconcile: sync,
  }
}
