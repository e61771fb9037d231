/**
 * A loaded Compose project, after discovery, interpolation, merging, `extends`, `include` and
 * validation: the canonical form Compose v2 works from (and `docker compose config` prints).
 * Short syntaxes are already expanded (ports, volumes, depends_on, environment lists), so the
 * planner and the commands never see the many spellings a compose file allows.
 *
 * Field names are the Compose Specification's own, so `config` can print the object as it is.
 * Fields Quai does not act on are kept (in `extra`) and printed back, never dropped.
 */

export type DependencyCondition =
  'service_started' | 'service_healthy' | 'service_completed_successfully'

export interface ServiceDependency {
  condition: DependencyCondition
  /** Restart this service when the dependency is updated. */
  restart: boolean
  required: boolean
}

export interface ServicePort {
  name?: string
  mode: 'ingress' | 'host'
  host_ip?: string
  target: number
  /** A port or a range (`8000-8010`), as written; absent: an ephemeral host port. */
  published?: string
  protocol: 'tcp' | 'udp' | 'sctp'
  app_protocol?: string
}

export interface ServiceVolume {
  type: 'volume' | 'bind' | 'tmpfs' | 'npipe' | 'cluster' | 'image'
  /** A volume's key in the top-level `volumes`, or a host path (absolute, resolved). */
  source?: string
  target: string
  read_only?: boolean
  bind?: { create_host_path?: boolean; propagation?: string; selinux?: string }
  volume?: { nocopy?: boolean; subpath?: string }
  tmpfs?: { size?: number; mode?: number }
  consistency?: string
}

export interface ServiceNetwork {
  aliases?: string[]
  ipv4_address?: string
  ipv6_address?: string
  priority?: number
  mac_address?: string
}

export interface Healthcheck {
  /** `["CMD", …]`, `["CMD-SHELL", "…"]` or `["NONE"]`. */
  test?: string[]
  interval?: string
  timeout?: string
  retries?: number
  start_period?: string
  start_interval?: string
  disable?: boolean
}

export interface BuildConfig {
  /** Absolute path of the context in the shell's filesystem. */
  context: string
  dockerfile?: string
  dockerfile_inline?: string
  args?: Record<string, string | null>
  target?: string
  labels?: Record<string, string>
  tags?: string[]
  no_cache?: boolean
  pull?: boolean
  extra?: Record<string, unknown>
}

export interface FileReference {
  source: string
  target?: string
  uid?: string
  gid?: string
  mode?: number
}

export interface ServiceConfig {
  name: string
  image?: string
  build?: BuildConfig
  command?: string[] | null
  entrypoint?: string[] | null
  /** null: a variable named without a value and not set in the environment (`- DEBUG`). */
  environment: Record<string, string | null>
  env_file?: { path: string; required: boolean; format?: string }[]
  ports: ServicePort[]
  expose: string[]
  volumes: ServiceVolume[]
  /** Absent network_mode and no networks key: the project's `default` network. */
  networks: Record<string, ServiceNetwork | null>
  network_mode?: string
  depends_on: Record<string, ServiceDependency>
  healthcheck?: Healthcheck
  restart?: string
  deploy?: {
    mode?: string
    replicas?: number
    resources?: {
      limits?: { cpus?: string; memory?: number; pids?: number }
      reservations?: { cpus?: string; memory?: number }
    }
    restart_policy?: { condition?: string; delay?: string; max_attempts?: number; window?: string }
    labels?: Record<string, string>
    extra?: Record<string, unknown>
  }
  scale?: number
  profiles: string[]
  labels: Record<string, string>
  container_name?: string
  hostname?: string
  working_dir?: string
  user?: string
  secrets: FileReference[]
  configs: FileReference[]
  stop_grace_period?: string
  stop_signal?: string
  tty?: boolean
  stdin_open?: boolean
  pull_policy?: string
  mem_limit?: number
  cpus?: number
  /** Every other Compose Specification field, as loaded (printed back by `config`). */
  extra: Record<string, unknown>
}

export interface NetworkConfig {
  /** The engine's name: `<project>_<key>` unless `name:` says otherwise or it is external. */
  name: string
  driver?: string
  driver_opts?: Record<string, string>
  internal?: boolean
  attachable?: boolean
  enable_ipv6?: boolean
  external?: boolean
  ipam?: { driver?: string; config?: { subnet?: string; gateway?: string; ip_range?: string }[] }
  labels: Record<string, string>
  extra: Record<string, unknown>
}

export interface VolumeConfig {
  /** The engine's name: `<project>_<key>` unless `name:` says otherwise or it is external. */
  name: string
  driver?: string
  driver_opts?: Record<string, string>
  external?: boolean
  labels: Record<string, string>
  extra: Record<string, unknown>
}

export interface SecretConfig {
  name: string
  /** Absolute path in the shell's filesystem. */
  file?: string
  environment?: string
  external?: boolean
  extra: Record<string, unknown>
}

export interface ComposeProject {
  name: string
  /** Absolute: the project directory (`--project-directory`, else the first file's directory). */
  workingDir: string
  /** Absolute paths of the files loaded, in order. */
  configFiles: string[]
  services: Record<string, ServiceConfig>
  /** Services switched off by profiles (not enabled): `up` leaves them, `config --profiles` lists. */
  disabledServices: Record<string, ServiceConfig>
  networks: Record<string, NetworkConfig>
  volumes: Record<string, VolumeConfig>
  secrets: Record<string, SecretConfig>
  configs: Record<string, SecretConfig>
  /** The interpolation environment after .env / --env-file (shown nowhere, used by `run`). */
  environment: Record<string, string>
  /**
   * Non-fatal loader messages, each a whole stderr line as Compose prints it without its newline
   * (`WARN[0000] The "TAG" variable is not set. Defaulting to a blank string.`).
   */
  warnings: string[]
  /** The profiles enabled for this load (`--profile`, else COMPOSE_PROFILES). */
  profiles?: string[]
  /** Top-level fields Quai does not model (`x-*` extensions, `models`), printed back by `config`. */
  extra?: Record<string, unknown>
}
