import type { ShellCommand } from '../command'
import { compareCodepoints, compareVersions } from './collate'
import { strerror } from './file-facts'
import { joinLines, parentProblem, readInput, splitLines } from './file-ops'
import { parseCommandLine, type OptionSpec } from './options'
import { quote, quoteFileName } from './quoting'

/**
 * GNU sort in the C.UTF-8 locale: lines compare by code point ("Date" before "apple"), keys
 * (-k, -t) and their modifiers (b d f h n r V M g) as coreutils reads them, and when keys tie the
 * whole lines are compared byte by byte, unless -s or -u.
 */

interface Modifiers {
  b: boolean
  d: boolean
  f: boolean
  g: boolean
  h: boolean
  i: boolean
  M: boolean
  n: boolean
  r: boolean
  V: boolean
}

interface Key {
  startField: number
  startChar: number
  /** 0: to the end of the line. */
  endField: number
  /** 0: to the end of the field. */
  endChar: number
  mods: Modifiers
}

const SPEC: OptionSpec = {
  short: 'bcCdfghik:mMno:rRsS:t:T:uVz',
  long: {
    'ignore-leading-blanks': { short: 'b' },
    'dictionary-order': { short: 'd' },
    'ignore-case': { short: 'f' },
    'general-numeric-sort': { short: 'g' },
    'ignore-nonprinting': { short: 'i' },
    'month-sort': { short: 'M' },
    'human-numeric-sort': { short: 'h' },
    'numeric-sort': { short: 'n' },
    'random-sort': { short: 'R' },
    reverse: { short: 'r' },
    'version-sort': { short: 'V' },
    sort: { arg: 'required' },
    check: { arg: 'optional' },
    key: { short: 'k', arg: 'required' },
    merge: { short: 'm' },
    output: { short: 'o', arg: 'required' },
    stable: { short: 's' },
    'buffer-size': { short: 'S', arg: 'required' },
    'field-separator': { short: 't', arg: 'required' },
    'temporary-directory': { short: 'T', arg: 'required' },
    unique: { short: 'u' },
    'zero-terminated': { short: 'z' },
    parallel: { arg: 'required' },
    help: {},
    version: {},
  },
}

const HELP = `Usage: sort [OPTION]... [FILE]...
Write sorted concatenation of all FILE(s) to standard output.

With no FILE, or when FILE is -, read standard input.

  -b, --ignore-leading-blanks  ignore leading blanks
  -d, --dictionary-order      consider only blanks and alphanumeric characters
  -f, --ignore-case           fold lower case to upper case characters
  -g, --general-numeric-sort  compare according to general numerical value
  -h, --human-numeric-sort    compare human readable numbers (e.g., 2K 1G)
  -M, --month-sort            compare (unknown) < 'JAN' < ... < 'DEC'
  -n, --numeric-sort          compare according to string numerical value
  -r, --reverse               reverse the result of comparisons
  -V, --version-sort          natural sort of (version) numbers within text
  -c, --check                 check for sorted input; do not sort
  -k, --key=KEYDEF            sort via a key; KEYDEF gives location and type
  -o, --output=FILE           write result to FILE instead of standard output
  -s, --stable                stabilize sort by disabling last-resort comparison
  -t, --field-separator=SEP   use SEP instead of non-blank to blank transition
  -u, --unique                output only the first of an equal run
      --help        display this help and exit
`

const noMods = (): Modifiers => ({
  b: false,
  d: false,
  f: false,
  g: false,
  h: false,
  i: false,
  M: false,
  n: false,
  r: false,
  V: false,
})

const hasAny = (m: Modifiers): boolean => Object.values(m).some((v) => v)

function parseKey(text: string): Key | string {
  const m = /^(\d+)(?:\.(\d+))?([bdfghiMnrV]*)(?:,(\d+)(?:\.(\d+))?([bdfghiMnrV]*))?$/.exec(text)
  if (!m) {
    if (!/^\d/.test(text)) return `invalid number at field start: invalid count at start of`
    return 'stray character in field spec:'
  }
  const mods = noMods()
  for (const letter of (m[3] ?? '') + (m[6] ?? '')) mods[letter as keyof Modifiers] = true
  const startField = Number(m[1])
  if (startField === 0) return 'field number is zero:'
  return {
    startField,
    startChar: Number(m[2] ?? 1),
    endField: Number(m[4] ?? 0),
    endChar: Number(m[5] ?? 0),
    mods,
  }
}

