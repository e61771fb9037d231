/**
 * Reads the literal values an app's source spells out — strings, numbers, dicts / objects, lists
 * — so a route's answer can be known without running the code. Python (`{'k': True}`) and
 * JavaScript (`{ k: 'v' }`) dialects. Anything computed (a name, a call, an f-string with a
 * field) makes the reading fail: the caller then answers without inventing content.
 */

export type Dialect = 'python' | 'js'

export type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal }

export interface Parsed<T> {
  value: T
  /** Index just after the literal. */
  end: number
}

const PY_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '0': '\0',
  '`': '`',
}

function skipSpace(text: string, at: number, dialect: Dialect): number {
  let i = at
  for (;;) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++
    const comment = dialect === 'python' ? text[i] === '#' : text.startsWith('//', i)
    if (!comment) return i
    while (i < text.length && text[i] !== '\n') i++
  }
}

/** A string literal at `at` (prefixes r, b, u, f allowed in Python; f only without fields). */
export function readString(text: string, at: number, dialect: Dialect): Parsed<string> | undefined {
  let i = at
  let raw = false
  let format = false
  if (dialect === 'python') {
    const prefix = /^[rRbBuUfF]{0,2}(?=['"])/.exec(text.slice(i, i + 3))?.[0] ?? ''
    raw = /r/i.test(prefix)
    format = /f/i.test(prefix)
    i += prefix.length
  }
  const quote = text[i]
  if (quote !== '"' && quote !== "'" && !(quote === '`' && dialect === 'js')) return undefined
  const triple = dialect === 'python' && text.startsWith(quote.repeat(3), i)
  const close = triple ? quote.repeat(3) : quote
  i += close.length
  let out = ''
  while (i < text.length) {
    if (text.startsWith(close, i)) {
      if (format && /\{[^{]/.test(out.replace(/\{\{/g, ''))) return undefined
      if (format) out = out.replace(/\{\{/g, '{').replace(/\}\}/g, '}')
      return { value: out, end: i + close.length }
    }
    const c = text[i] ?? ''
    if (c === '\n' && !triple && quote !== '`') return undefined
    if (quote === '`' && c === '$' && text[i + 1] === '{') return undefined
    if (c === '\\' && !raw) {
      const next = text[i + 1] ?? ''
      if (next === '\n') {
        i += 2
        continue
      }
      out += PY_ESCAPES[next] ?? `\\${next}`
      i += 2
      continue
    }
    out += c
    i++
  }
  return undefined
}

/**
 * Adjacent string literals concatenate in Python (and `'a' + 'b'` in both): the whole run, when
 * it is made of literals only.
 */
function readStrings(text: string, at: number, dialect: Dialect): Parsed<string> | undefined {
  let first = readString(text, at, dialect)
  if (first === undefined) return undefined
  for (;;) {
    let i = skipSpace(text, first.end, dialect)
    if (text[i] === '+') i = skipSpace(text, i + 1, dialect)
    else if (dialect !== 'python') return first
    const next = readString(text, i, dialect)
    if (next === undefined) return first
    first = { value: first.value + next.value, end: next.end }
  }
}

const CONSTANTS: Record<Dialect, Record<string, Literal>> = {
  python: { True: true, False: false, None: null },
  js: { true: true, false: false, null: null },
}

/** One literal value at `at`, or undefined when what is there is not a literal. */
export function readLiteral(
  text: string,
  at: number,
  dialect: Dialect,
): Parsed<Literal> | undefined {
  const i = skipSpace(text, at, dialect)
  const c = text[i] ?? ''
  const str = readStrings(text, i, dialect)
  if (str !== undefined) return str
  const number = /^-?\d+(\.\d+)?/.exec(text.slice(i))
  if (number !== null && !/[\w.]/.test(text[i + number[0].length] ?? ''))
    return { value: Number(number[0]), end: i + number[0].length }
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i))?.[0]
  if (word !== undefined && word in CONSTANTS[dialect])
    return { value: CONSTANTS[dialect][word] ?? null, end: i + word.length }
  if (c === '[') return readList(text, i + 1, dialect)
  if (c === '{') return readObject(text, i + 1, dialect)
  return undefined
}

function readList(text: string, at: number, dialect: Dialect): Parsed<Literal> | undefined {
  const out: Literal[] = []
  let i = skipSpace(text, at, dialect)
  while (text[i] !== ']') {
    const item = readLiteral(text, i, dialect)
    if (item === undefined) return undefined
    out.push(item.value)
    i = skipSpace(text, item.end, dialect)
    if (text[i] === ',') i = skipSpace(text, i + 1, dialect)
    else if (text[i] !== ']') return undefined
  }
  return { value: out, end: i + 1 }
}

function readObject(text: string, at: number, dialect: Dialect): Parsed<Literal> | undefined {
  const out: { [key: string]: Literal } = {}
  let i = skipSpace(text, at, dialect)
  while (text[i] !== '}') {
    let key: string
    const quoted = readString(text, i, dialect)
    if (quoted !== undefined) {
      key = quoted.value
      i = quoted.end
    } else {
      const bare = dialect === 'js' ? /^[A-Za-z_$][\w$]*/.exec(text.slice(i))?.[0] : undefined
      const numeric = /^\d+/.exec(text.slice(i))?.[0]
      const name = bare ?? numeric
      if (name === undefined) return undefined
      key = name
      i += name.length
    }
    i = skipSpace(text, i, dialect)
    if (text[i] !== ':') return undefined
    const value = readLiteral(text, i + 1, dialect)
    if (value === undefined) return undefined
    out[key] = value.value
    i = skipSpace(text, value.end, dialect)
    if (text[i] === ',') i = skipSpace(text, i + 1, dialect)
    else if (text[i] !== '}') return undefined
  }
  return { value: out, end: i + 1 }
}

/** The index just after the bracket that closes the one opened at `open` (strings skipped). */
export function matchingBracket(text: string, open: number, dialect: Dialect): number | undefined {
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' }
  const stack: string[] = []
  let i = open
  while (i < text.length) {
    const c = text[i] ?? ''
    if (c === '"' || c === "'" || c === '`') {
      const str = readString(text, i, dialect)
      // A template literal with fields: skip to its closing backquote.
      if (str === undefined) {
        const close = text.indexOf(c, i + 1)
        if (close < 0) return undefined
        i = close + 1
      } else i = str.end
      continue
    }
    if (dialect === 'python' && c === '#') {
      while (i < text.length && text[i] !== '\n') i++
      continue
    }
    const closing = pairs[c]
    if (closing !== undefined) stack.push(closing)
    else if (c === ')' || c === ']' || c === '}') {
      if (stack.pop() !== c) return undefined
      if (stack.length === 0) return i + 1
    }
    i++
  }
  return undefined
}

/** The top-level comma-separated parts of an argument list (`a, b=1, c`), trimmed. */
export function splitArguments(text: string, dialect: Dialect): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  let i = 0
  while (i < text.length) {
    const c = text[i] ?? ''
    if (c === '"' || c === "'" || c === '`') {
      const str = readString(text, i, dialect)
      i = str?.end ?? i + 1
      continue
    }
    if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) depth--
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim())
      start = i + 1
    }
    i++
  }
  const last = text.slice(start).trim()
  if (last !== '') parts.push(last)
  return parts
}

/** The whole of `text` as one literal, or undefined. */
export function literalOf(text: string, dialect: Dialect): Literal | undefined {
  const parsed = readLiteral(text, 0, dialect)
  if (parsed === undefined) return undefined
  return skipSpace(text, parsed.end, dialect) === text.length ? parsed.value : undefined
}
