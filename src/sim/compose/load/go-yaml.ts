/**
 * A YAML writer that prints what go-yaml v3 prints with `SetIndent(2)` (how `docker compose
 * config` writes the project): insertion-ordered mappings, sequences indented under their key,
 * `{}` / `[]` for empty collections, plain scalars when go-yaml would leave them plain, double
 * quotes for strings that would read back as another type (`"8080"`, `"true"`), single quotes
 * for strings with indicators (`'a: b'`), literal blocks for multi-line strings.
 */

export type YamlValue =
  null | boolean | number | bigint | string | YamlValue[] | { [key: string]: YamlValue }

const INDENT = 2

export function toGoYaml(value: YamlValue): string {
  const lines: string[] = []
  if (isMap(value)) emitMap(value, 0, lines)
  else if (Array.isArray(value)) emitSeq(value, 0, lines)
  else lines.push(scalar(value, 0).join('\n'))
  return lines.join('\n') + '\n'
}

function isMap(v: YamlValue): v is { [key: string]: YamlValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isEmptyCollection(v: YamlValue): string | undefined {
  if (Array.isArray(v) && v.length === 0) return '[]'
  if (isMap(v) && Object.keys(v).length === 0) return '{}'
  return undefined
}

function emitMap(
  map: { [key: string]: YamlValue },
  indent: number,
  lines: string[],
  firstPrefix?: string,
): void {
  let first = true
  for (const [key, value] of Object.entries(map)) {
    const pad = first && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent)
    first = false
    const k = quoteString(key, true)
    const empty = isEmptyCollection(value)
    if (empty !== undefined) lines.push(`${pad}${k}: ${empty}`)
    else if (isMap(value)) {
      lines.push(`${pad}${k}:`)
      emitMap(value, indent + INDENT, lines)
    } else if (Array.isArray(value)) {
      lines.push(`${pad}${k}:`)
      emitSeq(value, indent + INDENT, lines)
    } else {
      const [head, ...rest] = scalar(value, indent + INDENT)
      lines.push(`${pad}${k}: ${head ?? ''}`)
      lines.push(...rest)
    }
  }
}

function emitSeq(seq: YamlValue[], indent: number, lines: string[]): void {
  const pad = ' '.repeat(indent)
  for (const item of seq) {
    const empty = isEmptyCollection(item)
    if (empty !== undefined) lines.push(`${pad}- ${empty}`)
    else if (isMap(item)) emitMap(item, indent + INDENT, lines, `${pad}- `)
    else if (Array.isArray(item)) {
      lines.push(`${pad}-`)
      emitSeq(item, indent + INDENT, lines)
    } else {
      const [head, ...rest] = scalar(item, indent + INDENT)
      lines.push(`${pad}- ${head ?? ''}`)
      lines.push(...rest)
    }
  }
}

function scalar(v: YamlValue, indent: number): string[] {
  if (v === null) return ['null']
  if (typeof v === 'boolean') return [v ? 'true' : 'false']
  if (typeof v === 'bigint') return [v.toString()]
  if (typeof v === 'number') return [formatNumber(v)]
  if (typeof v === 'string') {
    if (
      v.includes('\n') &&
      !/[^\n\t\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(v)
    ) {
      return literalBlock(v, indent)
    }
    return [quoteString(v, false)]
  }
  return ['null']
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan'
  if (n === Infinity) return '.inf'
  if (n === -Infinity) return '-.inf'
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n)
  // Go's strconv 'g' with the shortest representation.
  const exp = n.toExponential()
  const [mant = '', e = '0'] = exp.split('e')
  const power = Number(e)
  if (power < -4 || power >= 21)
    return `${mant}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`
  return String(n)
}

function literalBlock(s: string, indent: number): string[] {
  const trailing = /\n*$/.exec(s)?.[0].length ?? 0
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+'
  const body = trailing === 0 ? s : s.slice(0, s.length - (chomp === '+' ? 0 : 1))
  const indicator = /^[ \n]/.test(s) ? String(INDENT) : ''
  const pad = ' '.repeat(indent)
  const content = (chomp === '+' ? body.slice(0, -1) : body)
    .split('\n')
    .map((line) => (line === '' ? '' : pad + line))
  return [`|${indicator}${chomp}`, ...content]
}

const OLD_BOOLS = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'on',
  'On',
  'ON',
  'off',
  'Off',
  'OFF',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
])

/** Would go-yaml read this plain scalar back as something other than a string? */
function resolvesToNonString(s: string): boolean {
  if (OLD_BOOLS.has(s)) return true
  if (['~', 'null', 'Null', 'NULL', ''].includes(s)) return true
  if (/^[-+]?(\.inf|\.Inf|\.INF)$/.test(s) || /^(\.nan|\.NaN|\.NAN)$/.test(s)) return true
  if (s === '<<') return true
  const plain = s.replace(/_/g, '')
  if (/^[-+]?(0b[01]+|0o?[0-7]+|0x[0-9a-fA-F]+|[0-9]+)$/.test(plain)) return true
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain)) return true
  if (/^\d{4}-\d{1,2}-\d{1,2}([Tt ]|$)/.test(s)) return true
  // Base-60 floats (`1:20`) go-yaml quotes for YAML 1.1 readers.
  if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s)) return true
  return false
}

function plainAllowed(s: string): boolean {
  if (s === '' || /^\s|\s$/.test(s)) return false
  if (/[\n\r\t]/.test(s)) return false
  if (/[^\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(s)) return false
  const first = s[0] ?? ''
  const second = s[1]
  const blankAfter = (c: string | undefined): boolean => c === undefined || c === ' '
  if ('#,[]{}&*!|>\'"%@`'.includes(first)) return false
  if ((first === '?' || first === ':' || first === '-') && blankAfter(second)) return false
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c === ':' && blankAfter(s[i + 1])) return false
    if (c === '#' && s[i - 1] === ' ') return false
  }
  if (s.startsWith('---') || s.startsWith('...')) return false
  return true
}

function quoteString(s: string, isKey: boolean): string {
  void isKey
  if (resolvesToNonString(s)) return doubleQuoted(s)
  if (plainAllowed(s)) return s
  if (
    !/[^\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(s) &&
    !/[\n\r\t]/.test(s)
  ) {
    return `'${s.replace(/'/g, "''")}'`
  }
  return doubleQuoted(s)
}

function doubleQuoted(s: string): string {
  let out = '"'
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (code < 0x20 || code === 0x7f)
      out += `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    else out += ch
  }
  return out + '"'
}
