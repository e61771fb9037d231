/**
 * The CronJob controller (pkg/controller/cronjob, v2, 1.32): at each scheduled time on the virtual
 * clock it creates the Job `<cronjob>-<scheduled minutes since the epoch>`, honouring
 * concurrencyPolicy (Allow / Forbid / Replace), suspend and startingDeadlineSeconds; it follows
 * its Jobs to completion and keeps only the configured history.
 */
import type { Controller, ControllerContext } from '../cluster'
import type { CronJob, KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import { parseCron } from './common/cron-schedule'
import {
  controllerRefOf,
  isBeingDeleted,
  keyOf,
  newControllerRef,
  rfc3339,
  splitKey,
  timeMs,
} from './common/meta'
import { DelayedRequeue } from './common/retry'

const CRON_JOBS = servedType('CronJob')
const JOBS = servedType('Job')
const SOURCE = { component: 'cronjob-controller' }
export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp'

const asCronJob = (o: KubeObject): CronJob => o as unknown as CronJob

interface JobRef {
  apiVersion: string
  kind: string
  name: string
  namespace: string
  resourceVersion?: string
  uid: string
}
interface CronJobStatus {
  active?: JobRef[]
  lastScheduleTime?: string
  lastSuccessfulTime?: string
}

/** The Job's Complete or Failed condition type, once it has finished. */
function finishedAs(job: KubeObject): string | undefined {
  const conditions =
    ((job['status'] ?? {}) as { conditions?: { type: string; status: string }[] }).conditions ?? []
  return conditions.find(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  )?.type
}

/** Go's time.RFC1123Z, as MissSchedule prints the missed time. */
function rfc1123z(ms: number): string {
  const d = new Date(ms)
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ]
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${days[d.getUTCDay()]}, ${two(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
}

const jobRef = (job: KubeObject): JobRef => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  name: job.metadata.name,
  namespace: job.metadata.namespace ?? '',
  resourceVersion: job.metadata.resourceVersion,
  uid: job.metadata.uid ?? '',
})