const isBlank = (c: string): boolean => c === ' ' || c === '\t'

/** Where each field starts and ends; without -t a field is its leading blanks plus a word. */
function fieldBounds(line: string, separator: string | undefined): [number, number][] {
  const bounds: [number, number][] = []
  if (separator !== undefined) {
    let start = 0
    for (;;) {
      const at = line.indexOf(separator, start)
      if (at === -1) {
        bounds.push([start, line.length])
        return bounds
      }
      bounds.push([start, at])
      start = at + separator.length
    }
  }
  let i = 0
  while (i < line.length) {
    const start = i
    while (i < line.length && isBlank(line.charAt(i))) i++
    while (i < line.length && !isBlank(line.charAt(i))) i++
    bounds.push([start, i])
  }
  return bounds
}

function keyText(line: string, key: Key, separator: string | undefined): string {
  const bounds = fieldBounds(line, separator)
  const startBound = bounds[key.startField - 1]
  if (startBound === undefined) return ''
  let start = startBound[0]
  if (key.mods.b) while (start < startBound[1] && isBlank(line.charAt(start))) start++
  start = Math.min(start + key.startChar - 1, startBound[1])
  let end = line.length
  if (key.endField > 0) {
    const endBound = bounds[key.endField - 1]
    if (endBound === undefined) end = line.length
    else if (key.endChar === 0) end = endBound[1]
    else {
      let from = endBound[0]
      if (key.mods.b) while (from < endBound[1] && isBlank(line.charAt(from))) from++
      end = Math.min(from + key.endChar, endBound[1])
    }
  }
  return end <= start ? '' : line.slice(start, end)
}

const NUMBER = /^\s*(-?)(\d*)(?:\.(\d*))?/

function numericValue(text: string): number {
  const m = NUMBER.exec(text)
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return 0
  return Number(`${m[1] ?? ''}${m[2] || '0'}.${m[3] || '0'}`)
}

const SUFFIXES = 'KMGTPEZYRQ'

