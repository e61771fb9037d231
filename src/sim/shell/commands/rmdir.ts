import type { ShellCommand } from '../command'
import { errnoOf, parentOf, statPath, strerror } from './file-facts'
import { touchParent } from './file-ops'
import { parseCommandLine, tryHelp, type OptionSpec } from './options'
import { quoteFileName } from './quoting'

/** GNU rmdir: removes empty directories; -p walks up through the operand's parents. */

const SPEC: OptionSpec = {
  short: 'pv',
  long: {
    'ignore-fail-on-non-empty': {},
    parents: { short: 'p' },
    verbose: { short: 'v' },
    help: {},
    version: {},
  },
}

const HELP = `Usage: rmdir [OPTION]... DIRECTORY...
Remove the DIRECTORY(ies), if they are empty.

      --ignore-fail-on-non-empty  ignore each failure to remove a non-empty directory
  -p, --parents   remove DIRECTORY and its ancestors
  -v, --verbose   output a diagnostic for every directory processed
      --help      display this help and exit
`

export const rmdir: ShellCommand = {
  name: 'rmdir',
  summary: 'remove empty directories',
  run: async (args, ctx) => {
    const parsed = parseCommandLine('rmdir', args, SPEC)
    if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 }
    const flags = new Set(parsed.options.map((o) => o.name))
    if (flags.has('help')) return { stdout: HELP, stderr: '', exitCode: 0 }
    if (flags.has('version'))
      return { stdout: 'rmdir (GNU coreutils) 9.1\n', stderr: '', exitCode: 0 }
    if (parsed.operands.length === 0)
      return { stdout: '', stderr: `rmdir: missing operand\n${tryHelp('rmdir')}`, exitCode: 1 }
    const fs = ctx.fs
    let stdout = ''
    let stderr = ''
    let exitCode = 0
    const removeOne = async (shown: string): Promise<boolean> => {
      const path = ctx.resolve(shown)
      if (flags.has('v')) stdout += `rmdir: removing directory, ${quoteFileName(shown)}\n`
      const found = await statPath(fs, path, false)
      let errno: string | undefined
      if ('errno' in found) errno = found.errno
      else if (!found.stat.isDirectory) errno = 'ENOTDIR'
      else if ((await fs.readdir(path)).length > 0) errno = 'ENOTEMPTY'
      else if (path === '/' || path === ctx.cwd) errno = path === '/' ? 'EBUSY' : undefined
      if (errno === undefined) {
        try {
          await fs.rm(path)
          await touchParent(ctx, path)
          return true
        } catch (error) {
          errno = errnoOf(error)
        }
      }
      if (errno === 'ENOTEMPTY' && flags.has('ignore-fail-on-non-empty')) return false
      stderr += `rmdir: failed to remove ${quoteFileName(shown)}: ${strerror(errno)}\n`
      exitCode = 1
      return false
    }
    for (const operand of parsed.operands) {
      if (!(await removeOne(operand)) || !flags.has('p')) continue
      let shown = operand.replace(/\/+$/, '')
      while (shown.includes('/')) {
        shown = parentOf(shown)
        if (shown === '/' || shown === '' || shown === '.') break
        if (!(await removeOne(shown))) break
      }
    }
    return { stdout, stderr, exitCode }
  },
}
