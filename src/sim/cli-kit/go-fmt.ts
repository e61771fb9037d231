/**
 * Go's fmt (Sprintf, Sprint, Sprintln) and encoding/json over GoValue, as far as templates need:
 * verbs v +v #v T s q x X d b o O c U e E f F g G t %, flags - + # 0 space, width and precision
 * (also `*` and `[n]` argument indexes), and fmt's error spellings (`%!d(string=hi)`,
 * `%!s(MISSING)`, `%!(EXTRA int=1)`).
 *
 * Reference: https://pkg.go.dev/fmt (Go 1.24), print.go and format.go.
 */
import { formatFloat, quote, quoteRune, quoteToASCII } from './go-strconv'
import {
  GoFunc,
  GoNumber,
  GoStruct,
  isMap,
  kindOf,
  numberOf,
  sortedKeys,
  typeNameOf,
  type GoValue,
} from './go-value'

interface Flags {
  minus: boolean
  plus: boolean
  sharp: boolean
  space: boolean
  zero: boolean
  plusV: boolean
  sharpV: boolean
  wid: number | undefined
  prec: number | undefined
}

const noFlags = (): Flags => ({
  minus: false,
  plus: false,
  sharp: false,
  space: false,
  zero: false,
  plusV: false,
  sharpV: false,
  wid: undefined,
  prec: undefined,
})

