import type { CommandContext, ShellCommand } from '../command'
import { compareCodepoints } from './collate'
import { errnoOf, joinPath, modeString, statPath, strerror } from './file-facts'
import { parseMode } from './modes'
import { parseCommandLine, tryHelp, type OptionSpec } from './options'
import { quote, quoteFileName } from './quoting'

/** GNU chmod: octal or symbolic modes, -R through trees, -v and -c to report changes. */

const SPEC: OptionSpec = {
  short: 'cfvR',
  long: {
    changes: { short: 'c' },
    silent: { short: 'f' },
    quiet: { short: 'f' },
    verbose: { short: 'v' },
    recursive: { short: 'R' },
    reference: { arg: 'required' },
    'no-preserve-root': {},
    'preserve-root': {},
    help: {},
    version: {},
  },
}

const HELP = `Usage: chmod [OPTION]... MODE[,MODE]... FILE...
  or:  chmod [OPTION]... OCTAL-MODE FILE...
  or:  chmod [OPTION]... --reference=RFILE FILE...
Change the mode of each FILE to MODE.

  -c, --changes          like verbose but report only when a change is made
  -f, --silent, --quiet  suppress most error messages
  -v, --verbose          output a diagnostic for every file processed
  -R, --recursive        change files and directories recursively
      --reference=RFILE  use RFILE's mode instead of MODE values
      --help        display this help and exit

Each MODE is of the form '[ugoa]*([-+=]([rwxXst]*|[ugoa]))+|[-+=][0-7]+'.
`

/** Mode words like `-x` or `-rw` look like options; chmod reads them as modes. */
function splitModeArguments(args: readonly string[]): { args: string[]; modeFromDash?: string } {
  const out: string[] = []
  let modeFromDash: string | undefined
  for (const arg of args) {
    if (modeFromDash === undefined && /^-[rwxXst]+$/.test(arg)) modeFromDash = arg
    else out.push(arg)
  }
  return modeFromDash === undefined ? { args: out } : { args: out, modeFromDash }
}

const octal = (mode: number): string => (mode & 0o7777).toString(8).padStart(4, '0')

export const chmod: ShellCommand = {
  name: 'chmod',
  summary: 'change file mode bits',
  run: async (args, ctx: CommandContext) => {
    const split = splitModeArguments(args)
    const parsed = parseCommandLine('chmod', split.args, SPEC)
    if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 }
    const flags = new Set(parsed.options.map((o) => o.name))
    if (flags.has('help')) return { stdout: HELP, stderr: '', exitCode: 0 }
    if (flags.has('version'))
      return { stdout: 'chmod (GNU coreutils) 9.1\n', stderr: '', exitCode: 0 }
    const reference = parsed.options.find((o) => o.name === 'reference')?.value
    const operands = [...parsed.operands]
    const fs = ctx.fs
    let modeText: string | undefined = split.modeFromDash
    if (reference === undefined && modeText === undefined) modeText = operands.shift()
    if (modeText === undefined && reference === undefined)
      return { stdout: '', stderr: `chmod: missing operand\n${tryHelp('chmod')}`, exitCode: 1 }
    if (operands.length === 0)
      return {
        stdout: '',
        stderr: `chmod: missing operand after ${quote(modeText ?? reference ?? '', ctx.env)}\n${tryHelp('chmod')}`,
        exitCode: 1,
      }
    let referenceMode: number | undefined
    if (reference !== undefined) {
      const found = await statPath(fs, ctx.resolve(reference), true)
      if ('errno' in found)
        return {
          stdout: '',
          stderr: `chmod: failed to get attributes of ${quoteFileName(reference)}: ${strerror(found.errno)}\n`,
          exitCode: 1,
        }
      referenceMode = found.stat.mode & 0o7777
    }
    if (modeText !== undefined && parseMode(modeText, 0o644, false) === undefined)
      return {
        stdout: '',
        stderr: `chmod: invalid mode: ${quote(modeText, ctx.env)}\n${tryHelp('chmod')}`,
        exitCode: 1,
      }
    let stdout = ''
    let stderr = ''
    let exitCode = 0
    const change = async (path: string, shown: string): Promise<void> => {
      const found = await statPath(fs, path, true)
      if ('errno' in found) {
        if (!flags.has('f'))
          stderr += `chmod: cannot access ${quoteFileName(shown)}: ${strerror(found.errno)}\n`
        if (flags.has('v')) stdout += `${quoteFileName(shown)} could not be accessed\n`
        exitCode = 1
        return
      }
      const st = found.stat
      const before = st.mode & 0o7777
      const after = referenceMode ?? parseMode(modeText ?? '', before, st.isDirectory) ?? before
      const kind = st.isDirectory ? 'directory' : 'file'
      const describe = (m: number): string => `${octal(m)} (${modeString(kind, m).slice(1)})`
      if (after !== before) {
        try {
          await fs.chmod(path, after)
        } catch (error) {
          stderr += `chmod: changing permissions of ${quoteFileName(shown)}: ${strerror(errnoOf(error))}\n`
          exitCode = 1
          return
        }
        if (flags.has('v') || flags.has('c'))
          stdout += `mode of ${quoteFileName(shown)} changed from ${describe(before)} to ${describe(after)}\n`
      } else if (flags.has('v'))
        stdout += `mode of ${quoteFileName(shown)} retained as ${describe(before)}\n`
      if (flags.has('R') && st.isDirectory && !(await fs.lstat(path)).isSymbolicLink) {
        for (const name of (await fs.readdir(path)).sort(compareCodepoints)) {
          const child = joinPath(path, name)
          if ((await fs.lstat(child)).isSymbolicLink) continue
          await change(child, shown.endsWith('/') ? shown + name : `${shown}/${name}`)
        }
      }
    }
    for (const operand of operands) await change(ctx.resolve(operand), operand)
    return { stdout, stderr, exitCode }
  },
}
