/**
 * How many terminal columns text takes, for cursor maths. The widths follow wcwidth() with the
 * East Asian Width data of Unicode 12.1, which is what xterm.js uses once its unicode11 addon is
 * active (the addon's name notwithstanding): CJK and emoji take two columns, combining marks and format characters none.
 *
 * A "cluster" here is one printable code point and the zero-width code points after it: what a
 * terminal draws in one cell (or two), and what the cursor steps over with Left and Right.
 */

/** East Asian Wide and Fullwidth ranges (Unicode 12.1), inclusive. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x2e99],
  [0x2e9b, 0x2ef3],
  [0x2f00, 0x2fd5],
  [0x2ff0, 0x2ffb],
  [0x3000, 0x303e],
  [0x3041, 0x3096],
  [0x3099, 0x30ff],
  [0x3105, 0x312f],
  [0x3131, 0x318e],
  [0x3190, 0x31ba],
  [0x31c0, 0x31e3],
  [0x31f0, 0x321e],
  [0x3220, 0x3247],
  [0x3250, 0x4dbf],
  [0x4e00, 0xa48c],
  [0xa490, 0xa4c6],
  [0xa960, 0xa97c],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe52],
  [0xfe54, 0xfe66],
  [0xfe68, 0xfe6b],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe3],
  [0x17000, 0x187f7],
  [0x18800, 0x18af2],
  [0x1b000, 0x1b11e],
  [0x1b150, 0x1b152],
  [0x1b164, 0x1b167],
  [0x1b170, 0x1b2fb],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f202],
  [0x1f210, 0x1f23b],
  [0x1f240, 0x1f248],
  [0x1f250, 0x1f251],
  [0x1f260, 0x1f265],
  [0x1f300, 0x1f320],
  [0x1f32d, 0x1f335],
  [0x1f337, 0x1f37c],
  [0x1f37e, 0x1f393],
  [0x1f3a0, 0x1f3ca],
  [0x1f3cf, 0x1f3d3],
  [0x1f3e0, 0x1f3f0],
  [0x1f3f4, 0x1f3f4],
  [0x1f3f8, 0x1f43e],
  [0x1f440, 0x1f440],
  [0x1f442, 0x1f4fc],
  [0x1f4ff, 0x1f53d],
  [0x1f54b, 0x1f54e],
  [0x1f550, 0x1f567],
  [0x1f57a, 0x1f57a],
  [0x1f595, 0x1f596],
  [0x1f5a4, 0x1f5a4],
  [0x1f5fb, 0x1f64f],
  [0x1f680, 0x1f6c5],
  [0x1f6cc, 0x1f6cc],
  [0x1f6d0, 0x1f6d2],
  [0x1f6d5, 0x1f6d5],
  [0x1f6eb, 0x1f6ec],
  [0x1f6f4, 0x1f6fa],
  [0x1f7e0, 0x1f7eb],
  [0x1f90d, 0x1f971],
  [0x1f973, 0x1f976],
  [0x1f97a, 0x1f9a2],
  [0x1f9a5, 0x1f9aa],
  [0x1f9ae, 0x1f9ca],
  [0x1f9cd, 0x1f9ff],
  [0x1fa70, 0x1fa73],
  [0x1fa78, 0x1fa7a],
  [0x1fa80, 0x1fa82],
  [0x1fa90, 0x1fa95],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
]

/** Zero-width code points that are not general category Mn, Me or Cf. */
const EXTRA_ZERO_WIDTH: readonly (readonly [number, number])[] = [
  [0x1160, 0x11ff], // Hangul medial vowels and final consonants join the syllable before
]

/** Cf characters that still take a cell (they print a visible sign). */
const VISIBLE_FORMAT = new Set([0x00ad])

const ZERO_WIDTH_CATEGORY = /^[\p{Mn}\p{Me}\p{Cf}]$/u

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const range = ranges[mid]
    if (range === undefined) return false
    if (cp < range[0]) high = mid - 1
    else if (cp > range[1]) low = mid + 1
    else return true
  }
  return false
}

