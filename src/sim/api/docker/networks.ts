/** /networks/… of the Engine API (moby api/server/router/network). */
import type { DockerEngine } from '../../docker/engine/engine'
import { daemonErrors } from '../../docker/engine/errors'
import * as networkOps from '../../docker/engine/network-ops'
import { parseFilterJson } from './filters'
import {
  daemonErrorResponse,
  emptyResponse,
  errorResponse,
  isRecord,
  jsonResponse,
  parseBody,
  type DockerApiRequest,
  type DockerApiResponse,
} from './http'
import { pruneFilterValues } from './prune-filters'

/** GET /networks: the list carries no containers since API 1.28 (only inspect does). */
export function listNetworks(engine: DockerEngine, request: DockerApiRequest): DockerApiResponse {
  const filters = parseFilterJson(request.query.filters)
  if (!filters.ok) return errorResponse(400, filters.message)
  const listed = networkOps.listNetworks(engine, filters.value)
  return listed.ok ? jsonResponse(200, listed.value) : daemonErrorResponse(listed.error)
}

export function inspectNetwork(engine: DockerEngine, ref: string): DockerApiResponse {
  const found = engine.networks.find(ref)
  if (!found) return daemonErrorResponse(daemonErrors.noSuchNetwork(ref))
  return jsonResponse(200, found.resource)
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

function stringMap(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v
  return out
}

/** POST /networks/create: `{"Id": …, "Warning": ""}` with 201. */
export function createNetwork(engine: DockerEngine, request: DockerApiRequest): DockerApiResponse {
  const body = parseBody(request)
  if (!body.ok) return body.response
  if (!isRecord(body.value)) return errorResponse(400, 'invalid JSON: body must be an object')
  const spec = body.value
  const name = text(spec.Name) ?? ''
  if (name === '') return errorResponse(400, 'invalid name: name is empty')
  const ipam = isRecord(spec.IPAM) ? spec.IPAM : {}
  const pool = Array.isArray(ipam.Config) && isRecord(ipam.Config[0]) ? ipam.Config[0] : {}
  const driver = text(spec.Driver)
  const subnet = text(pool.Subnet)
  const gateway = text(pool.Gateway)
  const labels = stringMap(spec.Labels)
  const options = stringMap(spec.Options)
  const created = networkOps.createNetwork(engine, {
    name,
    ...(driver ? { driver } : {}),
    ...(subnet ? { subnet } : {}),
    ...(gateway ? { gateway } : {}),
    internal: spec.Internal === true,
    attachable: spec.Attachable === true,
    labels: labels ?? {},
    options: options ?? {},
  })
  if (!created.ok) return daemonErrorResponse(created.error)
  return jsonResponse(201, { Id: created.value.Id, Warning: '' })
}

export function removeNetwork(engine: DockerEngine, ref: string): DockerApiResponse {
  const removed = networkOps.removeNetwork(engine, ref)
  return removed.ok ? emptyResponse(204) : daemonErrorResponse(removed.error)
}

export function connectNetwork(
  engine: DockerEngine,
  ref: string,
  request: DockerApiRequest,
): DockerApiResponse {
  const body = parseBody(request)
  if (!body.ok) return body.response
  if (!isRecord(body.value)) return errorResponse(400, 'invalid JSON: body must be an object')
  const endpoint = isRecord(body.value.EndpointConfig) ? body.value.EndpointConfig : {}
  const ipam = isRecord(endpoint.IPAMConfig) ? endpoint.IPAMConfig : {}
  const aliases = Array.isArray(endpoint.Aliases)
    ? endpoint.Aliases.filter((a): a is string => typeof a === 'string')
    : []
  const ipv4Address = text(ipam.IPv4Address)
  const connected = networkOps.connectNetwork(engine, ref, text(body.value.Container) ?? '', {
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(ipv4Address ? { ipv4Address } : {}),
  })
  return connected.ok ? emptyResponse(200) : daemonErrorResponse(connected.error)
}

export function disconnectNetwork(
  engine: DockerEngine,
  ref: string,
  request: DockerApiRequest,
): DockerApiResponse {
  const body = parseBody(request)
  if (!body.ok) return body.response
  if (!isRecord(body.value)) return errorResponse(400, 'invalid JSON: body must be an object')
  const disconnected = networkOps.disconnectNetwork(engine, ref, text(body.value.Container) ?? '', {
    force: body.value.Force === true,
  })
  return disconnected.ok ? emptyResponse(200) : daemonErrorResponse(disconnected.error)
}

/** POST /networks/prune: `{"NetworksDeleted": […] | null}`. */
export function pruneNetworks(engine: DockerEngine, request: DockerApiRequest): DockerApiResponse {
  const filters = parseFilterJson(request.query.filters)
  if (!filters.ok) return errorResponse(400, filters.message)
  const values = pruneFilterValues(engine, filters.value, ['label', 'label!', 'until'])
  if (!values.ok) return errorResponse(400, values.message)
  return jsonResponse(200, networkOps.pruneNetworks(engine, values.value))
}
