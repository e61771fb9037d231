import type { ShellCommand } from '../command'
import { strerror } from './file-facts'
import { readInput } from './file-ops'
import { parseCommandLine, type OptionSpec } from './options'

/** GNU cat: concatenate files; line numbers run on across files, as they do in coreutils. */

const SPEC: OptionSpec = {
  short: 'AbeEnstTuv',
  long: {
    'show-all': { short: 'A' },
    'number-nonblank': { short: 'b' },
    'show-ends': { short: 'E' },
    number: { short: 'n' },
    'squeeze-blank': { short: 's' },
    'show-tabs': { short: 'T' },
    'show-nonprinting': { short: 'v' },
    help: {},
    version: {},
  },
}

const HELP = `Usage: cat [OPTION]... [FILE]...
Concatenate FILE(s) to standard output.

With no FILE, or when FILE is -, read standard input.

  -A, --show-all           equivalent to -vET
  -b, --number-nonblank    number nonempty output lines, overrides -n
  -e                       equivalent to -vE
  -E, --show-ends          display $ at end of each line
  -n, --number             number all output lines
  -s, --squeeze-blank      suppress repeated empty output lines
  -t                       equivalent to -vT
  -T, --show-tabs          display TAB characters as ^I
  -v, --show-nonprinting   use ^ and M- notation, except for LFD and TAB
      --help        display this help and exit
`

/** cat -v: control characters as ^X, DEL as ^?, bytes above 127 as M-x. */
function showNonprinting(text: string, tabs: boolean): string {
  let out = ''
  const bytes = new TextEncoder().encode(text)
  for (const byte of bytes) {
    let b = byte
    let prefix = ''
    if (b >= 128) {
      prefix = 'M-'
      b -= 128
    }
    if (b === 9 && !tabs && prefix === '') out += '\t'
    else if (b === 10 && prefix === '') out += '\n'
    else if (b < 32) out += `${prefix}^${String.fromCharCode(b + 64)}`
    else if (b === 127) out += `${prefix}^?`
    else out += prefix + String.fromCharCode(b)
  }
  return out
}

export const cat: ShellCommand = {
  name: 'cat',
  summary: 'concatenate files and print on the standard output',
  run: async (args, ctx) => {
    const parsed = parseCommandLine('cat', args, SPEC)
    if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 }
    const on = new Set<string>()
    for (const { name } of parsed.options) {
      if (name === 'help') return { stdout: HELP, stderr: '', exitCode: 0 }
      if (name === 'version')
        return { stdout: 'cat (GNU coreutils) 9.1\n', stderr: '', exitCode: 0 }
      if (name === 'A') ['v', 'E', 'T'].forEach((f) => on.add(f))
      else if (name === 'e') ['v', 'E'].forEach((f) => on.add(f))
      else if (name === 't') ['v', 'T'].forEach((f) => on.add(f))
      else on.add(name)
    }
    const operands = parsed.operands.length > 0 ? parsed.operands : ['-']
    let stdout = ''
    let stderr = ''
    let exitCode = 0
    let lineNo = 0
    let previousBlank = false
    let atLineStart = true
    const plain = !['b', 'n', 's', 'E', 'T', 'v'].some((f) => on.has(f))
    for (const operand of operands) {
      const input = await readInput(ctx, operand)
      if ('errno' in input) {
        stderr += `cat: ${operand}: ${strerror(input.errno)}\n`
        exitCode = 1
        continue
      }
      if (plain) {
        stdout += input.text
        continue
      }
      // Line by line, carrying state across files as one stream, like cat's own buffer does.
      const pieces = input.text.split(/(?<=\n)/)
      for (const piece of pieces) {
        if (piece === '') continue
        const ended = piece.endsWith('\n')
        let body = ended ? piece.slice(0, -1) : piece
        const blank = atLineStart && body === '' && ended
        if (on.has('s') && blank && previousBlank) continue
        if (atLineStart) {
          previousBlank = blank
          if (on.has('b') ? !blank : on.has('n')) stdout += `${String(++lineNo).padStart(6)}\t`
        }
        if (on.has('v')) body = showNonprinting(body, on.has('T'))
        if (on.has('T')) body = body.replace(/\t/g, '^I')
        stdout += body + (ended ? (on.has('E') ? '$\n' : '\n') : '')
        atLineStart = ended
      }
    }
    return { stdout, stderr, exitCode }
  },
}
