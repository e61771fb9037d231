/**
 * A pflag/cobra command-line parser driven by a declarative flag table.
 *
 * It follows spf13/pflag's FlagSet.Parse exactly (flag.go: parseArgs, parseLongArg,
 * parseSingleShortArg): `--name value`, `--name=value`, `-n value`, `-nvalue`, `-n=value`, grouped
 * booleans `-dit`, optional values through NoOptDefVal (booleans take `true`), `--` ending the
 * flags, and "interspersed: false" (docker run, docker exec: the first positional ends the flags).
 * Errors are the strings pflag returns, carried in typed values for the docker and kubectl layers
 * to frame (`dockerFlagError`, `kubectlFlagError`).
 */
import { QuaiError } from '../core/errors'
import {
  builtinString,
  builtinZero,
  isZeroDefault,
  setBuiltin,
  type BuiltinFlagType,
  type BuiltinFlagValues,
} from './flag-values'
import { quote, type ParseOutcome } from './go-strconv'

interface FlagCommon<Name extends string = string> {
  name: Name
  /** One ASCII letter usable as `-x`. */
  shorthand?: string
  usage: string
  /** Parsed but left out of help (pflag MarkHidden). */
  hidden?: boolean
  /** Hidden, and using it prints `Flag --x has been deprecated, <text>` (MarkDeprecated). */
  deprecated?: string
  /** Using the shorthand prints `Flag shorthand -x has been deprecated, <text>`. */
  shorthandDeprecated?: string
  /** The value a flag takes when given without one (`--flag`); booleans use "true". */
  noOptDefVal?: string
  /** Value.Type() as help shows it, when it differs from the type (docker's `list`, `map`). */
  typeName?: string
  /** DefValue as help shows it, when the default's own spelling is not pflag's. */
  defValue?: string
}

type BuiltinSpecOf<T extends BuiltinFlagType> = FlagCommon & {
  type: T
  default?: BuiltinFlagValues[T]
}

export type BuiltinFlagSpec = { [T in BuiltinFlagType]: BuiltinSpecOf<T> }[BuiltinFlagType]

/**
 * A flag of a type of its own (docker's ListOpts with a validator, MapOpts, FilterOpt…). `parse`
 * gets the current value and whether this command line set it already, and returns the next one
 * or the error text pflag appends after `invalid argument "x" for "--flag" flag: `.
 */
export interface CustomFlagSpec<V> extends FlagCommon {
  type: 'custom'
  /** Value.Type(): shown in help after the flag name. */
  typeName: string
  default: V
  parse(raw: string, current: V, changed: boolean): ParseOutcome<V>
  /** Value.String() of the default, for help; "" hides it. */
  defValue?: string
}

export type FlagSpec = BuiltinFlagSpec | CustomFlagSpec<unknown>

type ValueOf<S> = S extends { type: 'custom'; default: infer V }
  ? V
  : S extends { type: infer T extends BuiltinFlagType }
    ? BuiltinFlagValues[T]
    : never

/** The parsed values, keyed by flag name, typed from the table. */
export type FlagValues<Specs extends readonly FlagSpec[]> = {
  [S in Specs[number] as S['name']]: ValueOf<S>
}

export type FlagErrorCode =
  | 'unknown-flag'
  | 'unknown-shorthand'
  | 'needs-argument'
  | 'invalid-argument'
  | 'bad-syntax'
  | 'help-requested'

export interface FlagErrorData {
  /** The flag as written on the command line (`--name`, `-n`). */
  arg: string
  flag?: string
  value?: string
}

/** A command-line error, with pflag's message (`unknown flag: --x`). */
export class FlagError extends QuaiError<FlagErrorCode, FlagErrorData> {
  constructor(code: FlagErrorCode, message: string, data: FlagErrorData) {
    super(code, message, data)
    this.name = 'FlagError'
  }
}

export interface FlagParseSuccess<Specs extends readonly FlagSpec[]> {
  ok: true
  values: FlagValues<Specs>
  /** Names of the flags this command line set (pflag's Changed), in the order first set. */
  changed: readonly string[]
  /** Positional arguments (pflag's Args()). */
  args: string[]
  /** How many positionals came before `--`, or -1 (pflag's ArgsLenAtDash, used by kubectl). */
  argsLenAtDash: number
  /** Deprecation notices pflag prints to stderr, each a full line with its newline. */
  warnings: string[]
}

