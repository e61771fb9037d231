/**
 * The parts of Go's strconv that docker and kubectl expose through their error messages and
 * output: ParseInt/ParseUint/ParseFloat/ParseBool (with `*NumError` texts such as
 * `strconv.ParseInt: parsing "abc": invalid syntax`), Quote, and float formatting with Go's
 * rounding (round-half-even on the exact binary value, where JavaScript's toFixed rounds ties up).
 *
 * Reference: https://pkg.go.dev/strconv (Go 1.24).
 */

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; error: string }

const okValue = <T>(value: T): ParseOutcome<T> => ({ ok: true, value })

function numError(fn: string, input: string, reason: 'invalid syntax' | 'value out of range') {
  return { ok: false as const, error: `strconv.${fn}: parsing ${quote(input)}: ${reason}` }
}

/** strconv.underscoreOK: underscores may only separate digits (or follow a base prefix). */
function underscoreOK(text: string): boolean {
  let s = text
  let saw = '^'
  let i = 0
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1)
  let hex = false
  const second = (s[1] ?? '').toLowerCase()
  if (s.length >= 2 && s[0] === '0' && (second === 'b' || second === 'o' || second === 'x')) {
    i = 2
    saw = '0'
    hex = second === 'x'
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? ''
    const lower = c.toLowerCase()
    if ((c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f')) {
      saw = '0'
      continue
    }
    if (c === '_') {
      if (saw !== '0') return false
      saw = '_'
      continue
    }
    if (saw === '_') return false
    saw = '!'
  }
  return saw !== '_'
}

function digitValue(c: string): number {
  const code = c.charCodeAt(0)
  if (code >= 48 && code <= 57) return code - 48
  const lower = code | 0x20
  if (lower >= 97 && lower <= 122) return lower - 97 + 10
  return 99
}

/** strconv.ParseUint(s, base, bitSize); base 0 honours 0x/0o/0b/0 prefixes and underscores. */
export function parseUint(
  input: string,
  base = 0,
  bitSize = 64,
  fn = 'ParseUint',
): ParseOutcome<bigint> {
  if (input === '') return numError(fn, input, 'invalid syntax')
  const base0 = base === 0
  let s = input
  let b = base
  if (base0) {
    b = 10
    if (s[0] === '0') {
      const p = (s[1] ?? '').toLowerCase()
      if (s.length >= 3 && (p === 'b' || p === 'o' || p === 'x')) {
        b = p === 'b' ? 2 : p === 'o' ? 8 : 16
        s = s.slice(2)
      } else {
        b = 8
        s = s.slice(1)
      }
    }
  }
  const max = (1n << BigInt(bitSize)) - 1n
  let n = 0n
  let underscores = false
  for (const c of s) {
    if (c === '_' && base0) {
      underscores = true
      continue
    }
    const d = digitValue(c)
    if (d >= b) return numError(fn, input, 'invalid syntax')
    n = n * BigInt(b) + BigInt(d)
    if (n > max) return numError(fn, input, 'value out of range')
  }
  if (underscores && !underscoreOK(input)) return numError(fn, input, 'invalid syntax')
  return okValue(n)
}

/** strconv.ParseInt(s, base, bitSize). */
export function parseInt(input: string, base = 0, bitSize = 64): ParseOutcome<bigint> {
  if (input === '') return numError('ParseInt', input, 'invalid syntax')
  let s = input
  let neg = false
  if (s[0] === '+') s = s.slice(1)
  else if (s[0] === '-') {
    neg = true
    s = s.slice(1)
  }
  const un = parseUint(s, base, bitSize, 'ParseInt')
  if (!un.ok) return { ok: false, error: un.error.replace(quote(s), quote(input)) }
  const cutoff = 1n << BigInt(bitSize - 1)
  if (!neg && un.value >= cutoff) return numError('ParseInt', input, 'value out of range')
  if (neg && un.value > cutoff) return numError('ParseInt', input, 'value out of range')
  return okValue(neg ? -un.value : un.value)
}

/** strconv.ParseBool. */
export function parseBool(input: string): ParseOutcome<boolean> {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(input)) return okValue(true)
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(input)) return okValue(false)
  return numError('ParseBool', input, 'invalid syntax')
}

const FLOAT32_MAX = 3.4028234663852886e38

