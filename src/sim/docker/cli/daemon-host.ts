/**
 * Which daemon a docker command talks to, as docker 28.2.2's client decides (docker/cli
 * cli/command/cli.go, opts/hosts.go, the context store): `-H/--host`, else DOCKER_HOST, for the
 * `default` context; else `--context`, DOCKER_CONTEXT or config.json's currentContext; else
 * unix:///var/run/docker.sock. Then whether anything answers at that address (the World's daemon
 * registry), with the client's own error texts when nothing does.
 */
import type { CommandContext, CommandOutput } from '../../shell/command'
import { sha256Hex } from '../images/sha256'
import type { DockerDaemon, World } from '../../world'

export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock'
/** opts.DefaultTLSHost: the host DOCKER_TLS_VERIFY implies when none is given. */
const DEFAULT_TLS_HOST = 'tcp://localhost:2376'
const DEFAULT_TCP_PORT = '2375'
const API_VERSION = '1.50'

/** The global options that choose the daemon (`docker -H … --context …`). */
export interface DaemonOptions {
  readonly hosts: readonly string[]
  readonly context: string | undefined
}

/** Where the client will connect: the context's name and the parsed endpoint. */
export interface Endpoint {
  readonly context: string
  readonly host: string
}

export type Resolved<T> = { ok: true; value: T } | { ok: false; output: CommandOutput }

const failed = (stderr: string): { ok: false; output: CommandOutput } => ({
  ok: false,
  output: { stdout: '', stderr: `${stderr}\n`, exitCode: 1 },
})
const initFailure = (message: string) =>
  failed(`Failed to initialize: unable to resolve docker endpoint: ${message}`)

/** Go's net.JoinHostPort: IPv6 literals get their brackets back. */
const joinHostPort = (host: string, port: string) =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`

/** Go's url.Parse on `tcp://…`, the parts ParseTCPAddr needs, or its error text. */
function splitTcp(raw: string): { host: string; port: string; path: string } | string {
  const rest = raw.slice('tcp://'.length)
  const slash = rest.indexOf('/')
  const authority = slash < 0 ? rest : rest.slice(0, slash)
  const path = slash < 0 ? '' : rest.slice(slash)
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1)
  let host = hostPort
  let port = ''
  const bracket = hostPort.startsWith('[') ? hostPort.indexOf(']') : -1
  const colon = hostPort.lastIndexOf(':')
  if (bracket >= 0) {
    host = hostPort.slice(1, bracket)
    port = hostPort.slice(bracket + 1)
  } else if (colon >= 0) {
    host = hostPort.slice(0, colon)
    port = hostPort.slice(colon)
  }
  if (port !== '' && !/^:\d*$/.test(port))
    return `parse "${raw}": invalid port "${port}" after host`
  return { host, port: port.slice(1), path }
}

/**
 * opts.ParseHost: `''` → the default socket (or tcp://localhost:2376 under TLS), a bare
 * `host:port` → tcp, tcp addresses completed with localhost and 2375. The error is the text
 * after "unable to resolve docker endpoint: ".
 */
export function parseDockerHost(
  value: string,
  tls: boolean,
): { ok: true; host: string } | { ok: false; message: string } {
  const trimmed = value.trim()
  if (trimmed === '') return { ok: true, host: tls ? DEFAULT_TLS_HOST : DEFAULT_DOCKER_HOST }
  const sep = trimmed.indexOf('://')
  const proto = sep < 0 ? 'tcp' : trimmed.slice(0, sep)
  const address = sep < 0 ? trimmed : trimmed.slice(sep + 3)
  switch (proto) {
    case 'tcp': {
      const parts = splitTcp(`tcp://${address}`)
      if (typeof parts === 'string') return { ok: false, message: parts }
      const host = parts.host === '' ? 'localhost' : parts.host
      const port = parts.port === '' ? DEFAULT_TCP_PORT : parts.port
      return { ok: true, host: `tcp://${joinHostPort(host, port)}${parts.path}` }
    }
    case 'unix':
      return { ok: true, host: `unix://${address === '' ? '/var/run/docker.sock' : address}` }
    case 'npipe':
      return { ok: true, host: `npipe://${address === '' ? '//./pipe/docker_engine' : address}` }
    case 'fd':
    case 'ssh':
      return { ok: true, host: trimmed }
    default:
      return { ok: false, message: `invalid bind address format: ${trimmed}` }
  }
}

