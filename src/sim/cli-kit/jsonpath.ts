/**
 * kubectl's JSONPath (k8s.io/client-go/util/jsonpath, parser.go and jsonpath.go): `{.a.b}`,
 * `{.items[*].metadata.name}`, `{range .items[*]}…{end}`, filters `[?(@.type=="Ready")]`, slices
 * `[0:2]` and `[-1]`, unions `[0,2]`, `..` recursive descent, `\.` in keys, quoted text `{"\n"}`.
 * Results of one expression are joined by spaces; maps and lists print as JSON. Error texts are
 * client-go's; `kubectlJSONPathError` frames them as kubectl prints them.
 */
import { formatValue, marshalJSON, sprintf } from './go-fmt'
import { parseBool, quote } from './go-strconv'
import {
  GoNumber,
  GoStruct,
  isMap,
  kindOf,
  numberOf,
  sortedKeys,
  typeNameOf,
  type GoValue,
} from './go-value'
import { unicodeRune } from './go-template/lex'

interface ParamsEntry {
  value: number
  known: boolean
  derived: boolean
}

type JPNode =
  | { type: 'list'; nodes: JPNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'array'; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: 'filter'; left: JPList; right: JPList; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: JPList[] }
  | { type: 'identifier'; name: string }

type JPList = { type: 'list'; nodes: JPNode[] }

class JPParseError extends Error {}

const EOF = ''

class Parser {
  pos = 0
  start = 0
  private width = 0
  root: JPList = { type: 'list', nodes: [] }

  constructor(private readonly input: string) {}

  parse(): JPList {
    this.parseText(this.root)
    return this.root
  }

