/**
 * Go text/template for `docker … --format '{{…}}'` and `kubectl -o go-template=…`.
 *
 *   const t = GoTemplate.parse('{{.Names}}\t{{.Label "app"}}', { funcs: DOCKER_FUNCS })
 *   if (!t.ok) return error(`template parsing error: ${t.error.message}`)
 *   const r = t.template.execute(containerContext)
 *
 * Data is GoValue (see go-value.ts): plain objects are maps, GoStruct instances are structs with
 * methods, so `.Nope` fails as Go does (`can't evaluate field Nope in type
 * *formatter.ContainerContext`) while a missing map key prints `<no value>`.
 *
 * Errors carry Go's text: parse errors `template: NAME:LINE: …`, execution errors
 * `template: NAME:LINE:COL: executing "NAME" at <NODE>: …`. How the CLI frames them is left to
 * the caller: docker prefixes `template parsing error: ` to both kinds; kubectl prints
 * `error parsing template …` or `error executing template …`.
 */
import { QuaiError } from '../core/errors'
import { BUILTINS } from './go-template/builtins'
import { ExecFailure, funcImpl, ref, State, type FuncImpl } from './go-template/exec'
import { parseTemplate, type ParsedTemplate } from './go-template/parse'
import type { GoFunc, GoValue } from './go-value'

export { DOCKER_FUNCS, DOCKER_HEADER_FUNCS, KUBECTL_FUNCS } from './go-template/builtins'

export interface GoTemplateOptions {
  /** The template's name, shown in errors: docker uses "", kubectl "output". */
  name?: string
  /** Functions beyond Go's builtins (they may shadow builtins, as Funcs does). */
  funcs?: Readonly<Record<string, GoFunc>>
  /** Option("missingkey=…"): a missing map key prints `<no value>` (default), a zero, or fails. */
  missingKey?: 'default' | 'zero' | 'error'
  /** `{{range 5}}`: Go 1.24 allows it (docker 28); kubectl 1.32's Go did not. Default true. */
  rangeOverInt?: boolean
}

export type TemplateErrorCode = 'parse' | 'exec'

export class TemplateError extends QuaiError<TemplateErrorCode> {
  constructor(code: TemplateErrorCode, message: string) {
    super(code, message)
    this.name = 'TemplateError'
  }
}

export type ExecuteResult =
  | { ok: true; output: string }
  /** Like Go, output written before the failure is kept (kubectl prints it). */
  | { ok: false; error: TemplateError; output: string }

export class GoTemplate {
  private constructor(
    private readonly parsed: ParsedTemplate,
    private readonly funcs: ReadonlyMap<string, FuncImpl>,
    private readonly options: GoTemplateOptions,
  ) {}

  static parse(
    text: string,
    options: GoTemplateOptions = {},
  ): { ok: true; template: GoTemplate } | { ok: false; error: TemplateError } {
    const funcs = new Map<string, FuncImpl>(BUILTINS)
    for (const [name, fn] of Object.entries(options.funcs ?? {})) funcs.set(name, funcImpl(fn))
    const parsed = parseTemplate(options.name ?? '', text, (name) => funcs.has(name))
    if (!parsed.ok) return { ok: false, error: new TemplateError('parse', parsed.error) }
    return { ok: true, template: new GoTemplate(parsed.template, funcs, options) }
  }

  /** The template text as parsed. */
  get text(): string {
    return this.parsed.text
  }

  execute(data: GoValue, overrides: Pick<GoTemplateOptions, 'funcs'> = {}): ExecuteResult {
    let funcs = this.funcs
    if (overrides.funcs !== undefined) {
      const merged = new Map(funcs)
      for (const [name, fn] of Object.entries(overrides.funcs)) merged.set(name, funcImpl(fn))
      funcs = merged
    }
    const state = new State(
      this.parsed,
      funcs,
      {
        missingKey: this.options.missingKey ?? 'default',
        rangeOverInt: this.options.rangeOverInt ?? true,
      },
      ref(data === null ? undefined : data),
    )
    try {
      state.walk(ref(data === null ? undefined : data), this.parsed.root)
      return { ok: true, output: state.out }
    } catch (e) {
      if (e instanceof ExecFailure) {
        return { ok: false, error: new TemplateError('exec', e.message), output: state.out }
      }
      throw e
    }
  }
}

/** Parses and executes in one step (errors of either kind come back the same way). */
export function executeTemplate(
  text: string,
  data: GoValue,
  options: GoTemplateOptions = {},
): ExecuteResult {
  const parsed = GoTemplate.parse(text, options)
  if (!parsed.ok) return { ok: false, error: parsed.error, output: '' }
  return parsed.template.execute(data)
}
