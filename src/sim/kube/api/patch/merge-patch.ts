/**
 * RFC 7386 JSON merge patch (`kubectl patch --type merge`): objects merge key by key, `null`
 * deletes, anything else (lists included) replaces.
 */
type Json = unknown

const isObj = (v: unknown): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export function applyMergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return patch === undefined ? target : structuredCopy(patch)
  const out: Record<string, Json> = isObj(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = applyMergePatch(out[k], v)
  }
  return out
}

const structuredCopy = (v: Json): Json => JSON.parse(JSON.stringify(v)) as Json
