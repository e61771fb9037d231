/**
 * The ways GNU tools quote names (gnulib quotearg), observed with coreutils 9.1:
 *  - `quote`: messages like mkdir's "cannot create directory ‘a’" use curved quotes under a UTF-8
 *    locale and 'a' under C/POSIX;
 *  - `quoteFileName`: messages like ls's "cannot access 'a'" always quote, shell-style;
 *  - `shellEscape`: what `ls` prints on a terminal: names quoted only when the shell would need it.
 */

export function isUtf8Locale(env: ReadonlyMap<string, string>): boolean {
  const locale = env.get('LC_ALL') || env.get('LC_MESSAGES') || env.get('LANG') || ''
  return /utf-?8/i.test(locale)
}

const C_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
}

function cEscape(ch: string): string {
  const known = C_ESCAPES[ch]
  if (known !== undefined) return known
  return '\\' + ch.charCodeAt(0).toString(8).padStart(3, '0')
}

const CONTROL = /[\x00-\x1f\x7f]/

/** locale quoting: ‘name’ (UTF-8) or 'name' (C), with C escapes for control characters. */
export function quote(text: string, env: ReadonlyMap<string, string>): string {
  const [open, close] = isUtf8Locale(env) ? ['\u2018', '\u2019'] : ["'", "'"]
  let body = ''
  for (const ch of text) {
    if (ch === '\\') body += '\\\\'
    else if (CONTROL.test(ch)) body += cEscape(ch)
    else body += ch
  }
  return open + body + close
}

// Characters the shell would treat specially anywhere in a word, and those special only first.
const SHELL_SPECIAL = /[\s!"$&'()*;<=>?[\\^`|]/
const SHELL_SPECIAL_FIRST = /^[#~]/

function needsShellQuoting(name: string): boolean {
  return (
    name === '' || SHELL_SPECIAL.test(name) || SHELL_SPECIAL_FIRST.test(name) || CONTROL.test(name)
  )
}

function quotePrintable(run: string): string {
  if (!run.includes("'")) return `'${run}'`
  // A single quote reads best inside double quotes, when nothing else would need escaping there.
  if (!/[$`\\"!]/.test(run)) return `"${run}"`
  return `'${run.replace(/'/g, "'\\''")}'`
}

function shellQuoteAlways(name: string): string {
  if (!CONTROL.test(name)) return quotePrintable(name)
  let out = ''
  let run = ''
  for (const ch of name) {
    if (CONTROL.test(ch)) {
      if (run !== '') out += quotePrintable(run)
      run = ''
      out += `$'${cEscape(ch)}'`
    } else run += ch
  }
  if (run !== '') out += quotePrintable(run)
  return out
}

/** shell-escape-always quoting: 'name' — how coreutils names a file in most error messages. */
export function quoteFileName(name: string): string {
  return shellQuoteAlways(name)
}

/** shell-escape quoting: the name as is when the shell would take it so, else quoted. */
export function shellEscape(name: string): string {
  return needsShellQuoting(name) ? shellQuoteAlways(name) : name
}

export function needsQuoting(name: string): boolean {
  return needsShellQuoting(name)
}
