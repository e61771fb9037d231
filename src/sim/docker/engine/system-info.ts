/**
 * The daemon's self-description: GET /version, GET /info and GET /system/df as API objects
 * (moby api/types/types.go Version, api/types/system/info.go Info, DiskUsage). `docker version`,
 * `docker info`, `docker system df` and the Engine API facade all read these, so Quai's CLI and
 * the real docker client print the same values.
 */
import { sha256Hex } from '../images/sha256'
import type { ContainerSummary, ImageSummary, Volume } from './api-types'
import type { DockerEngine } from './engine'
import { rfc3339Nano } from './time'

/** Docker Engine - Community 28.2.2 as released (docker version on Ubuntu 24.04, May 2025). */
export const DAEMON_VERSION = {
  version: '28.2.2',
  apiVersion: '1.50',
  minApiVersion: '1.24',
  gitCommit: '45873be',
  goVersion: 'go1.24.3',
  buildTime: '2025-05-30T12:07:27.000000000+00:00',
  containerd: { version: '1.7.27', commit: '05044ec0a9a75232cad458027ca83437aae3f4da' },
  runc: { version: '1.2.5', commit: 'v1.2.5-0-g59923ef' },
  init: { version: '0.19.0', commit: 'de40ad0' },
} as const

export const HOST_OS = {
  operatingSystem: 'Ubuntu 24.04.2 LTS',
  osVersion: '24.04',
  name: 'quai',
} as const

export interface ComponentVersion {
  Name: string
  Version: string
  Details: Record<string, string>
}

/** GET /version */
export interface SystemVersion {
  Platform: { Name: string }
  Components: ComponentVersion[]
  Version: string
  ApiVersion: string
  MinAPIVersion: string
  GitCommit: string
  GoVersion: string
  Os: string
  Arch: string
  KernelVersion: string
  BuildTime: string
}

export function systemVersion(engine: DockerEngine): SystemVersion {
  const v = DAEMON_VERSION
  return {
    Platform: { Name: 'Docker Engine - Community' },
    Components: [
      {
        Name: 'Engine',
        Version: v.version,
        Details: {
          ApiVersion: v.apiVersion,
          Arch: 'amd64',
          BuildTime: v.buildTime,
          Experimental: 'false',
          GitCommit: v.gitCommit,
          GoVersion: v.goVersion,
          KernelVersion: engine.host.kernel,
          MinAPIVersion: v.minApiVersion,
          Os: 'linux',
        },
      },
      {
        Name: 'containerd',
        Version: v.containerd.version,
        Details: { GitCommit: v.containerd.commit },
      },
      { Name: 'runc', Version: v.runc.version, Details: { GitCommit: v.runc.commit } },
      { Name: 'docker-init', Version: v.init.version, Details: { GitCommit: v.init.commit } },
    ],
    Version: v.version,
    ApiVersion: v.apiVersion,
    MinAPIVersion: v.minApiVersion,
    GitCommit: v.gitCommit,
    GoVersion: v.goVersion,
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: engine.host.kernel,
    BuildTime: v.buildTime,
  }
}

/** GET /info (the fields docker 28 sends, in its order). */
export interface SystemInfo {
  ID: string
  Containers: number
  ContainersRunning: number
  ContainersPaused: number
  ContainersStopped: number
  Images: number
  Driver: string
  DriverStatus: [string, string][]
  Plugins: { Volume: string[]; Network: string[]; Authorization: string[] | null; Log: string[] }
  MemoryLimit: boolean
  SwapLimit: boolean
  CpuCfsPeriod: boolean
  CpuCfsQuota: boolean
  CPUShares: boolean
  CPUSet: boolean
  PidsLimit: boolean
  IPv4Forwarding: boolean
  Debug: boolean
  NFd: number
  OomKillDisable: boolean
  NGoroutines: number
  SystemTime: string
  LoggingDriver: string
  CgroupDriver: string
  CgroupVersion: string
  NEventsListener: number
  KernelVersion: string
  OperatingSystem: string
  OSVersion: string
  OSType: string
  Architecture: string
  IndexServerAddress: string
  RegistryConfig: {
    InsecureRegistryCIDRs: string[]
    IndexConfigs: Record<
      string,
      { Name: string; Mirrors: string[]; Secure: boolean; Official: boolean }
    >
    Mirrors: string[] | null
  }
  NCPU: number
  MemTotal: number
  GenericResources: null
  DockerRootDir: string
  HttpProxy: string
  HttpsProxy: string
  NoProxy: string
  Name: string
  Labels: string[]
  ExperimentalBuild: boolean
  ServerVersion: string
  Runtimes: Record<string, { path: string; status?: Record<string, string> }>
  DefaultRuntime: string
  Swarm: {
    NodeID: string
    NodeAddr: string
    LocalNodeState: string
    ControlAvailable: boolean
    Error: string
    RemoteManagers: null
  }
  LiveRestoreEnabled: boolean
  Isolation: string
  InitBinary: string
  ContainerdCommit: { ID: string }
  RuncCommit: { ID: string }
  InitCommit: { ID: string }
  SecurityOptions: string[]
  CDISpecDirs: string[]
  Containerd: { Address: string; Namespaces: { Containers: string; Plugins: string } }
  Warnings: string[] | null
}

