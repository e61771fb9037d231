import type { Position, TextBuffer } from './text-buffer'

/**
 * Word motions as vim defines them (src/textobject.c: fwd_word, bck_word, end_word): a word is a
 * run of keyword characters or a run of other non-blank characters; an empty line counts as a
 * word. A WORD (W, B, E) is any run of non-blanks. Positions may sit one past the last cluster of
 * a line (vim's NUL), which callers clamp in normal mode.
 */

/** A cursor that walks clusters across lines. */
class Walker {
  row: number
  x: number
  private readonly lines = new Map<number, string[]>()

  constructor(
    private readonly buffer: TextBuffer,
    at: Position,
  ) {
    this.row = at.row
    this.x = at.x
  }

  private clusters(row: number): string[] {
    let clusters = this.lines.get(row)
    if (clusters === undefined) {
      clusters = this.buffer.clusters(row)
      this.lines.set(row, clusters)
    }
    return clusters
  }

  get char(): string | undefined {
    return this.clusters(this.row)[this.x]
  }

  get lineEmpty(): boolean {
    return this.clusters(this.row).length === 0
  }

  get position(): Position {
    return { row: this.row, x: this.x }
  }

  /** vim's inc(): 0 moved within the line, 2 moved onto the end of line, 1 to the next line, -1 stuck. */
  inc(): number {
    const length = this.clusters(this.row).length
    if (this.x < length) {
      this.x++
      return this.x < length ? 0 : 2
    }
    if (this.row < this.buffer.lineCount - 1) {
      this.row++
      this.x = 0
      return 1
    }
    return -1
  }

  /** vim's dec(): 0 moved within the line, 1 moved to the end of the previous line, -1 stuck. */
  dec(): number {
    if (this.x > 0) {
      this.x = Math.min(this.x, this.clusters(this.row).length) - 1
      return 0
    }
    if (this.row > 0) {
      this.row--
      this.x = this.clusters(this.row).length
      return 1
    }
    return -1
  }
}

/** vim's character classes: 0 blank (or end of line), 1 punctuation, 2 keyword characters. */
export function charClass(char: string | undefined, bigWord: boolean): number {
  if (char === undefined || char === ' ' || char === '\t') return 0
  if (bigWord) return 1
  return /^[\p{L}\p{N}_]/u.test(char) ? 2 : 1
}

/**
 * `w`: the start of the next word. With `stopAtEol` (when an operator is pending, as in `dw`) the
 * motion stops at the end of the line instead of moving on to the next one.
 */
export function wordForward(
  buffer: TextBuffer,
  at: Position,
  bigWord: boolean,
  stopAtEol: boolean,
): Position {
  const w = new Walker(buffer, at)
  const cls = (): number => charClass(w.char, bigWord)
  const startClass = cls()
  const lastLine = w.row === buffer.lineCount - 1
  let i = w.inc()
  if (i === -1 || (i >= 1 && lastLine)) return w.position
  if (i >= 1 && stopAtEol) return w.position
  if (startClass !== 0) {
    while (cls() === startClass) {
      i = w.inc()
      if (i === -1 || (i >= 1 && stopAtEol)) return w.position
    }
  }
  while (cls() === 0) {
    if (w.x === 0 && w.lineEmpty) break
    i = w.inc()
    if (i === -1 || (i >= 1 && stopAtEol)) return w.position
  }
  return w.position
}

/** `b`: the start of the previous word (or the current one, from its middle). */
export function wordBackward(buffer: TextBuffer, at: Position, bigWord: boolean): Position {
  const w = new Walker(buffer, at)
  const cls = (): number => charClass(w.char, bigWord)
  if (w.dec() === -1) return w.position
  // Skip the blanks before the word, stopping on an empty line.
  while (cls() === 0) {
    if (w.x === 0 && w.lineEmpty) return w.position
    if (w.dec() === -1) return w.position
  }
  const wordClass = cls()
  while (cls() === wordClass) {
    if (w.dec() === -1) return w.position
  }
  // Overshot by one.
  w.inc()
  return w.position
}

/**
 * `e`: the end of the current word, or of the next one when already at an end. With `stop` (the
 * first step of `cw`) a cursor already on the last character of a word stays there.
 */
export function wordEnd(
  buffer: TextBuffer,
  at: Position,
  bigWord: boolean,
  stop: boolean,
): Position {
  const w = new Walker(buffer, at)
  const cls = (): number => charClass(w.char, bigWord)
  const startClass = cls()
  if (w.inc() === -1) return at
  if (cls() === startClass && startClass !== 0) {
    while (cls() === startClass) if (w.inc() === -1) return w.position
  } else if (!stop || startClass === 0) {
    while (cls() === 0) if (w.inc() === -1) return w.position
    const wordClass = cls()
    while (cls() === wordClass) if (w.inc() === -1) return w.position
  }
  w.dec()
  return w.position
}

/** `^`: the first non-blank cluster of a line (or its end, if all blank). */
export function firstNonBlank(buffer: TextBuffer, row: number): number {
  const clusters = buffer.clusters(row)
  const index = clusters.findIndex((c) => c !== ' ' && c !== '\t')
  return index < 0 ? Math.max(0, clusters.length - 1) : index
}

/** `f`, `t`, `F`, `T`: the position of the count-th `char` on the line, or null. */
export function findInLine(
  buffer: TextBuffer,
  at: Position,
  char: string,
  forward: boolean,
  till: boolean,
  count: number,
): Position | null {
  const clusters = buffer.clusters(at.row)
  let x = at.x
  for (let n = 0; n < count; n++) {
    do {
      x += forward ? 1 : -1
      if (x < 0 || x >= clusters.length) return null
    } while (clusters[x] !== char)
  }
  if (till) x += forward ? -1 : 1
  return { row: at.row, x }
}
