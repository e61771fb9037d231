import type { CommandContext, ShellCommand } from '../command'
import { compareCodepoints } from './collate'
import { joinPath, statPath, strerror } from './file-facts'
import { readText, splitLines } from './file-ops'
import { parseCommandLine, tryHelp, type OptionSpec } from './options'
import { escapeLiteral, posixToJs, RegexSyntaxError } from './posix-regex'
import { stdoutIsTerminal } from './terminal'

/**
 * GNU grep 3.8: basic, extended and fixed patterns; -r walks directories (names without "./"
 * when no directory is given); context lines, counts, -l/-L, -o, colours as GREP_COLORS'
 * defaults; status 0 for a match, 1 for none, 2 for trouble.
 */

const SPEC: OptionSpec = {
  short: 'A:B:C:EFGPe:f:iyvwxclLm:oqsbHhnTZarRUzd:D:V',
  long: {
    'extended-regexp': { short: 'E' },
    'fixed-strings': { short: 'F' },
    'basic-regexp': { short: 'G' },
    'perl-regexp': { short: 'P' },
    regexp: { short: 'e', arg: 'required' },
    file: { short: 'f', arg: 'required' },
    'ignore-case': { short: 'i' },
    'no-ignore-case': {},
    'invert-match': { short: 'v' },
    'word-regexp': { short: 'w' },
    'line-regexp': { short: 'x' },
    count: { short: 'c' },
    color: { arg: 'optional' },
    colour: { arg: 'optional' },
    'files-without-match': { short: 'L' },
    'files-with-matches': { short: 'l' },
    'max-count': { short: 'm', arg: 'required' },
    'only-matching': { short: 'o' },
    quiet: { short: 'q' },
    silent: { short: 'q' },
    'no-messages': { short: 's' },
    'byte-offset': { short: 'b' },
    'with-filename': { short: 'H' },
    'no-filename': { short: 'h' },
    label: { arg: 'required' },
    'line-number': { short: 'n' },
    'initial-tab': { short: 'T' },
    null: { short: 'Z' },
    'after-context': { short: 'A', arg: 'required' },
    'before-context': { short: 'B', arg: 'required' },
    context: { short: 'C', arg: 'required' },
    text: { short: 'a' },
    'binary-files': { arg: 'required' },
    devices: { short: 'D', arg: 'required' },
    directories: { short: 'd', arg: 'required' },
    exclude: { arg: 'required' },
    'exclude-from': { arg: 'required' },
    'exclude-dir': { arg: 'required' },
    include: { arg: 'required' },
    recursive: { short: 'r' },
    'dereference-recursive': { short: 'R' },
    'line-buffered': {},
    binary: { short: 'U' },
    'null-data': { short: 'z' },
    help: {},
    version: { short: 'V' },
  },
}

const USAGE =
  "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"

const HELP = `Usage: grep [OPTION]... PATTERNS [FILE]...
Search for PATTERNS in each FILE.
Example: grep -i 'hello world' menu.h main.c
PATTERNS can contain multiple patterns separated by newlines.

Pattern selection and interpretation:
  -E, --extended-regexp     PATTERNS are extended regular expressions
  -F, --fixed-strings       PATTERNS are strings
  -G, --basic-regexp        PATTERNS are basic regular expressions
  -e, --regexp=PATTERNS     use PATTERNS for matching
  -i, --ignore-case         ignore case distinctions in patterns and data
  -w, --word-regexp         match only whole words
  -x, --line-regexp         match only whole lines

Miscellaneous:
  -s, --no-messages         suppress error messages
  -v, --invert-match        select non-matching lines

Output control:
  -m, --max-count=NUM       stop after NUM selected lines
  -n, --line-number         print line number with output lines
  -H, --with-filename       print file name with output lines
  -h, --no-filename         suppress the file name prefix on output
  -o, --only-matching       show only nonempty parts of lines that match
  -q, --quiet, --silent     suppress all normal output
  -r, --recursive           like --directories=recurse
  -R, --dereference-recursive  likewise, but follow all symlinks
      --include=GLOB        search only files that match GLOB
      --exclude=GLOB        skip files that match GLOB
      --exclude-dir=GLOB    skip directories that match GLOB
  -L, --files-without-match  print only names of FILEs with no selected lines
  -l, --files-with-matches  print only names of FILEs with selected lines
  -c, --count               print only a count of selected lines per FILE

Context control:
  -B, --before-context=NUM  print NUM lines of leading context
  -A, --after-context=NUM   print NUM lines of trailing context
  -C, --context=NUM         print NUM lines of output context
      --color[=WHEN]        use markers to highlight the matching strings;
                            WHEN is 'always', 'never', or 'auto'

When FILE is '-', read standard input.  With no FILE, read '.' if
recursive, '-' otherwise.  With fewer than two FILEs, assume -h.
Exit status is 0 if any line is selected, 1 otherwise;
if any error occurs and -q is not given, the exit status is 2.
`