/** strconv.ParseFloat(s, bitSize): decimal and hex mantissas, inf/infinity/nan, underscores. */
export function parseFloat(input: string, bitSize = 64): ParseOutcome<number> {
  const bad = numError('ParseFloat', input, 'invalid syntax')
  let s = input
  let sign = 1
  if (s[0] === '+' || s[0] === '-') {
    sign = s[0] === '-' ? -1 : 1
    s = s.slice(1)
  }
  const lower = s.toLowerCase()
  if (lower === 'inf' || lower === 'infinity') return okValue(sign * Infinity)
  if (lower === 'nan' && input.length === s.length) return okValue(NaN)
  let value: number
  if (/^0x/i.test(s)) {
    const m = /^0x((?:[0-9a-f_]*)(?:\.[0-9a-f_]*)?)p([+-]?[0-9_]+)$/i.exec(s)
    if (m === null || !/[0-9a-f]/i.test(m[1] ?? '') || !underscoreOK(s)) return bad
    const [intPart = '', fracPart = ''] = (m[1] ?? '').replace(/_/g, '').split('.')
    let mant = 0
    for (const c of intPart + fracPart) mant = mant * 16 + digitValue(c)
    value = mant * 2 ** (Number((m[2] ?? '0').replace(/_/g, '')) - 4 * fracPart.length)
  } else {
    if (!/^(?:[0-9_]+\.?[0-9_]*|\.[0-9_]+)(?:e[+-]?[0-9_]+)?$/i.test(s)) return bad
    if (s.includes('_')) return bad
    value = Number(s)
  }
  if (!Number.isFinite(value)) return numError('ParseFloat', input, 'value out of range')
  if (bitSize === 32) {
    if (Math.abs(value) > FLOAT32_MAX) return numError('ParseFloat', input, 'value out of range')
    value = Math.fround(value)
  }
  return okValue(sign * value)
}

/** unicode.IsPrint, close enough: letters, marks, numbers, punctuation, symbols and U+0020. */
export function isPrint(codePoint: number): boolean {
  if (codePoint === 0x20) return true
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(String.fromCodePoint(codePoint))
}

function escapeRune(cp: number, quoteChar: string, asciiOnly: boolean): string {
  const ch = String.fromCodePoint(cp)
  if (ch === quoteChar || ch === '\\') return '\\' + ch
  if (cp < 0x80 ? isPrint(cp) : !asciiOnly && isPrint(cp)) return ch
  switch (cp) {
    case 7:
      return '\\a'
    case 8:
      return '\\b'
    case 12:
      return '\\f'
    case 10:
      return '\\n'
    case 13:
      return '\\r'
    case 9:
      return '\\t'
    case 11:
      return '\\v'
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + cp.toString(16).padStart(2, '0')
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0')
  return '\\U' + cp.toString(16).padStart(8, '0')
}

/** strconv.Quote: a double-quoted Go string literal. */
export function quote(s: string): string {
  let out = '"'
  for (const ch of s) out += escapeRune(ch.codePointAt(0) ?? 0, '"', false)
  return out + '"'
}

/** strconv.QuoteToASCII, used by fmt's %+q. */
export function quoteToASCII(s: string): string {
  let out = '"'
  for (const ch of s) out += escapeRune(ch.codePointAt(0) ?? 0, '"', true)
  return out + '"'
}

/** strconv.QuoteRune: a single-quoted Go rune literal. */
export function quoteRune(codePoint: number): string {
  return "'" + escapeRune(codePoint, "'", false) + "'"
}

/** strconv.Unquote for the literals Go templates accept ("…", `…`, '…'). */
export function unquote(literal: string): ParseOutcome<string> {
  const bad = { ok: false as const, error: 'invalid syntax' }
  const q = literal[0]
  if (literal.length < 2 || literal[literal.length - 1] !== q) return bad
  const body = literal.slice(1, -1)
  if (q === '`') return body.includes('`') ? bad : okValue(body.replace(/\r/g, ''))
  if (q !== '"' && q !== "'") return bad
  let out = ''
  for (let i = 0; i < body.length;) {
    const c = body[i] ?? ''
    if (c === q || c === '\n') return bad
    if (c !== '\\') {
      out += c
      i++
      continue
    }
    const e = body[i + 1] ?? ''
    const simple: Record<string, string> = {
      a: '\x07',
      b: '\b',
      f: '\f',
      n: '\n',
      r: '\r',
      t: '\t',
      v: '\v',
      '\\': '\\',
    }
    const mapped = simple[e]
    if (mapped !== undefined) {
      out += mapped
      i += 2
      continue
    }
    if (e === q) {
      out += q
      i += 2
      continue
    }
    const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0
    if (hexLen > 0) {
      const hex = body.slice(i + 2, i + 2 + hexLen)
      if (!new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(hex)) return bad
      const v = Number.parseInt(hex, 16)
      if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) return bad
      out += String.fromCodePoint(v)
      i += 2 + hexLen
      continue
    }
    if (e >= '0' && e <= '7') {
      const oct = body.slice(i + 1, i + 4)
      if (!/^[0-7]{3}$/.test(oct)) return bad
      const v = Number.parseInt(oct, 8)
      if (v > 255) return bad
      out += String.fromCharCode(v)
      i += 4
      continue
    }
    return bad
  }
  if (q === "'" && [...out].length !== 1) return bad
  return okValue(out)
}

// ---------------------------------------------------------------------------------------------
// Float formatting

/** Decimal digits of a finite non-negative double: value = 0.d1d2d3… × 10^point. */
interface Digits {
  digits: string
  point: number
}

/** The shortest digits that read back as the same double (what Go's -1 precision gives). */
function shortestDigits(x: number): Digits {
  if (x === 0) return { digits: '0', point: 1 }
  const [mant = '0', exp = '0'] = x.toExponential().split('e')
  return { digits: mant.replace('.', ''), point: Number(exp) + 1 }
}

