/**
 * Service-prefixed log lines as compose prints them (cmd/formatter/logs.go): `web-1  | text`,
 * the name padded to the longest one plus a space, the whole `web-1  | ` prefix in the
 * container's colour of compose's rainbow when colours are on. A container's end is a status
 * line, `web-1 exited with code 0`, which compose starts with goterm's RESET_LINE (`\r` and
 * erase-line, to clear the navigation menu) whether or not it colours it.
 */
import type { ContainerRecord, LogEntry } from '../../docker/engine/container-record'
import { shortContainerName } from '../project/names'

/** compose's rainbow: cyan, yellow, green, magenta, blue, then their intense forms. */
const RAINBOW = ['36', '33', '32', '35', '34', '36;1', '33;1', '32;1', '35;1', '34;1']

/** goterm.RESET_LINE: carriage return, then erase to the end of the line. */
export const RESET_LINE = '\r\u001b[K'

export interface LogPrinterOptions {
  project: string
  color: boolean
  prefix: boolean
  timestamps: boolean
}

export class LogPrinter {
  private readonly colors = new Map<string, string | undefined>()
  private width = 0

  constructor(private readonly options: LogPrinterOptions) {}

  /** Registers containers in order: each takes the next colour. */
  register(containers: readonly ContainerRecord[]): void {
    for (const c of containers) {
      const name = this.nameOf(c)
      if (this.colors.has(name)) continue
      this.colors.set(
        name,
        this.options.color ? RAINBOW[this.colors.size % RAINBOW.length] : undefined,
      )
    }
    this.width = Math.max(0, ...[...this.colors.keys()].map((n) => n.length)) + 1
  }

  nameOf(c: ContainerRecord): string {
    return shortContainerName(this.options.project, c.name)
  }

  private paint(name: string, text: string): string {
    const code = this.colors.get(name)
    return code === undefined ? text : `\u001b[${code}m${text}\u001b[0m`
  }

  line(c: ContainerRecord, entry: LogEntry): string {
    const name = this.nameOf(c)
    if (!this.colors.has(name)) this.register([c])
    const stamp = this.options.timestamps
      ? `${new Date(entry.timeMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} `
      : ''
    if (!this.options.prefix) return `${stamp}${entry.text}\n`
    const prefix = this.paint(name, `${name.padEnd(this.width)} | `)
    return `${prefix}${stamp}${entry.text}\n`
  }

  status(c: ContainerRecord, message: string): string {
    const name = this.nameOf(c)
    return this.paint(name, `${RESET_LINE}${name} ${message}\n`)
  }
}
