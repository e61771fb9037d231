/**
 * Build progress as the docker CLI (buildx 0.24, BuildKit's progressui) prints it: the plain
 * form for a pipe or `--progress=plain` (printer.go: `#N name`, statuses, `#N 0.123 log line`,
 * `#N DONE 0.4s`), the terminal form (display.go: `[+] Building 2.1s (8/8) FINISHED`, one
 * `=> ` line per vertex and status, times right-aligned, completed lines in blue), then what
 * follows a build: the failed step's last log lines, lint warnings, the Dockerfile excerpt of
 * the error (solver/errdefs source.go) and `ERROR: …`.
 */
import type { BuildFailure, BuildTrace, BuildWarning, Vertex } from './trace'

/** tonistiigi/units Bytes with %.2f: `123B`, `7.67kB`, `40.01MB` (decimal units). */
export function formatBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB']
  let value = n
  let i = 0
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000
    i++
  }
  return i === 0 ? `${n}B` : `${value.toFixed(2)}${units[i] ?? ''}`
}

const seconds = (ms: number): number => ms / 1000

function logTime(sinceStartMs: number): string {
  const sec = seconds(sinceStartMs)
  const precision = sec < 10 ? 3 : sec < 100 ? 2 : 1
  return sec.toFixed(precision)
}

function statusBytes(current: number, total: number): string {
  if (total !== 0) return `${formatBytes(current)} / ${formatBytes(total)}`
  if (current !== 0) return formatBytes(current)
  return ''
}

function logLine(v: Vertex, log: { atMs: number; text: string }): string {
  return `${logTime(log.atMs - v.startedMs)} ${log.text}`
}

/** `--progress=plain`: every vertex with its statuses, logs and end. */
export function renderPlain(trace: BuildTrace): string {
  let out = `#0 ${trace.description}\n`
  for (const v of trace.vertexes) {
    out += `\n#${v.index} ${v.name}\n`
    for (const s of v.statuses) {
      const bytes = statusBytes(s.current, s.total)
      const end = s.completedMs ?? s.startedMs
      const diff = seconds(end - s.startedMs)
      const tm =
        (diff > 0.01 ? ` ${diff.toFixed(1)}s` : '') + (s.completedMs !== undefined ? ' done' : '')
      out += `#${v.index} ${s.id}${bytes === '' ? '' : ` ${bytes}`}${tm}\n`
    }
    for (const log of v.logs) out += `#${v.index} ${logLine(v, log)}\n`
    if (v.completedMs === undefined) continue
    if (v.error !== undefined) out += `#${v.index} ERROR: ${v.error}\n`
    else if (v.cached) out += `#${v.index} CACHED\n`
    else out += `#${v.index} DONE ${seconds(v.completedMs - v.startedMs).toFixed(1)}s\n`
  }
  return out
}

const BLUE = '\u001b[34m'
const RED = '\u001b[31m'
const RESET = '\u001b[0m'
const HIDE = '\u001b[?25l'
const SHOW = '\u001b[?25h'

interface Job {
  name: string
  status: string
  startedMs: number
  completedMs: number | undefined
  error: boolean
}

function align(left: string, right: string, width: number): string {
  const pad = Math.max(0, width - right.length - 1)
  return `${left.padEnd(pad, ' ')} ${right}`
}

/**
 * One frame of the terminal view (display.go ttyDisplay.print), with the cursor moves that
 * redraw it over the previous one. `previousLines` is how many job lines the last frame had.
 */
