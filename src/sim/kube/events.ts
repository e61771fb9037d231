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
  /** Distinct messages seen, oldest first (the oldest goes when the set is full). */
  readonly messages: Set<string>
  lastMs: number
}

interface SpamRecord {
  tokens: number
  lastMs: number
}

export class EventRecorder {
  /** Event name by its identity (source, object, field path, type, reason, message). */
  private readonly latest = new Map<string, string>()
  private readonly aggregates = new Map<string, AggregateRecord>()
  private readonly spam = new Map<string, SpamRecord>()

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
    const objectKey = `${source.component}|${source.host ?? ''}|${object.kind}|${object.metadata.namespace ?? ''}|${object.metadata.name}|${object.metadata.uid ?? ''}|${object.apiVersion}`
    // EventAggregate: the tenth distinct message in the interval turns into the combined event.
    const aggregateKey = `${objectKey}|${type}|${reason}`
    let aggregate = this.aggregates.get(aggregateKey)
    if (aggregate === undefined || nowMs - aggregate.lastMs > AGGREGATE_INTERVAL_MS) {
      aggregate = { messages: new Set(), lastMs: nowMs }
      this.aggregates.set(aggregateKey, aggregate)
    }
    aggregate.messages.add(message)
    aggregate.lastMs = nowMs
    let identity = `${objectKey}|${fieldPath ?? ''}|${type}|${reason}|${message}`
    let text = message
    if (aggregate.messages.size >= AGGREGATE_MAX_EVENTS) {
      const oldest = aggregate.messages.values().next().value
      if (oldest !== undefined) aggregate.messages.delete(oldest)
      identity = aggregateKey
      text = COMBINED_PREFIX + message
    }
    // The spam filter sees every event, new or repeated, and drops it once the bucket is empty.
    if (!this.acceptSpam(objectKey, nowMs)) return
    const namespace = object.metadata.namespace ?? 'default'
    const now = timestamp(nowMs)
    const existingName = this.latest.get(identity)
    const existing =
      existingName === undefined ? undefined : this.store.get(EVENTS, namespace, existingName)
    if (existing !== undefined) {
      this.store.update(EVENTS, {
        ...existing,
        metadata: { ...existing.metadata, resourceVersion: undefined },
        message: text,
        count: ((existing['count'] as number | undefined) ?? 1) + 1,
        lastTimestamp: now,
      } as KubeObject)
      return
    }
    const name = `${object.metadata.name}.${this.random.hex(16)}`
    this.latest.set(identity, name)
    this.store.create(EVENTS, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: object.apiVersion,
        kind: object.kind,
        name: object.metadata.name,
        ...(object.metadata.namespace === undefined
          ? {}
          : { namespace: object.metadata.namespace }),
        uid: object.metadata.uid,
        resourceVersion: object.metadata.resourceVersion,
        ...(fieldPath === undefined ? {} : { fieldPath }),
      },
      reason,
      message: text,
      source: {
        component: source.component,
        ...(source.host === undefined ? {} : { host: source.host }),
      },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    })
  }

  /** A token bucket per source and object (flowcontrol's passive token bucket). */
  private acceptSpam(key: string, nowMs: number): boolean {
    let record = this.spam.get(key)
    if (record === undefined) {
      record = { tokens: SPAM_BURST, lastMs: nowMs }
      this.spam.set(key, record)
    } else {
      record.tokens = Math.min(SPAM_BURST, record.tokens + (nowMs - record.lastMs) / SPAM_REFILL_MS)
      record.lastMs = nowMs
    }
    if (record.tokens < 1) return false
    record.tokens -= 1
    return true
  }
}
