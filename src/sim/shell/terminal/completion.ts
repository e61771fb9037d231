import { getCommandNames } from 'just-bash'
import type { VirtualFs } from '../../fs/virtual-fs'
import type { CommandRegistry } from '../command'
import { HOME } from '../user-environment'
import { stringWidth } from './text-width'

/**
 * Tab completion as bash with readline does it: the first word of a command completes to
 * command names, later words ask the command's own completer (`ShellCommand.complete`) and
 * fall back to file names. Insertions are quoted the way readline quotes them.
 * https://www.gnu.org/software/bash/manual/html_node/Commands-For-Completion.html
 */
export interface CompletionSource {
  readonly commands: CommandRegistry
  readonly fs: VirtualFs
  readonly cwd: string
  readonly env: Readonly<Record<string, string>>
}

export interface Candidate {
  /** The unquoted text that replaces what was typed. */
  readonly value: string
  /** How a listing shows it (directories with their `/`). */
  readonly display: string
  /** Added after the only match: a space, a slash for a directory, or nothing. */
  readonly suffix: '' | ' ' | '/'
}

export interface Completion {
  /** Index in the line where the text being completed starts. */
  readonly from: number
  /** That text, unquoted: every candidate starts with it. */
  readonly typed: string
  /** The quote open at the cursor; insertions are quoted to suit it. */
  readonly quote: '' | '"' | "'"
  /** Whether `from` is the start of the shell word (a leading `~` or `#` needs escaping). */
  readonly atWordStart: boolean
  /** Sorted, without duplicates. */
  readonly candidates: readonly Candidate[]
}

const wordList = (list: string): string[] => list.trim().split(/\s+/)

/** Bash builtins and reserved words, which complete in command position (`compgen -b -k`). */
const BUILTINS = wordList(`
  . : [ alias bg bind break builtin caller cd command compgen complete compopt continue declare
  dirs disown echo enable eval exec exit export false fc fg getopts hash help history jobs kill
  let local logout mapfile popd printf pushd pwd read readarray readonly return set shift shopt
  source suspend test times trap true type typeset ulimit umask unalias unset wait
`)
const KEYWORDS = wordList(`
  ! [[ ]] case coproc do done elif else esac fi for function if in select then time until while
  { }
`)
/** Words after which the next word is a command again. */
const COMMAND_PREFIXES = new Set(
  wordList(`
  if then else elif do while until ! time { exec sudo command nohup xargs watch which type
  builtin timeout
`),
)
/** Commands whose arguments are directories (bash-completion's `_cd` and friends). */
const DIRECTORY_COMMANDS = new Set(['cd', 'pushd', 'rmdir'])
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/
/** Characters readline backslash-escapes in an unquoted file name (bash's default set). */
const NEEDS_ESCAPE = /[\s\\"'<>;|&()$`?*[\]!{}]/g

interface WordScan {
  /** Complete words of the current simple command, unquoted. */
  words: string[]
  wordStart: number
  value: string
  quote: '' | '"' | "'"
  quoteStart: number
  /** Raw and unquoted indexes just after the current word's last `/` (-1 if none). */
  slashRaw: number
  slashValue: number
  redirect: boolean
}

/** Reads the command line up to the cursor the way the shell will split it into words. */
function scanWords(line: string): WordScan {
  const scan: WordScan = {
    words: [],
    wordStart: 0,
    value: '',
    quote: '',
    quoteStart: -1,
    slashRaw: -1,
    slashValue: -1,
    redirect: false,
  }
  let inWord = false
  let nextIsRedirect = false
  const startWord = (at: number): void => {
    if (inWord) return
    inWord = true
    scan.wordStart = at
    scan.value = ''
    scan.slashRaw = -1
    scan.slashValue = -1
    scan.redirect = nextIsRedirect
    nextIsRedirect = false
  }
  const endWord = (): void => {
    if (inWord && !scan.redirect) scan.words.push(scan.value)
    inWord = false
    scan.value = ''
    scan.redirect = false
  }
  const addChar = (c: string, rawEnd: number): void => {
    scan.value += c
    if (c === '/') {
      scan.slashRaw = rawEnd
      scan.slashValue = scan.value.length
    }
  }
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i)
    if (scan.quote === "'") {
      if (c === "'") scan.quote = ''
      else addChar(c, i + 1)
      continue
    }
    if (scan.quote === '"') {
      if (c === '"') scan.quote = ''
      else if (c === '\\' && i + 1 < line.length && '"$`\\'.includes(line.charAt(i + 1)))
        addChar(line.charAt(++i), i + 1)
      else addChar(c, i + 1)
      continue
    }
    if (c === '\\') {
      startWord(i)
      if (i + 1 < line.length) addChar(line.charAt(++i), i + 1)
      continue
    }
    if (c === "'" || c === '"') {
      startWord(i)
      scan.quote = c
      scan.quoteStart = i
      continue
    }
    if (c === ' ' || c === '\t' || c === '\n') {
      endWord()
      continue
    }
    if (c === '<' || c === '>') {
      endWord()
      nextIsRedirect = true
      continue
    }
    if (';&|()`'.includes(c) || (c === '$' && line.charAt(i + 1) === '(')) {
      // A new command starts after a separator or inside a command substitution.
      endWord()
      scan.words = []
      nextIsRedirect = false
      if (c === '$') i++
      continue
    }
    startWord(i)
    addChar(c, i + 1)
  }
  if (!inWord) {
    scan.wordStart = line.length
    scan.value = ''
    scan.redirect = nextIsRedirect
  }
  return scan
}