  private consumeText(): string {
    const v = this.input.slice(this.start, this.pos)
    this.start = this.pos
    return v
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0
      return EOF
    }
    const cp = this.input.codePointAt(this.pos) ?? 0
    const ch = String.fromCodePoint(cp)
    this.width = ch.length
    this.pos += this.width
    return ch
  }

  private peek(): string {
    const r = this.next()
    this.backup()
    return r
  }

  private backup(): void {
    this.pos -= this.width
  }

  private parseText(cur: JPList): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() })
        this.parseLeftDelim(cur)
        return
      }
      if (this.next() === EOF) break
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() })
  }

  private parseLeftDelim(cur: JPList): void {
    this.pos += 1
    this.consumeText()
    const node: JPList = { type: 'list', nodes: [] }
    cur.nodes.push(node)
    this.parseInsideAction(node)
  }

  private parseInsideAction(cur: JPList): void {
    for (;;) {
      const rest = this.input.slice(this.pos)
      if (rest.startsWith('}')) {
        this.pos += 1
        this.consumeText()
        this.parseText(this.root)
        return
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur)
        continue
      }
      if (rest.startsWith('..')) {
        this.parseRecursive(cur)
        continue
      }
      const r = this.next()
      if (r === EOF || r === '\r' || r === '\n') throw new JPParseError('unclosed action')
      if (r === ' ' || r === '@' || r === '$') {
        this.consumeText()
        continue
      }
      if (r === '[') {
        this.parseArray(cur)
        continue
      }
      if (r === '"' || r === "'") {
        this.parseQuote(cur, r)
        continue
      }
      if (r === '.') {
        this.parseField(cur)
        continue
      }
      if (r === '+' || r === '-' || /^\p{Nd}$/u.test(r)) {
        this.backup()
        this.parseNumber(cur)
        continue
      }
      if (isAlphaNumeric(r)) {
        this.backup()
        this.parseIdentifier(cur)
        continue
      }
      throw new JPParseError(`unrecognized character in action: ${unicodeRune(r)}`)
    }
  }

  private parseIdentifier(cur: JPList): void {
    for (;;) {
      const r = this.next()
      if (isTerminator(r)) {
        this.backup()
        break
      }
    }
    const value = this.consumeText()
    if (value === 'true' || value === 'false') {
      const b = parseBool(value)
      cur.nodes.push({ type: 'bool', value: b.ok && b.value })
    } else cur.nodes.push({ type: 'identifier', name: value })
  }

  private parseRecursive(cur: JPList): void {
    const last = cur.nodes[cur.nodes.length - 1]
    if (last !== undefined && last.type === 'recursive') {
      throw new JPParseError('invalid multiple recursive descent')
    }
    this.pos += 2
    this.consumeText()
    cur.nodes.push({ type: 'recursive' })
    if (isAlphaNumeric(this.peek())) this.parseField(cur)
  }

  private parseNumber(cur: JPList): void {
    let r = this.peek()
    if (r === '+' || r === '-') this.next()
    for (;;) {
      r = this.next()
      if (r !== '.' && !/^\p{Nd}$/u.test(r)) {
        this.backup()
        break
      }
    }
    const value = this.consumeText()
    if (/^[+-]?\d+$/.test(value)) {
      cur.nodes.push({ type: 'int', value: Number(value) })
      return
    }
    const f = Number(value)
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value) && Number.isFinite(f)) {
      cur.nodes.push({ type: 'float', value: f })
      return
    }
    throw new JPParseError(`cannot parse number ${value}`)
  }

  private parseArray(cur: JPList): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === '\n') throw new JPParseError('unterminated array')
      if (r === ']') break
    }
    let text = this.consumeText().slice(1, -1)
    if (text === '*') text = ':'
    const parts = text.split(',')
    if (parts.length > 1) {
      const union: JPList[] = []
      for (const part of parts) union.push(parseAction(`[${part.replace(/^ +| +$/g, '')}]`))
      cur.nodes.push({ type: 'union', nodes: union })
      return
    }
    const dictKey = /^'([^']*)'$/.exec(text)
    if (dictKey !== null) {
      for (const node of parseAction(`.${dictKey[1] ?? ''}`).nodes) cur.nodes.push(node)
      return
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text)
    if (m === null) throw new JPParseError(`invalid array index ${text}`)
    const groups = [m[1] ?? '', m[2] ?? '', m[3] ?? '']
    const params: [ParamsEntry, ParamsEntry, ParamsEntry] = [
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
    ]
    for (let i = 0; i < 3; i++) {
      let g = groups[i] ?? ''
      const p = params[i] as ParamsEntry
      if (g !== '') {
        if (i > 0) g = g.slice(1)
        if (i > 0 && g === '') p.known = false
        else {
          if (!/^-?\d+$/.test(g)) throw new JPParseError(`array index ${g} is not a number`)
          p.known = true
          p.value = Number(g)
        }
      } else if (i === 1) {
        p.known = true
        p.value = params[0].value + 1
        p.derived = true
      }
    }
    cur.nodes.push({ type: 'array', params })
  }

  private parseFilter(cur: JPList): void {
    this.pos += 3
    this.consumeText()
    let begin = false
    let end = false
    let pair = ''
    for (;;) {
      const r = this.next()
      if (r === EOF || r === '\n') throw new JPParseError('unterminated filter')
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true
          pair = r
          continue
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true
      } else if (r === ')') {
        if (begin === end) break
      }
    }
    if (this.next() !== ']') throw new JPParseError('unclosed array expect ]')
    const text = this.consumeText().slice(0, -2)
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text)
    if (m === null) {
      cur.nodes.push({
        type: 'filter',
        left: parseAction(text),
        right: { type: 'list', nodes: [] },
        operator: 'exists',
      })
      return
    }
    cur.nodes.push({
      type: 'filter',
      left: parseAction(m[1] ?? ''),
      right: parseAction(m[3] ?? ''),
      operator: m[2] ?? '',
    })
  }

  private parseQuote(cur: JPList, end: string): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === '\n') throw new JPParseError('unterminated quoted string')
      if (r === end && this.input[this.pos - 2] !== '\\') break
    }
    const value = this.consumeText()
    const s = unquoteExtend(value)
    if (s === undefined) throw new JPParseError(`unquote string ${value} error invalid syntax`)
    cur.nodes.push({ type: 'text', text: s })
  }

  private parseField(cur: JPList): void {
    this.consumeText()
    for (;;) {
      const r = this.next()
      if (r === '\\') {
        this.next()
        continue
      }
      if (isTerminator(r)) {
        this.backup()
        break
      }
    }
    const value = this.consumeText()
    if (value === '*') cur.nodes.push({ type: 'wildcard' })
    else cur.nodes.push({ type: 'field', value: value.replace(/\\/g, '') })
  }
}

