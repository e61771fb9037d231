/**
 * The generated explain documentation as the OpenAPI v3 `components.schemas` kube-apiserver
 * serves under /openapi/v3/<group-version>: what a real kubectl needs to run `kubectl explain`
 * against Quai's HTTP facade, and what the tests feed the real kubectl to check
 * explain-render.ts against kubectl's own template.
 */
import { RESOURCE_TYPES, type ResourceType } from '../resources'
import { EXPLAIN_SCHEMA } from './explain-schema.generated'
import type { ExplainSchemaData, ExplainTypeCode } from './explain-types'

type Schema = Record<string, unknown>

/** The component name: its last dotted segment is the type name kubectl prints. */
const componentName = (data: ExplainSchemaData, key: string): string =>
  `io.k8s.quai.${key}.${data.types[key]?.n ?? key}`

function schemaOf(data: ExplainSchemaData, code: ExplainTypeCode): Schema {
  if (code.startsWith('[]')) return { type: 'array', items: schemaOf(data, code.slice(2)) }
  if (code.startsWith('map[string]'))
    return { type: 'object', additionalProperties: schemaOf(data, code.slice(11)) }
  if (code.startsWith('#'))
    return { allOf: [{ $ref: `#/components/schemas/${componentName(data, code.slice(1))}` }] }
  if (code === 'Object') return { type: 'object' }
  return { type: code }
}

/** Every named type as an OpenAPI component; served kinds carry their group-version-kind. */
export function explainComponents(data: ExplainSchemaData = EXPLAIN_SCHEMA): Schema {
  const gvkOf = new Map<string, ResourceType>()
  for (const t of RESOURCE_TYPES) {
    const key = data.kinds[`${t.group === '' ? t.version : `${t.group}/${t.version}`}/${t.kind}`]
    if (key !== undefined) gvkOf.set(key, t)
  }
  const out: Schema = {}
  for (const [key, type] of Object.entries(data.types)) {
    const schema: Schema = {}
    if (type.d !== '') schema['description'] = type.d
    if (type.t !== undefined) {
      if (type.t === '') schema['oneOf'] = [{ type: 'string' }, { type: 'integer' }]
      else schema['type'] = type.t
    } else {
      schema['type'] = 'object'
      const properties: Schema = {}
      const required: string[] = []
      for (const [name, [code, description, req, values]] of Object.entries(type.f ?? {})) {
        const field: Schema = schemaOf(data, code)
        if (description !== '') field['description'] = description
        if (values !== undefined) field['enum'] = values
        properties[name] = field
        if (req === 1) required.push(name)
      }
      if (Object.keys(properties).length > 0) schema['properties'] = properties
      if (required.length > 0) schema['required'] = required
    }
    const served = gvkOf.get(key)
    if (served !== undefined)
      schema['x-kubernetes-group-version-kind'] = [
        { group: served.group, kind: served.kind, version: served.version },
      ]
    out[componentName(data, key)] = schema
  }
  return out
}

/** The list and item paths of one group-version's resources, each naming its kind. */
export function explainPaths(group: string, version: string): Schema {
  const prefix = group === '' ? `/api/${version}` : `/apis/${group}/${version}`
  const paths: Schema = {}
  for (const t of RESOURCE_TYPES) {
    if (t.group !== group || t.version !== version) continue
    const scope = t.namespaced ? '/namespaces/{namespace}' : ''
    const gvk = { group: t.group, version: t.version, kind: t.kind }
    paths[`${prefix}${scope}/${t.resource}`] = {
      get: { 'x-kubernetes-group-version-kind': gvk },
    }
  }
  return paths
}
