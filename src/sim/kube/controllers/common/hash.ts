/**
 * controller.ComputeHash: FNV-32a over the pod template (plus collisionCount as 4 little-endian
 * bytes), printed in decimal and mapped through rand.SafeEncodeString. Real hashes therefore only
 * use the ten characters the digits '0'-'9' land on (`5d8f9c7b6`, `668d6bf9bc`). Upstream hashes a
 * spew dump of the Go struct; Quai hashes canonical JSON: different values, same shape and
 * properties (deterministic, changes with the template).
 */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

function utf8(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

export function fnv32a(bytes: readonly number[]): number {
  let h = 0x811c9dc5
  for (const b of bytes) {
    h ^= b & 0xff
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** rand.SafeEncodeString: each byte picks a character of the vowel-free alphabet. */
export function safeEncode(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++)
    out += SAFE_ALPHABET.charAt(text.charCodeAt(i) % SAFE_ALPHABET.length)
  return out
}

/** The pod-template-hash of a template (8 to 10 characters). */
export function computeHash(template: unknown, collisionCount?: number): string {
  const bytes = utf8(canonicalJson(template))
  if (collisionCount !== undefined) {
    const c = collisionCount >>> 0
    bytes.push(c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, (c >>> 24) & 0xff)
  }
  return safeEncode(String(fnv32a(bytes)))
}
