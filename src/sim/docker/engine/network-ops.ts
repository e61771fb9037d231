/**
 * Network operations of the simulated daemon: create, remove, connect, disconnect and prune, with
 * moby's checks and messages (daemon/network.go, daemon/container_operations.go, libnetwork
 * error.go as of docker 28.2) and the events they log.
 */
import { err, ok, type Result } from '../../core/errors'
import type { EndpointSettings, NetworkResource } from './api-types'
import { isUp, type ContainerRecord } from './container-record'
import type { DockerEngine } from './engine'
import { DaemonError, daemonErrors } from './errors'
import { contains, formatCidr, nextFreeAddress, overlaps, parseCidr } from './ipam'
import type { NetworkCreateOptions, NetworkRecord } from './network-store'
import type { NetworksPruneReport } from './report-types'

const PREDEFINED = new Set(['bridge', 'host', 'none'])
const LOCAL_DRIVERS = new Set(['bridge', 'host', 'null', 'macvlan', 'ipvlan', 'overlay'])

/** runconfig's ErrConflictHostNetwork. */
const HOST_NETWORK_CONFLICT =
  'container cannot be disconnected from host network or connected to host network'

/** Networks whose subnet the user chose (`--subnet`): only those take `--ip`. */
const userSubnets = new WeakMap<DockerEngine, Set<string>>()

function userSubnetSet(engine: DockerEngine): Set<string> {
  let set = userSubnets.get(engine)
  if (!set) {
    set = new Set()
    userSubnets.set(engine, set)
  }
  return set
}

function findNetwork(engine: DockerEngine, ref: string): Result<NetworkRecord, DaemonError> {
  const found = engine.networks.find(ref)
  return found ? ok(found) : err(daemonErrors.noSuchNetwork(ref))
}

function findContainer(engine: DockerEngine, ref: string): Result<ContainerRecord, DaemonError> {
  const found = engine.findContainer(ref)
  return found ? ok(found) : err(daemonErrors.noSuchContainer(ref))
}

const attributes = (n: NetworkResource, extra: Record<string, string> = {}) => ({
  ...extra,
  name: n.Name,
  type: n.Driver,
})

/** `POST /networks/create`: the new network, or the daemon's refusal. */
export function createNetwork(
  engine: DockerEngine,
  options: NetworkCreateOptions,
): Result<NetworkResource, DaemonError> {
  const driver = options.driver ?? 'bridge'
  if (engine.networks.all().some((n) => n.resource.Name === options.name))
    return err(daemonErrors.networkExists(options.name))
  if (driver === 'host' || driver === 'null')
    return err(new DaemonError(403, `only one instance of "${driver}" network is allowed`))
  if (!LOCAL_DRIVERS.has(driver)) return err(new DaemonError(404, `plugin "${driver}" not found`))
  if (driver === 'overlay')
    return err(
      new DaemonError(
        503,
        'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
      ),
    )
  if (options.subnet !== undefined) {
    const subnet = parseCidr(options.subnet)
    if (!subnet)
      return err(
        daemonErrors.invalidParameter(
          `invalid subnet ${options.subnet} : invalid CIDR address: ${options.subnet}`,
        ),
      )
    if (engine.networks.subnets().some((s) => overlaps(s, subnet)))
      return err(
        new DaemonError(
          403,
          'invalid pool request: Pool overlaps with other one on this address space',
        ),
      )
    if (options.gateway !== undefined && !contains(subnet, options.gateway))
      return err(
        daemonErrors.invalidParameter(
          `failed to allocate gateway (${options.gateway}): Address out of range`,
        ),
      )
  }
  const record = engine.networks.create(
    {
      ...options,
      driver,
      options: options.options ?? {},
      ...(options.subnet === undefined
        ? {}
        : { subnet: formatCidr(parseCidr(options.subnet) ?? { base: 0, prefix: 0 }) }),
    },
    engine.services.clock.now(),
  )
  if (options.subnet !== undefined) userSubnetSet(engine).add(record.resource.Id)
  engine.events.emit('network', 'create', record.resource.Id, attributes(record.resource))
  engine.services.changed()
  return ok(record.resource)
}

/** `DELETE /networks/{id}`: refused for the predefined networks and while endpoints remain. */
export function removeNetwork(engine: DockerEngine, ref: string): Result<void, DaemonError> {
  const found = findNetwork(engine, ref)
  if (!found.ok) return found
  const n = found.value.resource
  if (PREDEFINED.has(n.Name))
    return err(new DaemonError(403, `${n.Name} is a pre-defined network and cannot be removed`))
  const endpoints = Object.values(n.Containers)
  if (endpoints.length > 0)
    return err(
      daemonErrors.networkInUse(
        n.Name,
        endpoints.map((e) => ({ name: e.Name, id: e.EndpointID })),
      ),
    )
  engine.networks.remove(n.Id)
  userSubnetSet(engine).delete(n.Id)
  engine.events.emit('network', 'destroy', n.Id, attributes(n))
  engine.services.changed()
  return ok(undefined)
}

