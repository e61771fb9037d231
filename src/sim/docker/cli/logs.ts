/**
 * `docker logs` (docker/cli cli/command/container/logs.go; the daemon's daemon/logs.go):
 * stdout lines to stdout, stderr lines to stderr, `-t` prefixes each with its time in
 * RFC3339NanoFixed, `--tail` keeps the last N (anything but a number shows all), `--since` and
 * `--until` take durations, dates or Unix times. `-f` keeps following in the interactive
 * terminal until Ctrl-C or the container stops; without a terminal it prints what exists.
 */
import { FlagSet } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { Tty } from '../../shell/pty'
import type { ContainerRecord, LogEntry } from '../engine/container-record'
import { isUp } from '../engine/container-record'
import { daemonFailure, dockerCommand, type DockerContext } from './command'
import { parseTimestamp, rfc3339NanoFixed } from './timestamps'

const TIME_USAGE = (what: string): string =>
  `Show logs ${what} (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)`

/** How often a following client looks for new lines, in virtual ms. */
export const FOLLOW_POLL_MS = 250

export interface LogSelection {
  sinceMs: number | undefined
  untilMs: number | undefined
  tail: number
  timestamps: boolean
}

export function logLine(entry: LogEntry, timestamps: boolean): string {
  return timestamps ? `${rfc3339NanoFixed(entry.timeMs)} ${entry.text}\n` : `${entry.text}\n`
}

export function selectLogs(entries: readonly LogEntry[], selection: LogSelection): LogEntry[] {
  let list = entries.filter(
    (e) =>
      (selection.sinceMs === undefined || e.timeMs >= selection.sinceMs) &&
      (selection.untilMs === undefined || e.timeMs <= selection.untilMs),
  )
  if (selection.tail >= 0) list = list.slice(Math.max(0, list.length - selection.tail))
  return list
}

/**
 * Writes the container's new lines to the terminal as they come, until Ctrl-C, the container
 * stops, or `untilMs` passes. Returns how it ended.
 */
export async function followToTty(
  record: ContainerRecord,
  from: number,
  tty: Tty,
  ctx: DockerContext,
  options: { timestamps: boolean; untilMs?: number },
): Promise<'interrupted' | 'stopped'> {
  let seen = from
  const flush = (): void => {
    const fresh = record.logs.slice(seen)
    seen = record.logs.length
    for (const entry of fresh) {
      if (options.untilMs !== undefined && entry.timeMs > options.untilMs) continue
      tty.write(logLine(entry, options.timestamps).replace(/\n/g, '\r\n'))
    }
  }
  for (;;) {
    flush()
    if (!isUp(record) && record.state.status !== 'restarting') return 'stopped'
    if (options.untilMs !== undefined && ctx.shell.clock.now() > options.untilMs) return 'stopped'
    const waited = await ctx.shell.sleep(FOLLOW_POLL_MS)
    if (!waited || ctx.shell.signal.aborted) {
      flush()
      return 'interrupted'
    }
  }
}

export function parseSinceUntil(
  values: { since: string; until: string },
  nowMs: number,
): { ok: true; sinceMs?: number; untilMs?: number } | { ok: false; error: string } {
  const out: { ok: true; sinceMs?: number; untilMs?: number } = { ok: true }
  if (values.since !== '') {
    const since = parseTimestamp(values.since, nowMs)
    if (!since.ok) return { ok: false, error: `invalid value for "since": ${since.error}` }
    out.sinceMs = since.ms
  }
  if (values.until !== '') {
    const until = parseTimestamp(values.until, nowMs)
    if (!until.ok) return { ok: false, error: `invalid value for "until": ${until.error}` }
    out.untilMs = until.ms
  }
  return out
}

export const containerLogs = dockerCommand({
  path: 'docker container logs',
  use: '[OPTIONS] CONTAINER',
  short: 'Fetch the logs of a container',
  aliases: ['docker container logs', 'docker logs'],
  args: { kind: 'exact', count: 1 },
  flags: () =>
    new FlagSet([
      { name: 'details', type: 'bool', usage: 'Show extra details provided to logs' },
      { name: 'follow', shorthand: 'f', type: 'bool', usage: 'Follow log output' },
      { name: 'since', type: 'string', usage: TIME_USAGE('since timestamp') },
      {
        name: 'tail',
        shorthand: 'n',
        type: 'string',
        default: 'all',
        usage: 'Number of lines to show from the end of the logs',
      },
      { name: 'timestamps', shorthand: 't', type: 'bool', usage: 'Show timestamps' },
      { name: 'until', type: 'string', usage: TIME_USAGE('before a timestamp') },
    ] as const),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const ref = args[0] ?? ''
    const record = ctx.engine.findContainer(ref)
    if (!record) return daemonFailure(`No such container: ${ref}`)
    const times = parseSinceUntil(values, ctx.shell.clock.now())
    if (!times.ok) return { stdout: '', stderr: `${times.error}\n`, exitCode: 1 }
    // The daemon reads --tail with strconv.Atoi and shows everything when that fails.
    const tail = /^[+-]?\d+$/.test(values.tail) ? Number(values.tail) : -1
    const selection = {
      sinceMs: times.sinceMs,
      untilMs: times.untilMs,
      tail,
      timestamps: values.timestamps,
    }
    const entries = selectLogs(record.logs, selection)
    const tty = ctx.shell.tty
    if (values.follow && tty !== undefined) {
      for (const entry of entries)
        tty.write(logLine(entry, values.timestamps).replace(/\n/g, '\r\n'))
      const ending = await followToTty(record, record.logs.length, tty, ctx, {
        timestamps: values.timestamps,
        ...(times.untilMs === undefined ? {} : { untilMs: times.untilMs }),
      })
      return { stdout: '', stderr: '', exitCode: ending === 'interrupted' ? 130 : 0 }
    }
    let stdout = ''
    let stderr = ''
    // A container with a TTY wrote through a pseudo-terminal, which ends lines with \r\n; its
    // log keeps those bytes, and all of it is one stream.
    const ending = (line: string): string =>
      record.config.Tty ? line.replace(/\n$/, '\r\n') : line
    for (const entry of entries) {
      const line = ending(logLine(entry, values.timestamps))
      if (entry.stream === 'stdout' || record.config.Tty) stdout += line
      else stderr += line
    }
    return { stdout, stderr, exitCode: 0 }
  },
})