const homeOf = (shell: CommandContext) => shell.env.get('HOME') ?? '/home/student'

/** Where the context store keeps a context's meta.json (its directory is the name's sha256). */
export const contextMetaPath = (shell: CommandContext, name: string) =>
  `${homeOf(shell)}/.docker/contexts/meta/${sha256Hex(name)}/meta.json`

/** `context "x": context not found: open …/meta.json: no such file or directory`. */
export const contextNotFound = (shell: CommandContext, name: string) =>
  `context "${name}": context not found: open ${contextMetaPath(shell, name)}: no such file or directory`

async function readText(shell: CommandContext, path: string): Promise<string | undefined> {
  if (!(await shell.fs.exists(path))) return undefined
  try {
    return await shell.fs.readFile(path)
  } catch {
    return undefined
  }
}

/** config.json's currentContext (`docker context use` writes it), if any. */
export async function configuredContext(shell: CommandContext): Promise<string | undefined> {
  const text = await readText(shell, `${homeOf(shell)}/.docker/config.json`)
  if (text === undefined) return undefined
  try {
    const parsed: unknown = JSON.parse(text)
    const current =
      typeof parsed === 'object' && parsed !== null
        ? (parsed as Record<string, unknown>)['currentContext']
        : undefined
    return typeof current === 'string' && current !== '' ? current : undefined
  } catch {
    return undefined
  }
}

/** resolveContextName: --context, else default when a host is given, else the env/config. */
export async function contextName(options: DaemonOptions, shell: CommandContext): Promise<string> {
  if (options.context !== undefined && options.context !== '') return options.context
  if (options.hosts.length > 0) return 'default'
  if ((shell.env.get('DOCKER_HOST') ?? '') !== '') return 'default'
  const fromEnv = shell.env.get('DOCKER_CONTEXT') ?? ''
  if (fromEnv !== '') return fromEnv
  return (await configuredContext(shell)) ?? 'default'
}

/** A stored context's docker endpoint host, or undefined when the store has no such context. */
export async function storedContextHost(
  shell: CommandContext,
  name: string,
): Promise<string | undefined> {
  const text = await readText(shell, contextMetaPath(shell, name))
  if (text === undefined) return undefined
  try {
    const meta = JSON.parse(text) as { Endpoints?: { docker?: { Host?: unknown } } }
    const host = meta.Endpoints?.docker?.Host
    return typeof host === 'string' ? host : DEFAULT_DOCKER_HOST
  } catch {
    return undefined
  }
}

/** The TLS material DOCKER_TLS_VERIFY asks for must exist (tlsconfig reads ca, cert, key). */
async function tlsProblem(shell: CommandContext): Promise<string | undefined> {
  const dir = shell.env.get('DOCKER_CERT_PATH') || `${homeOf(shell)}/.docker`
  for (const file of ['ca.pem', 'cert.pem', 'key.pem']) {
    const path = `${dir.replace(/\/+$/, '')}/${file}`
    if (!(await shell.fs.exists(path))) return `open ${path}: no such file or directory`
  }
  return undefined
}

/** The endpoint the docker client would use, or its initialisation error. */
export async function resolveEndpoint(
  options: DaemonOptions,
  shell: CommandContext,
): Promise<Resolved<Endpoint>> {
  if (options.context !== undefined && options.context !== '' && options.hosts.length > 0)
    return failed('conflicting options: cannot specify both --host and --context')
  if (options.hosts.length > 1) return initFailure('Specify only one -H')
  const name = await contextName(options, shell)
  if (name !== 'default') {
    const stored = await storedContextHost(shell, name)
    if (stored === undefined) return initFailure(contextNotFound(shell, name))
    return { ok: true, value: { context: name, host: stored } }
  }
  const tls = (shell.env.get('DOCKER_TLS_VERIFY') ?? '') !== ''
  const parsed = parseDockerHost(options.hosts[0] ?? shell.env.get('DOCKER_HOST') ?? '', tls)
  if (!parsed.ok) return initFailure(parsed.message)
  if (parsed.host.startsWith('fd://'))
    return failed(`Failed to initialize: unable to parse docker host \`${parsed.host}\``)
  if (tls) {
    const problem = await tlsProblem(shell)
    if (problem !== undefined) return initFailure(problem)
  }
  return { ok: true, value: { context: name, host: parsed.host } }
}

