/**
 * Whether two plain JSON values would serialize to the same text — `JSON.stringify(a) ===
 * JSON.stringify(b)` — without building either text. Controllers and kubelets compare the status
 * they computed with the stored one before every status write; at tens of thousands of pods the
 * two serializations per comparison were a large share of a scale-up.
 *
 * Like JSON.stringify: key order matters, keys whose value is undefined (or a function) are
 * skipped, such array items count as null, and non-finite numbers as null. An undefined value
 * itself counts as null, as in an array (callers compare objects).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  const ta = kindOf(a)
  const tb = kindOf(b)
  if (ta !== tb) return false
  switch (ta) {
    case 'null':
      return true
    case 'number':
      return a === b
    case 'array': {
      const x = a as unknown[]
      const y = b as unknown[]
      if (x.length !== y.length) return false
      for (let i = 0; i < x.length; i++) if (!sameJson(x[i], y[i])) return false
      return true
    }
    case 'object': {
      const x = a as Record<string, unknown>
      const y = b as Record<string, unknown>
      // Walk both key lists in order, skipping what JSON.stringify leaves out.
      const kx = Object.keys(x)
      const ky = Object.keys(y)
      let i = 0
      let j = 0
      for (;;) {
        while (i < kx.length && omitted(x[kx[i] as string])) i++
        while (j < ky.length && omitted(y[ky[j] as string])) j++
        if (i === kx.length || j === ky.length) return i === kx.length && j === ky.length
        const k = kx[i] as string
        if (k !== ky[j] || !sameJson(x[k], y[k])) return false
        i++
        j++
      }
    }
    default:
      return false
  }
}

const omitted = (v: unknown): boolean =>
  v === undefined || typeof v === 'function' || typeof v === 'symbol'

/** The JSON kind a value serializes as. */
function kindOf(v: unknown): string {
  if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol')
    return 'null'
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : 'null'
  if (Array.isArray(v)) return 'array'
  return typeof v
}
