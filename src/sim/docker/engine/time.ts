/** Go's zero time, which the daemon prints for "never" (a container that never started). */
export const ZERO_TIME = '0001-01-01T00:00:00Z'

/** A virtual instant as Go's time.RFC3339Nano prints it (trailing zeros of the fraction trimmed). */
export function rfc3339Nano(epochMs: number): string {
  const iso = new Date(epochMs).toISOString() // 2026-01-05T09:00:00.120Z
  const [whole, fraction = ''] = iso.slice(0, -1).split('.')
  const trimmed = fraction.replace(/0+$/, '')
  return trimmed === '' ? `${whole}Z` : `${whole}.${trimmed}Z`
}

export function parseRfc3339(text: string): number | undefined {
  if (text === ZERO_TIME) return undefined
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? undefined : ms
}
