import { isExecutable, modeString, type FileFacts } from './file-facts'
import { humanSize } from './human-size'
import { needsQuoting, shellEscape } from './quoting'
import { strftime } from './time-format'
import { stringWidth } from '../terminal/text-width'

/**
 * How GNU ls 9.1 lays a listing out: names (quoting, colour, -F marks), the long format's aligned
 * columns, and the column fitting of plain `ls` on a terminal (ls.c: calculate_columns,
 * print_many_per_line, indent). Kept apart from ls.ts, which decides what to list.
 */

export type Quoting = 'literal' | 'shell-escape' | 'shell-escape-always' | 'c' | 'escape'
export type Indicator = 'none' | 'slash' | 'file-type' | 'classify'

export interface Entry {
  /** The name as it is printed: a directory entry's name, or an operand as typed. */
  name: string
  facts: FileFacts
  /** For a symlink: what it resolves to, or undefined when it dangles. */
  target?: FileFacts
  /** `ls -L` on a dangling symlink: nothing is known but the name (shown as `?`). */
  unknown?: boolean
}

export interface Display {
  quoting: Quoting
  indicator: Indicator
  color: boolean
  /** Terminal listing with shell-escape quoting: unquoted names get a space to line up. */
  alignQuotes: boolean
  human: 0 | 1024 | 1000
  inode: boolean
  blocks: boolean
  numeric: boolean
  owner: boolean
  group: boolean
  timeStyle: string
  nowMs: number
  width: number
  tabSize: number
}

/** ls's built-in colours (no LS_COLORS set): dircolors' defaults for the main file types. */
function colorOf(entry: Entry): string | undefined {
  const { kind, perms } = entry.facts
  if (kind === 'symlink') return '01;36'
  if (kind === 'char-device') return '01;33'
  if (kind === 'directory') {
    const sticky = (perms & 0o1000) !== 0
    const otherWritable = (perms & 0o002) !== 0
    if (sticky && otherWritable) return '30;42'
    if (otherWritable) return '34;42'
    if (sticky) return '37;44'
    return '01;34'
  }
  if (perms & 0o4000) return '37;41'
  if (perms & 0o2000) return '30;43'
  if (isExecutable(entry.facts)) return '01;32'
  return undefined
}

function indicatorOf(facts: FileFacts | undefined, style: Indicator): string {
  if (facts === undefined || style === 'none') return ''
  if (facts.kind === 'directory') return '/'
  if (style === 'slash') return ''
  if (facts.kind === 'symlink') return '@'
  if (style === 'classify' && isExecutable(facts)) return '*'
  return ''
}

const C_STYLE: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
}

function escapeC(name: string, quoteChar: string): string {
  let out = ''
  for (const ch of name) {
    const code = ch.charCodeAt(0)
    if (C_STYLE[ch] !== undefined) out += C_STYLE[ch]
    else if (ch === quoteChar) out += `\\${ch}`
    else if (code < 0x20 || code === 0x7f) out += '\\' + code.toString(8).padStart(3, '0')
    else out += ch
  }
  return out
}

export function quoteName(name: string, quoting: Quoting): string {
  switch (quoting) {
    case 'literal':
      return name
    case 'shell-escape':
      return shellEscape(name)
    case 'shell-escape-always':
      return needsQuoting(name) ? shellEscape(name) : `'${name}'`
    case 'c':
      return `"${escapeC(name, '"')}"`
    case 'escape':
      return escapeC(name, ' ')
  }
}

/** Terminal cells a name takes (wide CJK characters two, combining marks none), as wcwidth. */
export function cells(text: string): number {
  return stringWidth(text)
}

/** Renders names for one listing, sharing the state GNU keeps per listing. */
export class NamePrinter {
  private readonly someQuoted: boolean

  constructor(
    private readonly display: Display,
    entries: readonly Entry[],
  ) {
    this.someQuoted =
      display.alignQuotes &&
      entries.some((e) => quoteName(e.name, display.quoting) !== e.name) &&
      (display.quoting === 'shell-escape' || display.quoting === 'shell-escape-always')
  }

  /** Width of the name with its alignment space and -F mark, as the column fitting counts it. */
  width(entry: Entry, withIndicator = true): number {
    const quoted = quoteName(entry.name, this.display.quoting)
    const pad = this.someQuoted && quoted === entry.name ? 1 : 0
    const mark = withIndicator ? this.indicator(entry).length : 0
    return pad + cells(quoted) + mark
  }

  indicator(entry: Entry): string {
    return indicatorOf(entry.facts, this.display.indicator)
  }

