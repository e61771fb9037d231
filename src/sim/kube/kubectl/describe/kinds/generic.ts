/**
 * The generic describer kubectl falls back to for kinds without their own (Lease, Event, …):
 * Name/Namespace/Labels/Annotations, then every other field of the object, sorted, with its
 * name turned into words (`holderIdentity` → `Holder Identity`).
 */
import type { KubeObject } from '../../../api/object'
import { describing } from '../describer'
import { eventsSection } from '../events'
import { printAnnotationsMultiline, printLabelsMultiline } from '../format'
import { LEVEL_0, tabbedString, type PrefixWriter } from '../prefix-writer'

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID'])

/** fatih/camelcase.Split: runs of lower, upper, digit and other characters; `HTTPServer` → HTTP, Server. */
function camelSplit(s: string): string[] {
  const classOf = (ch: string): number =>
    /\p{Ll}/u.test(ch) ? 1 : /\p{Lu}/u.test(ch) ? 2 : /\p{Nd}/u.test(ch) ? 3 : 4
  const runs: string[][] = []
  let last = 0
  for (const ch of s) {
    const c = classOf(ch)
    if (c === last && runs.length > 0) runs[runs.length - 1]?.push(ch)
    else runs.push([ch])
    last = c
  }
  // An upper-case run followed by a lower-case one gives its last letter to the next word.
  for (let i = 0; i < runs.length - 1; i++) {
    const run = runs[i] ?? []
    const next = runs[i + 1] ?? []
    if (classOf(run[0] ?? '') === 2 && classOf(next[0] ?? '') === 1) {
      const moved = run.pop()
      if (moved !== undefined) next.unshift(moved)
    }
  }
  return runs.map((r) => r.join('')).filter((r) => r.length > 0)
}

/** smartLabelFor. */
export function smartLabel(field: string): string {
  if ([...field].some((ch) => !/\p{L}/u.test(ch) && ch !== '-')) return field
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) =>
      ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1),
    )
    .join(' ')
}

/** Go's `%v` of a decoded JSON value. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (typeof v === 'object') return Array.isArray(v) ? `[${v.map(goValue).join(' ')}]` : 'map[]'
  return String(v)
}

const SKIP = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
])

function printContent(
  w: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  prefix: string,
): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field]
    const path = `${prefix}.${field}`
    if (SKIP.has(path)) continue
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`)
      printContent(w, level + 1, value as Record<string, unknown>, path)
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`)
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child))
          printContent(w, level + 1, child as Record<string, unknown>, path)
        else w.write(level + 1, `${goValue(child)}\n`)
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${goValue(value)}\n`)
    }
  }
}

export const describeGeneric = describing<KubeObject>((o, ctx) =>
  tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${o.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${o.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', o.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', o.metadata.annotations)
    printContent(w, LEVEL_0, o as unknown as Record<string, unknown>, '')
    eventsSection(ctx, o, w)
  }),
)
