/**
 * What a container's server answers to one HTTP request, from its catalog behaviour profile
 * (`services[].http`), and the access-log line it writes for it. The clients (curl, wget, nc)
 * format the exchange; this side only decides what comes back.
 */
import { renderLogText, type LogContext } from '../images/log-template'
import type { DockerEngine } from './engine'
import type { Server } from './reach'

export interface HttpRequest {
  method: string
  /** The request target: `/`, `/index.html?x=1`. */
  path: string
  /** The Host header (`localhost:8080`). */
  host: string
  userAgent: string
}

export type HttpOutcome =
  | {
      kind: 'response'
      status: number
      reason: string
      /** In the order the server sends them. */
      headers: Array<[string, string]>
      /** Empty for HEAD. */
      body: string
      /** The status line's HTTP version when not 1.1 (Python's http.server answers 1.0). */
      version?: string
    }
  /** The server closed the connection without a byte: it does not speak HTTP. */
  | { kind: 'empty' }

/** Reason phrases (RFC 9110), as servers send them. */
const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? ''
}

/** Byte length of a string once sent as UTF-8 (no TextEncoder needed for a count). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return bytes
}

/**
 * Serves one request on an open connection. When the service logs requests, the access-log line
 * goes into the container's logs (`docker logs`) through the engine.
 */
export function exchangeHttp(
  engine: DockerEngine,
  server: Server,
  request: HttpRequest,
  nowMs: number,
): HttpOutcome {
  if (server.respond !== undefined) return server.respond(request, nowMs)
  const spec = server.service.http
  if (server.service.kind !== 'http' || spec === undefined) return { kind: 'empty' }
  const port = Number(/:(\d+)$/.exec(request.host)?.[1] ?? '80')
  const context: LogContext = {
    now: nowMs,
    env: {},
    hostname: server.hostname ?? server.container?.config.Hostname ?? '',
    ip: '',
    kernel: engine.host.kernel,
    ncpu: engine.host.cpus,
    request: {
      clientIp: server.clientIp,
      host: request.host.replace(/:\d+$/, ''),
      port,
      method: request.method,
      path: request.path,
      userAgent: request.userAgent,
      status: spec.status,
      bytes: 0,
    },
  }
  const body = renderLogText(spec.body, context)
  const headers: Array<[string, string]> = Object.entries(spec.headers).map(([name, value]) => [
    name,
    renderLogText(value, context),
  ])
  if (!headers.some(([name]) => name.toLowerCase() === 'content-length'))
    headers.push(['Content-Length', String(utf8Length(body))])
  const head = request.method === 'HEAD'
  if (
    spec.accessLog !== undefined &&
    context.request !== undefined &&
    server.container !== undefined
  ) {
    context.request.bytes = head ? 0 : utf8Length(body)
    const line = renderLogText(spec.accessLog.text, context)
    engine.writeLog(server.container.id, spec.accessLog.stream, line)
  }
  return {
    kind: 'response',
    status: spec.status,
    reason: reasonPhrase(spec.status),
    headers,
    body: head ? '' : body,
  }
}