  name(entry: Entry, withIndicator = true): string {
    const quoted = quoteName(entry.name, this.display.quoting)
    const pad = this.someQuoted && quoted === entry.name ? ' ' : ''
    let shown = quoted
    const color = this.display.color ? colorOf(entry) : undefined
    if (color !== undefined && entry.unknown !== true) shown = `\x1b[${color}m${quoted}\x1b[0m`
    return pad + shown + (withIndicator ? this.indicator(entry) : '')
  }

  /** A symlink's target after ` -> ` in the long format. */
  target(entry: Entry): string {
    const quoted = quoteName(entry.facts.target ?? '', this.display.quoting)
    return quoted + indicatorOf(entry.target, this.display.indicator)
  }
}

export function sizeText(bytes: number, human: 0 | 1024 | 1000): string {
  return human === 0 ? String(bytes) : humanSize(bytes, human)
}

export function blocksText(blocks: number, human: 0 | 1024 | 1000): string {
  if (human === 0) return String(blocks)
  return blocks === 0 ? '0' : humanSize(blocks * 1024, human)
}

const HALF_YEAR_MS = (31556952 / 2) * 1000

export function timeText(mtimeMs: number, display: Display): string {
  const style = display.timeStyle
  const recent = mtimeMs > display.nowMs - HALF_YEAR_MS && mtimeMs <= display.nowMs
  if (style.startsWith('+')) {
    const [older, newer] = style.slice(1).split('\n')
    return strftime(mtimeMs, recent && newer !== undefined ? newer : (older ?? ''))
  }
  switch (style) {
    case 'full-iso':
      return strftime(mtimeMs, '%Y-%m-%d %H:%M:%S.%N %z')
    case 'long-iso':
      return strftime(mtimeMs, '%Y-%m-%d %H:%M')
    case 'iso':
      return strftime(mtimeMs, recent ? '%m-%d %H:%M' : '%Y-%m-%d ')
    default:
      return strftime(mtimeMs, recent ? '%b %e %H:%M' : '%b %e  %Y')
  }
}

/**
 * The `-l` lines of one listing, columns aligned across it, or across `sizing` when given: GNU
 * sizes the columns of command-line files by every operand, directories included.
 */
export function longLines(
  entries: readonly Entry[],
  display: Display,
  sizing: readonly Entry[] = entries,
): string[] {
  const printer = new NamePrinter(display, entries)
  const row = (entry: Entry) => {
    const f = entry.facts
    if (entry.unknown === true)
      return {
        inode: '?',
        blocks: '?',
        mode: modeString(f.kind, 0).slice(0, 1) + '?'.repeat(9),
        links: '?',
        owner: '?',
        group: '?',
        size: { plain: '?' },
        time: '?',
      }
    const size = f.device
      ? { major: String(f.device[0]), minor: String(f.device[1]) }
      : { plain: sizeText(f.size, display.human) }
    return {
      inode: String(f.inode),
      blocks: blocksText(f.blocks, display.human),
      mode: modeString(f.kind, f.perms),
      links: String(f.links),
      owner: display.numeric ? String(f.uid) : f.owner,
      group: display.numeric ? String(f.gid) : f.group,
      size,
      time: timeText(f.mtimeMs, display),
    }
  }
  const rows = entries.map(row)
  const measured = sizing === entries ? rows : sizing.map(row)
  const widest = (pick: (r: (typeof rows)[number]) => string): number =>
    Math.max(0, ...measured.map((r) => cells(pick(r))))
  const inodeW = widest((r) => r.inode)
  const blocksW = widest((r) => r.blocks)
  const linksW = widest((r) => r.links)
  const ownerW = widest((r) => r.owner)
  const groupW = widest((r) => r.group)
  const majorW = widest((r) => r.size.major ?? '')
  const minorW = widest((r) => r.size.minor ?? '')
  const deviceW = majorW > 0 ? majorW + 2 + minorW : 0
  const sizeW = Math.max(
    deviceW,
    widest((r) => r.size.plain ?? ''),
  )
  const timeW = widest((r) => r.time)
  return rows.map((r, i) => {
    const entry = entries[i]
    let line = ''
    if (display.inode) line += r.inode.padStart(inodeW) + ' '
    if (display.blocks) line += r.blocks.padStart(blocksW) + ' '
    line += `${r.mode} ${r.links.padStart(linksW)} `
    if (display.owner) line += r.owner.padEnd(ownerW) + ' '
    if (display.group) line += r.group.padEnd(groupW) + ' '
    const size =
      r.size.plain ??
      `${(r.size.major ?? '').padStart(sizeW - minorW - 2)}, ${(r.size.minor ?? '').padStart(minorW)}`
    const time = entry?.unknown === true ? r.time.padStart(timeW) : r.time
    line += `${size.padStart(sizeW)} ${time} `
    if (entry === undefined) return line
    if (entry.facts.kind === 'symlink' && entry.unknown !== true) {
      line += `${printer.name(entry, false)} -> ${printer.target(entry)}`
    } else line += printer.name(entry)
    return line
  })
}

