import type { ShellCommand } from '../command'
import { errnoOf, strerror } from './file-facts'
import { kindOf, parentProblem, touchParent, UMASK } from './file-ops'
import { parseCommandLine, tryHelp, type OptionSpec } from './options'
import { parseMode } from './modes'
import { quote, quoteFileName } from './quoting'

/** GNU mkdir: -p makes parents and accepts existing directories, -v reports, -m sets the mode. */

const SPEC: OptionSpec = {
  short: 'm:pvZ',
  long: {
    mode: { short: 'm', arg: 'required' },
    parents: { short: 'p' },
    verbose: { short: 'v' },
    context: { short: 'Z', arg: 'optional' },
    help: {},
    version: {},
  },
}

const HELP = `Usage: mkdir [OPTION]... DIRECTORY...
Create the DIRECTORY(ies), if they do not already exist.

  -m, --mode=MODE   set file mode (as in chmod), not a=rwx - umask
  -p, --parents     no error if existing, make parent directories as needed
  -v, --verbose     print a message for each created directory
      --help        display this help and exit
`

export const mkdir: ShellCommand = {
  name: 'mkdir',
  summary: 'make directories',
  run: async (args, ctx) => {
    const parsed = parseCommandLine('mkdir', args, SPEC)
    if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 }
    let parents = false
    let verbose = false
    let modeText: string | undefined
    for (const { name, value } of parsed.options) {
      if (name === 'help') return { stdout: HELP, stderr: '', exitCode: 0 }
      if (name === 'version')
        return { stdout: 'mkdir (GNU coreutils) 9.1\n', stderr: '', exitCode: 0 }
      if (name === 'p') parents = true
      if (name === 'v') verbose = true
      if (name === 'm') modeText = value
    }
    if (parsed.operands.length === 0)
      return { stdout: '', stderr: `mkdir: missing operand\n${tryHelp('mkdir')}`, exitCode: 1 }
    let mode = 0o777 & ~UMASK
    if (modeText !== undefined) {
      const parsedMode = parseMode(modeText, 0o777, true)
      if (parsedMode === undefined)
        return {
          stdout: '',
          stderr: `mkdir: invalid mode ${quote(modeText, ctx.env)}\n`,
          exitCode: 1,
        }
      mode = parsedMode
    }
    const fs = ctx.fs
    let stdout = ''
    let stderr = ''
    let exitCode = 0
    const fail = (operand: string, errno: string): void => {
      stderr += `mkdir: cannot create directory ${quote(operand, ctx.env)}: ${strerror(errno)}\n`
      exitCode = 1
    }
    const create = async (path: string, shown: string, finalMode: number): Promise<boolean> => {
      try {
        await fs.mkdir(path)
        if (finalMode !== 0o755) await fs.chmod(path, finalMode)
        await touchParent(ctx, path)
      } catch (error) {
        fail(shown, errnoOf(error))
        return false
      }
      if (verbose) stdout += `mkdir: created directory ${quoteFileName(shown)}\n`
      return true
    }
    for (const operand of parsed.operands) {
      const path = ctx.resolve(operand)
      if (!parents) {
        const existing = await kindOf(fs, path, false)
        if (existing !== undefined) {
          fail(operand, 'EEXIST')
          continue
        }
        const problem = await parentProblem(fs, path)
        if (problem !== undefined) {
          fail(operand, problem)
          continue
        }
        await create(path, operand, mode)
        continue
      }
      // -p: create each missing component in turn, reporting the first that cannot be made.
      const relative = operand.startsWith('/')
      const parts = operand.split('/').filter((p) => p !== '')
      let shown = relative ? '' : undefined
      for (const [i, part] of parts.entries()) {
        shown = shown === undefined ? part : `${shown}/${part}`
        const here = ctx.resolve(shown === '' ? '/' : shown)
        const kind = await kindOf(fs, here, true)
        const last = i === parts.length - 1
        if (kind === 'directory') continue
        if (kind !== undefined) {
          fail(last ? operand : shown, last ? 'EEXIST' : 'ENOTDIR')
          break
        }
        if (!(await create(here, last ? operand : shown, last ? mode : 0o755))) break
      }
    }
    return { stdout, stderr, exitCode }
  },
}
