/**
 * Who can reach whom on the simulated machine: name resolution and TCP connections between the
 * host, its published ports and the containers, over the engine's state. Network tools (curl,
 * wget, nc, ping on the host; the same inside a container through `docker exec`) ask here, then
 * talk to the process they reach (http-service.ts).
 *
 * The model follows Docker 28 on a Linux host (https://docs.docker.com/engine/network/):
 * - the host reaches published ports on its loopback and on its own addresses (each bridge
 *   network's gateway), and every container's address directly;
 * - containers on a user-defined network find each other by name, short id and alias through the
 *   embedded DNS server; the default `bridge` has no DNS by name (only `--link` and `--add-host`
 *   entries of the container's /etc/hosts);
 * - traffic between two different bridge networks is dropped (DOCKER-ISOLATION), so a connection
 *   attempt times out instead of being refused;
 * - a paused container's kernel still completes the TCP handshake and answers pings, but its
 *   processes never reply; a stopped one no longer has an address;
 * - Quai has no way out: names outside the machine do not resolve, and addresses outside its
 *   networks have no route.
 */
import type { ServiceSpec } from '../images/catalog-types'
import type { EndpointSettings } from './api-types'
import type { HttpOutcome, HttpRequest } from './http-service'
import type { ContainerRecord } from './container-record'
import type { DockerEngine } from './engine'
import { appListens, appRespond } from '../apps/app-service'
import { contains } from './ipam'
import { planProcess } from './process-model'

/** The process that accepted a connection, and the source address it sees. */
export interface Server {
  /** Undefined for a process outside the engine's containers (`kubectl proxy` on the host). */
  container: ContainerRecord | undefined
  /** The container-side port it listens on. */
  port: number
  service: ServiceSpec
  /** The peer address the server logs: the gateway for the host and published ports. */
  clientIp: string
  /** The server's host name when it is not a container's (a Kubernetes pod's name). */
  hostname?: string
  /**
   * A server whose answer depends on the request (`kubectl proxy` routing by path, a pod's app
   * that names its pod): it answers instead of the catalog's fixed `service.http`.
   */
  respond?: (request: HttpRequest, nowMs: number) => HttpOutcome
}

export type Connection =
  | { kind: 'open'; server: Server }
  /** Nothing listens there: the peer's kernel answers with a reset at once. */
  | { kind: 'refused' }
  /** docker-proxy accepted on the published port, found nothing listening behind it, closed. */
  | { kind: 'reset' }
  /** Accepted, but the process is frozen (`docker pause`): no byte ever comes back. */
  | { kind: 'stalled' }
  /** The packets are dropped (isolated networks): the attempt runs into its timeout. */
  | { kind: 'dropped' }
  /** An address of a local network that nobody holds: ARP fails after about three seconds. */
  | { kind: 'host-unreachable'; gateway: string }
  /** No route: an address outside the machine's networks. */
  | { kind: 'net-unreachable' }

export type Echo =
  | { kind: 'reply'; ttl: number }
  | { kind: 'host-unreachable'; gateway: string }
  | { kind: 'dropped' }
  | { kind: 'net-unreachable' }

/** How long the kernel keeps trying a local address that no one answers ARP for. */
export const HOST_UNREACHABLE_MS = 3068
/** Linux gives up a connect whose SYNs are all dropped after 6 retries (1+2+…+64 s). */
export const SYN_TIMEOUT_MS = 127_004

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

export function isIpv4(text: string): boolean {
  const m = IPV4.exec(text)
  return m !== null && m.slice(1).every((part) => Number(part) <= 255)
}

export function isLoopback(address: string): boolean {
  return address === '::1' || (isIpv4(address) && address.startsWith('127.'))
}

/** A container that has its network namespace (and so its addresses). */
function hasAddresses(c: ContainerRecord): boolean {
  return c.state.status === 'running' || c.state.status === 'paused'
}

/** From inside a `--network host` container, the world looks as it does from the host. */
function originOf(from: ContainerRecord | undefined): ContainerRecord | undefined {
  return from?.hostConfig.NetworkMode === 'host' ? undefined : from
}

/**
 * The addresses a name resolves to, as getaddrinfo would give them: `from` undefined means the
 * host. Returns an empty list when the name does not resolve.
 */
