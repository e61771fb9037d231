/**
 * core/v1 Events, as components record them through client-go's EventCorrelator: one object per
 * (object, reason, message), its count and lastTimestamp bumped when the same thing happens again;
 * the tenth distinct message of one reason about one object within ten minutes becomes a single
 * "(combined from similar events): …" event that counts the rest (EventAggregator); and each
 * source may say 25 things about one object, then one more every five minutes (the spam filter),
 * so a ReplicaSet scaled to thousands of pods keeps a readable event list, as in a real cluster.
 */
import type { VirtualClock } from '../core/clock'
import type { SeededRandom } from '../core/random'
import type { KubeObject } from './api/object'
import { servedType } from './api/resources'
import type { ObjectStore } from './store/object-store'

export type EventType = 'Normal' | 'Warning'

/** Who reports: `default-scheduler`, `kubelet` on a host, `deployment-controller`… */
export interface EventSource {
  readonly component: string
  readonly host?: string
}

const EVENTS = servedType('Event')

/** EventAggregator: distinct messages per reason and object before they are combined. */
const AGGREGATE_MAX_EVENTS = 10
const AGGREGATE_INTERVAL_MS = 600_000
const COMBINED_PREFIX = '(combined from similar events): '
/** EventSourceObjectSpamFilter: a bucket of 25 tokens per source and object, refilled 1 / 300 s. */
const SPAM_BURST = 25
const SPAM_REFILL_MS = 300_000

/** The last second formatted: events come in bursts at the same virtual instant. */
let lastSecond = Number.NaN
let lastStamp = ''
const timestamp = (ms: number): string => {
  const second = Math.floor(ms / 1000)
  if (second !== lastSecond) {
    lastSecond = second
    lastStamp = new Date(second * 1000).toISOString().replace('.000Z', 'Z')
  }
  return lastStamp
}

interface AggregateRecord {
  /** The only distinct message seen so far (most reasons never see a second one). */
  first: string | undefined
  /** Distinct messages seen, oldest first, once there are two (the oldest goes when full). */
  messages: Set<string> | undefined
  lastMs: number
}

/** Notes `message`; answers how many distinct messages the record now holds. */
function addMessage(aggregate: AggregateRecord, message: string): number {
  if (aggregate.messages !== undefined) return aggregate.messages.add(message).size
  if (aggregate.first === undefined || aggregate.first === message) {
    aggregate.first = message
    return 1
  }
  aggregate.messages = new Set([aggregate.first, message])
  aggregate.first = undefined
  return 2
}

/**
 * What the correlator remembers about one source's events on one object: its spam bucket, its
 * aggregates by type and reason, and its events by identity. Grouped per object so each event
 * costs one lookup of the long object key, then small maps (a 30,000-pod scale-up records
 * hundreds of thousands of events).
 */
interface ObjectRecord {
  /** Who reports and about what: the correlator's key, compared field by field. */
  readonly component: string
  readonly host: string
  readonly kind: string
  readonly namespace: string
  readonly name: string
  readonly apiVersion: string
  tokens: number
  lastMs: number
  /** By type, then reason. */
  readonly aggregates: Map<string, Map<string, AggregateRecord>>
  /** Event name by `fieldPath|type|reason|message`, or by `*type|reason` once combined. */
  readonly latest: Map<string, string>
}

