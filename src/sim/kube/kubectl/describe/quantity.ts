/**
 * apimachinery's resource.Quantity, as far as describe needs it: parse `100m`, `70Mi`, `1.5`,
 * `1e3`; print the canonical form (`String()`: `1500m`, `1Gi`, `2k`); add; MilliValue/Value
 * rounded up as Go does. Values are exact: an integer mantissa times a power of ten.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

export interface Quantity {
  /** value = mantissa × 10^scale */
  readonly mantissa: bigint
  readonly scale: number
  readonly format: QuantityFormat
}

export const ZERO: Quantity = { mantissa: 0n, scale: 0, format: 'DecimalSI' }

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 }
const DECIMAL: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
}
const DECIMAL_SUFFIX = new Map(Object.entries(DECIMAL).map(([s, e]) => [e, s]))
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']

const pow10 = (n: number): bigint => 10n ** BigInt(n)

/** resource.ParseQuantity; undefined for text the API would have rejected. */
export function parseQuantity(text: unknown): Quantity | undefined {
  if (typeof text === 'number') return parseQuantity(String(text))
  if (typeof text !== 'string') return undefined
  const m = /^([+-]?)(\d*)(?:\.(\d*))?([eE][+-]?\d+|[KMGTPE]i|[numkMGTPE]?)$/.exec(text.trim())
  if (m === null) return undefined
  const [, sign = '', whole = '', frac = '', suffix = ''] = m
  if (whole === '' && frac === '') return undefined
  let mantissa = BigInt((whole || '0') + frac)
  let scale = -frac.length
  let format: QuantityFormat = 'DecimalSI'
  if (suffix in BINARY) {
    mantissa *= 1024n ** BigInt(BINARY[suffix] ?? 0)
    format = 'BinarySI'
  } else if (/^[eE]/.test(suffix)) {
    scale += Number(suffix.slice(1))
    format = 'DecimalExponent'
  } else {
    scale += DECIMAL[suffix] ?? 0
  }
  if (sign === '-') mantissa = -mantissa
  return { mantissa, scale, format }
}

/** Like parseQuantity, with the zero value for anything unreadable (a missing map entry). */
export const quantity = (text: unknown): Quantity => parseQuantity(text) ?? ZERO

function normalize(q: Quantity): { mantissa: bigint; scale: number } {
  let { mantissa, scale } = q
  if (mantissa === 0n) return { mantissa, scale: 0 }
  while (mantissa % 10n === 0n) {
    mantissa /= 10n
    scale++
  }
  return { mantissa, scale }
}

/** The integer value when exact, else undefined. */
function exactInteger(q: Quantity): bigint | undefined {
  const { mantissa, scale } = normalize(q)
  return scale >= 0 ? mantissa * pow10(scale) : undefined
}

/** Quantity.String(): the canonical form. */
export function quantityString(q: Quantity): string {
  if (q.mantissa === 0n) return '0'
  let format = q.format
  if (format === 'BinarySI') {
    const v = exactInteger(q)
    if (v === undefined || (v > -1024n && v < 1024n)) format = 'DecimalSI'
    else {
      let mantissa = v
      let exp = 0
      while (mantissa % 1024n === 0n && exp < 6) {
        mantissa /= 1024n
        exp++
      }
      return `${mantissa}${BINARY_SUFFIX[exp] ?? ''}`
    }
  }
  let { mantissa, scale } = normalize(q)
  const r = ((scale % 3) + 3) % 3
  mantissa *= pow10(r)
  scale -= r
  if (format === 'DecimalSI') {
    const suffix = DECIMAL_SUFFIX.get(scale)
    if (suffix !== undefined) return `${mantissa}${suffix}`
  }
  return scale === 0 ? `${mantissa}` : `${mantissa}e${scale}`
}

/** Quantity.Add: the receiver keeps its format unless it was zero. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const scale = Math.min(a.scale, b.scale)
  const mantissa = a.mantissa * pow10(a.scale - scale) + b.mantissa * pow10(b.scale - scale)
  return { mantissa, scale, format: a.mantissa === 0n ? b.format : a.format }
}

export function compareQuantity(a: Quantity, b: Quantity): number {
  const scale = Math.min(a.scale, b.scale)
  const x = a.mantissa * pow10(a.scale - scale)
  const y = b.mantissa * pow10(b.scale - scale)
  return x < y ? -1 : x > y ? 1 : 0
}

/** value × 10^shift rounded up (away from zero for positives, as Go's ScaledValue). */
function scaledCeil(q: Quantity, shift: number): number {
  const scale = q.scale + shift
  if (scale >= 0) return Number(q.mantissa * pow10(scale))
  const d = pow10(-scale)
  const quotient = q.mantissa / d
  return Number(q.mantissa % d > 0n ? quotient + 1n : quotient)
}

export const milliValue = (q: Quantity): number => scaledCeil(q, 3)
export const value = (q: Quantity): number => scaledCeil(q, 0)

export type ResourceList = Record<string, Quantity>

export function parseResourceList(list: unknown): ResourceList {
  const out: ResourceList = {}
  if (list === null || typeof list !== 'object') return out
  for (const [name, text] of Object.entries(list as Record<string, unknown>))
    out[name] = quantity(text)
  return out
}

export function addResourceList(into: ResourceList, add: ResourceList): void {
  for (const [name, q] of Object.entries(add)) {
    const have = into[name]
    into[name] = have === undefined ? q : addQuantity(have, q)
  }
}

export function maxResourceList(into: ResourceList, other: ResourceList): void {
  for (const [name, q] of Object.entries(other)) {
    const have = into[name]
    if (have === undefined || compareQuantity(q, have) > 0) into[name] = q
  }
}
