/**
 * /containers/… of the Engine API (moby api/server/router/container). Reads come from the
 * engine's API objects; every change goes through the same engine operation Quai's own docker
 * CLI calls.
 */
import { filterContainers } from '../../docker/cli/container-filters'
import type { ContainerCreateRequest, ContainerSummary } from '../../docker/engine/api-types'
import type { DockerEngine } from '../../docker/engine/engine'
import { daemonErrors } from '../../docker/engine/errors'
import { containerTop } from '../../docker/engine/container-ops'
import { pruneContainers as pruneStopped } from '../../docker/engine/container-prune'
import { withSizes } from '../../docker/engine/system-info'
import { parseFilterJson, unacceptedFilter, type FilterArgs } from './filters'
import {
  daemonErrorResponse,
  emptyResponse,
  errorResponse,
  isRecord,
  JSON_TYPE,
  jsonResponse,
  parseBody,
  queryBool,
  queryInt,
  type DockerApiRequest,
  type DockerApiResponse,
} from './http'
import { hasLabel, pruneFilterValues } from './prune-filters'
import { MULTIPLEXED_STREAM, RAW_STREAM, stdcopyFrame } from './streams'
import { parseApiTimestamp, rfc3339NanoFixed } from './timestamps'
import { wireJsonLine } from './wire-json'

const PS_FILTERS = new Set([
  'ancestor',
  'before',
  'exited',
  'id',
  'isolation',
  'label',
  'name',
  'status',
  'health',
  'since',
  'volume',
  'network',
  'is-task',
  'publish',
  'expose',
])
const STATES = new Set(['paused', 'restarting', 'running', 'removing', 'dead', 'created', 'exited'])
const HEALTH = new Set(['starting', 'healthy', 'unhealthy', 'none'])

/**
 * The `publish`/`expose` filters (moby daemon/list.go portOp): `80`, `80/udp` or a range
 * `8000-8080/tcp`, as the set of `port/proto` they name.
 */
function portFilter(
  filters: FilterArgs,
  key: 'publish' | 'expose',
): { ok: true; ports: Set<string> } | { ok: false; message: string } {
  const ports = new Set<string>()
  for (const value of filters.get(key) ?? []) {
    if (value.includes(':'))
      return { ok: false, message: `filter for '${key}' should not contain ':': ${value}` }
    const [range = '', proto = 'tcp'] = value.split('/')
    const m = /^(\d+)(?:-(\d+))?$/.exec(range)
    if (!m)
      return {
        ok: false,
        message: `error while looking up for ${key} ${value}: invalid start port '${range}': invalid syntax`,
      }
    const first = Number(m[1])
    const last = m[2] === undefined ? first : Number(m[2])
    for (let port = first; port <= last && port - first < 65536; port++)
      ports.add(`${port}/${proto}`)
  }
  return { ok: true, ports }
}

