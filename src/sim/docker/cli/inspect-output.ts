import { DOCKER_FUNCS, GoTemplate } from '../../cli-kit/go-template'
import { marshalJSON } from '../../cli-kit/go-fmt'
import { fromJSON, GoStruct, goTyped, type GoValue } from '../../cli-kit/go-value'
import type { CommandOutput } from '../../shell/command'

/** One object to inspect: the API object as the daemon sends it, and its Go struct for templates. */
export interface Inspected {
  typed: GoValue
  raw: unknown
}

/**
 * An API object as the Go struct docker's templates see: objects become structs with their fields
 * in the API's order, except the fields named in `maps` (Labels, Options…), which are Go maps
 * (printed `map[k:v]`, ranged in key order); string lists are `[]string`.
 */
export function apiStruct(value: unknown, typeName: string, maps: ReadonlySet<string>): GoValue {
  return convert(value, typeName, maps)
}

function convert(value: unknown, typeName: string, maps: ReadonlySet<string>): GoValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
    return value
  if (Array.isArray(value)) {
    const items = value.map((v) => convert(v, 'struct {}', maps))
    return value.every((v) => typeof v === 'string') ? goTyped('[]string', items) : items
  }
  if (typeof value === 'object') {
    const fields: Record<string, GoValue> = {}
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (maps.has(key) && v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const entries: Record<string, GoValue> = {}
        for (const [k, e] of Object.entries(v as Record<string, unknown>))
          entries[k] = convert(e, 'struct {}', maps)
        const allStrings = Object.values(v as Record<string, unknown>).every(
          (e) => typeof e === 'string',
        )
        fields[key] = goTyped(allStrings ? 'map[string]string' : 'map[string]interface {}', entries)
      } else fields[key] = convert(v, 'struct {}', maps)
    }
    return new GoStruct(typeName, fields, {}, { pointer: false })
  }
  return null
}

/**
 * docker/cli cli/command/inspect.Inspect: the indented JSON array by default, compact with
 * `json`, or a template per object (falling back to the raw JSON with missingkey=error, as
 * docker does); lookup errors are listed after the output and make the status 1.
 */
export function inspectOutput(
  refs: readonly string[],
  format: string,
  lookup: (ref: string) => { ok: true; value: Inspected } | { ok: false; error: string },
): CommandOutput {
  const errors: string[] = []
  const found: Inspected[] = []
  let template: GoTemplate | undefined
  if (format !== '' && format !== 'json') {
    const parsed = GoTemplate.parse(format, { funcs: DOCKER_FUNCS })
    if (!parsed.ok)
      return {
        stdout: '',
        stderr: `template parsing error: ${parsed.error.message}\n`,
        exitCode: 64,
      }
    template = parsed.template
  }
  let stdout = ''
  for (const ref of refs) {
    const result = lookup(ref)
    if (!result.ok) {
      errors.push(result.error)
      continue
    }
    if (!template) {
      found.push(result.value)
      continue
    }
    const typed = template.execute(result.value.typed)
    if (typed.ok) {
      stdout += `${typed.output}\n`
      continue
    }
    const rawTemplate = GoTemplate.parse(format, { funcs: DOCKER_FUNCS, missingKey: 'error' })
    const raw = rawTemplate.ok
      ? rawTemplate.template.execute(fromJSON(JSON.parse(JSON.stringify(result.value.raw))))
      : undefined
    if (raw?.ok) stdout += `${raw.output}\n`
    else errors.push(`template parsing error: ${raw?.error.message ?? typed.error.message}`)
  }
  if (!template) {
    stdout =
      found.length === 0
        ? '[]\n'
        : // The structs keep the API's field order; the maps come out sorted, as Go writes them.
          `${marshalJSON(
            found.map((f) => f.typed),
            format === 'json' ? {} : { indent: '    ' },
          )}\n`
  } else if (stdout === '') stdout = '\n'
  return {
    stdout,
    stderr: errors.length === 0 ? '' : `${errors.join('\n')}\n`,
    exitCode: errors.length === 0 ? 0 : 1,
  }
}