export type FlagParseResult<Specs extends readonly FlagSpec[]> =
  FlagParseSuccess<Specs> | { ok: false; error: FlagError; warnings: string[] }

export interface FlagSetOptions {
  /** false: the first positional argument ends flag parsing (pflag SetInterspersed(false)). */
  interspersed?: boolean
  /** Maps a flag name as typed to the defined one (kubectl turns `_` into `-`). */
  normalizeName?: (name: string) => string
}

/** cobra's help flag: `-h, --help` with "help for <command>" (docker hides it). */
export function helpFlag(
  usage: string,
  extra: Partial<Omit<BuiltinSpecOf<'bool'>, 'name' | 'type'>> = {},
): BuiltinSpecOf<'bool'> & { name: 'help' } {
  return { name: 'help', shorthand: 'h', type: 'bool', usage, ...extra }
}

/** kubectl's flag name normalization (cliflag.WordSepNormalizeFunc): `dry_run` is `dry-run`. */
export function wordSepNormalize(name: string): string {
  return name.includes('_') ? name.replace(/_/g, '-') : name
}

/** A flag as the parser and the help printers see it. */
export interface ResolvedFlag {
  spec: FlagSpec
  name: string
  shorthand: string
  usage: string
  /** Value.Type(). */
  typeName: string
  /** DefValue text. */
  defValue: string
  noOptDefVal: string
  hidden: boolean
  deprecated: string
  shorthandDeprecated: string
  /** Whether help leaves the default out. */
  zeroDefault: boolean
}

function resolve(spec: FlagSpec): ResolvedFlag {
  const isCustom = spec.type === 'custom'
  const defaultValue = isCustom ? spec.default : (spec.default ?? builtinZero(spec.type))
  const defValue =
    spec.defValue ?? (isCustom ? '' : builtinString(spec.type, defaultValue as unknown))
  const noOpt =
    spec.noOptDefVal ?? (spec.type === 'bool' ? 'true' : spec.type === 'count' ? '+1' : '')
  const typeName = spec.typeName ?? spec.type
  return {
    spec,
    name: spec.name,
    shorthand: spec.shorthand ?? '',
    usage: spec.usage,
    typeName,
    defValue,
    noOptDefVal: noOpt,
    hidden: spec.hidden === true || spec.deprecated !== undefined,
    deprecated: spec.deprecated ?? '',
    shorthandDeprecated: spec.shorthandDeprecated ?? '',
    zeroDefault: isZeroDefault(
      isCustom || spec.typeName !== undefined ? 'custom' : spec.type,
      defValue,
    ),
  }
}

/**
 * A command's flags. Construct once with the table (`as const` keeps names typed), then `parse`
 * each command line.
 */
export class FlagSet<const Specs extends readonly FlagSpec[]> {
  readonly flags: readonly ResolvedFlag[]
  private readonly byName = new Map<string, ResolvedFlag>()
  private readonly byShorthand = new Map<string, ResolvedFlag>()

  constructor(
    readonly specs: Specs,
    readonly options: FlagSetOptions = {},
  ) {
    this.flags = specs.map(resolve)
    for (const flag of this.flags) {
      if (this.byName.has(flag.name)) throw new Error(`flag redefined: ${flag.name}`)
      this.byName.set(flag.name, flag)
      if (flag.shorthand !== '') {
        if (flag.shorthand.length > 1) {
          throw new Error(`"${flag.shorthand}" shorthand is more than one ASCII character`)
        }
        const used = this.byShorthand.get(flag.shorthand)
        if (used !== undefined) {
          throw new Error(
            `unable to redefine '${flag.shorthand}' shorthand: it's already used for "${used.name}" flag`,
          )
        }
        this.byShorthand.set(flag.shorthand, flag)
      }
    }
  }

  lookup(name: string): ResolvedFlag | undefined {
    return this.byName.get(this.normalize(name))
  }

  /** The flags help lists (not hidden), sorted by name as pflag's SortFlags does. */
  visibleFlags(): ResolvedFlag[] {
    return this.flags.filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : 1))
  }

  private normalize(name: string): string {
    return this.options.normalizeName === undefined ? name : this.options.normalizeName(name)
  }

  parse(argv: readonly string[]): FlagParseResult<Specs> {
    return new ParseRun(this, argv).run() as FlagParseResult<Specs>
  }

  /** For the parse run: the flag behind a shorthand letter. */
  shorthandLookup(letter: string): ResolvedFlag | undefined {
    return this.byShorthand.get(letter)
  }
}

