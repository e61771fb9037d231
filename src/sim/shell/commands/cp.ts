import type { CommandContext, ShellCommand } from '../command'
import { compareCodepoints } from './collate'
import { baseName, errnoOf, joinPath, statPath, strerror } from './file-facts'
import { confirm, kindOf, parentProblem, touchParent, UMASK } from './file-ops'
import { parseCommandLine, tryHelp, type OptionSpec } from './options'
import { quoteFileName } from './quoting'

/**
 * GNU cp: a file to a file, files into a directory, trees with -r (symlinks inside copied as
 * symlinks); -i asks, -n skips, -p keeps mode and time, -v tells each copy.
 */

const SPEC: OptionSpec = {
  short: 'adfHilLnprRst:TuvxP',
  long: {
    archive: { short: 'a' },
    force: { short: 'f' },
    interactive: { short: 'i' },
    link: { short: 'l' },
    dereference: { short: 'L' },
    'no-clobber': { short: 'n' },
    'no-dereference': { short: 'P' },
    preserve: { arg: 'optional' },
    'no-preserve': { arg: 'required' },
    parents: {},
    recursive: { short: 'r' },
    'remove-destination': {},
    'symbolic-link': { short: 's' },
    'target-directory': { short: 't', arg: 'required' },
    'no-target-directory': { short: 'T' },
    update: { arg: 'optional' },
    verbose: { short: 'v' },
    'one-file-system': { short: 'x' },
    help: {},
    version: {},
  },
}

const HELP = `Usage: cp [OPTION]... [-T] SOURCE DEST
  or:  cp [OPTION]... SOURCE... DIRECTORY
  or:  cp [OPTION]... -t DIRECTORY SOURCE...
Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.

  -a, --archive                same as -dR --preserve=all
  -f, --force                  if an existing destination file cannot be
                                 opened, remove it and try again
  -i, --interactive            prompt before overwrite
  -n, --no-clobber             do not overwrite an existing file
  -p                           same as --preserve=mode,ownership,timestamps
  -R, -r, --recursive          copy directories recursively
  -t, --target-directory=DIRECTORY  copy all SOURCE arguments into DIRECTORY
  -T, --no-target-directory    treat DEST as a normal file
  -u, --update                 copy only when the SOURCE file is newer
  -v, --verbose                explain what is being done
      --help        display this help and exit
`

interface CopySettings {
  recursive: boolean
  interactive: boolean
  noClobber: boolean
  preserve: boolean
  update: boolean
  verbose: boolean
  dereference: boolean
}

class Copier {
  stdout = ''
  stderr = ''
  exitCode = 0
  private readonly answers: string[]

  constructor(
    private readonly ctx: CommandContext,
    private readonly s: CopySettings,
  ) {
    this.answers = ctx.stdin.split('\n')
  }

  fail(message: string): void {
    this.stderr += `cp: ${message}\n`
    this.exitCode = 1
  }

  async copy(source: string, dest: string, destShown: string): Promise<void> {
    const fs = this.ctx.fs
    const from = this.ctx.resolve(source)
    const found = await statPath(fs, from, this.s.dereference)
    if ('errno' in found) {
      this.fail(`cannot stat ${quoteFileName(source)}: ${strerror(found.errno)}`)
      return
    }
    if (found.stat.isDirectory && !this.s.recursive) {
      this.fail(`-r not specified; omitting directory ${quoteFileName(source)}`)
      return
    }
    if (from === dest) {
      this.fail(`${quoteFileName(source)} and ${quoteFileName(destShown)} are the same file`)
      return
    }
    if (found.stat.isDirectory && (dest + '/').startsWith(from + '/')) {
      this.fail(
        `cannot copy a directory, ${quoteFileName(source)}, into itself, ${quoteFileName(destShown)}`,
      )
      return
    }
    await this.copyNode(from, source, dest, destShown, true)
  }

