/** Timestamps as the API server writes them: seconds precision, and microseconds for Leases. */
export const rfc3339 = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')

/** metav1.MicroTime (Lease renewTime, Event eventTime): `2026-01-05T09:00:00.000000Z`. */
export const microTime = (ms: number): string =>
  new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
