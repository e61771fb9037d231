import type { Timer } from '../../core/clock'
import type {
  ContainerConfig,
  ContainerStatus,
  EndpointSettings,
  HealthLogEntry,
  HostConfig,
  MountPoint,
  PortMap,
} from './api-types'
import type { LocalImage } from './image-store'

export interface LogEntry {
  timeMs: number
  stream: 'stdout' | 'stderr'
  text: string
}

export interface HealthState {
  status: 'starting' | 'healthy' | 'unhealthy'
  failingStreak: number
  log: HealthLogEntry[]
}

export interface RunState {
  status: ContainerStatus
  pid: number
  exitCode: number
  error: string
  oomKilled: boolean
  startedAtMs: number | undefined
  finishedAtMs: number | undefined
  health: HealthState | undefined
}

/** The daemon's record of one container; the API objects are derived from it on demand. */
export interface ContainerRecord {
  readonly id: string
  name: string
  readonly createdMs: number
  readonly image: LocalImage
  /** The image as the user named it (`nginx`, `nginx:alpine`): shown by `docker ps`. */
  readonly imageRef: string
  readonly config: ContainerConfig
  readonly hostConfig: HostConfig
  readonly path: string
  readonly args: string[]
  state: RunState
  restartCount: number
  /** Set by `docker stop`/`kill`: `unless-stopped` and `always` then stay down until started. */
  stoppedByUser: boolean
  networks: Map<string, EndpointSettings>
  mounts: MountPoint[]
  /** Host ports actually bound while running (PortBindings with HostPort filled in). */
  boundPorts: PortMap
  logs: LogEntry[]
  timers: Timer[]
  /** Files written in the container (its writable layer), by absolute path. */
  files: Map<string, string>
  /**
   * What the main process is, from its plan at start: an image's own service handles SIGTERM; a
   * command or an interactive shell running as PID 1 gets no default handler and ignores it.
   */
  processKind?: 'service' | 'exits' | 'waits-for-input' | 'command'
}

export function freshRunState(): RunState {
  return {
    status: 'created',
    pid: 0,
    exitCode: 0,
    error: '',
    oomKilled: false,
    startedAtMs: undefined,
    finishedAtMs: undefined,
    health: undefined,
  }
}

export function isUp(record: ContainerRecord): boolean {
  return (
    record.state.status === 'running' ||
    record.state.status === 'paused' ||
    record.state.status === 'restarting'
  )
}