/** GET /containers/json (moby daemon/list.go: foldFilter, includeContainerInList). */
export function listContainers(engine: DockerEngine, request: DockerApiRequest): DockerApiResponse {
  const parsed = parseFilterJson(request.query.filters)
  if (!parsed.ok) return errorResponse(400, parsed.message)
  const filters = parsed.value
  const unaccepted = unacceptedFilter(filters, PS_FILTERS)
  if (unaccepted !== undefined) return errorResponse(400, unaccepted)
  const limit = queryInt(request.query, 'limit', -1)
  if (!limit.ok) return errorResponse(400, limit.message)
  let all = queryBool(request.query, 'all')
  for (const code of filters.get('exited') ?? [])
    if (!/^[+-]?\d+$/.test(code))
      return errorResponse(400, `strconv.Atoi: parsing ${JSON.stringify(code)}: invalid syntax`)
  for (const status of filters.get('status') ?? []) {
    if (!STATES.has(status)) return errorResponse(400, `invalid filter 'status=${status}'`)
    all = true
  }
  for (const health of filters.get('health') ?? [])
    if (!HEALTH.has(health))
      return errorResponse(400, `Unrecognised filter value for health: ${health}`)
  const anchor = (key: string): { ok: true; id?: string } | { ok: false; ref: string } => {
    let id: string | undefined
    for (const ref of filters.get(key) ?? []) {
      const found = engine.findContainer(ref)
      if (!found) return { ok: false, ref }
      id = found.id
    }
    return id === undefined ? { ok: true } : { ok: true, id }
  }
  const before = anchor('before')
  if (!before.ok) return daemonErrorResponse(daemonErrors.noSuchContainer(before.ref))
  const since = anchor('since')
  if (!since.ok) return daemonErrorResponse(daemonErrors.noSuchContainer(since.ref))

  // Newest first; `before` skips up to and including its container, `since` stops at its own.
  let candidates: ContainerSummary[] = []
  let skipping = before.id !== undefined
  for (const c of engine.listContainers({ all: true })) {
    if (skipping) {
      if (c.Id === before.id) skipping = false
      continue
    }
    if (since.id !== undefined && c.Id === since.id) break
    const up = c.State === 'running' || c.State === 'paused' || c.State === 'restarting'
    if (!up && !all && limit.value <= 0) continue
    candidates.push(c)
  }
  const publish = portFilter(filters, 'publish')
  if (!publish.ok) return errorResponse(400, publish.message)
  const expose = portFilter(filters, 'expose')
  if (!expose.ok) return errorResponse(400, expose.message)
  const matching = new Map(filters)
  for (const key of ['before', 'since', 'publish', 'expose']) matching.delete(key)
  const filtered = filterContainers(engine, candidates, matching)
  if (!filtered.ok) return errorResponse(400, filtered.error)
  candidates = filtered.value
  if (publish.ports.size > 0 || expose.ports.size > 0)
    candidates = candidates.filter((c) =>
      c.Ports.some(
        (p) =>
          publish.ports.has(`${p.PublicPort ?? 0}/${p.Type}`) ||
          expose.ports.has(`${p.PrivatePort}/${p.Type}`),
      ),
    )
  if (limit.value > 0) candidates = candidates.slice(0, limit.value)
  const size = queryBool(request.query, 'size')
  return jsonResponse(
    200,
    candidates.map((c) => (size ? withSizes(engine, c) : c)),
  )
}

export function inspectContainer(
  engine: DockerEngine,
  ref: string,
  request: DockerApiRequest,
): DockerApiResponse {
  const found = engine.inspectContainer(ref)
  if (!found.ok) return daemonErrorResponse(found.error)
  if (!queryBool(request.query, 'size')) return jsonResponse(200, found.value)
  const summary = engine.listContainers({ all: true }).find((c) => c.Id === found.value.Id)
  const sized = summary ? withSizes(engine, summary) : undefined
  return jsonResponse(200, {
    ...found.value,
    SizeRw: sized?.SizeRw ?? 0,
    SizeRootFs: sized?.SizeRootFs ?? 0,
  })
}

/** The fields of a create body the engine models; the rest of what docker sends is dropped. */
function createRequest(body: Record<string, unknown>): ContainerCreateRequest {
  const request = { ...body } as unknown as ContainerCreateRequest & Record<string, unknown>
  const empty = (value: unknown): boolean => isRecord(value) && Object.keys(value).length === 0
  if (empty(request.Volumes)) delete request.Volumes
  if (empty(request.ExposedPorts)) delete request.ExposedPorts
  if (request.Env === null) delete request.Env
  if (request.Labels === null) delete request.Labels
  return request
}

export function createContainer(
  engine: DockerEngine,
  request: DockerApiRequest,
): DockerApiResponse {
  const body = parseBody(request)
  if (!body.ok) return body.response
  if (!isRecord(body.value)) return errorResponse(400, 'invalid JSON: body must be an object')
  const name = request.query.name
  const created = engine.createContainer(
    createRequest(body.value),
    name === undefined || name === '' ? undefined : name,
  )
  if (!created.ok) return daemonErrorResponse(created.error)
  return jsonResponse(201, created.value)
}

