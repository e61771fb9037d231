/**
 * `kubectl get -o yaml` output: objects marshalled as kubectl 1.32 does (JSON → sigs.k8s.io/yaml →
 * go-yaml v2). That means map keys in go-yaml's "natural" order, sequences flush with their key,
 * `{}`/`[]` for empty collections, strings plain unless they would read back as something else
 * (`"1"`, `"true"`, `"on"`, `"2026-01-05T09:00:00Z"`, `""` are double-quoted) or clash with YAML
 * syntax (`'a: b'`, `'- x'`, `'#x'` are single-quoted), multi-line strings as `|` blocks, and long
 * plain/quoted scalars folded past column 80 — the emitter's own rules, re-derived here.
 */

const BEST_WIDTH = 80
const INDENT = 2

/** Any JSON value (what the API server holds). */
export type YamlValue = unknown

export function toYaml(value: YamlValue): string {
  const w = new Writer()
  w.document(value)
  return w.text()
}

// ---- key order: go-yaml v2's keyList.Less -------------------------------------------------

const isLetter = (c: string): boolean => /\p{L}/u.test(c)
const isDigit = (c: string): boolean => c >= '0' && c <= '9'

/** go-yaml sorts keys "naturally": runs of digits compare as numbers, letters after other runes. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = [...a]
  const br = [...b]
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] ?? ''
    const bc = br[i] ?? ''
    if (ac === bc) continue
    const al = isLetter(ac)
    const bl = isLetter(bc)
    if (al && bl) return ac < bc
    if (al || bl) return bl
    let an = 0
    let bn = 0
    if (ac === '0' || bc === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j] ?? ''); j--) {
        if (ar[j] !== '0') {
          an = 1
          bn = 1
          break
        }
      }
    }
    let ai = i
    for (; ai < ar.length && isDigit(ar[ai] ?? ''); ai++) an = an * 10 + Number(ar[ai])
    let bi = i
    for (; bi < br.length && isDigit(br[bi] ?? ''); bi++) bn = bn * 10 + Number(br[bi])
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return ac < bc
  }
  return ar.length < br.length
}

const sortKeys = (keys: string[]): string[] =>
  keys.sort((x, y) => (goYamlKeyLess(x, y) ? -1 : goYamlKeyLess(y, x) ? 1 : 0))

// ---- how a string would resolve if written plain (go-yaml v2's resolve) --------------------

const SPECIAL_WORDS = new Set([
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
const GO_INT =
  /^[+-]?(0[xX](_?[0-9a-fA-F])+|0[bB](_?[01])+|0[oO](_?[0-7])+|0(_?[0-7])*|[1-9](_?[0-9])*)$/
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const GO_FLOAT = /^[+-]?(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?$/
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/
const TIMESTAMP =
  /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[+-]\d{1,2}:\d{2}))|(?: \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?))?$/

/** Whether go-yaml would read `s`, written plain, back as a string. */
function resolvesToString(s: string): boolean {
  if (s === '') return false
  if (SPECIAL_WORDS.has(s)) return false
  const c = s.charAt(0)
  if (c === '.') return !GO_FLOAT.test(s)
  if (isDigit(c) || c === '+' || c === '-') {
    if (GO_INT.test(s)) return false
    if (YAML_FLOAT.test(s)) return false
    if (/^-?0b[01_]+$/.test(s)) return false
    if (TIMESTAMP.test(s)) return false
  }
  return true
}

// ---- the emitter's scalar analysis --------------------------------------------------------

const isBreak = (c: string): boolean =>
  c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029'
const isBlankz = (c: string | undefined): boolean =>
  c === undefined || c === ' ' || c === '\t' || isBreak(c) || c === '\0'

function isPrintable(c: string): boolean {
  const code = c.codePointAt(0) ?? 0
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x85 ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff) ||
    code >= 0x10000
  )
}

interface Analysis {
  multiline: boolean
  blockPlain: boolean
  singleQuoted: boolean
  blockAllowed: boolean
}

