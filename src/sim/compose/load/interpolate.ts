import { fail } from './errors'

/**
 * Compose variable substitution (compose-go's template package): `$VAR`, `${VAR}`, defaults
 * (`:-`, `-`), required (`:?`, `?`), alternatives (`:+`, `+`), nested templates in the default
 * or message, `$$` for a literal `$`. A `$` that starts none of these makes the whole value an
 * invalid template, as in Compose.
 */

export type Lookup = (name: string) => string | undefined

/** Raised for a value that cannot be substituted; the caller adds the YAML path. */
export class TemplateError {
  constructor(
    readonly kind: 'invalid' | 'required',
    readonly message: string,
  ) {}
}

// Same alternatives, in the same order, as compose-go's pattern: an escaped `$$`, a bare name, a
// braced name with an optional modifier (greedy up to a closing brace), or nothing (invalid).
const PATTERN =
  /\$(?:(\$)|([_a-z][_a-z0-9]*)|\{([_a-z][_a-z0-9]*(?::?[-?+](?:.*\}|[^}]*))?)\}|())/gi

const NAME = /^[_a-z][_a-z0-9]*/i

const FIRST = new RegExp(PATTERN.source, 'i')

/** Index of the brace closing the first `${`, counting nested `${…}` (-1: none). */
function closingBrace(s: string): number {
  let open = 0
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '}') {
      open--
      if (open === 0) return i
    }
    if (s.startsWith('${', i)) {
      open++
      i++
    }
  }
  return -1
}

export interface SubstituteOptions {
  lookup: Lookup
  /** Called once per reference to a variable that is not set (Compose then uses ""). */
  onUnset?: (name: string) => void
}

export function substitute(template: string, options: SubstituteOptions): string {
  if (!template.includes('$')) return template
  let error: TemplateError | undefined
  const result = template.replace(PATTERN, (whole: string) => {
    if (error) return ''
    let substring = whole
    let rest = ''
    const close = closingBrace(substring)
    if (close > -1) {
      rest = substring.slice(close + 1)
      substring = substring.slice(0, close + 1)
    }
    const m = FIRST.exec(substring)
    if (m === null) {
      error = new TemplateError('invalid', template)
      return ''
    }
    const [, escaped, named, braced] = m
    if (escaped !== undefined) return '$'
    const expr = named ?? braced
    if (expr === undefined || expr === '') {
      error = new TemplateError('invalid', template)
      return ''
    }
    const name = NAME.exec(expr)?.[0] ?? expr
    const modifier = expr.slice(name.length)
    if (modifier !== '') {
      const outcome = applyModifier(name, modifier, options, template)
      if (outcome instanceof TemplateError) {
        error = outcome
        return ''
      }
      try {
        return outcome + substitute(rest, options)
      } catch (e) {
        if (e instanceof TemplateError) error = e
        else throw e
        return ''
      }
    }
    const value = options.lookup(name)
    if (value === undefined) options.onUnset?.(name)
    return (value ?? '') + rest
  })
  if (error) throw error
  return result
}

function applyModifier(
  name: string,
  modifier: string,
  options: SubstituteOptions,
  template: string,
): string | TemplateError {
  const colon = modifier.startsWith(':')
  const op = modifier[colon ? 1 : 0]
  const argument = modifier.slice(colon ? 2 : 1)
  let nested: string
  try {
    nested = substitute(argument, options)
  } catch (e) {
    if (e instanceof TemplateError) return e
    throw e
  }
  const value = options.lookup(name)
  const present = colon ? value !== undefined && value !== '' : value !== undefined
  switch (op) {
    case '-':
      return present ? (value ?? '') : nested
    case '+':
      return present ? nested : ''
    case '?':
      if (present) return value ?? ''
      return new TemplateError(
        'required',
        nested === ''
          ? `required variable ${name} is missing a value`
          : `required variable ${name} is missing a value: ${nested}`,
      )
    default:
      return new TemplateError('invalid', template)
  }
}

/** A substitution failure as Compose words it, naming the YAML path of the value. */
export function templateFailure(error: TemplateError, path: string): never {
  if (error.kind === 'invalid') {
    fail(
      `invalid interpolation format for ${path}.\nYou may need to escape any $ with another $.\n${error.message}`,
    )
  }
  fail(`error while interpolating ${path}: ${error.message}`)
}

/**
 * Substitutes every string value (never keys) of a parsed compose document. Paths name list
 * items `[]`, as compose-go's tree paths do.
 */
export function interpolateTree(value: unknown, options: SubstituteOptions, path = ''): unknown {
  if (typeof value === 'string') {
    try {
      return substitute(value, options)
    } catch (e) {
      if (e instanceof TemplateError) templateFailure(e, path)
      throw e
    }
  }
  if (Array.isArray(value)) {
    return value.map((item) => interpolateTree(item, options, `${path}.[]`))
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      out[k] = interpolateTree(v, options, path === '' ? k : `${path}.${k}`)
    }
    return out
  }
  if (value instanceof Tagged)
    return new Tagged(value.tag, interpolateTree(value.value, options, path))
  return value
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Tagged)
  )
}

/** A value carrying a Compose merge tag: `!reset` (drop what earlier files set) or `!override`. */
export class Tagged {
  constructor(
    readonly tag: 'reset' | 'override',
    readonly value: unknown,
  ) {}
}
