/**
 * Strategic merge patch (`kubectl patch`'s default, and what `kubectl apply` sends): like a merge
 * patch, except that lists the Kubernetes types mark `patchStrategy: merge` are merged item by item
 * on their merge key (containers by name, container ports by containerPort, volumeMounts by
 * mountPath…), and the directives `$patch` (delete/replace/merge), `$setElementOrder/<list>`,
 * `$deleteFromPrimitiveList/<list>` and `$retainKeys` are honoured. Field types come from the
 * generated schema table, so `ports` means containerPort under a Container and port under a
 * ServiceSpec.
 */
import { FIELD_TYPES } from '../schema/fields.generated'

type Json = unknown
type Obj = Record<string, Json>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const copy = (v: Json): Json => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as Json))

/** `Type.field` → the merge key of that list (from the Go types' patchMergeKey tags). */
const MERGE_KEYS: Record<string, string> = {
  'CoreV1PodSpec.containers': 'name',
  'CoreV1PodSpec.initContainers': 'name',
  'CoreV1PodSpec.ephemeralContainers': 'name',
  'CoreV1PodSpec.volumes': 'name',
  'CoreV1PodSpec.imagePullSecrets': 'name',
  'CoreV1PodSpec.hostAliases': 'ip',
  'CoreV1PodSpec.topologySpreadConstraints': 'topologyKey',
  'CoreV1PodSpec.resourceClaims': 'name',
  'CoreV1PodSpec.schedulingGates': 'name',
  'CoreV1Container.ports': 'containerPort',
  'CoreV1Container.env': 'name',
  'CoreV1Container.volumeMounts': 'mountPath',
  'CoreV1Container.volumeDevices': 'devicePath',
  'CoreV1EphemeralContainer.ports': 'containerPort',
  'CoreV1EphemeralContainer.env': 'name',
  'CoreV1EphemeralContainer.volumeMounts': 'mountPath',
  'CoreV1ServiceSpec.ports': 'port',
  'CoreV1ServiceAccount.secrets': 'name',
  'CoreV1NodeSpec.taints': 'key',
  'CoreV1NodeStatus.conditions': 'type',
  'CoreV1NodeStatus.addresses': 'type',
  'CoreV1PodStatus.conditions': 'type',
  'CoreV1NamespaceStatus.conditions': 'type',
  'CoreV1PersistentVolumeClaimStatus.conditions': 'type',
  'AppsV1DeploymentStatus.conditions': 'type',
  'AppsV1ReplicaSetStatus.conditions': 'type',
  'AppsV1DaemonSetStatus.conditions': 'type',
  'AppsV1StatefulSetStatus.conditions': 'type',
  'BatchV1JobStatus.conditions': 'type',
  'MetaV1ObjectMeta.ownerReferences': 'uid',
}

/** Lists of scalars merged as sets (`patchStrategy: merge` on []string). */
const MERGE_PRIMITIVES = new Set(['MetaV1ObjectMeta.finalizers'])

/** The generated type of a list's items or an object field, from its code (`[]CoreV1Container`). */
const itemType = (code: string | undefined): string | undefined =>
  code?.startsWith('[]') ? code.slice(2) : code?.startsWith('map:') ? undefined : code

function fieldCode(type: string | undefined, field: string): string | undefined {
  if (type === undefined) return undefined
  return FIELD_TYPES[type]?.[field]
}

export class StrategicMergeError {
  constructor(readonly message: string) {}
}

/** Applies `patch` to `original` (neither is modified) as an object of the generated type `type`. */
export function applyStrategicMerge(original: Json, patch: Json, type: string | undefined): Json {
  return mergeValue(copy(original), patch, type)
}

