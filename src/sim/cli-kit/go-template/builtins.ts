/**
 * Template functions: Go's builtins (text/template funcs.go: and, or, not, len, index, slice,
 * print, printf, println, html, js, urlquery, call, eq, ne, lt, le, gt, ge) with their error
 * texts, docker's additions (docker/cli templates/templates.go: json, split, join, title, lower,
 * upper, pad, truncate, and the header variants), and kubectl's (cli-runtime printers/template.go:
 * exists, base64decode).
 */
import { marshalJSON, sprint, sprintf, sprintln } from '../go-fmt'
import {
  GoError,
  GoFunc,
  GoNumber,
  elemTypeOf,
  goTyped,
  isMap,
  keyTypeOf,
  kindOf,
  numberOf,
  typeNameOf,
  type GoValue,
} from '../go-value'
import { ref, truth, type FuncImpl, type Ref } from './exec'

/** indirectInterface: the value inside an interface (nil becomes invalid). */
function concrete(r: Ref): GoValue {
  return r.iface && r.v === null ? undefined : r.v
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

function byteLength(s: string): number {
  return encoder.encode(s).length
}

function indexArg(index: GoValue, cap: number): number | GoError {
  const k = kindOf(index)
  if (k === 'int' || k === 'uint') {
    const x = numberOf(index)
    if (x < 0 || x > cap) return new GoError(`index out of range: ${x}`)
    return x
  }
  if (k === 'invalid' || k === 'nil') return new GoError('cannot index slice/array with nil')
  return new GoError(`cannot index slice/array with type ${typeNameOf(index)}`)
}

function index(args: Ref[]): Ref | GoError {
  const [item, ...indexes] = args
  let v: GoValue = item === undefined ? undefined : concrete(item)
  let iface = item?.iface ?? false
  if (v === undefined) return new GoError('index of untyped nil')
  for (const i of indexes) {
    const idx = concrete(i)
    if (v === null) return new GoError('index of nil pointer')
    const k = kindOf(v)
    if (k === 'slice' || k === 'string') {
      const len: number =
        k === 'string' ? byteLength(v as string) : (v as readonly GoValue[]).length
      const x = indexArg(idx, len)
      if (x instanceof GoError) return x
      if (x === len) return new GoError('reflect: slice index out of range')
      if (k === 'string') {
        v = new GoNumber('uint8', encoder.encode(v as string)[x] ?? 0)
        iface = false
      } else {
        const arr = v as readonly GoValue[]
        iface = elemTypeOf(typeNameOf(arr)) === 'interface {}'
        v = arr[x]
      }
    } else if (k === 'map') {
      const m = v as Record<string, GoValue>
      const mapType = typeNameOf(m)
      const keyType = keyTypeOf(mapType)
      if (idx === undefined || idx === null) {
        return new GoError(`value is nil; should be of type ${keyType}`)
      }
      if (typeNameOf(idx) !== keyType) {
        return new GoError(`value has type ${typeNameOf(idx)}; should be ${keyType}`)
      }
      const elemType = elemTypeOf(mapType)
      iface = elemType === 'interface {}'
      const key = idx as string
      const found = Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined
      v = found !== undefined ? found : zeroOfType(elemType)
    } else {
      return new GoError(`can't index item of type ${typeNameOf(v)}`)
    }
  }
  return ref(v, iface)
}

function zeroOfType(typ: string): GoValue {
  if (typ === 'string') return ''
  if (typ === 'bool') return false
  if (typ === 'int') return 0
  if (/^(u?int\d*|float\d+)$/.test(typ)) return new GoNumber(typ as 'int64', 0)
  return null
}

function slice(args: Ref[]): Ref | GoError {
  const [item, ...indexes] = args
  const v = item === undefined ? undefined : concrete(item)
  if (v === undefined || v === null) return new GoError('slice of untyped nil')
  if (indexes.length > 3) return new GoError(`too many slice indexes: ${indexes.length}`)
  const k = kindOf(v)
  let len: number
  if (k === 'string') {
    if (indexes.length === 3) return new GoError('cannot 3-index slice a string')
    len = byteLength(v as string)
  } else if (k === 'slice') len = (v as readonly GoValue[]).length
  else return new GoError(`can't slice item of type ${typeNameOf(v)}`)
  const idx = [0, len, len]
  for (let i = 0; i < indexes.length; i++) {
    const x = indexArg(concrete(indexes[i] as Ref), len)
    if (x instanceof GoError) return x
    idx[i] = x
  }
  const [i0 = 0, i1 = len, i2 = len] = idx
  if (i0 > i1) return new GoError(`invalid slice index: ${i0} > ${i1}`)
  if (indexes.length === 3 && i1 > i2) return new GoError(`invalid slice index: ${i1} > ${i2}`)
  if (k === 'string') return ref(decoder.decode(encoder.encode(v as string).slice(i0, i1)))
  const arr = v as readonly GoValue[]
  const tag = typeNameOf(arr)
  const out = arr.slice(i0, i1)
  return ref(tag === '[]interface {}' ? out : goTyped(tag, out))
}

function length(args: Ref[]): Ref | GoError {
  const v = args[0]?.v
  if (v === undefined || v === null) return new GoError('len of untyped nil')
  switch (kindOf(v)) {
    case 'string':
      return ref(byteLength(v as string))
    case 'slice':
      return ref((v as readonly GoValue[]).length)
    case 'map':
      return ref(
        Object.keys(v as Record<string, GoValue>).filter(
          (k) => (v as Record<string, GoValue>)[k] !== undefined,
        ).length,
      )
    default:
      return new GoError(`len of type ${typeNameOf(v)}`)
  }
}

type BasicKind = 'bool' | 'int' | 'uint' | 'float' | 'string' | 'invalid'

function basicKind(v: GoValue): BasicKind {
  const k = kindOf(v)
  return k === 'bool' || k === 'int' || k === 'uint' || k === 'float' || k === 'string'
    ? k
    : 'invalid'
}

const BAD_COMPARISON_TYPE = 'invalid type for comparison'
const BAD_COMPARISON = 'incompatible types for comparison'

function eq(args: Ref[]): Ref | GoError {
  const [first, ...rest] = args
  const a = first === undefined ? undefined : concrete(first)
  if (rest.length === 0) return new GoError('missing argument for comparison')
  const k1 = basicKind(a)
  for (const r of rest) {
    const b = concrete(r)
    const k2 = basicKind(b)
    let t = false
    if (k1 !== k2) {
      if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) {
        t = numberOf(a) >= 0 && numberOf(b) >= 0 && numberOf(a) === numberOf(b)
      } else if (a !== undefined && b !== undefined) {
        return new GoError(BAD_COMPARISON)
      }
    } else if (k1 === 'invalid') {
      const aNil = a === undefined || a === null
      const bNil = b === undefined || b === null
      if (aNil || bNil) t = aNil === bNil
      else if (kindOf(a) === 'slice' || kindOf(a) === 'map' || kindOf(a) === 'func') {
        return new GoError(`non-comparable type ${sprint([a])}: ${typeNameOf(a)}`)
      } else t = a === b
    } else if (k1 === 'string' || k1 === 'bool') t = a === b
    else t = numberOf(a) === numberOf(b)
    if (t) return ref(true)
  }
  return ref(false)
}