/** Drops leading assignments and words like `sudo` or `then` that leave a command to come. */
function commandWords(words: readonly string[]): string[] {
  let i = 0
  while (i < words.length) {
    const word = words[i] ?? ''
    if (!ASSIGNMENT.test(word) && !COMMAND_PREFIXES.has(word)) break
    i++
  }
  return words.slice(i)
}

function byValue(a: Candidate, b: Candidate): number {
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0
}

function unique(candidates: Candidate[]): Candidate[] {
  const seen = new Map<string, Candidate>()
  for (const c of candidates) if (!seen.has(c.value)) seen.set(c.value, c)
  return [...seen.values()].sort(byValue)
}

async function isDirectory(fs: VirtualFs, path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isDirectory
  } catch {
    return false
  }
}

async function listDirectory(fs: VirtualFs, path: string): Promise<string[]> {
  try {
    return await fs.readdir(path)
  } catch {
    return []
  }
}

async function userHomes(fs: VirtualFs): Promise<Map<string, string>> {
  const homes = new Map<string, string>()
  try {
    for (const line of (await fs.readFile('/etc/passwd')).split('\n')) {
      const fields = line.split(':')
      const [name, home] = [fields[0], fields[5]]
      if (name && home) homes.set(name, home)
    }
  } catch {
    // No passwd file: only ~ itself expands.
  }
  return homes
}

async function expandTilde(fs: VirtualFs, path: string, home: string): Promise<string> {
  if (!path.startsWith('~')) return path
  const slash = path.indexOf('/')
  const user = slash === -1 ? path.slice(1) : path.slice(1, slash)
  const rest = slash === -1 ? '' : path.slice(slash)
  if (user === '') return home + rest
  const other = (await userHomes(fs)).get(user)
  return other === undefined ? path : other + rest
}

