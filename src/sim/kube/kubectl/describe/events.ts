/**
 * Events in describe output: searchEvents (events whose involvedObject is the described object)
 * and DescribeEvents (the `Events:` table, oldest last-seen first, `61s (x3 over 3m10s)`).
 */
import type { KubeEvent } from '../../api/object'
import { listOf, type DescribeClient, type DescribeContext } from './client'
import { parseTime, since } from './format'
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer'

export interface EventRef {
  name: string
  /** '' for cluster-scoped objects: their events carry no involvedObject.namespace. */
  namespace: string
  /** Omitted for pods (kubectl clears the kind in the reference it searches with). */
  kind?: string
  uid?: string
}

/** The events about `ref`, from the namespace it lives in (every namespace for cluster-scoped). */
export function searchEvents(client: DescribeClient, ref: EventRef): KubeEvent[] {
  return listOf<KubeEvent>(client, 'Event', ref.namespace, (e) => {
    const o = e.involvedObject
    return (
      (o.name ?? '') === ref.name &&
      (o.namespace ?? '') === ref.namespace &&
      (ref.kind === undefined || (o.kind ?? '') === ref.kind) &&
      (ref.uid === undefined || (o.uid ?? '') === ref.uid)
    )
  })
}

/** The reference kubectl searches events with for an object (reference.GetReference). */
/** Any object as describers hold it (the typed kinds have optional metadata). */
export interface Described {
  kind?: string
  metadata?: { name?: string; namespace?: string; uid?: string }
}

export const refOf = (o: Described, withKind = true): EventRef => ({
  name: o.metadata?.name ?? '',
  namespace: o.metadata?.namespace ?? '',
  ...(withKind && o.kind ? { kind: o.kind } : {}),
  ...(o.metadata?.uid ? { uid: o.metadata.uid } : {}),
})

export function objectEvents(client: DescribeClient, o: Described): KubeEvent[] {
  return searchEvents(client, refOf(o))
}

/** DescribeEvents. */
export function describeEvents(events: readonly KubeEvent[], w: PrefixWriter, nowMs: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  // event.SortableEvents: by lastTimestamp, the zero time first (stable for equal times).
  const sorted = events
    .map((e, i) => ({ e, i, t: parseTime(e.lastTimestamp) ?? -Infinity }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e)
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n')
  for (const e of sorted) {
    const first =
      parseTime(e.eventTime) !== undefined
        ? since(e.eventTime, nowMs)
        : since(e.firstTimestamp, nowMs)
    let interval = first
    if (e.series)
      interval = `${since(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${first})`
    else if ((e.count ?? 0) > 1)
      interval = `${since(e.lastTimestamp, nowMs)} (x${e.count ?? 0} over ${first})`
    const source = e.source?.component || e.reportingComponent || ''
    w.write(
      LEVEL_1,
      `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`,
    )
  }
}

/** The `Events:` section of an object's description, when --show-events is on. */
export function eventsSection(ctx: DescribeContext, o: Described, w: PrefixWriter): void {
  if (ctx.settings.showEvents) describeEvents(objectEvents(ctx.client, o), w, ctx.settings.nowMs)
}