class ParseRun {
  private readonly values = new Map<string, unknown>()
  private readonly changed: string[] = []
  private readonly warnings: string[] = []
  private readonly positionals: string[] = []
  private argsLenAtDash = -1

  constructor(
    private readonly set: FlagSet<readonly FlagSpec[]>,
    private readonly argv: readonly string[],
  ) {
    for (const flag of set.flags) {
      const spec = flag.spec
      const initial =
        spec.type === 'custom' ? spec.default : (spec.default ?? builtinZero(spec.type))
      this.values.set(flag.name, initial)
    }
  }

  run(): FlagParseResult<readonly FlagSpec[]> {
    let args = [...this.argv]
    const interspersed = this.set.options.interspersed !== false
    while (args.length > 0) {
      const s = args[0] ?? ''
      args = args.slice(1)
      if (s.length === 0 || s[0] !== '-' || s.length === 1) {
        this.positionals.push(s)
        if (!interspersed) {
          this.positionals.push(...args)
          break
        }
        continue
      }
      let outcome: ParseOutcome<string[]> | { ok: false; error: FlagError }
      if (s[1] === '-') {
        if (s.length === 2) {
          this.argsLenAtDash = this.positionals.length
          this.positionals.push(...args)
          break
        }
        outcome = this.parseLong(s, args)
      } else {
        outcome = this.parseShort(s, args)
      }
      if (!outcome.ok)
        return { ok: false, error: outcome.error as FlagError, warnings: this.warnings }
      args = outcome.value
    }
    const values: Record<string, unknown> = {}
    for (const [name, value] of this.values) values[name] = value
    return {
      ok: true,
      values: values as FlagValues<readonly FlagSpec[]>,
      changed: this.changed,
      args: this.positionals,
      argsLenAtDash: this.argsLenAtDash,
      warnings: this.warnings,
    }
  }

  private fail(
    code: FlagErrorCode,
    message: string,
    data: FlagErrorData,
  ): { ok: false; error: FlagError } {
    return { ok: false, error: new FlagError(code, message, data) }
  }

  private parseLong(
    s: string,
    args: string[],
  ): ParseOutcome<string[]> | { ok: false; error: FlagError } {
    const body = s.slice(2)
    if (body.length === 0 || body[0] === '-' || body[0] === '=') {
      return this.fail('bad-syntax', `bad flag syntax: ${s}`, { arg: s })
    }
    const eq = body.indexOf('=')
    const typedName = eq < 0 ? body : body.slice(0, eq)
    const flag = this.set.lookup(typedName)
    if (flag === undefined) {
      if (typedName === 'help') {
        return this.fail('help-requested', 'pflag: help requested', { arg: s })
      }
      return this.fail('unknown-flag', `unknown flag: --${typedName}`, { arg: s })
    }
    let value: string
    let rest = args
    if (eq >= 0) value = body.slice(eq + 1)
    else if (flag.noOptDefVal !== '') value = flag.noOptDefVal
    else if (args.length > 0) {
      value = args[0] ?? ''
      rest = args.slice(1)
    } else {
      return this.fail('needs-argument', `flag needs an argument: ${s}`, {
        arg: s,
        flag: flag.name,
      })
    }
    const set = this.setValue(flag, value, s)
    return set.ok ? { ok: true, value: rest } : set
  }

  private parseShort(
    s: string,
    args: string[],
  ): ParseOutcome<string[]> | { ok: false; error: FlagError } {
    let shorthands = s.slice(1)
    let rest = args
    while (shorthands.length > 0) {
      const c = shorthands[0] ?? ''
      const flag = this.set.shorthandLookup(c)
      if (flag === undefined) {
        if (c === 'h') return this.fail('help-requested', 'pflag: help requested', { arg: s })
        return this.fail(
          'unknown-shorthand',
          `unknown shorthand flag: ${goQuoteChar(c)} in -${shorthands}`,
          {
            arg: s,
          },
        )
      }
      let value: string
      if (shorthands.length > 2 && shorthands[1] === '=') {
        value = shorthands.slice(2)
        shorthands = ''
      } else if (flag.noOptDefVal !== '') {
        value = flag.noOptDefVal
        shorthands = shorthands.slice(1)
      } else if (shorthands.length > 1) {
        value = shorthands.slice(1)
        shorthands = ''
      } else if (args.length > 0) {
        value = args[0] ?? ''
        rest = args.slice(1)
        shorthands = ''
      } else {
        return this.fail(
          'needs-argument',
          `flag needs an argument: ${goQuoteChar(c)} in -${shorthands}`,
          { arg: s, flag: flag.name },
        )
      }
      if (flag.shorthandDeprecated !== '') {
        this.warnings.push(
          `Flag shorthand -${flag.shorthand} has been deprecated, ${flag.shorthandDeprecated}\n`,
        )
      }
      const set = this.setValue(flag, value, s)
      if (!set.ok) return set
    }
    return { ok: true, value: rest }
  }

