import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node as YamlNode,
} from 'yaml'
import { fail } from './errors'
import { isPlainObject, Tagged } from './interpolate'

/**
 * Reads a compose file's YAML into plain values: anchors and aliases expanded, `<<` merge keys
 * applied (explicit keys win), `!reset` / `!override` kept as Tagged markers for the merge step,
 * each document of a multi-document file returned separately (Compose merges them in order).
 * Errors are framed as Compose frames go-yaml's: `failed to parse FILE: yaml: line N: …`.
 */
export function parseComposeYaml(text: string, filename: string): unknown[] {
  const lineCounter = new LineCounter()
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, merge: false })
  const out: unknown[] = []
  const list = Array.isArray(docs) ? docs : [docs]
  for (const doc of list) {
    if (doc.errors.length > 0) fail(`failed to parse ${filename}: ${syntaxMessage(doc)}`)
    if (doc.contents === null) continue
    const walker = new Walker(doc, lineCounter, filename)
    const value = walker.value(doc.contents)
    if (value === null || value === undefined) continue
    out.push(value)
  }
  return out
}

function syntaxMessage(doc: Document.Parsed): string {
  const codes = new Map(doc.errors.map((e) => [e.code, e]))
  const multi = codes.get('MULTILINE_IMPLICIT_KEY')
  const nested = codes.get('BLOCK_AS_IMPLICIT_KEY')
  if (multi)
    return `yaml: line ${multi.linePos?.[1]?.line ?? 0}: mapping values are not allowed in this context`
  if (nested)
    return `yaml: line ${nested.linePos?.[0].line ?? 0}: mapping values are not allowed in this context`
  const first = doc.errors[0]
  const line = first?.linePos?.[0].line ?? 0
  switch (first?.code) {
    case 'TAB_AS_INDENT':
      return `yaml: line ${line}: found character that cannot start any token`
    case 'MISSING_CHAR':
      return `yaml: line ${Math.max(1, line - 1)}: found unexpected end of stream`
    case 'BAD_INDENT':
      return `yaml: line ${line}: did not find expected key`
    default:
      return `yaml: line ${line}: ${(first?.message ?? 'invalid YAML').split(' at line ')[0]}`
  }
}

class Walker {
  private depth = 0

  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly filename: string,
  ) {}

  private line(node: YamlNode): number {
    return this.lines.linePos(node.range?.[0] ?? 0).line
  }

  value(node: unknown): unknown {
    // Alias bombs: go-yaml refuses excessive aliasing; a bounded depth keeps us safe too.
    if (++this.depth > 10_000) fail(`failed to parse ${this.filename}: yaml: exceeded max depth`)
    try {
      return this.convert(node)
    } finally {
      this.depth--
    }
  }

  private convert(node: unknown): unknown {
    if (isAlias(node)) return this.value(node.resolve(this.doc))
    let value: unknown
    if (isScalar(node)) value = node.value
    else if (isSeq(node)) value = node.items.map((item) => this.value(item))
    else if (isMap(node)) value = this.mapping(node)
    else value = null
    const tag = (node as { tag?: string } | null)?.tag
    if (tag === '!reset') return new Tagged('reset', value)
    if (tag === '!override') return new Tagged('override', value)
    return value
  }

  private mapping(node: YamlNode & { items: { key: unknown; value: unknown }[] }): unknown {
    const out: Record<string, unknown> = {}
    const seenAt = new Map<string, number>()
    const merged: Record<string, unknown>[] = []
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null
      const rawKey = isScalar(keyNode) ? keyNode.value : this.value(keyNode)
      if (rawKey === '<<' && isScalar(keyNode) && keyNode.type === 'PLAIN') {
        const source = this.value(pair.value)
        for (const m of Array.isArray(source) ? source : [source]) {
          if (!isPlainObject(m)) {
            fail(
              `failed to parse ${this.filename}: yaml: map merge requires map or sequence of maps as the value`,
            )
          }
          merged.push(m)
        }
        continue
      }
      const key = rawKey === null ? 'null' : String(rawKey)
      const line = keyNode ? this.line(keyNode) : 0
      const first = seenAt.get(key)
      if (first !== undefined) {
        fail(
          `failed to parse ${this.filename}: yaml: unmarshal errors:\n  line ${line}: mapping key ${JSON.stringify(key)} already defined at line ${first}`,
        )
      }
      seenAt.set(key, line)
      setKey(out, key, this.value(pair.value))
    }
    // Merge keys never override explicit keys; earlier merge sources win over later ones.
    for (const source of merged) {
      for (const [k, v] of Object.entries(source)) if (!Object.hasOwn(out, k)) setKey(out, k, v)
    }
    return out
  }
}

/** A YAML key may be `__proto__`: define it as data, never as the object's prototype. */
export function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}