export function renderTtyFrame(
  trace: BuildTrace,
  options: {
    width: number
    height: number
    nowMs: number
    final: boolean
    previousLines: number | undefined
  },
): { text: string; lines: number } {
  const { width, nowMs, final } = options
  let jobs: Job[] = []
  for (const v of trace.vertexes) {
    let name = v.name.replace(/\t/g, ' ')
    if (v.error !== undefined) name = `ERROR ${name}`
    if (v.cached) name = `CACHED ${name}`
    jobs.push({
      name,
      status: '',
      startedMs: v.startedMs,
      completedMs: v.completedMs,
      error: v.error !== undefined,
    })
    for (const s of v.statuses)
      jobs.push({
        name: `=> ${s.id}`,
        status: statusBytes(s.current, s.total),
        startedMs: s.startedMs,
        completedMs: s.completedMs,
        error: false,
      })
  }
  // wrapHeight: while redrawing, only the last lines that fit on the screen.
  const limit = options.height - 2
  if (!final && limit >= 0 && jobs.length > limit) jobs = jobs.slice(jobs.length - limit)
  const total = trace.vertexes.length
  const completed = trace.vertexes.filter((v) => v.completedMs !== undefined).length
  const start = trace.vertexes[0]?.startedMs ?? nowMs
  let out = ''
  if (options.previousLines === undefined) out += '\u001b[1A\u001b[1B\u001b[0G'
  else out += `${'\u001b[1A'.repeat(options.previousLines + 1)}\u001b[0G`
  out += HIDE
  const statusText = completed > 0 && completed === total && final ? 'FINISHED' : ''
  let header = align(
    `[+] Building ${seconds(nowMs - start).toFixed(1)}s (${completed}/${total}) ${statusText}`,
    'docker:default',
    width - 1,
  )
  if (header.length > width) header = header.slice(0, width)
  out += `${header}\n`
  let lines = 0
  for (const job of jobs) {
    let dt = seconds((job.completedMs ?? nowMs) - job.startedMs)
    if (dt < 0.05) dt = 0
    const pfx = ' => '
    const timer = ` ${dt.toFixed(1).padStart(3, ' ')}s\n`
    let left = width - pfx.length - timer.length - 1
    let showStatus = false
    if (job.status !== '' && left + job.status.length > 20) {
      showStatus = true
      left -= job.status.length + 1
    }
    if (left < 12) continue
    const name = job.name.length > left ? job.name.slice(0, left) : job.name
    let line = align(pfx + name + (showStatus ? ` ${job.status}` : ''), timer, width)
    if (job.completedMs !== undefined) line = `${job.error ? RED : BLUE}${line}${RESET}`
    out += line
    lines++
  }
  const previous = options.previousLines ?? 0
  if (previous > lines) {
    out += `${' '.repeat(width)}\n`.repeat(previous - lines)
    out += `${'\u001b[1A'.repeat(previous - lines)}\u001b[0G`
  }
  out += SHOW
  return { text: out, lines }
}

/** printErrorLogs: each failed vertex's name and last ten log lines. */
export function renderErrorLogs(trace: BuildTrace): string {
  let out = ''
  for (const v of trace.vertexes) {
    if (v.error === undefined) continue
    out += `------\n > ${v.name}:\n`
    for (const log of v.logs.slice(-10)) out += `${logLine(v, log)}\n`
    out += '------\n'
  }
  return out
}

/** printWarnings: the lint findings, after the progress. */
export function renderWarnings(warnings: readonly BuildWarning[]): string {
  if (warnings.length === 0) return ''
  const count = warnings.length === 1 ? '1 warning found' : `${warnings.length} warnings found`
  let out = `\n \u001b[33m${count} (use docker --debug to expand):\n${RESET}`
  for (const w of warnings) out += ` - ${w.rule}: ${w.message} (line ${w.line})\n`
  return out
}

/** The Dockerfile excerpt BuildKit prints above an error that has a source location. */
export function renderSource(source: NonNullable<BuildFailure['source']>): string {
  const lines = source.text.split('\n')
  let start = source.start
  let end = Math.max(source.end, source.start)
  if (start > lines.length || start < 1) return ''
  if (end > lines.length) end = lines.length
  const pad = end === start ? 4 : 2
  const first = start
  let p = 0
  while (p < pad) {
    if (start > 1) {
      start--
      p++
    }
    if (end !== lines.length) {
      end++
      p++
    }
    p++
  }
  let out = `${source.filename}:${first}\n--------------------\n`
  for (let i = start; i <= end; i++) {
    const marker = i >= source.start && i <= Math.max(source.end, source.start) ? '>>>' : '   '
    out += ` ${String(i).padStart(3, ' ')} | ${marker} ${lines[i - 1] ?? ''}\n`
  }
  return `${out}--------------------\n`
}

/** What follows the progress when a build fails: the excerpt, then `ERROR: …`. */
export function renderFailure(failure: BuildFailure): string {
  return `${failure.source ? renderSource(failure.source) : ''}ERROR: ${failure.message}\n`
}
