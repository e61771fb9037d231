/**
 * The offline image catalog's data model. `ImageConfig` uses the Engine API's field names
 * (`docker image inspect` → `.Config`), so the engine can copy it through unchanged.
 */

export interface ImageConfig {
  Cmd?: string[]
  Entrypoint?: string[]
  Env: string[]
  ExposedPorts?: Record<string, Record<string, never>>
  WorkingDir: string
  Volumes?: Record<string, Record<string, never>>
  User: string
  StopSignal?: string
  Labels?: Record<string, string>
  /** Durations in nanoseconds, as the Engine API has them. */
  Healthcheck?: {
    Test: string[]
    Interval?: number
    Timeout?: number
    Retries?: number
    StartPeriod?: number
  }
}

export type ImageBase =
  | 'alpine'
  | 'debian'
  | 'ubuntu'
  | 'busybox'
  | 'scratch'
  | 'distroless'
  | 'oraclelinux'
  | 'centos'
  | 'windows'

/**
 * One line a process writes. `text` may hold placeholders that the engine fills when it writes
 * the line (see `renderLogText` in log-template.ts):
 *
 * - `{{now:FORMAT}}` the virtual time: `iso` (2025-03-01T10:00:00.123Z), `isoSeconds`
 *   (2025-03-01T10:00:00Z), `isoNano` (…00.123456789Z), `isoMicro` (…00.123456Z),
 *   `nginx` (2025/03/01 10:00:00), `redis` (01 Mar 2025 10:00:00.123), `postgres`
 *   (2025-03-01 10:00:00.123 UTC), `rfc3339` (2025-03-01 10:00:00+00:00, `date --rfc-3339`),
 *   `apache` (Sat Mar 01 10:00:00.123456 2025), `phpfpm` (01-Mar-2025 10:00:00),
 *   `phpServer` (Sat Mar  1 10:00:00 2025), `http` (Sat, 01 Mar 2025 10:00:00 GMT),
 *   `clf` (01/Mar/2025:10:00:00 +0000), `mongo` (2025-03-01T10:00:00.123+00:00),
 *   `erlang` (2025-03-01 10:00:00.123456+00:00), `dateTime` (2025-03-01 10:00:00),
 *   `unix` (seconds since the epoch)
 * - `{{env:NAME}}` the container's environment (empty when unset)
 * - `{{hostname}}` the container hostname (its short id unless --hostname was given)
 * - `{{ip}}` the container's first IP address, `{{kernel}}` the host kernel release
 * - `{{ncpu}}` the CPU count, `{{pid:N}}` a process id N above the main one (1)
 * - `{{worker}}` on a line with `repeat: 'perCpu'`, the index of the copy (0-based)
 * - `{{clientIp}}`, `{{requestHost}}`, `{{requestPort}}`, `{{method}}`, `{{path}}`,
 *   `{{userAgent}}`, `{{status}}`, `{{bytes}}` inside an access-log line
 */
export interface LogLine {
  stream: 'stdout' | 'stderr'
  text: string
  /** Delay after the previous line, in virtual milliseconds (default 0). */
  delayMs?: number
  /** Written once per CPU (nginx's "start worker process" lines). */
  repeat?: 'perCpu'
}

export interface HttpResponseSpec {
  status: number
  headers: Record<string, string>
  body: string
  /** The access-log line the server writes for each request, if it logs them. */
  accessLog?: LogLine
}

export interface ServiceSpec {
  port: number
  protocol: 'tcp' | 'udp'
  kind: 'http' | 'redis' | 'postgres' | 'mysql' | 'mongo' | 'amqp' | 'memcached' | 'tcp'
  http?: HttpResponseSpec
}

export interface EnvRequirement {
  /**
   * Satisfied when any entry matches: `NAME` means set and non-empty, `NAME=value` means set to
   * exactly that value (postgres' `POSTGRES_HOST_AUTH_METHOD=trust`).
   */
  anyOfEnv: string[]
  failure: { code: number; logs: LogLine[] }
}

export interface BehaviourProfile {
  /** What the main process writes on a first start (fresh volumes). `requires` is checked first. */
  startup: LogLine[]
  /** What it writes instead when started again with its data already initialised. */
  restart?: LogLine[]
  /**
   * hello-world exits 0 after printing. With `unlessInteractive`, the default command is a shell
   * or REPL that exits at once only when neither -i nor -t was given (`docker run alpine`),
   * and waits for input otherwise (`docker run -dit alpine`).
   */
  exit?: { afterMs: number; code: number; logs?: LogLine[]; unlessInteractive?: boolean }
  /**
   * What the process writes when `docker stop` sends the image's StopSignal (SIGTERM by default)
   * and the code it then exits with; absent means it dies silently with 128+signal (143).
   */
  shutdown?: { logs: LogLine[]; code: number }
  requires?: EnvRequirement[]
  services?: ServiceSpec[]
  memoryMiB: { idle: number }
  cpuPercent: { idle: number }
  /** What `docker exec -it c sh` (or bash) finds; null for images with no shell at all. */
  shell?: 'sh' | 'bash' | null
  packageManager?: 'apt' | 'apk' | 'microdnf' | null
  /**
   * A command-line tool image (curlimages/curl, appropriate/curl): its default command is an
   * ordinary program that runs and exits, never a service. `prepends` is the program its
   * entrypoint script puts in front of arguments that are not a command
   * (`docker run curlimages/curl -s http://web` runs `curl -s http://web`).
   */
  tool?: { prepends?: string }
}

export interface CatalogImage {
  /** Familiar repository name: `nginx`, `bitnami/redis`, `registry.k8s.io/pause`. */
  repository: string
  tag: string
  /** Other tags of the same repository that point at this very image. */
  aliases: string[]
  os: 'linux' | 'windows'
  architecture: 'amd64'
  /** RFC 3339. */
  created: string
  /** Uncompressed size, as `docker images` reports it. */
  sizeBytes: number
  layerCount: number
  config: ImageConfig
  base: ImageBase
  /**
   * The image this one is built FROM, as a familiar reference, when it is in the catalog: its
   * layers are this image's first layers, so a pull after it says "Already exists".
   */
  parent?: string
  /** Notable text files of the image's filesystem, by absolute path. */
  files: Record<string, string>
  profile: BehaviourProfile
  /** Official image (docker.io/library/…) or a well-known vendor repository. */
  official: boolean
  /** True for repositories known by name only, which run with a generic profile. */
  generic: boolean
}
