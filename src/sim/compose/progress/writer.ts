/**
 * Compose v2's progress display (docker/compose pkg/progress), written to stderr:
 * - plain (no terminal, or `--progress plain`): one line per event, as Go's Println joins
 *   `"" ID Text StatusText`, so ` Container app-web-1  Started`;
 * - tty (a terminal): the `[+] Running 3/3` block, one line per resource with its spinner
 *   (`✔` done, `✘` error), the status aligned after the longest id, and the elapsed time
 *   right-aligned to the terminal width. Quai prints the block's final frame once (the frames a
 *   real terminal redraws in between end up looking the same);
 * - json (`--progress json`): one JSON object per event, `{"id":…,"text":…,"status":…}` with
 *   empty fields left out (pkg/progress/json.go), `{"tail":true,"text":…}` for a tail message;
 * - quiet: nothing.
 * An event has an id (`Container app-web-1`), an optional text after it (`Skipped` for push)
 * and a status text (`Started`). Times come from the virtual clock.
 */

import { goJson } from '../go-json'

export type ProgressStatus = 'working' | 'done' | 'warning' | 'error'
export type ProgressMode = 'plain' | 'tty' | 'quiet' | 'json'

interface Task {
  id: string
  text: string
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
  /**
   * COMPOSE_STATUS_STDOUT: where the display goes instead of the command's stderr (compose's
   * stdinfo() is then stdout); finish() hands it over and returns nothing for stderr.
   */
  sink?: (text: string) => void
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

  event(id: string, status: ProgressStatus, statusText: string, text = ''): void {
    const now = this.options.now()
    const { mode } = this.options
    if (mode === 'plain') {
      // Go's Println(prefix, ID, Text, StatusText): the four joined by spaces.
      const prefix = this.options.dryRun ? DRY_RUN_PREFIX : ''
      this.plain += `${prefix} ${id} ${text} ${statusText}\n`
    } else if (mode === 'json') {
      this.plain += `${jsonLine({ id, text, status: statusText }, this.options.dryRun)}\n`
    }
    const last = this.tasks.get(id)
    if (!last) {
      this.tasks.set(id, {
        id,
        text,
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
    last.text = text
  }

  /** A message printed after the block (TailMsgf). */
  tail(message: string): void {
    const { mode, dryRun } = this.options
    if (mode === 'plain') this.plain += `${dryRun ? DRY_RUN_PREFIX : ''} ${message}\n`
    else if (mode === 'json') this.plain += `${jsonLine({ tail: true, text: message }, dryRun)}\n`
    else this.tails.push(message)
  }

  get isEmpty(): boolean {
    return this.tasks.size === 0 && this.tails.length === 0
  }

  /** Everything the writer printed, for stderr (or for its sink). */
  finish(): string {
    const text = this.render()
    if (this.options.sink === undefined) return text
    this.options.sink(text)
    return ''
  }

  private render(): string {
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
    const padTo = Math.max(...tasks.map((t) => `${t.id} ${t.text}`.length))
    const now = this.options.now()
    const lines = tasks.map((t) => {
      const txt = `${t.id} ${t.text}`
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

/**
 * pkg/progress/json.go's jsonMessage: `dry-run`, `tail`, `id`, `text`, `status` in that order,
 * each left out when empty (omitempty), as Go's json.Marshal writes it.
 */
function jsonLine(
  fields: { tail?: boolean; id?: string; text?: string; status?: string },
  dryRun: boolean | undefined,
): string {
  const message: Record<string, string | boolean> = {}
  if (dryRun) message['dry-run'] = true
  if (fields.tail) message.tail = true
  if (fields.id) message.id = fields.id
  if (fields.text) message.text = fields.text
  if (fields.status) message.status = fields.status
  return goJson(message)
}
