/**
 * Go's text/tabwriter (elastic tabstops), cell for cell:
 * - text is split into cells terminated by `\t` (or soft `\v`); a line break ends the line, and
 *   the last cell of a line (the text after its last tab) belongs to no column;
 * - a column block is a run of consecutive lines that all have a cell in that column; its width is
 *   the widest cell plus padding (at least minwidth);
 * - a line with a single cell ends every block (Go flushes there), and so does `\f`.
 *
 * Two variants are in use: docker's fork (cli/command/formatter/tabwriter) measures cells with
 * go-runewidth (East Asian wide characters count 2), kubectl's (github.com/liggitt/tabwriter, flag
 * RememberWidths) keeps each column's widest width across blocks and flushes. The presets below
 * hold their parameters: docker `NewWriter(out, 10, 1, 3, ' ', 0)`
 * (cli/command/formatter/formatter.go), kubectl `(6, 4, 3, ' ', RememberWidths)`
 * (cli-runtime printers/tabwriter.go).
 */

export interface TabwriterOptions {
  /** Minimal cell width including any padding. */
  minwidth: number
  /** Width of a tab character in the output (used when padding with tabs). */
  tabwidth: number
  /** Padding added to a cell before computing its width. */
  padding: number
  /** The padding character; '\t' pads with tabs (and forces left alignment). */
  padchar: string
  alignRight?: boolean
  /** Handle columns made only of empty soft-tab (`\v`) cells as if absent. */
  discardEmptyColumns?: boolean
  /** Pad leading empty cells with tabs whatever the padchar. */
  tabIndent?: boolean
  /** Print '|' between columns. */
  debug?: boolean
  /** liggitt/tabwriter: a column never gets narrower than it has been (kubectl, `get -w`). */
  rememberWidths?: boolean
  /** How many terminal cells a text takes; Go counts runes. */
  cellWidth?: (text: string) => number
}

interface Cell {
  text: string
  width: number
  htab: boolean
}

/** Go's utf8.RuneCount. */
export function runeCount(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length
  let n = 0
  for (const _ of text) n++
  return n
}

/** Most cells: every character one column wide, no need to walk code points. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

/** go-runewidth's StringWidth, approximately: wide East Asian forms 2, combining marks 0. */
export function eastAsianWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length
  let n = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp < 0x300) n += cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 0 : 1
    else if (/^[\p{Mn}\p{Me}\p{Cf}]$/u.test(ch)) n += 0
    else if (isWide(cp)) n += 2
    else n += 1
  }
  return n
}

const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f5],
  [0x26fa, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
]

function isWide(cp: number): boolean {
  for (const [from, to] of WIDE_RANGES) {
    if (cp < from) return false
    if (cp <= to) return true
  }
  return false
}

/** docker's table writer: `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)` with rune widths. */
export const DOCKER_TABWRITER: TabwriterOptions = {
  minwidth: 10,
  tabwidth: 1,
  padding: 3,
  padchar: ' ',
  cellWidth: eastAsianWidth,
}

/** kubectl's table writer: `(6, 4, 3, ' ', tabwriter.RememberWidths)`. */
export const KUBECTL_TABWRITER: TabwriterOptions = {
  minwidth: 6,
  tabwidth: 4,
  padding: 3,
  padchar: ' ',
  rememberWidths: true,
}

/**
 * A streaming writer: `write` text in any pieces, `flush` to get what became final. Output comes
 * back as strings rather than going to an io.Writer; `write` returns what a Go writer would have
 * emitted at that point (Go formats early whenever a line holds a single cell).
 */
export class Tabwriter {
  private lines: Cell[][] = [[]]
  private cell = ''
  private widths: number[] = []
  private maxWidths: number[] = []
  private out = ''
  private readonly opts: Required<Omit<TabwriterOptions, 'cellWidth'>> & {
    cellWidth: (text: string) => number
  }

  constructor(options: TabwriterOptions) {
    if (options.minwidth < 0 || options.tabwidth < 0 || options.padding < 0) {
      throw new RangeError('negative minwidth, tabwidth, or padding')
    }
    this.opts = {
      alignRight: false,
      discardEmptyColumns: false,
      tabIndent: false,
      debug: false,
      rememberWidths: false,
      cellWidth: runeCount,
      ...options,
    }
    if (this.opts.padchar === '\t') this.opts.alignRight = false
  }

