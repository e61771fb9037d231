import type { SeededRandom } from '../../core/random'
import type { NetworkResource } from './api-types'
import { formatCidr, gatewayOf, nextFreeSubnet, parseCidr, type Subnet } from './ipam'
import { rfc3339Nano } from './time'

export interface NetworkRecord {
  resource: NetworkResource
  subnet: Subnet | undefined
}

export interface NetworkCreateOptions {
  name: string
  driver?: string
  subnet?: string
  gateway?: string
  internal?: boolean
  attachable?: boolean
  labels?: Record<string, string>
  options?: Record<string, string>
}

/** Networks by id; `bridge`, `host` and `none` exist from the start, as on a fresh daemon. */
export class NetworkStore {
  private readonly byId = new Map<string, NetworkRecord>()

  constructor(
    private readonly random: SeededRandom,
    nowMs: number,
  ) {
    const created = rfc3339Nano(nowMs)
    this.insert(
      {
        name: 'bridge',
        driver: 'bridge',
        subnet: '172.17.0.0/16',
        gateway: '172.17.0.1',
        options: {
          'com.docker.network.bridge.default_bridge': 'true',
          'com.docker.network.bridge.enable_icc': 'true',
          'com.docker.network.bridge.enable_ip_masquerade': 'true',
          'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
          'com.docker.network.bridge.name': 'docker0',
          'com.docker.network.driver.mtu': '1500',
        },
      },
      created,
    )
    this.insert({ name: 'host', driver: 'host' }, created)
    this.insert({ name: 'none', driver: 'null' }, created)
  }

  private insert(options: NetworkCreateOptions, created: string): NetworkRecord {
    const id = this.random.hex(64)
    const subnet = options.subnet === undefined ? undefined : parseCidr(options.subnet)
    const config =
      subnet === undefined
        ? []
        : [{ Subnet: formatCidr(subnet), Gateway: options.gateway ?? gatewayOf(subnet) }]
    const record: NetworkRecord = {
      subnet,
      resource: {
        Name: options.name,
        Id: id,
        Created: created,
        Scope: 'local',
        Driver: options.driver ?? 'bridge',
        EnableIPv4: true,
        EnableIPv6: false,
        IPAM: { Driver: 'default', Options: options.name === 'bridge' ? null : {}, Config: config },
        Internal: options.internal ?? false,
        Attachable: options.attachable ?? false,
        Ingress: false,
        ConfigFrom: { Network: '' },
        ConfigOnly: false,
        Containers: {},
        Options: options.options ?? {},
        Labels: options.labels ?? {},
      },
    }
    this.byId.set(id, record)
    return record
  }

  /** A user-defined network; a bridge without a subnet gets the next free default pool. */
  create(options: NetworkCreateOptions, nowMs: number): NetworkRecord {
    const driver = options.driver ?? 'bridge'
    let subnet = options.subnet
    if (subnet === undefined && driver === 'bridge') {
      const next = nextFreeSubnet(this.subnets())
      if (next) subnet = formatCidr(next)
    }
    return this.insert(
      { ...options, driver, ...(subnet === undefined ? {} : { subnet }) },
      rfc3339Nano(nowMs),
    )
  }

  subnets(): Subnet[] {
    return [...this.byId.values()].flatMap((n) => (n.subnet ? [n.subnet] : []))
  }

  /** By exact name, full id, or unique id prefix — the daemon's lookup order. */
  find(ref: string): NetworkRecord | undefined {
    const all = [...this.byId.values()]
    const byName = all.find((n) => n.resource.Name === ref)
    if (byName) return byName
    const byId = this.byId.get(ref)
    if (byId) return byId
    const prefixed = all.filter((n) => n.resource.Id.startsWith(ref))
    return prefixed.length === 1 ? prefixed[0] : undefined
  }

  remove(id: string): void {
    this.byId.delete(id)
  }

  all(): NetworkRecord[] {
    return [...this.byId.values()]
  }

  isPredefined(name: string): boolean {
    return name === 'bridge' || name === 'host' || name === 'none'
  }
}
