/**
 * core/v1 Events, as components record them: one object per (object, reason, message), its
 * count and lastTimestamp bumped when the same thing happens again (client-go's aggregation), so
 * `kubectl get events`, `describe` and the panels' feed read one log.
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

const timestamp = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')

export class EventRecorder {
  private readonly latest = new Map<string, string>()

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
    const namespace = object.metadata.namespace ?? 'default'
    const now = timestamp(this.clock.now())
    const identity = `${object.metadata.uid ?? ''}|${fieldPath ?? ''}|${reason}|${message}|${source.component}|${source.host ?? ''}`
    const existingName = this.latest.get(identity)
    const existing =
      existingName === undefined ? undefined : this.store.get(EVENTS, namespace, existingName)
    if (existing !== undefined) {
      this.store.update(EVENTS, {
        ...existing,
        metadata: { ...existing.metadata, resourceVersion: undefined },
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
      message,
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
}