/** parseAction: the body of one `{…}`. */
function parseAction(text: string): JPList {
  const root = new Parser(`{${text}}`).parse()
  const first = root.nodes[0]
  return first !== undefined && first.type === 'list' ? first : { type: 'list', nodes: [] }
}

function isTerminator(r: string): boolean {
  return r === EOF || ' \t\r\n.,[]$@{}'.includes(r)
}

function isAlphaNumeric(r: string): boolean {
  return r === '_' || /^[\p{L}\p{Nd}]$/u.test(r)
}

/** UnquoteExtend: strconv.Unquote that also takes single-quoted strings. */
function unquoteExtend(s: string): string | undefined {
  const q = s[0]
  if (s.length < 2 || (q !== '"' && q !== "'") || s[s.length - 1] !== q) return undefined
  const body = s.slice(1, -1)
  if (!body.includes('\\') && !body.includes(q)) return body
  let out = ''
  for (let i = 0; i < body.length;) {
    const c = body[i] ?? ''
    if (c === q) return undefined
    if (c !== '\\') {
      out += c
      i++
      continue
    }
    const e = body[i + 1] ?? ''
    const simple: Record<string, string> = {
      a: '\x07',
      b: '\b',
      f: '\f',
      n: '\n',
      r: '\r',
      t: '\t',
      v: '\v',
      '\\': '\\',
      "'": "'",
      '"': '"',
    }
    const mapped = simple[e]
    if (mapped !== undefined && (e !== "'" || q === "'") && (e !== '"' || q === '"')) {
      out += mapped
      i += 2
      continue
    }
    const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0
    if (hexLen > 0 && /^[0-9a-fA-F]+$/.test(body.slice(i + 2, i + 2 + hexLen))) {
      const v = Number.parseInt(body.slice(i + 2, i + 2 + hexLen), 16)
      if (hexLen === 2) out += String.fromCharCode(v)
      else if (v <= 0x10ffff) out += String.fromCodePoint(v)
      else return undefined
      i += 2 + hexLen
      continue
    }
    if (/^[0-7]{3}$/.test(body.slice(i + 1, i + 4))) {
      out += String.fromCharCode(Number.parseInt(body.slice(i + 1, i + 4), 8))
      i += 4
      continue
    }
    return undefined
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// evaluation

class JPExecError extends Error {}

export interface JSONPathOptions {
  /** kubectl's --allow-missing-template-keys (default true): a missing field yields nothing. */
  allowMissingKeys?: boolean
  /** `-o jsonpath-as-json`: print all results as one indented JSON array. */
  outputJSON?: boolean
}

export type JSONPathErrorKind = 'parse' | 'exec'

export interface JSONPathError {
  kind: JSONPathErrorKind
  message: string
}

class Executor {
  private stack: GoValue[][] = []
  private cur: GoValue[] = []
  private beginRange = 0
  private inRange = 0
  private endRange = 0

  constructor(private readonly allowMissingKeys: boolean) {}

  findResults(data: GoValue, nodes: readonly JPNode[]): GoValue[][] {
    this.cur = [data]
    const full: GoValue[][] = []
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk(this.cur, nodes[i] as JPNode)
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange -= 1
        break
      }
      if (this.beginRange > 0) {
        this.beginRange -= 1
        this.inRange += 1
        results.forEach((value, k) => {
          if (k === results.length - 1) this.inRange -= 1
          full.push(...this.findResults(value, nodes.slice(i + 1)))
        })
        break
      }
      full.push(results)
    }
    return full
  }

  private walk(value: GoValue[], node: JPNode): GoValue[] {
    switch (node.type) {
      case 'list': {
        let cur = value
        for (const n of node.nodes) cur = this.walk(cur, n)
        return cur
      }
      case 'text':
        return [node.text]
      case 'field':
        return this.evalField(value, node.value)
      case 'array':
        return this.evalArray(value, node.params)
      case 'filter':
        return this.evalFilter(value, node)
      case 'int':
        return value.map(() => node.value)
      case 'float':
        return value.map(() => new GoNumber('float64', node.value))
      case 'bool':
        return value.map(() => node.value)
      case 'wildcard':
        return value.flatMap((v) => children(v))
      case 'recursive':
        return this.evalRecursive(value)
      case 'union':
        return node.nodes.flatMap((l) => this.walk(value, l))
      case 'identifier':
        return this.evalIdentifier(value, node.name)
    }
  }

  private evalIdentifier(input: GoValue[], name: string): GoValue[] {
    if (name === 'range') {
      this.stack.push(this.cur)
      this.beginRange += 1
      return input
    }
    if (name === 'end') {
      if (this.endRange < this.inRange) {
        this.endRange += 1
        return []
      }
      const popped = this.stack.pop()
      if (popped === undefined) throw new JPExecError('not in range, nothing to end')
      this.cur = popped
      return []
    }
    throw new JPExecError(`unrecognized identifier ${name}`)
  }

  private evalArray(input: GoValue[], spec: readonly ParamsEntry[]): GoValue[] {
    const result: GoValue[] = []
    for (const value of input) {
      if (value === null || value === undefined) continue
      if (!Array.isArray(value)) throw new JPExecError(`${typeNameOf(value)} is not array or slice`)
      const arr = value as readonly GoValue[]
      const params = spec.map((p) => ({ ...p }))
      const [p0, p1, p2] = params as [ParamsEntry, ParamsEntry, ParamsEntry]
      if (!p0.known) p0.value = 0
      if (p0.value < 0) p0.value += arr.length
      if (!p1.known) p1.value = arr.length
      if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += arr.length
      if (p1.value !== p0.value) {
        if (p0.value >= arr.length) {
          throw new JPExecError(
            `array index out of bounds: index ${p0.value}, length ${arr.length}`,
          )
        }
        if (p1.value > arr.length) {
          throw new JPExecError(
            `array index out of bounds: index ${p1.value - 1}, length ${arr.length}`,
          )
        }
      }
      const step = p2.known && p2.value > 0 ? p2.value : 1
      for (let i = p0.value; i < p1.value; i += step) result.push(arr[i])
    }
    return result
  }

  private evalField(input: GoValue[], name: string): GoValue[] {
    const results: GoValue[] = []
    if (input.length === 0) return results
    for (const value of input) {
      if (value === null || value === undefined) continue
      let found: GoValue
      if (value instanceof GoStruct) found = value.fields[name]
      else if (isMap(value))
        found = Object.prototype.hasOwnProperty.call(value, name) ? value[name] : undefined
      if (found !== undefined) results.push(found)
    }
    if (results.length === 0 && !this.allowMissingKeys)
      throw new JPExecError(`${name} is not found`)
    return results
  }

  private evalRecursive(input: GoValue[]): GoValue[] {
    const result: GoValue[] = []
    for (const value of input) {
      if (value === null || value === undefined) continue
      const kids = children(value)
      if (kids.length !== 0) {
        result.push(value)
        result.push(...this.evalRecursive(kids))
      }
    }
    return result
  }

  private evalFilter(
    input: GoValue[],
    node: { left: JPList; right: JPList; operator: string },
  ): GoValue[] {
    const results: GoValue[] = []
    for (const value of input) {
      if (!Array.isArray(value)) {
        throw new JPExecError(`${formatValue(value)} is not array or slice and cannot be filtered`)
      }
      for (const item of value as readonly GoValue[]) {
        let lefts: GoValue[]
        let leftError: unknown
        try {
          lefts = this.walk([item], node.left)
        } catch (e) {
          lefts = []
          leftError = e
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item)
          continue
        }
        if (leftError !== undefined) throw leftError
        if (lefts.length === 0) continue
        if (lefts.length > 1) throw new JPExecError('can only compare one element at a time')
        const rights = this.walk([item], node.right)
        if (rights.length !== 1) throw new JPExecError('can only compare one element at a time')
        if (compare(node.operator, lefts[0], rights[0])) results.push(item)
      }
    }
    return results
  }
}

