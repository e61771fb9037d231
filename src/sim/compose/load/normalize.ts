import type {
  BuildConfig,
  ComposeProject,
  DependencyCondition,
  FileReference,
  Healthcheck,
  NetworkConfig,
  SecretConfig,
  ServiceConfig,
  ServiceDependency,
  ServiceNetwork,
  ServicePort,
  ServiceVolume,
  VolumeConfig,
} from '../model'
import { fail } from './errors'
import { isPlainObject } from './interpolate'
import { scalarText } from './canonical'

/**
 * Turns the merged, canonical dict into the typed ComposeProject: defaults filled as compose-go
 * does (default network, engine names `<project>_<key>`, dockerfile `Dockerfile`), values typed
 * (ports, memory in bytes), and every field Quai does not model kept in `extra`.
 */

type Dict = Record<string, unknown>

const str = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : scalarText(v)

const bool = (v: unknown): boolean | undefined => {
  if (v === undefined || v === null) return undefined
  if (typeof v === 'boolean') return v
  const s = String(v).toLowerCase()
  if (['true', '1', 'yes', 'y', 'on'].includes(s)) return true
  if (['false', '0', 'no', 'n', 'off', ''].includes(s)) return false
  fail(`invalid boolean: ${String(v)}`)
}

const int = (v: unknown, what: string): number | undefined => {
  if (v === undefined || v === null) return undefined
  const n = typeof v === 'number' ? v : Number(String(v).trim())
  if (!Number.isInteger(n))
    fail(`strconv.Atoi: parsing ${JSON.stringify(String(v))}: invalid syntax (${what})`)
  return n
}

const stringMap = (v: unknown, emptyForNull = true): Record<string, string> => {
  const out: Record<string, string> = {}
  if (isPlainObject(v)) {
    for (const [k, x] of Object.entries(v))
      out[k] = x === null ? (emptyForNull ? '' : '') : scalarText(x)
  }
  return out
}

/** go-units RAMInBytes: `512m`, `1g`, `1.5GB`, `100000` (1024-based). */
export function parseBytes(v: unknown): number {
  if (typeof v === 'number') return Math.trunc(v)
  const text = String(v).trim()
  const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(text)
  if (!m) fail(`invalid size: '${text}'`)
  const unit = (m[2] ?? '').toLowerCase()
  const power = { '': 0, k: 1, m: 2, g: 3, t: 4, p: 5 }[unit] ?? 0
  return Math.trunc(Number(m[1]) * 1024 ** power)
}

const SERVICE_TYPED = new Set([
  'image',
  'build',
  'command',
  'entrypoint',
  'environment',
  'env_file',
  'ports',
  'expose',
  'volumes',
  'networks',
  'network_mode',
  'depends_on',
  'healthcheck',
  'restart',
  'deploy',
  'scale',
  'profiles',
  'labels',
  'container_name',
  'hostname',
  'working_dir',
  'user',
  'secrets',
  'configs',
  'stop_grace_period',
  'stop_signal',
  'tty',
  'stdin_open',
  'pull_policy',
  'mem_limit',
  'cpus',
])

export interface NormalizeContext {
  projectName: string
  environment: Record<string, string>
  /** Values read from env_file entries, by absolute path (the loader reads the files). */
  envFiles: Map<string, Map<string, string>>
}

