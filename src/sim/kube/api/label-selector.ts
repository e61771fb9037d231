/**
 * Label selectors as apimachinery parses and matches them: the string form (`app=web,tier!=db`,
 * `env in (prod,qa)`, `!canary`) that `-l` and `?labelSelector=` carry, and the structured
 * metav1.LabelSelector (matchLabels + matchExpressions) that workloads carry. Parse errors are the
 * parser's own words, which the API server returns as a BadRequest.
 */
import { err, ok, type Result } from '../../core/errors'
import type { LabelSelector } from './object'
import { isQualifiedName, isValidLabelValue } from './validation/names'

export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt'

export interface Requirement {
  readonly key: string
  readonly operator: Operator
  readonly values: readonly string[]
}

/** A parsed selector: every requirement must hold. Empty matches everything. */
export interface Selector {
  readonly requirements: readonly Requirement[]
  /** A nil LabelSelector selects nothing (as a workload without a selector). */
  readonly nothing?: boolean
}

export type Labels = Readonly<Record<string, string>> | undefined

export const EVERYTHING: Selector = { requirements: [] }
export const NOTHING: Selector = { requirements: [], nothing: true }

export function matches(selector: Selector, labels: Labels): boolean {
  if (selector.nothing) return false
  for (const r of selector.requirements) if (!matchesRequirement(r, labels)) return false
  return true
}

function matchesRequirement(r: Requirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key)
  const value = has ? labels[r.key] : undefined
  switch (r.operator) {
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(value ?? '')
    case '!=':
    case 'notin':
      return !has || !r.values.includes(value ?? '')
    case 'exists':
      return has
    case '!':
      return !has
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(value ?? '')) return false
      const n = Number(value)
      const bound = Number(r.values[0])
      return r.operator === 'gt' ? n > bound : n < bound
    }
  }
}

/** The structured selector of a workload, or the field error text apimachinery would give. */
export function fromLabelSelector(
  selector: LabelSelector | null | undefined,
): Result<Selector, string> {
  if (selector === null || selector === undefined) return ok(NOTHING)
  const requirements: Requirement[] = []
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    requirements.push({ key, operator: '=', values: [value] })
  for (const e of selector.matchExpressions ?? []) {
    const op = e.operator
    switch (op) {
      case 'In':
      case 'NotIn':
        if ((e.values ?? []).length === 0)
          return err("for 'in', 'notin' operators, values set can't be empty")
        requirements.push({
          key: e.key,
          operator: op === 'In' ? 'in' : 'notin',
          values: e.values ?? [],
        })
        break
      case 'Exists':
      case 'DoesNotExist':
        requirements.push({ key: e.key, operator: op === 'Exists' ? 'exists' : '!', values: [] })
        break
      default:
        return err(`"${op}" is not a valid label selector operator`)
    }
  }
  return ok({ requirements: sortRequirements(requirements) })
}

/** Whether a structured selector selects the labels (a nil selector selects nothing). */
export function labelSelectorMatches(
  selector: LabelSelector | null | undefined,
  labels: Labels,
): boolean {
  const parsed = fromLabelSelector(selector)
  return parsed.ok && matches(parsed.value, labels)
}

/** The selector of a Service or ReplicationController (a plain map): empty selects nothing. */
export function mapSelectorMatches(selector: Labels, labels: Labels): boolean {
  if (selector === undefined || Object.keys(selector).length === 0) return false
  for (const [k, v] of Object.entries(selector)) if (labels?.[k] !== v) return false
  return true
}

/** `app=web,tier in (a,b)` as kubectl prints a selector (SELECTOR columns, describe). */
export function formatSelector(selector: Selector): string {
  if (selector.nothing) return '<none>'
  return selector.requirements
    .map((r) => {
      switch (r.operator) {
        case 'exists':
          return r.key
        case '!':
          return `!${r.key}`
        case 'in':
        case 'notin':
          return `${r.key} ${r.operator} (${r.values.join(',')})`
        case 'gt':
          return `${r.key}>${r.values[0] ?? ''}`
        case 'lt':
          return `${r.key}<${r.values[0] ?? ''}`
        default:
          return `${r.key}${r.operator}${r.values[0] ?? ''}`
      }
    })
    .join(',')
}