function join(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`
}

async function fileCandidates(
  source: CompletionSource,
  dirTyped: string,
  base: string,
  directoriesOnly: boolean,
): Promise<Candidate[]> {
  const home = source.env.HOME ?? HOME
  const dirPath = dirTyped === '' ? source.cwd : await expandTilde(source.fs, dirTyped, home)
  const dir = source.fs.resolvePath(source.cwd, dirPath)
  const names = await listDirectory(source.fs, dir)
  // Readline offers . and .. once a dot is typed; hidden files match an empty word too.
  if (base.startsWith('.')) names.push('.', '..')
  const found: Candidate[] = []
  for (const name of names) {
    if (!name.startsWith(base)) continue
    const directory = await isDirectory(source.fs, join(dir, name))
    if (directoriesOnly && !directory) continue
    found.push(
      directory
        ? { value: name, display: `${name}/`, suffix: '/' }
        : { value: name, display: name, suffix: ' ' },
    )
  }
  return found
}

async function commandCandidates(source: CompletionSource, typed: string): Promise<Candidate[]> {
  const names = new Set<string>([
    ...source.commands.names(),
    ...getCommandNames(),
    ...BUILTINS,
    ...KEYWORDS,
  ])
  for (const key of Object.keys(source.env))
    if (key.startsWith('BASH_ALIAS_')) names.add(key.slice('BASH_ALIAS_'.length))
  for (const dir of (source.env.PATH ?? '').split(':')) {
    if (dir === '') continue
    for (const name of await listDirectory(source.fs, dir)) {
      if (!name.startsWith(typed) || names.has(name)) continue
      try {
        const stat = await source.fs.stat(join(dir, name))
        if (stat.isFile && (stat.mode & 0o111) !== 0) names.add(name)
      } catch {
        // A dangling entry is no command.
      }
    }
  }
  const found: Candidate[] = [...names]
    .filter((name) => name.startsWith(typed))
    .map((name) => ({ value: name, display: name, suffix: ' ' }))
  // Directories under the working directory complete too: a command may live in one.
  if (typed !== '') found.push(...(await fileCandidates(source, '', typed, true)))
  return found
}

async function userCandidates(source: CompletionSource, typed: string): Promise<Candidate[]> {
  const found: Candidate[] = []
  for (const name of (await userHomes(source.fs)).keys()) {
    const value = `~${name}`
    if (value.startsWith(typed)) found.push({ value, display: value, suffix: '/' })
  }
  return found
}

function variableCandidates(source: CompletionSource, typed: string): Candidate[] {
  const prefix = typed.startsWith('${') ? '${' : '$'
  const close = prefix === '${' ? '}' : ''
  return Object.keys(source.env)
    .filter((name) => !name.startsWith('BASH_ALIAS_'))
    .map((name) => `${prefix}${name}${close}`)
    .filter((value) => value.startsWith(typed))
    .map((value) => ({ value, display: value, suffix: ' ' }))
}

async function commandCompleter(
  source: CompletionSource,
  words: readonly string[],
  typed: string,
): Promise<Candidate[] | undefined> {
  const command = source.commands.get(words[0] ?? '')
  if (command?.complete === undefined) return undefined
  let result: string[] | undefined
  try {
    result = await command.complete({ words: [...words, typed], cwd: source.cwd, fs: source.fs })
  } catch {
    return []
  }
  if (result === undefined) return undefined
  return result
    .filter((value) => value.startsWith(typed))
    .map((value) => ({
      value,
      display: value,
      // A candidate that asks for more (a directory, `--flag=`, kubectl cp's `POD:`) keeps the
      // cursor on the word, as cobra's NoSpace directive does.
      suffix: /[/=:]$/.test(value) ? '' : ' ',
    }))
}

/** What Tab can do with the word before `cursor`. */
export async function findCompletions(
  line: string,
  cursor: number,
  source: CompletionSource,
): Promise<Completion> {
  const scan = scanWords(line.slice(0, cursor))
  const words = commandWords(scan.words)
  const inCommandPosition = words.length === 0 && !scan.redirect
  const wordFrom =
    scan.quote !== '' && scan.quoteStart === scan.wordStart ? scan.wordStart + 1 : scan.wordStart
  const whole = (candidates: Candidate[]): Completion => ({
    from: wordFrom,
    typed: scan.value,
    quote: scan.quote,
    atWordStart: true,
    candidates: unique(candidates),
  })
  const value = scan.value
  if (value.startsWith('$') && !value.includes('/') && scan.quote !== "'")
    return whole(variableCandidates(source, value))
  if (value.startsWith('~') && !value.includes('/'))
    return whole(await userCandidates(source, value))
  if (inCommandPosition && !value.includes('/'))
    return whole(await commandCandidates(source, value))
  if (!inCommandPosition && !scan.redirect) {
    const fromCommand = await commandCompleter(source, words, value)
    if (fromCommand !== undefined) return whole(fromCommand)
  }
  // File names: only the part after the last slash is completed; what precedes stays as typed.
  const afterSlash = scan.slashValue >= 0
  const dirTyped = afterSlash ? value.slice(0, scan.slashValue) : ''
  const base = afterSlash ? value.slice(scan.slashValue) : value
  let from = afterSlash ? scan.slashRaw : wordFrom
  if (scan.quote !== '' && scan.quoteStart >= from) from = scan.quoteStart + 1
  const directoriesOnly = !inCommandPosition && DIRECTORY_COMMANDS.has(words[0] ?? '')
  return {
    from,
    typed: base,
    quote: scan.quote,
    atWordStart: from === scan.wordStart,
    candidates: unique(await fileCandidates(source, dirTyped, base, directoriesOnly)),
  }
}

/** Quotes `text` for insertion where `quote` is open (readline's filename quoting). */
export function quoteInsertion(text: string, quote: '' | '"' | "'", atWordStart: boolean): string {
  if (quote === "'") return text.replace(/'/g, "'\\''")
  if (quote === '"') return text.replace(/["$`\\]/g, '\\$&')
  let quoted = text.replace(NEEDS_ESCAPE, '\\$&')
  if (atWordStart && (quoted.startsWith('~') || quoted.startsWith('#'))) quoted = `\\${quoted}`
  return quoted
}