/** The exact decimal expansion of a double (every double is a finite decimal). */
function exactDigits(x: number): Digits {
  if (x === 0) return { digits: '0', point: 1 }
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, x)
  const hi = view.getUint32(0)
  const lo = view.getUint32(4)
  const expBits = (hi >>> 20) & 0x7ff
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo)
  let exp2: number
  if (expBits === 0) exp2 = -1074
  else {
    mant |= 1n << 52n
    exp2 = expBits - 1075
  }
  if (exp2 >= 0) {
    const digits = (mant << BigInt(exp2)).toString()
    return { digits, point: digits.length }
  }
  const k = -exp2
  const digits = (mant * 5n ** BigInt(k)).toString()
  return { digits, point: digits.length - k }
}

/** Rounds to `n` significant digits, half to even (ties are exact, so this is Go's rounding). */
function roundDigits(d: Digits, n: number): Digits {
  if (n < 0) return d
  if (d.digits.length <= n) return d
  if (n === 0) {
    // Everything is dropped: round to 0 or to one unit in the first place.
    const first = d.digits[0] ?? '0'
    const rest = d.digits.slice(1)
    const up = first > '5' || (first === '5' && /[1-9]/.test(rest))
    return up ? { digits: '1', point: d.point + 1 } : { digits: '0', point: d.point }
  }
  const kept = d.digits.slice(0, n)
  const next = d.digits[n] ?? '0'
  const rest = d.digits.slice(n + 1)
  const last = Number(kept[kept.length - 1] ?? '0')
  const up = next > '5' || (next === '5' && (/[1-9]/.test(rest) || last % 2 === 1))
  if (!up) return { digits: kept, point: d.point }
  const bumped = (BigInt(kept) + 1n).toString()
  if (bumped.length > kept.length) return { digits: bumped.slice(0, n), point: d.point + 1 }
  return { digits: bumped, point: d.point }
}

function fmtE(d: Digits, prec: number, e: string): string {
  const digits = d.digits === '0' ? '0'.repeat(Math.max(prec + 1, 1)) : d.digits
  let out = digits[0] ?? '0'
  if (prec > 0) out += '.' + digits.slice(1).padEnd(prec, '0').slice(0, prec)
  const exp = d.digits === '0' ? 0 : d.point - 1
  const sign = exp < 0 ? '-' : '+'
  const abs = Math.abs(exp)
  return out + e + sign + (abs < 10 ? '0' + abs : String(abs))
}

function fmtF(d: Digits, prec: number): string {
  let intPart: string
  if (d.point <= 0) intPart = '0'
  else intPart = d.digits.slice(0, d.point).padEnd(d.point, '0')
  if (prec <= 0) return intPart
  let frac = ''
  for (let i = 0; i < prec; i++) {
    const idx = d.point + i
    frac += idx >= 0 && idx < d.digits.length ? d.digits[idx] : '0'
  }
  return intPart + '.' + frac
}

/**
 * strconv.FormatFloat(x, fmt, prec, 64) for fmt in e/E/f/g/G; prec -1 means shortest.
 * NaN and infinities come out as Go prints them (NaN, +Inf, -Inf).
 */
export function formatFloat(x: number, format: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  if (Number.isNaN(x)) return 'NaN'
  if (x === Infinity) return '+Inf'
  if (x === -Infinity) return '-Inf'
  const neg = x < 0 || Object.is(x, -0)
  const abs = Math.abs(x)
  const sign = neg ? '-' : ''
  const shortest = prec < 0
  let d: Digits
  switch (format) {
    case 'e':
    case 'E': {
      d = shortest ? shortestDigits(abs) : roundDigits(exactDigits(abs), prec + 1)
      const p = shortest ? d.digits.length - 1 : prec
      return sign + fmtE(d, p, format)
    }
    case 'f': {
      if (shortest) {
        d = shortestDigits(abs)
        return sign + fmtF(d, Math.max(d.digits.length - d.point, 0))
      }
      const exact = exactDigits(abs)
      const keep = exact.point + prec
      d = keep < 0 ? { digits: '0', point: 1 } : roundDigits(exact, keep)
      if (/^0+$/.test(d.digits)) d = { digits: '0', point: 1 }
      return sign + fmtF(d, prec)
    }
    default: {
      let p = prec
      if (p === 0) p = 1
      d = shortest ? shortestDigits(abs) : roundDigits(exactDigits(abs), p)
      d = { digits: d.digits.replace(/(.)0+$/, '$1'), point: d.point }
      let eprec = shortest ? 6 : p
      if (!shortest && eprec > d.digits.length && d.digits.length >= d.point) {
        eprec = d.digits.length
      }
      const exp = d.digits === '0' ? 0 : d.point - 1
      if (exp < -4 || exp >= eprec) {
        let ep = shortest ? d.digits.length : p
        if (ep > d.digits.length) ep = d.digits.length
        return sign + fmtE(d, ep - 1, format === 'g' ? 'e' : 'E')
      }
      let fp = shortest ? d.digits.length : p
      if (fp > d.point) fp = d.digits.length
      return sign + fmtF(d, Math.max(fp - d.point, 0))
    }
  }
}