/** GNU ls pads with tabs where a tab reaches the next column, then spaces (ls.c: indent). */
function indent(from: number, to: number, tabSize: number): string {
  let out = ''
  while (from < to) {
    if (tabSize !== 0 && Math.floor(to / tabSize) > Math.floor((from + 1) / tabSize)) {
      out += '\t'
      from += tabSize - (from % tabSize)
    } else {
      out += ' '
      from++
    }
  }
  return out
}

interface Cell {
  text: string
  width: number
}

function prefixCells(entries: readonly Entry[], display: Display): Cell[] {
  const printer = new NamePrinter(display, entries)
  const inodes = entries.map((e) => String(e.facts.inode))
  const blocks = entries.map((e) => blocksText(e.facts.blocks, display.human))
  const inodeW = Math.max(0, ...inodes.map((s) => s.length))
  const blocksW = Math.max(0, ...blocks.map((s) => s.length))
  return entries.map((entry, i) => {
    let prefix = ''
    if (display.inode) prefix += (inodes[i] ?? '').padStart(inodeW) + ' '
    if (display.blocks) prefix += (blocks[i] ?? '').padStart(blocksW) + ' '
    return {
      text: prefix + printer.name(entry),
      width: prefix.length + printer.width(entry),
    }
  })
}

export function singleColumn(entries: readonly Entry[], display: Display): string {
  return prefixCells(entries, display)
    .map((c) => c.text + '\n')
    .join('')
}

const MIN_COLUMN_WIDTH = 3

/** `ls -C` (down columns) and `ls -x` (across): the most columns that fit the line. */
export function columns(entries: readonly Entry[], display: Display, across: boolean): string {
  const cellsOut = prefixCells(entries, display)
  const n = cellsOut.length
  if (n === 0) return ''
  const lineLength = display.width
  let maxIdx = lineLength === 0 ? n : Math.floor(lineLength / MIN_COLUMN_WIDTH)
  if (lineLength !== 0 && lineLength % MIN_COLUMN_WIDTH !== 0) maxIdx++
  const maxCols = maxIdx > 0 && maxIdx < n ? maxIdx : n
  const fits = Array.from({ length: maxCols }, (_, i) => ({
    valid: true,
    lineLen: (i + 1) * MIN_COLUMN_WIDTH,
    widths: new Array<number>(i + 1).fill(MIN_COLUMN_WIDTH),
  }))
  cellsOut.forEach((cell, fileNo) => {
    for (let i = 0; i < maxCols; i++) {
      const fit = fits[i]
      if (fit === undefined || !fit.valid) continue
      const idx = across ? fileNo % (i + 1) : Math.floor(fileNo / Math.floor((n + i) / (i + 1)))
      const real = cell.width + (idx === i ? 0 : 2)
      const current = fit.widths[idx] ?? 0
      if (current < real) {
        fit.lineLen += real - current
        fit.widths[idx] = real
        fit.valid = lineLength === 0 || fit.lineLen < lineLength
      }
    }
  })
  let cols = maxCols
  while (cols > 1 && !fits[cols - 1]?.valid) cols--
  const widths = fits[cols - 1]?.widths ?? []
  let out = ''
  if (across) {
    let pos = 0
    cellsOut.forEach((cell, fileNo) => {
      const col = fileNo % cols
      out += cell.text
      if (col === cols - 1 || fileNo === n - 1) {
        out += '\n'
        pos = 0
      } else {
        const max = widths[col] ?? 0
        out += indent(pos + cell.width, pos + max, display.tabSize)
        pos += max
      }
    })
    return out
  }
  const rows = Math.ceil(n / cols)
  for (let row = 0; row < rows; row++) {
    let pos = 0
    let col = 0
    for (let fileNo = row; ;) {
      const cell = cellsOut[fileNo]
      if (cell === undefined) break
      const max = widths[col++] ?? 0
      out += cell.text
      fileNo += rows
      if (fileNo >= n) break
      out += indent(pos + cell.width, pos + max, display.tabSize)
      pos += max
    }
    out += '\n'
  }
  return out
}

/** `ls -m`: names separated by ", ", wrapped before the line would overflow. */
export function commas(entries: readonly Entry[], display: Display): string {
  const cellsOut = prefixCells(entries, display)
  let out = ''
  let pos = 0
  cellsOut.forEach((cell, i) => {
    const len = display.width === 0 ? 0 : cell.width
    if (i !== 0) {
      if (display.width === 0 || pos + len + 2 < display.width) {
        pos += 2
        out += ', '
      } else {
        pos = 0
        out += ',\n'
      }
    }
    out += cell.text
    pos += len
  })
  return out === '' ? '' : out + '\n'
}
