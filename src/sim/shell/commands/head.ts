import type { ShellCommand } from '../command'
import { strerror } from './file-facts'
import { readInput } from './file-ops'
import { parseCommandLine, type OptionSpec } from './options'
import { quote, quoteFileName } from './quoting'

/**
 * GNU head and tail share their shape: a count of lines or bytes (head -n -N: all but the last N;
 * tail -n +N: from line N), the obsolete `-5`/`+5` forms, and `==> name <==` headers when more
 * than one file is shown.
 */

export type Edge = 'head' | 'tail'

interface Count {
  bytes: boolean
  /** head: negative means "all but"; tail: `fromStart` means "starting at". */
  n: number
  fromStart: boolean
}

const MULTIPLIERS: Readonly<Record<string, number>> = {
  '': 1,
  b: 512,
  k: 1024,
  K: 1024,
  kB: 1000,
  KB: 1000,
  M: 1024 ** 2,
  MB: 1000 ** 2,
  G: 1024 ** 3,
  GB: 1000 ** 3,
}

function parseCount(text: string, edge: Edge, bytes: boolean): Count | undefined {
  const m = /^([+-]?)(\d+)([a-zA-Z]*)$/.exec(text)
  const multiplier = MULTIPLIERS[m?.[3] ?? '']
  if (!m || multiplier === undefined) return undefined
  const value = Number(m[2]) * multiplier
  if (edge === 'head') return { bytes, n: m[1] === '-' ? -value : value, fromStart: false }
  return { bytes, n: value, fromStart: m[1] === '+' }
}

/** Rewrites the obsolete `-5`, `-5c`, `+5` (tail) first arguments into `-n 5` and friends. */
function modernise(args: readonly string[], edge: Edge): string[] {
  const first = args[0]
  if (first === undefined) return []
  const m = /^([-+])(\d+)([cbkmlqv]*)$/.exec(first)
  if (!m || (m[1] === '+' && edge === 'head')) return [...args]
  const unit = (m[3] ?? '').includes('c') ? '-c' : '-n'
  const sign = m[1] === '+' ? '+' : ''
  return [unit, sign + (m[2] ?? ''), ...args.slice(1)]
}

function specFor(edge: Edge): OptionSpec {
  return {
    short: edge === 'head' ? 'c:n:qvz' : 'c:n:fFqs:vz',
    long: {
      bytes: { short: 'c', arg: 'required' },
      lines: { short: 'n', arg: 'required' },
      quiet: { short: 'q' },
      silent: { short: 'q' },
      verbose: { short: 'v' },
      'zero-terminated': { short: 'z' },
      ...(edge === 'tail'
        ? {
            follow: { short: 'f', arg: 'optional' },
            retry: {},
            'sleep-interval': { short: 's', arg: 'required' },
            pid: { arg: 'required' },
          }
        : {}),
      help: {},
      version: {},
    },
  }
}

function help(edge: Edge): string {
  const what = edge === 'head' ? 'first' : 'last'
  return `Usage: ${edge} [OPTION]... [FILE]...
Print the ${what} 10 lines of each FILE to standard output.
With more than one FILE, precede each with a header giving the file name.

With no FILE, or when FILE is -, read standard input.

  -c, --bytes=[${edge === 'head' ? '-' : '+'}]NUM       print the ${what} NUM bytes of each file
  -n, --lines=[${edge === 'head' ? '-' : '+'}]NUM       print the ${what} NUM lines instead of the ${what} 10
${edge === 'tail' ? '  -f, --follow             output appended data as the file grows\n' : ''}  -q, --quiet, --silent    never print headers giving file names
  -v, --verbose            always print headers giving file names
      --help        display this help and exit
`
}