/** `app=web,tier in (a,b)` for a structured selector, as kubectl's SELECTOR column shows it. */
export function formatLabelSelector(selector: LabelSelector | null | undefined): string {
  const parsed = fromLabelSelector(selector)
  if (!parsed.ok) return '<error>'
  if (parsed.value.requirements.length === 0) return parsed.value.nothing ? '<none>' : ''
  return formatSelector(parsed.value)
}

const sortRequirements = (rs: Requirement[]): Requirement[] =>
  rs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))

// ---- the string form ---------------------------------------------------------------------

type Token =
  'ident' | 'end' | '!' | '!=' | '=' | '==' | '>' | '<' | '(' | ')' | ',' | 'in' | 'notin' | 'error'

interface Lexeme {
  readonly tok: Token
  readonly lit: string
}

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<'])
const SYMBOLS: Record<string, Token> = {
  '!': '!',
  '!=': '!=',
  '=': '=',
  '==': '==',
  '>': '>',
  '<': '<',
  '(': '(',
  ')': ')',
  ',': ',',
}
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n'

function lex(input: string): Lexeme[] {
  const out: Lexeme[] = []
  let i = 0
  while (i < input.length) {
    const c = input.charAt(i)
    if (isSpace(c)) {
      i++
      continue
    }
    if (SPECIAL.has(c)) {
      // The longest run of symbol characters that is still a known symbol.
      let buffer = ''
      let last: Lexeme | undefined
      while (i < input.length && SPECIAL.has(input.charAt(i))) {
        buffer += input.charAt(i)
        const tok = SYMBOLS[buffer]
        if (tok !== undefined) {
          last = { tok, lit: buffer }
          i++
        } else if (last !== undefined) break
        else i++
      }
      out.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'` })
      continue
    }
    let word = ''
    while (i < input.length && !isSpace(input.charAt(i)) && !SPECIAL.has(input.charAt(i))) {
      word += input.charAt(i)
      i++
    }
    out.push({ tok: word === 'in' ? 'in' : word === 'notin' ? 'notin' : 'ident', lit: word })
  }
  out.push({ tok: 'end', lit: '' })
  return out
}

class ParseError {
  constructor(readonly message: string) {}
}

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt'

class Parser {
  private position = 0
  constructor(private readonly items: Lexeme[]) {}

  /** In value position `in` and `notin` are plain identifiers. */
  private lookahead(values: boolean): Lexeme {
    const item = this.items[Math.min(this.position, this.items.length - 1)] ?? {
      tok: 'end',
      lit: '',
    }
    return values && (item.tok === 'in' || item.tok === 'notin')
      ? { tok: 'ident', lit: item.lit }
      : item
  }

  private consume(values: boolean): Lexeme {
    const item = this.lookahead(values)
    this.position++
    return item
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = []
    for (;;) {
      const { tok, lit } = this.lookahead(true)
      if (tok === 'end') return requirements
      if (tok !== 'ident' && tok !== '!')
        throw new ParseError(`found '${lit}', expected: !, identifier, or 'end of string'`)
      try {
        requirements.push(this.requirement())
      } catch (e) {
        if (e instanceof ParseError)
          throw new ParseError(`unable to parse requirement: ${e.message}`)
        throw e
      }
      const next = this.consume(true)
      if (next.tok === 'end') return requirements
      if (next.tok !== ',')
        throw new ParseError(`found '${next.lit}', expected: ',' or 'end of string'`)
      const after = this.lookahead(true)
      if (after.tok !== 'ident' && after.tok !== '!')
        throw new ParseError(`found '${after.lit}', expected: identifier after ','`)
    }
  }

