/**
 * The shape of the generated `kubectl explain` documentation (explain-schema.generated.ts): a
 * compact stand-in for the API server's OpenAPI v3 components, keyed by type.
 */

/**
 * A field's type: `string`, `integer`, `number`, `boolean`, `Object` (free-form), `[]X` (list),
 * `map[string]X` (map) or `#Key` (a named type of ExplainSchemaData.types).
 */
export type ExplainTypeCode = string

/** [type, description, required (1) or not (0), enum values]. */
export type ExplainFieldData =
  | readonly [ExplainTypeCode, string]
  | readonly [ExplainTypeCode, string, 0 | 1]
  | readonly [ExplainTypeCode, string, 0 | 1, readonly string[]]

export interface ExplainTypeData {
  /** The name kubectl shows (`PodSpec`: the last segment of io.k8s.api.core.v1.PodSpec). */
  readonly n: string
  /** The type's own description. */
  readonly d: string
  /**
   * Set for named types that are not objects: the OpenAPI `type` (`string` for Time), or ''
   * when the schema has none (Quantity and IntOrString are a oneOf).
   */
  readonly t?: string
  /** The properties, sorted by name. */
  readonly f?: Readonly<Record<string, ExplainFieldData>>
}

export interface ExplainSchemaData {
  /** `apps/v1/Deployment` → type key. */
  readonly kinds: Readonly<Record<string, string>>
  readonly types: Readonly<Record<string, ExplainTypeData>>
}