function isUpState(state: string): boolean {
  return state === 'running' || state === 'paused' || state === 'restarting'
}

export function startContainer(engine: DockerEngine, ref: string): DockerApiResponse {
  const found = engine.findContainer(ref)
  if (!found) return daemonErrorResponse(daemonErrors.noSuchContainer(ref))
  if (found.state.status === 'running' || found.state.status === 'restarting')
    return emptyResponse(304)
  const started = engine.startContainer(ref)
  return started.ok ? emptyResponse(204) : daemonErrorResponse(started.error)
}

export function stopContainer(
  engine: DockerEngine,
  ref: string,
  request: DockerApiRequest,
): DockerApiResponse {
  const found = engine.findContainer(ref)
  if (!found) return daemonErrorResponse(daemonErrors.noSuchContainer(ref))
  if (!isUpState(found.state.status)) return emptyResponse(304)
  const signal = request.query.signal
  const stopped = engine.stopContainer(ref, signal ? { signal } : {})
  return stopped.ok ? emptyResponse(204) : daemonErrorResponse(stopped.error)
}

export function restartContainer(engine: DockerEngine, ref: string): DockerApiResponse {
  const restarted = engine.restartContainer(ref)
  return restarted.ok ? emptyResponse(204) : daemonErrorResponse(restarted.error)
}

export function killContainer(
  engine: DockerEngine,
  ref: string,
  request: DockerApiRequest,
): DockerApiResponse {
  const signal = request.query.signal
  const killed = engine.killContainer(
    ref,
    signal === undefined || signal === '' ? 'SIGKILL' : signal,
  )
  return killed.ok ? emptyResponse(204) : daemonErrorResponse(killed.error)
}

export function pauseContainer(engine: DockerEngine, ref: string): DockerApiResponse {
  const paused = engine.pauseContainer(ref)
  return paused.ok ? emptyResponse(204) : daemonErrorResponse(paused.error)
}

export function unpauseContainer(engine: DockerEngine, ref: string): DockerApiResponse {
  const unpaused = engine.unpauseContainer(ref)
  return unpaused.ok ? emptyResponse(204) : daemonErrorResponse(unpaused.error)
}

export function renameContainer(
  engine: DockerEngine,
  ref: string,
  request: DockerApiRequest,
): DockerApiResponse {
  const renamed = engine.renameContainer(ref, request.query.name ?? '')
  return renamed.ok ? emptyResponse(204) : daemonErrorResponse(renamed.error)
}

export function removeContainer(
  engine: DockerEngine,
  ref: string,
  request: DockerApiRequest,
): DockerApiResponse {
  const removed = engine.removeContainer(ref, {
    force: queryBool(request.query, 'force'),
    volumes: queryBool(request.query, 'v'),
  })
  return removed.ok ? emptyResponse(204) : daemonErrorResponse(removed.error)
}

/**
 * POST /containers/{id}/wait: the status line goes out at once (the CLI starts the container
 * only after it), the body when the container is no longer running — at once if it already is
 * not, otherwise when the engine reports the change (the virtual clock moves it on).
 */
export function waitContainer(
  engine: DockerEngine,
  ref: string,
  request: DockerApiRequest,
): DockerApiResponse {
  const found = engine.findContainer(ref)
  if (!found) return daemonErrorResponse(daemonErrors.noSuchContainer(ref))
  const condition = request.query.condition ?? ''
  if (!['', 'not-running', 'next-exit', 'removed'].includes(condition))
    return errorResponse(400, `invalid condition: "${condition}"`)
  const id = found.id
  let lastCode = found.state.exitCode
  // next-exit waits for an exit that has not happened yet: the container must be seen up first.
  let seenUp = false
  const settled = (): boolean => {
    const current = engine.findContainer(id)
    if (current) lastCode = current.state.exitCode
    if (condition === 'removed') return current === undefined
    if (current === undefined) return true
    if (isUpState(current.state.status)) {
      seenUp = true
      return false
    }
    return condition !== 'next-exit' || seenUp
  }
  const alreadyDone = settled() && condition !== 'next-exit'
  const { signal } = request
  async function* body(): AsyncGenerator<string> {
    if (!alreadyDone) {
      await new Promise<void>((resolve) => {
        const finish = (): void => {
          unsubscribe()
          signal?.removeEventListener('abort', finish)
          resolve()
        }
        const unsubscribe = engine.onChange(() => {
          if (settled()) finish()
        })
        signal?.addEventListener('abort', finish, { once: true })
        if (signal?.aborted) finish()
      })
      if (signal?.aborted) return
    }
    yield wireJsonLine({ StatusCode: lastCode })
  }
  return { status: 200, headers: { 'Content-Type': JSON_TYPE }, body: body() }
}

