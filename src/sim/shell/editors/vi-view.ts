import { Frame, type Style, Styles } from './screen-buffer'
import type { TextBuffer } from './text-buffer'
import { clipToWidth, columnOf, layoutLine, textWidth } from './text-width'

/**
 * vim's screen: the text with 'wrap' on, `~` past the end, and the last line with the mode or a
 * message, the pending command ('showcmd') and the ruler ('ruler'), as vim 9's defaults.vim sets
 * them up.
 */

export const VI_TAB_SIZE = 8
/** defaults.vim sets 'scrolloff' to 5. */
const SCROLL_OFF = 5

/** What the screen shows; the editor hands its state over for each redraw. */
export interface ViState {
  readonly buffer: TextBuffer
  readonly row: number
  readonly x: number
  /** The first line shown before this redraw; scrolling may change it. */
  readonly top: number
  readonly insertMode: boolean
  readonly number: boolean
  /** The buffer has no lines at all (vim's ML_EMPTY). */
  readonly empty: boolean
  readonly message: { readonly text: string; readonly style: Style } | null
  readonly cmdline: {
    readonly prefix: string
    readonly text: readonly string[]
    readonly cursor: number
  } | null
  /** The keys of a command being typed, e.g. "2d". */
  readonly showcmd: string
}

/** Draws the screen; returns it with the first line shown, scrolled to keep the cursor in view. */
export function drawVi(state: ViState, cols: number, rows: number): { frame: Frame; top: number } {
  const view = new ViView(state, cols, rows)
  return { frame: view.draw(), top: view.top }
}

/** A screen cell position relative to the first row of a wrapped line. */
export interface Spot {
  readonly row: number
  readonly col: number
}

export interface WrappedLine {
  /** The screen rows the line takes, each a list of pieces to draw. */
  readonly rows: ReadonlyArray<ReadonlyArray<{ col: number; text: string; style: Style }>>
  /** Where each cluster's first and last cells are. */
  readonly starts: readonly Spot[]
  readonly ends: readonly Spot[]
  /** The cell just after the last cluster (where the cursor sits at the end in insert mode). */
  readonly end: Spot
}

/**
 * Lays a line out the way vim does with 'wrap' on: it continues on the next row at exactly
 * `width` columns; a two-column character that does not fit in the last column moves to the next
 * row, leaving a ">" behind; tabs may run across rows.
 */
export function wrapLine(clusters: readonly string[], width: number, tabSize: number): WrappedLine {
  const rows: Array<Array<{ col: number; text: string; style: Style }>> = [[]]
  const starts: Spot[] = []
  const ends: Spot[] = []
  let row = 0
  let col = 0
  const newRow = (): void => {
    rows.push([])
    row++
    col = 0
  }
  const put = (text: string, style: Style = Styles.normal): void => {
    rows[row]?.push({ col, text, style })
  }
  for (const cell of layoutLine(clusters, tabSize)) {
    if (cell.text === '\t') {
      for (let k = 0; k < cell.width; k++) {
        if (col >= width) newRow()
        if (k === 0) starts.push({ row, col })
        put(' ')
        col++
      }
      ends.push({ row, col: col - 1 })
      continue
    }
    if (col + cell.width > width) {
      if (col < width && cell.width > 1) put('>', Styles.nonText)
      newRow()
    }
    starts.push({ row, col })
    put(cell.shown, cell.text === cell.shown ? Styles.normal : Styles.nonText)
    col += cell.width
    ends.push({ row, col: col - 1 })
  }
  const end = col >= width ? { row: row + 1, col: 0 } : { row, col }
  return { rows, starts, ends, end }
}

/**
 * vim's ruler: "12,5-9" then the position in the file, padded so the position ends one column
 * before the edge of the `width` columns the ruler has (18 on a wide screen; `:help 'ruler'`).
 */
export function formatRuler(line: number, column: string, where: string, width = 18): string {
  const text = `${line},${column}`
  const fill = Math.max(1, width - (text.length + where.length + 1))
  return text + ' '.repeat(fill) + where
}

/** "All", "Top", "Bot" or "NN%", from the lines above and below the window. */
export function relativePosition(above: number, below: number): string {
  if (below <= 0) return above === 0 ? 'All' : 'Bot'
  if (above <= 0) return 'Top'
  return `${String(Math.floor((above * 100) / (above + below))).padStart(2)}%`
}

const encoder = new TextEncoder()

class ViView {
  top: number
  private readonly lines = new Map<number, WrappedLine>()
  private readonly textRows: number
  private readonly gutter: number

  constructor(
    private readonly s: ViState,
    private readonly cols: number,
    private readonly rows: number,
  ) {
    this.top = s.top
    this.textRows = Math.max(1, rows - 1)
    this.gutter = s.number ? Math.max(3, String(s.buffer.lineCount).length) + 1 : 0
  }

  draw(): Frame {
    const frame = new Frame(this.cols, this.rows)
    const { buffer } = this.s
    const textRows = this.textRows
    this.scroll()
    let screenRow = 0
    let row = this.top
    let botline = this.top
    while (screenRow < textRows && row < buffer.lineCount) {
      const line = this.wrapped(row)
      const height = this.height(row)
      if (screenRow + height > textRows && row !== this.top) {
        // A line that does not fit shows as "@" rows (vim's default 'display').
        for (; screenRow < textRows; screenRow++) frame.write(screenRow, 0, '@', Styles.nonText)
        break
      }
      if (this.gutter > 0) {
        const label = String(row + 1).padStart(this.gutter - 1) + ' '
        frame.write(screenRow, 0, label, Styles.lineNumber)
      }
      line.rows.forEach((pieces, r) => {
        if (screenRow + r >= textRows) return
        for (const piece of pieces) {
          frame.write(screenRow + r, this.gutter + piece.col, piece.text, piece.style)
        }
      })
      if (row === this.s.row) {
        const spot = this.cursorSpot(line)
        frame.cursor = {
          row: Math.min(textRows - 1, screenRow + spot.row),
          col: Math.min(this.cols - 1, this.gutter + spot.col),
        }
      }
      screenRow += height
      row++
      if (screenRow <= textRows) botline = row
    }
    for (; screenRow < textRows; screenRow++) frame.write(screenRow, 0, '~', Styles.nonText)
    this.drawLastLine(frame, botline)
    return frame
  }