export class EventRecorder {
  /**
   * Records by the involved object's uid, then a short list told apart by source and object
   * fields: a uid string is the stored object's own, its hash computed once, where a key joining
   * every field would be built and hashed anew per event.
   */
  private readonly objects = new Map<string, ObjectRecord[]>()

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: VirtualClock,
    private readonly random: SeededRandom,
  ) {}

  /** Records that `reason` happened to `object`; `fieldPath` names a container (`spec.containers{web}`). */
  record(
    object: KubeObject,
    type: EventType,
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): void {
    const nowMs = this.clock.now()
    const record = this.recordOf(object, source, nowMs)
    // EventAggregate: the tenth distinct message in the interval turns into the combined event.
    const aggregateKey = `${type}|${reason}`
    let byReason = record.aggregates.get(type)
    if (byReason === undefined) {
      byReason = new Map()
      record.aggregates.set(type, byReason)
    }
    let aggregate = byReason.get(reason)
    if (aggregate === undefined || nowMs - aggregate.lastMs > AGGREGATE_INTERVAL_MS) {
      aggregate = { first: undefined, messages: undefined, lastMs: nowMs }
      byReason.set(reason, aggregate)
    }
    const distinct = addMessage(aggregate, message)
    aggregate.lastMs = nowMs
    let identity: string | undefined
    let text = message
    if (distinct >= AGGREGATE_MAX_EVENTS && aggregate.messages !== undefined) {
      const oldest = aggregate.messages.values().next().value
      if (oldest !== undefined) aggregate.messages.delete(oldest)
      identity = `*${aggregateKey}`
      text = COMBINED_PREFIX + message
    }
    // The spam filter sees every event, new or repeated, and drops it once the bucket is empty.
    if (!acceptSpam(record, nowMs)) return
    identity ??= `${fieldPath ?? ''}|${aggregateKey}|${message}`
    const namespace = object.metadata.namespace ?? 'default'
    const now = timestamp(nowMs)
    const existingName = record.latest.get(identity)
    const existing =
      existingName === undefined ? undefined : this.store.get(EVENTS, namespace, existingName)
    if (existing !== undefined) {
      this.store.update(
        EVENTS,
        {
          ...existing,
          metadata: { ...existing.metadata, resourceVersion: undefined },
          message: text,
          count: ((existing['count'] as number | undefined) ?? 1) + 1,
          lastTimestamp: now,
        } as KubeObject,
        true,
      )
      return
    }
    const name = `${object.metadata.name}.${this.random.hex(16)}`
    record.latest.set(identity, name)
    // Optional keys are added in place rather than spread in: the same keys in the same order,
    // without a copy per event.
    const involvedObject: Record<string, unknown> = {
      apiVersion: object.apiVersion,
      kind: object.kind,
      name: object.metadata.name,
    }
    if (object.metadata.namespace !== undefined)
      involvedObject['namespace'] = object.metadata.namespace
    involvedObject['uid'] = object.metadata.uid
    involvedObject['resourceVersion'] = object.metadata.resourceVersion
    if (fieldPath !== undefined) involvedObject['fieldPath'] = fieldPath
    const from: Record<string, string> = { component: source.component }
    if (source.host !== undefined) from['host'] = source.host
    // Built here for this call: the store stamps it in place.
    this.store.create(
      EVENTS,
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject,
        reason,
        message: text,
        source: from,
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: source.component,
        reportingInstance: source.host ?? '',
      },
      true,
    )
  }

  /** The correlator's record for `source` about `object`, made on first use. */
  private recordOf(object: KubeObject, source: EventSource, nowMs: number): ObjectRecord {
    const uid = object.metadata.uid ?? ''
    const host = source.host ?? ''
    const namespace = object.metadata.namespace ?? ''
    // Without a uid the name tells objects apart, so the list stays short.
    const key = uid !== '' ? uid : `\u0000${namespace}/${object.metadata.name}`
    let records = this.objects.get(key)
    if (records === undefined) {
      records = []
      this.objects.set(key, records)
    }
    for (const r of records)
      if (
        r.component === source.component &&
        r.host === host &&
        r.name === object.metadata.name &&
        r.namespace === namespace &&
        r.kind === object.kind &&
        r.apiVersion === object.apiVersion
      )
        return r
    // A fresh bucket is full (the first event takes its token below).
    const record: ObjectRecord = {
      component: source.component,
      host,
      kind: object.kind,
      namespace,
      name: object.metadata.name,
      apiVersion: object.apiVersion,
      tokens: SPAM_BURST,
      lastMs: nowMs,
      aggregates: new Map(),
      latest: new Map(),
    }
    records.push(record)
    return record
  }
}

/** A token bucket per source and object (flowcontrol's passive token bucket). */
function acceptSpam(record: ObjectRecord, nowMs: number): boolean {
  if (record.lastMs !== nowMs) {
    record.tokens = Math.min(SPAM_BURST, record.tokens + (nowMs - record.lastMs) / SPAM_REFILL_MS)
    record.lastMs = nowMs
  }
  if (record.tokens < 1) return false
  record.tokens -= 1
  return true
}
