/**
 * YAML exactly as sigs.k8s.io/yaml writes it (JSON → go-yaml v2 → libyaml's emitter): mapping
 * keys in go-yaml's natural order, sequences flush with their parent key, strings plain when they
 * would read back as strings, double-quoted when they would not (`"true"`, `"8080"`, timestamps),
 * single-quoted when plain is not allowed (`': '`, leading `*`), literal blocks for multi-line
 * text, and libyaml's folding of long plain or single-quoted strings past column 80.
 */

import { goYamlKeyLess } from '../../api/yaml-output'

// One key order for both YAML writers (go-yaml v2's keyList.Less).
export { goYamlKeyLess }

const BOOL_OR_NULL = new Set([
  '',
  '~',
  'null',
  'Null',
  'NULL',
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
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  'on',
  'On',
  'ON',
  'off',
  'Off',
  'OFF',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
  '.nan',
  '.NaN',
  '.NAN',
])

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|0[bB][01]+|[1-9][0-9]*|0)$/
const TIMESTAMP =
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?$/

/** Whether a plain scalar would read back as something other than a string (yaml.v2 resolve). */
function resolvesToNonString(s: string): boolean {
  if (BOOL_OR_NULL.has(s)) return true
  const first = s[0] ?? ''
  if (!/[-+.0-9]/.test(first)) return false
  const plain = s.replace(/_/g, '')
  if (GO_INT.test(plain)) return true
  if (/^[-+]?0[bB][01]+$/.test(plain)) return true
  if (YAML_FLOAT.test(plain)) return true
  if (BASE60_FLOAT.test(s)) return true
  return TIMESTAMP.test(s)
}

const isPrintable = (c: string): boolean => {
  const cp = c.codePointAt(0) ?? 0
  return (
    cp === 0x09 ||
    cp === 0x0a ||
    cp === 0x0d ||
    (cp >= 0x20 && cp <= 0x7e) ||
    cp === 0x85 ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  )
}

interface Analysis {
  plain: boolean
  single: boolean
  block: boolean
}

/** libyaml's yaml_emitter_analyze_scalar, block context. */
function analyze(s: string): Analysis {
  if (s === '') return { plain: false, single: true, block: false }
  if (s.startsWith('---') || s.startsWith('...')) return { plain: false, single: true, block: true }
  let blockIndicators = false
  let flowIndicators = false
  let lineBreaks = false
  let special = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  let precededByWhitespace = true
  let previousSpace = false
  let previousBreak = false
  const chars = [...s]
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string
    const next = chars[i + 1]
    const followedByWhitespace = next === undefined || /[ \t\r\n]/.test(next)
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) {
        flowIndicators = true
        blockIndicators = true
      }
      if (c === '?' || c === ':') {
        flowIndicators = true
        if (followedByWhitespace) blockIndicators = true
      }
      if (c === '-' && followedByWhitespace) {
        flowIndicators = true
        blockIndicators = true
      }
    } else {
      if (',?[]{}'.includes(c)) flowIndicators = true
      if (c === ':') {
        flowIndicators = true
        if (followedByWhitespace) blockIndicators = true
      }
      if (c === '#' && precededByWhitespace) {
        flowIndicators = true
        blockIndicators = true
      }
    }
    if (!isPrintable(c) || (c === '\ufeff' && i > 0)) special = true
    if (c === '\n' || c === '\r') lineBreaks = true
    if (c === ' ') {
      if (i === 0) leadingSpace = true
      if (i === chars.length - 1) trailingSpace = true
      if (previousBreak) breakSpace = true
      previousSpace = true
      previousBreak = false
    } else if (c === '\n' || c === '\r') {
      if (i === 0) leadingBreak = true
      if (i === chars.length - 1) trailingBreak = true
      if (previousSpace) spaceBreak = true
      previousSpace = false
      previousBreak = true
    } else {
      previousSpace = false
      previousBreak = false
    }
    precededByWhitespace = /[ \t\r\n]/.test(c)
  }
  let plain = true
  let single = true
  let block = true
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) plain = false
  if (trailingSpace) block = false
  if (breakSpace) {
    plain = false
    single = false
  }
  if (spaceBreak || special) {
    plain = false
    single = false
    block = false
  }
  if (lineBreaks) plain = false
  if (flowIndicators && blockIndicators) plain = false
  if (blockIndicators) plain = false
  return { plain, single, block }
}

const BEST_WIDTH = 80

class Writer {
  out = ''
  column = 0

  write(text: string): void {
    for (const ch of text) {
      if (ch === '\n') {
        this.out += ch
        this.column = 0
      } else {
        this.out += ch
        this.column++
      }
    }
  }

  newline(indent: number): void {
    this.out += '\n' + ' '.repeat(indent)
    this.column = indent
  }
}

/** libyaml write_plain / write_single_quoted: a space past column 80 becomes a line break. */
function writeFolded(w: Writer, s: string, indent: number, quote: boolean): void {
  if (quote) w.write("'")
  const chars = [...s]
  let spaces = false
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string
    if (c === ' ') {
      const next = chars[i + 1]
      const nextIsSpace = next === ' '
      const allowed = quote ? i !== 0 && i !== chars.length - 1 : true
      if (!spaces && w.column > BEST_WIDTH && allowed && !nextIsSpace) w.newline(indent)
      else w.write(c)
      spaces = true
    } else {
      w.write(quote && c === "'" ? "''" : c)
      spaces = false
    }
  }
  if (quote) w.write("'")
}