function analyze(s: string): Analysis {
  if (s === '')
    return { multiline: false, blockPlain: true, singleQuoted: true, blockAllowed: false }
  let flowIndicators = false
  let blockIndicators = false
  if (s.startsWith('---') || s.startsWith('...')) {
    flowIndicators = true
    blockIndicators = true
  }
  let lineBreaks = false
  let special = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  let previousSpace = false
  let previousBreak = false
  let precededByWhitespace = true
  const chars = [...s]
  chars.forEach((ch, i) => {
    const followedByWhitespace = isBlankz(chars[i + 1])
    const last = i === chars.length - 1
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true
        blockIndicators = true
      }
      if (ch === '?' || ch === ':') {
        flowIndicators = true
        if (followedByWhitespace) blockIndicators = true
      }
      if (ch === '-' && followedByWhitespace) {
        flowIndicators = true
        blockIndicators = true
      }
    } else {
      if (',?[]{}'.includes(ch)) flowIndicators = true
      if (ch === ':') {
        flowIndicators = true
        if (followedByWhitespace) blockIndicators = true
      }
      if (ch === '#' && precededByWhitespace) {
        flowIndicators = true
        blockIndicators = true
      }
    }
    if (!isPrintable(ch) || ch === '\ufeff') special = true
    if (isBreak(ch)) lineBreaks = true
    if (ch === ' ') {
      if (i === 0) leadingSpace = true
      if (last) trailingSpace = true
      if (previousBreak) breakSpace = true
      previousSpace = true
      previousBreak = false
    } else if (isBreak(ch)) {
      if (i === 0) leadingBreak = true
      if (last) trailingBreak = true
      if (previousSpace) spaceBreak = true
      previousBreak = true
      previousSpace = false
    } else {
      previousSpace = false
      previousBreak = false
    }
    precededByWhitespace = isBlankz(ch)
  })
  let blockPlain = true
  let singleQuoted = true
  let blockAllowed = true
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlain = false
  if (trailingSpace) blockAllowed = false
  if (breakSpace) {
    blockPlain = false
    singleQuoted = false
  }
  if (spaceBreak || special) {
    blockPlain = false
    singleQuoted = false
    blockAllowed = false
  }
  if (lineBreaks) blockPlain = false
  if (blockIndicators) blockPlain = false
  void flowIndicators
  return { multiline: lineBreaks, blockPlain, singleQuoted, blockAllowed }
}

type Style = 'plain' | 'single' | 'double' | 'literal'

function styleFor(s: string, simpleKey: boolean): Style {
  const a = analyze(s)
  let style: Style
  if (s.includes('\n')) style = 'literal'
  else if ((resolvesToString(s) || s === '<<') && !BASE60_FLOAT.test(s)) style = 'plain'
  else style = 'double'
  if (style === 'plain') {
    if (!a.blockPlain) style = 'single'
    else if (s.length === 0 && simpleKey) style = 'single'
  }
  if (style === 'single' && !a.singleQuoted) style = 'double'
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double'
  return style
}

// ---- numbers as Go formats them ------------------------------------------------------------