export function selectPart(text: string, count: Count, edge: Edge): string {
  if (count.bytes) {
    const bytes = new TextEncoder().encode(text)
    let part: Uint8Array
    if (edge === 'head')
      part =
        count.n >= 0 ? bytes.slice(0, count.n) : bytes.slice(0, Math.max(0, bytes.length + count.n))
    else
      part = count.fromStart
        ? bytes.slice(Math.max(0, count.n - 1))
        : bytes.slice(Math.max(0, bytes.length - count.n))
    return new TextDecoder().decode(part)
  }
  const pieces = text.split(/(?<=\n)/).filter((p) => p !== '')
  if (edge === 'head')
    return (
      count.n >= 0
        ? pieces.slice(0, count.n)
        : pieces.slice(0, Math.max(0, pieces.length + count.n))
    ).join('')
  if (count.fromStart) return pieces.slice(Math.max(0, count.n - 1)).join('')
  return count.n === 0 ? '' : pieces.slice(-count.n).join('')
}

export function headOrTail(edge: Edge): ShellCommand {
  return {
    name: edge,
    summary: edge === 'head' ? 'output the first part of files' : 'output the last part of files',
    run: async (rawArgs, ctx) => {
      const parsed = parseCommandLine(edge, modernise(rawArgs, edge), specFor(edge))
      if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 }
      let count: Count = { bytes: false, n: 10, fromStart: false }
      let headers: boolean | undefined
      let follow = false
      for (const { name, value } of parsed.options) {
        if (name === 'help') return { stdout: help(edge), stderr: '', exitCode: 0 }
        if (name === 'version')
          return { stdout: `${edge} (GNU coreutils) 9.1\n`, stderr: '', exitCode: 0 }
        if (name === 'n' || name === 'c') {
          const parsedCount = parseCount(value ?? '', edge, name === 'c')
          if (parsedCount === undefined) {
            const what = name === 'c' ? 'bytes' : 'lines'
            return {
              stdout: '',
              stderr: `${edge}: invalid number of ${what}: ${quote(value ?? '', ctx.env)}\n`,
              exitCode: 1,
            }
          }
          count = parsedCount
        }
        if (name === 'q') headers = false
        if (name === 'v') headers = true
        if (name === 'f' || name === 'F') follow = true
      }
      const operands = parsed.operands.length > 0 ? parsed.operands : ['-']
      const showHeaders = headers ?? operands.length > 1
      let stdout = ''
      let stderr = ''
      let exitCode = 0
      let shownAny = false
      let opened = 0
      for (const operand of operands) {
        const input = await readInput(ctx, operand)
        if ('errno' in input) {
          stderr +=
            input.errno === 'EISDIR'
              ? `${edge}: error reading ${quoteFileName(operand)}: ${strerror('EISDIR')}\n`
              : `${edge}: cannot open ${quoteFileName(operand)} for reading: ${strerror(input.errno)}\n`
          exitCode = 1
          continue
        }
        opened++
        if (showHeaders) {
          stdout += `${shownAny ? '\n' : ''}==> ${operand === '-' ? 'standard input' : operand} <==\n`
        }
        shownAny = true
        stdout += selectPart(input.text, count, edge)
      }
      if (follow && opened === 0 && edge === 'tail') stderr += 'tail: no files remaining\n'
      else if (follow && ctx.tty !== undefined && parsed.operands.length > 0) {
        // Following: show what is there, then keep printing what gets appended until Ctrl-C.
        const tty = ctx.tty
        const path = ctx.resolve(parsed.operands[parsed.operands.length - 1] ?? '')
        tty.write(stdout.replace(/\n/g, '\r\n'))
        let seen = await readInput(ctx, parsed.operands[parsed.operands.length - 1] ?? '-')
        let length = 'text' in seen ? seen.text.length : 0
        // Bounded, so that a session whose sleeps return at once cannot spin here forever.
        for (let second = 0; second < 3600 && !tty.signal.aborted; second++) {
          if (!(await ctx.sleep(1000))) break
          seen = await readInput(ctx, path)
          if (!('text' in seen)) continue
          if (seen.text.length > length) tty.write(seen.text.slice(length).replace(/\n/g, '\r\n'))
          length = seen.text.length
        }
        return { stdout: '', stderr, exitCode }
      }
      return { stdout, stderr, exitCode }
    },
  }
}

export const head = headOrTail('head')