function commonPrefix(values: readonly string[]): string {
  let prefix = values[0] ?? ''
  for (const value of values) {
    let i = 0
    while (i < prefix.length && i < value.length && prefix.charCodeAt(i) === value.charCodeAt(i))
      i++
    prefix = prefix.slice(0, i)
  }
  // Never split a surrogate pair.
  const last = prefix.charCodeAt(prefix.length - 1)
  return last >= 0xd800 && last <= 0xdbff ? prefix.slice(0, -1) : prefix
}

/**
 * One Tab: the only candidate is inserted with its suffix (and the closing quote); several
 * insert what they have in common. Returns the new line and cursor.
 */
export function applyCompletion(
  completion: Completion,
  text: string,
  cursor: number,
): { text: string; cursor: number } {
  const { candidates, quote } = completion
  const only = candidates.length === 1 ? candidates[0] : undefined
  const value = only !== undefined ? only.value : commonPrefix(candidates.map((c) => c.value))
  // Candidates from the shell itself (`~user`, `$VAR`) are typed as they stand.
  const literal = value.startsWith('$') || (value.startsWith('~') && completion.atWordStart)
  let insertion = literal ? value : quoteInsertion(value, quote, completion.atWordStart)
  const atEnd = cursor === text.length
  if (only !== undefined) {
    if (only.suffix === '/') {
      if (text.charAt(cursor) !== '/' && !value.endsWith('/')) insertion += '/'
    } else if (atEnd) insertion += quote + only.suffix
  }
  const before = text.slice(0, completion.from)
  return { text: before + insertion + text.slice(cursor), cursor: before.length + insertion.length }
}

/**
 * The candidates in columns, sorted down then across like `ls` (readline's
 * rl_display_match_list). Column width comes from the longest name without its `/`.
 */
export function listingRows(candidates: readonly Candidate[], cols: number): string[] {
  const widthOf = (c: Candidate): number =>
    stringWidth(c.display) - (c.suffix === '/' && c.display.endsWith('/') ? 1 : 0)
  const max = Math.max(0, ...candidates.map(widthOf)) + 2
  let perRow = Math.floor(cols / max)
  if (perRow !== 1 && perRow * max === cols) perRow--
  if (perRow < 1) perRow = 1
  const rows = Math.ceil(candidates.length / perRow)
  const lines: string[] = []
  for (let r = 0; r < rows; r++) {
    let line = ''
    for (let c = 0; c < perRow; c++) {
      const candidate = candidates[r + c * rows]
      if (candidate === undefined) break
      line += candidate.display
      if (c + 1 < perRow && candidates[r + (c + 1) * rows] !== undefined) {
        const printed = stringWidth(candidate.display)
        line += ' '.repeat(max <= printed ? 1 : max - printed)
      }
    }
    lines.push(line)
  }
  return lines
}
