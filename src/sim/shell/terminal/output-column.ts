import { codePointWidth } from './text-width'

/**
 * Follows the column the terminal's cursor is on as program output goes by. Bash prints its
 * prompt right after the output, even when that did not end with a newline (`printf x` gives
 * `xstudent@quai:~$ `); the line editor needs that column to wrap long lines correctly.
 * Only what moves the cursor sideways is followed; rows do not matter here.
 */
export class OutputColumn {
  private colValue = 0
  private saved = 0
  private beforeAltScreen: number | undefined

  constructor(private cols: number) {}

  /** 0…cols; `cols` means output reached the right margin and the next character wraps. */
  get col(): number {
    return this.colValue
  }

  set(col: number): void {
    this.colValue = col
  }

  resize(cols: number): void {
    this.cols = Math.max(1, cols)
    if (this.colValue > this.cols) this.colValue %= this.cols
  }

  feed(text: string): void {
    let start = 0
    if (!text.includes('\x1b')) {
      // Without escape sequences only what follows the last line break matters.
      const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'))
      if (lastBreak !== -1) {
        this.colValue = 0
        start = lastBreak + 1
      }
    }
    for (let i = start; i < text.length;) {
      const cp = text.codePointAt(i) ?? 0
      if (cp === 0x1b) {
        i = this.escape(text, i)
        continue
      }
      i += cp > 0xffff ? 2 : 1
      if (cp === 0x0a || cp === 0x0d) this.colValue = 0
      else if (cp === 0x08) this.colValue = Math.max(0, Math.min(this.colValue, this.cols - 1) - 1)
      else if (cp === 0x09)
        this.colValue = Math.min(this.cols - 1, (Math.floor(this.colValue / 8) + 1) * 8)
      else {
        const width = codePointWidth(cp)
        if (width === 0) continue
        if (this.colValue + width > this.cols) this.colValue = 0
        this.colValue += width
      }
    }
  }

  /** Applies the escape sequence at `start`; returns the index after it. */
  private escape(text: string, start: number): number {
    const kind = text.charAt(start + 1)
    if (kind === '[') {
      let i = start + 2
      while (i < text.length && !/[@-~]/.test(text.charAt(i))) i++
      this.csi(text.slice(start + 2, i), text.charAt(i))
      return i + 1
    }
    if (kind === ']') {
      // OSC: runs to BEL or ST.
      for (let i = start + 2; i < text.length; i++) {
        if (text.charAt(i) === '\x07') return i + 1
        if (text.charAt(i) === '\x1b' && text.charAt(i + 1) === '\\') return i + 2
      }
      return text.length
    }
    if (kind === '7') this.saved = this.colValue
    else if (kind === '8') this.colValue = this.saved
    else if (kind === 'c') this.colValue = 0
    return start + 2
  }

  private csi(params: string, final: string): void {
    const numbers = params.split(';').map((p) => Number.parseInt(p, 10))
    const first = numbers[0] !== undefined && !Number.isNaN(numbers[0]) ? numbers[0] : 1
    const clamp = (col: number): number => Math.max(0, Math.min(this.cols - 1, col))
    switch (final) {
      case 'H':
      case 'f': {
        const second = numbers[1]
        this.colValue = clamp((second === undefined || Number.isNaN(second) ? 1 : second) - 1)
        return
      }
      case 'G':
      case '`':
        this.colValue = clamp(first - 1)
        return
      case 'C':
        this.colValue = clamp(this.colValue + Math.max(1, first))
        return
      case 'D':
        this.colValue = clamp(Math.min(this.colValue, this.cols - 1) - Math.max(1, first))
        return
      case 'E':
      case 'F':
        this.colValue = 0
        return
      case 's':
        this.saved = this.colValue
        return
      case 'u':
        this.colValue = this.saved
        return
      case 'h':
        if (/^\?(1049|1047|47)$/.test(params)) this.beforeAltScreen = this.colValue
        return
      case 'l':
        if (/^\?(1049|1047|47)$/.test(params) && this.beforeAltScreen !== undefined) {
          this.colValue = this.beforeAltScreen
          this.beforeAltScreen = undefined
        }
        return
    }
  }
}
