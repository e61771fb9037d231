/**
 * The flags section of `--help`, in the two layouts our CLIs use:
 * - pflag's FlagUsagesWrapped, which docker's usage template prints under `Options:` with
 *   `cols = terminal width - 1` (docker/cli cli/cobra.go wrappedFlagUsages; 80 columns when
 *   stdin is not a terminal);
 * - kubectl's HelpFlagPrinter (k8s.io/kubectl/pkg/util/templates): `    -o, --output='':` then the
 *   usage on a tab-indented line, word-wrapped to the terminal width minus 10 (no wrapping when
 *   stdout is not a terminal).
 */
import type { FlagSet, FlagSpec, ResolvedFlag } from './flags'
import { quote } from './go-strconv'

/** pflag UnquoteUsage: a `backquoted` word in the usage names the value; else the type does. */
export function unquoteUsage(flag: ResolvedFlag): { name: string; usage: string } {
  const usage = flag.usage
  const open = usage.indexOf('`')
  if (open >= 0) {
    const close = usage.indexOf('`', open + 1)
    if (close >= 0) {
      const name = usage.slice(open + 1, close)
      return { name, usage: usage.slice(0, open) + name + usage.slice(close + 1) }
    }
  }
  const renames: Record<string, string> = {
    bool: '',
    float64: 'float',
    int64: 'int',
    uint64: 'uint',
    stringSlice: 'strings',
    intSlice: 'ints',
    uintSlice: 'uints',
    boolSlice: 'bools',
  }
  const name = renames[flag.typeName] ?? flag.typeName
  return { name, usage }
}

/** pflag wrapN: split at the last blank within `i` runes, or take all if within `i + slop`. */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, '']
  const head = s.slice(0, i)
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'))
  if (w <= 0) return [s, '']
  const nl = head.lastIndexOf('\n')
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)]
  return [s.slice(0, w), s.slice(w + 1)]
}

/** pflag wrap: wraps `s` to width `w`, continuation lines indented by `i` (w = 0: no wrap). */
export function pflagWrap(i: number, w: number, text: string): string {
  let indent = i
  if (w === 0) return text.split('\n').join('\n' + ' '.repeat(indent))
  let width = w - indent
  let r = ''
  if (width < 24) {
    indent = 16
    width = w - indent
    r += '\n' + ' '.repeat(indent)
  }
  if (width < 24) return text.split('\n').join(r)
  const slop = 5
  width -= slop
  const pad = '\n' + ' '.repeat(indent)
  let [line, rest] = wrapN(width, slop, text)
  r += line.split('\n').join(pad)
  while (rest !== '') {
    ;[line, rest] = wrapN(width, slop, rest)
    r += pad + line.split('\n').join(pad)
  }
  return r
}

/**
 * pflag FlagSet.FlagUsagesWrapped(cols): one line per visible flag, the usages aligned after the
 * longest `-x, --name type` and wrapped to `cols` (0: no wrapping). Every line ends with "\n".
 */
export function flagUsagesWrapped(set: FlagSet<readonly FlagSpec[]>, cols: number): string {
  const lines: string[] = []
  let maxlen = 0
  for (const flag of set.visibleFlags()) {
    let line =
      flag.shorthand !== '' && flag.shorthandDeprecated === ''
        ? `  -${flag.shorthand}, --${flag.name}`
        : `      --${flag.name}`
    const { name, usage } = unquoteUsage(flag)
    if (name !== '') line += ' ' + name
    if (flag.noOptDefVal !== '') {
      switch (flag.typeName) {
        case 'string':
          line += `[="${flag.noOptDefVal}"]`
          break
        case 'bool':
          if (flag.noOptDefVal !== 'true') line += `[=${flag.noOptDefVal}]`
          break
        case 'count':
          if (flag.noOptDefVal !== '+1') line += `[=${flag.noOptDefVal}]`
          break
        default:
          line += `[=${flag.noOptDefVal}]`
      }
    }
    line += '\x00'
    maxlen = Math.max(maxlen, line.length)
    line += usage
    if (!flag.zeroDefault) {
      line +=
        flag.typeName === 'string'
          ? ` (default ${quote(flag.defValue)})`
          : ` (default ${flag.defValue})`
    }
    if (flag.deprecated !== '') line += ` (DEPRECATED: ${flag.deprecated})`
    lines.push(line)
  }
  let out = ''
  for (const line of lines) {
    const sidx = line.indexOf('\x00')
    const spacing = ' '.repeat(maxlen - sidx)
    out += `${line.slice(0, sidx)} ${spacing} ${pflagWrap(maxlen + 2, cols, line.slice(sidx + 1))}\n`
  }
  return out
}

/**
 * mitchellh/go-wordwrap WrapString: breaks at spaces so lines stay within `limit` runes where a
 * word allows; existing newlines are kept.
 */
export function wordWrap(text: string, limit: number): string {
  let buf = ''
  let current = 0
  let word = ''
  let wordLen = 0
  let space = ''
  let spaceLen = 0
  for (const ch of text) {
    if (ch === '\n') {
      buf += space
      space = ''
      spaceLen = 0
      if (current + wordLen > limit) {
        current = 0
        buf += '\n'
      }
      buf += word
      word = ''
      wordLen = 0
      buf += ch
      current = 0
    } else if (/\s/u.test(ch) && ch !== '\u00a0') {
      if (space.length === 0 || word.length > 0) {
        current += spaceLen + wordLen
        buf += space + word
        space = ''
        spaceLen = 0
        word = ''
        wordLen = 0
      }
      space += ch
      spaceLen++
    } else {
      word += ch
      wordLen++
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        buf += '\n'
        current = 0
        space = ''
        spaceLen = 0
      }
    }
  }
  if (word.length === 0) {
    if (current + spaceLen <= limit) buf += space
  } else {
    buf += space + word
  }
  return buf
}

/**
 * kubectl's width for wrapping help: 120, 100 or 80 by terminal width (0 below 80 or off a
 * terminal, which means no wrapping). Pass `undefined` when stdout is not a terminal.
 */
export function kubectlWrapLimit(terminalColumns: number | undefined): number {
  if (terminalColumns === undefined) return 0
  if (terminalColumns >= 120) return 120
  if (terminalColumns >= 100) return 100
  if (terminalColumns >= 80) return 80
  return 0
}

/**
 * kubectl's flag listing (templates.HelpFlagPrinter): for each visible flag
 * `    -s, --name=default:\n\t<usage wrapped to wrapLimit - 10>\n\n`; string defaults in quotes.
 */
export function kubectlFlagUsages(set: FlagSet<readonly FlagSpec[]>, wrapLimit = 0): string {
  let out = ''
  for (const flag of set.visibleFlags()) {
    const def = flag.typeName === 'string' ? `'${flag.defValue}'` : flag.defValue
    const head =
      flag.shorthand !== ''
        ? `    -${flag.shorthand}, --${flag.name}=${def}:`
        : `    --${flag.name}=${def}:`
    const deprecated = flag.deprecated !== '' ? ` (DEPRECATED: ${flag.deprecated})` : ''
    const usage = (flag.usage + deprecated).split('\n').join(' ')
    // A limit of 0 underflows to "no wrapping" in kubectl's unsigned arithmetic.
    const wrapped = wrapLimit === 0 ? usage : wordWrap(usage, wrapLimit - 10)
    out += (head + '\n' + wrapped).split('\n').join('\n\t') + '\n\n'
  }
  return out
}
