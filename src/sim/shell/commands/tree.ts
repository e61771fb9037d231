import type { CommandContext, ShellCommand } from '../command'
import { compareCodepoints, compareNatural } from './collate'
import { inspect, joinPath, modeString, type FileFacts } from './file-facts'
import { isUtf8Locale } from './quoting'
import { strftime } from './time-format'

/**
 * tree 2.1.0 as Debian 12 ships it: box-drawing branches under a UTF-8 locale (ASCII under C),
 * the root counted as a directory only when it has entries, symlinks to directories counted as
 * directories but not entered, and the "N directories, M files" report.
 */

interface TreeSettings {
  all: boolean
  dirsOnly: boolean
  fullPath: boolean
  noIndent: boolean
  level: number
  classify: boolean
  perms: boolean
  size: boolean
  human: boolean
  user: boolean
  group: boolean
  date: boolean
  dirsFirst: boolean
  filesFirst: boolean
  sort: 'name' | 'version' | 'mtime' | 'none' | 'size'
  reverse: boolean
  ignore: RegExp | undefined
  pattern: RegExp | undefined
  noReport: boolean
  ignoreCase: boolean
}

const USAGE = `usage: tree [-acdfghilnpqrstuvxACDFJQNSUX] [-L level [-R]] [-H  baseHREF]
\t[-T title] [-o filename] [-P pattern] [-I pattern] [--gitignore]
\t[--gitfile[=]file] [--matchdirs] [--metafirst] [--ignore-case]
\t[--nolinks] [--hintro[=]file] [--houtro[=]file] [--inodes] [--device]
\t[--sort[=]<name>] [--dirsfirst] [--filesfirst] [--filelimit #] [--si]
\t[--du] [--prune] [--charset[=]X] [--timefmt[=]format] [--fromfile]
\t[--fflinks] [--info] [--infofile[=]file] [--noreport] [--version]
\t[--help] [--] [directory ...]
`

const HELP = `${USAGE}  ------- Listing options -------
  -a            All files are listed.
  -d            List directories only.
  -f            Print the full path prefix for each file.
  -L level      Descend only level directories deep.
  -P pattern    List only those files that match the pattern given.
  -I pattern    Do not list files that match the given pattern.
  --noreport    Turn off file/directory count at end of tree listing.
  ------- File options -------
  -p            Print the protections for each file.
  -u            Displays file owner or UID number.
  -g            Displays file group owner or GID number.
  -s            Print the size in bytes of each file.
  -h            Print the size in a more human readable way.
  -D            Print the date of last modification.
  -F            Appends '/', '=', '*', '@', '|' or '>' as per ls -F.
  ------- Sorting options -------
  -v            Sort files alphanumerically by version.
  -t            Sort files by last modification time.
  -U            Leave files unsorted.
  -r            Reverse the order of the sort.
  --dirsfirst   List directories before files.
  ------- Graphics options -------
  -i            Don't print indentation lines.
  ------- Miscellaneous options -------
  --help        Print usage and this help message and exit.
`

/** tree's wildcards: * ? [...] and alternatives separated by |. */
function patternToRegExp(pattern: string, ignoreCase: boolean): RegExp {
  const alternatives = pattern.split('|').map((alt) => {
    let source = ''
    for (let i = 0; i < alt.length; i++) {
      const ch = alt.charAt(i)
      if (ch === '*') source += '.*'
      else if (ch === '?') source += '.'
      else if (ch === '[') {
        const close = alt.indexOf(']', i + 1)
        if (close === -1) source += '\\['
        else {
          source += `[${alt.slice(i + 1, close).replace(/^!/, '^')}]`
          i = close
        }
      } else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    }
    return source
  })
  return new RegExp(`^(?:${alternatives.join('|')})$`, ignoreCase ? 'i' : '')
}

type Parsed = { settings: TreeSettings; roots: string[] } | { stderr: string; stdout?: string }

