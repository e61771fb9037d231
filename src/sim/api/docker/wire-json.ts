/**
 * JSON as the daemon writes it (Go's encoding/json behind httputils.WriteJSON): struct fields in
 * declaration order (our API objects keep that order), map keys sorted, `<`, `>` and `&` escaped
 * as \u003c…, U+2028/2029 escaped, and a newline after each value (json.Encoder.Encode).
 *
 * The real docker CLI prints `docker inspect` from these bytes (json.Indent of the raw body), so
 * the order and escaping are part of what the student sees.
 */

/** Fields whose Go type is a map (sorted on the wire), by name; `Config` only under LogConfig. */
const MAP_FIELDS = new Set([
  'Labels',
  'Options',
  'ExposedPorts',
  'Volumes',
  'PortBindings',
  'Networks',
  'DriverOpts',
  'Attributes',
  'IndexConfigs',
  'Runtimes',
  'Sysctls',
  'StorageOpt',
  'Tmpfs',
  'Containers',
  'Ports',
])

function isMapField(parent: string | undefined, key: string): boolean {
  if (key === 'Config') return parent === 'LogConfig'
  return MAP_FIELDS.has(key)
}

function goString(text: string): string {
  let out = '"'
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (ch === '"' || ch === '\\') out += `\\${ch}`
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (cp < 0x20 || ch === '<' || ch === '>' || ch === '&')
      out += `\\u${cp.toString(16).padStart(4, '0')}`
    else if (cp === 0x2028 || cp === 0x2029) out += `\\u${cp.toString(16)}`
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'
    else out += ch
  }
  return `${out}"`
}

function encode(value: unknown, sortKeys: boolean, key: string | undefined): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return goString(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null'
  if (Array.isArray(value)) return `[${value.map((v) => encode(v, false, key)).join(',')}]`
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    let keys = Object.keys(record).filter((k) => record[k] !== undefined)
    if (sortKeys) keys = keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    // A map's values are structs again unless the map itself holds maps (none of ours do).
    return `{${keys
      .map((k) => `${goString(k)}:${encode(record[k], !sortKeys && isMapField(key, k), k)}`)
      .join(',')}}`
  }
  return 'null'
}

/** One value as json.Marshal writes it (no trailing newline). */
export function wireJson(value: unknown): string {
  return encode(value, false, undefined)
}

/** One value as json.NewEncoder(w).Encode writes it: the JSON, then "\n". */
export function wireJsonLine(value: unknown): string {
  return `${wireJson(value)}\n`
}
