import type { Prompt } from './prompt'
import {
  clusterStartAt,
  codePointAt,
  codePointWidth,
  isContinuation,
  isControl,
  nextClusterEnd,
  previousClusterStart,
} from './text-width'

/**
 * Keeps the prompt and the line being edited on screen, like readline's redisplay: it knows
 * where each character lands once the terminal wraps long lines (wide characters never split
 * across rows), rewrites only from the first character that changed, and moves the cursor
 * with relative moves so it never needs to know the absolute screen row.
 *
 * Positions are relative to the row the prompt starts on. `col === cols` means "written up to
 * the right margin": the terminal has not wrapped yet (xterm's pending wrap).
 */
export interface ScreenPos {
  readonly row: number
  readonly col: number
}

interface Shown {
  prompt: Prompt
  text: string
  cursorIndex: number
  origin: ScreenPos
}

const TAB_STOP = 8

/** What a control character looks like in the line: ^A, ^?, and a replacement for C1. */
function controlPicture(cp: number): string {
  if (cp < 0x20) return `^${String.fromCharCode(cp + 0x40)}`
  if (cp === 0x7f) return '^?'
  return '\ufffd'
}

/** Column moves between two on-screen positions (neither at the pending-wrap column). */
export function moveBetween(from: ScreenPos, to: ScreenPos): string {
  let out = ''
  if (to.row < from.row) out += `\x1b[${from.row - to.row}A`
  else if (to.row > from.row) out += `\x1b[${to.row - from.row}B`
  if (to.col === from.col) return out
  if (to.col === 0) return `${out}\r`
  return to.col < from.col ? `${out}\x1b[${from.col - to.col}D` : `${out}\x1b[${to.col - from.col}C`
}

export class LineView {
  private shown: Shown | undefined
  /** Where the terminal's cursor is (never at the pending-wrap column). */
  private cursor: ScreenPos = { row: 0, col: 0 }

  constructor(private cols: number) {}

  get isShown(): boolean {
    return this.shown !== undefined
  }

  /** Draws prompt and line from scratch where the terminal's cursor is, at column `originCol`. */
  draw(prompt: Prompt, text: string, cursorIndex: number, originCol: number): string {
    const origin = { row: 0, col: Math.min(originCol, this.cols) }
    const parts: string[] = [prompt.ansi]
    const end = this.advance(text, 0, text.length, this.promptEnd(prompt, origin), parts)
    const { out, at } = this.settle(end, text, false)
    parts.push(out)
    this.shown = { prompt, text, cursorIndex, origin }
    const target = this.cursorPos(cursorIndex)
    parts.push(moveBetween(at, target))
    this.cursor = target
    return parts.join('')
  }

  /** Brings the screen from what it shows to this prompt, line and cursor. */
  update(prompt: Prompt, text: string, cursorIndex: number): string {
    const shown = this.shown
    if (shown === undefined) return this.draw(prompt, text, cursorIndex, 0)
    const parts: string[] = []
    const samePrompt = prompt.ansi === shown.prompt.ansi && prompt.plain === shown.prompt.plain
    let start = samePrompt ? this.firstChange(shown.text, text) : -1
    if (start === text.length && start === shown.text.length) {
      shown.cursorIndex = cursorIndex
      const target = this.cursorPos(cursorIndex)
      const out = moveBetween(this.cursor, target)
      this.cursor = target
      return out
    }
    const promptEnd = this.promptEnd(prompt, shown.origin)
    let from = start >= 0 ? this.advance(text, 0, start, promptEnd, undefined) : promptEnd
    // The cursor cannot be parked at the pending-wrap column: back up a character.
    while (start > 0 && from.col >= this.cols) {
      start = previousClusterStart(text, start)
      from = this.advance(text, 0, start, promptEnd, undefined)
    }
    if (start === 0 && from.col >= this.cols) start = -1
    if (start < 0) {
      const origin = this.normalize(shown.origin, prompt.plain, 0)
      parts.push(moveBetween(this.cursor, origin), prompt.ansi)
      from = promptEnd
      start = 0
    } else parts.push(moveBetween(this.cursor, from))
    const end = this.advance(text, start, text.length, from, parts)
    const { out, at } = this.settle(end, text, !samePrompt || start < shown.text.length)
    parts.push(out)
    this.shown = { prompt, text, cursorIndex, origin: shown.origin }
    const target = this.cursorPos(cursorIndex)
    parts.push(moveBetween(at, target))
    this.cursor = target
    return parts.join('')
  }

  /**
   * Moves the cursor past the end of the line and stops managing it (Enter, Ctrl-C, a
   * completion listing). `onFreshRow` says the cursor already sits at the start of an empty row.
   */
  leave(): { out: string; onFreshRow: boolean; col: number } {
    const shown = this.shown
    if (shown === undefined) return { out: '', onFreshRow: false, col: this.cursor.col }
    const end = this.advance(
      shown.text,
      0,
      shown.text.length,
      this.promptEnd(shown.prompt, shown.origin),
      undefined,
    )
    const at = this.normalize(end, shown.text, shown.text.length)
    this.shown = undefined
    return { out: moveBetween(this.cursor, at), onFreshRow: end.col >= this.cols, col: at.col }
  }

  /** Forgets the line without writing anything (the screen was cleared). */
  forget(): void {
    this.shown = undefined
  }

