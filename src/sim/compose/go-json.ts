/**
 * Go's encoding/json as compose's outputs use it (json.Marshal, formatter.ToJSON): compact,
 * with `<`, `>`, `&` and U+2028/U+2029 escaped, and time.Time in RFC 3339 with nanoseconds
 * trimmed of trailing zeros.
 */

/** json.Marshal of a value whose keys are already in Go's order. */
export function goJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** A time.Time in UTC as json.Marshal writes it (time.RFC3339Nano): `2026-01-05T09:00:00.5Z`. */
export function goTimeJson(timeNano: number): string {
  const ms = Math.floor(timeNano / 1e6)
  const iso = new Date(ms).toISOString().slice(0, 19)
  const nanos = String(Math.round(timeNano - Math.floor(timeNano / 1e9) * 1e9)).padStart(9, '0')
  const fraction = nanos.replace(/0+$/, '')
  return `${iso}${fraction === '' ? '' : `.${fraction}`}Z`
}

/** time.Time's zero value, as json.Marshal writes it. */
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z'
