import { codePointWidth } from '../../../../src/sim/shell/editors/text-width'

/**
 * A small terminal for tests: it applies the escape sequences the editors emit to a grid of cells
 * so a test can assert exact screen rows. It understands CUP, EL, ED, SGR, the alternate screen
 * (1049), cursor visibility (25) and plain text with two-column characters; anything else is
 * recorded in `unknown`, so a test can check the editors emit nothing it does not model.
 */
interface Cell {
  /** '' for the right half of a two-column character. */
  text: string
  style: string
}

const blank = (): Cell => ({ text: ' ', style: '' })

export class VirtualTerminal {
  private main: Cell[][]
  private alt: Cell[][]
  private alternate = false
  private saved = { row: 0, col: 0 }
  private codes = new Set<string>()
  row = 0
  col = 0
  cursorVisible = true
  readonly unknown: string[] = []

  constructor(
    private cols: number,
    private rows: number,
  ) {
    this.main = this.grid()
    this.alt = this.grid()
  }

  get onAlternateScreen(): boolean {
    return this.alternate
  }

  resize(cols: number, rows: number): void {
    const fit = (grid: Cell[][]): Cell[][] =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => grid[r]?.[c] ?? blank()),
      )
    this.cols = cols
    this.rows = rows
    this.main = fit(this.main)
    this.alt = fit(this.alt)
    this.row = Math.min(this.row, rows - 1)
    this.col = Math.min(this.col, cols - 1)
  }

  /** The screen as text, one string per row, trailing blanks trimmed. */
  lines(): string[] {
    return this.screen.map((line) =>
      line
        .map((cell) => cell.text)
        .join('')
        .trimEnd(),
    )
  }

  line(row: number): string {
    return this.lines()[row] ?? ''
  }

  /** The SGR codes in effect at a cell, e.g. '7' for reverse video, '' for none. */
  styleAt(row: number, col: number): string {
    return this.screen[row]?.[col]?.style ?? ''
  }

  /** The row with each cell's style change marked, e.g. "[7]^G[] Help" (for readable asserts). */
  styledLine(row: number): string {
    const cells = [...(this.screen[row] ?? [])]
    while (
      cells.length > 0 &&
      cells[cells.length - 1]?.text === ' ' &&
      cells[cells.length - 1]?.style === ''
    ) {
      cells.pop()
    }
    let out = ''
    let style = ''
    for (const cell of cells) {
      if (cell.text === '') continue
      if (cell.style !== style) {
        out += `[${cell.style}]`
        style = cell.style
      }
      out += cell.text
    }
    return out
  }

  write(data: string): void {
    const chars = Array.from(data)
    let i = 0
    while (i < chars.length) {
      const char = chars[i] ?? ''
      if (char === '\x1b') {
        i = this.escape(chars, i)
        continue
      }
      i++
      if (char === '\r') this.col = 0
      else if (char === '\n') this.lineFeed()
      else if (char === '\b') this.col = Math.max(0, this.col - 1)
      else if (char === '\x07') continue
      else if ((char.codePointAt(0) ?? 0) < 0x20) this.unknown.push(JSON.stringify(char))
      else this.print(char)
    }
  }

  private get screen(): Cell[][] {
    return this.alternate ? this.alt : this.main
  }

  private grid(): Cell[][] {
    return Array.from({ length: this.rows }, () => Array.from({ length: this.cols }, blank))
  }

  private get style(): string {
    return [...this.codes].join(';')
  }

  private lineFeed(): void {
    if (this.row < this.rows - 1) {
      this.row++
      return
    }
    this.screen.shift()
    this.screen.push(Array.from({ length: this.cols }, blank))
  }

  private print(char: string): void {
    const width = codePointWidth(char.codePointAt(0) ?? 0x20)
    const line = () => this.screen[this.row] ?? []
    if (width === 0) {
      const target = line()[Math.max(0, this.col - 1)]
      if (target !== undefined) target.text += char
      return
    }
    if (this.col + width > this.cols) {
      this.col = 0
      this.lineFeed()
    }
    line()[this.col] = { text: char, style: this.style }
    if (width === 2) line()[this.col + 1] = { text: '', style: this.style }
    this.col += width
  }

  private escape(chars: string[], start: number): number {
    if (chars[start + 1] !== '[') {
      this.unknown.push(JSON.stringify(chars.slice(start, start + 2).join('')))
      return start + 2
    }
    let i = start + 2
    let params = ''
    while (i < chars.length && /^[0-?]$/.test(chars[i] ?? '')) params += chars[i++]
    const final = chars[i] ?? ''
    const sequence = chars.slice(start, i + 1).join('')
    i++
    const numbers = params.split(';').map((p) => (p === '' ? undefined : Number(p)))
    if (final === 'H' && !params.startsWith('?')) {
      this.row = Math.min(this.rows - 1, (numbers[0] ?? 1) - 1)
      this.col = Math.min(this.cols - 1, (numbers[1] ?? 1) - 1)
    } else if (final === 'K' && (numbers[0] ?? 0) === 0) {
      const line = this.screen[this.row] ?? []
      for (let c = this.col; c < this.cols; c++) line[c] = blank()
    } else if (final === 'J' && (numbers[0] ?? 0) === 2) {
      for (const line of this.screen) for (let c = 0; c < this.cols; c++) line[c] = blank()
    } else if (final === 'm') {
      for (const n of numbers) {
        if (n === undefined || n === 0) this.codes.clear()
        else this.codes.add(String(n))
      }
    } else if ((final === 'h' || final === 'l') && params === '?1049') {
      if (final === 'h' && !this.alternate) {
        this.saved = { row: this.row, col: this.col }
        this.alt = this.grid()
        this.alternate = true
      } else if (final === 'l' && this.alternate) {
        this.alternate = false
        this.row = this.saved.row
        this.col = this.saved.col
      }
    } else if ((final === 'h' || final === 'l') && params === '?25') {
      this.cursorVisible = final === 'h'
    } else {
      this.unknown.push(JSON.stringify(sequence))
    }
    return i
  }
}
