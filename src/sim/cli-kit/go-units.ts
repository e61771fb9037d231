/**
 * Human-readable sizes and durations as docker and kubectl print them:
 * - docker/go-units v0.5 (size.go, duration.go): `4.2MB`, `1.5GiB`, `About a minute`, and the
 *   parsers behind `--memory 512m` (RAMInBytes) with their error texts;
 * - Go's time.Duration String/ParseDuration (pflag duration flags, `(default 30s)`);
 * - k8s.io/apimachinery/pkg/util/duration (the AGE column of `kubectl get`).
 *
 * Durations are taken in milliseconds (the virtual clock's unit) unless a name says nanoseconds.
 */
import { formatFloat, parseFloat, type ParseOutcome } from './go-strconv'

// ---------------------------------------------------------------------------------------------
// docker/go-units: sizes

const KB = 1000
const KiB = 1024
const DECIMAL_ABBRS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB']
const BINARY_ABBRS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB']

function sizeAndUnit(size: number, base: number, abbrs: readonly string[]): [number, string] {
  let i = 0
  let s = size
  while (s >= base && i < abbrs.length - 1) {
    s /= base
    i++
  }
  return [s, abbrs[i] ?? 'B']
}

/** units.HumanSizeWithPrecision: SI units, `%.*g` (docker images uses precision 3). */
export function humanSizeWithPrecision(size: number, precision: number): string {
  const [s, unit] = sizeAndUnit(size, 1000, DECIMAL_ABBRS)
  return formatFloat(s, 'g', precision) + unit
}

/** units.HumanSize: SI units with 4 significant digits (`2.746MB`, `796kB`). */
export function humanSize(size: number): string {
  return humanSizeWithPrecision(size, 4)
}

/** units.BytesSize: binary units with 4 significant digits (`44KiB`, `1.5GiB`). */
export function bytesSize(size: number): string {
  const [s, unit] = sizeAndUnit(size, 1024, BINARY_ABBRS)
  return formatFloat(s, 'g', 4) + unit
}

const DECIMAL_MAP: Record<string, number> = {
  k: KB,
  m: KB ** 2,
  g: KB ** 3,
  t: KB ** 4,
  p: KB ** 5,
}
const BINARY_MAP: Record<string, number> = {
  k: KiB,
  m: KiB ** 2,
  g: KiB ** 3,
  t: KiB ** 4,
  p: KiB ** 5,
}

/** go-units parseSize: the number, an optional space, then b, k, kb, kib (any case). */
function parseSize(sizeStr: string, unitMap: Record<string, number>): ParseOutcome<number> {
  let sep = -1
  for (let i = sizeStr.length - 1; i >= 0; i--) {
    if ('01234567890. '.includes(sizeStr[i] ?? '')) {
      sep = i
      break
    }
  }
  if (sep === -1) return { ok: false, error: `invalid size: '${sizeStr}'` }
  let num: string
  let sfx: string
  if (sizeStr[sep] !== ' ') {
    num = sizeStr.slice(0, sep + 1)
    sfx = sizeStr.slice(sep + 1)
  } else {
    num = sizeStr.slice(0, sep)
    sfx = sizeStr.slice(sep + 1)
  }
  const parsed = parseFloat(num)
  if (!parsed.ok) return parsed
  let size = parsed.value
  if (size < 0) return { ok: false, error: `invalid size: '${sizeStr}'` }
  if (sfx.length === 0) return { ok: true, value: Math.trunc(size) }
  const badSuffix = (s: string): ParseOutcome<number> => ({
    ok: false,
    error: `invalid suffix: '${s}'`,
  })
  if (sfx.length > 3) return badSuffix(sfx)
  sfx = sfx.toLowerCase()
  if (sfx[0] === 'b') return sfx.length > 1 ? badSuffix(sfx) : { ok: true, value: Math.trunc(size) }
  const mul = unitMap[sfx[0] ?? '']
  if (mul === undefined) return badSuffix(sfx)
  size *= mul
  if (sfx.length === 2 && sfx[1] !== 'b') return badSuffix(sfx)
  if (sfx.length === 3 && sfx.slice(1) !== 'ib') return badSuffix(sfx)
  return { ok: true, value: Math.trunc(size) }
}

/** units.FromHumanSize: SI multipliers (`44kB` = 44000). */
export function fromHumanSize(size: string): ParseOutcome<number> {
  return parseSize(size, DECIMAL_MAP)
}

/** units.RAMInBytes: binary multipliers (`512m` = 536870912), behind docker's `bytes` flags. */
export function ramInBytes(size: string): ParseOutcome<number> {
  return parseSize(size, BINARY_MAP)
}

// ---------------------------------------------------------------------------------------------
// docker/go-units: durations

