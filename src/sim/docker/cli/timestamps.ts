/**
 * Times as `--since` and `--until` take them (docker api/types/time GetTimestamp, which the
 * client runs before it sends the request): a Go duration before now (`10m`, `1h30m`), an RFC
 * 3339 date or date-time (`2026-01-05`, `2026-01-05T09:00:00Z`, local time without a zone),
 * or Unix seconds with an optional fraction (`1767603600.5`).
 */
import { parseGoDuration } from '../../cli-kit/go-units'

export type TimestampResult = { ok: true; ms: number } | { ok: false; error: string }

/** The virtual machine runs on UTC, so local time is UTC. */
function parseDateTime(value: string): number | undefined {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(\.\d+)?)?)?)?(Z|[zZ]|[+-]\d{2}:\d{2})?$/.exec(
      value,
    )
  if (!m) return undefined
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m
  const month = Number(mo)
  const day = Number(d)
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined
  let ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s))
  if (frac !== '') ms += Math.floor(Number(`0${frac}`) * 1000)
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1
    const [zh = '0', zm = '0'] = zone.slice(1).split(':')
    ms -= sign * (Number(zh) * 60 + Number(zm)) * 60_000
  }
  return ms
}

/** Go's error for a date it could not read, in the common cases. */
function dateError(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (m) {
    if (Number(m[2]) < 1 || Number(m[2]) > 12) return `parsing time "${value}": month out of range`
    if (Number(m[3]) < 1 || Number(m[3]) > 31) return `parsing time "${value}": day out of range`
  }
  return `parsing time "${value}" as "2006-01-02T15:04:05Z07:00": cannot parse "${value}" as "2006"`
}

export function parseTimestamp(value: string, nowMs: number): TimestampResult {
  if (value !== '0') {
    const duration = parseGoDuration(value)
    // A duration is taken back from now, to the whole second, as GetTimestamp does.
    if (duration.ok)
      return {
        ok: true,
        ms: Math.floor((nowMs - Number(duration.value / 1_000_000n)) / 1000) * 1000,
      }
  }
  const date = parseDateTime(value)
  if (date !== undefined) return { ok: true, ms: date }
  if (value.includes('-')) return { ok: false, error: dateError(value) }
  if (/^\d+(\.\d{0,9})?$/.test(value)) return { ok: true, ms: Math.floor(Number(value) * 1000) }
  return { ok: false, error: `failed to parse value as time or duration: "${value}"` }
}

/** jsonmessage.RFC3339NanoFixed: always nine fraction digits. */
export function rfc3339NanoFixed(epochMs: number): string {
  const iso = new Date(epochMs).toISOString()
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`
}