function parseTreeArgs(args: readonly string[]): Parsed {
  const s: TreeSettings = {
    all: false,
    dirsOnly: false,
    fullPath: false,
    noIndent: false,
    level: Infinity,
    classify: false,
    perms: false,
    size: false,
    human: false,
    user: false,
    group: false,
    date: false,
    dirsFirst: false,
    filesFirst: false,
    sort: 'name',
    reverse: false,
    ignore: undefined,
    pattern: undefined,
    noReport: false,
    ignoreCase: false,
  }
  const roots: string[] = []
  let ignore: string | undefined
  let pattern: string | undefined
  const invalid = (what: string): Parsed => ({
    stderr: `tree: Invalid argument ${what}.\n${USAGE}`,
  })
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    const next = (): string | undefined => args[++i]
    if (arg === '--') {
      roots.push(...args.slice(i + 1))
      break
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined]
      switch (name) {
        case '--help':
          return { stderr: '', stdout: HELP }
        case '--version':
          return {
            stderr: '',
            stdout:
              'tree v2.1.0 \u00a9 1996 - 2022 by Steve Baker, Thomas Moore, Francesc Rocher, Florian Sesser, Kyosuke Tokoro\n',
          }
        case '--dirsfirst':
          s.dirsFirst = true
          break
        case '--filesfirst':
          s.filesFirst = true
          break
        case '--noreport':
          s.noReport = true
          break
        case '--ignore-case':
          s.ignoreCase = true
          break
        case '--si':
          s.human = true
          s.size = true
          break
        case '--sort': {
          const key = inline ?? next()
          const sorts: Record<string, TreeSettings['sort']> = {
            name: 'name',
            version: 'version',
            mtime: 'mtime',
            size: 'size',
            none: 'none',
          }
          const sort = sorts[key ?? '']
          if (sort === undefined)
            return {
              stderr: `tree: Sort type '${key ?? ''}' not valid, should be one of: name, version, size, mtime, ctime, none\n`,
            }
          s.sort = sort
          break
        }
        case '--charset':
        case '--timefmt':
        case '--filelimit':
          if (inline === undefined) next()
          break
        case '--matchdirs':
        case '--prune':
        case '--nolinks':
        case '--inodes':
        case '--device':
        case '--du':
        case '--metafirst':
        case '--fflinks':
        case '--gitignore':
          break
        default:
          return invalid(`\`${arg}'`)
      }
      continue
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (const letter of arg.slice(1)) {
        switch (letter) {
          case 'a':
            s.all = true
            break
          case 'd':
            s.dirsOnly = true
            break
          case 'f':
            s.fullPath = true
            break
          case 'i':
            s.noIndent = true
            break
          case 'F':
            s.classify = true
            break
          case 'p':
            s.perms = true
            break
          case 's':
            s.size = true
            break
          case 'h':
            s.size = true
            s.human = true
            break
          case 'u':
            s.user = true
            break
          case 'g':
            s.group = true
            break
          case 'D':
            s.date = true
            break
          case 'v':
            s.sort = 'version'
            break
          case 't':
          case 'c':
            s.sort = 'mtime'
            break
          case 'U':
            s.sort = 'none'
            break
          case 'r':
            s.reverse = true
            break
          case 'L': {
            const value = next()
            if (value === undefined) return { stderr: 'tree: Missing argument to -L option.\n' }
            if (!/^\d+$/.test(value) || Number(value) < 1)
              return { stderr: 'tree: Invalid level, must be greater than 0.\n' }
            s.level = Number(value)
            break
          }
          case 'I':
          case 'P': {
            const value = next()
            if (value === undefined)
              return { stderr: `tree: Missing argument to -${letter} option.\n` }
            if (letter === 'I') ignore = ignore === undefined ? value : `${ignore}|${value}`
            else pattern = pattern === undefined ? value : `${pattern}|${value}`
            break
          }
          case 'l':
          case 'n':
          case 'C':
          case 'A':
          case 'S':
          case 'N':
          case 'q':
          case 'x':
          case 'Q':
            break
          default:
            return invalid(`-\`${letter}'`)
        }
      }
      continue
    }
    roots.push(arg)
  }
  if (ignore !== undefined) s.ignore = patternToRegExp(ignore, s.ignoreCase)
  if (pattern !== undefined) s.pattern = patternToRegExp(pattern, s.ignoreCase)
  return { settings: s, roots: roots.length > 0 ? roots : ['.'] }
}