function runeLength(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

/** Pads to the width: spaces (or zeros) on the left, or spaces on the right with '-'. */
function pad(s: string, f: Flags, zeroOK = true): string {
  if (f.wid === undefined) return s
  const n = f.wid - runeLength(s)
  if (n <= 0) return s
  if (f.minus) return s + ' '.repeat(n)
  return (f.zero && zeroOK ? '0' : ' ').repeat(n) + s
}

function truncate(s: string, f: Flags): string {
  if (f.prec === undefined) return s
  return [...s].slice(0, f.prec).join('')
}

function stringerOf(v: GoValue): string | undefined {
  if (!(v instanceof GoStruct)) return undefined
  for (const name of ['Error', 'String']) {
    const m = v.method(name)
    if (m !== undefined && m.params.length === 0 && m.variadic === undefined) {
      const out = m.fn()
      return typeof out === 'string' ? out : undefined
    }
  }
  return undefined
}

class Printer {
  out = ''

  badVerb(verb: string, v: GoValue, f: Flags): void {
    this.out += '%!' + verb + '('
    if (v === undefined || v === null) this.out += '<nil>'
    else {
      this.out += typeNameOf(v) + '='
      this.printArg(v, 'v', f)
    }
    this.out += ')'
  }

  printArg(v: GoValue, verb: string, f: Flags): void {
    if (v === undefined || v === null) {
      if (verb === 'T' || verb === 'v') this.out += pad('<nil>', f)
      else this.badVerb(verb, v, f)
      return
    }
    if (verb === 'T') {
      this.out += pad(typeNameOf(v), f)
      return
    }
    this.printValue(v, verb, f, 0)
  }

  printValue(v: GoValue, verb: string, f: Flags, depth: number): void {
    if (
      (verb === 'v' || verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') &&
      !f.sharpV
    ) {
      const s = stringerOf(v)
      if (s !== undefined) {
        this.fmtString(s, verb, f)
        return
      }
    }
    const kind = kindOf(v)
    switch (kind) {
      case 'invalid':
      case 'nil':
        if (depth === 0) this.out += '<invalid reflect.Value>'
        else if (f.sharpV) this.out += 'interface {}(nil)'
        else this.out += '<nil>'
        return
      case 'bool':
        if (verb === 't' || verb === 'v') this.out += pad(v === true ? 'true' : 'false', f)
        else this.badVerb(verb, v, f)
        return
      case 'int':
      case 'uint':
        this.fmtInteger(numberOf(v), kind === 'int', verb, f, v)
        return
      case 'float':
        this.fmtFloat(numberOf(v), verb, f, v)
        return
      case 'string':
        this.fmtString(v as string, verb, f)
        return
      case 'slice':
        this.printSlice(v as readonly GoValue[], verb, f, depth)
        return
      case 'map':
        this.printMap(v as Record<string, GoValue>, verb, f, depth)
        return
      case 'struct':
        this.printStruct(v as GoStruct, verb, f, depth)
        return
      case 'func':
        this.out += '0x4a0000'
        return
    }
  }

  private printSlice(v: readonly GoValue[], verb: string, f: Flags, depth: number): void {
    if (f.sharpV) {
      this.out += typeNameOf(v) + '{'
      v.forEach((e, i) => {
        if (i > 0) this.out += ', '
        this.printValue(e, verb, f, depth + 1)
      })
      this.out += '}'
      return
    }
    this.out += '['
    v.forEach((e, i) => {
      if (i > 0) this.out += ' '
      this.printValue(e, verb, f, depth + 1)
    })
    this.out += ']'
  }

  private printMap(v: Record<string, GoValue>, verb: string, f: Flags, depth: number): void {
    this.out += f.sharpV ? typeNameOf(v) + '{' : 'map['
    sortedKeys(v).forEach((k, i) => {
      if (i > 0) this.out += f.sharpV ? ', ' : ' '
      this.printValue(k, verb, f, depth + 1)
      this.out += ':'
      this.printValue(v[k], verb, f, depth + 1)
    })
    this.out += f.sharpV ? '}' : ']'
  }

  private printStruct(v: GoStruct, verb: string, f: Flags, depth: number): void {
    if (v.pointer) {
      if (depth > 0) {
        this.out += '0xc000010000'
        return
      }
      this.out += '&'
    }
    if (f.sharpV) this.out += v.typeName.replace(/^\*/, '')
    this.out += '{'
    Object.keys(v.fields).forEach((name, i) => {
      if (i > 0) this.out += f.sharpV ? ', ' : ' '
      if (f.plusV || f.sharpV) this.out += name + ':'
      this.printValue(v.fields[name], verb, f, depth + 1)
    })
    this.out += '}'
  }

  fmtInteger(n: number, signed: boolean, verb: string, f: Flags, v: GoValue): void {
    const neg = n < 0
    const abs = BigInt(Math.abs(Math.trunc(n)))
    let digits: string
    let prefix = ''
    switch (verb) {
      case 'v':
        if (f.sharpV && !signed) {
          digits = abs.toString(16)
          prefix = '0x'
        } else digits = abs.toString(10)
        break
      case 'd':
        digits = abs.toString(10)
        break
      case 'b':
        digits = abs.toString(2)
        if (f.sharp) prefix = '0b'
        break
      case 'o':
      case 'O':
        digits = abs.toString(8)
        if (verb === 'O') prefix = '0o'
        else if (f.sharp) prefix = '0'
        break
      case 'x':
        digits = abs.toString(16)
        if (f.sharp) prefix = '0x'
        break
      case 'X':
        digits = abs.toString(16).toUpperCase()
        if (f.sharp) prefix = '0X'
        break
      case 'c':
        this.out += pad(String.fromCodePoint(Number(abs)), f)
        return
      case 'q':
        this.out += pad(quoteRune(Number(abs)), f)
        return
      case 'U': {
        let s = 'U+' + abs.toString(16).toUpperCase().padStart(4, '0')
        if (f.sharp) s += " '" + String.fromCodePoint(Number(abs)) + "'"
        this.out += pad(s, f)
        return
      }
      default:
        this.badVerb(verb, v, f)
        return
    }
    if (f.prec !== undefined) {
      if (f.prec === 0 && abs === 0n) digits = ''
      digits = digits.padStart(f.prec, '0')
    } else if (f.zero && !f.minus && f.wid !== undefined) {
      const signLen = neg || f.plus || f.space ? 1 : 0
      digits = digits.padStart(f.wid - signLen - prefix.length, '0')
    }
    const sign = neg ? '-' : f.plus ? '+' : f.space ? ' ' : ''
    this.out += pad(sign + prefix + digits, f, false)
  }

  fmtFloat(x: number, verb: string, f: Flags, v: GoValue): void {
    let s: string
    const prec = f.prec ?? -1
    switch (verb) {
      case 'v':
        s = formatFloat(x, 'g', prec)
        break
      case 'g':
      case 'G':
        s = formatFloat(x, verb, prec)
        break
      case 'e':
      case 'E':
        s = formatFloat(x, verb, f.prec ?? 6)
        break
      case 'f':
      case 'F':
        s = formatFloat(x, 'f', f.prec ?? 6)
        break
      default:
        this.badVerb(verb, v, f)
        return
    }
    if (f.plus && !s.startsWith('-') && !s.startsWith('+')) s = '+' + s
    else if (f.space && !s.startsWith('-') && !s.startsWith('+')) s = ' ' + s
    if (s === '+Inf' && !f.plus) s = f.space ? ' Inf' : 'Inf'
    if (f.zero && !f.minus && f.wid !== undefined && Number.isFinite(x)) {
      const signed = s[0] === '-' || s[0] === '+' || s[0] === ' '
      const sign = signed ? (s[0] ?? '') : ''
      const body = signed ? s.slice(1) : s
      this.out += sign + body.padStart(f.wid - sign.length, '0')
      return
    }
    this.out += pad(s, f, false)
  }

  fmtString(s: string, verb: string, f: Flags): void {
    switch (verb) {
      case 'v':
        if (f.sharpV) {
          this.out += pad(quote(s), f)
          return
        }
        this.out += pad(truncate(s, f), f)
        return
      case 's':
        this.out += pad(truncate(s, f), f)
        return
      case 'q': {
        const t = truncate(s, f)
        if (f.sharp && !t.includes('`') && !/[\x00-\x08\x0a-\x1f\x7f]/.test(t)) {
          this.out += pad('`' + t + '`', f)
        } else this.out += pad(f.plus ? quoteToASCII(t) : quote(t), f)
        return
      }
      case 'x':
      case 'X': {
        const bytes = new TextEncoder().encode(truncate(s, f))
        let hex = ''
        bytes.forEach((b, i) => {
          if (i > 0 && f.space) hex += ' '
          if (f.sharp && (i === 0 || f.space)) hex += verb === 'x' ? '0x' : '0X'
          const h = b.toString(16).padStart(2, '0')
          hex += verb === 'X' ? h.toUpperCase() : h
        })
        this.out += pad(hex, f)
        return
      }
      default:
        this.badVerb(verb, s, f)
    }
  }
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  const p = new Printer()
  let argNum = 0
  let reordered = false
  const chars = [...format]
  let i = 0
  const readNum = (): number | undefined => {
    let s = ''
    while (i < chars.length && (chars[i] ?? '') >= '0' && (chars[i] ?? '') <= '9') s += chars[i++]
    return s === '' ? undefined : Number(s)
  }
  const readIndex = (): boolean => {
    // [n] picks argument n (1-based); a bad index is reported at the verb.
    if (chars[i] !== '[') return true
    const close = chars.indexOf(']', i)
    const n = Number(chars.slice(i + 1, close).join(''))
    reordered = true
    if (close < 0 || !Number.isInteger(n) || n < 1 || n > args.length) {
      i = close < 0 ? chars.length : close + 1
      return false
    }
    argNum = n - 1
    i = close + 1
    return true
  }
  while (i < chars.length) {
    const c = chars[i] ?? ''
    if (c !== '%') {
      p.out += c
      i++
      continue
    }
    i++
    const f = noFlags()
    for (; i < chars.length; i++) {
      const fc = chars[i]
      if (fc === '#') f.sharp = true
      else if (fc === '0') f.zero = true
      else if (fc === '+') f.plus = true
      else if (fc === '-') f.minus = true
      else if (fc === ' ') f.space = true
      else break
    }
    let goodIndex = readIndex()
    if (chars[i] === '*') {
      i++
      const w = args[argNum++]
      if (kindOf(w) === 'int' || kindOf(w) === 'uint') {
        f.wid = numberOf(w)
        if (f.wid < 0) {
          f.minus = true
          f.wid = -f.wid
        }
      } else p.out += '%!(BADWIDTH)'
      goodIndex = readIndex() && goodIndex
    } else f.wid = readNum()
    if (chars[i] === '.') {
      i++
      goodIndex = readIndex() && goodIndex
      if (chars[i] === '*') {
        i++
        const pr = args[argNum++]
        if (kindOf(pr) === 'int' && numberOf(pr) >= 0) f.prec = numberOf(pr)
        else p.out += '%!(BADPREC)'
        goodIndex = readIndex() && goodIndex
      } else f.prec = readNum() ?? 0
    }
    if (i >= chars.length) {
      p.out += '%!(NOVERB)'
      break
    }
    const verb = chars[i++] ?? ''
    if (verb === '%') {
      p.out += '%'
      continue
    }
    if (!goodIndex) {
      p.out += `%!${verb}(BADINDEX)`
      continue
    }
    if (argNum >= args.length) {
      p.out += `%!${verb}(MISSING)`
      continue
    }
    if (verb === 'v') {
      if (f.sharp) {
        f.sharpV = true
        f.sharp = false
      }
      if (f.plus) {
        f.plusV = true
        f.plus = false
      }
    }
    if (verb === 'w') {
      p.badVerb(verb, args[argNum++], f)
      continue
    }
    p.printArg(args[argNum++], verb, f)
  }
  if (!reordered && argNum < args.length) {
    p.out += '%!(EXTRA '
    args.slice(argNum).forEach((a, k) => {
      if (k > 0) p.out += ', '
      if (a === undefined || a === null) p.out += '<nil>'
      else {
        p.out += typeNameOf(a) + '='
        p.printArg(a, 'v', noFlags())
      }
    })
    p.out += ')'
  }
  return p.out
}

/** fmt.Sprint: operands in %v, a space between two operands when neither is a string. */
export function sprint(args: readonly GoValue[]): string {
  const p = new Printer()
  let prevString = false
  args.forEach((a, n) => {
    const isString = typeof a === 'string'
    if (n > 0 && !isString && !prevString) p.out += ' '
    p.printArg(a, 'v', noFlags())
    prevString = isString
  })
  return p.out
}

/** fmt.Sprintln: operands in %v separated by spaces, then a newline. */
export function sprintln(args: readonly GoValue[]): string {
  const p = new Printer()
  args.forEach((a, n) => {
    if (n > 0) p.out += ' '
    p.printArg(a, 'v', noFlags())
  })
  return p.out + '\n'
}

/** One value in %v, as a template action prints it. */
export function formatValue(v: GoValue): string {
  return sprint([v])
}

// ---------------------------------------------------------------------------------------------
// encoding/json

export interface JSONOptions {
  /** json.Marshal escapes <, > and & (the default); docker's `json` turns that off. */
  escapeHTML?: boolean
  /** MarshalIndent's indent (kubectl's jsonpath-as-json). */
  indent?: string
}

function jsonString(s: string, escapeHTML: boolean): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    if (ch === '"' || ch === '\\') out += '\\' + ch
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (cp < 0x20) out += '\\u' + cp.toString(16).padStart(4, '0')
    else if (escapeHTML && (ch === '<' || ch === '>' || ch === '&')) {
      out += '\\u' + cp.toString(16).padStart(4, '0')
    } else if (cp === 0x2028 || cp === 0x2029) out += '\\u' + cp.toString(16)
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'
    else out += ch
  }
  return out + '"'
}