/** A stable daemon ID (a UUID since Docker 23) derived from the seeded bridge network id. */
function daemonId(engine: DockerEngine): string {
  const bridge = engine.networks.find('bridge')?.resource.Id ?? ''
  const hex = sha256Hex(`daemon-id:${bridge}`)
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${'89ab'[Number.parseInt(hex.slice(16, 17), 16) % 4] ?? '8'}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-')
}

export function systemInfo(engine: DockerEngine, nowMs: number): SystemInfo {
  const containers = engine.listContainers({ all: true })
  const running = containers.filter((c) => c.State === 'running' || c.State === 'restarting')
  const paused = containers.filter((c) => c.State === 'paused')
  const v = DAEMON_VERSION
  return {
    ID: daemonId(engine),
    Containers: containers.length,
    ContainersRunning: running.length,
    ContainersPaused: paused.length,
    ContainersStopped: containers.length - running.length - paused.length,
    Images: engine.listImages().length,
    Driver: 'overlay2',
    DriverStatus: [
      ['Backing Filesystem', 'extfs'],
      ['Supports d_type', 'true'],
      ['Using metacopy', 'false'],
      ['Native Overlay Diff', 'true'],
      ['userxattr', 'false'],
    ],
    Plugins: {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Authorization: null,
      Log: [
        'awslogs',
        'fluentd',
        'gcplogs',
        'gelf',
        'journald',
        'json-file',
        'local',
        'splunk',
        'syslog',
      ],
    },
    MemoryLimit: true,
    SwapLimit: true,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    Debug: false,
    NFd: 24 + running.length * 8,
    OomKillDisable: false,
    NGoroutines: 40 + running.length * 6,
    SystemTime: rfc3339Nano(nowMs),
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    NEventsListener: 0,
    KernelVersion: engine.host.kernel,
    OperatingSystem: engine.host.operatingSystem?.name ?? HOST_OS.operatingSystem,
    OSVersion: engine.host.operatingSystem?.version ?? HOST_OS.osVersion,
    OSType: 'linux',
    Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: {
      InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
      IndexConfigs: {
        'docker.io': { Name: 'docker.io', Mirrors: [], Secure: true, Official: true },
      },
      Mirrors: null,
    },
    NCPU: engine.host.cpus,
    MemTotal: engine.host.memoryBytes,
    GenericResources: null,
    DockerRootDir: '/var/lib/docker',
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: engine.host.name ?? HOST_OS.name,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: v.version,
    Runtimes: {
      'io.containerd.runc.v2': {
        path: 'runc',
        status: { 'org.opencontainers.runtime-spec.features': '{}' },
      },
      runc: { path: 'runc', status: { 'org.opencontainers.runtime-spec.features': '{}' } },
    },
    DefaultRuntime: 'runc',
    Swarm: {
      NodeID: '',
      NodeAddr: '',
      LocalNodeState: 'inactive',
      ControlAvailable: false,
      Error: '',
      RemoteManagers: null,
    },
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: v.containerd.commit },
    RuncCommit: { ID: v.runc.commit },
    InitCommit: { ID: v.init.commit },
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
    Containerd: {
      Address: '/run/containerd/containerd.sock',
      Namespaces: { Containers: 'moby', Plugins: 'plugins.moby' },
    },
    Warnings: null,
  }
}

/** Bytes a container wrote to its writable layer (its files), as SizeRw reports them. */
export function containerSizeRw(engine: DockerEngine, id: string): number {
  const record = engine.findContainer(id)
  if (!record) return 0
  let size = 0
  for (const content of record.files.values()) size += new TextEncoder().encode(content).length
  return size
}

/** A container summary with SizeRw and SizeRootFs filled in (`docker ps -s`, system df). */
export function withSizes(engine: DockerEngine, summary: ContainerSummary): ContainerSummary {
  const rw = containerSizeRw(engine, summary.Id)
  const image = engine.findContainer(summary.Id)?.image.inspect.Size ?? 0
  return { ...summary, SizeRw: rw, SizeRootFs: rw + image }
}

/** GET /system/df */
export interface DiskUsage {
  LayersSize: number
  Images: ImageSummary[]
  Containers: ContainerSummary[]
  Volumes: Volume[]
  BuildCache: []
}

export function diskUsage(engine: DockerEngine): DiskUsage {
  const images = engine.listImages()
  const containers = engine.listContainers({ all: true }).map((c) => withSizes(engine, c))
  const mounted = new Map<string, number>()
  for (const c of containers)
    for (const m of c.Mounts)
      if (m.Name !== undefined) mounted.set(m.Name, (mounted.get(m.Name) ?? 0) + 1)
  const volumes = engine.volumes.all().map((record) => {
    let size = 0
    for (const content of record.files.values()) size += new TextEncoder().encode(content).length
    return {
      ...record.volume,
      UsageData: { Size: size, RefCount: mounted.get(record.volume.Name) ?? 0 },
    }
  })
  return {
    LayersSize: images.reduce((sum, i) => sum + i.Size, 0),
    Images: images.map((i) => ({ ...i, SharedSize: 0 })),
    Containers: containers,
    Volumes: volumes,
    BuildCache: [],
  }
}