function children(v: GoValue): GoValue[] {
  if (v instanceof GoStruct) return Object.values(v.fields)
  if (Array.isArray(v)) return [...(v as readonly GoValue[])]
  if (typeof v === 'string')
    return [...new TextEncoder().encode(v)].map((b) => new GoNumber('uint8', b))
  if (isMap(v)) return sortedKeys(v).map((k) => v[k])
  return []
}

/** The forked text/template comparisons client-go uses in filters. */
function compare(op: string, a: GoValue, b: GoValue): boolean {
  const ka = basicKind(a)
  const kb = basicKind(b)
  if (ka === 'invalid' || kb === 'invalid') throw new JPExecError('invalid type for comparison')
  const numeric = (k: string): boolean => k === 'int' || k === 'uint' || k === 'float'
  let cmp: number
  if (ka !== kb && !(ka !== 'float' && kb !== 'float' && numeric(ka) && numeric(kb))) {
    throw new JPExecError('incompatible types for comparison')
  }
  if (ka === 'bool') {
    if (op !== '==' && op !== '!=') throw new JPExecError('invalid type for comparison')
    cmp = a === b ? 0 : 1
  } else if (ka === 'string') cmp = (a as string) < (b as string) ? -1 : a === b ? 0 : 1
  else cmp = numberOf(a) - numberOf(b)
  switch (op) {
    case '<':
      return cmp < 0
    case '>':
      return cmp > 0
    case '==':
      return cmp === 0
    case '!=':
      return cmp !== 0
    case '<=':
      return cmp <= 0
    case '>=':
      return cmp >= 0
    default:
      throw new JPExecError(`unrecognized filter operator ${op}`)
  }
}

