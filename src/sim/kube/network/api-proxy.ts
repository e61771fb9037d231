/**
 * What `kubectl proxy` answers on its loopback port: every request goes to the API server
 * (the same handler the loopback HTTP facade serves, src/sim/api/kube), with the proxy's
 * credentials. The API server's proxy subresources reach into the cluster network:
 * `/api/v1/namespaces/NS/pods/NAME[:PORT]/proxy/PATH` dials the pod's address,
 * `/api/v1/namespaces/NS/services/[SCHEME:]NAME[:PORT]/proxy/PATH` one of the Service's ready
 * backends. As kube-apiserver does, JSON is indented for clients whose User-Agent starts with
 * `curl` or `Wget` (and for `?pretty=true`).
 */
import { handleKubeApi } from '../../api/kube/handler'
import type { KubeApiResponse } from '../../api/kube/http'
import {
  exchangeHttp,
  utf8Length,
  type HttpOutcome,
  type HttpRequest,
} from '../../docker/engine/http-service'
import { reasonPhrase } from '../../docker/engine/http-service'
import type { Connection } from '../../docker/engine/reach'
import { formatLogTime } from '../../docker/images/log-template'
import type { World } from '../../world'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import { podAddress, podConnection, resolvePodPort } from './pod-endpoint'
import { readyBackends, serviceConnection, serviceSpec } from './services'

const PODS = servedType('Pod')
const SERVICES = servedType('Service')

interface Answer {
  status: number
  contentType: string
  body: string
  /** Headers of a proxied backend, passed through as it sent them. */
  headers?: Array<[string, string]>
}

function status(code: number, reason: string, message: string, details?: object): Answer {
  return {
    status: code,
    contentType: 'application/json',
    body: `${JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      ...(details === undefined ? {} : { details }),
      code,
    })}\n`,
  }
}

const notFound = (kind: 'pods' | 'services', name: string): Answer =>
  status(404, 'NotFound', `${kind} "${name}" not found`, { name, kind })

const unreachable = (why: string): Answer =>
  status(503, 'ServiceUnavailable', `error trying to reach service: ${why}`)

/** What the API server's dialer says when the backend does not answer as it should. */
function dialFailure(connection: Connection, address: string, port: number): Answer {
  const target = `dial tcp ${address}:${port}`
  switch (connection.kind) {
    case 'refused':
      return unreachable(`${target}: connect: connection refused`)
    case 'host-unreachable':
      return unreachable(`${target}: connect: no route to host`)
    case 'net-unreachable':
      return unreachable(`${target}: connect: network is unreachable`)
    default:
      return unreachable(`${target}: i/o timeout`)
  }
}

/** The backend's own answer, passed through. */
function relay(
  world: World,
  connection: Connection,
  address: string,
  port: number,
  request: HttpRequest,
  nowMs: number,
): Answer {
  if (connection.kind !== 'open') return dialFailure(connection, address, port)
  const outcome: HttpOutcome = exchangeHttp(world.docker, connection.server, request, nowMs)
  if (outcome.kind === 'empty') return unreachable('EOF')
  const headers = outcome.headers.filter(([name]) => name.toLowerCase() !== 'content-length')
  const contentType =
    headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? 'text/plain'
  return { status: outcome.status, contentType, body: outcome.body, headers }
}

/** `NAME`, `NAME:PORT`, `SCHEME:NAME:PORT` of a proxy path segment. */
function parseTarget(segment: string): { name: string; port: string } {
  const parts = decodeURIComponent(segment).split(':')
  if (parts.length >= 3) return { name: parts[1] ?? '', port: parts[2] ?? '' }
  return { name: parts[0] ?? '', port: parts[1] ?? '' }
}

function proxyToPod(
  world: World,
  cluster: KubeCluster,
  namespace: string,
  segment: string,
  request: HttpRequest,
  nowMs: number,
): Answer {
  const { name, port } = parseTarget(segment)
  const pod = cluster.store.get(PODS, namespace, name)
  if (pod === undefined) return notFound('pods', name)
  const address = podAddress(pod)
  if (address === undefined) return status(400, 'BadRequest', `address not allowed`)
  const target = port === '' ? 80 : resolvePodPort(pod, port)
  if (target === undefined) return unreachable(`invalid port ${port}`)
  return relay(
    world,
    podConnection(pod, target, address, nowMs, cluster),
    address,
    target,
    request,
    nowMs,
  )
}