  private setValue(
    flag: ResolvedFlag,
    raw: string,
    arg: string,
  ): { ok: true } | { ok: false; error: FlagError } {
    const current = this.values.get(flag.name)
    const already = this.changed.includes(flag.name)
    const spec = flag.spec
    const result =
      spec.type === 'custom'
        ? spec.parse(raw, current, already)
        : setBuiltin(spec.type, raw, current as never, already)
    if (!result.ok) {
      const shown =
        flag.shorthand !== '' && flag.shorthandDeprecated === ''
          ? `-${flag.shorthand}, --${flag.name}`
          : `--${flag.name}`
      return this.fail(
        'invalid-argument',
        `invalid argument ${quote(raw)} for ${quote(shown)} flag: ${result.error}`,
        { arg, flag: flag.name, value: raw },
      )
    }
    this.values.set(flag.name, result.value)
    if (!already) this.changed.push(flag.name)
    if (flag.deprecated !== '') {
      this.warnings.push(`Flag --${flag.name} has been deprecated, ${flag.deprecated}\n`)
    }
    return { ok: true }
  }
}

/** Go's %q of a byte: a single-quoted character literal. */
function goQuoteChar(c: string): string {
  if (c === "'") return "'\\''"
  if (c === '\\') return "'\\\\'"
  const code = c.charCodeAt(0)
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`
  return `'${c}'`
}

/**
 * The text docker prints for a flag error (cli.FlagErrorFunc, docker 28), exit status 125:
 * `<error>\n\nUsage:  <use line>\n\nRun '<command path> --help' for more information\n`.
 */
export function dockerFlagError(error: FlagError, useLine: string, commandPath: string): string {
  return `${error.message}\n\nUsage:  ${useLine}\n\nRun '${commandPath} --help' for more information\n`
}

/** The text kubectl prints for a flag error, exit status 1. */
export function kubectlFlagError(error: FlagError, commandPath: string): string {
  return `Error: ${error.message}\nSee '${commandPath} --help' for usage.\n`
}

type FlagIdentity = Pick<FlagCommon, 'name' | 'shorthand' | 'usage' | 'hidden' | 'deprecated'>

/**
 * docker/cli's opts.ListOpts (`-e`, `-p`, `-v`…): Type() `list`, each occurrence appended whole,
 * no default shown. `validate` returns the (possibly normalized) value or the error text.
 */
export function listOpts<const Name extends string>(
  flag: FlagIdentity & { name: Name },
  validate?: (value: string) => ParseOutcome<string>,
): CustomFlagSpec<string[]> & { name: Name } {
  return {
    ...flag,
    type: 'custom',
    typeName: 'list',
    default: [],
    defValue: '',
    parse(raw, current) {
      const v = validate === undefined ? { ok: true as const, value: raw } : validate(raw)
      return v.ok ? { ok: true, value: [...current, v.value] } : v
    },
  }
}

/**
 * docker/cli's opts.MapOpts (`--annotation`, `--sysctl`): Type() `map`, `k=v` pairs (the part
 * after the first `=`, or "" without one), shown as `(default map[])`.
 */
export function mapOpts<const Name extends string>(
  flag: FlagIdentity & { name: Name },
  validate?: (value: string) => ParseOutcome<string>,
): CustomFlagSpec<Record<string, string>> & { name: Name } {
  return {
    ...flag,
    type: 'custom',
    typeName: 'map',
    default: {},
    defValue: 'map[]',
    parse(raw, current) {
      const v = validate === undefined ? { ok: true as const, value: raw } : validate(raw)
      if (!v.ok) return v
      const eq = v.value.indexOf('=')
      const key = eq < 0 ? v.value : v.value.slice(0, eq)
      return { ok: true, value: { ...current, [key]: eq < 0 ? '' : v.value.slice(eq + 1) } }
    },
  }
}
