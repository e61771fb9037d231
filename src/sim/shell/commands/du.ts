import type { CommandContext, ShellCommand } from '../command'
import { compareCodepoints } from './collate'
import { inspect, joinPath, strerror, type FileFacts } from './file-facts'
import { humanSize } from './human-size'
import { parseCommandLine, type OptionSpec } from './options'
import { quoteFileName } from './quoting'

/** GNU du: disk usage in 1K blocks (ext4's 4K allocation), directories after their contents. */

const SPEC: OptionSpec = {
  short: 'abcd:hHkLlmPsSx0',
  long: {
    all: { short: 'a' },
    'apparent-size': {},
    bytes: { short: 'b' },
    total: { short: 'c' },
    'max-depth': { short: 'd', arg: 'required' },
    'human-readable': { short: 'h' },
    si: {},
    summarize: { short: 's' },
    dereference: { short: 'L' },
    'no-dereference': { short: 'P' },
    'count-links': { short: 'l' },
    'separate-dirs': { short: 'S' },
    'one-file-system': { short: 'x' },
    null: { short: '0' },
    exclude: { arg: 'required' },
    help: {},
    version: {},
  },
}

const HELP = `Usage: du [OPTION]... [FILE]...
Summarize device usage of the set of FILEs, recursively for directories.

  -a, --all             write counts for all files, not just directories
      --apparent-size   print apparent sizes rather than device usage
  -b, --bytes           equivalent to '--apparent-size --block-size=1'
  -c, --total           produce a grand total
  -d, --max-depth=N     print the total for a directory (or file, with --all)
                          only if it is N or fewer levels below the command
                          line argument
  -h, --human-readable  print sizes in human readable format (e.g., 1K 234M 2G)
  -s, --summarize       display only a total for each argument
      --help        display this help and exit
`

interface DuSettings {
  all: boolean
  apparent: boolean
  bytes: boolean
  human: 0 | 1024 | 1000
  maxDepth: number
  megabytes: boolean
}

class Usage {
  out = ''
  err = ''
  failed = false

  constructor(
    private readonly ctx: CommandContext,
    private readonly s: DuSettings,
  ) {}

  private amount(facts: FileFacts): number {
    if (this.s.bytes || this.s.apparent) return facts.kind === 'directory' ? 4096 : facts.size
    return facts.blocks * 1024
  }

  format(bytes: number): string {
    if (this.s.human !== 0) return bytes === 0 ? '0' : humanSize(bytes, this.s.human)
    if (this.s.bytes) return String(bytes)
    const unit = this.s.megabytes ? 1024 * 1024 : 1024
    return String(Math.ceil(bytes / unit))
  }

  /** Walks `path`, printing lines as GNU does, and returns its total. */
  async walk(path: string, shown: string, depth: number): Promise<number> {
    const found = await inspect(this.ctx.fs, path, depth === 0 && false)
    if ('errno' in found) {
      this.err += `du: cannot access ${quoteFileName(shown)}: ${strerror(found.errno)}\n`
      this.failed = true
      return 0
    }
    const facts = found.facts
    let total = this.amount(facts)
    if (facts.kind === 'directory') {
      for (const name of (await this.ctx.fs.readdir(path)).sort(compareCodepoints)) {
        const child = shown.endsWith('/') ? shown + name : `${shown}/${name}`
        total += await this.walk(joinPath(path, name), child, depth + 1)
      }
    }
    const isDir = facts.kind === 'directory'
    if ((isDir || this.s.all || depth === 0) && depth <= this.s.maxDepth)
      this.out += `${this.format(total)}\t${shown}\n`
    return total
  }
}

export const du: ShellCommand = {
  name: 'du',
  summary: 'estimate file space usage',
  run: async (args, ctx) => {
    const parsed = parseCommandLine('du', args, SPEC)
    if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 }
    const s: DuSettings = {
      all: false,
      apparent: false,
      bytes: false,
      human: 0,
      maxDepth: Infinity,
      megabytes: false,
    }
    let total = false
    for (const { name, value } of parsed.options) {
      if (name === 'help') return { stdout: HELP, stderr: '', exitCode: 0 }
      if (name === 'version') return { stdout: 'du (GNU coreutils) 9.1\n', stderr: '', exitCode: 0 }
      if (name === 'a') s.all = true
      if (name === 'apparent-size') s.apparent = true
      if (name === 'b') s.bytes = true
      if (name === 'c') total = true
      if (name === 'h') s.human = 1024
      if (name === 'si') s.human = 1000
      if (name === 'k') [s.human, s.megabytes] = [0, false]
      if (name === 'm') [s.human, s.megabytes] = [0, true]
      if (name === 's') s.maxDepth = 0
      if (name === 'd') {
        if (!/^\d+$/.test(value ?? ''))
          return {
            stdout: '',
            stderr: `du: invalid maximum depth ${quoteFileName(value ?? '')}\n`,
            exitCode: 1,
          }
        s.maxDepth = Number(value)
      }
    }
    const usage = new Usage(ctx, s)
    let sum = 0
    const operands = parsed.operands.length > 0 ? parsed.operands : ['.']
    for (const operand of operands) sum += await usage.walk(ctx.resolve(operand), operand, 0)
    if (total) usage.out += `${usage.format(sum)}\ttotal\n`
    return { stdout: usage.out, stderr: usage.err, exitCode: usage.failed ? 1 : 0 }
  },
}
