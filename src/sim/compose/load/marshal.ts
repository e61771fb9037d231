import type {
  ComposeProject,
  NetworkConfig,
  SecretConfig,
  ServiceConfig,
  ServiceVolume,
  VolumeConfig,
} from '../model'
import type { YamlValue } from './go-yaml'

/**
 * The project as `docker compose config` prints it: compose-go's types marshalled in their
 * struct field order (maps sorted by key, zero values left out), long syntaxes, absolute paths,
 * byte sizes and Go durations, only the enabled services.
 */

type Obj = { [key: string]: YamlValue }

const SERVICE_ORDER = [
  'profiles',
  'annotations',
  'attach',
  'build',
  'develop',
  'blkio_config',
  'cap_add',
  'cap_drop',
  'cgroup_parent',
  'cgroup',
  'cpu_count',
  'cpu_percent',
  'cpu_period',
  'cpu_quota',
  'cpu_rt_period',
  'cpu_rt_runtime',
  'cpus',
  'cpuset',
  'cpu_shares',
  'command',
  'configs',
  'container_name',
  'credential_spec',
  'depends_on',
  'deploy',
  'device_cgroup_rules',
  'devices',
  'dns',
  'dns_opt',
  'dns_search',
  'dockerfile',
  'domainname',
  'entrypoint',
  'provider',
  'environment',
  'env_file',
  'expose',
  'extends',
  'external_links',
  'extra_hosts',
  'group_add',
  'gpus',
  'hostname',
  'healthcheck',
  'image',
  'init',
  'ipc',
  'isolation',
  'labels',
  'label_file',
  'links',
  'logging',
  'log_driver',
  'log_opt',
  'mem_limit',
  'mem_reservation',
  'memswap_limit',
  'mem_swappiness',
  'mac_address',
  'models',
  'net',
  'network_mode',
  'networks',
  'oom_kill_disable',
  'oom_score_adj',
  'pid',
  'pids_limit',
  'platform',
  'ports',
  'privileged',
  'pull_policy',
  'read_only',
  'restart',
  'runtime',
  'scale',
  'secrets',
  'security_opt',
  'shm_size',
  'stdin_open',
  'stop_grace_period',
  'stop_signal',
  'storage_opt',
  'sysctls',
  'tmpfs',
  'tty',
  'ulimits',
  'use_api_socket',
  'user',
  'userns_mode',
  'uts',
  'volume_driver',
  'volumes',
  'volumes_from',
  'working_dir',
  'post_start',
  'pre_stop',
]

const BUILD_ORDER = [
  'context',
  'dockerfile',
  'dockerfile_inline',
  'entitlements',
  'args',
  'ssh',
  'labels',
  'cache_from',
  'cache_to',
  'no_cache',
  'no_cache_filter',
  'additional_contexts',
  'pull',
  'extra_hosts',
  'isolation',
  'network',
  'target',
  'secrets',
  'tags',
  'ulimits',
  'platforms',
  'privileged',
  'shm_size',
  'provenance',
  'sbom',
]

const DEPLOY_ORDER = [
  'mode',
  'replicas',
  'labels',
  'update_config',
  'rollback_config',
  'resources',
  'restart_policy',
  'placement',
  'endpoint_mode',
]

const NETWORK_ORDER = [
  'name',
  'driver',
  'driver_opts',
  'ipam',
  'external',
  'internal',
  'attachable',
  'labels',
  'enable_ipv4',
  'enable_ipv6',
]

const VOLUME_ORDER = ['name', 'driver', 'driver_opts', 'external', 'labels']

const FILE_OBJECT_ORDER = [
  'name',
  'file',
  'environment',
  'content',
  'external',
  'labels',
  'driver',
  'driver_opts',
  'template_driver',
]

/** Orders `fields` by `order`, then `x-*` extensions sorted; drops undefined and empty values. */
function ordered(fields: Record<string, unknown>, order: string[]): Obj {
  const out: Obj = {}
  const known = order.filter((k) => k in fields)
  const rest = Object.keys(fields)
    .filter((k) => !order.includes(k))
    .sort()
  for (const key of [...known, ...rest]) {
    const v = fields[key]
    if (v === undefined) continue
    out[key] = toYaml(v)
  }
  return out
}

function sortedMap(map: Record<string, unknown>): Obj {
  const out: Obj = {}
  for (const key of Object.keys(map).sort()) out[key] = toYaml(map[key])
  return out
}