  private requirement(): Requirement {
    let first = this.consume(true)
    let negated = false
    if (first.tok === '!') {
      negated = true
      first = this.consume(true)
    }
    if (first.tok !== 'ident') throw new ParseError(`found '${first.lit}', expected: identifier`)
    const key = first.lit
    const keyProblem = labelKeyProblem(key)
    if (keyProblem !== undefined) throw new ParseError(keyProblem)
    const next = this.lookahead(true).tok
    if (negated || next === 'end' || next === ',')
      return { key, operator: negated ? '!' : 'exists', values: [] }
    const op = this.consume(false)
    let operator: Operator
    switch (op.tok) {
      case 'in':
        operator = 'in'
        break
      case 'notin':
        operator = 'notin'
        break
      case '=':
        operator = '='
        break
      case '==':
        operator = '=='
        break
      case '!=':
        operator = '!='
        break
      case '>':
        operator = 'gt'
        break
      case '<':
        operator = 'lt'
        break
      default:
        throw new ParseError(`found '${op.lit}', expected: ${BINARY_OPERATORS}`)
    }
    const values = operator === 'in' || operator === 'notin' ? this.valueSet() : this.exactValue()
    for (const [index, v] of values.entries()) {
      const problem = labelValueProblem(key, index, v, operator)
      if (problem !== undefined) throw new ParseError(problem)
    }
    return { key, operator, values }
  }

  private valueSet(): string[] {
    const open = this.consume(true)
    if (open.tok !== '(') throw new ParseError(`found '${open.lit}' expected: '('`)
    const first = this.lookahead(true)
    if (first.tok === ')') {
      this.consume(true)
      return ['']
    }
    if (first.tok !== 'ident' && first.tok !== ',')
      throw new ParseError(`found '${first.lit}', expected: ',', ')' or identifier`)
    const set = new Set<string>()
    for (;;) {
      const item = this.consume(true)
      if (item.tok === 'ident') {
        set.add(item.lit)
        const after = this.lookahead(true)
        if (after.tok === ',') continue
        if (after.tok === ')') break
        throw new ParseError(`found '${after.lit}', expected: ',' or ')'`)
      } else if (item.tok === ',') {
        if (set.size === 0) set.add('')
        const after = this.lookahead(true)
        if (after.tok === ')') {
          set.add('')
          break
        }
        if (after.tok === ',') {
          this.consume(true)
          set.add('')
        }
      } else throw new ParseError(`found '${item.lit}', expected: ',', or identifier`)
    }
    const close = this.consume(true)
    if (close.tok !== ')') throw new ParseError(`found '${first.lit}', expected: ')'`)
    return [...set].sort()
  }

  private exactValue(): string[] {
    const next = this.lookahead(true)
    if (next.tok === 'end' || next.tok === ',') return ['']
    const item = this.consume(true)
    if (item.tok === 'ident') return [item.lit]
    throw new ParseError(`found '${item.lit}', expected: identifier`)
  }
}

/** `<nil>: Invalid value: "-x": name part must…` — the parser validates with a nil field path. */
function labelKeyProblem(key: string): string | undefined {
  const problems = isQualifiedName(key)
  return problems.length === 0
    ? undefined
    : `<nil>: Invalid value: ${JSON.stringify(key)}: ${problems.join('; ')}`
}

function labelValueProblem(
  key: string,
  index: number,
  value: string,
  operator: Operator,
): string | undefined {
  if (operator === 'gt' || operator === 'lt') {
    return /^-?\d+$/.test(value)
      ? undefined
      : `values[${index}]: Invalid value: ${JSON.stringify(value)}: for 'Gt', 'Lt' operators, the value must be an integer`
  }
  const problems = isValidLabelValue(value)
  return problems.length === 0
    ? undefined
    : `values[${index}][${key}]: Invalid value: ${JSON.stringify(value)}: ${problems.join('; ')}`
}

/**
 * Parses the string form. The error is apimachinery's text, e.g. `unable to parse requirement:
 * found 'b', expected: in, notin, =, ==, !=, gt, lt`.
 */
export function parseSelector(input: string): Result<Selector, string> {
  try {
    const requirements = new Parser(lex(input)).parse()
    return ok({ requirements: sortRequirements(requirements) })
  } catch (e) {
    if (e instanceof ParseError) return err(e.message)
    throw e
  }
}
