/**
 * Go's encoding/json as kubectl uses it: MarshalIndent with kubectl's indents (four spaces for
 * objects, two for `version`), HTML-safe escaping of <, > and &, and map keys in the order the
 * object has them (Go structs keep field order; kubectl's unstructured maps sort keys, which the
 * API server's JSON already does for us).
 */

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

/** A JSON string as Go writes it. */
export function goJsonString(s: string): string {
  let out = '"'
  for (const ch of s) {
    const e = ESCAPES[ch]
    if (e !== undefined) out += e
    else if (ch < ' ') out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
    else out += ch
  }
  return out + '"'
}

function encode(value: unknown, indent: string, level: number, sortKeys: boolean): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return goJsonString(value)
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  const pad = indent === '' ? '' : '\n' + indent.repeat(level + 1)
  const close = indent === '' ? '' : '\n' + indent.repeat(level)
  const sep = indent === '' ? ':' : ': '
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    return `[${value.map((v) => pad + encode(v, indent, level + 1, sortKeys)).join(',')}${close}]`
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined,
  )
  if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  if (entries.length === 0) return '{}'
  return `{${entries
    .map(([k, v]) => pad + goJsonString(k) + sep + encode(v, indent, level + 1, sortKeys))
    .join(',')}${close}}`
}

/** json.MarshalIndent(value, "", indent) (no trailing newline). */
export function marshalIndent(value: unknown, indent: string, sortKeys = false): string {
  return encode(value, indent, 0, sortKeys)
}

/** kubectl's JSON printer: four-space indent, a newline at the end. */
export const printJson = (value: unknown): string => marshalIndent(value, '    ') + '\n'