/** Plain values (extra fields) as go-yaml prints a map[string]any: keys sorted. */
function toYaml(v: unknown): YamlValue {
  if (v === null || v === undefined) return null
  if (Array.isArray(v)) return v.map(toYaml)
  if (typeof v === 'object') {
    if (isYamlReady(v)) return v as YamlValue
    return sortedMap(v as Record<string, unknown>)
  }
  if (
    typeof v === 'string' ||
    typeof v === 'number' ||
    typeof v === 'boolean' ||
    typeof v === 'bigint'
  )
    return v
  return String(v)
}

// Objects built by this module are already in print order; a marker keeps toYaml from sorting them.
const READY = new WeakSet<object>()
function isYamlReady(v: object): boolean {
  return READY.has(v)
}
function ready(o: Obj): Obj {
  READY.add(o)
  return o
}

const nonEmpty = <T extends object>(o: T | undefined): T | undefined =>
  o !== undefined && Object.keys(o).length > 0 ? o : undefined

const nonEmptyList = <T>(l: T[] | undefined): T[] | undefined =>
  l !== undefined && l.length > 0 ? l : undefined

/** Go's time.Duration.String() of a duration written as Compose accepts it (`1m30s`, `90s`). */
export function goDuration(text: string): string {
  const ns = parseGoDuration(text)
  if (ns === undefined) return text
  return formatGoDuration(ns)
}

const UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
  d: 86400e9,
}

export function parseGoDuration(text: string): number | undefined {
  const s = text.trim()
  if (s === '0') return 0
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h|d)/gy
  let total = 0
  let matched = 0
  const sign = s.startsWith('-') ? -1 : 1
  const body = s.replace(/^[-+]/, '')
  re.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(body)) !== null) {
    total += Number(m[1]) * (UNITS[m[2] ?? 's'] ?? 1)
    matched = re.lastIndex
  }
  if (matched !== body.length || body === '') return undefined
  return sign * Math.round(total)
}

export function formatGoDuration(ns: number): string {
  if (ns === 0) return '0s'
  const neg = ns < 0
  let u = Math.abs(ns)
  let out: string
  if (u < 1e9) {
    const [unit, div] = u < 1e3 ? ['ns', 1] : u < 1e6 ? ['µs', 1e3] : ['ms', 1e6]
    out = `${trimFloat(u / (div as number))}${unit as string}`
  } else {
    const h = Math.floor(u / 3600e9)
    u -= h * 3600e9
    const m = Math.floor(u / 60e9)
    u -= m * 60e9
    const s = `${trimFloat(u / 1e9)}s`
    out = h > 0 ? `${h}h${m}m${s}` : m > 0 ? `${m}m${s}` : s
  }
  return neg ? `-${out}` : out
}

function trimFloat(n: number): string {
  return String(Number(n.toFixed(9)))
}

function build(svc: ServiceConfig): Obj | undefined {
  const b = svc.build
  if (b === undefined) return undefined
  return ready(
    ordered(
      {
        ...(b.extra ?? {}),
        context: b.context,
        dockerfile: b.dockerfile,
        dockerfile_inline: b.dockerfile_inline,
        args: b.args === undefined ? undefined : nonEmpty(b.args),
        labels: b.labels === undefined ? undefined : nonEmpty(b.labels),
        no_cache: b.no_cache || undefined,
        pull: b.pull || undefined,
        target: b.target,
        tags: b.tags === undefined ? undefined : nonEmptyList(b.tags),
      },
      BUILD_ORDER,
    ),
  )
}

function volume(v: ServiceVolume): Obj {
  const fields: Record<string, unknown> = {
    type: v.type,
    source: v.source,
    target: v.target,
    read_only: v.read_only || undefined,
    consistency: v.consistency,
  }
  if (v.bind) {
    fields.bind = ready(
      ordered(
        {
          selinux: v.bind.selinux,
          propagation: v.bind.propagation,
          create_host_path: v.bind.create_host_path || undefined,
        },
        ['selinux', 'propagation', 'create_host_path', 'recursive'],
      ),
    )
  }
  if (v.volume) {
    fields.volume = ready(
      ordered({ nocopy: v.volume.nocopy || undefined, subpath: v.volume.subpath }, [
        'labels',
        'nocopy',
        'subpath',
      ]),
    )
  }
  if (v.tmpfs)
    fields.tmpfs = ready(ordered({ size: v.tmpfs.size, mode: v.tmpfs.mode }, ['size', 'mode']))
  return ready(
    ordered(fields, [
      'type',
      'source',
      'target',
      'read_only',
      'consistency',
      'bind',
      'volume',
      'tmpfs',
      'image',
    ]),
  )
}