/** `POST /networks/{id}/connect` (`docker network connect [--alias] [--ip]`). */
export function connectNetwork(
  engine: DockerEngine,
  networkRef: string,
  containerRef: string,
  settings: { aliases?: string[]; ipv4Address?: string } = {},
): Result<void, DaemonError> {
  const container = findContainer(engine, containerRef)
  if (!container.ok) return container
  const c = container.value
  const found = findNetwork(engine, networkRef)
  if (!found.ok) return found
  const network = found.value
  const n = network.resource
  if (c.hostConfig.NetworkMode === 'host' || n.Driver === 'host')
    return err(daemonErrors.invalidParameter(HOST_NETWORK_CONFLICT))
  if (settings.ipv4Address !== undefined && settings.ipv4Address !== '') {
    if (PREDEFINED.has(n.Name))
      return err(
        daemonErrors.invalidParameter(
          'user specified IP address is supported on user defined networks only',
        ),
      )
    if (!userSubnetSet(engine).has(n.Id))
      return err(
        daemonErrors.invalidParameter(
          'user specified IP address is supported only when connecting to networks with user configured subnets',
        ),
      )
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(settings.ipv4Address))
      return err(daemonErrors.invalidParameter(`invalid IPv4 address: ${settings.ipv4Address}`))
  }
  const up = c.state.status === 'running' || c.state.status === 'paused'
  if (c.networks.has(n.Name)) {
    if (!up) return ok(undefined)
    return err(
      new DaemonError(403, `endpoint with name ${c.name} already exists in network ${n.Name}`),
    )
  }
  const endpoint = emptyEndpoint(settings)
  if (up) {
    const attached = attach(engine, c, network, endpoint)
    if (!attached.ok) return attached
  }
  c.networks.set(n.Name, endpoint)
  engine.events.emit('network', 'connect', n.Id, attributes(n, { container: c.id }))
  engine.services.changed()
  return ok(undefined)
}

/** `POST /networks/{id}/disconnect`. */
export function disconnectNetwork(
  engine: DockerEngine,
  networkRef: string,
  containerRef: string,
  options: { force?: boolean } = {},
): Result<void, DaemonError> {
  const container = findContainer(engine, containerRef)
  if (!container.ok) {
    if (!options.force) return container
    // Force on a container that no longer exists: drop a stale endpoint of that name.
    const network = engine.networks.find(networkRef)
    if (!network) return err(daemonErrors.noSuchNetwork(networkRef))
    for (const [id, e] of Object.entries(network.resource.Containers))
      if (e.Name === containerRef) delete network.resource.Containers[id]
    engine.services.changed()
    return ok(undefined)
  }
  const c = container.value
  const found = engine.networks.find(networkRef)
  const up = c.state.status === 'running' || c.state.status === 'paused'
  if (!found) return err(daemonErrors.noSuchNetwork(networkRef))
  const n = found.resource
  if (!up) {
    if (!c.networks.has(n.Name))
      return err(
        daemonErrors.invalidParameter(
          `container ${c.id} is not connected to the network ${n.Name}`,
        ),
      )
  } else {
    if (c.hostConfig.NetworkMode === 'host' && n.Driver === 'host')
      return err(daemonErrors.invalidParameter(HOST_NETWORK_CONFLICT))
    if (!c.networks.has(n.Name) || n.Containers[c.id] === undefined)
      return err(
        daemonErrors.invalidParameter(`container ${c.id} is not connected to network ${n.Name}`),
      )
    delete n.Containers[c.id]
  }
  c.networks.delete(n.Name)
  engine.events.emit('network', 'disconnect', n.Id, attributes(n, { container: c.id }))
  engine.services.changed()
  return ok(undefined)
}

/**
 * `POST /networks/prune`: user-defined networks without endpoints (no running container),
 * narrowed by labels (`key` or `key=value`) and a creation time limit.
 */
export function pruneNetworks(
  engine: DockerEngine,
  filters: { labels?: readonly string[]; notLabels?: readonly string[]; untilMs?: number } = {},
): NetworksPruneReport {
  const has = (n: NetworkResource, wanted: string): boolean => {
    const eq = wanted.indexOf('=')
    return eq === -1 ? wanted in n.Labels : n.Labels[wanted.slice(0, eq)] === wanted.slice(eq + 1)
  }
  const deleted: string[] = []
  const candidates = engine.networks
    .all()
    .map((n) => n.resource)
    .filter((n) => !PREDEFINED.has(n.Name) && Object.keys(n.Containers).length === 0)
    .filter((n) => (filters.labels ?? []).every((l) => has(n, l)))
    .filter((n) => !(filters.notLabels ?? []).some((l) => has(n, l)))
    .filter((n) => filters.untilMs === undefined || Date.parse(n.Created) < filters.untilMs)
    .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0))
  for (const n of candidates) if (removeNetwork(engine, n.Id).ok) deleted.push(n.Name)
  engine.events.emit('network', 'prune', '', { reclaimed: '0' })
  return { NetworksDeleted: deleted.length === 0 ? null : deleted }
}

const NETWORK_FILTERS = new Set(['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'])