export function cronJobController(): Controller {
  let ctx: ControllerContext
  const requeue = new DelayedRequeue()

  function ownedJobs(cj: KubeObject): KubeObject[] {
    return ctx.store
      .list(JOBS, cj.metadata.namespace)
      .filter((j) => controllerRefOf(j)?.uid === cj.metadata.uid)
  }

  function cleanupHistory(cj: KubeObject, jobs: KubeObject[]): void {
    const spec = asCronJob(cj).spec
    const byStart = (a: KubeObject, b: KubeObject): number =>
      (timeMs((a['status'] as { startTime?: string } | undefined)?.startTime) ??
        timeMs(a.metadata.creationTimestamp) ??
        0) -
      (timeMs((b['status'] as { startTime?: string } | undefined)?.startTime) ??
        timeMs(b.metadata.creationTimestamp) ??
        0)
    for (const [type, limit] of [
      ['Complete', spec?.successfulJobsHistoryLimit ?? 3],
      ['Failed', spec?.failedJobsHistoryLimit ?? 1],
    ] as const) {
      const finished = jobs
        .filter((j) => finishedAs(j) === type && !isBeingDeleted(j))
        .sort(byStart)
      for (const job of finished.slice(0, Math.max(0, finished.length - limit))) {
        const deleted = ctx.api.delete(JOBS, job.metadata.namespace ?? '', job.metadata.name, {
          propagationPolicy: 'Background',
        })
        if (deleted.ok)
          ctx.events.record(
            cj,
            'Normal',
            'SuccessfulDelete',
            `Deleted job ${job.metadata.name}`,
            SOURCE,
          )
      }
    }
  }

  function sync(key: string): void {
    const { namespace, name } = splitKey(key)
    const cj = ctx.store.get(CRON_JOBS, namespace, name)
    if (cj === undefined || isBeingDeleted(cj)) return
    const spec = asCronJob(cj).spec
    const old = (cj['status'] ?? {}) as CronJobStatus
    let active = [...(old.active ?? [])]
    let lastSuccessfulTime = old.lastSuccessfulTime
    let lastScheduleTime = old.lastScheduleTime
    const jobs = ownedJobs(cj)
    const byUid = new Map(jobs.map((j) => [j.metadata.uid ?? '', j]))

    for (const job of jobs) {
      const done = finishedAs(job)
      const listed = active.some((r) => r.uid === job.metadata.uid)
      if (!listed && done === undefined && !isBeingDeleted(job)) active.push(jobRef(job))
      if (listed && done !== undefined) {
        active = active.filter((r) => r.uid !== job.metadata.uid)
        ctx.events.record(
          cj,
          'Normal',
          'SawCompletedJob',
          `Saw completed job: ${job.metadata.name}, condition: ${done}`,
          SOURCE,
        )
        if (done === 'Complete') {
          const completed = (job['status'] as { completionTime?: string } | undefined)
            ?.completionTime
          if (
            completed !== undefined &&
            (timeMs(completed) ?? 0) > (timeMs(lastSuccessfulTime) ?? 0)
          )
            lastSuccessfulTime = completed
        }
      }
    }
    for (const ref of [...active])
      if (!byUid.has(ref.uid)) {
        active = active.filter((r) => r.uid !== ref.uid)
        ctx.events.record(
          cj,
          'Normal',
          'MissingJob',
          `Active job went missing: ${ref.name}`,
          SOURCE,
        )
      }
    cleanupHistory(cj, jobs)

    const writeStatus = (): void => {
      const current = ctx.store.get(CRON_JOBS, namespace, name)
      if (current === undefined) return
      const status: CronJobStatus = {
        ...(active.length > 0 ? { active } : {}),
        ...(lastScheduleTime === undefined ? {} : { lastScheduleTime }),
        ...(lastSuccessfulTime === undefined ? {} : { lastSuccessfulTime }),
      }
      if (JSON.stringify(status) !== JSON.stringify(current['status'] ?? {}))
        ctx.api.updateStatus(CRON_JOBS, { ...current, status } as KubeObject)
    }

    const schedule = parseCron(spec?.schedule ?? '')
    if (!schedule.ok) {
      ctx.events.record(
        cj,
        'Warning',
        'UnparseableSchedule',
        `unparseable schedule: "${spec?.schedule ?? ''}" : ${schedule.error}`,
        SOURCE,
      )
      writeStatus()
      return
    }
    const now = ctx.clock.now()
    if (spec?.suspend === true) {
      writeStatus()
      return
    }
    const earliest = timeMs(lastScheduleTime) ?? timeMs(cj.metadata.creationTimestamp) ?? now
    let scheduled: number | undefined
    for (let t = schedule.value.next(earliest); t <= now; t = schedule.value.next(t)) scheduled = t
    const wakeUp = (): void => {
      const next = schedule.value.next(now)
      if (Number.isFinite(next)) requeue.at(ctx, key, next + 100)
    }
    if (scheduled === undefined) {
      writeStatus()
      wakeUp()
      return
    }
    const deadline = spec?.startingDeadlineSeconds
    if (deadline !== undefined && deadline !== null && scheduled + deadline * 1000 < now) {
      ctx.events.record(
        cj,
        'Warning',
        'MissSchedule',
        `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`,
        SOURCE,
      )
      writeStatus()
      wakeUp()
      return
    }
    const policy = spec?.concurrencyPolicy ?? 'Allow'
    if (policy === 'Forbid' && active.length > 0) {
      ctx.events.record(
        cj,
        'Normal',
        'JobAlreadyActive',
        'Not starting job because prior execution is running and concurrency policy is Forbid',
        SOURCE,
      )
      writeStatus()
      wakeUp()
      return
    }
    if (policy === 'Replace')
      for (const ref of active) {
        const deleted = ctx.api.delete(JOBS, ref.namespace, ref.name, {
          propagationPolicy: 'Background',
        })
        if (deleted.ok)
          ctx.events.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${ref.name}`, SOURCE)
        active = active.filter((r) => r.uid !== ref.uid)
      }
    const template = spec?.jobTemplate ?? {}
    const jobName = `${name}-${Math.floor(scheduled / 60_000)}`
    const created = ctx.api.create(JOBS, {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: jobName,
        namespace,
        ...(template.metadata?.labels === undefined
          ? {}
          : { labels: { ...template.metadata.labels } }),
        annotations: {
          ...(template.metadata?.annotations ?? {}),
          [SCHEDULED_TIMESTAMP]: rfc3339(scheduled),
        },
        ownerReferences: [newControllerRef(cj)],
      },
      spec: template.spec ?? {},
    })
    if (created.ok) {
      ctx.events.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${jobName}`, SOURCE)
      if (!active.some((r) => r.uid === created.value.metadata.uid))
        active.push(jobRef(created.value))
    } else if (created.error.status.reason !== 'AlreadyExists')
      ctx.events.record(
        cj,
        'Warning',
        'FailedCreate',
        `Error creating job: ${created.error.message}`,
        SOURCE,
      )
    lastScheduleTime = rfc3339(scheduled)
    writeStatus()
    wakeUp()
  }

  return {
    name: 'cronjob-controller',
    start(context) {
      ctx = context
      for (const cj of ctx.store.list(CRON_JOBS)) ctx.enqueue(keyOf(cj))
      ctx.watch(CRON_JOBS, (event) => {
        if (event.type !== 'DELETED') ctx.enqueue(keyOf(event.object))
      })
      ctx.watch(JOBS, (event) => {
        const ref = controllerRefOf(event.object)
        if (ref?.kind === 'CronJob')
          ctx.enqueue(`${event.object.metadata.namespace ?? ''}/${ref.name}`)
      })
    },
    reconcile: sync,
  }
}
