/**
 * A service's container as Compose asks the engine for it (docker/compose pkg/compose/create.go
 * getCreateConfigs): image, command, environment, labels, ports, mounts, restart policy, resources
 * and the first network's endpoint with its aliases. The other networks are connected before
 * the container starts (see converge.ts), as compose does.
 */
import { parseGoDuration } from '../../cli-kit/go-units'
import { sha256Hex } from '../../docker/images/sha256'
import type {
  ContainerCreateRequest,
  HealthConfig,
  MountSpec,
  PortMap,
  RestartPolicy,
} from '../../docker/engine/api-types'
import type { ComposeProject, ServiceConfig, ServiceNetwork } from '../model'
import { COMPOSE_VERSION, LABEL } from './labels'
import { containerName } from './names'

export interface ContainerPlan {
  name: string
  number: number
  request: ContainerCreateRequest
  /** Networks joined after create: engine name, aliases, fixed address. */
  extraNetworks: Array<{ name: string; aliases: string[]; ipv4Address?: string }>
}

export interface SpecOptions {
  number: number
  /** The image's id, for the `com.docker.compose.image` label. */
  imageId: string
  /** env_file contents, already read (path → text). */
  envFiles: ReadonlyMap<string, string>
  /** A one-off (`run`) container: its name, slug and overrides. */
  oneoff?: { name: string; slug: string }
  /** `run`/`exec`-style overrides of the service's command and environment. */
  command?: string[]
  entrypoint?: string[]
  extraEnv?: string[]
  publishPorts?: boolean
  /** `run -p`: ports given on the command line. */
  extraPorts?: PortMap
  tty?: boolean
  interactive?: boolean
  user?: string
  workdir?: string
  autoRemove?: boolean
}

/** The config hash label: the service's definition, without what does not touch its container. */
export function serviceConfigHash(service: ServiceConfig): string {
  const { scale, build, pull_policy, deploy, ...rest } = service
  void scale
  void build
  void pull_policy
  const kept = deploy ? { ...rest, deploy: { ...deploy, replicas: undefined } } : rest
  return sha256Hex(canonicalJson(kept))
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** `db:service_started:false,cache:service_healthy:true`, as compose writes depends_on. */
export function dependsOnLabel(service: ServiceConfig): string {
  return Object.entries(service.depends_on)
    .map(([name, dep]) => `${name}:${dep.condition}:${String(dep.restart)}`)
    .join(',')
}

/** The variables of an env file: `KEY=value` lines, `#` comments, optional quotes. */
export function parseEnvFile(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const body = line.startsWith('export ') ? line.slice(7).trim() : line
    const eq = body.indexOf('=')
    if (eq <= 0) continue
    let value = body.slice(eq + 1).trim()
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1)
    else value = value.replace(/\s+#.*$/, '')
    out.push([body.slice(0, eq).trim(), value])
  }
  return out
}

function environmentOf(service: ServiceConfig, envFiles: ReadonlyMap<string, string>): string[] {
  const env = new Map<string, string>()
  for (const file of service.env_file ?? []) {
    const text = envFiles.get(file.path)
    if (text !== undefined) for (const [k, v] of parseEnvFile(text)) env.set(k, v)
  }
  for (const [k, v] of Object.entries(service.environment)) if (v !== null) env.set(k, v)
  return [...env].map(([k, v]) => `${k}=${v}`)
}

function nanos(duration: string | undefined): number | undefined {
  if (duration === undefined) return undefined
  const parsed = parseGoDuration(duration)
  return parsed.ok ? Number(parsed.value) : undefined
}

function healthOf(service: ServiceConfig): HealthConfig | undefined {
  const h = service.healthcheck
  if (!h) return undefined
  if (h.disable) return { Test: ['NONE'] }
  const config: HealthConfig = {}
  if (h.test) config.Test = h.test
  const interval = nanos(h.interval)
  if (interval !== undefined) config.Interval = interval
  const timeout = nanos(h.timeout)
  if (timeout !== undefined) config.Timeout = timeout
  if (h.retries !== undefined) config.Retries = h.retries
  const start = nanos(h.start_period)
  if (start !== undefined) config.StartPeriod = start
  const startInterval = nanos(h.start_interval)
  if (startInterval !== undefined) config.StartInterval = startInterval
  return config
}