interface GrepSettings {
  mode: 'G' | 'E' | 'F'
  patterns: string[]
  ignoreCase: boolean
  invert: boolean
  word: boolean
  line: boolean
  count: boolean
  color: boolean
  filesWith: boolean
  filesWithout: boolean
  maxCount: number
  only: boolean
  quiet: boolean
  silent: boolean
  byteOffset: boolean
  withFilename: boolean | undefined
  label: string
  lineNumber: boolean
  initialTab: boolean
  nullAfterName: boolean
  after: number
  before: number
  recursive: 'no' | 'r' | 'R'
  directories: 'read' | 'skip' | 'recurse'
  includes: RegExp[]
  excludes: RegExp[]
  excludeDirs: RegExp[]
  text: boolean
  patternFiles: string[]
}

/** Shell wildcards, as fnmatch reads --include and --exclude. */
function globToRegExp(glob: string): RegExp {
  let source = ''
  for (let i = 0; i < glob.length; i++) {
    const ch = glob.charAt(i)
    if (ch === '*') source += '.*'
    else if (ch === '?') source += '.'
    else if (ch === '[') {
      const close = glob.indexOf(']', i + 1)
      if (close === -1) source += '\\['
      else {
        source += `[${glob.slice(i + 1, close).replace(/^!/, '^')}]`
        i = close
      }
    } else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

const COLOR = {
  match: '\x1b[01;31m\x1b[K',
  file: '\x1b[35m\x1b[K',
  line: '\x1b[32m\x1b[K',
  sep: '\x1b[36m\x1b[K',
  end: '\x1b[m\x1b[K',
}

class Searcher {
  stdout = ''
  stderr = ''
  matchedAny = false
  troubled = false
  done = false

  constructor(
    private readonly ctx: CommandContext,
    private readonly s: GrepSettings,
    private readonly regex: RegExp,
    private readonly showNames: boolean,
  ) {}

  private paint(code: string, text: string): string {
    return this.s.color ? `${code}${text}${COLOR.end}` : text
  }

  error(message: string): void {
    if (!this.s.silent) this.stderr += `grep: ${message}\n`
    this.troubled = true
  }

  private prefix(name: string, lineNo: number, offset: number, sep: string): string {
    let out = ''
    if (this.showNames)
      out +=
        this.paint(COLOR.file, name) + (this.s.nullAfterName ? '\0' : this.paint(COLOR.sep, sep))
    if (this.s.lineNumber)
      out += this.paint(COLOR.line, String(lineNo)) + this.paint(COLOR.sep, sep)
    if (this.s.byteOffset)
      out += this.paint(COLOR.line, String(offset)) + this.paint(COLOR.sep, sep)
    if (this.s.initialTab && out !== '') out += '\t'
    return out
  }

  private matches(line: string): RegExpExecArray[] {
    const found: RegExpExecArray[] = []
    this.regex.lastIndex = 0
    for (;;) {
      const m = this.regex.exec(line)
      if (m === null) break
      if (m[0] === '') {
        this.regex.lastIndex++
        if (this.regex.lastIndex > line.length) {
          found.push(m)
          break
        }
      }
      found.push(m)
    }
    return found
  }

  private highlight(line: string, hits: RegExpExecArray[]): string {
    if (!this.s.color || this.s.invert) return line
    let out = ''
    let at = 0
    for (const m of hits) {
      if (m[0] === '') continue
      out += line.slice(at, m.index) + this.paint(COLOR.match, m[0])
      at = m.index + m[0].length
    }
    return out + line.slice(at)
  }

  search(name: string, text: string): void {
    const s = this.s
    if (!s.text && text.includes('\0')) {
      const any = splitLines(text).lines.some((l) => this.matches(l).length > 0 !== s.invert)
      if (any) {
        this.matchedAny = true
        if (s.quiet) this.done = true
        else if (s.filesWith) this.stdout += this.paint(COLOR.file, name) + '\n'
        else if (s.count) this.stdout += `${this.showNames ? name + ':' : ''}1\n`
        else this.stdout += `Binary file ${name} matches\n`
      }
      return
    }
    const { lines } = splitLines(text)
    let selected = 0
    let lastPrinted = -1
    let afterLeft = 0
    let offset = 0
    const offsets = lines.map((l) => {
      const at = offset
      offset += new TextEncoder().encode(l).length + 1
      return at
    })
    let out = ''
    const context = s.after > 0 || s.before > 0
    const printLine = (index: number, sep: string, body: string): void => {
      if (context && lastPrinted !== -1 && index > lastPrinted + 1)
        out += this.paint(COLOR.sep, '--') + '\n'
      out += this.prefix(name, index + 1, offsets[index] ?? 0, sep) + body + '\n'
      lastPrinted = index
    }
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? ''
      const hits = this.matches(line)
      const isSelected = hits.length > 0 !== s.invert
      if (!isSelected) {
        if (afterLeft > 0 && !s.count && !s.filesWith && !s.filesWithout) {
          printLine(i, '-', line)
          afterLeft--
        }
        continue
      }
      selected++
      this.matchedAny = true
      if (s.quiet) {
        this.done = true
        return
      }
      if (s.filesWith || s.filesWithout) break
      if (!s.count) {
        if (this.s.before > 0) {
          const from = Math.max(lastPrinted + 1, i - s.before)
          for (let j = from; j < i; j++) printLine(j, '-', lines[j] ?? '')
        }
        if (s.only) {
          for (const m of hits) {
            if (m[0] === '') continue
            out += this.prefix(name, i + 1, (offsets[i] ?? 0) + m.index, ':')
            out += this.paint(COLOR.match, m[0]) + '\n'
          }
          lastPrinted = i
        } else printLine(i, ':', this.highlight(line, hits))
        afterLeft = s.after
      }
      if (selected >= s.maxCount) {
        // The trailing context of the last match still prints.
        for (let j = i + 1; j < lines.length && afterLeft > 0 && !s.count; j++, afterLeft--) {
          if (this.matches(lines[j] ?? '').length > 0 !== s.invert) break
          printLine(j, '-', lines[j] ?? '')
        }
        break
      }
    }
    if (context && out !== '' && this.stdout !== '' && !this.s.count)
      out = this.paint(COLOR.sep, '--') + '\n' + out
    if (s.count)
      out =
        (this.showNames ? this.paint(COLOR.file, name) + this.paint(COLOR.sep, ':') : '') +
        `${selected}\n`
    if (s.filesWith)
      out = selected > 0 ? this.paint(COLOR.file, name) + (s.nullAfterName ? '\0' : '\n') : ''
    if (s.filesWithout)
      out = selected === 0 ? this.paint(COLOR.file, name) + (s.nullAfterName ? '\0' : '\n') : ''
    this.stdout += out
  }

  private included(name: string): boolean {
    const base = name.slice(name.lastIndexOf('/') + 1)
    if (this.s.excludes.some((r) => r.test(base))) return false
    if (this.s.includes.length > 0 && !this.s.includes.some((r) => r.test(base))) return false
    return true
  }

  async file(operand: string, shown: string, commandLine: boolean): Promise<void> {
    if (this.done) return
    const ctx = this.ctx
    if (operand === '-') {
      this.search(this.s.label, ctx.stdin)
      return
    }
    const path = ctx.resolve(operand)
    const link = await statPath(ctx.fs, path, false)
    if ('errno' in link) {
      this.error(`${shown}: ${strerror(link.errno)}`)
      return
    }
    // -r follows symlinks named on the command line but not those met on the way down.
    if (link.stat.isSymbolicLink && !commandLine && this.s.recursive !== 'R') return
    const found = await statPath(ctx.fs, path, true)
    if ('errno' in found) {
      if (commandLine) this.error(`${shown}: ${strerror(found.errno)}`)
      return
    }
    if (found.stat.isDirectory) {
      if (this.s.directories === 'skip') return
      if (this.s.directories === 'read') {
        this.error(`${shown}: Is a directory`)
        return
      }
      const base = shown.slice(shown.replace(/\/+$/, '').lastIndexOf('/') + 1)
      if (!commandLine && this.s.excludeDirs.some((r) => r.test(base))) return
      for (const name of (await ctx.fs.readdir(path)).sort(compareCodepoints)) {
        const child = shown === '' ? name : shown.endsWith('/') ? shown + name : `${shown}/${name}`
        await this.file(joinPath(path, name), child, false)
      }
      return
    }
    if (!this.included(shown)) return
    const read = await readText(ctx.fs, path)
    if ('errno' in read) {
      this.error(`${shown}: ${strerror(read.errno)}`)
      return
    }
    this.search(shown, read.text)
  }
}

function settingsFrom(
  args: readonly string[],
  ctx: CommandContext,
):
  | { settings: GrepSettings; operands: string[] }
  | { stdout: string; stderr: string; exitCode: number } {
  // `-5` means `-C 5`.
  const expanded = args.map((a) => (/^-\d+$/.test(a) ? `-C${a.slice(1)}` : a))
  const parsed = parseCommandLine('grep', expanded, SPEC)
  if (!parsed.ok) {
    return { stdout: '', stderr: parsed.error.replace(tryHelp('grep'), USAGE), exitCode: 2 }
  }
  const s: GrepSettings = {
    mode: 'G',
    patterns: [],
    ignoreCase: false,
    invert: false,
    word: false,
    line: false,
    count: false,
    color: false,
    filesWith: false,
    filesWithout: false,
    maxCount: Infinity,
    only: false,
    quiet: false,
    silent: false,
    byteOffset: false,
    withFilename: undefined,
    label: '(standard input)',
    lineNumber: false,
    initialTab: false,
    nullAfterName: false,
    after: 0,
    before: 0,
    recursive: 'no',
    directories: 'read',
    includes: [],
    excludes: [],
    excludeDirs: [],
    text: false,
    patternFiles: [],
  }
  let patternGiven = false
  const contextNumber = (value: string | undefined): number | string => {
    if (!/^\d+$/.test(value ?? '')) return `grep: ${value ?? ''}: invalid context length argument\n`
    return Number(value)
  }
  for (const { name, value } of parsed.options) {
    switch (name) {
      case 'help':
        return { stdout: HELP, stderr: '', exitCode: 0 }
      case 'V':
        return { stdout: 'grep (GNU grep) 3.8\n', stderr: '', exitCode: 0 }
      case 'E':
      case 'F':
      case 'G':
        s.mode = name
        break
      case 'P':
        s.mode = 'E'
        break
      case 'e':
        s.patterns.push(...(value ?? '').split('\n'))
        patternGiven = true
        break
      case 'f':
        s.patternFiles.push(value ?? '')
        patternGiven = true
        break
      case 'i':
      case 'y':
        s.ignoreCase = true
        break
      case 'no-ignore-case':
        s.ignoreCase = false
        break
      case 'v':
        s.invert = true
        break
      case 'w':
        s.word = true
        break
      case 'x':
        s.line = true
        break
      case 'c':
        s.count = true
        break
      case 'color':
      case 'colour':
        s.color =
          value === undefined || value === 'always' || value === 'yes' || value === 'force'
            ? true
            : value === 'auto' || value === 'tty' || value === 'if-tty'
              ? stdoutIsTerminal(ctx)
              : false
        break
      case 'l':
        s.filesWith = true
        s.filesWithout = false
        break
      case 'L':
        s.filesWithout = true
        s.filesWith = false
        break
      case 'm':
        if (!/^-?\d+$/.test(value ?? ''))
          return { stdout: '', stderr: `grep: invalid max count\n`, exitCode: 2 }
        s.maxCount = Number(value) < 0 ? Infinity : Number(value)
        break
      case 'o':
        s.only = true
        break
      case 'q':
        s.quiet = true
        break
      case 's':
        s.silent = true
        break
      case 'b':
        s.byteOffset = true
        break
      case 'H':
        s.withFilename = true
        break
      case 'h':
        s.withFilename = false
        break
      case 'label':
        s.label = value ?? ''
        break
      case 'n':
        s.lineNumber = true
        break
      case 'T':
        s.initialTab = true
        break
      case 'Z':
        s.nullAfterName = true
        break
      case 'A':
      case 'B':
      case 'C': {
        const n = contextNumber(value)
        if (typeof n === 'string') return { stdout: '', stderr: n, exitCode: 2 }
        if (name !== 'B') s.after = n
        if (name !== 'A') s.before = n
        break
      }
      case 'a':
        s.text = true
        break
      case 'd':
        s.directories = value === 'skip' ? 'skip' : value === 'recurse' ? 'recurse' : 'read'
        break
      case 'r':
      case 'R':
        s.recursive = name
        s.directories = 'recurse'
        break
      case 'include':
        s.includes.push(globToRegExp(value ?? ''))
        break
      case 'exclude':
        s.excludes.push(globToRegExp(value ?? ''))
        break
      case 'exclude-dir':
        s.excludeDirs.push(globToRegExp(value ?? ''))
        break
    }
  }
  const operands = [...parsed.operands]
  if (!patternGiven) {
    const pattern = operands.shift()
    if (pattern === undefined) return { stdout: '', stderr: USAGE, exitCode: 2 }
    s.patterns.push(...pattern.split('\n'))
  }
  return { settings: s, operands }
}

function compile(s: GrepSettings): RegExp {
  const sources = s.patterns.map((p) =>
    s.mode === 'F' ? escapeLiteral(p) : posixToJs(p, s.mode === 'E'),
  )
  let source = sources.map((src) => `(?:${src})`).join('|')
  if (s.line) source = `^(?:${source})$`
  else if (s.word) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`
  return new RegExp(source, s.ignoreCase ? 'gi' : 'g')
}

export const grep: ShellCommand = {
  name: 'grep',
  summary: 'print lines that match patterns',
  run: async (args, ctx) => {
    const result = settingsFrom(args, ctx)
    if (!('settings' in result)) return result
    const { settings: s, operands } = result
    for (const file of s.patternFiles) {
      const read = file === '-' ? { text: ctx.stdin } : await readText(ctx.fs, ctx.resolve(file))
      if ('errno' in read)
        return { stdout: '', stderr: `grep: ${file}: ${strerror(read.errno)}\n`, exitCode: 2 }
      s.patterns.push(...splitLines(read.text).lines)
    }
    let regex: RegExp
    try {
      regex = compile(s)
    } catch (error) {
      const message =
        error instanceof RegexSyntaxError ? error.message : 'Invalid regular expression'
      return { stdout: '', stderr: `grep: ${message}\n`, exitCode: 2 }
    }
    const recursive = s.directories === 'recurse'
    const targets = operands.length > 0 ? operands : [recursive ? '.' : '-']
    const showNames = s.withFilename ?? (targets.length > 1 || recursive)
    const searcher = new Searcher(ctx, s, regex, showNames)
    for (const target of targets) {
      // `grep -r x` with no FILE names what it finds without a leading "./".
      const shown = operands.length === 0 && recursive ? '' : target
      await searcher.file(target, shown, true)
      if (searcher.done) break
    }
    const exitCode =
      searcher.troubled && !(s.quiet && searcher.matchedAny) ? 2 : searcher.matchedAny ? 0 : 1
    return { stdout: searcher.stdout, stderr: searcher.stderr, exitCode }
  },
}
