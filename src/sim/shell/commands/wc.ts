import type { ShellCommand } from '../command'
import { statPath, strerror } from './file-facts'
import { readInput } from './file-ops'
import { parseCommandLine, type OptionSpec } from './options'

/**
 * GNU wc. Column width follows coreutils: one count of one input is printed bare; otherwise the
 * width is the digits of the regular files' total size, at least 7 when reading a pipe.
 */

const SPEC: OptionSpec = {
  short: 'clLmw',
  long: {
    bytes: { short: 'c' },
    chars: { short: 'm' },
    lines: { short: 'l' },
    'max-line-length': { short: 'L' },
    words: { short: 'w' },
    'files0-from': { arg: 'required' },
    total: { arg: 'required' },
    help: {},
    version: {},
  },
}

const HELP = `Usage: wc [OPTION]... [FILE]...
Print newline, word, and byte counts for each FILE, and a total line if
more than one FILE is specified.  A word is a non-zero-length sequence of
printable characters delimited by white space.

With no FILE, or when FILE is -, read standard input.

  -c, --bytes            print the byte counts
  -m, --chars            print the character counts
  -l, --lines            print the newline counts
  -L, --max-line-length  print the maximum display width
  -w, --words            print the word counts
      --help        display this help and exit
`

interface Counts {
  lines: number
  words: number
  chars: number
  bytes: number
  maxLine: number
}

function count(text: string): Counts {
  let lines = 0
  let words = 0
  let chars = 0
  let maxLine = 0
  let lineWidth = 0
  let inWord = false
  for (const ch of text) {
    chars++
    if (ch === '\n') {
      lines++
      maxLine = Math.max(maxLine, lineWidth)
      lineWidth = 0
    } else if (ch === '\t') lineWidth += 8 - (lineWidth % 8)
    else lineWidth++
    if (/\s/.test(ch)) inWord = false
    else if (!inWord) {
      inWord = true
      words++
    }
  }
  maxLine = Math.max(maxLine, lineWidth)
  return { lines, words, chars, bytes: new TextEncoder().encode(text).length, maxLine }
}

export const wc: ShellCommand = {
  name: 'wc',
  summary: 'print newline, word, and byte counts for each file',
  run: async (args, ctx) => {
    const parsed = parseCommandLine('wc', args, SPEC)
    if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 }
    const flags = new Set(parsed.options.map((o) => o.name))
    if (flags.has('help')) return { stdout: HELP, stderr: '', exitCode: 0 }
    if (flags.has('version')) return { stdout: 'wc (GNU coreutils) 9.1\n', stderr: '', exitCode: 0 }
    const chosen = (['l', 'w', 'm', 'c', 'L'] as const).filter((f) => flags.has(f))
    const shown = chosen.length > 0 ? chosen : (['l', 'w', 'c'] as const)
    const operands = parsed.operands.length > 0 ? parsed.operands : ['-']
    // Widths come from what stat says before reading (coreutils: compute_number_width).
    let width = 1
    if (!(operands.length === 1 && shown.length === 1)) {
      let minimum = 1
      let total = 0
      for (const operand of operands) {
        if (operand === '-') {
          minimum = 7
          continue
        }
        const found = await statPath(ctx.fs, ctx.resolve(operand), true)
        if ('errno' in found) continue
        if (found.stat.isDirectory) minimum = 7
        else total += found.stat.size
      }
      width = Math.max(minimum, String(total).length)
    }
    const pick = (c: Counts, f: (typeof shown)[number]): number =>
      f === 'l'
        ? c.lines
        : f === 'w'
          ? c.words
          : f === 'm'
            ? c.chars
            : f === 'c'
              ? c.bytes
              : c.maxLine
    const format = (c: Counts, name: string | undefined): string =>
      shown.map((f) => String(pick(c, f)).padStart(width)).join(' ') +
      (name === undefined ? '' : ` ${name}`) +
      '\n'
    const totals: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 }
    let stdout = ''
    let stderr = ''
    let exitCode = 0
    for (const operand of operands) {
      const input = await readInput(ctx, operand)
      const name = operand === '-' && parsed.operands.length === 0 ? undefined : operand
      if ('errno' in input) {
        stderr += `wc: ${operand}: ${strerror(input.errno)}\n`
        exitCode = 1
        if (input.errno === 'EISDIR') stdout += format(count(''), name)
        continue
      }
      const c = count(input.text)
      totals.lines += c.lines
      totals.words += c.words
      totals.chars += c.chars
      totals.bytes += c.bytes
      totals.maxLine = Math.max(totals.maxLine, c.maxLine)
      stdout += format(c, name)
    }
    if (operands.length > 1) stdout += format(totals, 'total')
    return { stdout, stderr, exitCode }
  },
}
