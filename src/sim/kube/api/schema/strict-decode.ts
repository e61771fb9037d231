/**
 * What the API server's decoder says about a request body before any validation runs: a value of
 * the wrong JSON type (`json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas
 * of type int32`) and, with kubectl's default `--validate=strict`, fields the type does not have
 * (`strict decoding error: unknown field "spec.replica"`). The field table is generated from
 * kubernetes-models (fields.generated.ts), so it follows the same OpenAPI the models validate with.
 */
import { FIELD_TYPES, KIND_TYPES } from './fields.generated'

export interface DecodeProblem {
  /** `json: cannot unmarshal …`: the body cannot be decoded at all. */
  readonly typeError?: string
  /** `unknown field "spec.replica"` entries, in document order. */
  readonly unknownFields: readonly string[]
}

/** The generated type key of an apiVersion/kind, when kubernetes-models knows it. */
export const schemaTypeOf = (apiVersion: string, kind: string): string | undefined =>
  KIND_TYPES[`${apiVersion}/${kind}`]

/** `CoreV1ContainerPort` → `ContainerPort`, as Go names the struct. */
const goStructName = (key: string): string =>
  key.replace(/^[A-Z][a-z]*(?:[A-Z][a-z]+)*?V\d+(?:alpha\d+|beta\d+)?(?=[A-Z])/, '')

/** `[]v1.Container`, `map[string]string`, `int32`: reflect's String() of the Go type. */
function goTypeName(code: string): string {
  if (code.startsWith('[]')) return `[]${goTypeName(code.slice(2))}`
  if (code.startsWith('map:')) return `map[string]${goTypeName(code.slice(4))}`
  switch (code) {
    case 'string':
    case 'int32':
    case 'int64':
    case 'float64':
      return code
    case 'bool':
      return 'bool'
    case 'time':
      return 'v1.Time'
    case 'quantity':
      return 'resource.Quantity'
    case 'intstr':
      return 'intstr.IntOrString'
    default: {
      const version = /V(\d+(?:alpha\d+|beta\d+)?)(?=[A-Z])/.exec(code)?.[1] ?? '1'
      return `v${version}.${goStructName(code)}`
    }
  }
}

/** How Go's decoder names a JSON value it could not store: `string`, `number 1.5`, `object`. */
function jsonKind(value: unknown, wantsInteger: boolean): string {
  if (typeof value === 'string') return 'string'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'number')
    return wantsInteger && !Number.isInteger(value) ? `number ${value}` : 'number'
  if (Array.isArray(value)) return 'array'
  return 'object'
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const INT_RANGE: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
}

/**
 * Walks a body against the field table. Paths are kept as a stack of segments and only joined
 * into text when something is wrong: most bodies are fine, and this runs on every write.
 */
class Walker {
  typeError: string | undefined
  readonly unknown: string[] = []
  /** Segments: field names, and list indexes as numbers. */
  private readonly path: (string | number)[] = []

  /** The strict-decoding path (`spec.containers[0].name`). */
  private strictPath(last: string): string {
    let out = ''
    for (const seg of this.path)
      out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`
    return out === '' ? last : `${out}.${last}`
  }

  /** Go's field path (`spec.containers.name`: no indexes, map keys left out). */
  private goPath(): string {
    return this.path.filter((s): s is string => typeof s === 'string').join('.')
  }

  private fail(v: unknown, code: string, struct: string, integer = false): void {
    this.typeError ??= `json: cannot unmarshal ${jsonKind(v, integer)} into Go struct field ${struct}.${this.goPath()} of type ${goTypeName(code)}`
  }

  value(code: string, v: unknown, struct: string, inMap = false): void {
    if (v === null || v === undefined || this.typeError !== undefined) return
    const first = code.charCodeAt(0)
    if (first === 91 /* [ */ && code.startsWith('[]')) {
      if (!Array.isArray(v)) return this.fail(v, code, struct)
      const inner = code.slice(2)
      for (let i = 0; i < v.length; i++) {
        this.path.push(i)
        this.value(inner, v[i], struct)
        this.path.pop()
      }
      return
    }
    if (first === 109 /* m */ && code.startsWith('map:')) {
      if (!isObject(v)) return this.fail(v, code, struct)
      const inner = code.slice(4)
      if (inner === 'string') {
        for (const k in v)
          if (typeof v[k] !== 'string' && v[k] !== null) return this.fail(v[k], inner, struct)
        return
      }
      for (const k in v) this.value(inner, v[k], struct, true)
      return
    }
    void inMap
    switch (code) {
      case 'any':
        return
      case 'string':
      case 'time':
        if (typeof v !== 'string') this.fail(v, code, struct)
        return
      case 'bool':
        if (typeof v !== 'boolean') this.fail(v, code, struct)
        return
      case 'int32':
      case 'int64': {
        if (typeof v !== 'number' || !Number.isInteger(v)) return this.fail(v, code, struct, true)
        const [min, max] = INT_RANGE[code] ?? [-Infinity, Infinity]
        if (v < min || v > max)
          this.typeError ??= `json: cannot unmarshal number ${v} into Go struct field ${struct}.${this.goPath()} of type ${code}`
        return
      }
      case 'float64':
        if (typeof v !== 'number') this.fail(v, code, struct)
        return
      case 'quantity':
        if (typeof v !== 'string' && typeof v !== 'number')
          this.typeError ??=
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
        return
      case 'intstr':
        if (typeof v !== 'string' && typeof v !== 'number') this.fail(v, code, struct)
        return
      default:
        if (!isObject(v)) return this.fail(v, code, struct)
        this.object(code, v)
    }
  }

  object(code: string, v: Record<string, unknown>): void {
    const fields = FIELD_TYPES[code]
    if (fields === undefined) return
    const struct = structName(code)
    for (const key in v) {
      const fieldCode = fields[key]
      if (fieldCode === undefined) {
        this.unknown.push(this.strictPath(key))
        continue
      }
      this.path.push(key)
      this.value(fieldCode, v[key], struct)
      this.path.pop()
    }
  }
}

const structNames = new Map<string, string>()
const structName = (code: string): string => {
  let name = structNames.get(code)
  if (name === undefined) {
    name = goStructName(code)
    structNames.set(code, name)
  }
  return name
}

/** Checks a whole object against its kind's schema; kinds the table lacks pass unchecked. */
export function strictDecode(object: Record<string, unknown>): DecodeProblem {
  const apiVersion = typeof object['apiVersion'] === 'string' ? object['apiVersion'] : ''
  const kind = typeof object['kind'] === 'string' ? object['kind'] : ''
  const type = schemaTypeOf(apiVersion, kind)
  if (type === undefined) return { unknownFields: [] }
  const walker = new Walker()
  walker.object(type, object)
  return walker.typeError === undefined
    ? { unknownFields: walker.unknown }
    : { typeError: walker.typeError, unknownFields: [] }
}

/** `strict decoding error: unknown field "a", unknown field "b"`. */
export const strictDecodingMessage = (unknownFields: readonly string[]): string =>
  `strict decoding error: ${unknownFields.map((f) => `unknown field "${f}"`).join(', ')}`
