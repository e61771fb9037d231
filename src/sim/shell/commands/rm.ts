import type { CommandContext, ShellCommand } from '../command'
import { compareCodepoints } from './collate'
import { baseName, errnoOf, joinPath, statPath, strerror } from './file-facts'
import { confirm, touchParent } from './file-ops'
import { parseCommandLine, tryHelp, type OptionSpec } from './options'
import { quoteFileName } from './quoting'

/** GNU rm: files, and with -r whole trees; -f silences missing files; -i and -v as in coreutils. */

const SPEC: OptionSpec = {
  short: 'dfirIRv',
  long: {
    force: { short: 'f' },
    interactive: { arg: 'optional' },
    'one-file-system': {},
    'no-preserve-root': {},
    'preserve-root': { arg: 'optional' },
    recursive: { short: 'r' },
    dir: { short: 'd' },
    verbose: { short: 'v' },
    help: {},
    version: {},
  },
}

const HELP = `Usage: rm [OPTION]... [FILE]...
Remove (unlink) the FILE(s).

  -f, --force           ignore nonexistent files and arguments, never prompt
  -i                    prompt before every removal
  -I                    prompt once before removing more than three files, or
                          when removing recursively
  -r, -R, --recursive   remove directories and their contents recursively
  -d, --dir             remove empty directories
  -v, --verbose         explain what is being done
      --help     display this help and exit
`

interface RmSettings {
  force: boolean
  interactive: boolean
  recursive: boolean
  emptyDirs: boolean
  verbose: boolean
  preserveRoot: boolean
}

class Remover {
  stdout = ''
  stderr = ''
  exitCode = 0
  private readonly answers: string[]

  constructor(
    private readonly ctx: CommandContext,
    private readonly s: RmSettings,
  ) {
    this.answers = ctx.stdin.split('\n')
  }

  private fail(shown: string, errno: string): void {
    this.stderr += `rm: cannot remove ${quoteFileName(shown)}: ${strerror(errno)}\n`
    this.exitCode = 1
  }

  private async ask(question: string): Promise<boolean> {
    if (!this.s.interactive) return true
    const { yes, shown } = await confirm(this.ctx, `rm: ${question}? `, this.answers)
    this.stderr += shown
    return yes
  }

  async remove(shown: string, path: string): Promise<boolean> {
    const fs = this.ctx.fs
    const found = await statPath(fs, path, false)
    if ('errno' in found) {
      if (!(this.s.force && found.errno === 'ENOENT')) this.fail(shown, found.errno)
      return false
    }
    const st = found.stat
    if (st.isDirectory) {
      const entries = await fs.readdir(path)
      if (!this.s.recursive) {
        if (!this.s.emptyDirs) this.fail(shown, 'EISDIR')
        else if (entries.length > 0) this.fail(shown, 'ENOTEMPTY')
        if (!this.s.emptyDirs || entries.length > 0) return false
      }
      if (entries.length > 0 && !(await this.ask(`descend into directory ${quoteFileName(shown)}`)))
        return false
      let all = true
      for (const name of [...entries].sort(compareCodepoints)) {
        const child = shown.endsWith('/') ? shown + name : `${shown}/${name}`
        if (!(await this.remove(child, joinPath(path, name)))) all = false
      }
      if (!all && !this.s.interactive) return false
      if (!(await this.ask(`remove directory ${quoteFileName(shown)}`))) return false
      if (!all) {
        this.fail(shown, 'ENOTEMPTY')
        return false
      }
      return this.unlink(shown, path, `removed directory ${quoteFileName(shown)}`)
    }
    const what = st.isSymbolicLink
      ? 'symbolic link'
      : st.size === 0
        ? 'regular empty file'
        : 'regular file'
    if (!(await this.ask(`remove ${what} ${quoteFileName(shown)}`))) return false
    return this.unlink(shown, path, `removed ${quoteFileName(shown)}`)
  }

  private async unlink(shown: string, path: string, report: string): Promise<boolean> {
    try {
      await this.ctx.fs.rm(path, { recursive: true })
      await touchParent(this.ctx, path)
    } catch (error) {
      this.fail(shown, errnoOf(error))
      return false
    }
    if (this.s.verbose) this.stdout += report + '\n'
    return true
  }
}

export const rm: ShellCommand = {
  name: 'rm',
  summary: 'remove files or directories',
  run: async (args, ctx) => {
    const parsed = parseCommandLine('rm', args, SPEC)
    if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 }
    const s: RmSettings = {
      force: false,
      interactive: false,
      recursive: false,
      emptyDirs: false,
      verbose: false,
      preserveRoot: true,
    }
    for (const { name, value } of parsed.options) {
      switch (name) {
        case 'help':
          return { stdout: HELP, stderr: '', exitCode: 0 }
        case 'version':
          return { stdout: 'rm (GNU coreutils) 9.1\n', stderr: '', exitCode: 0 }
        case 'f':
          s.force = true
          s.interactive = false
          break
        case 'i':
          s.interactive = true
          s.force = false
          break
        case 'interactive':
          s.interactive = value === undefined || value === 'always' || value === 'yes'
          break
        case 'I':
          s.interactive = false
          break
        case 'r':
        case 'R':
          s.recursive = true
          break
        case 'd':
          s.emptyDirs = true
          break
        case 'v':
          s.verbose = true
          break
        case 'no-preserve-root':
          s.preserveRoot = false
          break
      }
    }
    if (parsed.operands.length === 0) {
      if (s.force) return { stdout: '', stderr: '', exitCode: 0 }
      return { stdout: '', stderr: `rm: missing operand\n${tryHelp('rm')}`, exitCode: 1 }
    }
    const remover = new Remover(ctx, s)
    for (const operand of parsed.operands) {
      const path = ctx.resolve(operand)
      const last = baseName(operand.replace(/\/+$/, '') || '/')
      if (s.recursive && (last === '.' || last === '..')) {
        remover.stderr += `rm: refusing to remove '.' or '..' directory: skipping ${quoteFileName(operand)}\n`
        remover.exitCode = 1
        continue
      }
      if (s.recursive && s.preserveRoot && path === '/') {
        remover.stderr += `rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n`
        remover.exitCode = 1
        continue
      }
      await remover.remove(operand, path)
    }
    return { stdout: remover.stdout, stderr: remover.stderr, exitCode: remover.exitCode }
  },
}
