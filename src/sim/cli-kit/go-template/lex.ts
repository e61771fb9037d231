/**
 * The text/template lexer (Go 1.24 text/template/parse/lex.go), state for state: trim markers
 * `{{- ` and ` -}}`, comments, quoted and raw strings, character constants, numbers, fields,
 * variables, keywords, and its error texts (`unclosed action`, `bad character U+007D '}'`…).
 * Positions are UTF-16 offsets into the template; the parser converts them to Go's byte columns.
 */

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'comment'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'EOF'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  // keywords
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with'

export const KEYWORDS: ReadonlyMap<string, ItemType> = new Map<string, ItemType>([
  ['.', 'dot'],
  ['block', 'block'],
  ['break', 'break'],
  ['continue', 'continue'],
  ['define', 'define'],
  ['else', 'else'],
  ['end', 'end'],
  ['if', 'if'],
  ['range', 'range'],
  ['nil', 'nil'],
  ['template', 'template'],
  ['with', 'with'],
])

export function isKeyword(t: ItemType): boolean {
  return [...KEYWORDS.values()].includes(t)
}

export interface Item {
  typ: ItemType
  pos: number
  val: string
  line: number
}

/** Go's item.String(), used in "unexpected X in Y" errors. */
export function itemString(i: Item): string {
  if (i.typ === 'EOF') return 'EOF'
  if (i.typ === 'error') return i.val
  if (isKeyword(i.typ)) return `<${i.val}>`
  if ([...i.val].length > 10) return goQuote([...i.val].slice(0, 10).join('')) + '...'
  return goQuote(i.val)
}

function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    if (ch === '"' || ch === '\\') out += '\\' + ch
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0')
    else out += ch
  }
  return out + '"'
}

/** Go's %#U: `U+007D '}'`. */
export function unicodeRune(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0')
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch) ? `${hex} '${ch}'` : hex
}

const EOF = ''
const SPACE_CHARS = ' \t\r\n'

function isSpace(r: string): boolean {
  return r === ' ' || r === '\t' || r === '\r' || r === '\n'
}

function isAlphaNumeric(r: string): boolean {
  return r === '_' || /^[\p{L}\p{Nd}]$/u.test(r)
}

function hasLeftTrimMarker(s: string): boolean {
  return s.length >= 2 && s[0] === '-' && isSpace(s[1] ?? '')
}

function hasRightTrimMarker(s: string): boolean {
  return s.length >= 2 && isSpace(s[0] ?? '') && s[1] === '-'
}

const TRIM_MARKER_LEN = 2
const LEFT_COMMENT = '/*'
const RIGHT_COMMENT = '*/'

type StateFn = ((l: Lexer) => StateFn) | null

export interface LexOptions {
  breakOK: boolean
  continueOK: boolean
}

export class Lexer {
  pos = 0
  start = 0
  atEOF = false
  parenDepth = 0
  line = 1
  startLine = 1
  item: Item = { typ: 'EOF', pos: 0, val: 'EOF', line: 1 }
  insideAction = false

  constructor(
    public input: string,
    readonly options: LexOptions,
    readonly leftDelim = '{{',
    readonly rightDelim = '}}',
  ) {}

  next(): string {
    if (this.pos >= this.input.length) {
      this.atEOF = true
      return EOF
    }
    const cp = this.input.codePointAt(this.pos) ?? 0
    const ch = String.fromCodePoint(cp)
    this.pos += ch.length
    if (ch === '\n') this.line++
    return ch
  }

  peek(): string {
    const r = this.next()
    this.backup()
    return r
  }

  backup(): void {
    if (!this.atEOF && this.pos > 0) {
      let w = 1
      const c = this.input.charCodeAt(this.pos - 1)
      if (c >= 0xdc00 && c <= 0xdfff && this.pos >= 2) w = 2
      this.pos -= w
      if (this.input[this.pos] === '\n') this.line--
    }
  }

  thisItem(t: ItemType): Item {
    const i: Item = {
      typ: t,
      pos: this.start,
      val: this.input.slice(this.start, this.pos),
      line: this.startLine,
    }
    this.start = this.pos
    this.startLine = this.line
    return i
  }

  emit(t: ItemType): StateFn {
    return this.emitItem(this.thisItem(t))
  }

  emitItem(i: Item): StateFn {
    this.item = i
    return null
  }

  ignore(): void {
    this.line += countNewlines(this.input.slice(this.start, this.pos))
    this.start = this.pos
    this.startLine = this.line
  }

  accept(valid: string): boolean {
    const r = this.next()
    if (r !== EOF && valid.includes(r)) return true
    this.backup()
    return false
  }

