/** Describers of Job and CronJob. */
import type { CronJob, Job } from '../../../api/object'
import { kubeHumanDuration } from '../../../../cli-kit/go-units'
import { describePodTemplate } from '../containers'
import { describing } from '../describer'
import { eventsSection } from '../events'
import {
  controllerOf,
  formatTime,
  parseTime,
  printAnnotationsMultiline,
  printBoolPtr,
  printLabelsMultiline,
} from '../format'
import { selectorString } from '../label-selector'
import { LEVEL_0, tabbedString } from '../prefix-writer'

/** capIndexesListOrNone: completed indexes, cut after the first comma past 50 characters. */
function capIndexes(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>'
  let ix = softLimit
  for (; ix < indexes.length; ix++) if (indexes[ix] === ',') break
  return ix >= indexes.length ? indexes : indexes.slice(0, ix + 1) + '...'
}

export const describeJob = describing<Job>((job, ctx) => {
  const meta = job.metadata ?? {}
  const spec = job.spec
  const status = job.status ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    const controlledBy = controllerOf(meta)
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
    if (spec?.parallelism !== undefined) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`)
    w.write(LEVEL_0, `Completions:\t${spec?.completions ?? '<unset>'}\n`)
    if (spec?.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`)
    if (spec?.suspend !== undefined)
      w.write(LEVEL_0, `Suspend:\t${spec.suspend ? 'true' : 'false'}\n`)
    if (spec?.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`)
    if (spec?.ttlSecondsAfterFinished !== undefined)
      w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`)
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatTime(status.startTime)}\n`)
    if (status.completionTime)
      w.write(LEVEL_0, `Completed At:\t${formatTime(status.completionTime)}\n`)
    const start = parseTime(status.startTime)
    const end = parseTime(status.completionTime)
    if (start !== undefined && end !== undefined)
      w.write(LEVEL_0, `Duration:\t${kubeHumanDuration(end - start)}\n`)
    if (spec?.activeDeadlineSeconds !== undefined)
      w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`)
    if (status.ready === undefined)
      w.write(
        LEVEL_0,
        `Pods Statuses:\t${status.active ?? 0} Active / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed\n`,
      )
    else
      w.write(
        LEVEL_0,
        `Pods Statuses:\t${status.active ?? 0} Active (${status.ready} Ready) / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed\n`,
      )
    if (spec?.completionMode === 'Indexed')
      w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(status.completedIndexes, 50)}\n`)
    describePodTemplate(spec?.template, w)
    eventsSection(ctx, job, w)
  })
})

export const describeCronJob = describing<CronJob>((cj, ctx) => {
  const meta = cj.metadata ?? {}
  const spec = cj.spec
  const jobSpec = spec?.jobTemplate.spec
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Schedule:\t${spec?.schedule ?? ''}\n`)
    w.write(LEVEL_0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}\n`)
    w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec?.suspend)}\n`)
    w.write(
      LEVEL_0,
      `Successful Job History Limit:\t${spec?.successfulJobsHistoryLimit ?? '<unset>'}\n`,
    )
    w.write(LEVEL_0, `Failed Job History Limit:\t${spec?.failedJobsHistoryLimit ?? '<unset>'}\n`)
    w.write(
      LEVEL_0,
      `Starting Deadline Seconds:\t${spec?.startingDeadlineSeconds === undefined ? '<unset>' : `${spec.startingDeadlineSeconds}s`}\n`,
    )
    w.write(
      LEVEL_0,
      `Selector:\t${jobSpec?.selector ? selectorString(jobSpec.selector) : '<unset>'}\n`,
    )
    w.write(LEVEL_0, `Parallelism:\t${jobSpec?.parallelism ?? '<unset>'}\n`)
    w.write(LEVEL_0, `Completions:\t${jobSpec?.completions ?? '<unset>'}\n`)
    if (jobSpec?.activeDeadlineSeconds !== undefined)
      w.write(LEVEL_0, `Active Deadline Seconds:\t${jobSpec.activeDeadlineSeconds}s\n`)
    describePodTemplate(jobSpec?.template, w)
    const last = cj.status?.lastScheduleTime
    w.write(LEVEL_0, `Last Schedule Time:\t${last ? formatTime(last) : '<unset>'}\n`)
    w.write(LEVEL_0, 'Active Jobs:\t')
    const active = cj.status?.active ?? []
    if (active.length === 0) w.writeLine('<none>')
    else {
      w.write(LEVEL_0, active.map((j) => j.name ?? '').join(', '))
      w.writeLine('')
    }
    eventsSection(ctx, cj, w)
  })
})