export function normalizeService(name: string, raw: Dict, ctx: NormalizeContext): ServiceConfig {
  const extra: Dict = {}
  for (const [k, v] of Object.entries(raw)) if (!SERVICE_TYPED.has(k)) extra[k] = v
  const svc: ServiceConfig = {
    name,
    environment: serviceEnvironment(raw, ctx),
    ports: Array.isArray(raw.ports) ? raw.ports.map(toPort) : [],
    expose: Array.isArray(raw.expose) ? raw.expose.map((e) => scalarText(e)) : [],
    volumes: Array.isArray(raw.volumes) ? raw.volumes.map(toVolume) : [],
    networks: {},
    depends_on: {},
    profiles: Array.isArray(raw.profiles) ? raw.profiles.map((p) => scalarText(p)) : [],
    labels: stringMap(raw.labels),
    secrets: Array.isArray(raw.secrets) ? raw.secrets.map(toFileRef) : [],
    configs: Array.isArray(raw.configs) ? raw.configs.map(toFileRef) : [],
    extra,
  }
  const image = str(raw.image)
  if (image !== undefined) svc.image = image
  if (isPlainObject(raw.build)) svc.build = toBuild(raw.build)
  if (raw.command !== undefined) svc.command = toCommand(raw.command)
  if (raw.entrypoint !== undefined) svc.entrypoint = toCommand(raw.entrypoint)
  if (Array.isArray(raw.env_file)) {
    svc.env_file = raw.env_file.filter(isPlainObject).map((e) => {
      const entry: { path: string; required: boolean; format?: string } = {
        path: String(e.path),
        required: e.required !== false,
      }
      if (typeof e.format === 'string') entry.format = e.format
      return entry
    })
  }
  const networkMode = str(raw.network_mode)
  if (networkMode !== undefined) svc.network_mode = networkMode
  if (isPlainObject(raw.networks)) {
    for (const [net, cfg] of Object.entries(raw.networks)) svc.networks[net] = toServiceNetwork(cfg)
  } else if (networkMode === undefined) {
    svc.networks.default = null
  }
  if (isPlainObject(raw.depends_on)) {
    for (const [dep, cfg] of Object.entries(raw.depends_on)) svc.depends_on[dep] = toDependency(cfg)
  }
  if (isPlainObject(raw.healthcheck)) svc.healthcheck = toHealthcheck(raw.healthcheck)
  for (const key of [
    'restart',
    'container_name',
    'hostname',
    'working_dir',
    'user',
    'stop_grace_period',
    'stop_signal',
    'pull_policy',
  ] as const) {
    const v = str(raw[key])
    if (v !== undefined) svc[key] = v
  }
  const tty = bool(raw.tty)
  if (tty !== undefined) svc.tty = tty
  const stdinOpen = bool(raw.stdin_open)
  if (stdinOpen !== undefined) svc.stdin_open = stdinOpen
  if (raw.mem_limit !== undefined && raw.mem_limit !== null)
    svc.mem_limit = parseBytes(raw.mem_limit)
  if (raw.cpus !== undefined && raw.cpus !== null) svc.cpus = Number(raw.cpus)
  const scale = int(raw.scale, 'scale')
  if (scale !== undefined) svc.scale = scale
  if (isPlainObject(raw.deploy)) svc.deploy = toDeploy(raw.deploy)
  const replicas = svc.deploy?.replicas
  if (scale !== undefined && replicas !== undefined && scale !== replicas) {
    fail(`can't set distinct values on 'scale' and 'deploy.replicas': ${scale} != ${replicas}`)
  }
  return svc
}

function serviceEnvironment(raw: Dict, ctx: NormalizeContext): Record<string, string | null> {
  const env: Record<string, string | null> = {}
  // env_file first, in order; `environment` then wins (compose-go's WithServicesEnvironmentResolved).
  if (Array.isArray(raw.env_file)) {
    for (const entry of raw.env_file) {
      if (!isPlainObject(entry)) continue
      const values = ctx.envFiles.get(String(entry.path))
      if (values) for (const [k, v] of values) env[k] = v
    }
  }
  if (isPlainObject(raw.environment)) {
    for (const [k, v] of Object.entries(raw.environment)) {
      env[k] = v === null || v === undefined ? (ctx.environment[k] ?? null) : scalarText(v)
    }
  }
  return env
}

function toCommand(v: unknown): string[] | null {
  if (v === null) return null
  if (Array.isArray(v)) return v.map((x) => scalarText(x))
  return [scalarText(v)]
}

