/**
 * The Docker Engine API, answered from Quai's simulated daemon: the real docker CLI (28.2.2,
 * API 1.50) talks to this through a loopback HTTP host (src/cli/api-server.ts) and prints what
 * Quai's own docker CLI prints for the same state.
 * https://docs.docker.com/reference/api/engine/version/v1.50/
 */
import type { DockerEngine } from '../../docker/engine/engine'
import { DAEMON_VERSION } from '../../docker/engine/system-info'
import * as containers from './containers'
import { errorResponse, type DockerApiRequest, type DockerApiResponse } from './http'
import * as images from './images'
import * as networks from './networks'
import * as system from './system'
import * as volumes from './volumes'

export type { DockerApiRequest, DockerApiResponse } from './http'

export interface DockerApiContext {
  engine: DockerEngine
  /** The virtual clock's now (info's SystemTime). */
  nowMs: number
}

type Handler = (
  ctx: DockerApiContext,
  request: DockerApiRequest,
  params: string[],
) => DockerApiResponse | Promise<DockerApiResponse>

interface Route {
  method: string
  pattern: RegExp
  handler: Handler
}

const route = (method: string, pattern: string, handler: Handler): Route => ({
  method,
  pattern: new RegExp(`^${pattern}$`),
  handler,
})

// Names may hold slashes (`images/library/nginx:latest/json`), ids may not.
const NAME = '(.+)'
const ID = '([^/]+)'

const ROUTES: readonly Route[] = [
  route('GET', '/_ping', (_c, r) => system.ping(r.method)),
  route('HEAD', '/_ping', (_c, r) => system.ping(r.method)),
  route('GET', '/version', (c) => system.version(c.engine)),
  route('GET', '/info', (c) => system.info(c.engine, c.nowMs)),
  route('GET', '/events', (c, r) => system.events(c.engine, r)),
  route('GET', '/system/df', (c, r) => system.systemDf(c.engine, r)),
  route('POST', '/build/prune', () => system.buildPrune()),

  route('GET', '/containers/json', (c, r) => containers.listContainers(c.engine, r)),
  route('POST', '/containers/create', (c, r) => containers.createContainer(c.engine, r)),
  route('POST', '/containers/prune', (c, r) => containers.pruneContainers(c.engine, r)),
  route('GET', `/containers/${ID}/json`, (c, r, [id = '']) =>
    containers.inspectContainer(c.engine, id, r),
  ),
  route('GET', `/containers/${ID}/logs`, (c, r, [id = '']) =>
    containers.containerLogs(c.engine, id, r),
  ),
  route('GET', `/containers/${ID}/top`, (c, r, [id = '']) =>
    containers.topContainer(c.engine, id, r),
  ),
  route('POST', `/containers/${ID}/start`, (c, _r, [id = '']) =>
    containers.startContainer(c.engine, id),
  ),
  route('POST', `/containers/${ID}/stop`, (c, r, [id = '']) =>
    containers.stopContainer(c.engine, id, r),
  ),
  route('POST', `/containers/${ID}/restart`, (c, _r, [id = '']) =>
    containers.restartContainer(c.engine, id),
  ),
  route('POST', `/containers/${ID}/kill`, (c, r, [id = '']) =>
    containers.killContainer(c.engine, id, r),
  ),
  route('POST', `/containers/${ID}/pause`, (c, _r, [id = '']) =>
    containers.pauseContainer(c.engine, id),
  ),
  route('POST', `/containers/${ID}/unpause`, (c, _r, [id = '']) =>
    containers.unpauseContainer(c.engine, id),
  ),
  route('POST', `/containers/${ID}/wait`, (c, r, [id = '']) =>
    containers.waitContainer(c.engine, id, r),
  ),
  route('POST', `/containers/${ID}/rename`, (c, r, [id = '']) =>
    containers.renameContainer(c.engine, id, r),
  ),
  route('DELETE', `/containers/${ID}`, (c, r, [id = '']) =>
    containers.removeContainer(c.engine, id, r),
  ),

  route('GET', '/images/json', (c, r) => images.listImages(c.engine, r)),
  route('POST', '/images/create', (c, r) => images.pullImage(c.engine, r)),
  route('POST', '/images/prune', (c, r) => images.pruneImages(c.engine, r)),
  route('GET', `/images/${NAME}/json`, (c, _r, [name = '']) => images.inspectImage(c.engine, name)),
  route('GET', `/images/${NAME}/history`, (c, _r, [name = '']) =>
    images.imageHistory(c.engine, name),
  ),
  route('POST', `/images/${NAME}/tag`, (c, r, [name = '']) => images.tagImage(c.engine, name, r)),
  route('DELETE', `/images/${NAME}`, (c, r, [name = '']) => images.removeImage(c.engine, name, r)),

  route('GET', '/networks', (c, r) => networks.listNetworks(c.engine, r)),
  route('POST', '/networks/create', (c, r) => networks.createNetwork(c.engine, r)),
  route('POST', '/networks/prune', (c, r) => networks.pruneNetworks(c.engine, r)),
  route('GET', `/networks/${ID}`, (c, _r, [id = '']) => networks.inspectNetwork(c.engine, id)),
  route('DELETE', `/networks/${ID}`, (c, _r, [id = '']) => networks.removeNetwork(c.engine, id)),
  route('POST', `/networks/${ID}/connect`, (c, r, [id = '']) =>
    networks.connectNetwork(c.engine, id, r),
  ),
  route('POST', `/networks/${ID}/disconnect`, (c, r, [id = '']) =>
    networks.disconnectNetwork(c.engine, id, r),
  ),

  route('GET', '/volumes', (c, r) => volumes.listVolumes(c.engine, r)),
  route('POST', '/volumes/create', (c, r) => volumes.createVolume(c.engine, r)),
  route('POST', '/volumes/prune', (c, r) => volumes.pruneVolumes(c.engine, r)),
  route('GET', `/volumes/${NAME}`, (c, _r, [name = '']) => volumes.inspectVolume(c.engine, name)),
  route('DELETE', `/volumes/${NAME}`, (c, r, [name = '']) =>
    volumes.removeVolume(c.engine, name, r),
  ),
]