function computeWidth(cp: number): 0 | 1 | 2 {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0
  if (inRanges(cp, EXTRA_ZERO_WIDTH)) return 0
  // Marks first: the ideographic tone marks sit inside a wide block yet take no cell.
  if (!VISIBLE_FORMAT.has(cp) && ZERO_WIDTH_CATEGORY.test(String.fromCodePoint(cp))) return 0
  if (inRanges(cp, WIDE)) return 2
  return 1
}

let bmpWidths: Uint8Array | undefined
const astralWidths = new Map<number, 0 | 1 | 2>()

/** Columns one code point takes: 0 for controls and combining marks, 2 for wide ones. */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp >= 0x20 && cp < 0x7f) return 1
  if (cp < 0x10000) {
    if (bmpWidths === undefined) {
      // Built once: classifying by Unicode property for every keystroke would be slow.
      bmpWidths = new Uint8Array(0x10000)
      for (let c = 0; c < 0x10000; c++) bmpWidths[c] = computeWidth(c)
    }
    return (bmpWidths[cp] ?? 1) as 0 | 1 | 2
  }
  let width = astralWidths.get(cp)
  if (width === undefined) {
    width = computeWidth(cp)
    astralWidths.set(cp, width)
  }
  return width
}

/** A control character: shown by the line editor as ^X, never sent raw. */
export function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0)
}

/** Whether `cp` belongs to the cluster before it (a combining mark, ZWJ, variation selector…). */
export function isContinuation(cp: number): boolean {
  return !isControl(cp) && codePointWidth(cp) === 0
}

/** The code point at `index` (a whole surrogate pair when there is one). */
export function codePointAt(text: string, index: number): number {
  return text.codePointAt(index) ?? 0
}

function codePointLength(cp: number): number {
  return cp > 0xffff ? 2 : 1
}

/** Index just after the cluster that starts at `index`. */
export function nextClusterEnd(text: string, index: number): number {
  if (index >= text.length) return text.length
  const first = codePointAt(text, index)
  let end = index + codePointLength(first)
  if (isControl(first)) return end
  while (end < text.length) {
    const cp = codePointAt(text, end)
    if (!isContinuation(cp)) break
    end += codePointLength(cp)
  }
  return end
}

function previousCodePointStart(text: string, index: number): number {
  if (index <= 0) return 0
  const low = text.charCodeAt(index - 1)
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(index - 2)
    if (high >= 0xd800 && high <= 0xdbff) return index - 2
  }
  return index - 1
}

/** Index where the cluster that ends at `index` starts. */
export function previousClusterStart(text: string, index: number): number {
  let start = previousCodePointStart(text, index)
  while (start > 0 && isContinuation(codePointAt(text, start))) {
    const before = previousCodePointStart(text, start)
    if (isControl(codePointAt(text, before))) break
    start = before
  }
  return start
}

/** The start of the cluster that contains `index`. */
export function clusterStartAt(text: string, index: number): number {
  if (index <= 0) return 0
  if (index >= text.length) return text.length
  let start = index
  const unit = text.charCodeAt(start)
  if (unit >= 0xdc00 && unit <= 0xdfff) {
    const high = text.charCodeAt(start - 1)
    if (high >= 0xd800 && high <= 0xdbff) start--
  }
  while (start > 0 && isContinuation(codePointAt(text, start))) {
    const before = previousCodePointStart(text, start)
    if (isControl(codePointAt(text, before))) break
    start = before
  }
  return start
}

/** Columns `text` takes when printed (controls count for nothing). */
export function stringWidth(text: string): number {
  let width = 0
  for (let i = 0; i < text.length;) {
    const cp = codePointAt(text, i)
    width += codePointWidth(cp)
    i += codePointLength(cp)
  }
  return width
}

/** Replaces unpaired surrogates (from binary junk) so every code point is a real character. */
export function wellFormed(text: string): string {
  return /[\ud800-\udfff]/.test(text)
    ? text.replace(
        /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
        '\ufffd',
      )
    : text
}