function proxyToService(
  world: World,
  cluster: KubeCluster,
  namespace: string,
  segment: string,
  request: HttpRequest,
  nowMs: number,
): Answer {
  const { name, port } = parseTarget(segment)
  const svc: KubeObject | undefined = cluster.store.get(SERVICES, namespace, name)
  if (svc === undefined) return notFound('services', name)
  const ports = serviceSpec(svc).ports ?? []
  const sp = port === '' ? ports[0] : ports.find((p) => p.name === port || String(p.port) === port)
  if (sp === undefined) return unreachable(`no port ${port} for service "${name}"`)
  const backends = readyBackends(cluster, svc)
  if (backends.length === 0)
    return status(503, 'ServiceUnavailable', `no endpoints available for service "${name}"`)
  const connection = serviceConnection(cluster, svc, sp, '10.244.0.1', nowMs)
  const address = podAddress(backends[0] as KubeObject) ?? ''
  return relay(world, connection, address, sp.port, request, nowMs)
}

/** kube-apiserver's pretty printing: json.MarshalIndent with two spaces, then a newline. */
function indentJson(body: string): string {
  try {
    return `${JSON.stringify(JSON.parse(body), null, 2)}\n`
  } catch {
    return body
  }
}

function fromApi(response: KubeApiResponse): Answer {
  const contentType = response.headers['Content-Type'] ?? 'application/json'
  // A watch or a followed log streams; over this proxy Quai answers with what is there now.
  const body = typeof response.body === 'string' ? response.body : ''
  return { status: response.status, contentType, body }
}

function parseQuery(text: string): Record<string, string> {
  const query: Record<string, string> = {}
  for (const pair of text.split('&')) {
    if (pair === '') continue
    const at = pair.indexOf('=')
    const key = decodeURIComponent(at < 0 ? pair : pair.slice(0, at))
    const value = at < 0 ? '' : decodeURIComponent(pair.slice(at + 1).replace(/\+/g, ' '))
    if (!(key in query)) query[key] = value
  }
  return query
}

const PROXY_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/(pods|services)\/([^/]+)\/proxy(\/.*)?$/

/** The answer to one request the proxy forwards to `cluster` (undefined: the cluster is gone). */
export function answerThroughProxy(
  world: World,
  cluster: KubeCluster | undefined,
  request: HttpRequest,
  nowMs: number,
): HttpOutcome {
  const at = request.path.indexOf('?')
  const path = at < 0 ? request.path : request.path.slice(0, at)
  const queryText = at < 0 ? '' : request.path.slice(at + 1)
  const query = parseQuery(queryText)
  let answer: Answer
  if (cluster === undefined) {
    // The proxy cannot dial the API server: Go's ReverseProxy answers 502 with no body.
    answer = { status: 502, contentType: '', body: '' }
  } else {
    const proxied = PROXY_PATH.exec(path)
    if (proxied !== null) {
      const [, namespace = '', kind = '', segment = ''] = proxied
      const rest = (proxied[4] ?? '/') + (queryText === '' ? '' : `?${queryText}`)
      const inner = { ...request, path: rest }
      answer =
        kind === 'pods'
          ? proxyToPod(world, cluster, namespace, segment, inner, nowMs)
          : proxyToService(world, cluster, namespace, segment, inner, nowMs)
    } else {
      answer = fromApi(
        handleKubeApi(cluster, {
          method: request.method,
          path,
          query,
          headers: { accept: '*/*', 'user-agent': request.userAgent },
          body: '',
        }),
      )
    }
  }
  const pretty =
    query['pretty'] === 'true' ||
    (query['pretty'] === undefined && /^(curl|wget)/i.test(request.userAgent))
  const body =
    pretty && answer.headers === undefined && answer.contentType.startsWith('application/json')
      ? indentJson(answer.body)
      : answer.body
  const headers: Array<[string, string]> = answer.headers ?? [
    ['Cache-Control', 'no-cache, private'],
    ...(answer.contentType === ''
      ? []
      : ([['Content-Type', answer.contentType]] as Array<[string, string]>)),
  ]
  headers.push(['Date', formatLogTime(nowMs, 'http')], ['Content-Length', String(utf8Length(body))])
  return {
    kind: 'response',
    status: answer.status,
    reason: reasonPhrase(answer.status),
    headers: headers.filter(
      ([name], i, all) => all.findIndex(([n]) => n.toLowerCase() === name.toLowerCase()) === i,
    ),
    body: request.method === 'HEAD' ? '' : body,
  }
}