/** The daemon's response headers on every answer (moby VersionMiddleware, experimental). */
function daemonHeaders(): Record<string, string> {
  return {
    'Api-Version': DAEMON_VERSION.apiVersion,
    'Docker-Experimental': 'false',
    Ostype: 'linux',
    Server: `Docker/${DAEMON_VERSION.version} (linux)`,
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

function decodeSegment(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * Answers one request. `/v1.50/…` and unversioned paths both work; a version outside
 * 1.24…1.50 gets the daemon's 400.
 */
export async function handleDockerApi(
  engine: DockerEngine,
  request: DockerApiRequest,
  nowMs: number = engine.services.clock.now(),
): Promise<DockerApiResponse> {
  const response = await dispatch({ engine, nowMs }, request)
  return { ...response, headers: { ...daemonHeaders(), ...response.headers } }
}

async function dispatch(
  ctx: DockerApiContext,
  request: DockerApiRequest,
): Promise<DockerApiResponse> {
  let path = request.path.replace(/\/+$/, '') || '/'
  const versioned = /^\/v([0-9]+(?:\.[0-9]+)*)(\/.*)$/.exec(path)
  if (versioned) {
    const wanted = versioned[1] ?? ''
    path = versioned[2] ?? '/'
    if (compareVersions(wanted, DAEMON_VERSION.minApiVersion) < 0)
      return errorResponse(
        400,
        `client version ${wanted} is too old. Minimum supported API version is ${DAEMON_VERSION.minApiVersion}, please upgrade your client to a newer version`,
      )
    if (compareVersions(wanted, DAEMON_VERSION.apiVersion) > 0)
      return errorResponse(
        400,
        `client version ${wanted} is too new. Maximum supported API version is ${DAEMON_VERSION.apiVersion}`,
      )
  }
  for (const candidate of ROUTES) {
    if (candidate.method !== request.method) continue
    const m = candidate.pattern.exec(path)
    if (!m) continue
    return candidate.handler(ctx, request, m.slice(1).map(decodeSegment))
  }
  return errorResponse(404, 'page not found')
}
