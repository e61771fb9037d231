/**
 * Dockerfile word processing, as BuildKit's frontend/dockerfile/shell (lex.go) does it: splitting
 * an instruction's arguments into words that keep their quotes, then expanding `$VAR`,
 * `${VAR}`, `${VAR:-default}`, `${VAR:+alt}`, `${VAR:?message}` and removing the quotes.
 * Single quotes are literal; inside double quotes only `$`, `"` and the escape character are
 * special. The escape character is `\` unless the `# escape=` directive says otherwise.
 */

export interface LexOptions {
  /** The escape character (`\` or the `# escape=` directive's). */
  escape?: string
  /** Leave `$NAME` as written when NAME is not set (vertex names do this). */
  skipUnset?: boolean
  /** Keep quote characters in the result (vertex names do this). */
  rawQuotes?: boolean
}

export type Env = ReadonlyMap<string, string>

export class LexError extends Error {}

/** Splits arguments into words on unquoted whitespace; quotes and escapes are kept. */
export function splitWords(text: string, escape = '\\'): string[] {
  const words: string[] = []
  let word = ''
  let quote: string | undefined
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i)
    if (quote === undefined && /\s/.test(ch)) {
      if (inWord) words.push(word)
      word = ''
      inWord = false
      continue
    }
    inWord = true
    word += ch
    if (ch === escape && quote !== "'" && i + 1 < text.length) {
      word += text.charAt(++i)
      continue
    }
    if (quote === undefined && (ch === '"' || ch === "'")) quote = ch
    else if (quote === ch) quote = undefined
  }
  if (inWord) words.push(word)
  return words
}

/** One word with variables expanded and quotes removed (BuildKit's ProcessWord). */
export function processWord(word: string, env: Env, options: LexOptions = {}): string {
  return new WordProcessor(word, env, options).run()
}

/** Expands every word of a text (BuildKit's ProcessWords: `EXPOSE $PORT 9229`). */
export function processWords(text: string, env: Env, options: LexOptions = {}): string[] {
  return splitWords(text, options.escape).map((w) => processWord(w, env, options))
}

class WordProcessor {
  private pos = 0
  private readonly escape: string

  constructor(
    private readonly text: string,
    private readonly env: Env,
    private readonly options: LexOptions,
  ) {
    this.escape = options.escape ?? '\\'
  }

  run(): string {
    return this.until(undefined)
  }

  private peek(): string {
    return this.text.charAt(this.pos)
  }

  /** Reads to the end, or to `stop` (outside quotes) when given. */
  private until(stop: string | undefined): string {
    let out = ''
    while (this.pos < this.text.length) {
      const ch = this.peek()
      if (stop !== undefined && ch === stop) return out
      if (ch === "'") out += this.singleQuoted()
      else if (ch === '"') out += this.doubleQuoted()
      else if (ch === '$') out += this.dollar()
      else if (ch === this.escape) {
        this.pos++
        if (this.pos < this.text.length) {
          out += (this.options.rawQuotes ? this.escape : '') + this.peek()
          this.pos++
        } else out += this.escape
      } else {
        out += ch
        this.pos++
      }
    }
    return out
  }

  private singleQuoted(): string {
    this.pos++
    let out = ''
    while (this.pos < this.text.length && this.peek() !== "'") out += this.text.charAt(this.pos++)
    if (this.pos >= this.text.length)
      throw new LexError('unexpected end of statement while looking for matching single-quote')
    this.pos++
    return this.options.rawQuotes ? `'${out}'` : out
  }

  private doubleQuoted(): string {
    this.pos++
    let out = ''
    while (this.pos < this.text.length && this.peek() !== '"') {
      const ch = this.peek()
      if (ch === '$') out += this.dollar()
      else if (ch === this.escape) {
        const next = this.text.charAt(this.pos + 1)
        if (next === '"' || next === '$' || next === this.escape) {
          out += (this.options.rawQuotes ? this.escape : '') + next
          this.pos += 2
        } else {
          out += ch
          this.pos++
        }
      } else {
        out += ch
        this.pos++
      }
    }
    if (this.pos >= this.text.length)
      throw new LexError('unexpected end of statement while looking for matching double-quote')
    this.pos++
    return this.options.rawQuotes ? `"${out}"` : out
  }

  private dollar(): string {
    const start = this.pos
    this.pos++
    const ch = this.peek()
    if (ch === '{') return this.braced(start)
    const name = /^[A-Za-z_][A-Za-z0-9_]*|^[0-9*#?@$!-]/.exec(this.text.slice(this.pos))?.[0]
    if (name === undefined) return '$'
    this.pos += name.length
    const value = this.env.get(name)
    if (value === undefined && this.options.skipUnset) return this.text.slice(start, this.pos)
    return value ?? ''
  }

  private braced(start: number): string {
    this.pos++
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos))?.[0]
    if (name === undefined) throw new LexError(`bad substitution`)
    this.pos += name.length
    let op = ''
    if (this.peek() === ':') {
      op = ':'
      this.pos++
    }
    const modifier = this.peek()
    const value = this.env.get(name)
    if (modifier === '}') {
      this.pos++
      if (value === undefined && this.options.skipUnset) return this.text.slice(start, this.pos)
      return value ?? ''
    }
    if (!'-+?'.includes(modifier) || modifier === '')
      throw new LexError(`unsupported modifier (${op}${modifier}) in substitution`)
    this.pos++
    const word = this.until('}')
    if (this.peek() !== '}') throw new LexError("missing '}'")
    this.pos++
    const set = op === ':' ? value !== undefined && value !== '' : value !== undefined
    if (modifier === '-') return set ? (value ?? '') : word
    if (modifier === '+') return set ? word : ''
    if (!set) throw new LexError(`${name}: ${word === '' ? 'is not allowed to be unset' : word}`)
    return value ?? ''
  }
}
