import type { ShellCommand } from '../command'
import { baseName, errnoOf, joinPath, parentOf, statPath, strerror } from './file-facts'
import { kindOf, parentProblem, touchParent } from './file-ops'
import { parseCommandLine, tryHelp, type OptionSpec } from './options'
import { quoteFileName } from './quoting'

/** GNU ln: hard links by default, symbolic with -s; -f replaces, -v tells, -r makes it relative. */

const SPEC: OptionSpec = {
  short: 'bfinrsSt:TvLP',
  long: {
    backup: { arg: 'optional' },
    force: { short: 'f' },
    interactive: { short: 'i' },
    'no-dereference': { short: 'n' },
    relative: { short: 'r' },
    symbolic: { short: 's' },
    'target-directory': { short: 't', arg: 'required' },
    'no-target-directory': { short: 'T' },
    verbose: { short: 'v' },
    logical: { short: 'L' },
    physical: { short: 'P' },
    help: {},
    version: {},
  },
}

const HELP = `Usage: ln [OPTION]... [-T] TARGET LINK_NAME
  or:  ln [OPTION]... TARGET
  or:  ln [OPTION]... TARGET... DIRECTORY
  or:  ln [OPTION]... -t DIRECTORY TARGET...
Create hard links by default, symbolic links with --symbolic.

  -f, --force                 remove existing destination files
  -n, --no-dereference        treat LINK_NAME as a normal file if
                                it is a symbolic link to a directory
  -r, --relative              with -s, create links relative to link location
  -s, --symbolic              make symbolic links instead of hard links
  -t, --target-directory=DIRECTORY  specify the DIRECTORY in which to create
                                the links
  -T, --no-target-directory   treat LINK_NAME as a normal file always
  -v, --verbose               print name of each linked file
      --help        display this help and exit
`

/** The path from directory `from` to `to`, both absolute: what `ln -sr` stores. */
function relativePath(from: string, to: string): string {
  const a = from.split('/').filter((p) => p !== '')
  const b = to.split('/').filter((p) => p !== '')
  let common = 0
  while (common < a.length && common < b.length && a[common] === b[common]) common++
  const up = a.slice(common).map(() => '..')
  return [...up, ...b.slice(common)].join('/') || '.'
}

export const ln: ShellCommand = {
  name: 'ln',
  summary: 'make links between files',
  run: async (args, ctx) => {
    const parsed = parseCommandLine('ln', args, SPEC)
    if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 }
    const flags = new Set(parsed.options.map((o) => o.name))
    if (flags.has('help')) return { stdout: HELP, stderr: '', exitCode: 0 }
    if (flags.has('version')) return { stdout: 'ln (GNU coreutils) 9.1\n', stderr: '', exitCode: 0 }
    const symbolic = flags.has('s')
    const targetDir = parsed.options.find((o) => o.name === 't')?.value
    const operands = [...parsed.operands]
    if (operands.length === 0)
      return { stdout: '', stderr: `ln: missing file operand\n${tryHelp('ln')}`, exitCode: 1 }
    const fs = ctx.fs
    let destination: string
    let intoDir: boolean
    if (targetDir !== undefined) {
      destination = targetDir
      intoDir = true
    } else if (operands.length === 1) {
      destination = '.'
      intoDir = true
    } else {
      destination = operands.pop() ?? ''
      const kind = await kindOf(fs, ctx.resolve(destination), !flags.has('n'))
      intoDir = !flags.has('T') && kind === 'directory'
      if (!intoDir && operands.length > 1) {
        const errno = kind === undefined ? 'ENOENT' : 'ENOTDIR'
        return {
          stdout: '',
          stderr: `ln: target ${quoteFileName(destination)}: ${strerror(errno)}\n`,
          exitCode: 1,
        }
      }
    }
    let stdout = ''
    let stderr = ''
    let exitCode = 0
    for (const target of operands) {
      const name = baseName(target.replace(/\/+$/, '') || '/')
      const shown = intoDir
        ? destination.endsWith('/')
          ? destination + name
          : `${destination}/${name}`
        : destination
      const linkPath = intoDir ? joinPath(ctx.resolve(destination), name) : ctx.resolve(destination)
      const kindWord = symbolic ? 'symbolic link' : 'hard link'
      const fail = (errno: string): void => {
        stderr += `ln: failed to create ${kindWord} ${quoteFileName(shown)}: ${strerror(errno)}\n`
        exitCode = 1
      }
      if (!symbolic) {
        const source = await statPath(fs, ctx.resolve(target), false)
        if ('errno' in source) {
          stderr += `ln: failed to access ${quoteFileName(target)}: ${strerror(source.errno)}\n`
          exitCode = 1
          continue
        }
        if (source.stat.isDirectory) {
          stderr += `ln: ${target}: hard link not allowed for directory\n`
          exitCode = 1
          continue
        }
      }
      const existing = await statPath(fs, linkPath, false)
      if ('stat' in existing) {
        if (!flags.has('f') || existing.stat.isDirectory) {
          fail('EEXIST')
          continue
        }
        await fs.rm(linkPath)
      } else {
        const problem = await parentProblem(fs, linkPath)
        if (problem !== undefined) {
          fail(problem)
          continue
        }
      }
      const stored =
        symbolic && flags.has('r') ? relativePath(parentOf(linkPath), ctx.resolve(target)) : target
      try {
        if (symbolic) await fs.symlink(stored, linkPath)
        else await fs.link(ctx.resolve(target), linkPath)
        await touchParent(ctx, linkPath)
      } catch (error) {
        fail(errnoOf(error))
        continue
      }
      if (flags.has('v'))
        stdout += `${quoteFileName(shown)} ${symbolic ? '->' : '=>'} ${quoteFileName(stored)}\n`
    }
    return { stdout, stderr, exitCode }
  },
}