/** units.HumanDuration: `Less than a second`, `About a minute`, `3 days`, `2 years`… */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000)
  if (seconds < 1) return 'Less than a second'
  if (seconds === 1) return '1 second'
  if (seconds < 60) return `${seconds} seconds`
  const minutes = Math.trunc(ms / 60000)
  if (minutes === 1) return 'About a minute'
  if (minutes < 60) return `${minutes} minutes`
  const hours = Math.trunc(ms / 3600000 + 0.5)
  if (hours === 1) return 'About an hour'
  if (hours < 48) return `${hours} hours`
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`
  return `${Math.trunc(Math.trunc(ms / 3600000) / 24 / 365)} years`
}

// ---------------------------------------------------------------------------------------------
// k8s.io/apimachinery/pkg/util/duration

/** duration.HumanDuration: the AGE column (`59s`, `3m20s`, `15m`, `5h3m`, `3d4h`, `2y30d`). */
export function kubeHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.trunc(ms / 60000)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.trunc(ms / 3600000)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365
    const y = Math.trunc(hours / 24 / 365)
    return dy === 0 ? `${y}y` : `${y}y${dy}d`
  }
  return `${Math.trunc(hours / 24 / 365)}y`
}

/** duration.ShortHumanDuration: one unit only (`5s`, `4m`, `3h`, `12d`, `2y`). */
export function kubeShortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60) return `${seconds}s`
  const minutes = Math.trunc(ms / 60000)
  if (minutes < 60) return `${minutes}m`
  const hours = Math.trunc(ms / 3600000)
  if (hours < 24) return `${hours}h`
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`
  return `${Math.trunc(hours / 24 / 365)}y`
}

// ---------------------------------------------------------------------------------------------
// Go time.Duration (nanoseconds as bigint, so int64 limits and exact digits hold)

const NS = {
  ns: 1n,
  us: 1000n,
  µs: 1000n,
  μs: 1000n,
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
} as const
const MAX_INT64 = (1n << 63n) - 1n

/** The time package's own quoting for duration errors (non-ASCII as \x bytes). */
function timeQuote(s: string): string {
  let out = '"'
  const bytes = new TextEncoder().encode(s)
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0
    if (b >= 0x80 || b < 0x20) out += '\\x' + b.toString(16).padStart(2, '0')
    else {
      const c = String.fromCharCode(b)
      out += c === '"' || c === '\\' ? '\\' + c : c
    }
  }
  return out + '"'
}

/** time.ParseDuration: `300ms`, `-1.5h`, `2h45m`; errors as Go words them. */
export function parseGoDuration(input: string): ParseOutcome<bigint> {
  const invalid = { ok: false as const, error: `time: invalid duration ${timeQuote(input)}` }
  let s = input
  let neg = false
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-'
    s = s.slice(1)
  }
  if (s === '0') return { ok: true, value: 0n }
  if (s === '') return invalid
  let total = 0n
  while (s !== '') {
    if (!(s[0] === '.' || ((s[0] ?? '') >= '0' && (s[0] ?? '') <= '9'))) return invalid
    const intMatch = /^[0-9]*/.exec(s)?.[0] ?? ''
    s = s.slice(intMatch.length)
    const pre = intMatch.length > 0
    let frac = ''
    let post = false
    if (s[0] === '.') {
      s = s.slice(1)
      frac = /^[0-9]*/.exec(s)?.[0] ?? ''
      s = s.slice(frac.length)
      post = frac.length > 0
    }
    if (!pre && !post) return invalid
    const unitText = /^[^0-9.]*/.exec(s)?.[0] ?? ''
    if (unitText === '') {
      return { ok: false, error: `time: missing unit in duration ${timeQuote(input)}` }
    }
    s = s.slice(unitText.length)
    const unit = (NS as Record<string, bigint>)[unitText]
    if (unit === undefined) {
      return {
        ok: false,
        error: `time: unknown unit ${timeQuote(unitText)} in duration ${timeQuote(input)}`,
      }
    }
    const v = BigInt(intMatch === '' ? '0' : intMatch)
    if (v > MAX_INT64 / unit) return invalid
    let part = v * unit
    if (frac !== '') {
      // Go accumulates fraction digits until they would overflow, then scales in float64.
      let f = 0n
      let scale = 1
      for (const c of frac) {
        if (f > MAX_INT64 / 10n) break
        f = f * 10n + BigInt(c)
        scale *= 10
      }
      part += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)))
    }
    total += part
    if (total > MAX_INT64) return invalid
  }
  return { ok: true, value: neg ? -total : total }
}

function fracDigits(v: bigint, prec: number): [string, bigint] {
  let out = ''
  let printed = false
  let u = v
  for (let i = 0; i < prec; i++) {
    const digit = u % 10n
    printed = printed || digit !== 0n
    if (printed) out = digit.toString() + out
    u /= 10n
  }
  return [printed ? '.' + out : '', u]
}

/** time.Duration.String: `0s`, `1.5s`, `2m0s`, `1h0m0s`, `300ms`, `1µs`. */
export function goDurationString(ns: bigint): string {
  const neg = ns < 0n
  let u = neg ? -ns : ns
  let out: string
  if (u < NS.s) {
    if (u === 0n) return '0s'
    let prec: number
    let unit: string
    if (u < NS.us) {
      prec = 0
      unit = 'ns'
    } else if (u < NS.ms) {
      prec = 3
      unit = 'µs'
    } else {
      prec = 6
      unit = 'ms'
    }
    const [frac, rest] = fracDigits(u, prec)
    out = rest.toString() + frac + unit
  } else {
    const [frac, secs] = fracDigits(u, 9)
    u = secs
    out = (u % 60n).toString() + frac + 's'
    u /= 60n
    if (u > 0n) {
      out = (u % 60n).toString() + 'm' + out
      u /= 60n
      if (u > 0n) out = u.toString() + 'h' + out
    }
  }
  return neg ? '-' + out : out
}