  private wrapped(row: number): WrappedLine {
    let line = this.lines.get(row)
    if (line === undefined) {
      const width = Math.max(1, this.cols - this.gutter)
      line = wrapLine(this.s.buffer.clusters(row), width, VI_TAB_SIZE)
      this.lines.set(row, line)
    }
    return line
  }

  /** Screen rows a line takes; in insert mode the cursor may need one more at the end. */
  private height(row: number): number {
    const line = this.wrapped(row)
    const cursorPastEnd =
      this.s.insertMode && row === this.s.row && line.end.row >= line.rows.length
    return line.rows.length + (cursorPastEnd ? 1 : 0)
  }

  /** Screen rows lines `first`..`last` take, counted only until they exceed the window. */
  private rowsBetween(first: number, last: number): number {
    let total = 0
    for (let r = first; r <= last && total <= this.textRows; r++) total += this.height(r)
    return total
  }

  /** Keeps the cursor line on screen with 'scrolloff' lines around it, recentring after jumps. */
  private scroll(): void {
    const rows = this.textRows
    const cursor = this.s.row
    const last = this.s.buffer.lineCount - 1
    const off = Math.min(SCROLL_OFF, Math.floor((rows - 1) / 2))
    this.top = Math.max(0, Math.min(this.top, last))
    if (cursor < this.top + off) {
      if (this.top - cursor > rows / 2) this.center()
      else this.top = Math.max(0, cursor - off)
      return
    }
    const bottom = Math.min(last, cursor + off)
    if (this.rowsBetween(this.top, bottom) <= rows) return
    let visible = this.top
    let used = 0
    while (visible <= last && used + this.height(visible) <= rows) used += this.height(visible++)
    if (cursor - visible > rows / 2) {
      this.center()
      return
    }
    while (this.top < cursor && this.rowsBetween(this.top, bottom) > rows) this.top++
  }

  private center(): void {
    const rows = this.textRows
    let above = Math.floor((rows - this.height(this.s.row)) / 2)
    this.top = this.s.row
    while (this.top > 0 && above - this.height(this.top - 1) >= 0) {
      above -= this.height(this.top - 1)
      this.top--
    }
    // Near the end, show the last line at the bottom rather than filler lines.
    const last = this.s.buffer.lineCount - 1
    while (this.top > 0 && this.rowsBetween(this.top - 1, last) <= rows) this.top--
  }

  /** Normal mode shows the cursor on the last cell of a tab; insert mode on the first. */
  private cursorSpot(line: WrappedLine): Spot {
    const start = line.starts[this.s.x]
    if (start === undefined) return line.end
    const onTab = this.s.buffer.clusters(this.s.row)[this.s.x] === '\t'
    return !this.s.insertMode && onTab ? (line.ends[this.s.x] ?? start) : start
  }

  private drawLastLine(frame: Frame, botline: number): void {
    const bottom = this.rows - 1
    if (this.rows < 2) return
    const { cmdline, message, insertMode } = this.s
    if (cmdline !== null) {
      const { prefix, text, cursor } = cmdline
      frame.write(bottom, 0, prefix + text.join(''))
      const col = textWidth(prefix + text.slice(0, cursor).join(''))
      frame.cursor = { row: bottom, col: Math.min(this.cols - 1, col) }
      return
    }
    if (insertMode) frame.write(bottom, 0, '-- INSERT --', Styles.bold)
    else if (message !== null) frame.write(bottom, 0, message.text, message.style)
    if (this.cols >= 28) frame.write(bottom, this.cols - 28, this.s.showcmd.slice(-10))
    // The ruler takes the last 18 columns, but never more than half the screen.
    const rulerCol = Math.max(this.cols - 18, Math.floor((this.cols + 1) / 2))
    const messageEnd = insertMode ? 12 : textWidth(message?.text ?? '')
    if (messageEnd >= rulerCol) return
    const ruler = this.ruler(botline, this.cols - rulerCol)
    frame.write(bottom, rulerCol, clipToWidth(ruler, this.cols - rulerCol - 1))
  }

  /** "line,column" where the column is the byte index, then "-screen column" if different. */
  private ruler(botline: number, width: number): string {
    const { buffer, row, x } = this.s
    const where = relativePosition(this.top, buffer.lineCount - botline)
    if (this.s.empty) return formatRuler(0, '0-1', where, width)
    const clusters = buffer.clusters(row)
    if (clusters.length === 0) return formatRuler(row + 1, '0-1', where, width)
    const bytes = encoder.encode(clusters.slice(0, x).join('')).length + 1
    const onTab = !this.s.insertMode && clusters[x] === '\t'
    const virtual = onTab
      ? columnOf(clusters, x + 1, VI_TAB_SIZE)
      : columnOf(clusters, x, VI_TAB_SIZE) + 1
    const column = bytes === virtual ? String(bytes) : `${bytes}-${virtual}`
    return formatRuler(row + 1, column, where, width)
  }
}
