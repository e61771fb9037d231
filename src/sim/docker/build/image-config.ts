/**
 * The image configuration a stage accumulates (dockerfile2llb's dispatchState.image.Config) and
 * the small rules BuildKit applies to it: ENV replacing a key, EXPOSE's port specs, WORKDIR's
 * normalisation, HEALTHCHECK's durations, the default shell, CMD after ENTRYPOINT.
 */
import { parseGoDuration } from '../../cli-kit/go-units'
import type { ContainerConfig, HealthConfig } from '../engine/api-types'
import { normalizePath } from './stage-fs'

export interface StageConfig {
  Env: string[]
  Cmd: string[] | null
  Entrypoint: string[] | null
  WorkingDir: string
  User: string
  ExposedPorts: Record<string, Record<string, never>>
  Volumes: Record<string, Record<string, never>>
  Labels: Record<string, string>
  Healthcheck: HealthConfig | undefined
  StopSignal: string | undefined
  Shell: string[] | undefined
  OnBuild: string[]
  Author: string
}

export function configFrom(config: ContainerConfig | undefined): StageConfig {
  return {
    Env: [...(config?.Env ?? [])],
    Cmd: config?.Cmd ? [...config.Cmd] : null,
    Entrypoint: config?.Entrypoint ? [...config.Entrypoint] : null,
    WorkingDir: config?.WorkingDir ?? '',
    User: config?.User ?? '',
    ExposedPorts: { ...config?.ExposedPorts },
    Volumes: { ...config?.Volumes },
    Labels: { ...config?.Labels },
    Healthcheck: config?.Healthcheck,
    StopSignal: config?.StopSignal,
    Shell: config?.Shell ? [...config.Shell] : undefined,
    OnBuild: [...(config?.OnBuild ?? [])],
    Author: '',
  }
}

export function cloneConfig(config: StageConfig): StageConfig {
  return {
    ...config,
    Env: [...config.Env],
    Cmd: config.Cmd ? [...config.Cmd] : null,
    Entrypoint: config.Entrypoint ? [...config.Entrypoint] : null,
    ExposedPorts: { ...config.ExposedPorts },
    Volumes: { ...config.Volumes },
    Labels: { ...config.Labels },
    Shell: config.Shell ? [...config.Shell] : undefined,
    OnBuild: [...config.OnBuild],
  }
}

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/** addEnv: replaces the key's entry in place, or appends it. */
export function setEnv(env: string[], key: string, value: string): void {
  const at = env.findIndex(
    (e) => e.slice(0, e.indexOf('=') < 0 ? e.length : e.indexOf('=')) === key,
  )
  if (at >= 0) env[at] = `${key}=${value}`
  else env.push(`${key}=${value}`)
}

export function envMap(env: readonly string[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const entry of env) {
    const eq = entry.indexOf('=')
    out.set(eq < 0 ? entry : entry.slice(0, eq), eq < 0 ? '' : entry.slice(eq + 1))
  }
  return out
}

/** The shell a shell-form instruction runs in: SHELL's, else /bin/sh -c. */
export function withShell(config: StageConfig, text: string): string[] {
  return [...(config.Shell ?? ['/bin/sh', '-c']), text]
}

/** WORKDIR: relative paths join the current directory. */
export function normalizeWorkdir(current: string, path: string): string {
  if (path.startsWith('/')) return normalizePath(path)
  return normalizePath(`${current === '' ? '/' : current}/${path}`)
}

/** EXPOSE 80 8080/udp 3000-3001: keys of ExposedPorts (nat.ParsePortSpecs). */
export function exposedPorts(specs: readonly string[]): { ports: string[]; error?: string } {
  const ports: string[] = []
  for (const spec of specs) {
    const [range = '', proto = 'tcp'] = spec.split('/')
    const m = /^(\d+)(?:-(\d+))?$/.exec(range)
    if (m === null) return { ports, error: `invalid containerPort: ${range}` }
    const from = Number(m[1])
    const to = m[2] === undefined ? from : Number(m[2])
    for (let p = from; p <= to; p++) ports.push(`${p}/${proto.toLowerCase()}`)
  }
  return { ports }
}

