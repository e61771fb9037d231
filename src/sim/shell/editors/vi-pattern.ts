import type { Position, TextBuffer } from './text-buffer'

/**
 * vim search patterns ('magic' syntax, see `:help pattern`) translated to JavaScript regular
 * expressions: `. * [] ^ $` keep their meaning, `\< \> \( \) \| \+ \? \= \{n,m}` become their
 * JavaScript forms, and `+ ? ( ) | { }` without a backslash are literal, as in vim.
 */
export function compileVimPattern(pattern: string, ignoreCase: boolean): RegExp {
  let source = ''
  let caseFlag: boolean = ignoreCase
  const chars = Array.from(pattern)
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? ''
    if (char === '\\') {
      const next = chars[++i]
      if (next === undefined) source += '\\\\'
      else if (next === '<' || next === '>') source += '\\b'
      else if ('()|+?{}'.includes(next)) source += next
      else if (next === '=') source += '?'
      else if ('sSdDwWt'.includes(next)) source += '\\' + next
      else if (next === 'c') caseFlag = true
      else if (next === 'C') caseFlag = false
      else source += escapeLiteral(next)
      continue
    }
    if (char === '[') {
      const end = chars.indexOf(']', i + 2)
      if (end > 0) {
        source += chars
          .slice(i, end + 1)
          .join('')
          .replace(/\\(?![\]\\^-])/g, '\\\\')
        i = end
        continue
      }
      source += '\\['
      continue
    }
    if (char === '^') source += i === 0 ? '^' : '\\^'
    else if (char === '$') source += i === chars.length - 1 ? '$' : '\\$'
    else if (char === '.' || char === '*') source += char
    else source += escapeLiteral(char)
  }
  const flags = caseFlag ? 'giu' : 'gu'
  try {
    return new RegExp(source, flags)
  } catch {
    return new RegExp(escapeLiteral(pattern), flags)
  }
}

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** Cluster start offsets (in UTF-16 units) of a line, plus the line's length at the end. */
function clusterOffsets(clusters: readonly string[]): number[] {
  const offsets: number[] = []
  let offset = 0
  for (const cluster of clusters) {
    offsets.push(offset)
    offset += cluster.length
  }
  offsets.push(offset)
  return offsets
}

/** The cluster index holding UTF-16 offset `at`. */
function clusterAt(offsets: readonly number[], at: number): number {
  let index = 0
  while (index + 1 < offsets.length - 1 && (offsets[index + 1] ?? Infinity) <= at) index++
  return index
}

/** Every match start on a line, as cluster indexes, in order. */
function matchesOn(buffer: TextBuffer, row: number, regex: RegExp): number[] {
  const clusters = buffer.clusters(row)
  const text = clusters.join('')
  const offsets = clusterOffsets(clusters)
  const found: number[] = []
  regex.lastIndex = 0
  for (const match of text.matchAll(regex)) {
    const index = clusterAt(offsets, match.index)
    if (found[found.length - 1] !== index) found.push(index)
  }
  return found
}

export interface SearchHit {
  readonly at: Position
  readonly wrapped: boolean
}

/** The next match after `from` (before it, searching backward), wrapping around the buffer. */
export function searchBuffer(
  buffer: TextBuffer,
  from: Position,
  regex: RegExp,
  forward: boolean,
): SearchHit | null {
  const count = buffer.lineCount
  for (let step = 0; step <= count; step++) {
    const row = forward ? (from.row + step) % count : (from.row - step + count * 2) % count
    const wrapped = forward ? from.row + step >= count : from.row - step < 0
    const hits = matchesOn(buffer, row, regex)
    let x: number | undefined
    if (step === 0) {
      x = forward ? hits.find((h) => h > from.x) : hits.filter((h) => h < from.x).pop()
    } else if (step === count) {
      x = forward ? hits.find((h) => h <= from.x) : hits.filter((h) => h >= from.x).pop()
    } else {
      x = forward ? hits[0] : hits[hits.length - 1]
    }
    if (x !== undefined) return { at: { row, x }, wrapped }
  }
  return null
}