function toPort(p: unknown): ServicePort {
  const d = isPlainObject(p) ? p : {}
  const port: ServicePort = {
    mode: d.mode === 'host' ? 'host' : 'ingress',
    target: Number(d.target ?? 0),
    protocol: (['udp', 'sctp'].includes(String(d.protocol))
      ? String(d.protocol)
      : 'tcp') as ServicePort['protocol'],
  }
  if (typeof d.name === 'string') port.name = d.name
  if (d.host_ip !== undefined) port.host_ip = String(d.host_ip)
  if (d.published !== undefined && d.published !== null && d.published !== '')
    port.published = scalarText(d.published)
  if (typeof d.app_protocol === 'string') port.app_protocol = d.app_protocol
  return port
}

function toVolume(v: unknown): ServiceVolume {
  const d = isPlainObject(v) ? v : {}
  const vol: ServiceVolume = {
    type: String(d.type ?? 'volume') as ServiceVolume['type'],
    target: String(d.target ?? ''),
  }
  if (d.source !== undefined) vol.source = String(d.source)
  if (d.read_only !== undefined) vol.read_only = bool(d.read_only) ?? false
  if (typeof d.consistency === 'string') vol.consistency = d.consistency
  if (isPlainObject(d.bind)) {
    vol.bind = {}
    if (d.bind.create_host_path !== undefined)
      vol.bind.create_host_path = bool(d.bind.create_host_path) ?? false
    if (typeof d.bind.propagation === 'string') vol.bind.propagation = d.bind.propagation
    if (typeof d.bind.selinux === 'string') vol.bind.selinux = d.bind.selinux
  }
  if (isPlainObject(d.volume)) {
    vol.volume = {}
    if (d.volume.nocopy !== undefined) vol.volume.nocopy = bool(d.volume.nocopy) ?? false
    if (typeof d.volume.subpath === 'string') vol.volume.subpath = d.volume.subpath
  }
  if (isPlainObject(d.tmpfs)) {
    vol.tmpfs = {}
    if (d.tmpfs.size !== undefined) vol.tmpfs.size = parseBytes(d.tmpfs.size)
    if (d.tmpfs.mode !== undefined) vol.tmpfs.mode = Number(d.tmpfs.mode)
  }
  return vol
}

function toServiceNetwork(cfg: unknown): ServiceNetwork | null {
  if (!isPlainObject(cfg)) return null
  const net: ServiceNetwork = {}
  if (Array.isArray(cfg.aliases)) net.aliases = cfg.aliases.map((a) => scalarText(a))
  if (cfg.ipv4_address !== undefined) net.ipv4_address = String(cfg.ipv4_address)
  if (cfg.ipv6_address !== undefined) net.ipv6_address = String(cfg.ipv6_address)
  if (cfg.priority !== undefined) net.priority = Number(cfg.priority)
  if (cfg.mac_address !== undefined) net.mac_address = String(cfg.mac_address)
  return net
}

function toDependency(cfg: unknown): ServiceDependency {
  const d = isPlainObject(cfg) ? cfg : {}
  return {
    condition: String(d.condition ?? 'service_started') as DependencyCondition,
    restart: bool(d.restart) ?? false,
    required: d.required === undefined ? true : (bool(d.required) ?? true),
  }
}

function toHealthcheck(h: Dict): Healthcheck {
  const out: Healthcheck = {}
  if (Array.isArray(h.test)) out.test = h.test.map((t) => scalarText(t))
  for (const key of ['interval', 'timeout', 'start_period', 'start_interval'] as const) {
    if (h[key] !== undefined && h[key] !== null) out[key] = scalarText(h[key])
  }
  const retries = int(h.retries, 'retries')
  if (retries !== undefined) out.retries = retries
  const disable = bool(h.disable)
  if (disable !== undefined) out.disable = disable
  return out
}

