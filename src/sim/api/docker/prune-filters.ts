import type { DockerEngine } from '../../docker/engine/engine'
import { filterTimestamp } from '../../docker/engine/image-list'
import type { FilterArgs } from './filters'

export interface PruneFilterValues {
  labels: string[]
  notLabels: string[]
  untilMs?: number
}

/**
 * The filters of the prune endpoints (moby daemon/prune.go): `label`, `label!` and, where the
 * endpoint takes it, `until` (a timestamp or a Go duration before now).
 */
export function pruneFilterValues(
  engine: DockerEngine,
  filters: FilterArgs,
  accepted: readonly string[],
): { ok: true; value: PruneFilterValues } | { ok: false; message: string } {
  const value: PruneFilterValues = { labels: [], notLabels: [] }
  for (const [key, values] of filters) {
    if (!accepted.includes(key)) return { ok: false, message: `invalid filter '${key}'` }
    if (key === 'label') value.labels.push(...values)
    if (key === 'label!') value.notLabels.push(...values)
    if (key === 'until')
      for (const v of values) {
        const ms = filterTimestamp(v, engine.services.clock.now())
        if (ms === undefined)
          return { ok: false, message: `failed to parse value as time or duration: "${v}"` }
        value.untilMs = ms
      }
  }
  return { ok: true, value }
}

/** A `label` filter (`key` or `key=value`) against labels. */
export function hasLabel(labels: Readonly<Record<string, string>> | null, filter: string): boolean {
  const present = labels ?? {}
  const eq = filter.indexOf('=')
  if (eq === -1) return filter in present
  return present[filter.slice(0, eq)] === filter.slice(eq + 1)
}
