/**
 * Docker Engine API objects (API 1.47–1.50), as the daemon returns them over HTTP. The engine
 * stores and returns these shapes; both our docker CLI and the Engine API facade (which the real
 * docker client talks to) read them, so the two print the same thing.
 * https://docs.docker.com/reference/api/engine/version/v1.47/
 */

export type PortMap = Record<string, PortBinding[] | null>
export interface PortBinding {
  HostIp: string
  HostPort: string
}

export interface HealthConfig {
  Test?: string[]
  Interval?: number
  Timeout?: number
  Retries?: number
  StartPeriod?: number
  StartInterval?: number
}

export interface ContainerConfig {
  Hostname: string
  Domainname: string
  User: string
  AttachStdin: boolean
  AttachStdout: boolean
  AttachStderr: boolean
  ExposedPorts?: Record<string, Record<string, never>>
  Tty: boolean
  OpenStdin: boolean
  StdinOnce: boolean
  Env: string[]
  Cmd: string[] | null
  Healthcheck?: HealthConfig
  Image: string
  Volumes: Record<string, Record<string, never>> | null
  WorkingDir: string
  Entrypoint: string[] | null
  OnBuild: string[] | null
  Labels: Record<string, string>
  StopSignal?: string
  StopTimeout?: number
  /** SHELL of a Dockerfile: what shell-form RUN, CMD and ENTRYPOINT run in (images only). */
  Shell?: string[]
}

export interface RestartPolicy {
  Name: '' | 'no' | 'always' | 'unless-stopped' | 'on-failure'
  MaximumRetryCount: number
}

export interface MountSpec {
  Type: 'bind' | 'volume' | 'tmpfs'
  Source: string
  Target: string
  ReadOnly?: boolean
}

export interface HostConfig {
  Binds: string[] | null
  NetworkMode: string
  PortBindings: PortMap
  RestartPolicy: RestartPolicy
  AutoRemove: boolean
  Mounts?: MountSpec[]
  PublishAllPorts: boolean
  Memory: number
  NanoCpus: number
  Privileged: boolean
  ReadonlyRootfs: boolean
  ExtraHosts?: string[] | null
  Links?: string[] | null
  /** `--init` / compose `init: true`: docker-init (tini) runs as PID 1 and forwards signals. */
  Init?: boolean | null
}

export interface EndpointSettings {
  IPAMConfig: { IPv4Address?: string } | null
  Links: string[] | null
  Aliases: string[] | null
  MacAddress: string
  DriverOpts: Record<string, string> | null
  NetworkID: string
  EndpointID: string
  Gateway: string
  IPAddress: string
  IPPrefixLen: number
  IPv6Gateway: string
  GlobalIPv6Address: string
  GlobalIPv6PrefixLen: number
  DNSNames: string[] | null
}

export interface ContainerCreateRequest extends Partial<ContainerConfig> {
  Image: string
  HostConfig?: Partial<HostConfig>
  NetworkingConfig?: { EndpointsConfig?: Record<string, Partial<EndpointSettings>> }
}

export type ContainerStatus =
  'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead'

export interface HealthLogEntry {
  Start: string
  End: string
  ExitCode: number
  Output: string
}

export interface ContainerState {
  Status: ContainerStatus
  Running: boolean
  Paused: boolean
  Restarting: boolean
  OOMKilled: boolean
  Dead: boolean
  Pid: number
  ExitCode: number
  Error: string
  StartedAt: string
  FinishedAt: string
  Health?: {
    Status: 'starting' | 'healthy' | 'unhealthy'
    FailingStreak: number
    Log: HealthLogEntry[]
  }
}

export interface MountPoint {
  Type: 'bind' | 'volume' | 'tmpfs'
  Name?: string
  Source: string
  Destination: string
  Driver?: string
  Mode: string
  RW: boolean
  Propagation: string
}

/** GET /containers/{id}/json */
export interface ContainerInspect {
  Id: string
  Created: string
  Path: string
  Args: string[]
  State: ContainerState
  Image: string
  ResolvConfPath: string
  HostnamePath: string
  HostsPath: string
  LogPath: string
  Name: string
  RestartCount: number
  Driver: string
  Platform: string
  MountLabel: string
  ProcessLabel: string
  AppArmorProfile: string
  ExecIDs: string[] | null
  HostConfig: HostConfig
  Mounts: MountPoint[]
  Config: ContainerConfig
  NetworkSettings: {
    Bridge: string
    SandboxID: string
    SandboxKey: string
    Ports: PortMap
    /** Deprecated copy of the default bridge endpoint (`{{.NetworkSettings.IPAddress}}`). */
    EndpointID: string
    Gateway: string
    GlobalIPv6Address: string
    GlobalIPv6PrefixLen: number
    IPAddress: string
    IPPrefixLen: number
    IPv6Gateway: string
    MacAddress: string
    Networks: Record<string, EndpointSettings>
  }
}

export interface PortSummary {
  IP?: string
  PrivatePort: number
  PublicPort?: number
  Type: 'tcp' | 'udp' | 'sctp'
}

/** An item of GET /containers/json */
export interface ContainerSummary {
  Id: string
  Names: string[]
  Image: string
  ImageID: string
  Command: string
  Created: number
  Ports: PortSummary[]
  SizeRw?: number
  SizeRootFs?: number
  Labels: Record<string, string>
  State: ContainerStatus
  Status: string
  HostConfig: { NetworkMode: string }
  NetworkSettings: { Networks: Record<string, EndpointSettings> }
  Mounts: MountPoint[]
}

/** An item of GET /images/json */
export interface ImageSummary {
  Id: string
  ParentId: string
  RepoTags: string[]
  RepoDigests: string[]
  Created: number
  Size: number
  SharedSize: number
  Labels: Record<string, string> | null
  Containers: number
}

/** GET /images/{name}/json */
export interface ImageInspect {
  Id: string
  RepoTags: string[]
  RepoDigests: string[]
  Parent: string
  Comment: string
  Created: string
  DockerVersion: string
  Author: string
  Config: ContainerConfig
  Architecture: string
  Os: string
  Size: number
  RootFS: { Type: 'layers'; Layers: string[] }
  Metadata: { LastTagTime: string }
}

export interface NetworkContainer {
  Name: string
  EndpointID: string
  MacAddress: string
  IPv4Address: string
  IPv6Address: string
}

/** GET /networks/{id} */
export interface NetworkResource {
  Name: string
  Id: string
  Created: string
  Scope: 'local' | 'swarm' | 'global'
  Driver: string
  EnableIPv4: boolean
  EnableIPv6: boolean
  IPAM: {
    Driver: string
    Options: Record<string, string> | null
    Config: Array<{ Subnet: string; Gateway?: string; IPRange?: string }>
  }
  Internal: boolean
  Attachable: boolean
  Ingress: boolean
  ConfigFrom: { Network: string }
  ConfigOnly: boolean
  Containers: Record<string, NetworkContainer>
  Options: Record<string, string>
  Labels: Record<string, string>
}

/** GET /volumes/{name} */
export interface Volume {
  CreatedAt: string
  Driver: string
  Labels: Record<string, string> | null
  Mountpoint: string
  Name: string
  Options: Record<string, string> | null
  Scope: 'local' | 'global'
  UsageData?: { Size: number; RefCount: number }
}

/** An item of GET /events */
export interface EventMessage {
  Type: 'container' | 'image' | 'network' | 'volume' | 'builder'
  Action: string
  Actor: { ID: string; Attributes: Record<string, string> }
  scope: 'local'
  time: number
  timeNano: number
}