function deploy(svc: ServiceConfig): Obj | undefined {
  const d = svc.deploy
  if (d === undefined) return undefined
  const res = d.resources
  const resource = (
    r: { cpus?: string; memory?: number; pids?: number } | undefined,
  ): Obj | undefined =>
    r === undefined
      ? undefined
      : ready(
          ordered(
            {
              cpus: r.cpus === undefined ? undefined : Number(r.cpus),
              memory: r.memory === undefined ? undefined : String(r.memory),
              pids: r.pids,
            },
            ['cpus', 'memory', 'pids', 'devices', 'generic_resources'],
          ),
        )
  const resourcesObj =
    res === undefined
      ? undefined
      : ready(
          ordered({ limits: resource(res.limits), reservations: resource(res.reservations) }, [
            'limits',
            'reservations',
          ]),
        )
  const rp = d.restart_policy
  return ready(
    ordered(
      {
        ...(d.extra ?? {}),
        mode: d.mode,
        replicas: d.replicas,
        labels: d.labels === undefined ? undefined : nonEmpty(d.labels),
        resources: resourcesObj === undefined ? undefined : nonEmpty(resourcesObj),
        restart_policy:
          rp === undefined
            ? undefined
            : ready(
                ordered(
                  {
                    condition: rp.condition,
                    delay: rp.delay === undefined ? undefined : goDuration(rp.delay),
                    max_attempts: rp.max_attempts,
                    window: rp.window === undefined ? undefined : goDuration(rp.window),
                  },
                  ['condition', 'delay', 'max_attempts', 'window'],
                ),
              ),
      },
      DEPLOY_ORDER,
    ),
  )
}

export function marshalService(svc: ServiceConfig): Obj {
  const fields: Record<string, unknown> = { ...svc.extra }
  fields.profiles = nonEmptyList(svc.profiles)
  fields.build = build(svc)
  fields.cpus = svc.cpus
  fields.command = svc.command === null ? undefined : svc.command
  fields.configs = nonEmptyList(
    svc.configs.map((c) => ready(ordered({ ...c }, ['source', 'target', 'uid', 'gid', 'mode']))),
  )
  fields.container_name = svc.container_name
  const deps: Obj = {}
  for (const name of Object.keys(svc.depends_on).sort()) {
    const dep = svc.depends_on[name]
    if (dep === undefined) continue
    deps[name] = ready(
      ordered(
        { condition: dep.condition, restart: dep.restart || undefined, required: dep.required },
        ['condition', 'restart', 'required'],
      ),
    )
  }
  fields.depends_on = nonEmpty(ready(deps))
  fields.deploy = deploy(svc)
  fields.entrypoint = svc.entrypoint === null ? undefined : svc.entrypoint
  fields.environment = nonEmpty(svc.environment)
  fields.env_file =
    svc.env_file === undefined
      ? undefined
      : nonEmptyList(
          svc.env_file.map((e) => ready(ordered({ ...e }, ['path', 'format', 'required']))),
        )
  fields.expose = nonEmptyList(svc.expose)
  fields.hostname = svc.hostname
  if (svc.healthcheck) {
    const h = svc.healthcheck
    const dur = (d: string | undefined): string | undefined =>
      d === undefined ? undefined : goDuration(d)
    fields.healthcheck = ready(
      ordered(
        {
          test: h.test,
          timeout: dur(h.timeout),
          interval: dur(h.interval),
          retries: h.retries,
          start_period: dur(h.start_period),
          start_interval: dur(h.start_interval),
          disable: h.disable || undefined,
        },
        ['test', 'timeout', 'interval', 'retries', 'start_period', 'start_interval', 'disable'],
      ),
    )
  }
  fields.image = svc.image
  fields.labels = nonEmpty(svc.labels)
  fields.mem_limit = svc.mem_limit === undefined ? undefined : String(svc.mem_limit)
  fields.network_mode = svc.network_mode
  const nets: Obj = {}
  for (const name of Object.keys(svc.networks).sort()) {
    const n = svc.networks[name]
    nets[name] =
      n === null || n === undefined
        ? null
        : ready(
            ordered({ ...n }, [
              'aliases',
              'driver_opts',
              'gw_priority',
              'interface_name',
              'ipv4_address',
              'ipv6_address',
              'link_local_ips',
              'mac_address',
              'priority',
            ]),
          )
  }
  fields.networks = nonEmpty(ready(nets))
  fields.ports = nonEmptyList(
    svc.ports.map((p) =>
      ready(
        ordered({ ...p }, [
          'name',
          'mode',
          'host_ip',
          'target',
          'published',
          'protocol',
          'app_protocol',
        ]),
      ),
    ),
  )
  fields.pull_policy = svc.pull_policy
  fields.restart = svc.restart
  fields.scale = svc.scale
  fields.secrets = nonEmptyList(
    svc.secrets.map((s) => ready(ordered({ ...s }, ['source', 'target', 'uid', 'gid', 'mode']))),
  )
  fields.stdin_open = svc.stdin_open || undefined
  fields.stop_grace_period =
    svc.stop_grace_period === undefined ? undefined : goDuration(svc.stop_grace_period)
  fields.stop_signal = svc.stop_signal
  fields.tty = svc.tty || undefined
  fields.user = svc.user
  fields.volumes = nonEmptyList(svc.volumes.map(volume))
  fields.working_dir = svc.working_dir
  return ready(ordered(fields, SERVICE_ORDER))
}