function lt(args: Ref[]): Ref | GoError {
  const a = concrete(args[0] as Ref)
  const b = concrete(args[1] as Ref)
  const k1 = basicKind(a)
  if (k1 === 'invalid') return new GoError(BAD_COMPARISON_TYPE)
  const k2 = basicKind(b)
  if (k2 === 'invalid') return new GoError(BAD_COMPARISON_TYPE)
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return ref(numberOf(a) < 0 || numberOf(a) < numberOf(b))
    if (k1 === 'uint' && k2 === 'int') return ref(numberOf(b) >= 0 && numberOf(a) < numberOf(b))
    return new GoError(BAD_COMPARISON)
  }
  if (k1 === 'bool') return new GoError(BAD_COMPARISON_TYPE)
  if (k1 === 'string') return ref((a as string) < (b as string))
  return ref(numberOf(a) < numberOf(b))
}

function compare(op: 'ne' | 'le' | 'gt' | 'ge'): (args: Ref[]) => Ref | GoError {
  return (args) => {
    if (op === 'ne') {
      const e = eq(args)
      return e instanceof GoError ? e : ref(e.v !== true)
    }
    if (op === 'ge') {
      const l = lt(args)
      return l instanceof GoError ? l : ref(l.v !== true)
    }
    const l = lt(args)
    let le: Ref | GoError = l
    if (!(l instanceof GoError) && l.v !== true) le = eq(args)
    if (op === 'le') return le
    return le instanceof GoError ? le : ref(le.v !== true)
  }
}

/** evalArgs: a single string argument as is, anything else through fmt.Sprint. */
function evalArgs(args: Ref[]): string {
  const values = args.map((a) => a.v)
  if (values.length === 1 && typeof values[0] === 'string') return values[0]
  return sprint(values)
}

export function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => {
    switch (c) {
      case '\0':
        return '\uFFFD'
      case '"':
        return '&#34;'
      case "'":
        return '&#39;'
      case '&':
        return '&amp;'
      case '<':
        return '&lt;'
      default:
        return '&gt;'
    }
  })
}