function doubleQuoted(s: string): string {
  let out = '"'
  for (const c of s) {
    const cp = c.codePointAt(0) ?? 0
    if (c === '"') out += '\\"'
    else if (c === '\\') out += '\\\\'
    else if (c === '\n') out += '\\n'
    else if (c === '\t') out += '\\t'
    else if (c === '\r') out += '\\r'
    else if (cp === 0) out += '\\0'
    else if (cp === 0x07) out += '\\a'
    else if (cp === 0x08) out += '\\b'
    else if (cp === 0x0b) out += '\\v'
    else if (cp === 0x0c) out += '\\f'
    else if (cp === 0x1b) out += '\\e'
    else if (cp === 0x85) out += '\\N'
    else if (cp === 0xa0) out += '\\_'
    else if (cp === 0x2028) out += '\\L'
    else if (cp === 0x2029) out += '\\P'
    else if (!isPrintable(c) || cp === 0xfeff) {
      if (cp <= 0xff) out += '\\x' + cp.toString(16).toUpperCase().padStart(2, '0')
      else if (cp <= 0xffff) out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0')
      else out += '\\U' + cp.toString(16).toUpperCase().padStart(8, '0')
    } else out += c
  }
  return out + '"'
}

/** A literal block (`|`, `|-`, `|+`, with an indentation hint when the text starts with a space). */
function writeLiteral(w: Writer, s: string, indent: number): void {
  let chomp = ''
  if (!s.endsWith('\n')) chomp = '-'
  else if (s === '\n' || s.endsWith('\n\n')) chomp = '+'
  const hint = s.startsWith(' ') || s.startsWith('\n') ? '2' : ''
  w.write(`|${hint}${chomp}`)
  const body = s.endsWith('\n') ? s.slice(0, -1) : s
  for (const line of body.split('\n')) {
    if (line === '') {
      w.out += '\n'
      w.column = 0
    } else {
      w.newline(indent)
      w.write(line)
    }
  }
}

/** Writes a string scalar at the current position; `indent` is where continuation lines go. */
function writeString(w: Writer, s: string, indent: number, isKey: boolean): void {
  const a = analyze(s)
  if (s.includes('\n')) {
    if (!isKey && a.block) writeLiteral(w, s, indent)
    else w.write(doubleQuoted(s))
  } else if (resolvesToNonString(s)) w.write(doubleQuoted(s))
  else if (a.plain) writeFolded(w, s, indent, false)
  else if (a.single) writeFolded(w, s, indent, true)
  else w.write(doubleQuoted(s))
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64) for the numbers JSON hands go-yaml. */
function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n)
  if (Number.isNaN(n)) return '.nan'
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf'
  const exp = Math.floor(Math.log10(Math.abs(n)))
  if (exp < -4 || exp >= 21) {
    const [mant = '', e = '0'] = n.toExponential().split('e')
    const sign = e.startsWith('-') ? '-' : '+'
    const digits = e.replace(/^[-+]/, '').padStart(2, '0')
    return `${mant}e${sign}${digits}`
  }
  return String(n)
}

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function sortedEntries(v: Record<string, unknown>): [string, unknown][] {
  return Object.entries(v)
    .filter(([, x]) => x !== undefined)
    .sort(([a], [b]) => (goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0))
}

function isEmptyCollection(v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0
  if (isMap(v)) return sortedEntries(v).length === 0
  return false
}

function writeScalar(w: Writer, v: unknown, indent: number): void {
  if (v === null || v === undefined) w.write('null')
  else if (typeof v === 'boolean') w.write(v ? 'true' : 'false')
  else if (typeof v === 'number') w.write(formatNumber(v))
  else if (typeof v === 'string') writeString(w, v, indent, false)
  else if (Array.isArray(v)) w.write('[]')
  else w.write('{}')
}

/** A mapping whose first key is written at the current position, the others at `indent`. */
function writeMapping(w: Writer, m: Record<string, unknown>, indent: number): void {
  sortedEntries(m).forEach(([key, value], i) => {
    if (i > 0) w.newline(indent)
    writeString(w, key, indent, true)
    w.write(':')
    if (isEmptyCollection(value) || (!Array.isArray(value) && !isMap(value))) {
      w.write(' ')
      writeScalar(w, value, indent + 2)
    } else if (Array.isArray(value)) {
      w.newline(indent)
      writeSequence(w, value, indent)
    } else {
      w.newline(indent + 2)
      writeMapping(w, value as Record<string, unknown>, indent + 2)
    }
  })
}

/** A sequence whose first `- ` is written at the current position, the others at `indent`. */
function writeSequence(w: Writer, items: readonly unknown[], indent: number): void {
  items.forEach((item, i) => {
    if (i > 0) w.newline(indent)
    w.write('- ')
    if (isEmptyCollection(item) || (!Array.isArray(item) && !isMap(item)))
      writeScalar(w, item, indent + 2)
    else if (Array.isArray(item)) writeSequence(w, item, indent + 2)
    else writeMapping(w, item as Record<string, unknown>, indent + 2)
  })
}

/** sigs.k8s.io/yaml.Marshal of a JSON value: the document text, ending with a newline. */
export function goYaml(value: unknown): string {
  const w = new Writer()
  const plain = JSON.parse(JSON.stringify(value ?? null)) as unknown
  if (isMap(plain) && !isEmptyCollection(plain)) writeMapping(w, plain, 0)
  else if (Array.isArray(plain) && plain.length > 0) writeSequence(w, plain, 0)
  else writeScalar(w, plain, 0)
  return w.out + '\n'
}
