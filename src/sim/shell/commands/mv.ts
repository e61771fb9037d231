import type { ShellCommand } from '../command'
import { baseName, errnoOf, joinPath, statPath, strerror } from './file-facts'
import { confirm, kindOf, parentProblem, touchParent } from './file-ops'
import { parseCommandLine, tryHelp, type OptionSpec } from './options'
import { quoteFileName } from './quoting'

/** GNU mv: rename, or move sources into a directory; -i asks, -n skips, -v tells. */

const SPEC: OptionSpec = {
  short: 'bfint:TuvS:',
  long: {
    backup: { arg: 'optional' },
    force: { short: 'f' },
    interactive: { short: 'i' },
    'no-clobber': { short: 'n' },
    'strip-trailing-slashes': {},
    suffix: { short: 'S', arg: 'required' },
    'target-directory': { short: 't', arg: 'required' },
    'no-target-directory': { short: 'T' },
    update: { short: 'u' },
    verbose: { short: 'v' },
    help: {},
    version: {},
  },
}

const HELP = `Usage: mv [OPTION]... [-T] SOURCE DEST
  or:  mv [OPTION]... SOURCE... DIRECTORY
  or:  mv [OPTION]... -t DIRECTORY SOURCE...
Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.

  -f, --force                  do not prompt before overwriting
  -i, --interactive            prompt before overwrite
  -n, --no-clobber             do not overwrite an existing file
  -t, --target-directory=DIRECTORY  move all SOURCE arguments into DIRECTORY
  -T, --no-target-directory    treat DEST as a normal file
  -u, --update                 move only when the SOURCE file is newer
  -v, --verbose                explain what is being done
      --help        display this help and exit
`

export const mv: ShellCommand = {
  name: 'mv',
  summary: 'move (rename) files',
  run: async (args, ctx) => {
    const parsed = parseCommandLine('mv', args, SPEC)
    if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 }
    let interactive = false
    let noClobber = false
    let update = false
    let verbose = false
    let targetDir: string | undefined
    let noTargetDir = false
    for (const { name, value } of parsed.options) {
      if (name === 'help') return { stdout: HELP, stderr: '', exitCode: 0 }
      if (name === 'version') return { stdout: 'mv (GNU coreutils) 9.1\n', stderr: '', exitCode: 0 }
      if (name === 'i') [interactive, noClobber] = [true, false]
      if (name === 'n') [interactive, noClobber] = [false, true]
      if (name === 'f') [interactive, noClobber] = [false, false]
      if (name === 'u') update = true
      if (name === 'v') verbose = true
      if (name === 't') targetDir = value
      if (name === 'T') noTargetDir = true
    }
    const operands = [...parsed.operands]
    if (operands.length === 0)
      return { stdout: '', stderr: `mv: missing file operand\n${tryHelp('mv')}`, exitCode: 1 }
    if (targetDir === undefined && operands.length === 1)
      return {
        stdout: '',
        stderr: `mv: missing destination file operand after ${quoteFileName(operands[0] ?? '')}\n${tryHelp('mv')}`,
        exitCode: 1,
      }
    const fs = ctx.fs
    const target = targetDir ?? operands.pop() ?? ''
    const targetPath = ctx.resolve(target)
    const targetKind = await kindOf(fs, targetPath, true)
    const intoDir = !noTargetDir && (targetDir !== undefined || targetKind === 'directory')
    if (!intoDir && operands.length > 1) {
      const errno = targetKind === undefined ? 'ENOENT' : 'ENOTDIR'
      return {
        stdout: '',
        stderr: `mv: target ${quoteFileName(target)}: ${strerror(errno)}\n`,
        exitCode: 1,
      }
    }
    let stdout = ''
    let stderr = ''
    let exitCode = 0
    const answers = ctx.stdin.split('\n')
    const fail = (message: string): void => {
      stderr += `mv: ${message}\n`
      exitCode = 1
    }
    for (const source of operands) {
      const from = ctx.resolve(source)
      const found = await statPath(fs, from, false)
      if ('errno' in found) {
        fail(`cannot stat ${quoteFileName(source)}: ${strerror(found.errno)}`)
        continue
      }
      const name = baseName(from)
      const to = intoDir ? joinPath(targetPath, name) : targetPath
      const shown = intoDir ? (target.endsWith('/') ? target + name : `${target}/${name}`) : target
      const cannot = (errno: string): void =>
        fail(`cannot move ${quoteFileName(source)} to ${quoteFileName(shown)}: ${strerror(errno)}`)
      if (from === to) {
        fail(`${quoteFileName(source)} and ${quoteFileName(shown)} are the same file`)
        continue
      }
      if (from === ctx.cwd || baseName(source) === '.' || baseName(source) === '..') {
        cannot('EBUSY')
        continue
      }
      if (found.stat.isDirectory && (to + '/').startsWith(from + '/')) {
        fail(
          `cannot move ${quoteFileName(source)} to a subdirectory of itself, ${quoteFileName(shown)}`,
        )
        continue
      }
      if (!intoDir && target.endsWith('/') && targetKind === undefined) {
        cannot('ENOTDIR')
        continue
      }
      const problem = await parentProblem(fs, to)
      if (problem !== undefined) {
        cannot(problem)
        continue
      }
      const existing = await statPath(fs, to, false)
      if ('stat' in existing) {
        const destIsDir = existing.stat.isDirectory
        if (found.stat.isDirectory && !destIsDir) {
          fail(
            `cannot overwrite non-directory ${quoteFileName(shown)} with directory ${quoteFileName(source)}`,
          )
          continue
        }
        if (!found.stat.isDirectory && destIsDir) {
          fail(
            `cannot overwrite directory ${quoteFileName(shown)} with non-directory ${quoteFileName(source)}`,
          )
          continue
        }
        if (destIsDir && (await fs.readdir(to)).length > 0) {
          cannot('ENOTEMPTY')
          continue
        }
        if (noClobber) continue
        if (update && existing.stat.mtime.getTime() >= found.stat.mtime.getTime()) continue
        if (interactive) {
          const asked = await confirm(ctx, `mv: overwrite ${quoteFileName(shown)}? `, answers)
          stderr += asked.shown
          if (!asked.yes) continue
        }
        await fs.rm(to, { recursive: true })
      }
      try {
        await fs.mv(from, to)
        await touchParent(ctx, from)
        await touchParent(ctx, to)
      } catch (error) {
        cannot(errnoOf(error))
        continue
      }
      if (verbose) stdout += `renamed ${quoteFileName(source)} -> ${quoteFileName(shown)}\n`
    }
    return { stdout, stderr, exitCode }
  },
}