  /**
   * The terminal changed width. xterm.js leaves the rows of the line holding the cursor as they
   * were (its `reflowCursorLine` is off: "shells usually handle this themselves"), cut at the
   * new width, so, like readline after SIGWINCH, erase the line and draw it again.
   */
  resize(cols: number): string {
    const oldCols = this.cols
    this.cols = Math.max(1, cols)
    const shown = this.shown
    if (shown === undefined || this.cols === oldCols) return ''
    const originCol = shown.origin.col < this.cols ? shown.origin.col : 0
    const up = this.cursor.row > 0 ? `\x1b[${this.cursor.row}A` : ''
    const right = originCol > 0 ? `\x1b[${originCol}C` : ''
    this.shown = undefined
    const redraw = this.draw(shown.prompt, shown.text, shown.cursorIndex, originCol)
    return `${up}\r${right}\x1b[J${redraw}`
  }

  private firstChange(before: string, after: string): number {
    const limit = Math.min(before.length, after.length)
    let i = 0
    while (i < limit && before.charCodeAt(i) === after.charCodeAt(i)) i++
    if (i === before.length && i === after.length) return i
    // Redraw whole clusters: a combining mark added or removed changes the cell before it.
    let start = clusterStartAt(after, i)
    if (i < before.length) start = Math.min(start, clusterStartAt(before, i))
    return start
  }

  private promptEnd(prompt: Prompt, origin: ScreenPos): ScreenPos {
    return this.advance(prompt.plain, 0, prompt.plain.length, origin, undefined)
  }

  /** Where the cursor shows when it sits before `text[index]`. */
  private cursorPos(index: number): ScreenPos {
    const shown = this.shown
    if (shown === undefined) return this.cursor
    const at = this.advance(
      shown.text,
      0,
      index,
      this.promptEnd(shown.prompt, shown.origin),
      undefined,
    )
    return this.normalize(at, shown.text, index)
  }

  /** A position as the cursor shows it: past the margin, or before a wide char that wraps. */
  private normalize(pos: ScreenPos, text: string, index: number): ScreenPos {
    if (pos.col >= this.cols) return { row: pos.row + 1, col: 0 }
    if (index < text.length) {
      const cp = codePointAt(text, index)
      if (!isControl(cp) && pos.col + codePointWidth(cp) > this.cols)
        return { row: pos.row + 1, col: 0 }
    }
    return pos
  }

  /**
   * After writing up to `end`: at the right margin, readline's trick of printing a space and a
   * carriage return makes the terminal wrap, so the cursor is where it looks. Then, if old text
   * may be left further on, erase to the end of the screen.
   */
  private settle(end: ScreenPos, text: string, erase: boolean): { out: string; at: ScreenPos } {
    if (end.col >= this.cols)
      return { out: erase ? ' \r\x1b[J' : ' \r\x1b[K', at: { row: end.row + 1, col: 0 } }
    return { out: erase ? '\x1b[J' : '', at: this.normalize(end, text, text.length) }
  }

  /**
   * Walks text[start, end) from `pos` as the terminal lays it out, appending what to send to
   * `out` when given. Control characters show as ^X, tabs as spaces to the next stop, and a
   * newline (a multi-line command from history) starts a new row.
   */
  private advance(
    text: string,
    start: number,
    end: number,
    pos: ScreenPos,
    out: string[] | undefined,
  ): ScreenPos {
    const cols = this.cols
    let { row, col } = pos
    let i = start
    while (i < end) {
      const cp = codePointAt(text, i)
      // Plain ASCII runs are the common case: place them without per-character calls.
      if (cp >= 0x20 && cp < 0x7f) {
        let j = i + 1
        while (j < end) {
          const c = text.charCodeAt(j)
          if (c < 0x20 || c >= 0x7f) break
          j++
        }
        // A combining mark after the run belongs to its last character: leave that one out.
        if (j < end && isContinuation(codePointAt(text, j))) j--
        if (j > i) {
          if (out !== undefined) out.push(text.slice(i, j))
          let n = j - i
          if (col >= cols) {
            row++
            col = 0
          }
          const room = cols - col
          if (n > room) {
            n -= room
            row += Math.ceil(n / cols)
            col = n % cols === 0 ? cols : n % cols
          } else col += n
          i = j
          continue
        }
      }
      const next = nextClusterEnd(text, i)
      if (cp === 0x0a) {
        if (out !== undefined) out.push(col < cols ? '\x1b[K\r\n' : '\r\n')
        row++
        col = 0
      } else if (cp === 0x09) {
        if (col >= cols) {
          row++
          col = 0
        }
        const spaces = Math.min(TAB_STOP - (col % TAB_STOP), cols - col)
        if (out !== undefined) out.push(' '.repeat(spaces))
        col += spaces
      } else if (isControl(cp)) {
        for (const char of controlPicture(cp)) {
          if (col >= cols) {
            row++
            col = 0
          }
          if (out !== undefined) out.push(char)
          col++
        }
      } else {
        const width = codePointWidth(cp)
        if (width > 0 && col + width > cols) {
          // The terminal wraps a wide character that does not fit; clear the cell it skips.
          if (out !== undefined && col < cols) out.push('\x1b[K')
          row++
          col = 0
        }
        if (out !== undefined) out.push(text.slice(i, next))
        col += width
      }
      i = next
    }
    return { row, col }
  }
}
