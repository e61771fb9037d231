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
  // before/since name a container: keep those created before (after) it, by creation order.
  const order = engine.allContainers().map((c) => c.id)
  const position = (ref: string): number | undefined => {
    const found = engine.findContainer(ref)
    return found === undefined ? undefined : order.indexOf(found.id)
  }
  for (const key of ['before', 'since'])
    for (const ref of filters.get(key) ?? [])
      if (position(ref) === undefined) return { ok: false, error: `No such container: ${ref}` }
  // publish= matches host (published) ports, expose= container ports; both take ranges.
  const inSpec = (spec: string, port: number | undefined, type: string): boolean => {
    const [range = '', proto = 'tcp'] = spec.split('/')
    const [low = '', high = low] = range.split('-')
    return port !== undefined && proto === type && port >= Number(low) && port <= Number(high)
  }
  const publishes = (c: ContainerSummary, spec: string): boolean =>
    c.Ports.some((p) => inSpec(spec, p.PublicPort, p.Type))
  const exposes = (c: ContainerSummary, spec: string): boolean =>
    c.Ports.some((p) => inSpec(spec, p.PrivatePort, p.Type))
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
        (filters.get('before') ?? []).every((ref) => order.indexOf(c.Id) > (position(ref) ?? -1)) &&
        (filters.get('since') ?? []).every((ref) => order.indexOf(c.Id) < (position(ref) ?? -1)) &&
        any('publish', (p) => publishes(c, p)) &&
        any('expose', (p) => exposes(c, p)) &&
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
