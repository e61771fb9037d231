/**
 * resource.Quantity, enough to compare requests with limits and to order values: `500m`, `1`,
 * `128Mi`, `1e3`, `2G`. Returns undefined for text the API server would reject at decoding.
 */
const SUFFIX: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
}

export const QUANTITY_PATTERN = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'

export function parseQuantity(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(.*)$/.exec(value.trim())
  if (m === null) return undefined
  const n = Number(m[1])
  const suffix = m[2] ?? ''
  const exp = /^[eE]([-+]?\d+)$/.exec(suffix)
  if (exp !== null) return n * 10 ** Number(exp[1])
  const factor = SUFFIX[suffix]
  return factor === undefined ? undefined : n * factor
}
