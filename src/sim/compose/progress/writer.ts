/**
 * Compose v2's progress display (docker/compose pkg/progress), written to stderr:
 * - plain (no terminal, or `--progress plain`): one line per event, as Go's Println joins
 *   `"" ID Text StatusText`, so ` Container app-web-1  Started`;
 * - tty (a terminal): the `[+] Running 3/3` block, one line per resource with its spinner
 *   (`✔` done, `✘` error), the status aligned after the longest id, and the elapsed time
 *   right-aligned to the terminal width. Quai prints the block's final frame once (the frames a
 *   real terminal redraws in between end up looking the same);
 * - quiet: nothing.
 * Times come from the virtual clock.
 */

export type ProgressStatus = 'working' | 'done' | 'warning' | 'error'
export type ProgressMode = 'plain' | 'tty' | 'quiet' | 'json'

interface Task {
  id: string
  status: ProgressStatus
  statusText: string
  startMs: number
  endMs: number | undefined
}

export interface ProgressOptions {
  mode: ProgressMode
  /** `Running`, `Pulling`, `Stopping`…: the block's title. */
  title: string
  /** Terminal width (tty mode). */
  width: number
  /** ANSI colours (tty mode, unless `--ansi never`). */
  color: boolean
  now: () => number
  dryRun?: boolean
}

const ESC = '\u001b['
const paint = (code: string, text: string, on: boolean): string =>
  on ? `${ESC}${code}m${text}${ESC}0m` : text

/** Visible length: runes outside ANSI colour sequences (compose's lenAnsi). */
function visibleLength(text: string): number {
  let length = 0
  let inCode = false
  for (const ch of text) {
    if (ch === '\u001b') inCode = true
    else if (inCode && ch === 'm') inCode = false
    else if (!inCode) length++
  }
  return length
}

const DRY_RUN_PREFIX = ' DRY-RUN MODE - '

export class ProgressWriter {
  private readonly tasks = new Map<string, Task>()
  private readonly tails: string[] = []
  private plain = ''

  constructor(private readonly options: ProgressOptions) {}

  event(id: string, status: ProgressStatus, statusText: string): void {
    const now = this.options.now()
    const { mode } = this.options
    if (mode === 'plain') {
      const prefix = this.options.dryRun ? DRY_RUN_PREFIX : ''
      this.plain += `${prefix} ${id}  ${statusText}\n`
    } else if (mode === 'json') {
      this.plain += `${JSON.stringify({ id, status: jsonStatus(status), text: statusText })}\n`
    }
    const last = this.tasks.get(id)
    if (!last) {
      this.tasks.set(id, {
        id,
        status,
        statusText,
        startMs: now,
        endMs: status === 'working' ? undefined : now,
      })
      return
    }
    if (status !== 'working' && last.status !== status) last.endMs = now
    if (status === 'working') last.endMs = undefined
    last.status = status
    last.statusText = statusText
  }

  /** A message printed after the block (TailMsgf). */
  tail(message: string): void {
    if (this.options.mode === 'plain') this.plain += `${message}\n`
    else this.tails.push(message)
  }

  get isEmpty(): boolean {
    return this.tasks.size === 0 && this.tails.length === 0
  }

  /** Everything the writer printed, for stderr. */
  finish(): string {
    const { mode } = this.options
    if (mode === 'quiet') return ''
    if (mode !== 'tty') return this.plain
    return this.frame() + this.tails.map((t) => `${t}\n`).join('')
  }

  private frame(): string {
    if (this.tasks.size === 0) return ''
    const { color, width, title } = this.options
    const tasks = [...this.tasks.values()]
    const done = tasks.filter((t) => t.status !== 'working').length
    let header = `[+] ${title} ${done}/${tasks.length}`
    if (done === tasks.length) header = paint('36', header, color)
    const padTo = Math.max(...tasks.map((t) => `${t.id} `.length))
    const now = this.options.now()
    const lines = tasks.map((t) => {
      const txt = `${t.id} `
      const padding = ' '.repeat(Math.max(0, padTo - txt.length))
      const prefix = this.options.dryRun ? paint('36', DRY_RUN_PREFIX, color) : ''
      let status = t.statusText
      const maxStatus = width - txt.length - padTo - 15
      if (maxStatus > 0 && status.length > maxStatus) status = `${status.slice(0, maxStatus)}...`
      const text = ` ${spinner(t.status, color)}${prefix} ${txt}${padding} ${statusColor(t.status, status, color)}`
      const elapsed = ((t.endMs ?? now) - t.startMs) / 1000
      const timer = paint('34', `${elapsed.toFixed(1)}s `, color)
      const gap = width - visibleLength(text) - visibleLength(timer)
      return `${text}${gap > 0 ? ' '.repeat(gap) : ''}${timer}\n`
    })
    return `${header}\n${lines.join('')}`
  }
}

function spinner(status: ProgressStatus, color: boolean): string {
  if (status === 'done') return paint('32', '✔', color)
  if (status === 'warning') return paint('33;1', '!', color)
  if (status === 'error') return paint('31;1', '✘', color)
  return paint('33', '⠿', color)
}

function statusColor(status: ProgressStatus, text: string, color: boolean): string {
  if (status === 'done') return paint('32', text, color)
  if (status === 'warning') return paint('33;1', text, color)
  if (status === 'error') return paint('31;1', text, color)
  return text
}

function jsonStatus(status: ProgressStatus): string {
  return { working: 'Working', done: 'Done', warning: 'Warning', error: 'Error' }[status]
}
