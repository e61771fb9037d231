import type { ShellCommand } from '../command'
import { baseName, parentOf, statPath, strerror } from './file-facts'
import { parseCommandLine, tryHelp, type OptionSpec } from './options'

/** GNU realpath: the canonical absolute path; only the last component may be missing (unless -e/-m). */

const SPEC: OptionSpec = {
  short: 'emLPqsz',
  long: {
    'canonicalize-existing': { short: 'e' },
    'canonicalize-missing': { short: 'm' },
    logical: { short: 'L' },
    physical: { short: 'P' },
    quiet: { short: 'q' },
    'relative-to': { arg: 'required' },
    'relative-base': { arg: 'required' },
    strip: { short: 's' },
    'no-symlinks': { short: 's' },
    zero: { short: 'z' },
    help: {},
    version: {},
  },
}

export const realpath: ShellCommand = {
  name: 'realpath',
  summary: 'print the resolved path',
  run: async (args, ctx) => {
    const parsed = parseCommandLine('realpath', args, SPEC)
    if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 }
    const flags = new Set(parsed.options.map((o) => o.name))
    if (flags.has('help'))
      return {
        stdout:
          "Usage: realpath [OPTION]... FILE...\nPrint the resolved absolute file name;\nall but the last component must exist\n\n  -e, --canonicalize-existing  all components of the path must exist\n  -m, --canonicalize-missing   no path components need exist or be a directory\n  -s, --strip, --no-symlinks   don't expand symlinks\n  -q, --quiet                  suppress most error messages\n      --help        display this help and exit\n",
        stderr: '',
        exitCode: 0,
      }
    if (parsed.operands.length === 0)
      return {
        stdout: '',
        stderr: `realpath: missing operand\n${tryHelp('realpath')}`,
        exitCode: 1,
      }
    const fs = ctx.fs
    let stdout = ''
    let stderr = ''
    let exitCode = 0
    for (const operand of parsed.operands) {
      const path = ctx.resolve(operand)
      const fail = (errno: string): void => {
        if (!flags.has('q')) stderr += `realpath: ${operand}: ${strerror(errno)}\n`
        exitCode = 1
      }
      if (flags.has('s') || flags.has('m')) {
        stdout += path + (flags.has('z') ? '\0' : '\n')
        continue
      }
      const whole = await statPath(fs, path, true)
      if ('stat' in whole) {
        stdout += (await fs.realpath(path)) + (flags.has('z') ? '\0' : '\n')
        continue
      }
      if (flags.has('e') || whole.errno !== 'ENOENT') {
        fail(whole.errno)
        continue
      }
      const parent = await statPath(fs, parentOf(path), true)
      if ('errno' in parent || !parent.stat.isDirectory) {
        fail('errno' in parent ? parent.errno : 'ENOTDIR')
        continue
      }
      const dir = await fs.realpath(parentOf(path))
      stdout += (dir === '/' ? '' : dir) + '/' + baseName(path) + (flags.has('z') ? '\0' : '\n')
    }
    return { stdout, stderr, exitCode }
  },
}
