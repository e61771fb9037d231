/**
 * Field selectors (`--field-selector status.phase=Running,spec.nodeName!=minikube`): the terms
 * fields.ParseSelector accepts and, per type, the fields the API server can filter on, with the
 * error each registry gives for any other one.
 */
import { err, ok, type Result } from '../../core/errors'
import type { KubeObject } from './object'
import type { ResourceType } from './resources'

export interface FieldRequirement {
  readonly field: string
  readonly operator: '=' | '!='
  readonly value: string
}

/** Splits on unescaped commas, then each term on its first `!=`, `==` or `=`. */
export function parseFieldSelector(input: string): Result<FieldRequirement[], string> {
  if (input.trim() === '') return ok([])
  const terms: string[] = []
  let current = ''
  for (let i = 0; i < input.length; i++) {
    const c = input.charAt(i)
    if (c === '\\' && i + 1 < input.length) {
      current += c + input.charAt(i + 1)
      i++
    } else if (c === ',') {
      terms.push(current)
      current = ''
    } else current += c
  }
  terms.push(current)
  const out: FieldRequirement[] = []
  for (const term of terms) {
    const parsed = splitTerm(term)
    if (parsed === undefined) return err(`invalid selector: '${input}'; can't understand '${term}'`)
    const value = unescape(parsed.value)
    if (value === undefined)
      return err(`invalid field selector: invalid escape sequence in '${term}'`)
    out.push({ ...parsed, value })
  }
  return ok(out)
}

function splitTerm(term: string): FieldRequirement | undefined {
  for (let i = 0; i < term.length; i++) {
    if (term.charAt(i) === '\\') {
      i++
      continue
    }
    for (const op of ['!=', '==', '='] as const)
      if (term.startsWith(op, i))
        return {
          field: term.slice(0, i),
          operator: op === '!=' ? '!=' : '=',
          value: term.slice(i + op.length),
        }
  }
  return undefined
}

function unescape(value: string): string | undefined {
  let out = ''
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i)
    if (c !== '\\') {
      out += c
      continue
    }
    const next = value.charAt(i + 1)
    if (next !== '\\' && next !== ',' && next !== '=') return undefined
    out += next
    i++
  }
  return out
}

type Getter = (o: KubeObject) => string

const path =
  (...keys: string[]): Getter =>
  (o) => {
    let v: unknown = o
    for (const k of keys)
      v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined
    if (v === undefined || v === null) return ''
    return typeof v === 'string' ? v : String(v)
  }

const META: Record<string, Getter> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
}

/** Per resource: its selectable fields, and whether unknown ones get the generic message. */
const FIELDS: Record<string, { fields: Record<string, Getter>; generic?: boolean }> = {
  pods: {
    fields: {
      ...META,
      'spec.nodeName': path('spec', 'nodeName'),
      'spec.restartPolicy': path('spec', 'restartPolicy'),
      'spec.schedulerName': path('spec', 'schedulerName'),
      'spec.serviceAccountName': path('spec', 'serviceAccountName'),
      'spec.hostNetwork': (o) =>
        String((o['spec'] as { hostNetwork?: boolean } | undefined)?.hostNetwork ?? false),
      'status.phase': path('status', 'phase'),
      'status.podIP': path('status', 'podIP'),
      'status.podIPs': path('status', 'podIP'),
      'status.nominatedNodeName': path('status', 'nominatedNodeName'),
    },
  },
  events: {
    fields: {
      ...META,
      'involvedObject.kind': path('involvedObject', 'kind'),
      'involvedObject.namespace': path('involvedObject', 'namespace'),
      'involvedObject.name': path('involvedObject', 'name'),
      'involvedObject.uid': path('involvedObject', 'uid'),
      'involvedObject.apiVersion': path('involvedObject', 'apiVersion'),
      'involvedObject.resourceVersion': path('involvedObject', 'resourceVersion'),
      'involvedObject.fieldPath': path('involvedObject', 'fieldPath'),
      reason: path('reason'),
      reportingComponent: path('reportingComponent'),
      source: path('source', 'component'),
      type: path('type'),
    },
  },
  nodes: {
    fields: {
      ...META,
      'spec.unschedulable': (o) =>
        String((o['spec'] as { unschedulable?: boolean } | undefined)?.unschedulable ?? false),
    },
  },
  namespaces: { fields: { ...META, 'status.phase': path('status', 'phase') } },
  secrets: { fields: { ...META, type: path('type') } },
  replicationcontrollers: { fields: { ...META, 'status.replicas': path('status', 'replicas') } },
  replicasets: {
    fields: { ...META, 'status.replicas': path('status', 'replicas') },
    generic: true,
  },
  jobs: { fields: { ...META, 'status.successful': path('status', 'succeeded') }, generic: true },
  services: {
    fields: {
      ...META,
      'spec.clusterIP': path('spec', 'clusterIP'),
      'spec.type': path('spec', 'type'),
    },
    generic: true,
  },
  persistentvolumes: {
    fields: { ...META, 'spec.storageClassName': path('spec', 'storageClassName') },
    generic: true,
  },
}

export type FieldMatcher = (o: KubeObject) => boolean

/** A matcher for a type, or the API server's BadRequest text for a field it cannot select on. */
export function fieldMatcher(
  t: ResourceType,
  requirements: readonly FieldRequirement[],
): Result<FieldMatcher, string> {
  const table = FIELDS[t.resource] ?? { fields: META, generic: true }
  const getters: { get: Getter; r: FieldRequirement }[] = []
  for (const r of requirements) {
    const get = table.fields[r.field]
    if (get === undefined)
      return err(
        table.generic
          ? `"${r.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`
          : `field label not supported: ${r.field}`,
      )
    getters.push({ get, r })
  }
  return ok((o) => getters.every(({ get, r }) => (get(o) === r.value) === (r.operator === '=')))
}