/** The request the client makes first, as its "error during connect" names it. */
export interface FirstRequest {
  readonly method: 'Get' | 'Head' | 'Post' | 'Delete'
  /** Path and query after the API version prefix, or `/_ping` (no prefix). */
  readonly path: string
}

const PING: FirstRequest = { method: 'Head', path: '/_ping' }
const get = (path: string): FirstRequest => ({ method: 'Get', path })

/** The first API call of common commands (the rest negotiate the version with a ping first). */
export function firstRequest(command: string, args: readonly string[]): FirstRequest {
  switch (command) {
    case 'docker container ls':
      return get(
        args.includes('-a') || args.includes('--all')
          ? '/containers/json?all=1'
          : '/containers/json',
      )
    case 'docker container stats':
      return get('/containers/json')
    case 'docker system info':
      return get('/info')
    case 'docker version':
      return get('/version')
    case 'docker network ls':
      return get('/networks')
    case 'docker volume ls':
      return get('/volumes')
    case 'docker system df':
      return get('/system/df')
    default:
      return PING
  }
}

/** A dial that cannot succeed offline: a name to look up, or an impossible port. */
function dialError(host: string): string | undefined {
  if (!host.startsWith('tcp://')) return undefined
  const parts = splitTcp(host)
  if (typeof parts === 'string') return undefined
  if (Number(parts.port) > 65535) return `dial tcp: address ${parts.port}: invalid port`
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(parts.host) || parts.host.includes(':')
  if (isIp || parts.host === 'localhost') return undefined
  return `dial tcp: lookup ${parts.host} on 127.0.0.53:53: no such host`
}

/**
 * Why nothing answers at `host`: the client's text. A refused connection (loopback, a socket
 * path) is "Cannot connect…"; a failed lookup or dial names the request it was making.
 */
export function connectionError(host: string, request: FirstRequest): string {
  if (host.startsWith('ssh://')) {
    const target = host.slice('ssh://'.length).replace(/\/.*$/, '')
    const name = target.replace(/^.*@/, '').replace(/:\d+$/, '')
    const url = `http://docker.example.com${request.path === '/_ping' ? '' : `/v${API_VERSION}`}${request.path}`
    return `error during connect: ${request.method} "${url}": command [ssh -o ConnectTimeout=30 -T -- ${target} docker system dial-stdio] has exited with exit status 255, make sure the URL is valid, and Docker 18.09 or later is installed on the remote host: stderr=ssh: Could not resolve hostname ${name}: Name or service not known\n`
  }
  const dial = dialError(host)
  if (dial === undefined)
    return `Cannot connect to the Docker daemon at ${host}. Is the docker daemon running?`
  const base = host.replace(/^tcp:\/\//, 'http://').replace(/\/+$/, '')
  const path = request.path === '/_ping' ? request.path : `/v${API_VERSION}${request.path}`
  return `error during connect: ${request.method} "${base}${path}": ${dial}`
}

/** The address as the registry keys it: loopback names folded, the URL path dropped. */
export function daemonKey(host: string): string {
  if (!host.startsWith('tcp://')) return host
  const parts = splitTcp(host)
  if (typeof parts === 'string') return host
  const loopback = parts.host === 'localhost' || parts.host === '127.0.0.1'
  return `tcp://${joinHostPort(loopback ? '127.0.0.1' : parts.host, parts.port)}`
}

/** The daemon listening at the endpoint, synced for a client about to read it. */
export function daemonAt(world: World, endpoint: Endpoint): DockerDaemon | undefined {
  const daemon = world.daemonAt(daemonKey(endpoint.host))
  daemon?.sync?.()
  return daemon
}

/** resolveEndpoint then daemonAt, failing as the client does (`docker compose` uses this). */
export async function connectDaemon(
  world: World,
  options: DaemonOptions,
  shell: CommandContext,
  request: FirstRequest = PING,
): Promise<Resolved<DockerDaemon>> {
  const endpoint = await resolveEndpoint(options, shell)
  if (!endpoint.ok) return endpoint
  const daemon = daemonAt(world, endpoint.value)
  if (daemon === undefined) return failed(connectionError(endpoint.value.host, request))
  return { ok: true, value: daemon }
}
