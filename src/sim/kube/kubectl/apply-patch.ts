/**
 * The patch client-side `kubectl apply` computes (strategicpatch.CreateThreeWayMergePatch): what
 * the new configuration (modified) changes or adds relative to the live object (current), plus
 * what it dropped relative to the last applied configuration (original). Lists the API merges by
 * key (containers by name, ports by containerPort…) are diffed item by item, so fields the server
 * defaulted inside an item (imagePullPolicy, protocol) are not seen as changes.
 */
import { fieldItemType, listMergeKey } from '../api/patch/strategic-merge'
import { schemaTypeOf } from '../api/schema/strict-decode'

type Json = unknown
type Obj = Record<string, Json>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

const sameJson = (a: Json, b: Json): boolean =>
  JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b))

/** A copy with map keys sorted at every level (Go marshals maps so). */
export function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (!isObj(value)) return value
  const out: Obj = {}
  for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k])
  return out
}

interface DiffMode {
  ignoreDeletions: boolean
  ignoreChangesAndAdditions: boolean
}

function diffMaps(from: Obj, to: Obj, type: string | undefined, mode: DiffMode): Obj {
  const patch: Obj = {}
  for (const key of Object.keys(to)) {
    const a = from[key]
    const b = to[key]
    if (!(key in from)) {
      if (!mode.ignoreChangesAndAdditions) patch[key] = b
      continue
    }
    if (isObj(a) && isObj(b)) {
      const sub = diffMaps(a, b, fieldItemType(type, key), mode)
      if (Object.keys(sub).length > 0) patch[key] = sub
      continue
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      const mergeKey = listMergeKey(type, key)
      if (mergeKey !== undefined && a.every(isObj) && b.every(isObj)) {
        const sub = diffList(a, b, mergeKey, fieldItemType(type, key), mode)
        if (sub.length > 0) {
          patch[`$setElementOrder/${key}`] = b.map((item) => ({ [mergeKey]: item[mergeKey] }))
          patch[key] = sub
        }
        continue
      }
    }
    if (!mode.ignoreChangesAndAdditions && !sameJson(a, b)) patch[key] = b
  }
  if (!mode.ignoreDeletions)
    for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null
  return patch
}

function diffList(
  from: Obj[],
  to: Obj[],
  mergeKey: string,
  type: string | undefined,
  mode: DiffMode,
): Obj[] {
  const out: Obj[] = []
  for (const item of to) {
    const match = from.find((f) => sameJson(f[mergeKey], item[mergeKey]))
    if (match === undefined) {
      if (!mode.ignoreChangesAndAdditions) out.push(item)
      continue
    }
    const sub = diffMaps(match, item, type, mode)
    if (Object.keys(sub).length > 0) out.push({ [mergeKey]: item[mergeKey], ...sub })
  }
  if (!mode.ignoreDeletions)
    for (const item of from)
      if (!to.some((t) => sameJson(t[mergeKey], item[mergeKey])))
        out.push({ $patch: 'delete', [mergeKey]: item[mergeKey] })
  return out
}

function mergePatches(a: Obj, b: Obj): Obj {
  const out: Obj = { ...a }
  for (const [k, v] of Object.entries(b)) {
    const existing = out[k]
    out[k] = isObj(existing) && isObj(v) ? mergePatches(existing, v) : v
  }
  return out
}

/**
 * The strategic merge patch from `current` to `modified`, deleting what `original` (the last
 * applied configuration, or undefined) had and `modified` dropped. `{}` means unchanged.
 */
export function threeWayPatch(
  original: Obj | undefined,
  modified: Obj,
  current: Obj,
  apiVersion: string,
  kind: string,
): Obj {
  const type = schemaTypeOf(apiVersion, kind)
  const delta = diffMaps(current, modified, type, {
    ignoreDeletions: true,
    ignoreChangesAndAdditions: false,
  })
  if (original === undefined) return delta
  const deletions = diffMaps(original, modified, type, {
    ignoreDeletions: false,
    ignoreChangesAndAdditions: true,
  })
  return mergePatches(deletions, delta)
}
