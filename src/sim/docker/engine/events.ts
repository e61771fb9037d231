import type { VirtualClock } from '../../core/clock'
import type { EventMessage } from './api-types'

/** The daemon's event log: `docker events`, the panels and the API facade all read this one log. */
export class EventLog {
  private readonly events: EventMessage[] = []
  private readonly listeners = new Set<(event: EventMessage) => void>()

  constructor(private readonly clock: VirtualClock) {}

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
      Actor: { ID: id, Attributes: attributes },
      scope: 'local',
      time: Math.floor(ms / 1000),
      timeNano: ms * 1_000_000,
    }
    this.events.push(event)
    for (const listener of this.listeners) listener(event)
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
