import type { CommandContext, CommandOutput } from '../command'
import type { Display, Indicator, Quoting } from './ls-format'
import {
  invalidArgument,
  matchArgument,
  parseCommandLine,
  tryHelp,
  type OptionSpec,
} from './options'
import { quote } from './quoting'
import { stdoutIsTerminal, terminalWidth } from './terminal'

/** ls's command line (coreutils 9.1 ls.c decode_switches): what to list and how, as Settings. */

export type Format = 'long' | 'columns' | 'across' | 'single' | 'commas'
export type SortKey = 'name' | 'time' | 'size' | 'extension' | 'version' | 'none'

export interface Settings {
  show: 'visible' | 'almost-all' | 'all'
  directoryOnly: boolean
  format: Format
  reverse: boolean
  recursive: boolean
  sort: SortKey
  dereference: 'never' | 'command-line' | 'command-line-dirs' | 'always'
  groupDirectoriesFirst: boolean
  ignore: string[]
  hide: string[]
  display: Display
}

const SPEC: OptionSpec = {
  short: 'aAbBcCdfFgGhHiI:klLmnNopqQrRsStT:uUvw:xX1',
  long: {
    all: { short: 'a' },
    'almost-all': { short: 'A' },
    escape: { short: 'b' },
    'ignore-backups': { short: 'B' },
    color: { arg: 'optional' },
    colour: { arg: 'optional' },
    directory: { short: 'd' },
    classify: { arg: 'optional' },
    'file-type': {},
    format: { arg: 'required' },
    'full-time': {},
    'group-directories-first': {},
    'no-group': { short: 'G' },
    'human-readable': { short: 'h' },
    si: {},
    'dereference-command-line': { short: 'H' },
    'dereference-command-line-symlink-to-dir': {},
    hide: { arg: 'required' },
    'indicator-style': { arg: 'required' },
    inode: { short: 'i' },
    ignore: { short: 'I', arg: 'required' },
    kibibytes: { short: 'k' },
    dereference: { short: 'L' },
    literal: { short: 'N' },
    'numeric-uid-gid': { short: 'n' },
    'hide-control-chars': { short: 'q' },
    'show-control-chars': {},
    'quote-name': { short: 'Q' },
    'quoting-style': { arg: 'required' },
    reverse: { short: 'r' },
    recursive: { short: 'R' },
    size: { short: 's' },
    sort: { arg: 'required' },
    time: { arg: 'required' },
    'time-style': { arg: 'required' },
    tabsize: { short: 'T', arg: 'required' },
    width: { short: 'w', arg: 'required' },
    context: { short: 'Z' },
    zero: {},
    help: {},
    version: {},
  },
}

const HELP = `Usage: ls [OPTION]... [FILE]...
List information about the FILEs (the current directory by default).
Entries are sorted alphabetically unless a sort option is given.

  -a, --all                  do not ignore entries starting with .
  -A, --almost-all           do not list implied . and ..
      --color[=WHEN]         colour the names: always, auto or never
  -d, --directory            list directories themselves, not their contents
  -F, --classify             append an indicator (one of */=>@|) to entries
  -h, --human-readable       with -l and -s, print sizes like 1K 234M 2G
  -i, --inode                print the index number of each file
  -l                         use a long listing format
  -L, --dereference          show the file a symbolic link points to
  -m                         fill width with a comma separated list of entries
  -n, --numeric-uid-gid      like -l, but list numeric user and group IDs
  -p                         append / indicator to directories
  -r, --reverse              reverse order while sorting
  -R, --recursive            list subdirectories recursively
  -s, --size                 print the allocated size of each file, in blocks
  -S                         sort by file size, largest first
  -t                         sort by time, newest first
  -U                         do not sort; list entries in directory order
  -v                         natural sort of (version) numbers within text
  -w, --width=COLS           set output width to COLS; 0 means no limit
  -x                         list entries by lines instead of by columns
  -X                         sort alphabetically by entry extension
  -1                         list one file per line
      --help                 display this help and exit

Exit status:
 0  if OK,
 1  if minor problems (e.g., cannot access subdirectory),
 2  if serious trouble (e.g., cannot access command-line argument).
`