  /** Adds text; returns the output that this write made final. */
  write(text: string): string {
    // Cells are sliced between control characters (all ASCII, so slicing by UTF-16 index never
    // splits a character): a big table is a few thousand slices, not a concatenation per char.
    let start = 0
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code !== 9 && code !== 10 && code !== 11 && code !== 12) continue
      this.cell += text.slice(start, i)
      start = i + 1
      const ncells = this.terminateCell(code === 9)
      if (code === 10 || code === 12) {
        this.lines.push([])
        if (code === 12 || ncells === 1) {
          this.flushInternal()
          if (code === 12 && this.opts.debug) this.out += '---\n'
        }
      }
    }
    this.cell += text.slice(start)
    return this.take()
  }

  /** Formats everything still buffered; returns the output not yet returned. */
  flush(): string {
    this.flushInternal()
    return this.take()
  }

  /** The widest width seen per column (RememberWidths only). */
  rememberedWidths(): number[] {
    return [...this.maxWidths]
  }

  private take(): string {
    const out = this.out
    this.out = ''
    return out
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1] ?? []
    line.push({ text: this.cell, width: this.opts.cellWidth(this.cell), htab })
    this.cell = ''
    return line.length
  }

  private flushInternal(): void {
    if (this.cell.length > 0) this.terminateCell(false)
    this.format(0, this.lines.length)
    this.lines = [[]]
    this.cell = ''
    this.widths = []
  }

  private format(line0: number, line1: number): void {
    let start = line0
    const column = this.widths.length
    for (let current = line0; current < line1; current++) {
      const line = this.lines[current] ?? []
      if (column >= line.length - 1) continue
      // This line has a cell in this column: it starts a block.
      this.writeLines(start, current)
      start = current
      let width = this.opts.minwidth
      let discardable = true
      for (; current < line1; current++) {
        const l = this.lines[current] ?? []
        if (column >= l.length - 1) break
        const c = l[column]
        if (c === undefined) break
        width = Math.max(width, c.width + this.opts.padding)
        if (c.width > 0 || c.htab) discardable = false
      }
      if (discardable && this.opts.discardEmptyColumns) width = 0
      if (this.opts.rememberWidths) {
        if (this.maxWidths.length < this.widths.length) {
          this.maxWidths.push(...this.widths.slice(this.maxWidths.length))
        }
        const remembered = this.maxWidths[this.widths.length]
        if (remembered === undefined) this.maxWidths.push(width)
        else if (remembered > width) width = remembered
        else this.maxWidths[this.widths.length] = width
      }
      this.widths.push(width)
      this.format(start, current)
      this.widths.pop()
      // Like Go, the loop's increment then skips the line that ended the block: it has no cell in
      // this column, so it could not start another one.
      start = current
    }
    this.writeLines(start, line1)
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i] ?? []
      let useTabs = this.opts.tabIndent
      line.forEach((c, j) => {
        if (j > 0 && this.opts.debug) this.out += '|'
        const colWidth = this.widths[j]
        if (c.text.length === 0) {
          if (colWidth !== undefined) this.writePadding(c.width, colWidth, useTabs)
          return
        }
        useTabs = false
        if (!this.opts.alignRight) {
          this.out += c.text
          if (colWidth !== undefined) this.writePadding(c.width, colWidth, false)
        } else {
          if (colWidth !== undefined) this.writePadding(c.width, colWidth, false)
          this.out += c.text
        }
      })
      if (i + 1 === this.lines.length) {
        // The last buffered line has no newline yet: write what is pending of it.
        this.out += this.cell
      } else {
        this.out += '\n'
      }
    }
  }

  private writePadding(textw: number, cellw: number, useTabs: boolean): void {
    if (this.opts.padchar === '\t' || useTabs) {
      if (this.opts.tabwidth === 0) return
      const w = Math.ceil(cellw / this.opts.tabwidth) * this.opts.tabwidth
      const n = w - textw
      this.out += '\t'.repeat(Math.ceil(n / this.opts.tabwidth))
      return
    }
    this.out += this.opts.padchar.repeat(Math.max(cellw - textw, 0))
  }
}

/** Formats a whole text at once (write then flush). */
export function tabwrite(text: string, options: TabwriterOptions): string {
  const w = new Tabwriter(options)
  return w.write(text) + w.flush()
}