function mergeValue(original: Json, patch: Json, type: string | undefined): Json {
  if (!isObj(patch)) return copy(patch)
  if (patch['$patch'] === 'replace') {
    const rest = { ...patch }
    delete rest['$patch']
    return copy(rest)
  }
  if (patch['$patch'] === 'delete') return undefined
  const out: Obj = isObj(original) ? original : {}
  const retain = patch['$retainKeys']
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys') continue
    if (key.startsWith('$setElementOrder/') || key.startsWith('$deleteFromPrimitiveList/')) continue
    const code = fieldCode(type, key)
    if (value === null) {
      delete out[key]
      continue
    }
    const strategyKey = type === undefined ? undefined : `${type}.${key}`
    if (
      Array.isArray(value) &&
      strategyKey !== undefined &&
      MERGE_KEYS[strategyKey] !== undefined
    ) {
      out[key] = mergeList(out[key], value, MERGE_KEYS[strategyKey] ?? '', itemType(code))
      continue
    }
    if (Array.isArray(value) && strategyKey !== undefined && MERGE_PRIMITIVES.has(strategyKey)) {
      const existing = Array.isArray(out[key]) ? (out[key] as Json[]) : []
      const merged = [...existing]
      for (const v of value)
        if (!merged.some((e) => JSON.stringify(e) === JSON.stringify(v))) merged.push(v)
      out[key] = merged
      continue
    }
    if (Array.isArray(value)) {
      // A `- $patch: replace` item just says "replace": the other items are the list.
      out[key] = value.filter((v) => !(isObj(v) && v['$patch'] === 'replace')).map(copy)
      continue
    }
    if (isObj(value)) {
      const childType = code?.startsWith('map:') ? undefined : itemType(code)
      const merged = mergeValue(out[key], value, code?.startsWith('map:') ? undefined : childType)
      if (merged === undefined) delete out[key]
      else out[key] = merged
      continue
    }
    out[key] = copy(value)
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$deleteFromPrimitiveList/') && Array.isArray(value)) {
      const field = key.slice('$deleteFromPrimitiveList/'.length)
      const list = out[field]
      if (Array.isArray(list))
        out[field] = list.filter((v) => !value.some((d) => JSON.stringify(d) === JSON.stringify(v)))
    }
  }
  for (const [key, value] of Object.entries(patch)) {
    if (!key.startsWith('$setElementOrder/') || !Array.isArray(value)) continue
    const field = key.slice('$setElementOrder/'.length)
    const list = out[field]
    if (!Array.isArray(list)) continue
    const mergeKey = type === undefined ? undefined : MERGE_KEYS[`${type}.${field}`]
    out[field] = reorder(list, value, mergeKey)
  }
  if (Array.isArray(retain))
    for (const key of Object.keys(out)) if (!retain.includes(key)) delete out[key]
  return out
}

const keyOf = (item: Json, mergeKey: string): string | undefined =>
  isObj(item) && item[mergeKey] !== undefined ? JSON.stringify(item[mergeKey]) : undefined

function mergeList(
  original: Json,
  patch: Json[],
  mergeKey: string,
  type: string | undefined,
): Json[] {
  const out: Json[] = Array.isArray(original) ? [...original] : []
  if (patch.some((p) => isObj(p) && p['$patch'] === 'replace'))
    return patch.filter((p) => !(isObj(p) && p['$patch'] === 'replace')).map(copy)
  for (const item of patch) {
    const key = keyOf(item, mergeKey)
    if (key === undefined) {
      out.push(copy(item))
      continue
    }
    const index = out.findIndex((o) => keyOf(o, mergeKey) === key)
    if (isObj(item) && item['$patch'] === 'delete') {
      if (index !== -1) out.splice(index, 1)
      continue
    }
    if (index === -1) {
      const fresh = mergeValue({}, item, type)
      out.push(fresh)
    } else out[index] = mergeValue(out[index], item, type)
  }
  return out
}

/** `$setElementOrder`: the listed items first, in that order; unlisted ones keep their place after. */
function reorder(list: Json[], order: Json[], mergeKey: string | undefined): Json[] {
  const id = (v: Json): string =>
    mergeKey !== undefined && isObj(v) ? JSON.stringify(v[mergeKey]) : JSON.stringify(v)
  const wanted = order.map(id)
  const listed = wanted
    .map((w) => list.find((item) => id(item) === w))
    .filter((v) => v !== undefined)
  const rest = list.filter((item) => !wanted.includes(id(item)))
  return [...listed, ...rest]
}

/**
 * For clients computing a patch (kubectl apply's three-way diff): the merge key of the list
 * `field` of generated type `type` (undefined for atomic lists), and the type of its items.
 */
export function listMergeKey(type: string | undefined, field: string): string | undefined {
  return type === undefined ? undefined : MERGE_KEYS[`${type}.${field}`]
}

/** The generated type of `field` in `type` (its items' type for lists; undefined for maps). */
export function fieldItemType(type: string | undefined, field: string): string | undefined {
  const code = fieldCode(type, field)
  return code?.startsWith('map:') ? undefined : itemType(code)
}
