import { isPlainObject, Tagged } from './interpolate'
import { setKey } from './yaml-parse'

/**
 * Compose's merge of one document over another (several -f files, override files, multi-doc
 * files, `extends`): mappings merge key by key, the override's scalars win, sequences append
 * (without duplicates) except `command`, `entrypoint` and `healthcheck.test` which are replaced,
 * and the keyed sequences: volumes by target, secrets/configs by source, env_file by path.
 * `!reset` removes what was there, `!override` replaces it whole.
 */

type Dict = Record<string, unknown>

const REPLACED = new Set(['command', 'entrypoint', 'test'])

const KEYED: Record<string, (item: unknown) => string | undefined> = {
  volumes: (v) => (isPlainObject(v) && typeof v.target === 'string' ? v.target : undefined),
  secrets: (v) => (isPlainObject(v) && typeof v.source === 'string' ? v.source : undefined),
  configs: (v) => (isPlainObject(v) && typeof v.source === 'string' ? v.source : undefined),
  env_file: (v) => (isPlainObject(v) && typeof v.path === 'string' ? v.path : undefined),
}

/** Removes merge tags, keeping the tagged values (a first document has nothing to reset). */
export function stripTags(value: unknown): unknown {
  if (value instanceof Tagged) return value.tag === 'reset' ? undefined : stripTags(value.value)
  if (Array.isArray(value)) return value.map(stripTags).filter((v) => v !== undefined)
  if (isPlainObject(value)) {
    const out: Dict = {}
    for (const [k, v] of Object.entries(value)) {
      const s = stripTags(v)
      if (s !== undefined) setKey(out, k, s)
    }
    return out
  }
  return value
}

export function mergeDocuments(base: Dict, override: Dict): Dict {
  return mergeValue(base, override, '') as Dict
}

function mergeValue(base: unknown, over: unknown, key: string): unknown {
  if (over instanceof Tagged) {
    return over.tag === 'reset' ? undefined : stripTags(over.value)
  }
  if (base === undefined) return stripTags(over)
  if (over === undefined) return base
  if (isPlainObject(base) && isPlainObject(over)) {
    const out: Dict = { ...base }
    for (const [k, v] of Object.entries(over)) {
      const merged = mergeValue(base[k], v, k)
      if (merged === undefined) delete out[k]
      else setKey(out, k, merged)
    }
    return out
  }
  if (Array.isArray(base) && Array.isArray(over)) {
    if (REPLACED.has(key)) return stripTags(over)
    const keyOf = KEYED[key]
    const result = [...base]
    for (const raw of over) {
      const item = stripTags(raw)
      if (item === undefined) continue
      const k = keyOf?.(item)
      const at = k === undefined ? -1 : result.findIndex((r) => keyOf?.(r) === k)
      if (at >= 0)
        result[at] =
          isPlainObject(result[at]) && isPlainObject(item) ? { ...result[at], ...item } : item
      else if (!result.some((r) => deepEqual(r, item))) result.push(item)
    }
    return result
  }
  return stripTags(over)
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a)
    const kb = Object.keys(b)
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]))
  }
  return false
}
