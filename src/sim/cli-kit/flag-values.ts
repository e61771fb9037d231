/**
 * The value types behind pflag flags: how each parses a command-line string (with the exact error
 * pflag prints after `invalid argument "x" for "--flag" flag: `), how it accumulates when repeated,
 * and how its default is written in help (Value.String()).
 *
 * Reference: spf13/pflag (bool.go, int*.go, uint*.go, float*.go, duration.go, count.go,
 * string_slice.go, string_array.go, string_to_string.go) and docker/cli opts (MemBytes, NanoCPUs).
 */
import {
  formatFloat,
  parseBool,
  parseFloat,
  parseInt,
  parseUint,
  type ParseOutcome,
} from './go-strconv'
import { bytesSize, goDurationString, parseGoDuration, ramInBytes } from './go-units'

/** Values of the built-in flag types, as the parser returns them. */
export interface BuiltinFlagValues {
  bool: boolean
  count: number
  string: string
  int: number
  int8: number
  int16: number
  int32: number
  int64: number
  uint: number
  uint8: number
  uint16: number
  uint32: number
  uint64: number
  float32: number
  float64: number
  /** Nanoseconds, like Go's time.Duration. */
  duration: number
  /** Comma-separated (CSV) values, appended across repeats. */
  stringSlice: string[]
  /** One value per occurrence, commas kept. */
  stringArray: string[]
  stringToString: Record<string, string>
  /** docker opts.MemBytes: `512m`, `1g` (units.RAMInBytes). */
  bytes: number
  /** docker opts.NanoCPUs: `1.5` CPUs as nano-CPUs. */
  decimal: number
}

export type BuiltinFlagType = keyof BuiltinFlagValues

const INT_BITS: Partial<Record<BuiltinFlagType, number>> = {
  int: 64,
  int8: 8,
  int16: 16,
  int32: 32,
  int64: 64,
}
const UINT_BITS: Partial<Record<BuiltinFlagType, number>> = {
  uint: 64,
  uint8: 8,
  uint16: 16,
  uint32: 32,
  uint64: 64,
}