interface Node {
  name: string
  path: string
  facts: FileFacts
  /** What a symlink resolves to, when it resolves. */
  target: FileFacts | undefined
}

const isDirectoryLike = (n: Node): boolean =>
  n.facts.kind === 'directory' || n.target?.kind === 'directory'

function treeHumanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes).padStart(4)
  const units = ['K', 'M', 'G', 'T', 'P', 'E']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const text = value < 9.95 ? value.toFixed(1) : Math.round(value).toString()
  return `${text}${units[unit] ?? 'E'}`.padStart(4)
}

class TreePrinter {
  out = ''
  dirs = 0
  files = 0
  private readonly utf8: boolean

  constructor(
    private readonly ctx: CommandContext,
    private readonly s: TreeSettings,
  ) {
    this.utf8 = isUtf8Locale(ctx.env)
  }

  private meta(facts: FileFacts): string {
    const parts: string[] = []
    if (this.s.perms) parts.push(modeString(facts.kind, facts.perms))
    if (this.s.user) parts.push(facts.owner.padEnd(8))
    if (this.s.group) parts.push(facts.group.padEnd(8))
    if (this.s.size)
      parts.push(this.s.human ? treeHumanSize(facts.size) : String(facts.size).padStart(11))
    if (this.s.date) {
      const now = this.ctx.clock.now()
      const recent = facts.mtimeMs > now - 15_778_476_000 && facts.mtimeMs <= now
      parts.push(strftime(facts.mtimeMs, recent ? '%b %e %H:%M' : '%b %e  %Y'))
    }
    return parts.length === 0 ? '' : `[${parts.join(' ')}]  `
  }

  private mark(facts: FileFacts | undefined): string {
    if (!this.s.classify || facts === undefined) return ''
    if (facts.kind === 'directory') return '/'
    if (facts.kind === 'file' && (facts.perms & 0o111) !== 0) return '*'
    return ''
  }

  private async children(path: string, display: string): Promise<Node[]> {
    const fs = this.ctx.fs
    const names = (await fs.readdirWithFileTypes(path)).map((d) => d.name)
    const nodes: Node[] = []
    for (const name of names) {
      if (!this.s.all && name.startsWith('.')) continue
      const child = joinPath(path, name)
      const found = await inspect(fs, child, false)
      if ('errno' in found) continue
      const facts = found.facts
      let target: FileFacts | undefined
      if (facts.kind === 'symlink') {
        const followed = await inspect(fs, child, true)
        target = 'facts' in followed ? followed.facts : undefined
      }
      const node: Node = {
        name,
        path: child,
        facts,
        target,
      }
      const dir = isDirectoryLike(node)
      if (this.s.ignore?.test(name) === true) continue
      if (this.s.dirsOnly && !dir) continue
      // -P filters everything but real directories (tree 2.1.0 lists those even with --matchdirs).
      if (this.s.pattern?.test(name) === false && facts.kind !== 'directory') continue
      const shown = this.utf8 ? name : name.replace(/ /g, '\\ ')
      nodes.push({ ...node, name: this.s.fullPath ? `${display}/${shown}` : shown })
    }
    return this.sorted(nodes)
  }

