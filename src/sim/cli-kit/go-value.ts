/**
 * Go values as plain JavaScript data, for the template engine, fmt and JSONPath.
 *
 * - `undefined` is the invalid reflect.Value (a missing map key: prints `<no value>`);
 *   `null` is a nil interface (a JSON null: prints `<nil>`).
 * - strings, booleans; integers are Go `int` and other numbers `float64`, unless wrapped in a
 *   GoNumber that names the kind (kubectl's objects hold `int64`).
 * - arrays are `[]interface {}` and plain objects `map[string]interface {}`, unless tagged with
 *   another Go type through `goTyped` (docker's `[]string`, `map[string]string`).
 * - GoStruct is a struct (or pointer to one, as docker's formatter contexts are) with fields and
 *   methods; methods may take arguments (`.Label "com.example"`).
 */

export type GoNumberKind =
  | 'int'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'float32'
  | 'float64'

/** A number whose Go type matters (`int64` from kubectl's objects, a whole `float64`). */
export class GoNumber {
  constructor(
    readonly kind: GoNumberKind,
    readonly value: number,
  ) {}
}

export const goInt64 = (n: number): GoNumber => new GoNumber('int64', n)
export const goFloat64 = (n: number): GoNumber => new GoNumber('float64', n)

/** An error a template function returns (Go's second `error` result). */
export class GoError {
  constructor(readonly message: string) {}
}

/** Parameter and result types of template functions, spelled as Go prints them. */
export type GoTypeName = string

/**
 * A function or method callable from a template. `params` are Go type names: a value must have
 * exactly that type (Go's AssignableTo), except `interface {}` (anything) and `reflect.Value`
 * (anything, unconverted, including missing values).
 */
export class GoFunc {
  constructor(
    readonly params: readonly GoTypeName[],
    readonly fn: (...args: GoValue[]) => GoValue | GoError,
    readonly variadic: GoTypeName | undefined = undefined,
  ) {}
}

export interface GoStructOptions {
  /** Printed by %v as `&{…}` at top level, and the receiver of pointer methods. Default true. */
  pointer?: boolean
  /** What encoding/json produces for it (docker contexts define MarshalJSON). */
  json?: () => unknown
  /**
   * The MarshalJSON behind `json` uses json.Marshal, so its <, > and & come out escaped even
   * inside docker's `{{json .}}`, whose encoder does not escape (formatter/reflect.go).
   */
  jsonEscapesHTML?: boolean
}

/** A Go struct value: exported fields in declaration order, and methods. */
export class GoStruct {
  readonly pointer: boolean
  constructor(
    /** The type as Go prints it in errors: `*formatter.ContainerContext`. */
    readonly typeName: string,
    readonly fields: Readonly<Record<string, GoValue>> = {},
    readonly methods: Readonly<Record<string, GoFunc | (() => GoValue)>> = {},
    readonly options: GoStructOptions = {},
  ) {
    this.pointer = options.pointer ?? typeName.startsWith('*')
  }

  method(name: string): GoFunc | undefined {
    if (!Object.prototype.hasOwnProperty.call(this.methods, name)) return undefined
    const m = this.methods[name]
    if (m === undefined) return undefined
    return m instanceof GoFunc ? m : new GoFunc([], m as () => GoValue)
  }

  hasField(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.fields, name)
  }
}

export type GoValue =
  | undefined
  | null
  | string
  | boolean
  | number
  | GoNumber
  | GoStruct
  | GoFunc
  | readonly GoValue[]
  | { readonly [key: string]: GoValue }

const typeTags = new WeakMap<object, string>()

/** Tags an array or object with its Go type (`[]string`, `map[string]string`). */
export function goTyped<T extends readonly GoValue[] | { readonly [key: string]: GoValue }>(
  typeName: string,
  value: T,
): T {
  typeTags.set(value, typeName)
  return value
}

export type GoKind =
  | 'invalid'
  | 'nil'
  | 'bool'
  | 'int'
  | 'uint'
  | 'float'
  | 'string'
  | 'slice'
  | 'map'
  | 'struct'
  | 'func'

export function isMap(v: GoValue): v is { readonly [key: string]: GoValue } {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof GoNumber) &&
    !(v instanceof GoStruct) &&
    !(v instanceof GoFunc)
  )
}

export function isSlice(v: GoValue): v is readonly GoValue[] {
  return Array.isArray(v)
}

export function kindOf(v: GoValue): GoKind {
  if (v === undefined) return 'invalid'
  if (v === null) return 'nil'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float'
  if (v instanceof GoNumber) {
    if (v.kind.startsWith('float')) return 'float'
    return v.kind.startsWith('uint') ? 'uint' : 'int'
  }
  if (v instanceof GoStruct) return 'struct'
  if (v instanceof GoFunc) return 'func'
  if (Array.isArray(v)) return 'slice'
  return 'map'
}

/** The numeric value of an int/uint/float value. */
export function numberOf(v: GoValue): number {
  if (typeof v === 'number') return v
  if (v instanceof GoNumber) return v.value
  return 0
}

/** The concrete Go type, as %T and error messages print it. */
export function typeNameOf(v: GoValue): string {
  if (v === undefined || v === null) return '<nil>'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float64'
  if (v instanceof GoNumber) return v.kind
  if (v instanceof GoStruct) return v.typeName
  if (v instanceof GoFunc) return 'func(' + v.params.join(', ') + ')'
  const tag = typeTags.get(v)
  if (tag !== undefined) return tag
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}'
}

/** The element type of a slice or map type name (`[]string` → `string`). */
export function elemTypeOf(containerType: string): string {
  if (containerType.startsWith('[]')) return containerType.slice(2)
  if (containerType.startsWith('map[')) {
    let depth = 0
    for (let i = 3; i < containerType.length; i++) {
      const c = containerType[i]
      if (c === '[') depth++
      else if (c === ']') {
        depth--
        if (depth === 0) return containerType.slice(i + 1)
      }
    }
  }
  return 'interface {}'
}

/** The key type of a map type name (`map[string]int` → `string`). */
export function keyTypeOf(mapType: string): string {
  const close = mapType.indexOf(']')
  return mapType.startsWith('map[') && close > 0 ? mapType.slice(4, close) : 'string'
}

/**
 * Converts decoded JSON (kubectl's unstructured objects) to Go values: integers become
 * `integerKind` (kubectl: int64), other numbers float64.
 */
export function fromJSON(data: unknown, integerKind: GoNumberKind = 'int64'): GoValue {
  if (data === null || data === undefined) return null
  if (typeof data === 'string' || typeof data === 'boolean') return data
  if (typeof data === 'number') {
    return Number.isInteger(data) ? new GoNumber(integerKind, data) : new GoNumber('float64', data)
  }
  if (Array.isArray(data)) return data.map((d) => fromJSON(d, integerKind))
  if (typeof data === 'object') {
    const out: Record<string, GoValue> = {}
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
      out[k] = fromJSON(v, integerKind)
    }
    return out
  }
  return null
}

/** Go's fmtsort order for map keys (our keys are strings: byte order, close to UTF-16 order). */
export function sortedKeys(m: { readonly [key: string]: GoValue }): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}
