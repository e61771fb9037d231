import type { VirtualClock } from '../../core/clock'
import type { EventMessage } from './api-types'

/** A container's labels by id, while the daemon still holds the container. */
export type ContainerLabels = (id: string) => Readonly<Record<string, string>> | undefined

/** The daemon's event log: `docker events`, the panels and the API facade all read this one log. */
export class EventLog {
  private readonly events: EventMessage[] = []
  private readonly listeners = new Set<(event: EventMessage) => void>()
  /**
   * Each container's labels as last seen: `destroy` is logged once the container is gone, yet
   * the daemon's event still carries them (it logs from the container object it removed).
   */
  private readonly lastLabels = new Map<string, Readonly<Record<string, string>>>()

  constructor(
    private readonly clock: VirtualClock,
    private readonly containerLabels: ContainerLabels = () => undefined,
  ) {}

  emit(
    type: EventMessage['Type'],
    action: string,
    id: string,
    attributes: Record<string, string> = {},
  ): void {
    const ms = this.clock.now()
    const event: EventMessage = {
      Type: type,
      Action: action,
      Actor: {
        ID: id,
        Attributes:
          type === 'container' ? this.containerAttributes(action, id, attributes) : attributes,
      },
      scope: 'local',
      time: Math.floor(ms / 1000),
      timeNano: ms * 1_000_000,
    }
    this.events.push(event)
    for (const listener of this.listeners) listener(event)
  }

  /**
   * moby's LogContainerEventWithAttributes: the event's own attributes, then the container's
   * labels copied over them (a label named `exitCode` wins), then `image` and `name` over all.
   */
  private containerAttributes(
    action: string,
    id: string,
    attributes: Record<string, string>,
  ): Record<string, string> {
    if (id === '') return attributes
    const labels = this.containerLabels(id) ?? this.lastLabels.get(id)
    if (action === 'destroy') this.lastLabels.delete(id)
    else if (labels !== undefined) this.lastLabels.set(id, labels)
    if (labels === undefined) return attributes
    const merged: Record<string, string> = { ...attributes, ...labels }
    if (attributes.image !== undefined) merged.image = attributes.image
    if (attributes.name !== undefined) merged.name = attributes.name
    return merged
  }

  since(timeMs: number): EventMessage[] {
    return this.events.filter((e) => e.timeNano / 1_000_000 >= timeMs)
  }

  all(): readonly EventMessage[] {
    return this.events
  }

  subscribe(listener: (event: EventMessage) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