/** GET /containers/{id}/logs with follow=false (moby daemon/logs.go, stdcopy framing). */
export function containerLogs(
  engine: DockerEngine,
  ref: string,
  request: DockerApiRequest,
): DockerApiResponse {
  const { query } = request
  const wantOut = queryBool(query, 'stdout')
  const wantErr = queryBool(query, 'stderr')
  if (!wantOut && !wantErr)
    return errorResponse(400, 'Bad parameters: you must choose at least one stream')
  const found = engine.findContainer(ref)
  if (!found) return daemonErrorResponse(daemonErrors.noSuchContainer(ref))
  const logs = engine.logs(found.id)
  if (!logs.ok) return daemonErrorResponse(logs.error)
  const since = parseApiTimestamp(query.since)
  if (!since.ok) return errorResponse(400, since.message)
  const until = parseApiTimestamp(query.until)
  if (!until.ok) return errorResponse(400, until.message)
  let entries = logs.value.filter(
    (e) =>
      (e.stream === 'stdout' ? wantOut : wantErr) &&
      (since.ms === undefined || e.timeMs >= since.ms) &&
      (until.ms === undefined || e.timeMs <= until.ms),
  )
  const tail = query.tail ?? 'all'
  if (/^\d+$/.test(tail)) entries = Number(tail) === 0 ? [] : entries.slice(-Number(tail))
  const timestamps = queryBool(query, 'timestamps')
  const tty = found.config.Tty
  // A TTY turns each "\n" into "\r\n" (onlcr) and merges the streams.
  const chunks = entries.map((e) => {
    const text = `${timestamps ? `${rfc3339NanoFixed(e.timeMs)} ` : ''}${e.text}${tty ? '\r\n' : '\n'}`
    return tty ? new TextEncoder().encode(text) : stdcopyFrame(e.stream, text)
  })
  return {
    status: 200,
    headers: { 'Content-Type': tty ? RAW_STREAM : MULTIPLEXED_STREAM },
    body: chunks,
  }
}

/** GET /containers/{id}/top (ps_args are not simulated: the daemon's `ps -ef` columns). */
export function topContainer(
  engine: DockerEngine,
  ref: string,
  _request: DockerApiRequest,
): DockerApiResponse {
  const top = containerTop(engine, ref)
  return top.ok ? jsonResponse(200, top.value) : daemonErrorResponse(top.error)
}

/** POST /containers/prune: every stopped container the filters (label, label!, until) match. */
export function pruneContainers(
  engine: DockerEngine,
  request: DockerApiRequest,
): DockerApiResponse {
  const filters = parseFilterJson(request.query.filters)
  if (!filters.ok) return errorResponse(400, filters.message)
  const values = pruneFilterValues(engine, filters.value, ['label', 'label!', 'until'])
  if (!values.ok) return errorResponse(400, values.message)
  const { labels, notLabels, untilMs } = values.value
  const report = pruneStopped(
    engine,
    (c) =>
      labels.every((l) => hasLabel(c.config.Labels, l)) &&
      !notLabels.some((l) => hasLabel(c.config.Labels, l)) &&
      (untilMs === undefined || c.createdMs < untilMs),
  )
  return jsonResponse(200, report)
}