  private sorted(nodes: Node[]): Node[] {
    const base = (n: Node): string => n.path.slice(n.path.lastIndexOf('/') + 1)
    const compare: Record<TreeSettings['sort'], (a: Node, b: Node) => number> = {
      name: (a, b) => compareCodepoints(base(a), base(b)),
      version: (a, b) => compareNatural(base(a), base(b)),
      mtime: (a, b) => a.facts.mtimeMs - b.facts.mtimeMs || compareCodepoints(base(a), base(b)),
      size: (a, b) => b.facts.size - a.facts.size || compareCodepoints(base(a), base(b)),
      none: () => 0,
    }
    let out = [...nodes].sort(compare[this.s.sort])
    if (this.s.reverse) out.reverse()
    if (this.s.dirsFirst)
      out = [...out.filter(isDirectoryLike), ...out.filter((n) => !isDirectoryLike(n))]
    else if (this.s.filesFirst)
      out = [...out.filter((n) => !isDirectoryLike(n)), ...out.filter(isDirectoryLike)]
    return out
  }

  private line(prefix: string, last: boolean, node: Node): string {
    const branch = this.utf8
      ? last
        ? '\u2514\u2500\u2500 '
        : '\u251c\u2500\u2500 '
      : last
        ? '`-- '
        : '|-- '
    let text = this.s.noIndent ? '' : prefix + branch
    text += this.meta(node.facts) + node.name
    if (node.facts.kind === 'symlink')
      text += ` -> ${node.facts.target ?? ''}${this.mark(node.target)}`
    else text += this.mark(node.facts)
    return text + '\n'
  }

  private async walk(node: Node, prefix: string, depth: number): Promise<void> {
    const children = await this.children(node.path, node.name)
    for (const [i, child] of children.entries()) {
      const last = i === children.length - 1
      this.out += this.line(prefix, last, child)
      if (isDirectoryLike(child)) {
        this.dirs++
        if (child.facts.kind === 'directory' && depth < this.s.level) {
          const stem = this.utf8 ? '\u2502\u00a0\u00a0 ' : '|   '
          await this.walk(child, prefix + (last ? '    ' : stem), depth + 1)
        }
      } else this.files++
    }
  }

  /** Prints one root; false when it could not be opened at all. */
  async root(operand: string): Promise<boolean> {
    const path = this.ctx.resolve(operand)
    const found = await inspect(this.ctx.fs, path, true)
    if ('errno' in found || found.facts.kind !== 'directory') {
      this.out += `${operand}  [error opening dir]\n`
      if ('facts' in found) this.files++
      return 'facts' in found
    }
    const node: Node = { name: operand, path, facts: found.facts, target: undefined }
    const rootMark = this.s.classify ? '/' : ''
    this.out += `${this.meta(found.facts)}${operand}${operand.endsWith('/') ? '' : rootMark}\n`
    const before = this.out.length
    await this.walk(node, '', 1)
    // tree 2.1.0 counts the starting directory only when something was listed under it.
    if (this.out.length > before) this.dirs++
    return true
  }

  report(): string {
    if (this.s.noReport) return ''
    const dirs = `${this.dirs} ${this.dirs === 1 ? 'directory' : 'directories'}`
    if (this.s.dirsOnly) return `\n${dirs}\n`
    return `\n${dirs}, ${this.files} ${this.files === 1 ? 'file' : 'files'}\n`
  }
}

export const tree: ShellCommand = {
  name: 'tree',
  summary: 'list contents of directories in a tree-like format',
  run: async (args, ctx) => {
    const parsed = parseTreeArgs(args)
    if ('stderr' in parsed) {
      if (parsed.stdout !== undefined) return { stdout: parsed.stdout, stderr: '', exitCode: 0 }
      return { stdout: '', stderr: parsed.stderr, exitCode: 1 }
    }
    const printer = new TreePrinter(ctx, parsed.settings)
    let failed = false
    for (const root of parsed.roots) if (!(await printer.root(root))) failed = true
    return { stdout: printer.out + printer.report(), stderr: '', exitCode: failed ? 2 : 0 }
  },
}
