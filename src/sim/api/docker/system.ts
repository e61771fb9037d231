/** /_ping, /version, /info, /events and /system/df (moby api/server/router/system). */
import type { EventMessage } from '../../docker/engine/api-types'
import type { DockerEngine } from '../../docker/engine/engine'
import { diskUsage, systemInfo, systemVersion } from '../../docker/engine/system-info'
import { matchesAny, matchesLabels, parseFilterJson, unacceptedFilter } from './filters'
import { errorResponse, jsonResponse, type DockerApiRequest, type DockerApiResponse } from './http'
import { parseApiTimestamp } from './timestamps'
import { wireJsonLine } from './wire-json'

/** GET/HEAD /_ping: "OK", no-cache headers, and what the client negotiates with. */
export function ping(method: string): DockerApiResponse {
  const headers: Record<string, string> = {
    'Cache-Control': 'no-cache, no-store, must-revalidate',
    Pragma: 'no-cache',
    'Builder-Version': '2',
    Swarm: 'inactive',
    'Content-Type': 'text/plain; charset=utf-8',
  }
  if (method === 'HEAD')
    return { status: 200, headers: { ...headers, 'Content-Length': '0' }, body: '' }
  return { status: 200, headers, body: 'OK' }
}

export function version(engine: DockerEngine): DockerApiResponse {
  return jsonResponse(200, systemVersion(engine))
}

export function info(engine: DockerEngine, nowMs: number): DockerApiResponse {
  return jsonResponse(200, systemInfo(engine, nowMs))
}

const DF_TYPES = new Set(['container', 'image', 'volume', 'build-cache'])

/** GET /system/df, optionally narrowed by `type` (API 1.42+). */
export function systemDf(engine: DockerEngine, request: DockerApiRequest): DockerApiResponse {
  const usage = diskUsage(engine)
  const type = request.query.type
  if (type === undefined || type === '') return jsonResponse(200, usage)
  if (!DF_TYPES.has(type)) return errorResponse(400, `unknown object type: ${type}`)
  return jsonResponse(200, {
    ...(type === 'image' ? { LayersSize: usage.LayersSize, Images: usage.Images } : {}),
    ...(type === 'container' ? { Containers: usage.Containers } : {}),
    ...(type === 'volume' ? { Volumes: usage.Volumes } : {}),
    ...(type === 'build-cache' ? { BuildCache: usage.BuildCache } : {}),
  })
}

const EVENT_FILTERS = new Set([
  'config',
  'container',
  'daemon',
  'event',
  'image',
  'label',
  'network',
  'node',
  'plugin',
  'scope',
  'secret',
  'service',
  'type',
  'volume',
])

/** The deprecated top-level fields the daemon still fills for container and image events. */
function wireEvent(event: EventMessage): Record<string, unknown> {
  const legacy =
    event.Type === 'container'
      ? {
          status: event.Action,
          id: event.Actor.ID,
          from: event.Actor.Attributes.image,
        }
      : event.Type === 'image'
        ? { status: event.Action, id: event.Actor.ID }
        : {}
  return {
    ...legacy,
    Type: event.Type,
    Action: event.Action,
    Actor: event.Actor,
    scope: event.scope,
    time: event.time,
    timeNano: event.timeNano,
  }
}

function eventMatches(
  event: EventMessage,
  filters: ReturnType<typeof parseFilterJson> & { ok: true },
): boolean {
  const f = filters.value
  const exact = (key: string, subject: string, alt?: string): boolean => {
    const values = f.get(key)
    return (
      values === undefined || values.length === 0 || values.some((v) => v === subject || v === alt)
    )
  }
  const action = event.Action.split(':')[0] ?? event.Action
  const name = event.Actor.Attributes.name
  const byActor = (type: EventMessage['Type']): boolean =>
    event.Type !== type || exact(type, event.Actor.ID, name) || matchesAny(f, type, event.Actor.ID)
  return (
    exact('type', event.Type) &&
    (exact('event', event.Action) || exact('event', action)) &&
    exact('scope', event.scope) &&
    matchesLabels(f, 'label', event.Actor.Attributes) &&
    (f.get('container') === undefined || (event.Type === 'container' && byActor('container'))) &&
    (f.get('image') === undefined ||
      exact('image', event.Actor.Attributes.image ?? event.Actor.ID, event.Actor.ID)) &&
    (f.get('network') === undefined || (event.Type === 'network' && byActor('network'))) &&
    (f.get('volume') === undefined || (event.Type === 'volume' && byActor('volume')))
  )
}

/**
 * GET /events without following: the buffered events between `since` and `until` (both
 * inclusive), one JSON object per line, then the end of the stream.
 */
export function events(engine: DockerEngine, request: DockerApiRequest): DockerApiResponse {
  const since = parseApiTimestamp(request.query.since)
  if (!since.ok) return errorResponse(400, since.message)
  const until = parseApiTimestamp(request.query.until)
  if (!until.ok) return errorResponse(400, until.message)
  if (since.ms !== undefined && until.ms !== undefined && until.ms < since.ms)
    return errorResponse(
      400,
      `\`since\` time (${request.query.since ?? ''}) cannot be after \`until\` time (${request.query.until ?? ''})`,
    )
  const filters = parseFilterJson(request.query.filters)
  if (!filters.ok) return errorResponse(400, filters.message)
  const unaccepted = unacceptedFilter(filters.value, EVENT_FILTERS)
  if (unaccepted !== undefined) return errorResponse(400, unaccepted)
  // The daemon replays buffered events only when a since or until was given.
  const buffered =
    since.ms === undefined && until.ms === undefined
      ? []
      : engine.events
          .all()
          .filter(
            (e) =>
              (since.ms === undefined || e.timeNano / 1_000_000 >= since.ms) &&
              (until.ms === undefined || e.timeNano / 1_000_000 <= until.ms) &&
              eventMatches(e, filters),
          )
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: buffered.map((e) => wireJsonLine(wireEvent(e))),
  }
}

/**
 * POST /build/prune (`docker system prune`, `docker builder prune`): Quai keeps no build cache
 * apart from images, so there is never anything to reclaim.
 */
export function buildPrune(): DockerApiResponse {
  return jsonResponse(200, { CachesDeleted: null, SpaceReclaimed: 0 })
}
