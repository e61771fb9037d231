/** /volumes/… of the Engine API (moby api/server/router/volume). */
import type { DockerEngine } from '../../docker/engine/engine'
import { daemonErrors } from '../../docker/engine/errors'
import * as volumeOps from '../../docker/engine/volume-ops'
import { parseFilterJson } from './filters'
import {
  daemonErrorResponse,
  emptyResponse,
  errorResponse,
  isRecord,
  jsonResponse,
  parseBody,
  queryBool,
  type DockerApiRequest,
  type DockerApiResponse,
} from './http'
import { pruneFilterValues } from './prune-filters'

/** GET /volumes: `{"Volumes": […], "Warnings": null}`. */
export function listVolumes(engine: DockerEngine, request: DockerApiRequest): DockerApiResponse {
  const filters = parseFilterJson(request.query.filters)
  if (!filters.ok) return errorResponse(400, filters.message)
  const listed = volumeOps.listVolumes(engine, filters.value)
  if (!listed.ok) return daemonErrorResponse(listed.error)
  return jsonResponse(200, { Volumes: listed.value, Warnings: null })
}

export function inspectVolume(engine: DockerEngine, name: string): DockerApiResponse {
  const found = engine.volumes.get(name)
  if (!found) return daemonErrorResponse(daemonErrors.noSuchVolume(name))
  return jsonResponse(200, found.volume)
}

/** POST /volumes/create: the volume, 201. */
export function createVolume(engine: DockerEngine, request: DockerApiRequest): DockerApiResponse {
  const body = parseBody(request)
  if (!body.ok) return body.response
  if (!isRecord(body.value)) return errorResponse(400, 'invalid JSON: body must be an object')
  const spec = body.value
  const labels: Record<string, string> = {}
  if (isRecord(spec.Labels))
    for (const [k, v] of Object.entries(spec.Labels)) if (typeof v === 'string') labels[k] = v
  const created = volumeOps.createVolume(engine, {
    ...(typeof spec.Name === 'string' ? { name: spec.Name } : {}),
    ...(typeof spec.Driver === 'string' ? { driver: spec.Driver } : {}),
    labels,
  })
  return created.ok ? jsonResponse(201, created.value) : daemonErrorResponse(created.error)
}

export function removeVolume(
  engine: DockerEngine,
  name: string,
  request: DockerApiRequest,
): DockerApiResponse {
  const removed = volumeOps.removeVolume(engine, name, { force: queryBool(request.query, 'force') })
  return removed.ok ? emptyResponse(204) : daemonErrorResponse(removed.error)
}

/** POST /volumes/prune: anonymous volumes, or all unused ones with the `all` filter (API 1.42+). */
export function pruneVolumes(engine: DockerEngine, request: DockerApiRequest): DockerApiResponse {
  const filters = parseFilterJson(request.query.filters)
  if (!filters.ok) return errorResponse(400, filters.message)
  const all = (filters.value.get('all') ?? []).some((v) => v === 'true' || v === '1')
  const values = pruneFilterValues(engine, filters.value, ['label', 'label!', 'all'])
  if (!values.ok) return errorResponse(400, values.message)
  return jsonResponse(200, volumeOps.pruneVolumes(engine, { all, ...values.value }))
}
