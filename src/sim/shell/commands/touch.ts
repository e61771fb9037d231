import type { ShellCommand } from '../command'
import { errnoOf, strerror } from './file-facts'
import { kindOf, parentProblem, touchParent } from './file-ops'
import { parseDateInput, parseTouchStamp } from './date-input'
import { parseCommandLine, tryHelp, type OptionSpec } from './options'
import { quote, quoteFileName } from './quoting'

/** GNU touch: create empty files, or set their time to now, -d DATE, -t STAMP or -r FILE's. */

const SPEC: OptionSpec = {
  short: 'acd:fhmr:t:',
  long: {
    'no-create': { short: 'c' },
    date: { short: 'd', arg: 'required' },
    'no-dereference': { short: 'h' },
    reference: { short: 'r', arg: 'required' },
    time: { arg: 'required' },
    help: {},
    version: {},
  },
}

const HELP = `Usage: touch [OPTION]... FILE...
Update the access and modification times of each FILE to the current time.

A FILE argument that does not exist is created empty, unless -c or -h
is supplied.

  -a                     change only the access time
  -c, --no-create        do not create any files
  -d, --date=STRING      parse STRING and use it instead of current time
  -m                     change only the modification time
  -r, --reference=FILE   use this file's times instead of current time
  -t STAMP               use [[CC]YY]MMDDhhmm[.ss] instead of current time
      --help        display this help and exit
`

export const touch: ShellCommand = {
  name: 'touch',
  summary: 'change file timestamps',
  run: async (args, ctx) => {
    const parsed = parseCommandLine('touch', args, SPEC)
    if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 }
    const fs = ctx.fs
    let noCreate = false
    let when = ctx.clock.now()
    const invalidDate = (text: string) => ({
      stdout: '',
      stderr: `touch: invalid date format ${quote(text, ctx.env)}\n`,
      exitCode: 1,
    })
    for (const { name, value } of parsed.options) {
      if (name === 'help') return { stdout: HELP, stderr: '', exitCode: 0 }
      if (name === 'version')
        return { stdout: 'touch (GNU coreutils) 9.1\n', stderr: '', exitCode: 0 }
      if (name === 'c') noCreate = true
      if (name === 'd') {
        const ms = parseDateInput(value ?? '', ctx.clock.now())
        if (ms === undefined) return invalidDate(value ?? '')
        when = ms
      }
      if (name === 't') {
        const ms = parseTouchStamp(value ?? '', ctx.clock.now())
        if (ms === undefined) return invalidDate(value ?? '')
        when = ms
      }
      if (name === 'r') {
        try {
          when = (await fs.stat(ctx.resolve(value ?? ''))).mtime.getTime()
        } catch (error) {
          return {
            stdout: '',
            stderr: `touch: failed to get attributes of ${quoteFileName(value ?? '')}: ${strerror(errnoOf(error))}\n`,
            exitCode: 1,
          }
        }
      }
    }
    if (parsed.operands.length === 0)
      return { stdout: '', stderr: `touch: missing file operand\n${tryHelp('touch')}`, exitCode: 1 }
    let stderr = ''
    let exitCode = 0
    const date = new Date(when)
    for (const operand of parsed.operands) {
      const path = ctx.resolve(operand)
      const cannot = (errno: string): void => {
        stderr += `touch: cannot touch ${quoteFileName(operand)}: ${strerror(errno)}\n`
        exitCode = 1
      }
      const kind = await kindOf(fs, path, true)
      if (kind === undefined) {
        if (noCreate) continue
        const problem = await parentProblem(fs, path)
        if (problem !== undefined) {
          cannot(problem)
          continue
        }
        if (operand.endsWith('/')) {
          cannot('EISDIR')
          continue
        }
        await fs.writeFile(path, '')
        await touchParent(ctx, path)
      }
      try {
        await fs.utimes(path, date, date)
      } catch (error) {
        cannot(errnoOf(error))
      }
    }
    return { stdout: '', stderr, exitCode }
  },
}