export class JSONError extends Error {}

function jsonNumber(n: number, kind: 'int' | 'uint' | 'float'): string {
  if (!Number.isFinite(n))
    throw new JSONError(`json: unsupported value: ${formatFloat(n, 'g', -1)}`)
  if (kind !== 'float') return String(Math.trunc(n))
  // Go uses %f for 1e-6 <= |x| < 1e21 and %e otherwise, as JavaScript's String() does.
  return Object.is(n, -0) ? '-0' : String(n)
}

function encode(v: unknown, o: Required<JSONOptions>, indent: string): string {
  const nl = o.indent === '' ? '' : '\n' + indent + o.indent
  const close = o.indent === '' ? '' : '\n' + indent
  const colon = o.indent === '' ? ':' : ': '
  if (v === undefined || v === null) return 'null'
  if (typeof v === 'string') return jsonString(v, o.escapeHTML)
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number') return jsonNumber(v, Number.isInteger(v) ? 'int' : 'float')
  if (v instanceof GoNumber) {
    return jsonNumber(v.value, v.kind.startsWith('float') ? 'float' : 'int')
  }
  if (v instanceof GoStruct) {
    if (v.options.json !== undefined)
      return encode(
        v.options.json(),
        v.options.jsonEscapesHTML ? { ...o, escapeHTML: true } : o,
        indent,
      )
    const keys = Object.keys(v.fields)
    if (keys.length === 0) return '{}'
    return (
      '{' +
      keys
        .map(
          (k) =>
            nl + jsonString(k, o.escapeHTML) + colon + encode(v.fields[k], o, indent + o.indent),
        )
        .join(',') +
      close +
      '}'
    )
  }
  if (v instanceof GoFunc) throw new JSONError('json: unsupported type: func()')
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]'
    return '[' + v.map((e) => nl + encode(e, o, indent + o.indent)).join(',') + close + ']'
  }
  if (typeof v === 'object') {
    const m = v as Record<string, unknown>
    const keys = isMap(m as GoValue)
      ? sortedKeys(m as Record<string, GoValue>)
      : Object.keys(m).sort()
    if (keys.length === 0) return '{}'
    return (
      '{' +
      keys
        .map((k) => nl + jsonString(k, o.escapeHTML) + colon + encode(m[k], o, indent + o.indent))
        .join(',') +
      close +
      '}'
    )
  }
  throw new JSONError(`json: unsupported type: ${typeof v}`)
}

/** json.Marshal (or MarshalIndent with `indent`); throws JSONError for NaN, ±Inf, functions. */
export function marshalJSON(v: unknown, options: JSONOptions = {}): string {
  return encode(v, { escapeHTML: options.escapeHTML ?? true, indent: options.indent ?? '' }, '')
}