/** Args.Match: the value itself, or a regular expression that matches. */
function argMatch(values: readonly string[] | undefined, subject: string): boolean {
  if (values === undefined || values.length === 0) return true
  return values.some((v) => {
    if (v === subject) return true
    try {
      return new RegExp(v).test(subject)
    } catch {
      return false
    }
  })
}

/**
 * `GET /networks` with its filters (moby daemon/network/filter.go): the list carries no
 * containers (only inspect does); `dangling` means no endpoint, `type` is custom or builtin.
 */
export function listNetworks(
  engine: DockerEngine,
  filters: ReadonlyMap<string, readonly string[]>,
): Result<NetworkResource[], DaemonError> {
  for (const key of filters.keys())
    if (!NETWORK_FILTERS.has(key))
      return err(daemonErrors.invalidParameter(`invalid filter '${key}'`))
  for (const type of filters.get('type') ?? [])
    if (type !== 'custom' && type !== 'builtin')
      return err(daemonErrors.invalidParameter(`invalid filter: 'type'='${type}'`))
  let dangling: boolean | undefined
  for (const value of filters.get('dangling') ?? []) {
    if (['true', '1'].includes(value.toLowerCase())) dangling = true
    else if (['false', '0'].includes(value.toLowerCase())) dangling = false
    else return err(daemonErrors.invalidParameter(`invalid filter 'dangling=${value}'`))
  }
  const labels = filters.get('label') ?? []
  return ok(
    engine.networks
      .all()
      .map((record) => record.resource)
      .filter((n) => {
        const builtin = PREDEFINED.has(n.Name)
        const types = filters.get('type')
        if (types && !types.includes(builtin ? 'builtin' : 'custom')) return false
        if (dangling !== undefined) {
          const isDangling = !builtin && Object.keys(n.Containers).length === 0
          if (dangling !== isDangling) return false
        }
        const drivers = filters.get('driver')
        if (drivers && !drivers.includes(n.Driver)) return false
        const scopes = filters.get('scope')
        if (scopes && !scopes.includes(n.Scope)) return false
        return (
          argMatch(filters.get('name'), n.Name) &&
          argMatch(filters.get('id'), n.Id) &&
          labels.every((l) => {
            const eq = l.indexOf('=')
            return eq === -1 ? l in n.Labels : n.Labels[l.slice(0, eq)] === l.slice(eq + 1)
          })
        )
      })
      .map((n) => ({ ...n, Containers: {} })),
  )
}

export function isPredefinedNetwork(name: string): boolean {
  return PREDEFINED.has(name)
}

function emptyEndpoint(settings: { aliases?: string[]; ipv4Address?: string }): EndpointSettings {
  return {
    IPAMConfig:
      settings.ipv4Address === undefined || settings.ipv4Address === ''
        ? null
        : { IPv4Address: settings.ipv4Address },
    Links: null,
    Aliases: settings.aliases && settings.aliases.length > 0 ? [...settings.aliases] : null,
    MacAddress: '',
    DriverOpts: null,
    NetworkID: '',
    EndpointID: '',
    Gateway: '',
    IPAddress: '',
    IPPrefixLen: 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: null,
  }
}

/** Gives a running container an address on the network, as the engine does at start. */
function attach(
  engine: DockerEngine,
  c: ContainerRecord,
  network: NetworkRecord,
  endpoint: EndpointSettings,
): Result<void, DaemonError> {
  const n = network.resource
  if (!network.subnet || !isUp(c)) return ok(undefined)
  const taken = new Set(Object.values(n.Containers).map((e) => e.IPv4Address.split('/')[0] ?? ''))
  const wanted = endpoint.IPAMConfig?.IPv4Address
  if (wanted !== undefined) {
    if (!contains(network.subnet, wanted))
      return err(
        daemonErrors.invalidParameter(
          `no configured subnet or ip-range contain the IP address ${wanted}`,
        ),
      )
    if (taken.has(wanted))
      return err(
        daemonErrors.invalidParameter(
          `failed to allocate ip address ${wanted}: Address already in use`,
        ),
      )
  }
  const ip = wanted ?? nextFreeAddress(network.subnet, taken)
  if (ip === undefined)
    return err(
      daemonErrors.invalidParameter(
        "no available IPv4 addresses on this network's address pools: " + n.Name,
      ),
    )
  const { random } = engine.services
  endpoint.NetworkID = n.Id
  endpoint.EndpointID = random.hex(64)
  endpoint.Gateway = n.IPAM.Config[0]?.Gateway ?? ''
  endpoint.IPAddress = ip
  endpoint.IPPrefixLen = network.subnet.prefix
  endpoint.MacAddress = [0x02, ...Array.from({ length: 5 }, () => random.nextInt(256))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join(':')
  endpoint.DNSNames = [c.name, c.id.slice(0, 12), ...(endpoint.Aliases ?? [])]
  n.Containers[c.id] = {
    Name: c.name,
    EndpointID: endpoint.EndpointID,
    MacAddress: endpoint.MacAddress,
    IPv4Address: `${ip}/${network.subnet.prefix}`,
    IPv6Address: '',
  }
  return ok(undefined)
}
