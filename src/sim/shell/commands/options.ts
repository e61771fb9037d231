/**
 * Command-line parsing the way GNU tools do it (glibc getopt_long): short options cluster (`-la`),
 * an option's argument may be glued on or follow (`-w80`, `-w 80`, `--width=80`), long options may
 * be abbreviated to any unique prefix, options and operands may be mixed, and `--` ends options.
 * Errors come back as the exact text GNU prints, ending in the "Try '… --help'" hint.
 */

export type ArgumentKind = 'none' | 'required' | 'optional'

export interface LongOption {
  /** The short option this is another name for, or omitted for a long-only option. */
  short?: string
  arg?: ArgumentKind
}

export interface OptionSpec {
  /** getopt's syntax: each letter is an option, a letter followed by ':' takes an argument. */
  short: string
  long?: Readonly<Record<string, LongOption>>
}

/** One option as given: `name` is the short letter, or the long name for a long-only option. */
export interface GivenOption {
  name: string
  value: string | undefined
}

export type ParsedCommandLine =
  { ok: true; options: GivenOption[]; operands: string[] } | { ok: false; error: string }

export function tryHelp(command: string): string {
  return `Try '${command} --help' for more information.\n`
}

function shortTable(spec: string): Map<string, ArgumentKind> {
  const table = new Map<string, ArgumentKind>()
  for (let i = 0; i < spec.length; i++) {
    const letter = spec.charAt(i)
    if (letter === ':') continue
    table.set(letter, spec.charAt(i + 1) === ':' ? 'required' : 'none')
  }
  return table
}

export function parseCommandLine(
  command: string,
  args: readonly string[],
  spec: OptionSpec,
): ParsedCommandLine {
  const shorts = shortTable(spec.short)
  const longs = spec.long ?? {}
  const options: GivenOption[] = []
  const operands: string[] = []
  const fail = (message: string): ParsedCommandLine => ({
    ok: false,
    error: `${command}: ${message}\n${tryHelp(command)}`,
  })
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    if (arg === '--') {
      operands.push(...args.slice(i + 1))
      break
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      const typed = eq === -1 ? arg.slice(2) : arg.slice(2, eq)
      const inline = eq === -1 ? undefined : arg.slice(eq + 1)
      const exact = longs[typed]
      let name = typed
      if (exact === undefined) {
        const candidates = Object.keys(longs).filter((n) => n.startsWith(typed))
        const distinct = new Set(candidates.map((n) => longs[n]?.short ?? n))
        if (candidates.length === 0) return fail(`unrecognized option '${arg}'`)
        if (distinct.size > 1) {
          const list = candidates.map((n) => ` '--${n}'`).join('')
          return fail(`option '--${typed}' is ambiguous; possibilities:${list}`)
        }
        name = candidates[0] ?? typed
      }
      const long = longs[name] ?? {}
      const kind = long.arg ?? 'none'
      let value = inline
      if (kind === 'none' && inline !== undefined)
        return fail(`option '--${name}' doesn't allow an argument`)
      if (kind === 'required' && value === undefined) {
        if (i + 1 >= args.length) return fail(`option '--${name}' requires an argument`)
        value = args[++i]
      }
      options.push({ name: long.short ?? name, value })
      continue
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg.charAt(j)
        const kind = shorts.get(letter)
        if (kind === undefined) return fail(`invalid option -- '${letter}'`)
        if (kind === 'none') {
          options.push({ name: letter, value: undefined })
          continue
        }
        let value = arg.slice(j + 1)
        if (value === '') {
          if (i + 1 >= args.length) return fail(`option requires an argument -- '${letter}'`)
          value = args[++i] ?? ''
        }
        options.push({ name: letter, value })
        break
      }
      continue
    }
    operands.push(arg)
  }
  return { ok: true, options, operands }
}

/**
 * An option value outside its list (gnulib argmatch_die); `choices` groups synonyms per line.
 * Quotes are locale quotes: curved under UTF-8, which is what Quai's LANG is.
 */
export function invalidArgument(
  command: string,
  value: string,
  option: string,
  choices: readonly (readonly string[])[],
  curly = true,
): string {
  const [open, close] = curly ? ['\u2018', '\u2019'] : ["'", "'"]
  const q = (s: string): string => open + s + close
  const lines = choices.map((group) => `  - ${group.map(q).join(', ')}\n`).join('')
  return (
    `${command}: invalid argument ${q(value)} for ${q(option)}\n` +
    `Valid arguments are:\n${lines}${tryHelp(command)}`
  )
}

/** Finds `value` among `choices` allowing unique abbreviations, as argmatch does. */
export function matchArgument(value: string, choices: readonly string[]): string | undefined {
  if (choices.includes(value)) return value
  const found = choices.filter((c) => c.startsWith(value))
  return found.length === 1 && value !== '' ? found[0] : undefined
}