/** HEALTHCHECK flags as the Engine API's nanoseconds. */
export function healthcheck(
  test: string[],
  flags: ReadonlyMap<string, string>,
): { config: HealthConfig; error?: string } {
  const config: HealthConfig = { Test: test }
  const durations: Array<[string, 'Interval' | 'Timeout' | 'StartPeriod' | 'StartInterval']> = [
    ['interval', 'Interval'],
    ['timeout', 'Timeout'],
    ['start-period', 'StartPeriod'],
    ['start-interval', 'StartInterval'],
  ]
  for (const [flag, field] of durations) {
    const raw = flags.get(flag)
    if (raw === undefined || raw === '') continue
    const parsed = parseGoDuration(raw)
    if (!parsed.ok) return { config, error: parsed.error }
    const ns = Number(parsed.value)
    if (ns !== 0 && ns < 1_000_000)
      return { config, error: `Interval "${flag}" cannot be less than 1ms` }
    if (ns !== 0) config[field] = ns
  }
  const retries = flags.get('retries')
  if (retries !== undefined) {
    if (!/^-?\d+$/.test(retries))
      return { config, error: `strconv.ParseInt: parsing "${retries}": invalid syntax` }
    if (Number(retries) < 0) return { config, error: `--retries cannot be negative (${retries})` }
    config.Retries = Number(retries)
  }
  return { config }
}

/** The image config as the Engine API returns it for the built image. */
export function toContainerConfig(config: StageConfig): ContainerConfig {
  const env = [...config.Env]
  if (!env.some((e) => e.startsWith('PATH='))) env.push(`PATH=${DEFAULT_PATH}`)
  return {
    Hostname: '',
    Domainname: '',
    User: config.User,
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ...(Object.keys(config.ExposedPorts).length > 0 ? { ExposedPorts: config.ExposedPorts } : {}),
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: env,
    Cmd: config.Cmd,
    ...(config.Healthcheck ? { Healthcheck: config.Healthcheck } : {}),
    Image: '',
    Volumes: Object.keys(config.Volumes).length > 0 ? config.Volumes : null,
    WorkingDir: config.WorkingDir,
    Entrypoint: config.Entrypoint,
    OnBuild: config.OnBuild.length > 0 ? config.OnBuild : null,
    Labels: config.Labels,
    ...(config.StopSignal ? { StopSignal: config.StopSignal } : {}),
    ...(config.Shell ? { Shell: config.Shell } : {}),
  }
}

const SIGNALS = new Set([
  'SIGABRT',
  'SIGALRM',
  'SIGBUS',
  'SIGCHLD',
  'SIGCONT',
  'SIGFPE',
  'SIGHUP',
  'SIGILL',
  'SIGINT',
  'SIGIO',
  'SIGKILL',
  'SIGPIPE',
  'SIGPROF',
  'SIGPWR',
  'SIGQUIT',
  'SIGSEGV',
  'SIGSTKFLT',
  'SIGSTOP',
  'SIGSYS',
  'SIGTERM',
  'SIGTRAP',
  'SIGTSTP',
  'SIGTTIN',
  'SIGTTOU',
  'SIGURG',
  'SIGUSR1',
  'SIGUSR2',
  'SIGVTALRM',
  'SIGWINCH',
  'SIGXCPU',
  'SIGXFSZ',
])

/** moby/sys/signal.ParseSignal. */
export function validSignal(signal: string): boolean {
  if (/^\d+$/.test(signal)) return Number(signal) > 0 && Number(signal) < 65
  const upper = signal.toUpperCase()
  return (
    SIGNALS.has(upper.startsWith('SIG') ? upper : `SIG${upper}`) ||
    /^SIGRTM(IN|AX)([+-]\d+)?$/.test(upper)
  )
}