export function resolveName(
  engine: DockerEngine,
  name: string,
  fromContainer?: ContainerRecord,
): string[] {
  const host = name.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '')
  if (isIpv4(host)) return [host]
  if (host === '::1' || host === '::') return ['::1']
  const lower = host.toLowerCase()
  if (lower === 'localhost' || lower === 'localhost.localdomain') return ['127.0.0.1']
  const from = originOf(fromContainer)
  if (from === undefined) return []
  if (lower === from.config.Hostname.toLowerCase()) {
    const own = firstAddress(from)
    return own === undefined ? ['127.0.0.1'] : [own]
  }
  const fromHosts = hostsFileEntry(engine, from, lower)
  if (fromHosts !== undefined) return [fromHosts]
  const found: string[] = []
  for (const [networkName, mine] of from.networks) {
    if (networkName === 'bridge' || mine.IPAddress === '') continue
    for (const other of engine.allContainers().reverse()) {
      const endpoint = other.networks.get(networkName)
      if (!hasAddresses(other) || endpoint === undefined || endpoint.IPAddress === '') continue
      const names = [other.name, other.id.slice(0, 12), ...(endpoint.Aliases ?? [])]
      if (names.some((n) => n.toLowerCase() === lower) && !found.includes(endpoint.IPAddress))
        found.push(endpoint.IPAddress)
    }
  }
  return found
}