const BUILD_TYPED = new Set([
  'context',
  'dockerfile',
  'dockerfile_inline',
  'args',
  'target',
  'labels',
  'tags',
  'no_cache',
  'pull',
])

function toBuild(b: Dict): BuildConfig {
  const build: BuildConfig = { context: String(b.context ?? '.') }
  if (typeof b.dockerfile_inline === 'string') build.dockerfile_inline = b.dockerfile_inline
  else build.dockerfile = b.dockerfile === undefined ? 'Dockerfile' : scalarText(b.dockerfile)
  if (isPlainObject(b.args)) {
    build.args = {}
    for (const [k, v] of Object.entries(b.args)) build.args[k] = v === null ? null : scalarText(v)
  }
  if (b.target !== undefined) build.target = scalarText(b.target)
  if (b.labels !== undefined) build.labels = stringMap(b.labels)
  if (Array.isArray(b.tags)) build.tags = b.tags.map((t) => scalarText(t))
  const noCache = bool(b.no_cache)
  if (noCache !== undefined) build.no_cache = noCache
  const pull = bool(b.pull)
  if (pull !== undefined) build.pull = pull
  const extra: Dict = {}
  for (const [k, v] of Object.entries(b)) if (!BUILD_TYPED.has(k)) extra[k] = v
  if (Object.keys(extra).length > 0) build.extra = extra
  return build
}

function toFileRef(r: unknown): FileReference {
  const d = isPlainObject(r) ? r : { source: r }
  const ref: FileReference = { source: scalarText(d.source ?? '') }
  if (d.target !== undefined) ref.target = scalarText(d.target)
  if (d.uid !== undefined) ref.uid = scalarText(d.uid)
  if (d.gid !== undefined) ref.gid = scalarText(d.gid)
  if (d.mode !== undefined)
    ref.mode = typeof d.mode === 'number' ? d.mode : parseInt(String(d.mode), 8)
  return ref
}

const DEPLOY_TYPED = new Set(['mode', 'replicas', 'resources', 'restart_policy', 'labels'])

function toDeploy(d: Dict): NonNullable<ServiceConfig['deploy']> {
  const deploy: NonNullable<ServiceConfig['deploy']> = {}
  if (d.mode !== undefined) deploy.mode = scalarText(d.mode)
  const replicas = int(d.replicas, 'replicas')
  if (replicas !== undefined) deploy.replicas = replicas
  if (isPlainObject(d.resources)) {
    const resources: NonNullable<NonNullable<ServiceConfig['deploy']>['resources']> = {}
    const limits = d.resources.limits
    if (isPlainObject(limits)) {
      resources.limits = {}
      if (limits.cpus !== undefined) resources.limits.cpus = scalarText(limits.cpus)
      if (limits.memory !== undefined) resources.limits.memory = parseBytes(limits.memory)
      const pids = int(limits.pids, 'pids')
      if (pids !== undefined) resources.limits.pids = pids
    }
    const reservations = d.resources.reservations
    if (isPlainObject(reservations)) {
      resources.reservations = {}
      if (reservations.cpus !== undefined)
        resources.reservations.cpus = scalarText(reservations.cpus)
      if (reservations.memory !== undefined)
        resources.reservations.memory = parseBytes(reservations.memory)
    }
    deploy.resources = resources
  }
  if (isPlainObject(d.restart_policy)) {
    const rp = d.restart_policy
    deploy.restart_policy = {}
    if (rp.condition !== undefined) deploy.restart_policy.condition = scalarText(rp.condition)
    if (rp.delay !== undefined) deploy.restart_policy.delay = scalarText(rp.delay)
    const attempts = int(rp.max_attempts, 'max_attempts')
    if (attempts !== undefined) deploy.restart_policy.max_attempts = attempts
    if (rp.window !== undefined) deploy.restart_policy.window = scalarText(rp.window)
  }
  if (d.labels !== undefined) deploy.labels = stringMap(d.labels)
  const extra: Dict = {}
  for (const [k, v] of Object.entries(d)) if (!DEPLOY_TYPED.has(k)) extra[k] = v
  if (Object.keys(extra).length > 0) deploy.extra = extra
  return deploy
}

