/**
 * Orderings of the C.UTF-8 locale Quai runs in: its LC_COLLATE is plain code point order (so
 * "Date" sorts before "apple"), and version order follows gnulib's filevercmp (`ls -v`, `sort -V`).
 */

/** Code point order, which for UTF-8 is also byte order. */
export function compareCodepoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) ?? 0
    const y = b.codePointAt(i) ?? 0
    if (x !== y) return x < y ? -1 : 1
    if (x > 0xffff) i++
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9'
const isAlpha = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')

/** Debian's character order for versions: ~ first, then the end, then letters, then the rest. */
function order(s: string, i: number): number {
  if (i >= s.length) return 0
  const c = s.charAt(i)
  if (isDigit(c)) return 0
  if (isAlpha(c)) return c.charCodeAt(0)
  if (c === '~') return -1
  return c.charCodeAt(0) + 256
}

function verrevcmp(a: string, b: string): number {
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    let firstDiff = 0
    while ((i < a.length && !isDigit(a.charAt(i))) || (j < b.length && !isDigit(b.charAt(j)))) {
      const ac = order(a, i)
      const bc = order(b, j)
      if (ac !== bc) return ac - bc
      i++
      j++
    }
    while (a.charAt(i) === '0') i++
    while (b.charAt(j) === '0') j++
    while (isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j)
      i++
      j++
    }
    if (isDigit(a.charAt(i))) return 1
    if (isDigit(b.charAt(j))) return -1
    if (firstDiff !== 0) return firstDiff
  }
  return 0
}

const SUFFIX = /(\.[A-Za-z~][A-Za-z0-9~]*)*$/

/** gnulib filevercmp: "file2" < "file10", suffixes compared last, ties broken by bytes. */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0
  if (a === '') return -1
  if (b === '') return 1
  for (const special of ['.', '..']) {
    if (a === special) return -1
    if (b === special) return 1
  }
  const aHidden = a.startsWith('.')
  const bHidden = b.startsWith('.')
  if (aHidden !== bHidden) return aHidden ? -1 : 1
  const x = aHidden ? a.slice(1) : a
  const y = bHidden ? b.slice(1) : b
  const xBase = x.slice(0, x.length - (SUFFIX.exec(x)?.[0].length ?? 0))
  const yBase = y.slice(0, y.length - (SUFFIX.exec(y)?.[0].length ?? 0))
  const result = xBase === yBase ? 0 : verrevcmp(xBase, yBase)
  if (result !== 0) return result
  const whole = verrevcmp(x, y)
  return whole !== 0 ? whole : compareCodepoints(a, b)
}

/** glibc strverscmp, as `tree -v` uses it: bytes in order, but runs of digits by their value. */
export function compareNatural(a: string, b: string): number {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a.charAt(i)
    const y = b.charAt(j)
    if (isDigit(x) && isDigit(y)) {
      let endA = i
      let endB = j
      while (isDigit(a.charAt(endA))) endA++
      while (isDigit(b.charAt(endB))) endB++
      const runA = a.slice(i, endA).replace(/^0+(?=\d)/, '')
      const runB = b.slice(j, endB).replace(/^0+(?=\d)/, '')
      if (runA.length !== runB.length) return runA.length - runB.length
      if (runA !== runB) return runA < runB ? -1 : 1
      i = endA
      j = endB
      continue
    }
    if (x !== y) return compareCodepoints(x, y)
    i++
    j++
  }
  return a.length - i - (b.length - j)
}
