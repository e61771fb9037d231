import type { DockerEngine } from '../engine/engine'
import { filterTimestamp } from '../engine/image-list'
import { parseFilters } from './filters'

export interface PruneFilters {
  labels: string[]
  notLabels: string[]
  untilMs?: number
}

/**
 * The `--filter` of the prune commands: `label`, `label!` and (but for volumes) `until`, as the
 * daemon accepts them; anything else is refused with its `invalid filter` message.
 */
export function pruneFilters(
  engine: DockerEngine,
  raw: readonly string[],
  accepted: readonly string[],
): { ok: true; value: PruneFilters } | { ok: false; error: string } {
  const parsed = parseFilters(raw)
  if (!parsed.ok) return { ok: false, error: parsed.error }
  const value: PruneFilters = { labels: [], notLabels: [] }
  for (const [key, values] of parsed.value) {
    if (!accepted.includes(key))
      return { ok: false, error: `Error response from daemon: invalid filter '${key}'` }
    if (key === 'label') value.labels.push(...values)
    if (key === 'label!') value.notLabels.push(...values)
    if (key === 'until')
      for (const v of values) {
        const ms = filterTimestamp(v, engine.services.clock.now())
        if (ms === undefined)
          return {
            ok: false,
            error: `Error response from daemon: failed to parse value as time or duration: "${v}"`,
          }
        value.untilMs = ms
      }
  }
  return { ok: true, value }
}

/** A prune's section of output: the title and one line per item, then a blank line. */
export function deletedSection(title: string, lines: readonly string[]): string {
  if (lines.length === 0) return ''
  return `${title}:\n${lines.map((l) => `${l}\n`).join('')}\n`
}
