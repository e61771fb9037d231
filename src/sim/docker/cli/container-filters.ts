import type { ParseOutcome } from '../../cli-kit/go-strconv'
import type { ContainerSummary } from '../engine/api-types'
import type { DockerEngine } from '../engine/engine'
import type { Filters } from './filters'

const ACCEPTED = new Set([
  'ancestor',
  'before',
  'expose',
  'exited',
  'health',
  'id',
  'isolation',
  'is-task',
  'label',
  'name',
  'network',
  'publish',
  'since',
  'status',
  'volume',
])
const STATUSES = new Set([
  'created',
  'restarting',
  'running',
  'removing',
  'paused',
  'exited',
  'dead',
])

function labelMatches(labels: Record<string, string>, wanted: string): boolean {
  const eq = wanted.indexOf('=')
  if (eq === -1) return wanted in labels
  return labels[wanted.slice(0, eq)] === wanted.slice(eq + 1)
}

/** The daemon's container list filters (status, name, label, ancestor, id, exited, network…). */
export function filterContainers(
  engine: DockerEngine,
  list: readonly ContainerSummary[],
  filters: Filters,
): ParseOutcome<ContainerSummary[]> {
  for (const key of filters.keys())
    if (!ACCEPTED.has(key)) return { ok: false, error: `invalid filter '${key}'` }
  for (const status of filters.get('status') ?? [])
    if (!STATUSES.has(status)) return { ok: false, error: `invalid filter 'status=${status}'` }
  const any = (key: string, test: (value: string) => boolean): boolean => {
    const values = filters.get(key)
    return values === undefined || values.some(test)
  }
  return {
    ok: true,
    value: list.filter(
      (c) =>
        any('status', (s) => c.State === s) &&
        any('name', (n) => c.Names.some((name) => new RegExp(n).test(name.slice(1)))) &&
        any('id', (id) => c.Id.startsWith(id)) &&
        (filters.get('label') ?? []).every((l) => labelMatches(c.Labels, l)) &&
        any('ancestor', (a) => {
          const image = engine.findImage(a)
          return c.Image === a || (image !== undefined && image.id === c.ImageID)
        }) &&
        any('exited', (code) => c.State === 'exited' && c.Status.startsWith(`Exited (${code})`)) &&
        any('network', (n) =>
          Object.values(c.NetworkSettings.Networks).some(
            (e, i) => Object.keys(c.NetworkSettings.Networks)[i] === n || e.NetworkID.startsWith(n),
          ),
        ) &&
        any('volume', (v) => c.Mounts.some((m) => m.Name === v || m.Destination === v)) &&
        any(
          'health',
          (h) =>
            c.Status.includes(h === 'starting' ? '(health: starting)' : `(${h})`) ||
            (h === 'none' && !c.Status.includes('health')),
        ),
    ),
  }
}
