/**
 * moby api/types/time ParseTimestamps: the client turns `--since 10m` or a date into
 * `seconds[.nanoseconds]` before it asks; the daemon reads that back. Returns epoch ms, or
 * undefined when the parameter is absent.
 */
export function parseApiTimestamp(
  text: string | undefined,
): { ok: true; ms: number | undefined } | { ok: false; message: string } {
  if (text === undefined || text === '') return { ok: true, ms: undefined }
  const m = /^(-?\d+)(?:\.(\d{1,9}))?$/.exec(text)
  if (!m) return { ok: false, message: `strconv.ParseInt: parsing "${text}": invalid syntax` }
  const seconds = Number(m[1])
  const nanos = Number((m[2] ?? '').padEnd(9, '0'))
  return { ok: true, ms: seconds * 1000 + Math.floor(nanos / 1_000_000) }
}

/** jsonmessage.RFC3339NanoFixed (2006-01-02T15:04:05.000000000Z07:00) in UTC, as logs -t shows. */
export function rfc3339NanoFixed(epochMs: number): string {
  const iso = new Date(epochMs).toISOString() // 2026-01-05T09:00:00.120Z
  return `${iso.slice(0, 23)}000000Z`
}
