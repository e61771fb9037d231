import { fail } from './errors'
import { substitute, TemplateError, type Lookup } from './interpolate'

/**
 * The dotenv dialect compose-go reads (`.env`, `--env-file`, a service's `env_file`):
 * `KEY=VALUE`, `export KEY=VALUE`, `KEY: VALUE`, `#` comments, single quotes (literal),
 * double quotes (escapes, several lines), unquoted values trimmed with an inline comment only
 * after whitespace (`a#b` stays `a#b`), and `${VAR}` references to the shell environment or to
 * keys set earlier in the same file. A bare `KEY` takes the shell's value, if it has one.
 */

export interface DotEnvOptions {
  /** The shell environment (wins over keys set earlier in the file when expanding). */
  lookup: Lookup
  onUnset?: (name: string) => void
}

const KEY_CHAR = /[A-Za-z0-9_.\-[\]]/

export function parseDotEnv(text: string, options: DotEnvOptions): Map<string, string> {
  const src = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '')
  const out = new Map<string, string>()
  const lookup: Lookup = (name) => options.lookup(name) ?? out.get(name)
  const expand = (value: string): string => {
    try {
      return substitute(value, { lookup, onUnset: options.onUnset })
    } catch (e) {
      if (e instanceof TemplateError) fail(e.message)
      throw e
    }
  }
  let i = 0
  const n = src.length
  while (i < n) {
    // Blank space and comment lines between entries.
    while (i < n && /\s/.test(src[i] ?? '')) i++
    if (i >= n) break
    if (src[i] === '#') {
      while (i < n && src[i] !== '\n') i++
      continue
    }
    if (src.startsWith('export ', i) || src.startsWith('export\t', i)) {
      i += 7
      while (i < n && (src[i] === ' ' || src[i] === '\t')) i++
    }
    const keyStart = i
    while (i < n && KEY_CHAR.test(src[i] ?? '')) i++
    const key = src.slice(keyStart, i)
    while (i < n && (src[i] === ' ' || src[i] === '\t')) i++
    const sep = src[i]
    if (sep === undefined || sep === '\n' || sep === '#') {
      // `KEY` alone: inherit the shell's value, if any.
      if (key === '') fail(unexpected(src, i))
      const inherited = options.lookup(key)
      if (inherited !== undefined) out.set(key, inherited)
      while (i < n && src[i] !== '\n') i++
      continue
    }
    if (key === '' || (sep !== '=' && sep !== ':')) fail(unexpected(src, i))
    i++
    while (i < n && (src[i] === ' ' || src[i] === '\t')) i++
    const quote = src[i]
    if (quote === "'" || quote === '"') {
      let j = i + 1
      while (j < n && !(src[j] === quote && (quote === "'" || !escapedAt(src, j)))) j++
      const raw = src.slice(i + 1, j)
      i = j + 1
      while (i < n && src[i] !== '\n') i++
      out.set(key, quote === "'" ? raw : expand(unescapeDouble(raw)))
      continue
    }
    let j = i
    while (j < n && src[j] !== '\n') j++
    let raw = src.slice(i, j)
    const comment = /[ \t]#/.exec(raw)
    if (comment) raw = raw.slice(0, comment.index)
    i = j
    out.set(key, expand(raw.trim()))
  }
  return out
}

function escapedAt(s: string, index: number): boolean {
  let backslashes = 0
  for (let k = index - 1; k >= 0 && s[k] === '\\'; k--) backslashes++
  return backslashes % 2 === 1
}

function unescapeDouble(raw: string): string {
  return raw.replace(/\\(.)/g, (_, c: string) => {
    switch (c) {
      case 'n':
        return '\n'
      case 'r':
        return '\r'
      case 't':
        return '\t'
      case '$':
        return '$$'
      default:
        return c
    }
  })
}

function unexpected(src: string, i: number): string {
  const ch = src[i] ?? ''
  const near = src.slice(i, src.indexOf('\n', i) < 0 ? undefined : src.indexOf('\n', i))
  return `unexpected character ${JSON.stringify(ch)} in variable name near ${JSON.stringify(near)}`
}
