/**
 * `docker compose events` (cmd/compose/events.go): the project's container events as they
 * happen, `TIME container ACTION ID (attributes)` or `--json` objects, until Ctrl-C.
 */
import { FlagSet } from '../../cli-kit/flags'
import { waitOnClock } from '../../docker/cli/container-follow'
import { CommandStreams } from '../../docker/cli/streams'
import type { EventMessage } from '../../docker/engine/api-types'
import { LABEL } from '../project/labels'
import { composeCommand, DRY_RUN_FLAG, failed } from './command'

/** Go's `2006-01-02 15:04:05.000000` of the event's time. */
function eventTime(timeNano: number): string {
  const iso = new Date(Math.floor(timeNano / 1e6)).toISOString()
  const micros = String(Math.floor(timeNano / 1000) % 1_000_000).padStart(6, '0')
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${micros}`
}

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
    const print = (e: EventMessage): void => {
      if (e.Type !== 'container') return
      const container = env.engine.findContainer(e.Actor.ID)
      const labels = container?.config.Labels ?? {}
      if (labels[LABEL.project] !== project) return
      const service = labels[LABEL.service] ?? ''
      if (args.length > 0 && !args.includes(service)) return
      const attributes = { ...e.Actor.Attributes }
      if (values.json) {
        streams.out(
          `${JSON.stringify({ action: e.Action, attributes, id: e.Actor.ID, service, time: new Date(Math.floor(e.timeNano / 1e6)).toISOString(), type: 'container' })}\n`,
        )
        return
      }
      const attrs = Object.keys(attributes)
        .sort()
        .map((k) => `${k}=${attributes[k] ?? ''}`)
        .join(', ')
      streams.out(`${eventTime(e.timeNano)} container ${e.Action} ${e.Actor.ID} (${attrs})\n`)
    }
    const unsubscribe = env.engine.events.subscribe(print)
    await waitOnClock(
      { engine: env.engine, shell: env.shell },
      () => false,
      undefined,
      () => streams.goLive(),
    )
    unsubscribe()
    return streams.result(0)
  },
})
