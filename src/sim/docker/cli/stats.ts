/**
 * `docker stats` (docker/cli cli/command/container/stats.go, formatter_stats.go). In the
 * interactive terminal it redraws in place every second (cursor home, each line followed by
 * erase-to-end-of-line, then erase-below, as docker 28 does) until Ctrl-C; with --no-stream, or
 * without a terminal, it prints one table and returns.
 */
import { dockerFormat } from '../../cli-kit/docker-format'
import { FlagSet } from '../../cli-kit/flags'
import { bytesSize, humanSizeWithPrecision } from '../../cli-kit/go-units'
import { GoStruct } from '../../cli-kit/go-value'
import type { CommandOutput } from '../../shell/command'
import { containerStats, type StatsSample } from '../engine/container-observe'
import type { DockerEngine } from '../engine/engine'
import { dockerCommand } from './command'
import { FORMAT_FLAG_USAGE } from './filters'

const DEFAULT_STATS_FORMAT =
  'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}'

const STATS_HEADERS: Readonly<Record<string, string>> = {
  Container: 'CONTAINER',
  Name: 'NAME',
  ID: 'CONTAINER ID',
  CPUPerc: 'CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET I/O',
  BlockIO: 'BLOCK I/O',
  PIDs: 'PIDS',
}

/** How often the live table is drawn again, in virtual ms. */
const REDRAW_MS = 1000

const percent = (n: number): string => `${n.toFixed(2)}%`

/** formatter_stats.go statsContext: what `--format` templates can read. */
function statsContext(s: StatsSample, container: string, trunc: boolean): GoStruct {
  const methods: Record<string, () => string> = {
    Container: () => container,
    Name: () => (s.name.length > 1 ? s.name.slice(1) : '--'),
    ID: () => (trunc ? s.id.slice(0, 12) : s.id),
    CPUPerc: () => percent(s.cpuPercent),
    MemUsage: () => `${bytesSize(s.memoryBytes)} / ${bytesSize(s.memoryLimitBytes)}`,
    MemPerc: () => percent(s.memoryPercent),
    NetIO: () =>
      `${humanSizeWithPrecision(s.networkRx, 3)} / ${humanSizeWithPrecision(s.networkTx, 3)}`,
    BlockIO: () =>
      `${humanSizeWithPrecision(s.blockRead, 3)} / ${humanSizeWithPrecision(s.blockWrite, 3)}`,
    PIDs: () => String(s.pids),
  }
  const json = (): Record<string, string> => {
    const out: Record<string, string> = {}
    for (const [key, fn] of Object.entries(methods)) out[key] = fn()
    return out
  }
  return new GoStruct('*container.statsContext', {}, methods, { json })
}

/** The containers to sample: those named, or every running one (all with -a), newest first. */
function targets(
  engine: DockerEngine,
  names: readonly string[],
  all: boolean,
): { list: Array<{ ref: string; id: string }>; errors: string[] } {
  if (names.length === 0)
    return {
      list: engine.listContainers({ all }).map((c) => ({ ref: c.Id.slice(0, 12), id: c.Id })),
      errors: [],
    }
  const list: Array<{ ref: string; id: string }> = []
  const errors: string[] = []
  for (const name of names) {
    const found = engine.findContainer(name)
    if (!found) errors.push(`Error response from daemon: No such container: ${name}`)
    else if (!list.some((t) => t.id === found.id)) list.push({ ref: name, id: found.id })
  }
  return { list, errors }
}

function render(
  engine: DockerEngine,
  list: ReadonlyArray<{ ref: string; id: string }>,
  format: string,
  trunc: boolean,
): { ok: true; output: string } | { ok: false; error: string } {
  const rows: GoStruct[] = []
  for (const target of list) {
    const sample = containerStats(engine, target.id)
    if (sample.ok) rows.push(statsContext(sample.value, target.ref, trunc))
  }
  return dockerFormat(format, rows, STATS_HEADERS)
}

export const containerStatsCommand = dockerCommand({
  path: 'docker container stats',
  use: '[OPTIONS] [CONTAINER...]',
  short: 'Display a live stream of container(s) resource usage statistics',
  aliases: ['docker container stats', 'docker stats'],
  args: { kind: 'min', count: 0 },
  flags: () =>
    new FlagSet([
      {
        name: 'all',
        shorthand: 'a',
        type: 'bool',
        usage: 'Show all containers (default shows just running)',
      },
      { name: 'format', type: 'string', usage: FORMAT_FLAG_USAGE },
      {
        name: 'no-stream',
        type: 'bool',
        usage: 'Disable streaming stats and only pull the first result',
      },
      { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
    ] as const),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const { engine } = ctx
    const showAll = args.length === 0
    const format =
      values.format === '' || values.format === 'table' ? DEFAULT_STATS_FORMAT : values.format
    const trunc = !values['no-trunc']
    const first = targets(engine, args, values.all)
    if (first.errors.length > 0)
      return { stdout: '', stderr: `${first.errors.join('\n')}\n`, exitCode: 1 }
    const tty = ctx.shell.tty
    if (values['no-stream'] || tty === undefined) {
      if (first.list.length === 0) return { stdout: '', stderr: '', exitCode: 0 }
      const table = render(engine, first.list, format, trunc)
      if (!table.ok) return { stdout: '', stderr: `${table.error}\n`, exitCode: 1 }
      return { stdout: table.output, stderr: '', exitCode: 0 }
    }
    let list = first.list
    for (;;) {
      // Without names, containers that start join and those that die leave, as in docker.
      if (showAll) list = targets(engine, [], values.all).list
      const table = render(engine, list, format, trunc)
      if (!table.ok) return { stdout: '', stderr: `${table.error}\n`, exitCode: 1 }
      const lines = table.output.split('\n')
      tty.write(`\x1b[H${lines.map((line) => `${line}\x1b[K\r\n`).join('')}\x1b[J`)
      if (list.length === 0 && !showAll) return { stdout: '', stderr: '', exitCode: 0 }
      const waited = await ctx.shell.sleep(REDRAW_MS)
      if (!waited || ctx.shell.signal.aborted) return { stdout: '', stderr: '', exitCode: 130 }
    }
  },
})
