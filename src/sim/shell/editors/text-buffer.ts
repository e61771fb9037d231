import { splitClusters } from './text-width'

/** A place in the text: a line (0-based) and a cluster index within it (see `splitClusters`). */
export interface Position {
  readonly row: number
  readonly x: number
}

export function comparePositions(a: Position, b: Position): number {
  return a.row !== b.row ? a.row - b.row : a.x - b.x
}

/** The lines of a file being edited. Columns count clusters, never UTF-16 units. */
export class TextBuffer {
  private lines: string[]

  constructor(lines: readonly string[] = ['']) {
    this.lines = lines.length > 0 ? [...lines] : ['']
  }

  get lineCount(): number {
    return this.lines.length
  }

  line(row: number): string {
    return this.lines[row] ?? ''
  }

  clusters(row: number): string[] {
    return splitClusters(this.line(row))
  }

  /** Clusters on the line. */
  length(row: number): number {
    return this.clusters(row).length
  }

  allLines(): readonly string[] {
    return this.lines
  }

  /** A copy of the lines, for undo. */
  snapshot(): string[] {
    return [...this.lines]
  }

  restore(lines: readonly string[]): void {
    this.lines = lines.length > 0 ? [...lines] : ['']
  }

  setLine(row: number, text: string): void {
    if (row >= 0 && row < this.lines.length) this.lines[row] = text
  }

  /** Inserts `text` (which may hold newlines) at `at`; returns the position just after it. */
  insert(at: Position, text: string): Position {
    const clusters = this.clusters(at.row)
    const before = clusters.slice(0, at.x).join('')
    const after = clusters.slice(at.x).join('')
    const parts = text.split('\n')
    if (parts.length === 1) {
      const head = before + text
      this.lines[at.row] = head + after
      return { row: at.row, x: splitClusters(head).length }
    }
    const last = parts[parts.length - 1] ?? ''
    const replacement = [before + (parts[0] ?? ''), ...parts.slice(1, -1), last + after]
    this.lines.splice(at.row, 1, ...replacement)
    return { row: at.row + parts.length - 1, x: splitClusters(last).length }
  }

  /** The text between two positions (`from` before `to`), lines joined with \n. */
  slice(from: Position, to: Position): string {
    if (from.row === to.row) return this.clusters(from.row).slice(from.x, to.x).join('')
    const parts = [this.clusters(from.row).slice(from.x).join('')]
    for (let r = from.row + 1; r < to.row; r++) parts.push(this.line(r))
    parts.push(this.clusters(to.row).slice(0, to.x).join(''))
    return parts.join('\n')
  }

  /** Removes the text between two positions (`from` before `to`) and returns it. */
  delete(from: Position, to: Position): string {
    const removed = this.slice(from, to)
    const head = this.clusters(from.row).slice(0, from.x).join('')
    const tail = this.clusters(to.row).slice(to.x).join('')
    this.lines.splice(from.row, to.row - from.row + 1, head + tail)
    return removed
  }

  insertLines(row: number, lines: readonly string[]): void {
    this.lines.splice(row, 0, ...lines)
  }

  /** Removes whole lines; the buffer keeps at least one (empty) line. */
  removeLines(row: number, count: number): string[] {
    const removed = this.lines.splice(row, count)
    if (this.lines.length === 0) this.lines.push('')
    return removed
  }
}
