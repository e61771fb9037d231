/**
 * `kubectl explain`'s plaintext output: the semantics of kubectl 1.32's OpenAPI v3 template
 * (k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl) over Quai's generated documentation.
 * A field's schema is a type code (explain-types.ts); `#Key` plays the template's `$ref`, `[]X`
 * its `items` and `map[string]X` its `additionalProperties`.
 */
import { err, ok, type Result } from '../../core/errors'
import { EXPLAIN_SCHEMA } from '../api/schema/explain-schema.generated'
import type {
  ExplainFieldData,
  ExplainSchemaData,
  ExplainTypeCode,
  ExplainTypeData,
} from '../api/schema/explain-types'

export interface ExplainRequest {
  readonly group: string
  readonly version: string
  readonly kind: string
  /** The dotted path after the resource (`spec.containers` in `pods.spec.containers`). */
  readonly fieldPath: readonly string[]
  readonly recursive: boolean
}

/**
 * What the template printed before failing (the header is already on stdout when a field is
 * missing) and the error, as kubectl prints it (`error: field "foo" does not exist`).
 */
export interface ExplainFailure {
  readonly stdout: string
  readonly message: string
}

const ARRAY = '[]'
const MAP = 'map[string]'

/**
 * mitchellh/go-wordwrap v1.0.1 WrapString (kubectl 1.32's): breaks at spaces to keep lines within
 * `limit` runes where words allow. At a newline the pending word is written as is — no break
 * before it, so a long URL ending a line does not leave an empty line behind.
 */