  acceptRun(valid: string): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || !valid.includes(r)) break
    }
    this.backup()
  }

  errorf(message: string): StateFn {
    this.item = { typ: 'error', pos: this.start, val: message, line: this.startLine }
    this.start = 0
    this.pos = 0
    this.input = ''
    return null
  }

  nextItem(): Item {
    this.item = { typ: 'EOF', pos: this.pos, val: 'EOF', line: this.startLine }
    let state: StateFn = this.insideAction ? lexInsideAction : lexText
    while (state !== null) state = state(this)
    return this.item
  }

  atRightDelim(): { delim: boolean; trimSpaces: boolean } {
    const rest = this.input.slice(this.pos)
    if (hasRightTrimMarker(rest) && rest.slice(TRIM_MARKER_LEN).startsWith(this.rightDelim)) {
      return { delim: true, trimSpaces: true }
    }
    if (rest.startsWith(this.rightDelim)) return { delim: true, trimSpaces: false }
    return { delim: false, trimSpaces: false }
  }

  atTerminator(): boolean {
    const r = this.peek()
    if (isSpace(r)) return true
    if (r === EOF || '.,|:)('.includes(r)) return true
    return this.input.slice(this.pos).startsWith(this.rightDelim)
  }

  scanNumber(): boolean {
    this.accept('+-')
    let digits = '0123456789_'
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_'
      else if (this.accept('oO')) digits = '01234567_'
      else if (this.accept('bB')) digits = '01_'
    }
    this.acceptRun(digits)
    if (this.accept('.')) this.acceptRun(digits)
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-')
      this.acceptRun('0123456789_')
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-')
      this.acceptRun('0123456789_')
    }
    this.accept('i')
    if (isAlphaNumeric(this.peek())) {
      this.next()
      return false
    }
    return true
  }
}

function countNewlines(s: string): number {
  let n = 0
  for (const c of s) if (c === '\n') n++
  return n
}

function rightTrimLength(s: string): number {
  let n = 0
  while (n < s.length && SPACE_CHARS.includes(s[s.length - 1 - n] ?? '')) n++
  return n
}

function leftTrimLength(s: string): number {
  let n = 0
  while (n < s.length && SPACE_CHARS.includes(s[n] ?? '')) n++
  return n
}

function lexText(l: Lexer): StateFn {
  const x = l.input.indexOf(l.leftDelim, l.pos)
  if (x >= 0) {
    if (x > l.pos) {
      l.pos = x
      let trimLength = 0
      const delimEnd = l.pos + l.leftDelim.length
      if (hasLeftTrimMarker(l.input.slice(delimEnd))) {
        trimLength = rightTrimLength(l.input.slice(l.start, l.pos))
      }
      l.pos -= trimLength
      l.line += countNewlines(l.input.slice(l.start, l.pos))
      const i = l.thisItem('text')
      l.pos += trimLength
      l.ignore()
      if (i.val.length > 0) return l.emitItem(i)
    }
    return lexLeftDelim
  }
  l.pos = l.input.length
  if (l.pos > l.start) {
    l.line += countNewlines(l.input.slice(l.start, l.pos))
    return l.emit('text')
  }
  return l.emit('EOF')
}

function lexLeftDelim(l: Lexer): StateFn {
  l.pos += l.leftDelim.length
  const trimSpace = hasLeftTrimMarker(l.input.slice(l.pos))
  const afterMarker = trimSpace ? TRIM_MARKER_LEN : 0
  if (l.input.slice(l.pos + afterMarker).startsWith(LEFT_COMMENT)) {
    l.pos += afterMarker
    l.ignore()
    return lexComment
  }
  const i = l.thisItem('leftDelim')
  l.insideAction = true
  l.pos += afterMarker
  l.ignore()
  l.parenDepth = 0
  return l.emitItem(i)
}

function lexComment(l: Lexer): StateFn {
  l.pos += LEFT_COMMENT.length
  const x = l.input.indexOf(RIGHT_COMMENT, l.pos)
  if (x < 0) return l.errorf('unclosed comment')
  l.pos = x + RIGHT_COMMENT.length
  const { delim, trimSpaces } = l.atRightDelim()
  if (!delim) return l.errorf('comment ends before closing delimiter')
  l.line += countNewlines(l.input.slice(l.start, l.pos))
  l.thisItem('comment')
  if (trimSpaces) l.pos += TRIM_MARKER_LEN
  l.pos += l.rightDelim.length
  if (trimSpaces) l.pos += leftTrimLength(l.input.slice(l.pos))
  l.ignore()
  return lexText
}

function lexRightDelim(l: Lexer): StateFn {
  const { trimSpaces } = l.atRightDelim()
  if (trimSpaces) {
    l.pos += TRIM_MARKER_LEN
    l.ignore()
  }
  l.pos += l.rightDelim.length
  const i = l.thisItem('rightDelim')
  if (trimSpaces) {
    l.pos += leftTrimLength(l.input.slice(l.pos))
    l.ignore()
  }
  l.insideAction = false
  return l.emitItem(i)
}

