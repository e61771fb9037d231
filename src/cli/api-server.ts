/**
 * The Docker Engine API of one Quai session over HTTP on a loopback address, so the real docker
 * CLI (`DOCKER_HOST=tcp://127.0.0.1:2375 docker ps`) sees the student's simulated daemon. Only
 * the transport lives here; src/sim/api/docker answers every request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { isIP } from 'node:net'
import { handleDockerApi, type DockerApiRequest } from '../sim/api/docker/handler'
import { VirtualClock } from '../sim/core/clock'
import { Session } from '../sim/shell/session'
import { RealTimeDriver } from '../shared/real-time-driver'
import type { Subcommand } from './subcommands'

export interface ListenAddress {
  host: string
  port: number
}

export interface DockerApiServer {
  readonly host: string
  readonly port: number
  close(): Promise<void>
}

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

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

async function serve(session: Session, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const query: Record<string, string> = {}
  // Go's Form.Get answers with the first value of a repeated parameter.
  for (const [name, value] of url.searchParams) if (!(name in query)) query[name] = value
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  const abort = new AbortController()
  res.once('close', () => abort.abort())
  const request: DockerApiRequest = {
    signal: abort.signal,
    method: req.method ?? 'GET',
    path: url.pathname,
    query,
    headers,
    body: await readBody(req),
  }
  const response = await handleDockerApi(session.world.docker, request, session.clock.now())
  res.writeHead(response.status, response.headers)
  const body = response.body
  if (typeof body === 'string') {
    res.end(body)
  } else if (Array.isArray(body)) {
    for (const chunk of body) res.write(chunk)
    res.end()
  } else {
    // A stream still to come: send the status line now, each chunk as it arrives.
    res.flushHeaders()
    for await (const chunk of body) {
      if (res.destroyed) break
      res.write(chunk)
    }
    res.end()
  }
}

/**
 * Serves `session`'s daemon on `host:port` (port 0: any free port). Refuses anything but a
 * loopback address: the API has no authentication, like dockerd's own unencrypted TCP socket.
 */
export function startDockerApiServer(
  session: Session,
  address: Partial<ListenAddress> = {},
): Promise<DockerApiServer> {
  const host = address.host ?? '127.0.0.1'
  if (!isLoopbackHost(host))
    return Promise.reject(
      new Error(
        `refusing to serve the Docker API on ${host}: only loopback addresses (127.0.0.0/8, ::1, localhost) are allowed`,
      ),
    )
  const server: Server = createServer((req, res) => {
    serve(session, req, res).catch((error: unknown) => {
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

const API_USAGE = 'Usage: quai api --docker HOST:PORT\n'

/**
 * `quai api --docker 127.0.0.1:2375`: a fresh session whose virtual clock starts at the real
 * time and runs in real time (the docker CLI computes "5 minutes ago" from its own clock), served
 * until interrupted.
 */
export const apiSubcommand: Subcommand = {
  name: 'api',
  summary: 'serve the Docker Engine API of a session on a loopback address',
  async run(args, context) {
    let docker: string | undefined
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] ?? ''
      if (arg === '--docker') docker = args[++i]
      else if (arg.startsWith('--docker=')) docker = arg.slice('--docker='.length)
      else if (arg === '--help' || arg === '-h') {
        process.stdout.write(API_USAGE)
        return 0
      } else {
        process.stderr.write(`quai api: unknown option ${arg}\n${API_USAGE}`)
        return 2
      }
    }
    if (docker === undefined) {
      process.stderr.write(`quai api: --docker HOST:PORT is required\n${API_USAGE}`)
      return 2
    }
    const address = parseListenAddress(docker)
    if ('error' in address) {
      process.stderr.write(`quai api: ${address.error}\n`)
      return 2
    }
    if (!isLoopbackHost(address.host)) {
      process.stderr.write(
        `quai api: refusing to serve the Docker API on ${address.host}: only loopback addresses (127.0.0.0/8, ::1, localhost) are allowed\n`,
      )
      return 2
    }
    const session = await Session.create({
      seed: context.seed,
      timing: 'realtime',
      clock: new VirtualClock(Date.now()),
    })
    const driver = new RealTimeDriver(session.clock)
    let server: DockerApiServer
    try {
      server = await startDockerApiServer(session, address)
    } catch (error) {
      process.stderr.write(`quai api: ${error instanceof Error ? error.message : String(error)}\n`)
      return 1
    }
    driver.start()
    const shown = address.host.includes(':') ? `[${address.host}]` : address.host
    process.stdout.write(
      `Serving the Docker Engine API on tcp://${shown}:${server.port}\n` +
        `Point the docker CLI at it: export DOCKER_HOST=tcp://${shown}:${server.port}\n`,
    )
    return new Promise<number>((resolve) => {
      const stop = (): void => {
        driver.stop()
        void server.close().then(() => resolve(0))
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
  },
}
