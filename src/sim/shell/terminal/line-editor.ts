import type { KeyName } from './key-decoder'
import { codePointAt, isControl, nextClusterEnd, previousClusterStart } from './text-width'

/**
 * The line being typed, as GNU Readline edits it in its emacs mode: the text, the cursor (an
 * index into the text, always on a cluster boundary) and the kill ring's last entry. It knows
 * nothing of screens, history or the shell. Key bindings follow readline's defaults
 * (https://tiswww.case.edu/php/chet/readline/readline.html#Bindable-Readline-Commands).
 */
export class LineEditor {
  private textValue = ''
  private cursorValue = 0
  private killed = ''
  /** Whether the last command killed text, so the next kill adds to the same entry. */
  private lastWasKill = false

  get text(): string {
    return this.textValue
  }

  get cursor(): number {
    return this.cursorValue
  }

  /** Replaces the whole line; the cursor goes to `cursor` (the end by default). */
  set(text: string, cursor: number = text.length): void {
    this.textValue = text
    this.cursorValue = Math.max(0, Math.min(cursor, text.length))
    this.lastWasKill = false
  }

  clear(): void {
    this.set('', 0)
  }

  insert(text: string): void {
    if (text === '') return
    const t = this.textValue
    this.textValue = t.slice(0, this.cursorValue) + text + t.slice(this.cursorValue)
    this.cursorValue += text.length
    this.lastWasKill = false
  }

  /** Replaces text[from, cursor) with `text`, leaving the cursor after it. */
  replaceBeforeCursor(from: number, text: string): void {
    const t = this.textValue
    this.textValue = t.slice(0, from) + text + t.slice(this.cursorValue)
    this.cursorValue = from + text.length
    this.lastWasKill = false
  }

  /**
   * Applies one editing key. Returns false for keys that are not about editing the line
   * (Enter, Tab, history, Ctrl-C…): the terminal handles those.
   */
  handle(name: KeyName): boolean {
    const wasKill = this.lastWasKill
    this.lastWasKill = false
    switch (name) {
      case 'left':
      case 'ctrl+b':
        this.cursorValue = previousClusterStart(this.textValue, this.cursorValue)
        return true
      case 'right':
      case 'ctrl+f':
        this.cursorValue = nextClusterEnd(this.textValue, this.cursorValue)
        return true
      case 'home':
      case 'ctrl+a':
        this.cursorValue = 0
        return true
      case 'end':
      case 'ctrl+e':
        this.cursorValue = this.textValue.length
        return true
      case 'ctrl+left':
      case 'alt+left':
      case 'alt+b':
        this.cursorValue = this.backwardWord(this.cursorValue)
        return true
      case 'ctrl+right':
      case 'alt+right':
      case 'alt+f':
        this.cursorValue = this.forwardWord(this.cursorValue)
        return true
      case 'backspace':
        this.deleteRange(previousClusterStart(this.textValue, this.cursorValue), this.cursorValue)
        return true
      case 'delete':
      case 'ctrl+d':
        this.deleteRange(this.cursorValue, nextClusterEnd(this.textValue, this.cursorValue))
        return true
      case 'ctrl+u':
        this.kill(0, this.cursorValue, wasKill)
        return true
      case 'ctrl+k':
        this.kill(this.cursorValue, this.textValue.length, wasKill)
        return true
      case 'ctrl+w':
        this.kill(this.backwardWhitespaceWord(this.cursorValue), this.cursorValue, wasKill)
        return true
      case 'alt+backspace':
        this.kill(this.backwardWord(this.cursorValue), this.cursorValue, wasKill)
        return true
      case 'alt+d':
      case 'ctrl+delete':
        this.kill(this.cursorValue, this.forwardWord(this.cursorValue), wasKill)
        return true
      case 'ctrl+y':
        this.insert(this.killed)
        return true
      case 'ctrl+t':
        this.transpose()
        return true
      case 'insert':
        return true
    }
    return false
  }

  private deleteRange(from: number, to: number): void {
    if (to <= from) return
    const t = this.textValue
    this.textValue = t.slice(0, from) + t.slice(to)
    this.cursorValue = from
  }

  private kill(from: number, to: number, append: boolean): void {
    const piece = this.textValue.slice(from, to)
    if (append) this.killed = from < this.cursorValue ? piece + this.killed : this.killed + piece
    else if (piece !== '') this.killed = piece
    this.deleteRange(from, to)
    this.lastWasKill = true
  }

  private transpose(): void {
    // At the end of the line readline swaps the two characters before the cursor.
    let at = this.cursorValue
    if (at === 0) return
    if (at === this.textValue.length) at = previousClusterStart(this.textValue, at)
    const before = previousClusterStart(this.textValue, at)
    const after = nextClusterEnd(this.textValue, at)
    if (before === at || after === at) return
    const t = this.textValue
    this.textValue = t.slice(0, before) + t.slice(at, after) + t.slice(before, at) + t.slice(after)
    this.cursorValue = after
  }

  private isWordAt(index: number): boolean {
    const cp = codePointAt(this.textValue, index)
    return !isControl(cp) && WORD_CHAR.test(String.fromCodePoint(cp))
  }

  /** Start of the word before `index`: letters and digits make words (readline's backward-word). */
  private backwardWord(index: number): number {
    let i = index
    while (i > 0) {
      const start = previousClusterStart(this.textValue, i)
      if (this.isWordAt(start)) break
      i = start
    }
    while (i > 0) {
      const start = previousClusterStart(this.textValue, i)
      if (!this.isWordAt(start)) break
      i = start
    }
    return i
  }

  private forwardWord(index: number): number {
    const t = this.textValue
    let i = index
    while (i < t.length && !this.isWordAt(i)) i = nextClusterEnd(t, i)
    while (i < t.length && this.isWordAt(i)) i = nextClusterEnd(t, i)
    return i
  }

  /** Start of the whitespace-delimited word before `index` (readline's unix-word-rubout). */
  private backwardWhitespaceWord(index: number): number {
    const t = this.textValue
    let i = index
    while (i > 0 && isBlank(t.charCodeAt(i - 1))) i--
    while (i > 0 && !isBlank(t.charCodeAt(i - 1))) i--
    return i
  }
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a
}
