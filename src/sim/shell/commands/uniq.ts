import type { ShellCommand } from '../command'
import { strerror } from './file-facts'
import { parentProblem, readInput, splitLines } from './file-ops'
import { parseCommandLine, tryHelp, type OptionSpec } from './options'
import { quote, quoteFileName } from './quoting'

/** GNU uniq: collapse adjacent equal lines; -c counts ("%7d "), -d/-u/-i/-f/-s/-w as coreutils. */

const SPEC: OptionSpec = {
  short: 'cdDf:is:uw:z',
  long: {
    count: { short: 'c' },
    repeated: { short: 'd' },
    'all-repeated': { arg: 'optional' },
    'skip-fields': { short: 'f', arg: 'required' },
    group: { arg: 'optional' },
    'ignore-case': { short: 'i' },
    'skip-chars': { short: 's', arg: 'required' },
    unique: { short: 'u' },
    'check-chars': { short: 'w', arg: 'required' },
    'zero-terminated': { short: 'z' },
    help: {},
    version: {},
  },
}

const HELP = `Usage: uniq [OPTION]... [INPUT [OUTPUT]]
Filter adjacent matching lines from INPUT (or standard input),
writing to OUTPUT (or standard output).

  -c, --count           prefix lines by the number of occurrences
  -d, --repeated        only print duplicate lines, one for each group
  -D                    print all duplicate lines
  -f, --skip-fields=N   avoid comparing the first N fields
  -i, --ignore-case     ignore differences in case when comparing
  -s, --skip-chars=N    avoid comparing the first N characters
  -u, --unique          only print unique lines
  -w, --check-chars=N   compare no more than N characters in lines
      --help        display this help and exit
`

export const uniq: ShellCommand = {
  name: 'uniq',
  summary: 'report or omit repeated lines',
  run: async (args, ctx) => {
    const parsed = parseCommandLine('uniq', args, SPEC)
    if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 }
    let count = false
    let repeated = false
    let allRepeated = false
    let uniqueOnly = false
    let ignoreCase = false
    let skipFields = 0
    let skipChars = 0
    let checkChars = Infinity
    for (const { name, value } of parsed.options) {
      if (name === 'help') return { stdout: HELP, stderr: '', exitCode: 0 }
      if (name === 'version')
        return { stdout: 'uniq (GNU coreutils) 9.1\n', stderr: '', exitCode: 0 }
      const number = (what: string): number | string => {
        if (!/^\d+$/.test(value ?? ''))
          return `uniq: ${quote(value ?? '', ctx.env)}: invalid ${what}\n`
        return Number(value)
      }
      if (name === 'c') count = true
      if (name === 'd') repeated = true
      if (name === 'D' || name === 'all-repeated') allRepeated = true
      if (name === 'u') uniqueOnly = true
      if (name === 'i') ignoreCase = true
      for (const [letter, what] of [
        ['f', 'number of fields to skip'],
        ['s', 'number of bytes to skip'],
        ['w', 'number of bytes to compare'],
      ] as const) {
        if (name !== letter) continue
        const n = number(what)
        if (typeof n === 'string') return { stdout: '', stderr: n, exitCode: 1 }
        if (letter === 'f') skipFields = n
        if (letter === 's') skipChars = n
        if (letter === 'w') checkChars = n
      }
    }
    if (count && allRepeated)
      return {
        stdout: '',
        stderr: `uniq: printing all duplicated lines and repeat counts is meaningless\n${tryHelp('uniq')}`,
        exitCode: 1,
      }
    const [inputName = '-', outputName, extra] = parsed.operands
    if (extra !== undefined)
      return {
        stdout: '',
        stderr: `uniq: extra operand ${quote(extra, ctx.env)}\n${tryHelp('uniq')}`,
        exitCode: 1,
      }
    const input = await readInput(ctx, inputName)
    if ('errno' in input) {
      const stderr =
        input.errno === 'EISDIR'
          ? `uniq: error reading ${quoteFileName(inputName)}\n`
          : `uniq: ${inputName}: ${strerror(input.errno)}\n`
      return { stdout: '', stderr, exitCode: 1 }
    }
    const keyOf = (line: string): string => {
      let rest = line
      for (let f = 0; f < skipFields; f++) rest = rest.replace(/^[ \t]*[^ \t]*/, '')
      rest = rest.slice(skipChars)
      if (checkChars !== Infinity) rest = rest.slice(0, checkChars)
      return ignoreCase ? rest.toLowerCase() : rest
    }
    const groups: string[][] = []
    for (const line of splitLines(input.text).lines) {
      const group = groups[groups.length - 1]
      const first = group?.[0]
      if (group !== undefined && first !== undefined && keyOf(first) === keyOf(line))
        group.push(line)
      else groups.push([line])
    }
    let out = ''
    for (const group of groups) {
      const first = group[0] ?? ''
      const dup = group.length > 1
      if (allRepeated) {
        if (dup) out += group.map((l) => l + '\n').join('')
        continue
      }
      if ((repeated && !dup) || (uniqueOnly && dup)) continue
      out += (count ? `${String(group.length).padStart(7)} ` : '') + first + '\n'
    }
    if (outputName === undefined || outputName === '-')
      return { stdout: out, stderr: '', exitCode: 0 }
    const path = ctx.resolve(outputName)
    const problem = await parentProblem(ctx.fs, path)
    if (problem !== undefined)
      return { stdout: '', stderr: `uniq: ${outputName}: ${strerror(problem)}\n`, exitCode: 1 }
    await ctx.fs.writeFile(path, out)
    return { stdout: '', stderr: '', exitCode: 0 }
  },
}
