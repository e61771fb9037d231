/**
 * `docker compose events` (cmd/compose/events.go, pkg/compose/events.go): the project's container
 * events as they happen, until Ctrl-C. Compose drops one-off containers' events and the
 * `com.docker.compose.*` labels from the attributes, then prints each event with Println of a
 * text that already ends in a newline, so every event is followed by an empty line:
 * `2026-01-05 09:00:00.000000 container start ID (image=nginx, name=app-web-1)`. `--json`
 * prints json.Marshal of a map, its keys sorted: action, attributes, id, service, time, type.
 */
import { FlagSet } from '../../cli-kit/flags'
import { waitOnClock } from '../../docker/cli/container-follow'
import { CommandStreams } from '../../docker/cli/streams'
import type { EventMessage } from '../../docker/engine/api-types'
import { goJson, goTimeJson } from '../go-json'
import { LABEL } from '../project/labels'
import { CANCELED_STATUS, composeCommand, DRY_RUN_FLAG, EXIT, failed } from './command'

/** Go's `2006-01-02 15:04:05.000000` of the event's time (UTC, the sandbox's zone). */
function eventTime(timeNano: number): string {
  const iso = new Date(Math.floor(timeNano / 1e6)).toISOString()
  const micros = String(Math.floor(timeNano / 1000) % 1_000_000).padStart(6, '0')
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${micros}`
}

const sortedKeys = (record: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k] ?? '']),
  )

export const events = composeCommand({
  name: 'events',
  use: '[OPTIONS] [SERVICE...]',
  short: 'Receive real time events from containers',
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      DRY_RUN_FLAG,
      { name: 'json', type: 'bool', usage: 'Output events as a stream of json objects' },
      { name: 'since', type: 'string', usage: 'Show all events created since timestamp' },
      { name: 'until', type: 'string', usage: 'Stream events until this timestamp' },
    ] as const),
  async run({ values, args }, env) {
    const target = await env.projectOrName()
    if (!target.ok) return failed(target.error)
    const project = target.value.name
    const streams = new CommandStreams(env.shell.tty)
    // The daemon copies each container's labels into its events' attributes: compose reads the
    // project, service and one-off marks from there.
    const print = (e: EventMessage): void => {
      if (e.Type !== 'container') return
      const labels = e.Actor.Attributes
      if (labels[LABEL.project] !== project) return
      if (labels[LABEL.oneoff] === 'True') return
      const service = labels[LABEL.service] ?? ''
      if (args.length > 0 && !args.includes(service)) return
      const attributes: Record<string, string> = {}
      for (const [k, v] of Object.entries(labels))
        if (!k.startsWith('com.docker.compose.')) attributes[k] = v
      if (values.json) {
        const message = {
          action: e.Action,
          attributes: sortedKeys(attributes),
          id: e.Actor.ID,
          service,
          time: goTimeJson(e.timeNano),
          type: 'container',
        }
        streams.out(`${goJson(message)}\n`)
        return
      }
      const attrs = Object.keys(attributes)
        .sort()
        .map((k) => `${k}=${attributes[k] ?? ''}`)
        .join(', ')
      streams.out(`${eventTime(e.timeNano)} container ${e.Action} ${e.Actor.ID} (${attrs})\n\n`)
    }
    const unsubscribe = env.engine.events.subscribe(print)
    const outcome = await waitOnClock(
      { engine: env.engine, shell: env.shell },
      () => false,
      undefined,
      () => streams.goLive(),
    )
    unsubscribe()
    // Only Ctrl-C ends the stream; a script without a terminal stops once nothing can happen.
    if (outcome !== 'interrupted') return streams.result(0)
    streams.err(CANCELED_STATUS)
    return streams.result(EXIT.canceled)
  },
})