function humanValue(text: string): [number, number] {
  const m = /^\s*(-?)(\d*)(?:\.(\d*))?([kKMGTPEZYRQ]?)/.exec(text)
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return [0, 0]
  const value = Number(`${m[1] ?? ''}${m[2] || '0'}.${m[3] || '0'}`)
  const suffix = (m[4] ?? '').toUpperCase()
  const rank = suffix === '' ? 0 : SUFFIXES.indexOf(suffix) + 1
  return [Math.sign(value) * rank, value]
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']

function transform(text: string, mods: Modifiers): string {
  let out = text
  if (mods.d) out = out.replace(/[^\sA-Za-z0-9]/g, '')
  if (mods.i) out = out.replace(/[\x00-\x1f\x7f]/g, '')
  if (mods.f) out = out.toUpperCase()
  return out
}

function compareKeyText(a: string, b: string, mods: Modifiers): number {
  let diff: number
  if (mods.n) diff = Math.sign(numericValue(a) - numericValue(b))
  else if (mods.h) {
    const [ra, va] = humanValue(a)
    const [rb, vb] = humanValue(b)
    diff = ra !== rb ? Math.sign(ra - rb) : Math.sign(va - vb)
  } else if (mods.g) {
    const x = parseFloat(a)
    const y = parseFloat(b)
    if (Number.isNaN(x) || Number.isNaN(y)) diff = Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1
    else diff = Math.sign(x - y)
  } else if (mods.M) {
    const month = (s: string): number => MONTHS.indexOf(s.trim().slice(0, 3).toUpperCase()) + 1
    diff = Math.sign(month(a) - month(b))
  } else if (mods.V) diff = Math.sign(compareVersions(a, b))
  else diff = compareCodepoints(transform(a, mods), transform(b, mods))
  return mods.r ? -diff : diff
}

export const sort: ShellCommand = {
  name: 'sort',
  summary: 'sort lines of text files',
  run: async (args, ctx) => {
    const parsed = parseCommandLine('sort', args, SPEC)
    const usage = (stderr: string) => ({ stdout: '', stderr, exitCode: 2 })
    if (!parsed.ok) return usage(parsed.error)
    const global = noMods()
    const keys: Key[] = []
    let separator: string | undefined
    let unique = false
    let stable = false
    let check: 'no' | 'loud' | 'quiet' = 'no'
    let output: string | undefined
    for (const { name, value } of parsed.options) {
      if (name === 'help') return { stdout: HELP, stderr: '', exitCode: 0 }
      if (name === 'version')
        return { stdout: 'sort (GNU coreutils) 9.1\n', stderr: '', exitCode: 0 }
      if ('bdfghiMnrV'.includes(name) && name.length === 1) global[name as keyof Modifiers] = true
      if (name === 'k') {
        const key = parseKey(value ?? '')
        if (typeof key === 'string') return usage(`sort: ${key} ${quote(value ?? '', ctx.env)}\n`)
        keys.push(key)
      }
      if (name === 't') {
        if ((value ?? '').length !== 1)
          return usage(`sort: multi-character tab ${quote(value ?? '', ctx.env)}\n`)
        separator = value
      }
      if (name === 'u') unique = true
      if (name === 's') stable = true
      if (name === 'c') check = 'loud'
      if (name === 'C') check = 'quiet'
      if (name === 'check') check = value === 'quiet' || value === 'silent' ? 'quiet' : 'loud'
      if (name === 'o') output = value
    }
    // A key with no modifiers of its own takes the global ones.
    for (const key of keys) if (!hasAny(key.mods)) key.mods = { ...global }
    const effective: Key[] =
      keys.length > 0
        ? keys
        : [{ startField: 1, startChar: 1, endField: 0, endChar: 0, mods: global }]
    const wholeLine = keys.length === 0
    const operands = parsed.operands.length > 0 ? parsed.operands : ['-']
    if (check !== 'no' && operands.length > 1)
      return usage(`sort: extra operand ${quoteFileName(operands[1] ?? '')} not allowed with -c\n`)
    const lines: string[] = []
    for (const operand of operands) {
      const input = await readInput(ctx, operand)
      if ('errno' in input) {
        const what = input.errno === 'EISDIR' ? 'read failed' : 'cannot read'
        return usage(`sort: ${what}: ${operand}: ${strerror(input.errno)}\n`)
      }
      lines.push(...splitLines(input.text).lines)
    }
    const compareKeys = (a: string, b: string): number => {
      for (const key of effective) {
        const strip = (line: string): string => (key.mods.b ? line.replace(/^[ \t]+/, '') : line)
        const x = wholeLine ? strip(a) : keyText(a, key, separator)
        const y = wholeLine ? strip(b) : keyText(b, key, separator)
        const diff = compareKeyText(x, y, key.mods)
        if (diff !== 0) return diff
      }
      return 0
    }
    const compare = (a: string, b: string): number => {
      const diff = compareKeys(a, b)
      if (diff !== 0 || unique || stable) return diff
      // Last resort: the whole lines, byte by byte, in the global direction.
      const last = compareCodepoints(a, b)
      return global.r ? -last : last
    }
    if (check !== 'no') {
      for (let i = 1; i < lines.length; i++) {
        const order = compare(lines[i - 1] ?? '', lines[i] ?? '')
        if (order > 0 || (unique && order === 0)) {
          const name = operands[0] === '-' ? '-' : (operands[0] ?? '-')
          const stderr =
            check === 'loud' ? `sort: ${name}:${i + 1}: disorder: ${lines[i] ?? ''}\n` : ''
          return { stdout: '', stderr, exitCode: 1 }
        }
      }
      return { stdout: '', stderr: '', exitCode: 0 }
    }
    const sorted = [...lines].sort(compare)
    const kept = unique
      ? sorted.filter((line, i) => i === 0 || compareKeys(sorted[i - 1] ?? '', line) !== 0)
      : sorted
    const text = joinLines(kept)
    if (output === undefined) return { stdout: text, stderr: '', exitCode: 0 }
    const path = ctx.resolve(output)
    const problem = await parentProblem(ctx.fs, path)
    if (problem !== undefined)
      return {
        stdout: '',
        stderr: `sort: open failed: ${output}: ${strerror(problem)}\n`,
        exitCode: 2,
      }
    await ctx.fs.writeFile(path, text)
    return { stdout: '', stderr: '', exitCode: 0 }
  },
}