function marshalNetwork(n: NetworkConfig): Obj {
  const ipam =
    n.ipam === undefined
      ? undefined
      : ready(
          ordered(
            {
              driver: n.ipam.driver,
              config: n.ipam.config?.map((c) =>
                ready(ordered({ ...c }, ['subnet', 'gateway', 'ip_range', 'aux_addresses'])),
              ),
            },
            ['driver', 'config'],
          ),
        )
  return ready(
    ordered(
      {
        ...n.extra,
        name: n.name,
        driver: n.driver,
        driver_opts: n.driver_opts === undefined ? undefined : nonEmpty(n.driver_opts),
        ipam: ipam === undefined ? undefined : nonEmpty(ipam),
        external: n.external || undefined,
        internal: n.internal || undefined,
        attachable: n.attachable || undefined,
        labels: nonEmpty(n.labels),
        enable_ipv6: n.enable_ipv6,
      },
      NETWORK_ORDER,
    ),
  )
}

function marshalVolume(v: VolumeConfig): Obj {
  return ready(
    ordered(
      {
        ...v.extra,
        name: v.name,
        driver: v.driver,
        driver_opts: v.driver_opts === undefined ? undefined : nonEmpty(v.driver_opts),
        external: v.external || undefined,
        labels: nonEmpty(v.labels),
      },
      VOLUME_ORDER,
    ),
  )
}

function marshalFileObject(s: SecretConfig): Obj {
  const extra = { ...s.extra }
  return ready(
    ordered(
      {
        ...extra,
        name: s.name,
        file: s.file,
        environment: s.environment,
        external: s.external || undefined,
      },
      FILE_OBJECT_ORDER,
    ),
  )
}

export function marshalProject(project: ComposeProject): Obj {
  const out: Obj = { name: project.name }
  const services: Obj = {}
  for (const name of Object.keys(project.services).sort()) {
    const svc = project.services[name]
    if (svc) services[name] = marshalService(svc)
  }
  out.services = ready(services)
  const section = <T>(map: Record<string, T>, f: (v: T) => Obj): Obj | undefined => {
    const keys = Object.keys(map).sort()
    if (keys.length === 0) return undefined
    const o: Obj = {}
    for (const k of keys) {
      const v = map[k]
      if (v !== undefined) o[k] = f(v)
    }
    return ready(o)
  }
  const networks = section(project.networks, marshalNetwork)
  if (networks) out.networks = networks
  const volumes = section(project.volumes, marshalVolume)
  if (volumes) out.volumes = volumes
  const secrets = section(project.secrets, marshalFileObject)
  if (secrets) out.secrets = secrets
  const configs = section(project.configs, marshalFileObject)
  if (configs) out.configs = configs
  for (const key of Object.keys(project.extra ?? {}).sort()) out[key] = toYaml(project.extra?.[key])
  return ready(out)
}
