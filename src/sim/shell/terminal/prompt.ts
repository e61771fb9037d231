import { toTerminalNewlines } from '../pty'
import { HOME, HOSTNAME, USER } from '../user-environment'

/** A prompt as sent to the screen (with colours) and as it looks (for cursor maths). */
export interface Prompt {
  readonly ansi: string
  readonly plain: string
}

/** What the prompt escapes read. */
export interface PromptContext {
  readonly cwd: string
  readonly env: Readonly<Record<string, string>>
  /** Number the next history entry will have (`\!`). */
  readonly historyNumber: number
  /** Virtual time in ms, for `\t`, `\T`, `\@`, `\A` and `\d`. */
  readonly nowMs: number
  /** Another machine's user and host (a container's shell); absent for the student's own. */
  readonly identity?: { readonly user: string; readonly uid: number; readonly hostname: string }
}

/** The PS1 a fresh Quai session has: bash's default, which Debian's .bashrc replaces… */
const PLAIN_DEFAULT_PS1 = '\\u@\\h:\\w\\$ '
/** …with this one on a colour terminal (/etc/skel/.bashrc, `color_prompt=yes`). */
const DEBIAN_COLOR_PS1 = '\\[\\e[01;32m\\]\\u@\\h\\[\\e[00m\\]:\\[\\e[01;34m\\]\\w\\[\\e[00m\\]\\$ '

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const pad = (n: number): string => String(n).padStart(2, '0')

/** `cwd` as `\w` shows it: $HOME abbreviated to `~`. */
export function tildeDirectory(cwd: string, home: string): string {
  if (home !== '' && home !== '/' && (cwd === home || cwd.startsWith(`${home}/`)))
    return `~${cwd.slice(home.length)}`
  return cwd
}

/** Control characters in a directory name would move the cursor; bash shows them too. */
function printable(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, '?')
}

function expandEscape(letter: string, ctx: PromptContext): string | undefined {
  const home = ctx.env.HOME ?? HOME
  const date = new Date(ctx.nowMs)
  const hostname = ctx.identity?.hostname ?? HOSTNAME
  switch (letter) {
    case 'u':
      return ctx.identity?.user ?? USER
    case 'h':
      return hostname.split('.')[0] ?? hostname
    case 'H':
      return hostname
    case 'w':
      return printable(tildeDirectory(ctx.cwd, home))
    case 'W':
      return ctx.cwd === home ? '~' : printable(ctx.cwd.split('/').pop() || '/')
    case '$':
      return ctx.identity?.uid === 0 ? '#' : '$'
    case 's':
      return 'bash'
    case 'v':
      return '5.2'
    case 'V':
      return '5.2.15'
    case 'j':
      return '0'
    case 'l':
      return 'pts/0'
    case '!':
    case '#':
      return String(ctx.historyNumber)
    case 'n':
      return '\n'
    case 'r':
      return '\r'
    case 'a':
      return '\x07'
    case 'e':
      return '\x1b'
    case '\\':
      return '\\'
    case 't':
      return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
    case 'T':
      return `${pad(date.getUTCHours() % 12 || 12)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
    case '@':
      return `${pad(date.getUTCHours() % 12 || 12)}:${pad(date.getUTCMinutes())} ${date.getUTCHours() < 12 ? 'AM' : 'PM'}`
    case 'A':
      return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`
    case 'd':
      return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCDate())}`
  }
  return undefined
}

/**
 * Expands a PS1/PS2 string's backslash escapes (bash "PROMPTING"). Text between `\[` and `\]`
 * prints nothing, so it is left out of `plain`. Parameter expansion and `$(…)` are not done.
 */
export function expandPrompt(template: string, ctx: PromptContext): Prompt {
  let ansi = ''
  let plain = ''
  let hidden = false
  for (let i = 0; i < template.length; i++) {
    const c = template.charAt(i)
    if (c !== '\\' || i + 1 >= template.length) {
      ansi += c
      if (!hidden) plain += c
      continue
    }
    const letter = template.charAt(++i)
    if (letter === '[') {
      hidden = true
      continue
    }
    if (letter === ']') {
      hidden = false
      continue
    }
    let value: string
    const octal = /^[0-7]{3}/.exec(template.slice(i, i + 3))
    if (octal) {
      value = String.fromCharCode(parseInt(octal[0], 8))
      i += 2
    } else value = expandEscape(letter, ctx) ?? `\\${letter}`
    ansi += value
    if (!hidden) plain += value
  }
  // Escape sequences outside \[ \] still print nothing; keep them out of the cursor maths.
  plain = plain.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)?|\x1b./g, '')
  return { ansi: toTerminalNewlines(ansi), plain }
}

/**
 * The primary prompt: Debian's colour prompt unless the student set their own PS1. Another
 * machine's shell (a container's) shows its PS1 as it is.
 */
export function primaryPrompt(ctx: PromptContext): Prompt {
  const ps1 = ctx.env.PS1
  if (ctx.identity !== undefined) return expandPrompt(ps1 ?? '\\s-\\v\\$ ', ctx)
  const template = ps1 === undefined || ps1 === PLAIN_DEFAULT_PS1 ? DEBIAN_COLOR_PS1 : ps1
  return expandPrompt(template, ctx)
}

/** The prompt for the lines that complete a command (PS2). */
export function continuationPrompt(ctx: PromptContext): Prompt {
  return expandPrompt(ctx.env.PS2 ?? '> ', ctx)
}

/** Readline's incremental search prompt, which stands in for the whole prompt while it runs. */
export function searchPrompt(query: string, failed: boolean): Prompt {
  const text = `(${failed ? 'failed ' : ''}reverse-i-search)\`${query}': `
  return { ansi: text, plain: text }
}