/** strconv.FormatFloat(f, 'g', -1, 64), as go-yaml writes a float. */
export function goFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan'
  if (n === Infinity) return '.inf'
  if (n === -Infinity) return '-.inf'
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n)
  const [mantissa = '0', expText = '0'] = n.toExponential().split('e')
  const exp = Number(expText)
  if (exp < -4 || exp >= 21) {
    const sign = exp < 0 ? '-' : '+'
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`
  }
  return String(n)
}

// ---- the writer -----------------------------------------------------------------------------

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

class Writer {
  private readonly out: string[] = []
  /** The current line, being built; `open` once it is started (it may still be empty). */
  private line = ''
  private open = false

  text(): string {
    return this.out.join('')
  }

  document(value: unknown): void {
    if (isMap(value) && Object.keys(value).some((k) => value[k] !== undefined))
      this.mapping(value, 0, false)
    else if (Array.isArray(value) && value.length > 0) this.sequence(value, 0, false)
    else {
      this.open = true
      if (isMap(value)) this.line = '{}'
      else if (Array.isArray(value)) this.line = '[]'
      else this.scalar(value, INDENT, false)
    }
    if (this.open) this.flush()
  }

  private flush(): void {
    this.out.push(`${this.line}\n`)
    this.line = ''
    this.open = false
  }

  /** Starts a line at `indent`, ending the current one if it was started. */
  private newLine(indent: number): void {
    if (this.open) this.flush()
    this.line = ' '.repeat(indent)
    this.open = true
  }

  /** `inline`: the first key goes on the current line (after `- `). */
  private mapping(map: Record<string, unknown>, indent: number, inline: boolean): void {
    const keys = sortKeys(Object.keys(map).filter((k) => map[k] !== undefined))
    keys.forEach((key, i) => {
      if (i > 0 || !inline) this.newLine(indent)
      this.key(key)
      this.value(map[key], indent)
    })
  }

  private sequence(items: unknown[], indent: number, inline: boolean): void {
    items.forEach((item, i) => {
      if (i > 0 || !inline) this.newLine(indent)
      this.line += '-'
      if (isMap(item) && Object.keys(item).some((k) => item[k] !== undefined)) {
        this.line += ' '
        this.mapping(item, indent + INDENT, true)
      } else if (Array.isArray(item) && item.length > 0) {
        this.line += ' '
        this.sequence(item, indent + INDENT, true)
      } else if (isMap(item)) this.line += ' {}'
      else if (Array.isArray(item)) this.line += ' []'
      else {
        this.line += ' '
        this.scalar(item, indent + INDENT, false)
      }
    })
  }

  private key(key: string): void {
    const style = styleFor(key, true)
    this.line += style === 'plain' ? key : style === 'single' ? singleQuote(key) : doubleQuote(key)
    this.line += ':'
  }

  /** A mapping value after `key:`; nested collections go on the next lines. */
  private value(v: unknown, indent: number): void {
    if (isMap(v)) {
      if (Object.keys(v).every((k) => v[k] === undefined)) this.line += ' {}'
      else this.mapping(v, indent + INDENT, false)
      return
    }
    if (Array.isArray(v)) {
      if (v.length === 0) this.line += ' []'
      else this.sequence(v, indent, false)
      return
    }
    this.line += ' '
    this.scalar(v, indent + INDENT, false)
  }

  /** A scalar at the current position; `indent` is where folded or block lines continue. */
  private scalar(v: unknown, indent: number, simpleKey: boolean): void {
    if (v === null || v === undefined) {
      this.line += 'null'
      return
    }
    if (typeof v === 'boolean') {
      this.line += v ? 'true' : 'false'
      return
    }
    if (typeof v === 'number') {
      this.line += goFloat(v)
      return
    }
    const s = typeof v === 'string' ? v : JSON.stringify(v)
    switch (styleFor(s, simpleKey)) {
      case 'plain':
        this.folded(s, indent, (c) => c, false)
        return
      case 'single':
        this.single(s, indent)
        return
      case 'double':
        this.double(s, indent)
        return
      case 'literal':
        this.literal(s, indent)
        return
    }
  }

  /** Plain scalars fold at a single space once the line is past the width. */
  private folded(s: string, indent: number, map: (c: string) => string, quoted: boolean): void {
    const chars = [...s]
    let spaces = false
    chars.forEach((c, i) => {
      if (c === ' ') {
        const canBreak = quoted ? i !== 0 && i !== chars.length - 1 : true
        if (!spaces && this.line.length > BEST_WIDTH && canBreak && chars[i + 1] !== ' ') {
          this.newLine(indent)
        } else this.line += c
        spaces = true
      } else {
        this.line += map(c)
        spaces = false
      }
    })
  }

  private single(s: string, indent: number): void {
    this.line += "'"
    this.folded(s, indent, (c) => (c === "'" ? "''" : c), true)
    this.line += "'"
  }

  private double(s: string, indent: number): void {
    this.line += '"'
    const chars = [...s]
    let spaces = false
    chars.forEach((c, i) => {
      if (c === ' ') {
        if (!spaces && this.line.length > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          this.newLine(indent)
          if (chars[i + 1] === ' ') this.line += '\\'
        } else this.line += c
        spaces = true
      } else {
        this.line += escapeDouble(c)
        spaces = false
      }
    })
    this.line += '"'
  }

  private literal(s: string, indent: number): void {
    this.line += '|'
    const first = s.charAt(0)
    if (first === ' ' || isBreak(first)) this.line += String(INDENT)
    const last = s.charAt(s.length - 1)
    if (!isBreak(last)) this.line += '-'
    else if (s.length === 1 || isBreak(s.charAt(s.length - 2))) this.line += '+'
    const lines = s.split('\n')
    // A trailing newline ends the last line rather than starting an empty one.
    if (isBreak(last)) lines.pop()
    for (const l of lines) {
      this.flush()
      this.line = l === '' ? '' : ' '.repeat(indent) + l
      this.open = true
    }
  }
}

function singleQuote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`
}

function escapeDouble(c: string): string {
  switch (c) {
    case '\0':
      return '\\0'
    case '\x07':
      return '\\a'
    case '\b':
      return '\\b'
    case '\t':
      return '\\t'
    case '\n':
      return '\\n'
    case '\v':
      return '\\v'
    case '\f':
      return '\\f'
    case '\r':
      return '\\r'
    case '\x1b':
      return '\\e'
    case '"':
      return '\\"'
    case '\\':
      return '\\\\'
    case '\u0085':
      return '\\N'
    case '\u00a0':
      return '\\_'
    case '\u2028':
      return '\\L'
    case '\u2029':
      return '\\P'
  }
  if (isPrintable(c) && c !== '\ufeff') return c
  const code = c.codePointAt(0) ?? 0
  if (code <= 0xff) return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
  if (code <= 0xffff) return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
  return `\\U${code.toString(16).toUpperCase().padStart(8, '0')}`
}

function doubleQuote(s: string): string {
  return `"${[...s].map(escapeDouble).join('')}"`
}
