/**
 * The APIs of one Quai session over HTTP on loopback addresses, so the real clients see the
 * student's simulated machine: the Docker Engine API (`DOCKER_HOST=tcp://127.0.0.1:2375 docker
 * ps`) here, the Kubernetes API through the same transport (src/cli/kube-api-host.ts). Only the
 * transport lives here; src/sim/api answers every request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { isIP } from 'node:net'
import { handleDockerApi, type DockerApiRequest } from '../sim/api/docker/handler'
import type { Session } from '../sim/shell/session'

export interface ListenAddress {
  host: string
  port: number
}

export type DockerApiServer = LoopbackServer

/** 127.0.0.0/8, ::1 (also as an IPv4-mapped address) and `localhost`: nothing a network reaches. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  if (bare === 'localhost') return true
  if (isIP(bare) === 4) return bare.startsWith('127.')
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare)
  return false
}

/** `127.0.0.1:2375`, `[::1]:2375`, `localhost:2375` or `tcp://…` as docker writes DOCKER_HOST. */
export function parseListenAddress(text: string): ListenAddress | { error: string } {
  const address = text.replace(/^tcp:\/\//, '')
  const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(address)
  const port = Number(m?.[2])
  if (!m || !(port >= 0 && port <= 65535))
    return { error: `${text}: expected HOST:PORT, such as 127.0.0.1:2375` }
  return { host: (m[1] ?? '').replace(/^\[(.*)\]$/, '$1'), port }
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

/** What both facades take in: method, path, query (first value of a name), headers, body. */
export interface PlainRequest {
  signal: AbortSignal
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  body: string
  /** The body's bytes (the Kubernetes API decodes protobuf from them). */
  bodyBytes: Uint8Array
}

/** What both facades answer: the whole body, its chunks, or chunks still to come. */
export interface PlainResponse {
  status: number
  headers: Record<string, string>
  body: string | readonly (string | Uint8Array)[] | AsyncIterable<string | Uint8Array>
}

async function readRequest(req: IncomingMessage, res: ServerResponse): Promise<PlainRequest> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const query: Record<string, string> = {}
  // Go's Form.Get answers with the first value of a repeated parameter.
  for (const [name, value] of url.searchParams) if (!(name in query)) query[name] = value
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  const abort = new AbortController()
  res.once('close', () => abort.abort())
  const bytes = await readBody(req)
  return {
    signal: abort.signal,
    method: req.method ?? 'GET',
    path: url.pathname,
    query,
    headers,
    body: bytes.toString('utf8'),
    bodyBytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
  }
}

async function writeResponse(res: ServerResponse, response: PlainResponse): Promise<void> {
  res.writeHead(response.status, response.headers)
  const body = response.body
  if (typeof body === 'string') {
    res.end(body)
  } else if (Array.isArray(body)) {
    for (const chunk of body as readonly (string | Uint8Array)[]) res.write(chunk)
    res.end()
  } else {
    // A stream still to come: send the status line now, each chunk as it arrives.
    res.flushHeaders()
    for await (const chunk of body as AsyncIterable<string | Uint8Array>) {
      if (res.destroyed) break
      res.write(chunk)
    }
    res.end()
  }
}

export interface LoopbackServer {
  readonly host: string
  readonly port: number
  close(): Promise<void>
}

/**
 * Serves `answer` on `host:port` (port 0: any free port). Refuses anything but a loopback
 * address: neither API has authentication here, like dockerd's own unencrypted TCP socket.
 */
export function startLoopbackServer(
  what: string,
  answer: (request: PlainRequest) => PlainResponse | Promise<PlainResponse>,
  address: Partial<ListenAddress> = {},
): Promise<LoopbackServer> {
  const host = address.host ?? '127.0.0.1'
  if (!isLoopbackHost(host))
    return Promise.reject(
      new Error(
        `refusing to serve the ${what} on ${host}: only loopback addresses (127.0.0.0/8, ::1, localhost) are allowed`,
      ),
    )
  const server: Server = createServer((req, res) => {
    readRequest(req, res)
      .then((request) => answer(request))
      .then((response) => writeResponse(res, response))
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error)
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' })
        res.end(`${JSON.stringify({ message: `quai: ${message}` })}\n`)
      })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(address.port ?? 0, host, () => {
      server.off('error', reject)
      const bound = server.address()
      const port = typeof bound === 'object' && bound !== null ? bound.port : (address.port ?? 0)
      resolve({
        host,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}

/** Serves `session`'s Docker daemon (see startLoopbackServer). */
export function startDockerApiServer(
  session: Session,
  address: Partial<ListenAddress> = {},
): Promise<DockerApiServer> {
  return startLoopbackServer(
    'Docker API',
    (request: DockerApiRequest) =>
      handleDockerApi(session.world.docker, request, session.clock.now()),
    address,
  )
}
