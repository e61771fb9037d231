/** Timestamps as the API server writes them: seconds precision, and microseconds for Leases. */

/** The last second formatted: status reports come in bursts at the same virtual instant. */
let lastSecond = Number.NaN
let lastStamp = ''

export const rfc3339 = (ms: number): string => {
  const second = Math.floor(ms / 1000)
  if (second !== lastSecond) {
    lastSecond = second
    lastStamp = new Date(second * 1000).toISOString().replace('.000Z', 'Z')
  }
  return lastStamp
}

/** metav1.MicroTime (Lease renewTime, Event eventTime): `2026-01-05T09:00:00.000000Z`. */
export const microTime = (ms: number): string =>
  new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