/** encoding/csv's reading of a single record, as pflag's slice flags use it. */
export function readCsvRecord(text: string): ParseOutcome<string[]> {
  if (text === '') return { ok: true, value: [] }
  const chars = [...text]
  const fields: string[] = []
  let i = 0
  const err = (column: number, what: string): ParseOutcome<string[]> => ({
    ok: false,
    error: `parse error on line 1, column ${column}: ${what}`,
  })
  for (;;) {
    let field = ''
    if (chars[i] === '"') {
      i++
      for (;;) {
        if (i >= chars.length)
          return err(chars.length + 1, 'extraneous or missing " in quoted-field')
        const c = chars[i] ?? ''
        if (c === '"') {
          if (chars[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          const next = chars[i + 1]
          if (next === undefined || next === ',' || next === '\n' || next === '\r') {
            i++
            break
          }
          return err(i + 1, 'extraneous or missing " in quoted-field')
        }
        field += c
        i++
      }
    } else {
      while (i < chars.length && chars[i] !== ',' && chars[i] !== '\n') {
        if (chars[i] === '"') return err(i + 1, 'bare " in non-quoted-field')
        field += chars[i]
        i++
      }
    }
    fields.push(field)
    if (chars[i] === ',') {
      i++
      continue
    }
    return { ok: true, value: fields }
  }
}

/** encoding/csv's writing of one record (what pflag shows for slice defaults). */
export function writeCsvRecord(values: readonly string[]): string {
  return values
    .map((v) => {
      const needs = v !== '' && (/[",\r\n]/.test(v) || /^\s/u.test(v) || v === '\\.')
      return needs ? '"' + v.replace(/"/g, '""') + '"' : v
    })
    .join(',')
}

/** big.Rat.SetString for the forms `--cpus` sees: decimals (with exponent) and fractions. */
function parseRational(text: string): { num: bigint; den: bigint } | undefined {
  const frac = /^([+-]?\d+)\/(\d+)$/.exec(text)
  if (frac !== null) {
    const den = BigInt(frac[2] ?? '1')
    return den === 0n ? undefined : { num: BigInt(frac[1] ?? '0'), den }
  }
  const dec = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text)
  if (dec === null || ((dec[2] ?? '') === '' && (dec[3] ?? '') === '')) return undefined
  const digits = (dec[2] ?? '') + (dec[3] ?? '')
  let num = BigInt(digits === '' ? '0' : digits)
  let den = 10n ** BigInt((dec[3] ?? '').length)
  const exp = Number(dec[4] ?? '0')
  if (exp > 0) num *= 10n ** BigInt(exp)
  else if (exp < 0) den *= 10n ** BigInt(-exp)
  if (dec[1] === '-') num = -num
  return { num, den }
}

/** docker opts.ParseCPUs: a rational number of CPUs, returned in nano-CPUs. */
export function parseNanoCPUs(text: string): ParseOutcome<number> {
  const r = parseRational(text)
  if (r === undefined) return { ok: false, error: `failed to parse ${text} as a rational number` }
  const nano = r.num * 1000000000n
  if (nano % r.den !== 0n) return { ok: false, error: 'value is too precise' }
  return { ok: true, value: Number(nano / r.den) }
}

function nanoCPUsString(nano: number): string {
  if (nano === 0) return ''
  // big.Rat.FloatString(3): rounded half away from zero to 3 decimals.
  const neg = nano < 0
  const milli = Math.round(Math.abs(nano) / 1e6)
  const s = (milli / 1000).toFixed(3)
  return (neg ? '-' : '') + s
}

/**
 * Parses `raw` for a flag of `type`, given its current value and whether it was already set
 * on this command line (slices replace their default on the first set, then append).
 */
export function setBuiltin<T extends BuiltinFlagType>(
  type: T,
  raw: string,
  current: BuiltinFlagValues[T],
  changed: boolean,
): ParseOutcome<BuiltinFlagValues[T]> {
  const result = setAny(type, raw, current, changed)
  return result as ParseOutcome<BuiltinFlagValues[T]>
}

function setAny(
  type: BuiltinFlagType,
  raw: string,
  current: unknown,
  changed: boolean,
): ParseOutcome<unknown> {
  const intBits = INT_BITS[type]
  if (intBits !== undefined) {
    const r = parseInt(raw, 0, intBits)
    return r.ok ? { ok: true, value: Number(r.value) } : r
  }
  const uintBits = UINT_BITS[type]
  if (uintBits !== undefined) {
    const r = parseUint(raw, 0, uintBits)
    return r.ok ? { ok: true, value: Number(r.value) } : r
  }
  switch (type) {
    case 'bool':
      return parseBool(raw)
    case 'count': {
      if (raw === '+1') return { ok: true, value: (typeof current === 'number' ? current : 0) + 1 }
      const r = parseInt(raw, 0, 64)
      return r.ok ? { ok: true, value: Number(r.value) } : r
    }
    case 'string':
      return { ok: true, value: raw }
    case 'float32':
      return parseFloat(raw, 32)
    case 'float64':
      return parseFloat(raw, 64)
    case 'duration': {
      const r = parseGoDuration(raw)
      return r.ok ? { ok: true, value: Number(r.value) } : r
    }
    case 'stringSlice': {
      const r = readCsvRecord(raw)
      if (!r.ok) return r
      const prev = Array.isArray(current) ? (current as string[]) : []
      return { ok: true, value: changed ? [...prev, ...r.value] : r.value }
    }
    case 'stringArray': {
      const prev = Array.isArray(current) ? (current as string[]) : []
      return { ok: true, value: changed ? [...prev, raw] : [raw] }
    }
    case 'stringToString': {
      const r = readCsvRecord(raw)
      if (!r.ok) return r
      const out: Record<string, string> = changed ? { ...(current as Record<string, string>) } : {}
      for (const pair of r.value) {
        const eq = pair.indexOf('=')
        if (eq < 0) return { ok: false, error: `${pair} must be formatted as key=value` }
        out[pair.slice(0, eq)] = pair.slice(eq + 1)
      }
      return { ok: true, value: out }
    }
    case 'bytes':
      return ramInBytes(raw)
    case 'decimal':
      return parseNanoCPUs(raw)
    default:
      return { ok: false, error: `unsupported flag type ${type}` }
  }
}

/** Value.String() of a built-in value: how pflag writes a default in help. */
export function builtinString(type: BuiltinFlagType, value: unknown): string {
  switch (type) {
    case 'bool':
      return value === true ? 'true' : 'false'
    case 'string':
      return typeof value === 'string' ? value : ''
    case 'float32':
    case 'float64':
      return formatFloat(typeof value === 'number' ? value : 0, 'g', -1)
    case 'duration':
      return goDurationString(BigInt(Math.trunc(typeof value === 'number' ? value : 0)))
    case 'stringSlice':
    case 'stringArray':
      return '[' + writeCsvRecord(Array.isArray(value) ? (value as string[]) : []) + ']'
    case 'stringToString': {
      const map = (value ?? {}) as Record<string, string>
      const pairs = Object.keys(map)
        .sort()
        .map((k) => `${k}=${map[k] ?? ''}`)
      return '[' + writeCsvRecord(pairs) + ']'
    }
    case 'bytes': {
      const n = typeof value === 'number' ? value : 0
      return n === 0 ? '0' : bytesSize(n)
    }
    case 'decimal':
      return nanoCPUsString(typeof value === 'number' ? value : 0)
    default:
      return String(typeof value === 'number' ? Math.trunc(value) : 0)
  }
}

/** The zero value of each built-in type (a flag's default when none is given). */
export function builtinZero(type: BuiltinFlagType): unknown {
  switch (type) {
    case 'bool':
      return false
    case 'string':
      return ''
    case 'stringSlice':
    case 'stringArray':
      return []
    case 'stringToString':
      return {}
    default:
      return 0
  }
}

/** pflag's Value.Type() for the built-in types (what help shows as the value name source). */
export function builtinTypeName(type: BuiltinFlagType): string {
  switch (type) {
    case 'stringToString':
      return 'stringToString'
    default:
      return type
  }
}

/** pflag's defaultIsZeroValue: whether help leaves out "(default …)". */
export function isZeroDefault(type: BuiltinFlagType | 'custom', defValue: string): boolean {
  switch (type) {
    case 'bool':
      return defValue === 'false'
    case 'duration':
      return defValue === '0' || defValue === '0s'
    case 'int':
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
    case 'uint':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'uint64':
    case 'count':
    case 'float32':
    case 'float64':
      return defValue === '0'
    case 'string':
      return defValue === ''
    case 'stringSlice':
    case 'stringArray':
      return defValue === '[]'
    default:
      // Custom Value types: pflag checks the printed value against a few zero spellings.
      return ['false', '<nil>', '', '0'].includes(defValue)
  }
}
