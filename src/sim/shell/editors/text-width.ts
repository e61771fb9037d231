/**
 * How many terminal columns a piece of text takes, for the editors' cursor maths. The widths are
 * the shell's (terminal/text-width.ts, xterm.js with its Unicode 11 addon), so the cursor an
 * editor places lands where the terminal drew the character.
 */
import { codePointWidth as terminalCodePointWidth } from '../terminal/text-width'

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff]$/u

export function isZeroWidth(char: string): boolean {
  return ZERO_WIDTH.test(char)
}

/** Columns taken by one code point (control characters excluded: callers show them as ^X). */
export function codePointWidth(codePoint: number): 0 | 1 | 2 {
  if (codePoint < 0x300) return 1
  if (isZeroWidth(String.fromCodePoint(codePoint))) return 0
  return terminalCodePointWidth(codePoint) === 2 ? 2 : 1
}

/**
 * Splits a line into the units a cursor moves over: one code point plus any zero-width marks that
 * follow it (so "e" + U+0301 is one unit, as the terminal draws it in one cell).
 */
export function splitClusters(text: string): string[] {
  const clusters: string[] = []
  for (const char of text) {
    const last = clusters.length - 1
    if (last >= 0 && isZeroWidth(char) && !isControl(clusters[last] ?? '')) {
      clusters[last] += char
    } else {
      clusters.push(char)
    }
  }
  return clusters
}

export function isControl(cluster: string): boolean {
  const code = cluster.codePointAt(0) ?? 0x20
  return code < 0x20 || code === 0x7f
}

/** What the editors show for a control character: ^A .. ^Z, ^[, ^?, as nano and vim do. */
export function controlPicture(cluster: string): string {
  const code = cluster.codePointAt(0) ?? 0
  return code === 0x7f ? '^?' : '^' + String.fromCharCode(code + 0x40)
}

/** Columns taken by one cluster, tabs excluded (they depend on where they start). */
export function clusterWidth(cluster: string): number {
  if (isControl(cluster)) return 2
  return codePointWidth(cluster.codePointAt(0) ?? 0x20) || 1
}

/** Columns taken by a string with no tabs or control characters (a label, a message). */
export function textWidth(text: string): number {
  let width = 0
  for (const cluster of splitClusters(text)) width += clusterWidth(cluster)
  return width
}

/** The longest prefix of `text` that fits in `columns`. */
export function clipToWidth(text: string, columns: number): string {
  let width = 0
  let out = ''
  for (const cluster of splitClusters(text)) {
    const w = clusterWidth(cluster)
    if (width + w > columns) break
    width += w
    out += cluster
  }
  return out
}

/** The number of code points, which is what nano calls characters. */
export function codePointCount(text: string): number {
  let count = 0
  for (const _char of text) count++
  return count
}

/** One cluster as laid out on a line: where it starts and how many columns it covers. */
export interface PlacedCluster {
  readonly text: string
  /** What to draw: the text itself, spaces for a tab, ^X for a control character. */
  readonly shown: string
  readonly column: number
  readonly width: number
}

/** Lays a line out from column 0, expanding tabs to the next multiple of `tabSize`. */
export function layoutLine(clusters: readonly string[], tabSize: number): PlacedCluster[] {
  const placed: PlacedCluster[] = []
  let column = 0
  for (const text of clusters) {
    let width: number
    let shown: string
    if (text === '\t') {
      width = tabSize - (column % tabSize)
      shown = ' '.repeat(width)
    } else if (isControl(text)) {
      width = 2
      shown = controlPicture(text)
    } else if (startsWithMark(text)) {
      // A combining mark with nothing to sit on: give it a space, as a terminal would need.
      width = 1
      shown = ' ' + text
    } else {
      width = clusterWidth(text)
      shown = text
    }
    placed.push({ text, shown, column, width })
    column += width
  }
  return placed
}

/** The display column where cluster `index` starts (or the line's width, past the end). */
export function columnOf(clusters: readonly string[], index: number, tabSize: number): number {
  let column = 0
  for (let i = 0; i < index && i < clusters.length; i++) {
    const text = clusters[i] ?? ''
    column += text === '\t' ? tabSize - (column % tabSize) : displayWidth(text)
  }
  return column
}

function displayWidth(cluster: string): number {
  if (isControl(cluster)) return 2
  if (startsWithMark(cluster)) return 1
  return clusterWidth(cluster)
}

/** A cluster that is only a combining mark (one typed at the start of a line). */
function startsWithMark(cluster: string): boolean {
  return isZeroWidth(String.fromCodePoint(cluster.codePointAt(0) ?? 0x20))
}

/** The cluster index whose span covers `column`, or the end of the line if it is shorter. */
export function indexAtColumn(
  clusters: readonly string[],
  column: number,
  tabSize: number,
): number {
  let at = 0
  for (let i = 0; i < clusters.length; i++) {
    const text = clusters[i] ?? ''
    const width = text === '\t' ? tabSize - (at % tabSize) : displayWidth(text)
    if (at + width > column) return i
    at += width
  }
  return clusters.length
}

export function lineWidth(clusters: readonly string[], tabSize: number): number {
  return columnOf(clusters, clusters.length, tabSize)
}
