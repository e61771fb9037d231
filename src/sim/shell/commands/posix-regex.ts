/**
 * POSIX regular expressions (GNU flavour) turned into JavaScript ones, for grep: basic syntax
 * (`\(` `\)` `\{m,n\}` `\|` `\+` `\?`, a leading `*` literal), extended syntax, bracket
 * expressions with [:classes:], and GNU's \< \> \w \s \b. Errors carry grep's wording.
 */

export class RegexSyntaxError extends Error {}

const CLASSES: Readonly<Record<string, string>> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: '0-9a-zA-Z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
}

const escapeJs = (ch: string): string => (/[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch)

function escapeInClass(ch: string): string {
  return /[\\\]^[-]/.test(ch) ? `\\${ch}` : ch
}

/** Reads a bracket expression starting at `[`; returns the JS class and the index after it. */
function bracket(p: string, start: number): [string, number] {
  let i = start + 1
  let out = '['
  if (p.charAt(i) === '^') {
    out += '^'
    i++
  }
  // glibc reports a bracket cut off right after `[` or `[^` differently from a longer one.
  if (i >= p.length) throw new RegexSyntaxError('Invalid regular expression')
  let first = true
  let previous: string | undefined
  for (;;) {
    if (i >= p.length) throw new RegexSyntaxError('Unmatched [, [^, [:, [., or [=')
    const ch = p.charAt(i)
    if (ch === ']' && !first) return [out + ']', i + 1]
    first = false
    if (ch === '[' && /[:=.]/.test(p.charAt(i + 1))) {
      const kind = p.charAt(i + 1)
      const close = p.indexOf(`${kind}]`, i + 2)
      if (close === -1) throw new RegexSyntaxError('Unmatched [, [^, [:, [., or [=')
      const name = p.slice(i + 2, close)
      if (kind === ':') {
        const cls = CLASSES[name]
        if (cls === undefined) throw new RegexSyntaxError('Invalid character class name')
        out += cls
      } else out += [...name].map(escapeInClass).join('')
      i = close + 2
      previous = undefined
      continue
    }
    if (ch === '-' && previous !== undefined && p.charAt(i + 1) !== ']' && i + 1 < p.length) {
      const end = p.charAt(i + 1)
      if (end < previous) throw new RegexSyntaxError('Invalid range end')
      out += '-' + escapeInClass(end)
      i += 2
      previous = undefined
      continue
    }
    out += escapeInClass(ch)
    previous = ch
    i++
  }
}

/** An interval `{m}`, `{m,}`, `{,n}`, `{m,n}` at `start` (after the brace), if there is one. */
function interval(p: string, start: number, closer: string): [string, number] | undefined {
  const end = p.indexOf(closer, start)
  if (end === -1) return undefined
  const body = p.slice(start, end)
  const m = /^(\d*)(,?)(\d*)$/.exec(body)
  if (!m || (m[1] === '' && m[3] === '' && m[2] === '')) return undefined
  const min = m[1] === '' ? '0' : (m[1] ?? '0')
  const max = m[2] === '' ? '' : `,${m[3] ?? ''}`
  return [`{${min}${max}}`, end + closer.length]
}

export function posixToJs(pattern: string, extended: boolean): string {
  let out = ''
  let depth = 0
  // Whether the next token starts an expression (where * is literal and ^ anchors, in BRE).
  let atStart = true
  let i = 0
  const p = pattern
  while (i < p.length) {
    const ch = p.charAt(i)
    const starting = atStart
    atStart = false
    if (ch === '\\') {
      const next = p.charAt(i + 1)
      if (i + 1 >= p.length) throw new RegexSyntaxError('Trailing backslash')
      i += 2
      if (!extended && next === '(') {
        out += '('
        depth++
        atStart = true
      } else if (!extended && next === ')') {
        if (depth === 0) throw new RegexSyntaxError('Unmatched ) or \\)')
        out += ')'
        depth--
      } else if (!extended && next === '|') {
        out += '|'
        atStart = true
      } else if (!extended && next === '{') {
        const found = interval(p, i, '\\}')
        if (found === undefined) throw new RegexSyntaxError('Unmatched \\{')
        out += found[0]
        i = found[1]
      } else if (!extended && (next === '+' || next === '?'))
        out += starting ? escapeJs(next) : next
      else if (next === '<') out += '\\b(?=\\w)'
      else if (next === '>') out += '\\b(?<=\\w)'
      else if ('wWsSbB'.includes(next)) out += `\\${next}`
      else if (/[1-9]/.test(next)) out += `\\${next}`
      else if (next === '`') out += '^'
      else if (next === "'") out += '$'
      else out += escapeJs(next)
      continue
    }
    if (ch === '[') {
      const [cls, after] = bracket(p, i)
      out += cls
      i = after
      continue
    }
    i++
    if (extended) {
      if (ch === '(') {
        out += '('
        depth++
        atStart = true
      } else if (ch === ')') {
        if (depth === 0) out += '\\)'
        else {
          out += ')'
          depth--
        }
      } else if (ch === '|') {
        out += '|'
        atStart = true
      } else if (ch === '{') {
        const found = starting ? undefined : interval(p, i, '}')
        if (found === undefined) out += '\\{'
        else {
          out += found[0]
          i = found[1]
        }
      } else if (ch === '*' || ch === '+' || ch === '?') {
        if (starting) continue
        // Repeated quantifiers (a++) mean the same as one in POSIX; JS would reject them.
        if (/[*+?}]$/.test(out) && !/\\[*+?}]$/.test(out)) continue
        out += ch
      } else if (ch === '^') {
        out += '^'
        atStart = true
      } else if (ch === '$') out += '$'
      else if (ch === '.') out += '.'
      else out += escapeJs(ch)
      continue
    }
    if (ch === '*') {
      if (starting) out += '\\*'
      else if (!/[*}]$/.test(out) || /\\[*}]$/.test(out)) out += '*'
    } else if (ch === '^') {
      if (starting) {
        out += '^'
        atStart = true
      } else out += '\\^'
    } else if (ch === '$') {
      const rest = p.slice(i)
      out += rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|') ? '$' : '\\$'
    } else if (ch === '.') out += '.'
    else out += escapeJs(ch)
  }
  if (depth > 0) throw new RegexSyntaxError('Unmatched ( or \\(')
  return out
}

export const escapeLiteral = (text: string): string => [...text].map(escapeJs).join('')