export function jsEscape(s: string): string {
  let out = ''
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    switch (ch) {
      case '\\':
        out += '\\\\'
        break
      case "'":
        out += "\\'"
        break
      case '"':
        out += '\\"'
        break
      case '<':
        out += '\\u003C'
        break
      case '>':
        out += '\\u003E'
        break
      case '&':
        out += '\\u0026'
        break
      case '=':
        out += '\\u003D'
        break
      default:
        if (cp < 0x20 || (cp >= 0x7f && !/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch))) {
          out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0')
        } else out += ch
    }
  }
  return out
}

/** url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = ''
  for (const b of encoder.encode(s)) {
    const c = String.fromCharCode(b)
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c
    else if (c === ' ') out += '+'
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0')
  }
  return out
}

function callBuiltin(args: Ref[], calleeName?: string): Ref | GoError {
  const [fn, ...rest] = args
  const f = fn === undefined ? undefined : concrete(fn)
  if (f === undefined || f === null) return new GoError('call of nil')
  if (!(f instanceof GoFunc)) {
    return new GoError(`non-function ${calleeName ?? ''} of type ${typeNameOf(f)}`)
  }
  const values = rest.map((r) => r.v)
  const fixed = f.params.length
  if (f.variadic !== undefined ? values.length < fixed : values.length !== fixed) {
    return new GoError(
      f.variadic !== undefined
        ? `wrong number of args for ${calleeName ?? ''}: got ${values.length} want at least ${fixed}`
        : `wrong number of args for ${calleeName ?? ''}: got ${values.length} want ${fixed}`,
    )
  }
  const out = f.fn(...values)
  return out instanceof GoError ? out : ref(out)
}

const V = 'reflect.Value'
const ANY = 'interface {}'

function builtin(params: string[], call: FuncImpl['call'], variadic?: string): FuncImpl {
  const impl: FuncImpl = { params, call, builtin: true }
  if (variadic !== undefined) impl.variadic = variadic
  return impl
}

/** Go's builtin template functions. */
export const BUILTINS: ReadonlyMap<string, FuncImpl> = new Map<string, FuncImpl>([
  ['and', builtin([V], () => ref(undefined), V)],
  ['or', builtin([V], () => ref(undefined), V)],
  ['not', builtin([V], (a) => ref(!truth(concrete(a[0] as Ref)).truth))],
  ['call', builtin([V], callBuiltin, V)],
  ['html', builtin([], (a) => ref(htmlEscape(evalArgs(a))), ANY)],
  ['js', builtin([], (a) => ref(jsEscape(evalArgs(a))), ANY)],
  ['urlquery', builtin([], (a) => ref(queryEscape(evalArgs(a))), ANY)],
  ['index', builtin([V], index, V)],
  ['slice', builtin([V], slice, V)],
  ['len', builtin([ANY], length)],
  ['print', builtin([], (a) => ref(sprint(a.map((r) => r.v))), ANY)],
  [
    'printf',
    builtin(
      ['string'],
      (a) =>
        ref(
          sprintf(
            a[0]?.v as string,
            a.slice(1).map((r) => r.v),
          ),
        ),
      ANY,
    ),
  ],
  ['println', builtin([], (a) => ref(sprintln(a.map((r) => r.v))), ANY)],
  ['eq', builtin([V], eq, V)],
  ['ne', builtin([V, V], compare('ne'))],
  ['lt', builtin([V, V], lt)],
  ['le', builtin([V, V], compare('le'))],
  ['gt', builtin([V, V], compare('gt'))],
  ['ge', builtin([V, V], compare('ge'))],
])

// ---------------------------------------------------------------------------------------------
// docker/cli templates

/** strings.Title: upper-cases letters that start a word. */
export function goTitle(s: string): string {
  let prev = ' '
  let out = ''
  for (const ch of s) {
    out += isSeparator(prev) ? ch.toUpperCase() : ch
    prev = ch
  }
  return out
}

/** strings.isSeparator: ASCII alphanumerics, '_', letters and digits are not; spaces are. */
function isSeparator(ch: string): boolean {
  if ((ch.codePointAt(0) ?? 0) <= 0x7f) return !/^[A-Za-z0-9_]$/.test(ch)
  if (/^[\p{L}\p{Nd}]$/u.test(ch)) return false
  return /^\s$/u.test(ch)
}

function goSplit(s: string, sep: string): string[] {
  if (sep === '') return [...s]
  return s.split(sep)
}