function externalOf(v: unknown): { external: boolean; name?: string } {
  if (isPlainObject(v))
    return { external: true, name: typeof v.name === 'string' ? v.name : undefined }
  return { external: bool(v) ?? false }
}

export function normalizeNetwork(key: string, raw: unknown, project: string): NetworkConfig {
  const d = isPlainObject(raw) ? raw : {}
  const ext = externalOf(d.external)
  const net: NetworkConfig = {
    name:
      typeof d.name === 'string' ? d.name : ext.external ? (ext.name ?? key) : `${project}_${key}`,
    labels: stringMap(d.labels),
    extra: {},
  }
  if (ext.external) net.external = true
  if (d.driver !== undefined) net.driver = scalarText(d.driver)
  if (isPlainObject(d.driver_opts)) net.driver_opts = stringMap(d.driver_opts)
  for (const key2 of ['internal', 'attachable', 'enable_ipv6'] as const) {
    const b = bool(d[key2])
    if (b !== undefined) net[key2] = b
  }
  if (isPlainObject(d.ipam)) {
    const ipam: NonNullable<NetworkConfig['ipam']> = {}
    if (d.ipam.driver !== undefined) ipam.driver = scalarText(d.ipam.driver)
    if (Array.isArray(d.ipam.config)) {
      ipam.config = d.ipam.config.filter(isPlainObject).map((c) => {
        const pool: { subnet?: string; gateway?: string; ip_range?: string } = {}
        if (c.subnet !== undefined) pool.subnet = scalarText(c.subnet)
        if (c.gateway !== undefined) pool.gateway = scalarText(c.gateway)
        if (c.ip_range !== undefined) pool.ip_range = scalarText(c.ip_range)
        return pool
      })
    }
    net.ipam = ipam
  }
  const typed = new Set([
    'name',
    'external',
    'labels',
    'driver',
    'driver_opts',
    'internal',
    'attachable',
    'enable_ipv6',
    'ipam',
  ])
  for (const [k, v] of Object.entries(d)) if (!typed.has(k)) net.extra[k] = v
  return net
}

export function normalizeVolume(key: string, raw: unknown, project: string): VolumeConfig {
  const d = isPlainObject(raw) ? raw : {}
  const ext = externalOf(d.external)
  const vol: VolumeConfig = {
    name:
      typeof d.name === 'string' ? d.name : ext.external ? (ext.name ?? key) : `${project}_${key}`,
    labels: stringMap(d.labels),
    extra: {},
  }
  if (ext.external) vol.external = true
  if (d.driver !== undefined) vol.driver = scalarText(d.driver)
  if (isPlainObject(d.driver_opts)) vol.driver_opts = stringMap(d.driver_opts)
  const typed = new Set(['name', 'external', 'labels', 'driver', 'driver_opts'])
  for (const [k, v] of Object.entries(d)) if (!typed.has(k)) vol.extra[k] = v
  return vol
}

export function normalizeSecret(key: string, raw: unknown, project: string): SecretConfig {
  const d = isPlainObject(raw) ? raw : {}
  const ext = externalOf(d.external)
  const secret: SecretConfig = {
    name:
      typeof d.name === 'string' ? d.name : ext.external ? (ext.name ?? key) : `${project}_${key}`,
    extra: {},
  }
  if (ext.external) secret.external = true
  if (typeof d.file === 'string') secret.file = d.file
  if (typeof d.environment === 'string') secret.environment = d.environment
  const typed = new Set(['name', 'external', 'file', 'environment'])
  for (const [k, v] of Object.entries(d)) if (!typed.has(k)) secret.extra[k] = v
  return secret
}

export type { ComposeProject }
