/**
 * `docker compose logs` (cmd/compose/logs.go): the services' containers' logs with the
 * `web-1  | ` prefixes, `--tail`, `--since`/`--until`, `-t`, `--no-color`, `--no-log-prefix`,
 * `--index`; `-f` follows on the virtual clock until the containers end or Ctrl-C.
 */
import { FlagSet } from '../../cli-kit/flags'
import { waitOnClock } from '../../docker/cli/container-follow'
import { CommandStreams } from '../../docker/cli/streams'
import { parseTimestamp } from '../../docker/cli/timestamps'
import type { ContainerRecord, LogEntry } from '../../docker/engine/container-record'
import type { CommandOutput } from '../../shell/command'
import { containerNumber, projectContainers, serviceOf } from '../project/observed'
import { CANCELED_STATUS, composeCommand, DRY_RUN_FLAG, EXIT, failed } from './command'
import { LogPrinter } from './log-printer'

export const logs = composeCommand({
  name: 'logs',
  use: '[OPTIONS] [SERVICE...]',
  short: 'View output from containers',
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      DRY_RUN_FLAG,
      { name: 'follow', shorthand: 'f', type: 'bool', usage: 'Follow log output' },
      {
        name: 'index',
        type: 'int',
        usage: 'index of the container if service has multiple replicas',
      },
      { name: 'no-color', type: 'bool', usage: 'Produce monochrome output' },
      { name: 'no-log-prefix', type: 'bool', usage: "Don't print prefix in logs" },
      {
        name: 'since',
        type: 'string',
        usage:
          'Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)',
      },
      {
        name: 'tail',
        shorthand: 'n',
        type: 'string',
        default: 'all',
        usage: 'Number of lines to show from the end of the logs for each container',
      },
      { name: 'timestamps', shorthand: 't', type: 'bool', usage: 'Show timestamps' },
      {
        name: 'until',
        type: 'string',
        usage:
          'Show logs before a timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)',
      },
    ] as const),
  async run({ values, args }, env): Promise<CommandOutput> {
    const target = await env.projectOrName()
    if (!target.ok) return failed(target.error)
    const { name, project } = target.value
    if (project)
      for (const s of args)
        if (!project.services[s] && !project.disabledServices[s])
          return failed({ message: `no such service: ${s}`, exitCode: 1 })
    const now = env.shell.clock.now()
    const since = values.since === '' ? undefined : parseTimestamp(values.since, now)
    const until = values.until === '' ? undefined : parseTimestamp(values.until, now)
    if (since !== undefined && !since.ok)
      return failed({ message: since.error, exitCode: EXIT.syntax })
    if (until !== undefined && !until.ok)
      return failed({ message: until.error, exitCode: EXIT.syntax })
    const tail = values.tail === 'all' || values.tail === '' ? -1 : Number(values.tail)
    let containers = projectContainers(env.engine, name, { oneoff: 'include' }).filter(
      (c) => args.length === 0 || args.includes(serviceOf(c)),
    )
    if (values.index > 0) containers = containers.filter((c) => containerNumber(c) === values.index)
    const printer = new LogPrinter({
      project: name,
      color: env.color && !values['no-color'],
      prefix: !values['no-log-prefix'],
      timestamps: values.timestamps,
    })
    printer.register(containers)
    const streams = new CommandStreams(env.shell.tty)
    const keep = (e: LogEntry): boolean =>
      (since === undefined || !since.ok || e.timeMs >= since.ms) &&
      (until === undefined || !until.ok || e.timeMs <= until.ms)
    const shown = new Map<string, number>()
    for (const c of containers) {
      let entries = c.logs.filter(keep)
      if (tail >= 0 && Number.isFinite(tail)) entries = tail === 0 ? [] : entries.slice(-tail)
      for (const entry of entries) write(streams, printer, c, entry)
      shown.set(c.id, c.logs.length)
    }
    if (!values.follow) return streams.result(0)
    const flush = (): void => {
      for (const c of containers) {
        const from = shown.get(c.id) ?? 0
        for (const entry of c.logs.slice(from)) if (keep(entry)) write(streams, printer, c, entry)
        shown.set(c.id, c.logs.length)
      }
    }
    const ended = (): boolean =>
      containers.every((c) => c.state.status === 'exited' || c.state.status === 'dead')
    const outcome = await waitOnClock({ engine: env.engine, shell: env.shell }, ended, flush, () =>
      streams.goLive(),
    )
    flush()
    if (outcome === 'interrupted') {
      streams.err(CANCELED_STATUS)
      return streams.result(EXIT.canceled)
    }
    return streams.result(0)
  },
})

function write(
  streams: CommandStreams,
  printer: LogPrinter,
  c: ContainerRecord,
  entry: LogEntry,
): void {
  const text = printer.line(c, entry)
  if (entry.stream === 'stderr') streams.err(text)
  else streams.out(text)
}