/** The container's /etc/hosts: `--add-host` and `--link` entries. */
function hostsFileEntry(
  engine: DockerEngine,
  from: ContainerRecord,
  lower: string,
): string | undefined {
  for (const entry of from.hostConfig.ExtraHosts ?? []) {
    const at = entry.indexOf(':')
    const names = entry.slice(0, at)
    const ip = entry.slice(at + 1)
    if (names.toLowerCase() !== lower) continue
    if (ip === 'host-gateway')
      return engine.networks.find('bridge')?.resource.IPAM.Config[0]?.Gateway
    return ip
  }
  for (const link of from.hostConfig.Links ?? []) {
    // The daemon stores `/web:/app/db`; the CLI's `web:db` form is accepted too.
    const [target = '', alias = ''] = link.split(':')
    const targetName = target.replace(/^\//, '')
    const aliasName = alias.split('/').pop() ?? ''
    const linked = engine.findContainer(targetName)
    if (linked === undefined || !hasAddresses(linked)) continue
    const names = [aliasName, targetName, linked.config.Hostname].map((n) => n.toLowerCase())
    if (!names.includes(lower)) continue
    return linked.networks.get('bridge')?.IPAddress || firstAddress(linked)
  }
  return undefined
}

function firstAddress(c: ContainerRecord): string | undefined {
  for (const endpoint of c.networks.values())
    if (endpoint.IPAddress !== '') return endpoint.IPAddress
  return undefined
}

/** The gateways of the bridge networks: addresses of the host itself. */
function hostAddresses(engine: DockerEngine): string[] {
  return engine.networks
    .all()
    .flatMap((n) => n.resource.IPAM.Config.map((c) => c.Gateway ?? ''))
    .filter((ip) => ip !== '')
}

/** The container holding `address` on one of its networks, with that endpoint. */
function holderOf(
  engine: DockerEngine,
  address: string,
): { container: ContainerRecord; network: string; endpoint: EndpointSettings } | undefined {
  for (const container of engine.allContainers()) {
    if (!hasAddresses(container)) continue
    for (const [network, endpoint] of container.networks)
      if (endpoint.IPAddress === address) return { container, network, endpoint }
  }
  return undefined
}

/** The gateway of the local network that contains `address`, if any. */
function localGatewayFor(engine: DockerEngine, address: string): string | undefined {
  if (!isIpv4(address)) return undefined
  for (const network of engine.networks.all())
    if (network.subnet && contains(network.subnet, address))
      return network.resource.IPAM.Config[0]?.Gateway
  return undefined
}

function sharesNetwork(a: ContainerRecord, network: string): boolean {
  const endpoint = a.networks.get(network)
  return endpoint !== undefined && endpoint.IPAddress !== ''
}

/**
 * The service the container's main process listens on at `port`, once its start-up lines have
 * all been written. Only the image's own command serves: `docker run nginx sleep 60` does not.
 */
export function listeningService(
  c: ContainerRecord,
  port: number,
  nowMs: number,
): ServiceSpec | undefined {
  if (!hasAddresses(c) || c.state.startedAtMs === undefined) return undefined
  const profile = c.image.catalog?.profile
  const service = profile?.services?.find((s) => s.port === port && s.protocol === 'tcp')
  if (service === undefined) return undefined
  const plan = planProcess({
    profile,
    imageCmd: c.image.inspect.Config.Cmd,
    imageEntrypoint: c.image.inspect.Config.Entrypoint,
    cmd: c.config.Cmd,
    entrypoint: c.config.Entrypoint,
    env: c.config.Env,
    interactive: c.config.OpenStdin || c.config.Tty,
    // The engine plays the first-start lines only on a container's very first run.
    firstStart: c.state.finishedAtMs === undefined,
  })
  if (plan.kind !== 'service') return undefined
  const readyAfter = plan.logs.reduce((sum, line) => sum + (line.delayMs ?? 0), 0)
  return nowMs >= c.state.startedAtMs + readyAfter ? service : undefined
}

/** Bindings that accept a connection made to `address` (a host address) on `port`. */
function publishedTo(
  engine: DockerEngine,
  address: string,
  port: number,
): { container: ContainerRecord; containerPort: number } | undefined {
  const v6 = address.includes(':')
  for (const container of engine.allContainers()) {
    if (!hasAddresses(container)) continue
    for (const [key, bindings] of Object.entries(container.boundPorts)) {
      const [containerPort = '0', proto = 'tcp'] = key.split('/')
      if (proto !== 'tcp') continue
      for (const b of bindings ?? []) {
        if (b.HostPort !== String(port)) continue
        const wildcard = v6 ? b.HostIp === '::' : b.HostIp === '0.0.0.0'
        if (wildcard || b.HostIp === address)
          return { container, containerPort: Number(containerPort) }
      }
    }
  }
  return undefined
}

/** Where docker-proxy connects from: the gateway of the target's network (its access logs show it). */
function proxySource(c: ContainerRecord): string {
  for (const endpoint of c.networks.values()) if (endpoint.Gateway !== '') return endpoint.Gateway
  return '172.17.0.1'
}

function serve(
  engine: DockerEngine,
  c: ContainerRecord,
  port: number,
  clientIp: string,
  nowMs: number,
  closed: 'refused' | 'reset',
): Connection {
  const service = listeningService(c, port, nowMs)
  if (service === undefined) return serveApp(engine, c, port, clientIp, closed)
  if (c.state.status === 'paused') return { kind: 'stalled' }
  return { kind: 'open', server: { container: c, port, service, clientIp } }
}

/**
 * A student's app (apps/app-service.ts) listening on `port`. One bound to 127.0.0.1 is only
 * there for connections to the container's loopback: the source address tells which (the
 * loopback calls pass a loopback client address).
 */
function serveApp(
  engine: DockerEngine,
  c: ContainerRecord,
  port: number,
  clientIp: string,
  closed: 'refused' | 'reset',
): Connection {
  const toLoopback = isLoopback(clientIp)
  if (appListens(c, port, toLoopback) !== 'listening') return { kind: closed }
  if (c.state.status === 'paused') return { kind: 'stalled' }
  const localIp = toLoopback ? clientIp : (firstAddress(c) ?? '')
  const respond = appRespond(engine, c, clientIp, localIp)
  if (respond === undefined) return { kind: closed }
  const service: ServiceSpec = { port, protocol: 'tcp', kind: 'http' }
  return { kind: 'open', server: { container: c, port, service, clientIp, respond } }
}

/** Whether anything in the container listens on `port` of its (host's) loopback. */
function listensOnHost(c: ContainerRecord, port: number, nowMs: number): boolean {
  return listeningService(c, port, nowMs) !== undefined || appListens(c, port, true) !== 'closed'
}

/**
 * A TCP connection attempt to `address:port`, from the host (`fromContainer` undefined) or from
 * inside a container. Nothing changes in the engine.
 */
export function connect(
  engine: DockerEngine,
  address: string,
  port: number,
  nowMs: number,
  fromContainer?: ContainerRecord,
): Connection {
  const from = originOf(fromContainer)
  for (const hook of reachHooks.get(engine) ?? []) {
    const answer = hook(address, port, nowMs, from)
    if (answer !== undefined) return answer
  }
  if (from !== undefined && isLoopback(address))
    return serve(engine, from, port, address === '::1' ? '::1' : '127.0.0.1', nowMs, 'refused')
  if (from !== undefined && from.hostConfig.NetworkMode === 'none')
    return { kind: 'net-unreachable' }
  const ownAddress =
    (from === undefined && (isLoopback(address) || address === '0.0.0.0')) ||
    hostAddresses(engine).includes(address)
  if (ownAddress) {
    // A `--network host` container listens on the host's own ports.
    for (const c of engine.allContainers())
      if (c.hostConfig.NetworkMode === 'host' && listensOnHost(c, port, nowMs))
        return serve(engine, c, port, from === undefined ? '127.0.0.1' : address, nowMs, 'refused')
    // Published ports: docker-proxy (or the NAT rules) on the host hand the connection over.
    const published = publishedTo(engine, address === '0.0.0.0' ? '127.0.0.1' : address, port)
    if (published === undefined) return { kind: 'refused' }
    const target = published.container
    return serve(engine, target, published.containerPort, proxySource(target), nowMs, 'reset')
  }
  const holder = holderOf(engine, address)
  if (holder === undefined) {
    const gateway = localGatewayFor(engine, address)
    return gateway === undefined
      ? { kind: 'net-unreachable' }
      : { kind: 'host-unreachable', gateway }
  }
  if (from !== undefined && holder.container.id === from.id)
    return serve(engine, from, port, address, nowMs, 'refused')
  if (from !== undefined && !sharesNetwork(from, holder.network)) return { kind: 'dropped' }
  const clientIp =
    from === undefined
      ? holder.endpoint.Gateway
      : (from.networks.get(holder.network)?.IPAddress ?? holder.endpoint.Gateway)
  return serve(engine, holder.container, port, clientIp, nowMs, 'refused')
}

/**
 * Another listener on the machine, outside the engine's containers (minikube's NodePorts, the
 * routes `minikube tunnel` adds): asked first; undefined lets the engine answer.
 */
export type ReachHook = (
  address: string,
  port: number,
  nowMs: number,
  fromContainer: ContainerRecord | undefined,
) => Connection | undefined

const reachHooks = new WeakMap<DockerEngine, Set<ReachHook>>()

/** Registers a hook on the engine's network; the returned function removes it. */
export function addReachHook(engine: DockerEngine, hook: ReachHook): () => void {
  let hooks = reachHooks.get(engine)
  if (hooks === undefined) {
    hooks = new Set()
    reachHooks.set(engine, hooks)
  }
  hooks.add(hook)
  return () => hooks.delete(hook)
}

/** An ICMP echo to `address`: kernels answer it, even a paused container's. */
export function echo(engine: DockerEngine, address: string, fromContainer?: ContainerRecord): Echo {
  const from = originOf(fromContainer)
  if (isLoopback(address)) return { kind: 'reply', ttl: 64 }
  if (from !== undefined && from.hostConfig.NetworkMode === 'none')
    return { kind: 'net-unreachable' }
  if ((from === undefined && address === '0.0.0.0') || hostAddresses(engine).includes(address))
    return { kind: 'reply', ttl: 64 }
  const holder = holderOf(engine, address)
  if (holder === undefined) {
    const gateway = localGatewayFor(engine, address)
    return gateway === undefined
      ? { kind: 'net-unreachable' }
      : { kind: 'host-unreachable', gateway }
  }
  if (from !== undefined && holder.container.id !== from.id && !sharesNetwork(from, holder.network))
    return { kind: 'dropped' }
  return { kind: 'reply', ttl: 64 }
}

/**
 * The name Docker's embedded DNS gives an address in reverse (`web.mynet`), as ping prints it
 * inside a container on a user-defined network; undefined elsewhere.
 */
export function reverseName(
  engine: DockerEngine,
  address: string,
  fromContainer?: ContainerRecord,
): string | undefined {
  const from = originOf(fromContainer)
  if (from === undefined) return undefined
  const holder = holderOf(engine, address)
  if (holder === undefined || holder.network === 'bridge' || !sharesNetwork(from, holder.network))
    return undefined
  return `${holder.container.name}.${holder.network}`
}