/** docker's template functions (basicFunctions in docker/cli templates/templates.go). */
export const DOCKER_FUNCS: Readonly<Record<string, GoFunc>> = {
  json: new GoFunc([ANY], (v) => {
    try {
      return marshalJSON(v, { escapeHTML: false })
    } catch {
      return ''
    }
  }),
  split: new GoFunc(['string', 'string'], (s, sep) =>
    goTyped('[]string', goSplit(s as string, sep as string)),
  ),
  join: new GoFunc(['[]string', 'string'], (elems, sep) =>
    (elems as readonly GoValue[]).map((e) => (typeof e === 'string' ? e : '')).join(sep as string),
  ),
  title: new GoFunc(['string'], (s) => goTitle(s as string)),
  lower: new GoFunc(['string'], (s) => (s as string).toLowerCase()),
  upper: new GoFunc(['string'], (s) => (s as string).toUpperCase()),
  pad: new GoFunc(['string', 'int', 'int'], (s, prefix, suffix) =>
    s === '' ? '' : ' '.repeat(numberOf(prefix)) + (s as string) + ' '.repeat(numberOf(suffix)),
  ),
  truncate: new GoFunc(['string', 'int'], (s, n) => {
    const bytes = encoder.encode(s as string)
    return bytes.length < numberOf(n) ? (s as string) : decoder.decode(bytes.slice(0, numberOf(n)))
  }),
}

/**
 * docker's HeaderFunctions: the same names, returning their input, so `table {{upper .Name}}`
 * keeps its column header (pad is not overridden).
 */
export const DOCKER_HEADER_FUNCS: Readonly<Record<string, GoFunc>> = {
  json: new GoFunc(['string'], (v) => v),
  split: new GoFunc(['string', 'string'], (v) => v),
  join: new GoFunc(['string', 'string'], (v) => v),
  title: new GoFunc(['string'], (v) => v),
  lower: new GoFunc(['string'], (v) => v),
  upper: new GoFunc(['string'], (v) => v),
  truncate: new GoFunc(['string', 'int'], (v) => v),
}

// ---------------------------------------------------------------------------------------------
// kubectl (k8s.io/cli-runtime/pkg/printers/template.go)

function exists(item: GoValue, ...indices: GoValue[]): GoValue {
  let v: GoValue = item
  for (const i of indices) {
    if (v === undefined || v === null) return false
    const k = kindOf(v)
    if (k === 'slice' || k === 'string') {
      const ik = kindOf(i)
      if (ik !== 'int' && ik !== 'uint') return false
      const x = numberOf(i)
      const len = k === 'string' ? byteLength(v as string) : (v as readonly GoValue[]).length
      if (x < 0 || x >= len) return false
      v = k === 'string' ? encoder.encode(v as string)[x] : (v as readonly GoValue[])[x]
    } else if (isMap(v)) {
      if (typeof i !== 'string') return false
      const found = Object.prototype.hasOwnProperty.call(v, i) ? v[i] : undefined
      v = found !== undefined ? found : null
    } else return false
  }
  return v !== undefined && v !== null
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** base64.StdEncoding.DecodeString, with Go's "illegal base64 data at input byte N". */
export function base64Decode(
  s: string,
): { ok: true; value: string } | { ok: false; error: string } {
  const bytes: number[] = []
  let buf = 0
  let bits = 0
  let i = 0
  for (; i < s.length; i++) {
    const c = s[i] ?? ''
    if (c === '=') break
    const d = B64.indexOf(c)
    if (d < 0) return { ok: false, error: `illegal base64 data at input byte ${i}` }
    buf = (buf << 6) | d
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((buf >> bits) & 0xff)
    }
  }
  const dataLen = i
  let pad = 0
  for (; i < s.length; i++) {
    if (s[i] !== '=') return { ok: false, error: `illegal base64 data at input byte ${i}` }
    pad++
  }
  if ((dataLen + pad) % 4 !== 0 || pad > 2 || (pad > 0 && (dataLen % 4) + pad !== 4)) {
    const at = (dataLen + pad) % 4 === 0 ? dataLen : s.length - ((dataLen + pad) % 4)
    return { ok: false, error: `illegal base64 data at input byte ${Math.max(at, 0)}` }
  }
  return { ok: true, value: decoder.decode(new Uint8Array(bytes)) }
}

/** The functions kubectl adds to `-o go-template`. */
export const KUBECTL_FUNCS: Readonly<Record<string, GoFunc>> = {
  exists: new GoFunc([ANY], exists, ANY),
  base64decode: new GoFunc(['string'], (s) => {
    const r = base64Decode(s as string)
    return r.ok ? r.value : new GoError(`base64 decode failed: ${r.error}`)
  }),
}