function basicKind(v: GoValue): string {
  const k = kindOf(v)
  return ['bool', 'int', 'uint', 'float', 'string'].includes(k) ? k : 'invalid'
}

function printResults(results: GoValue[], outputJSON: boolean): string {
  if (outputJSON) return marshalJSON(results, { indent: '    ' }) + '\n'
  return results
    .map((r) => {
      const k = kindOf(r)
      if (k === 'map' || k === 'slice' || k === 'struct') return marshalJSON(r)
      if (r === null || r === undefined) return 'null'
      return formatValue(r)
    })
    .join(' ')
}

/** A parsed JSONPath template, executable on many objects. */
export class JSONPath {
  private constructor(
    readonly text: string,
    private readonly root: JPList,
  ) {}

  static parse(
    text: string,
  ): { ok: true; jsonpath: JSONPath } | { ok: false; error: JSONPathError } {
    try {
      return { ok: true, jsonpath: new JSONPath(text, new Parser(text).parse()) }
    } catch (e) {
      if (e instanceof JPParseError)
        return { ok: false, error: { kind: 'parse', message: e.message } }
      throw e
    }
  }

  execute(
    data: GoValue,
    options: JSONPathOptions = {},
  ): { ok: true; output: string } | { ok: false; error: JSONPathError } {
    const exec = new Executor(options.allowMissingKeys ?? true)
    try {
      const results = exec.findResults(data, this.root.nodes)
      let out = ''
      for (const r of results) out += printResults(r, options.outputJSON === true)
      return { ok: true, output: out }
    } catch (e) {
      if (e instanceof JPExecError)
        return { ok: false, error: { kind: 'exec', message: e.message } }
      throw e
    }
  }
}

/**
 * The error text kubectl prints for `-o jsonpath` (after `error: `): parse errors name the
 * template; execution errors add a dump of the object in Go syntax (%#v).
 */
export function kubectlJSONPathError(text: string, error: JSONPathError, data: GoValue): string {
  if (error.kind === 'parse') return `error parsing jsonpath ${text}, ${error.message}`
  return (
    `error executing jsonpath ${quote(text)}: Error executing template: ${error.message}. ` +
    `Printing more information for debugging the template:\n\ttemplate was:\n\t\t${text}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${sprintf('%#v', [data])}\n\n`
  )
}