function goWordWrap(text: string, limit: number): string {
  let buf = ''
  let current = 0
  let word = ''
  let wordLen = 0
  let space = ''
  let spaceLen = 0
  for (const ch of text) {
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen > limit) current = 0
        else buf += space
      } else {
        buf += space + word
      }
      space = ''
      spaceLen = 0
      word = ''
      wordLen = 0
      buf += ch
      current = 0
    } else if (/\s/u.test(ch) && ch !== '\u00a0') {
      if (spaceLen === 0 || wordLen > 0) {
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
  if (wordLen === 0) return current + spaceLen <= limit ? buf + space : buf
  return buf + space + word
}

/**
 * The template's `wrap` in kubectl 1.32: go-wordwrap at `limit`, the description's own line
 * breaks kept (later releases drop them first).
 */
const wrap = (limit: number, text: string): string => goWordWrap(text, limit)

/** The template's `indent`: every line, the first included, padded. */
const indent = (amount: number, text: string): string => {
  const pad = ' '.repeat(amount)
  return pad + text.replaceAll('\n', `\n${pad}`)
}

export class ExplainSchema {
  constructor(private readonly data: ExplainSchemaData = EXPLAIN_SCHEMA) {}

  /** The documented type of a served kind, e.g. `apps/v1/Deployment`. */
  typeOf(group: string, version: string, kind: string): string | undefined {
    return this.data.kinds[`${group === '' ? version : `${group}/${version}`}/${kind}`]
  }

  private named(code: ExplainTypeCode): ExplainTypeData | undefined {
    return code.startsWith('#') ? this.data.types[code.slice(1)] : undefined
  }

  /** typeGuess: `[]Container`, `map[string]string`, `Object`, `IntOrString`, `string`… */
  typeGuess(code: ExplainTypeCode): string {
    if (code.startsWith(ARRAY)) return ARRAY + this.typeGuess(code.slice(ARRAY.length))
    if (code.startsWith(MAP)) return MAP + this.typeGuess(code.slice(MAP.length))
    const type = this.named(code)
    if (code.startsWith('#')) {
      // A named type shows its name unless its schema is a plain scalar (Time is a string).
      if (type === undefined || type.t === undefined || type.t === '' || type.t === 'object')
        return type?.n ?? 'Object'
      return type.t
    }
    return code
  }

  /** The template's "description": the field's own text, then its type's (newline after each). */
  private descriptionOfCode(code: ExplainTypeCode): string {
    if (code.startsWith(ARRAY)) return this.descriptionOfCode(code.slice(ARRAY.length))
    if (code.startsWith(MAP)) return this.descriptionOfCode(code.slice(MAP.length))
    const type = this.named(code)
    return type !== undefined && type.d !== '' ? `${type.d}\n` : ''
  }

  /** The field named `name` reached from `code`, looking through lists and maps as kubectl does. */
  private property(code: ExplainTypeCode, name: string): ExplainFieldData | undefined {
    if (code.startsWith(ARRAY)) return this.property(code.slice(ARRAY.length), name)
    if (code.startsWith(MAP)) return this.property(code.slice(MAP.length), name)
    const fields = this.named(code)?.f
    return fields !== undefined && Object.hasOwn(fields, name) ? fields[name] : undefined
  }

  private static enumText(values: readonly string[], long: boolean, indentAmount: number): string {
    const shown = (v: string): string => (v === '' ? '""' : v)
    if (long) return 'ENUM:' + values.map((v) => `\n    ${shown(v)}`).join('')
    const limit = 4
    let out = `\n${' '.repeat(indentAmount)}enum: `
    for (let i = 0; i < values.length; i++) {
      if (i >= limit) {
        out += ', ....'
        break
      }
      out += (i > 0 ? ', ' : '') + shown(values[i] ?? '')
    }
    return out
  }

  /** "fieldDetail": `name<TAB><type>[ -required-][enum]` and, unless short, the description. */
  private fieldDetail(
    name: string,
    field: ExplainFieldData,
    level: number,
    short: boolean,
  ): string {
    const indentAmount = level * 2
    const [code, description, required, values] = field
    let out = `${indent(indentAmount, name)}\t<${this.typeGuess(code)}>`
    if (required === 1) out += ' -required-'
    if (values !== undefined && values.length > 0)
      out += ExplainSchema.enumText(values, false, indentAmount)
    out += '\n'
    if (!short) {
      const text = description === '' ? '<no description>' : description
      out += `${indent(indentAmount + 2, wrap(78 - indentAmount, text))}\n\n`
    }
    return out
  }

  /**
   * "fieldList": the properties in name order; recursive, each one's own fields below it, a type
   * never expanded inside itself (`history` holds the types on the way down).
   */
  private fieldList(
    code: ExplainTypeCode,
    level: number,
    recursive: boolean,
    history: ReadonlySet<string>,
    isRoot = false,
  ): string {
    if (code.startsWith(ARRAY))
      return this.fieldList(code.slice(ARRAY.length), level, recursive, history)
    if (code.startsWith(MAP))
      return this.fieldList(code.slice(MAP.length), level, recursive, history)
    const type = this.named(code)
    if (type === undefined || (!isRoot && history.has(code))) return ''
    // The resource's own schema is not reached through a $ref, so it is not in the history.
    const next = isRoot ? history : new Set([...history, code])
    let out = ''
    for (const name of Object.keys(type.f ?? {}).sort()) {
      const field = (type.f ?? {})[name] as ExplainFieldData
      out += this.fieldDetail(name, field, level, recursive)
      if (recursive) out += this.fieldList(field[0], level + 1, recursive, next)
    }
    return out
  }

  /** DESCRIPTION and FIELDS for a schema whose description text is `description`. */
  private body(
    description: string,
    code: ExplainTypeCode,
    recursive: boolean,
    isRoot: boolean,
  ): string {
    let out = 'DESCRIPTION:\n'
    out += `${indent(4, wrap(76, description === '' ? '<empty>' : description))}\n`
    const fields = this.fieldList(code, 1, recursive, new Set(), isRoot)
    if (fields !== '') out += `FIELDS:\n${fields}`
    return out
  }

  /** The whole explain output for a kind and field path, or the failure kubectl reports. */
  render(request: ExplainRequest): Result<string, ExplainFailure> {
    const key = this.typeOf(request.group, request.version, request.kind)
    const gvr = `${request.group}/${request.version}`
    if (key === undefined) return err({ stdout: '', message: `error: GVR (${gvr}) not found` })
    let out = ''
    if (request.group !== '') out += `GROUP:      ${request.group}\n`
    out += `KIND:       ${request.kind}\nVERSION:    ${request.version}\n\n`
    const root = `#${key}`
    const path = request.fieldPath
    if (path.length === 0) {
      const type = this.data.types[key]
      const description = type !== undefined && type.d !== '' ? `${type.d}\n` : ''
      return ok(`${out}${this.body(description, root, request.recursive, true)}\n`)
    }
    let code = root
    let field: ExplainFieldData | undefined
    for (let i = 0; i < path.length; i++) {
      const name = path[i] ?? ''
      field = this.property(code, name)
      if (field === undefined) {
        // The template names the path's last element, whichever one is missing.
        const last = path[path.length - 1] ?? ''
        return err({ stdout: out, message: `error: field "${last}" does not exist` })
      }
      code = field[0]
    }
    if (field === undefined) return err({ stdout: out, message: 'error: field "" does not exist' })
    const [fieldCode, fieldDescription, , values] = field
    out += `FIELD: ${path[path.length - 1] ?? ''} <${this.typeGuess(fieldCode)}>\n`
    if (values !== undefined && values.length > 0) out += ExplainSchema.enumText(values, true, 0)
    out += '\n\n'
    const description =
      (fieldDescription === '' ? '' : `${fieldDescription}\n`) + this.descriptionOfCode(fieldCode)
    return ok(`${out}${this.body(description, fieldCode, request.recursive, false)}\n`)
  }
}