function restartPolicyOf(service: ServiceConfig): RestartPolicy {
  const policy = service.restart ?? ''
  if (policy === '' || policy === 'no') {
    const condition = service.deploy?.restart_policy?.condition
    if (condition === 'any') return { Name: 'always', MaximumRetryCount: 0 }
    if (condition === 'on-failure')
      return {
        Name: 'on-failure',
        MaximumRetryCount: service.deploy?.restart_policy?.max_attempts ?? 0,
      }
    return { Name: 'no', MaximumRetryCount: 0 }
  }
  const [name = 'no', count = '0'] = policy.split(':')
  if (name === 'always' || name === 'unless-stopped' || name === 'on-failure')
    return { Name: name, MaximumRetryCount: Number(count) || 0 }
  return { Name: 'no', MaximumRetryCount: 0 }
}

/** `8000-8001:80-81`: each target with its host port, or an ephemeral one. */
export function portBindingsOf(service: ServiceConfig): PortMap {
  const map: PortMap = {}
  for (const port of service.ports) {
    const key = `${port.target}/${port.protocol}`
    const published = port.published ?? ''
    const list = map[key] ?? []
    list.push({ HostIp: port.host_ip ?? '', HostPort: published })
    map[key] = list
  }
  return map
}

function mountsOf(project: ComposeProject, service: ServiceConfig): MountSpec[] {
  const mounts: MountSpec[] = []
  for (const v of service.volumes) {
    if (v.type === 'volume') {
      const source =
        v.source === undefined
          ? ''
          : (project.volumes[v.source]?.name ?? `${project.name}_${v.source}`)
      mounts.push({
        Type: 'volume',
        Source: source,
        Target: v.target,
        ReadOnly: v.read_only === true,
      })
    } else if (v.type === 'bind') {
      mounts.push({
        Type: 'bind',
        Source: v.source ?? '',
        Target: v.target,
        ReadOnly: v.read_only === true,
      })
    } else if (v.type === 'tmpfs') {
      mounts.push({ Type: 'tmpfs', Source: '', Target: v.target, ReadOnly: false })
    }
  }
  // Secrets and configs are bind-mounted files, as compose does for file-based ones.
  for (const s of service.secrets) {
    const file = project.secrets[s.source]?.file
    if (file !== undefined)
      mounts.push({
        Type: 'bind',
        Source: file,
        Target: s.target?.startsWith('/') ? s.target : `/run/secrets/${s.target ?? s.source}`,
        ReadOnly: true,
      })
  }
  for (const c of service.configs) {
    const file = project.configs[c.source]?.file
    if (file !== undefined)
      mounts.push({
        Type: 'bind',
        Source: file,
        Target: c.target ?? `/${c.source}`,
        ReadOnly: true,
      })
  }
  return mounts
}

