/** /images/… of the Engine API (moby api/server/router/image). */
import type { DockerEngine } from '../../docker/engine/engine'
import { DaemonError } from '../../docker/engine/errors'
import { listImagesFiltered } from '../../docker/engine/image-list'
import * as imageOps from '../../docker/engine/image-ops'
import {
  parseNormalizedNamed,
  tagNameOnly,
  type NamedReference,
} from '../../docker/images/reference'
import type { PullResult } from '../../docker/engine/engine'
import { parseFilterJson } from './filters'
import { pruneFilterValues } from './prune-filters'
import {
  daemonErrorResponse,
  emptyResponse,
  errorResponse,
  jsonResponse,
  queryBool,
  type DockerApiRequest,
  type DockerApiResponse,
} from './http'
import { wireJsonLine } from './wire-json'

/** GET /images/json (moby daemon/images/images.go Images, as the engine applies it). */
export function listImages(engine: DockerEngine, request: DockerApiRequest): DockerApiResponse {
  const filters = parseFilterJson(request.query.filters)
  if (!filters.ok) return errorResponse(400, filters.message)
  const listed = listImagesFiltered(engine, filters.value)
  return listed.ok ? jsonResponse(200, listed.value) : daemonErrorResponse(listed.error)
}

/** GET /images/{name}/json: by tag, id, id prefix or digest reference (`nginx@sha256:…`). */
export function inspectImage(engine: DockerEngine, name: string): DockerApiResponse {
  const found = engine.inspectImage(name)
  if (found.ok) return jsonResponse(200, found.value)
  const byDigest = imageOps.lookupImage(engine, name)
  return byDigest
    ? jsonResponse(200, engine.images.inspect(byDigest))
    : daemonErrorResponse(found.error)
}

/** Layers downloaded at once, as the daemon's default max-concurrent-downloads (3). */
const CONCURRENT_DOWNLOADS = 3

/**
 * The JSON messages of a pull (moby distribution/pull_v2.go through the progress streams): each
 * layer's status, `Downloading`/`Extracting` with byte counts (only a terminal shows those, as
 * bars), then the digest and the verdict. The order is the one Quai's own `docker pull` prints.
 */
export function pullMessages(result: PullResult, ref: NamedReference): Record<string, unknown>[] {
  const from =
    ref.digest !== undefined && ref.tag === undefined ? ref.digest : (ref.tag ?? 'latest')
  const messages: Record<string, unknown>[] = [{ status: `Pulling from ${ref.path}`, id: from }]
  const layers = result.downloaded ? result.layers : []
  const sizes = imageOps.layerSizes(result.image)
  const sizeOf = (id: string): number => sizes[result.layers.findIndex((l) => l.id === id)] ?? 0
  const status = (id: string, text: string, current?: number): Record<string, unknown> => ({
    status: text,
    progressDetail: current === undefined ? {} : { current, total: sizeOf(id) },
    id,
  })
  const fresh = layers.filter((l) => !l.existed)
  for (const layer of layers)
    messages.push(status(layer.id, layer.existed ? 'Already exists' : 'Pulling fs layer'))
  for (const layer of fresh.slice(CONCURRENT_DOWNLOADS)) messages.push(status(layer.id, 'Waiting'))
  for (const layer of fresh)
    messages.push(
      status(layer.id, 'Downloading', sizeOf(layer.id)),
      status(layer.id, 'Verifying Checksum'),
      status(layer.id, 'Download complete'),
    )
  for (const layer of fresh)
    messages.push(
      status(layer.id, 'Extracting', sizeOf(layer.id)),
      status(layer.id, 'Pull complete'),
    )
  messages.push({ status: `Digest: ${result.digest}` })
  messages.push({
    status: result.downloaded
      ? `Status: Downloaded newer image for ${result.familiar}`
      : `Status: Image is up to date for ${result.familiar}`,
  })
  return messages
}

/**
 * POST /images/create?fromImage=…&tag=…: a pull. A failure before any progress is the
 * daemon's error status; otherwise the JSON progress messages the CLI displays.
 */
export function pullImage(engine: DockerEngine, request: DockerApiRequest): DockerApiResponse {
  const from = request.query.fromImage ?? ''
  const tag = request.query.tag ?? ''
  if (from === '')
    return errorResponse(400, 'importing an image (fromSrc) is not simulated: use docker pull')
  const wanted = tag === '' ? from : tag.startsWith('sha256:') ? `${from}@${tag}` : `${from}:${tag}`
  const parsed = parseNormalizedNamed(wanted)
  if (!parsed.ok) return errorResponse(400, parsed.error.message)
  const pulled = engine.pull(wanted)
  if (!pulled.ok) {
    const error = pulled.error
    return error instanceof DaemonError
      ? daemonErrorResponse(error)
      : errorResponse(400, error.message)
  }
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: pullMessages(pulled.value, tagNameOnly(parsed.value)).map((m) => wireJsonLine(m)),
  }
}

/** GET /images/{name}/history */
export function imageHistory(engine: DockerEngine, name: string): DockerApiResponse {
  const history = imageOps.imageHistory(engine, name)
  return history.ok ? jsonResponse(200, history.value) : daemonErrorResponse(history.error)
}

/** POST /images/{name}/tag?repo=…&tag=…: 201 and no body. */
export function tagImage(
  engine: DockerEngine,
  name: string,
  request: DockerApiRequest,
): DockerApiResponse {
  const repo = request.query.repo ?? ''
  const tag = request.query.tag ?? ''
  const target = parseNormalizedNamed(tag === '' ? repo : `${repo}:${tag}`)
  if (!target.ok) return errorResponse(400, target.error.message)
  const tagged = imageOps.tagImage(engine, name, target.value)
  return tagged.ok ? emptyResponse(201) : daemonErrorResponse(tagged.error)
}

/** DELETE /images/{name}?force=…: the Untagged/Deleted records. */
export function removeImage(
  engine: DockerEngine,
  name: string,
  request: DockerApiRequest,
): DockerApiResponse {
  const removed = imageOps.removeImage(engine, name, { force: queryBool(request.query, 'force') })
  return removed.ok ? jsonResponse(200, removed.value) : daemonErrorResponse(removed.error)
}

/** POST /images/prune: dangling images, or every unused one with `dangling=false` (prune -a). */
export function pruneImages(engine: DockerEngine, request: DockerApiRequest): DockerApiResponse {
  const filters = parseFilterJson(request.query.filters)
  if (!filters.ok) return errorResponse(400, filters.message)
  const dangling = filters.value.get('dangling') ?? []
  const all = dangling.includes('false') || dangling.includes('0')
  const rest = new Map(filters.value)
  rest.delete('dangling')
  const values = pruneFilterValues(engine, rest, ['label', 'label!', 'until'])
  if (!values.ok) return errorResponse(400, values.message)
  const report = imageOps.pruneImages(engine, { all })
  return jsonResponse(200, {
    ImagesDeleted: report.deleted.length === 0 ? null : report.deleted,
    SpaceReclaimed: report.reclaimed,
  })
}