  private async copyNode(
    from: string,
    fromShown: string,
    to: string,
    toShown: string,
    top: boolean,
  ): Promise<void> {
    const fs = this.ctx.fs
    const st = await fs[top && this.s.dereference ? 'stat' : 'lstat'](from)
    const existing = await kindOf(fs, to, true)
    if (st.isDirectory) {
      if (existing !== undefined && existing !== 'directory') {
        this.fail(
          `cannot overwrite non-directory ${quoteFileName(toShown)} with directory ${quoteFileName(fromShown)}`,
        )
        return
      }
      if (existing === undefined) {
        const problem = await parentProblem(fs, to)
        if (problem !== undefined) {
          this.fail(`cannot create directory ${quoteFileName(toShown)}: ${strerror(problem)}`)
          return
        }
        await fs.mkdir(to)
        await fs.chmod(to, this.s.preserve ? st.mode : st.mode & ~UMASK)
        await touchParent(this.ctx, to)
      }
      if (this.s.verbose)
        this.stdout += `${quoteFileName(fromShown)} -> ${quoteFileName(toShown)}\n`
      for (const name of (await fs.readdir(from)).sort(compareCodepoints))
        await this.copyNode(
          joinPath(from, name),
          `${fromShown.replace(/\/+$/, '')}/${name}`,
          joinPath(to, name),
          `${toShown.replace(/\/+$/, '')}/${name}`,
          false,
        )
      if (this.s.preserve) await fs.utimes(to, st.mtime, st.mtime)
      return
    }
    if (existing === 'directory') {
      this.fail(
        `cannot overwrite directory ${quoteFileName(toShown)} with non-directory ${quoteFileName(fromShown)}`,
      )
      return
    }
    if (existing !== undefined) {
      if (this.s.noClobber) return
      if (this.s.update) {
        const destStat = await fs.stat(to)
        if (destStat.mtime.getTime() >= st.mtime.getTime()) return
      }
      if (this.s.interactive) {
        const prompt = `cp: overwrite ${quoteFileName(toShown)}? `
        const { yes, shown } = await confirm(this.ctx, prompt, this.answers)
        this.stderr += shown
        if (!yes) return
      }
    }
    if (existing === undefined) {
      const problem = await parentProblem(fs, to)
      if (problem !== undefined) {
        this.fail(`cannot create regular file ${quoteFileName(toShown)}: ${strerror(problem)}`)
        return
      }
    }
    try {
      if (st.isSymbolicLink) {
        if (existing !== undefined) await fs.rm(to)
        await fs.symlink(await fs.readlink(from), to)
      } else {
        await fs.writeFile(to, await fs.readFileBuffer(from))
        if (existing === undefined || this.s.preserve)
          await fs.chmod(to, this.s.preserve ? st.mode : st.mode & ~UMASK)
        if (this.s.preserve) await fs.utimes(to, st.mtime, st.mtime)
      }
      if (existing === undefined) await touchParent(this.ctx, to)
    } catch (error) {
      this.fail(`cannot create regular file ${quoteFileName(toShown)}: ${strerror(errnoOf(error))}`)
      return
    }
    if (this.s.verbose) this.stdout += `${quoteFileName(fromShown)} -> ${quoteFileName(toShown)}\n`
  }
}

export const cp: ShellCommand = {
  name: 'cp',
  summary: 'copy files and directories',
  run: async (args, ctx) => {
    const parsed = parseCommandLine('cp', args, SPEC)
    if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 }
    const s: CopySettings = {
      recursive: false,
      interactive: false,
      noClobber: false,
      preserve: false,
      update: false,
      verbose: false,
      dereference: true,
    }
    let targetDir: string | undefined
    let noTargetDir = false
    for (const { name, value } of parsed.options) {
      switch (name) {
        case 'help':
          return { stdout: HELP, stderr: '', exitCode: 0 }
        case 'version':
          return { stdout: 'cp (GNU coreutils) 9.1\n', stderr: '', exitCode: 0 }
        case 'a':
          s.recursive = true
          s.preserve = true
          s.dereference = false
          break
        case 'r':
        case 'R':
          s.recursive = true
          s.dereference = false
          break
        case 'i':
          s.interactive = true
          s.noClobber = false
          break
        case 'n':
          s.noClobber = true
          s.interactive = false
          break
        case 'f':
          s.noClobber = false
          break
        case 'p':
        case 'preserve':
          s.preserve = true
          break
        case 'u':
        case 'update':
          s.update = true
          break
        case 'v':
          s.verbose = true
          break
        case 'L':
          s.dereference = true
          break
        case 'P':
        case 'd':
          s.dereference = false
          break
        case 't':
          targetDir = value
          break
        case 'T':
          noTargetDir = true
          break
      }
    }
    const operands = [...parsed.operands]
    if (operands.length === 0)
      return { stdout: '', stderr: `cp: missing file operand\n${tryHelp('cp')}`, exitCode: 1 }
    if (targetDir === undefined && operands.length === 1)
      return {
        stdout: '',
        stderr: `cp: missing destination file operand after ${quoteFileName(operands[0] ?? '')}\n${tryHelp('cp')}`,
        exitCode: 1,
      }
    const copier = new Copier(ctx, s)
    const target = targetDir ?? operands.pop() ?? ''
    const targetPath = ctx.resolve(target)
    const targetKind = await kindOf(ctx.fs, targetPath, true)
    const intoDir = !noTargetDir && (targetDir !== undefined || targetKind === 'directory')
    if (!intoDir && operands.length > 1) {
      const errno = targetKind === undefined ? 'ENOENT' : 'ENOTDIR'
      return {
        stdout: '',
        stderr: `cp: target ${quoteFileName(target)}: ${strerror(errno)}\n`,
        exitCode: 1,
      }
    }
    for (const source of operands) {
      if (intoDir) {
        const name = baseName(ctx.resolve(source))
        const shown = target.endsWith('/') ? target + name : `${target}/${name}`
        await copier.copy(source, joinPath(targetPath, name), shown)
      } else if (target.endsWith('/') && targetKind === undefined) {
        copier.fail(`cannot create regular file ${quoteFileName(target)}: Not a directory`)
      } else await copier.copy(source, targetPath, target)
    }
    return { stdout: copier.stdout, stderr: copier.stderr, exitCode: copier.exitCode }
  },
}