function lexInsideAction(l: Lexer): StateFn {
  const { delim } = l.atRightDelim()
  if (delim) {
    if (l.parenDepth === 0) return lexRightDelim
    return l.errorf('unclosed left paren')
  }
  const r = l.next()
  if (r === EOF) return l.errorf('unclosed action')
  if (isSpace(r)) {
    l.backup()
    return lexSpace
  }
  switch (r) {
    case '=':
      return l.emit('assign')
    case ':':
      if (l.next() !== '=') return l.errorf('expected :=')
      return l.emit('declare')
    case '|':
      return l.emit('pipe')
    case '"':
      return lexQuote
    case '`':
      return lexRawQuote
    case '$':
      return lexVariable
    case "'":
      return lexChar
    case '(':
      l.parenDepth++
      return l.emit('leftParen')
    case ')':
      l.parenDepth--
      if (l.parenDepth < 0) return l.errorf('unexpected right paren')
      return l.emit('rightParen')
  }
  if (r === '.') {
    const nextCh = l.input[l.pos]
    if (l.pos < l.input.length && !(nextCh !== undefined && nextCh >= '0' && nextCh <= '9')) {
      return lexField
    }
  }
  if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
    l.backup()
    return lexNumber
  }
  if (isAlphaNumeric(r)) {
    l.backup()
    return lexIdentifier
  }
  const cp = r.codePointAt(0) ?? 0
  if (cp <= 0x7f && cp >= 0x20 && cp !== 0x7f) return l.emit('char')
  return l.errorf(`unrecognized character in action: ${unicodeRune(r)}`)
}

function lexSpace(l: Lexer): StateFn {
  let numSpaces = 0
  for (;;) {
    const r = l.peek()
    if (!isSpace(r)) break
    l.next()
    numSpaces++
  }
  const rest = l.input.slice(l.pos - 1)
  if (hasRightTrimMarker(rest) && rest.slice(TRIM_MARKER_LEN).startsWith(l.rightDelim)) {
    l.backup()
    if (numSpaces === 1) return lexRightDelim
  }
  return l.emit('space')
}

function lexIdentifier(l: Lexer): StateFn {
  for (;;) {
    const r = l.next()
    if (r !== EOF && isAlphaNumeric(r)) continue
    l.backup()
    const word = l.input.slice(l.start, l.pos)
    if (!l.atTerminator()) return l.errorf(`bad character ${unicodeRune(r === EOF ? l.peek() : r)}`)
    const kw = KEYWORDS.get(word)
    if (kw !== undefined && word !== '.') {
      if ((kw === 'break' && !l.options.breakOK) || (kw === 'continue' && !l.options.continueOK)) {
        return l.emit('identifier')
      }
      return l.emit(kw)
    }
    if (word[0] === '.') return l.emit('field')
    if (word === 'true' || word === 'false') return l.emit('bool')
    return l.emit('identifier')
  }
}

function lexField(l: Lexer): StateFn {
  return lexFieldOrVariable(l, 'field')
}

function lexVariable(l: Lexer): StateFn {
  if (l.atTerminator()) return l.emit('variable')
  return lexFieldOrVariable(l, 'variable')
}

function lexFieldOrVariable(l: Lexer, typ: 'field' | 'variable'): StateFn {
  if (l.atTerminator()) return l.emit(typ === 'variable' ? 'variable' : 'dot')
  let r: string
  for (;;) {
    r = l.next()
    if (r === EOF || !isAlphaNumeric(r)) {
      l.backup()
      break
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${unicodeRune(r)}`)
  return l.emit(typ)
}

function lexChar(l: Lexer): StateFn {
  for (;;) {
    let r = l.next()
    if (r === '\\') {
      r = l.next()
      if (r !== EOF && r !== '\n') continue
      return l.errorf('unterminated character constant')
    }
    if (r === EOF || r === '\n') return l.errorf('unterminated character constant')
    if (r === "'") break
  }
  return l.emit('charConstant')
}

function lexNumber(l: Lexer): StateFn {
  if (!l.scanNumber())
    return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`)
  const sign = l.peek()
  if (sign === '+' || sign === '-') {
    if (!l.scanNumber() || l.input[l.pos - 1] !== 'i') {
      return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`)
    }
    return l.emit('complex')
  }
  return l.emit('number')
}

function lexQuote(l: Lexer): StateFn {
  for (;;) {
    let r = l.next()
    if (r === '\\') {
      r = l.next()
      if (r !== EOF && r !== '\n') continue
      return l.errorf('unterminated quoted string')
    }
    if (r === EOF || r === '\n') return l.errorf('unterminated quoted string')
    if (r === '"') break
  }
  return l.emit('string')
}

function lexRawQuote(l: Lexer): StateFn {
  for (;;) {
    const r = l.next()
    if (r === EOF) return l.errorf('unterminated raw quoted string')
    if (r === '`') break
  }
  return l.emit('rawString')
}
