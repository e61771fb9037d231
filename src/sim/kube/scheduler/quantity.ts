/**
 * resource.Quantity as the scheduler and kubelet compare them: cpu in millicores, everything else
 * in bytes (or plain counts). Suffixes per apimachinery: decimal SI (k, M, G, T, P, E, m), binary SI
 * (Ki … Ei) and decimal exponents (`129e6`). A value that does not parse counts as 0, as the
 * API server would have refused it before it got here.
 */
const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
}
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
}

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/

/** The quantity's value in base units (cores, bytes, counts); undefined when it does not parse. */
export function parseQuantity(text: unknown): number | undefined {
  if (typeof text === 'number') return text
  if (typeof text !== 'string') return undefined
  const m = QUANTITY.exec(text.trim())
  if (m === null) return undefined
  const base = Number(m[1])
  if (m[2] !== undefined) return base * 10 ** Number(m[2].slice(1))
  const suffix = m[3] ?? ''
  return base * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1)
}

/** CPU in millicores, rounded up as the API server's canonical form does. */
export const milliCpu = (text: unknown): number =>
  Math.ceil((parseQuantity(text) ?? 0) * 1000 - 1e-9)

/** Memory or storage in bytes, rounded up. */
export const bytes = (text: unknown): number => Math.ceil(parseQuantity(text) ?? 0)