export function globToRegExp(glob: string): RegExp {
  let source = ''
  for (const ch of glob) {
    if (ch === '*') source += '.*'
    else if (ch === '?') source += '.'
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

type SettingsResult = { settings: Settings; operands: string[] } | { error: CommandOutput }

export function settingsFrom(args: readonly string[], ctx: CommandContext): SettingsResult {
  const parsed = parseCommandLine('ls', args, SPEC)
  const usage = (stderr: string, exitCode = 2): { error: CommandOutput } => ({
    error: { stdout: '', stderr, exitCode },
  })
  // A value outside an option's list (argmatch) exits 1; every other usage error exits 2.
  const badValue = (stderr: string): { error: CommandOutput } => usage(stderr, 1)
  if (!parsed.ok) return usage(parsed.error)
  const terminal = stdoutIsTerminal(ctx)
  const settings: Settings = {
    show: 'visible',
    directoryOnly: false,
    format: terminal ? 'columns' : 'single',
    reverse: false,
    recursive: false,
    sort: 'name',
    dereference: 'never',
    groupDirectoriesFirst: false,
    ignore: [],
    hide: [],
    display: {
      quoting: terminal ? 'shell-escape' : 'literal',
      indicator: 'none',
      color: false,
      alignQuotes: false,
      human: 0,
      inode: false,
      blocks: false,
      numeric: false,
      owner: true,
      group: true,
      timeStyle: 'locale',
      nowMs: ctx.clock.now(),
      width: terminalWidth(ctx),
      tabSize: 8,
    },
  }
  const d = settings.display
  let dereference: Settings['dereference'] | undefined
  let explicitTime = false
  let sortGiven = false
  for (const { name, value } of parsed.options) {
    switch (name) {
      case 'help':
        return { error: { stdout: HELP, stderr: '', exitCode: 0 } }
      case 'version':
        return { error: { stdout: 'ls (GNU coreutils) 9.1\n', stderr: '', exitCode: 0 } }
      case 'a':
        settings.show = 'all'
        break
      case 'A':
        settings.show = 'almost-all'
        break
      case 'b':
        d.quoting = 'escape'
        break
      case 'B':
        settings.ignore.push('*~', '.*~')
        break
      case 'c':
      case 'u':
        // Quai's filesystem keeps one time per file: change and access times are the mtime.
        explicitTime = true
        break
      case 'time': {
        const words = ['atime', 'access', 'use', 'ctime', 'status', 'birth', 'creation']
        if (matchArgument(value ?? '', words) === undefined)
          return badValue(
            invalidArgument('ls', value ?? '', '--time', [
              ['atime', 'access', 'use'],
              ['ctime', 'status'],
              ['birth', 'creation'],
            ]),
          )
        explicitTime = true
        break
      }
      case 'C':
        settings.format = 'columns'
        break
      case 'd':
        settings.directoryOnly = true
        break
      case 'f':
        settings.show = 'all'
        settings.sort = 'none'
        break
      case 'F':
      case 'classify': {
        const when = value === undefined ? 'always' : matchWhen(value)
        if (when === undefined) return badValue(whenError(value ?? '', '--classify'))
        if (when === 'always' || (when === 'auto' && terminal)) d.indicator = 'classify'
        else d.indicator = 'none'
        break
      }
      case 'file-type':
        d.indicator = 'file-type'
        break
      case 'p':
        d.indicator = 'slash'
        break
      case 'indicator-style': {
        const style = matchArgument(value ?? '', ['none', 'slash', 'file-type', 'classify'])
        if (style === undefined)
          return badValue(
            invalidArgument('ls', value ?? '', '--indicator-style', [
              ['none'],
              ['slash'],
              ['file-type'],
              ['classify'],
            ]),
          )
        d.indicator = style as Indicator
        break
      }
      case 'format': {
        const formats: Record<string, Format> = {
          verbose: 'long',
          long: 'long',
          commas: 'commas',
          horizontal: 'across',
          across: 'across',
          vertical: 'columns',
          'single-column': 'single',
        }
        const key = matchArgument(value ?? '', Object.keys(formats))
        const format = key === undefined ? undefined : formats[key]
        if (format === undefined)
          return badValue(
            invalidArgument('ls', value ?? '', '--format', [
              ['verbose', 'long'],
              ['commas'],
              ['horizontal', 'across'],
              ['vertical'],
              ['single-column'],
            ]),
          )
        settings.format = format
        break
      }
      case 'full-time':
        settings.format = 'long'
        d.timeStyle = 'full-iso'
        break
      case 'g':
        settings.format = 'long'
        d.owner = false
        break
      case 'o':
        settings.format = 'long'
        d.group = false
        break
      case 'G':
        d.group = false
        break
      case 'group-directories-first':
        settings.groupDirectoriesFirst = true
        break
      case 'h':
        d.human = 1024
        break
      case 'si':
        d.human = 1000
        break
      case 'H':
        dereference = 'command-line'
        break
      case 'dereference-command-line-symlink-to-dir':
        dereference = 'command-line-dirs'
        break
      case 'L':
        dereference = 'always'
        break
      case 'hide':
        settings.hide.push(value ?? '')
        break
      case 'I':
        settings.ignore.push(value ?? '')
        break
      case 'i':
        d.inode = true
        break
      case 'l':
        settings.format = 'long'
        break
      case 'm':
        settings.format = 'commas'
        break
      case 'n':
        settings.format = 'long'
        d.numeric = true
        break
      case 'N':
        d.quoting = 'literal'
        break
      // Accepted for compatibility; nothing to change in Quai's output.
      case 'k':
      case 'q':
      case 'show-control-chars':
      case 'Z':
      case 'zero':
        break
      case 'Q':
        d.quoting = 'c'
        break
      case 'quoting-style': {
        const styles: Record<string, Quoting> = {
          literal: 'literal',
          shell: 'shell-escape',
          'shell-always': 'shell-escape-always',
          'shell-escape': 'shell-escape',
          'shell-escape-always': 'shell-escape-always',
          c: 'c',
          'c-maybe': 'c',
          escape: 'escape',
          locale: 'c',
          clocale: 'c',
        }
        const key = matchArgument(value ?? '', Object.keys(styles))
        const style = key === undefined ? undefined : styles[key]
        if (style === undefined)
          return badValue(
            invalidArgument(
              'ls',
              value ?? '',
              '--quoting-style',
              Object.keys(styles).map((s) => [s]),
            ),
          )
        d.quoting = style
        break
      }
      case 'r':
        settings.reverse = true
        break
      case 'R':
        settings.recursive = true
        break
      case 's':
        d.blocks = true
        break
      case 'S':
        sortGiven = true
        settings.sort = 'size'
        break
      case 't':
        sortGiven = true
        settings.sort = 'time'
        break
      case 'U':
        sortGiven = true
        settings.sort = 'none'
        break
      case 'v':
        sortGiven = true
        settings.sort = 'version'
        break
      case 'X':
        sortGiven = true
        settings.sort = 'extension'
        break
      case 'sort': {
        const sorts: Record<string, SortKey> = {
          none: 'none',
          time: 'time',
          size: 'size',
          extension: 'extension',
          version: 'version',
          width: 'name',
        }
        const key = matchArgument(value ?? '', Object.keys(sorts))
        const sort = key === undefined ? undefined : sorts[key]
        if (sort === undefined)
          return badValue(
            invalidArgument(
              'ls',
              value ?? '',
              '--sort',
              Object.keys(sorts).map((s) => [s]),
            ),
          )
        sortGiven = true
        settings.sort = sort
        break
      }
      case 'time-style':
        d.timeStyle = value ?? ''
        break
      case 'T': {
        const size = Number(value)
        if (!/^\d+$/.test(value ?? ''))
          return usage(`ls: invalid tab size: ${quote(value ?? '', ctx.env)}\n`)
        d.tabSize = size
        break
      }
      case 'w': {
        if (!/^\d+$/.test(value ?? ''))
          return usage(`ls: invalid line width: ${quote(value ?? '', ctx.env)}\n`)
        d.width = Number(value)
        break
      }
      case 'x':
        settings.format = 'across'
        break
      case '1':
        settings.format = 'single'
        break
      case 'color':
      case 'colour': {
        const when = value === undefined ? 'always' : matchWhen(value)
        if (when === undefined) return badValue(whenError(value ?? '', '--color'))
        d.color = when === 'always' || (when === 'auto' && terminal)
        break
      }
    }
  }
  if (explicitTime && !sortGiven && settings.format !== 'long') settings.sort = 'time'
  // The time style is checked only when times are shown.
  const style = d.timeStyle.replace(/^posix-/, '')
  if (settings.format === 'long' && !style.startsWith('+')) {
    if (!['full-iso', 'long-iso', 'iso', 'locale'].includes(style))
      return usage(
        `ls: invalid argument ${quote(d.timeStyle, ctx.env)} for ${quote('time style', ctx.env)}\n` +
          'Valid arguments are:\n' +
          ['full-iso', 'long-iso', 'iso', 'locale'].map((s) => `  - [posix-]${s}\n`).join('') +
          "  - +FORMAT (e.g., +%H:%M) for a 'date'-style format\n" +
          tryHelp('ls'),
      )
  }
  d.timeStyle = style
  // Tabs could upset colour sequences, so GNU pads coloured listings with spaces only.
  if (d.color) d.tabSize = 0
  settings.dereference =
    dereference ??
    (settings.directoryOnly || d.indicator === 'classify' || settings.format === 'long'
      ? 'never'
      : 'command-line-dirs')
  d.alignQuotes =
    (settings.format === 'long' ||
      ((settings.format === 'columns' || settings.format === 'across') && d.width !== 0)) &&
    (d.quoting === 'shell-escape' || d.quoting === 'shell-escape-always')
  return { settings, operands: parsed.operands }
}

function matchWhen(value: string): 'always' | 'never' | 'auto' | undefined {
  const words: Record<string, 'always' | 'never' | 'auto'> = {
    always: 'always',
    yes: 'always',
    force: 'always',
    never: 'never',
    no: 'never',
    none: 'never',
    auto: 'auto',
    tty: 'auto',
    'if-tty': 'auto',
  }
  const key = matchArgument(value, Object.keys(words))
  return key === undefined ? undefined : words[key]
}

function whenError(value: string, option: string): string {
  return invalidArgument('ls', value, option, [
    ['always', 'yes', 'force'],
    ['never', 'no', 'none'],
    ['auto', 'tty', 'if-tty'],
  ])
}
