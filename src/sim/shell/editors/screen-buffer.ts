import { clusterWidth, isControl, splitClusters } from './text-width'

/**
 * A full-screen program draws a `Frame` (a grid of styled cells) and hands it to a `Screen`,
 * which sends the terminal only the rows that changed since the last frame, as VT100 text:
 * absolute cursor moves (CUP), erase to end of line (EL) and SGR attributes.
 */

/** SGR parameters for a cell, '' meaning the terminal's default rendition. */
export type Style = string

export const Styles = {
  normal: '',
  reverse: '7',
  bold: '1',
  /** nano's error messages: bold white on red. */
  alert: '1;37;41',
  /** vim's ErrorMsg: white on red. */
  error: '97;41',
  /** vim's WarningMsg: red. */
  warning: '31',
  /** vim's NonText (the ~ and @ filler lines): bright blue. */
  nonText: '94',
  /** vim's LineNr. */
  lineNumber: '33',
} as const

interface Cell {
  /** '' for the right half of a two-column character. */
  text: string
  style: Style
}

const BLANK: Cell = { text: ' ', style: '' }

export class Frame {
  private readonly cells: Cell[][]
  cursor: { row: number; col: number } | null = null

  constructor(
    readonly cols: number,
    readonly rows: number,
  ) {
    this.cells = Array.from({ length: rows }, () => Array.from({ length: cols }, () => BLANK))
  }

  /**
   * Writes `text` at (row, col) and returns the column after it. Text is clipped at the right
   * edge; a two-column character that would straddle it is not drawn. Control characters must
   * already be rendered (^X) by the caller.
   */
  write(row: number, col: number, text: string, style: Style = ''): number {
    const line = this.cells[row]
    if (line === undefined) return col
    let at = col
    for (const cluster of splitClusters(text)) {
      const width = isControl(cluster) ? 1 : clusterWidth(cluster)
      if (at < 0) {
        at += width
        continue
      }
      if (at + width > this.cols) break
      this.clearHalf(line, at)
      line[at] = { text: isControl(cluster) ? '?' : cluster, style }
      if (width === 2) {
        this.clearHalf(line, at + 1)
        line[at + 1] = { text: '', style }
      }
      at += width
    }
    return at
  }

  /** Paints a whole row with blanks in `style` (a title bar, a prompt bar). */
  fill(row: number, style: Style): void {
    const line = this.cells[row]
    if (line === undefined) return
    for (let c = 0; c < this.cols; c++) line[c] = { text: ' ', style }
  }

  /** The text of a row, for tests and debugging. */
  rowText(row: number): string {
    return (this.cells[row] ?? []).map((cell) => cell.text).join('')
  }

  /** The row as the terminal should receive it, starting from column 0. */
  render(row: number): string {
    const line = this.cells[row] ?? []
    // Trailing default blanks are cleared with EL rather than written.
    let end = line.length
    while (end > 0 && line[end - 1]?.text === ' ' && line[end - 1]?.style === '') end--
    let out = ''
    let style: Style = ''
    for (let c = 0; c < end; c++) {
      const cell = line[c] ?? BLANK
      if (cell.text === '') continue
      if (cell.style !== style) {
        out += cell.style === '' ? '\x1b[m' : `\x1b[0;${cell.style}m`
        style = cell.style
      }
      out += cell.text
    }
    if (style !== '') out += '\x1b[m'
    if (end < line.length) out += '\x1b[K'
    return out
  }

  /** Overwriting half of a wide character blanks its other half, as terminals do. */
  private clearHalf(line: Cell[], col: number): void {
    const cell = line[col]
    if (cell === undefined) return
    if (cell.text === '' && col > 0) line[col - 1] = BLANK
    else if (clusterWidth(cell.text) === 2 && col + 1 < line.length) line[col + 1] = BLANK
  }
}

export interface ScreenOutput {
  write(data: string): void
}

export class Screen {
  private shown: string[] = []

  constructor(private readonly out: ScreenOutput) {}

  /** Switches to the alternate screen, as full-screen programs do (xterm's mode 1049). */
  enter(): void {
    this.out.write('\x1b[?1049h\x1b[H\x1b[2J')
    this.shown = []
  }

  /** Back to the normal screen, with the cursor visible and attributes reset. */
  leave(): void {
    this.out.write('\x1b[m\x1b[?25h\x1b[?1049l')
  }

  /** Forgets what is on the terminal, so the next frame is drawn in full (after a resize). */
  invalidate(): void {
    this.shown = []
    this.out.write('\x1b[m\x1b[H\x1b[2J')
  }

  present(frame: Frame): void {
    let data = '\x1b[?25l'
    for (let r = 0; r < frame.rows; r++) {
      const row = frame.render(r)
      if (this.shown[r] === row) continue
      data += `\x1b[${r + 1};1H${row}`
      this.shown[r] = row
    }
    this.shown.length = frame.rows
    if (frame.cursor !== null) {
      data += `\x1b[${frame.cursor.row + 1};${frame.cursor.col + 1}H\x1b[?25h`
    }
    this.out.write(data)
  }
}