/** The service's networks, by priority then name (compose's order), with the engine names. */
export function serviceNetworks(
  project: ComposeProject,
  service: ServiceConfig,
): Array<{ key: string; name: string; config: ServiceNetwork | null }> {
  const entries = Object.entries(service.networks)
  const keys = entries.length === 0 ? [['default', null] as const] : entries
  return [...keys]
    .sort(
      ([a, ca], [b, cb]) =>
        (cb?.priority ?? 0) - (ca?.priority ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
    )
    .map(([key, config]) => ({
      key,
      name: project.networks[key]?.name ?? `${project.name}_${key}`,
      config,
    }))
}

function cpusToNano(cpus: string | number | undefined): number {
  if (cpus === undefined) return 0
  const n = Number(cpus)
  return Number.isFinite(n) ? Math.round(n * 1e9) : 0
}

export function containerPlan(
  project: ComposeProject,
  service: ServiceConfig,
  image: string,
  options: SpecOptions,
): ContainerPlan {
  const number = options.number
  const name = options.oneoff?.name ?? containerName(project.name, service, number)
  const labels: Record<string, string> = {
    ...service.labels,
    [LABEL.configHash]: serviceConfigHash(service),
    [LABEL.containerNumber]: String(number),
    [LABEL.dependsOn]: dependsOnLabel(service),
    [LABEL.image]: options.imageId,
    [LABEL.oneoff]: options.oneoff ? 'True' : 'False',
    [LABEL.project]: project.name,
    [LABEL.configFiles]: project.configFiles.join(','),
    [LABEL.workingDir]: project.workingDir,
    [LABEL.service]: service.name,
    [LABEL.version]: COMPOSE_VERSION,
  }
  if (options.oneoff) labels[LABEL.slug] = options.oneoff.slug
  const exposed: Record<string, Record<string, never>> = {}
  for (const e of service.expose) {
    const [port = '', proto = 'tcp'] = e.split('/')
    exposed[`${port}/${proto}`] = {}
  }
  const publish = options.oneoff === undefined || options.publishPorts === true
  const bindings: PortMap = { ...(publish ? portBindingsOf(service) : {}), ...options.extraPorts }
  for (const key of Object.keys(bindings)) exposed[key] = {}
  const networks = serviceNetworks(project, service)
  const networkMode = service.network_mode
  const aliasesFor = (config: ServiceNetwork | null): string[] =>
    options.oneoff ? [name] : [name, service.name, ...(config?.aliases ?? [])]
  const first = networkMode === undefined ? networks[0] : undefined
  const memory = service.deploy?.resources?.limits?.memory ?? service.mem_limit ?? 0
  const nanoCpus =
    cpusToNano(service.deploy?.resources?.limits?.cpus) || cpusToNano(service.cpus) || 0
  const request: ContainerCreateRequest = {
    Image: image,
    Hostname: service.hostname ?? '',
    User: options.user ?? service.user ?? '',
    Env: [...environmentOf(service, options.envFiles), ...(options.extraEnv ?? [])],
    Tty: options.tty ?? service.tty ?? false,
    OpenStdin: options.interactive ?? service.stdin_open ?? false,
    AttachStdin: options.interactive ?? false,
    WorkingDir: options.workdir ?? service.working_dir ?? '',
    Labels: labels,
    ...(Object.keys(exposed).length > 0 ? { ExposedPorts: exposed } : {}),
    ...((options.command ?? service.command)
      ? { Cmd: options.command ?? service.command ?? null }
      : {}),
    ...((options.entrypoint ?? service.entrypoint)
      ? { Entrypoint: options.entrypoint ?? service.entrypoint ?? null }
      : {}),
    ...(healthOf(service) ? { Healthcheck: healthOf(service) } : {}),
    ...(service.stop_signal ? { StopSignal: service.stop_signal } : {}),
    // compose hands stop_grace_period to the daemon as the container's stop timeout (seconds).
    ...(nanos(service.stop_grace_period) !== undefined
      ? { StopTimeout: Math.trunc((nanos(service.stop_grace_period) ?? 0) / 1e9) }
      : {}),
    HostConfig: {
      NetworkMode: networkMode ?? first?.name ?? 'bridge',
      PortBindings: bindings,
      RestartPolicy: options.oneoff
        ? { Name: 'no', MaximumRetryCount: 0 }
        : restartPolicyOf(service),
      AutoRemove: options.autoRemove ?? false,
      Mounts: mountsOf(project, service),
      Memory: memory,
      NanoCpus: nanoCpus,
      ...(service.extra.init === true ? { Init: true } : {}),
    },
    ...(first
      ? {
          NetworkingConfig: {
            EndpointsConfig: {
              [first.name]: {
                Aliases: aliasesFor(first.config),
                ...(first.config?.ipv4_address
                  ? { IPAMConfig: { IPv4Address: first.config.ipv4_address } }
                  : {}),
              },
            },
          },
        }
      : {}),
  }
  const extraNetworks =
    networkMode === undefined
      ? networks.slice(1).map((n) => ({
          name: n.name,
          aliases: aliasesFor(n.config),
          ...(n.config?.ipv4_address ? { ipv4Address: n.config.ipv4_address } : {}),
        }))
      : []
  return { name, number, request, extraNetworks }
}
