/**
 * What the Docker panel shows, built from the engine's API objects (the same ones `docker ps`,
 * `docker images`, `docker network ls` and `docker volume ls` read), as plain data that can
 * cross IPC. Pure: no formatting for a terminal, no host APIs.
 */
import { humanSizeWithPrecision } from '../../cli-kit/go-units'
import type { ContainerStatus, ContainerSummary, PortSummary } from './api-types'
import type { DockerEngine } from './engine'

/** Bounds of one snapshot, so that a runaway script cannot flood the IPC channel. */
export const PANEL_LIMITS = {
  /** Containers, images, networks or volumes listed. */
  items: 200,
  /** Names in one list (a network's containers, a volume's users, an image's tags). */
  names: 100,
  /** Log lines of the selected container. */
  logLines: 20,
  /** Characters of one text field. */
  text: 2000,
} as const

export type PanelHealth = 'starting' | 'healthy' | 'unhealthy'

export interface DockerPanelContainer {
  id: string
  name: string
  image: string
  state: ContainerStatus
  /** `Up 5 seconds`, `Exited (0) 2 minutes ago`: the STATUS column of `docker ps`. */
  status: string
  health: PanelHealth | null
  /** Published ports as `8080→80` (`127.0.0.1:8080→80`, `5353→53/udp`). */
  ports: string[]
  networks: string[]
}

export interface DockerPanelImage {
  /** `sha256:` dropped, 12 characters, as `docker images` shows it. */
  id: string
  /** `nginx:latest`, or `<none>:<none>` for a dangling image. */
  tags: string[]
  /** `192MB`, as `docker images` shows it. */
  size: string
  containers: number
}

export interface DockerPanelNetwork {
  id: string
  name: string
  driver: string
  subnet: string | null
  /** Names of the containers attached (running ones: stopped containers hold no endpoint). */
  containers: string[]
}

export interface DockerPanelVolume {
  name: string
  driver: string
  anonymous: boolean
  /** Names of the containers that mount it, running or not. */
  mountedBy: string[]
}

export interface DockerPanelLogLine {
  stream: 'stdout' | 'stderr'
  text: string
}

/** The inspect summary of the selected container, with its last log lines. */
export interface DockerPanelDetail {
  id: string
  name: string
  image: string
  command: string
  /** RFC 3339, as `docker inspect` gives `.Created`. */
  created: string
  state: ContainerStatus
  status: string
  exitCode: number
  /** `no`, `always`, `unless-stopped`, `on-failure:3`. */
  restartPolicy: string
  restartCount: number
  networks: Array<{ name: string; ip: string; gateway: string; aliases: string[] }>
  mounts: Array<{ type: string; source: string; destination: string; readOnly: boolean }>
  ports: string[]
  logs: DockerPanelLogLine[]
}

export interface DockerPanelState {
  containers: DockerPanelContainer[]
  images: DockerPanelImage[]
  networks: DockerPanelNetwork[]
  volumes: DockerPanelVolume[]
  /** Present when the panel asked for a container that still exists. */
  selected: DockerPanelDetail | null
}

const clip = (text: string): string =>
  text.length > PANEL_LIMITS.text ? `${text.slice(0, PANEL_LIMITS.text - 1)}…` : text

const names = (list: readonly string[]): string[] => list.slice(0, PANEL_LIMITS.names).map(clip)

/** Published ports, one entry per mapping (IPv4 and IPv6 bindings of one port are one entry). */
export function publishedPorts(ports: readonly PortSummary[]): string[] {
  const shown: string[] = []
  const sorted = [...ports].sort(
    (a, b) => (a.PublicPort ?? 0) - (b.PublicPort ?? 0) || a.PrivatePort - b.PrivatePort,
  )
  for (const port of sorted) {
    if (port.PublicPort === undefined) continue
    const wildcard =
      port.IP === undefined || port.IP === '' || port.IP === '0.0.0.0' || port.IP === '::'
    const host = wildcard ? '' : `${port.IP?.includes(':') ? `[${port.IP}]` : port.IP}:`
    const proto = port.Type === 'tcp' ? '' : `/${port.Type}`
    const text = `${host}${port.PublicPort}→${port.PrivatePort}${proto}`
    if (!shown.includes(text)) shown.push(text)
  }
  return shown
}

function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12)
}

function containerRow(summary: ContainerSummary, engine: DockerEngine): DockerPanelContainer {
  const record = engine.findContainer(summary.Id)
  return {
    id: summary.Id,
    name: clip(summary.Names[0]?.replace(/^\//, '') ?? shortId(summary.Id)),
    image: clip(summary.Image),
    state: summary.State,
    status: clip(summary.Status),
    health: record?.state.health?.status ?? null,
    ports: names(publishedPorts(summary.Ports)),
    networks: names(Object.keys(summary.NetworkSettings.Networks)),
  }
}

function detail(engine: DockerEngine, id: string): DockerPanelDetail | null {
  const inspected = engine.inspectContainer(id)
  const summary = engine.listContainers({ all: true }).find((c) => c.Id === id)
  if (!inspected.ok || summary === undefined) return null
  const c = inspected.value
  const policy = c.HostConfig.RestartPolicy
  const logs = engine.logs(id)
  return {
    id: c.Id,
    name: clip(c.Name.replace(/^\//, '')),
    image: clip(summary.Image),
    command: clip(summary.Command),
    created: c.Created,
    state: c.State.Status,
    status: clip(summary.Status),
    exitCode: c.State.ExitCode,
    restartPolicy:
      policy.Name === 'on-failure' && policy.MaximumRetryCount > 0
        ? `on-failure:${policy.MaximumRetryCount}`
        : policy.Name === ''
          ? 'no'
          : policy.Name,
    restartCount: c.RestartCount,
    networks: Object.entries(c.NetworkSettings.Networks)
      .slice(0, PANEL_LIMITS.names)
      .map(([name, endpoint]) => ({
        name: clip(name),
        ip: endpoint.IPAddress,
        gateway: endpoint.Gateway,
        aliases: names(endpoint.Aliases ?? []),
      })),
    mounts: c.Mounts.slice(0, PANEL_LIMITS.names).map((m) => ({
      type: m.Type,
      source: clip(m.Name ?? m.Source),
      destination: clip(m.Destination),
      readOnly: !m.RW,
    })),
    ports: names(publishedPorts(summary.Ports)),
    logs: (logs.ok ? logs.value.slice(-PANEL_LIMITS.logLines) : []).map((entry) => ({
      stream: entry.stream,
      text: clip(entry.text),
    })),
  }
}

/** The panel's view of the daemon; `selectedId` asks for one container's details. */
export function dockerPanelState(engine: DockerEngine, selectedId?: string): DockerPanelState {
  const summaries = engine.listContainers({ all: true })
  const nameOf = new Map(summaries.map((s) => [s.Id, s.Names[0]?.replace(/^\//, '') ?? '']))
  const containers = summaries.slice(0, PANEL_LIMITS.items).map((s) => containerRow(s, engine))
  const images = engine
    .listImages()
    .slice(0, PANEL_LIMITS.items)
    .map((image) => ({
      id: shortId(image.Id),
      tags: names(image.RepoTags.length > 0 ? image.RepoTags : ['<none>:<none>']),
      size: humanSizeWithPrecision(image.Size, 3),
      containers: image.Containers,
    }))
  const networks = engine.networks
    .all()
    .map((n) => n.resource)
    .sort((a, b) => a.Name.localeCompare(b.Name))
    .slice(0, PANEL_LIMITS.items)
    .map((n) => ({
      id: shortId(n.Id),
      name: clip(n.Name),
      driver: n.Driver,
      subnet: n.IPAM.Config[0]?.Subnet ?? null,
      containers: names(
        Object.entries(n.Containers)
          .map(([id, c]) => nameOf.get(id) ?? c.Name)
          .sort(),
      ),
    }))
  const volumes = engine.volumes
    .all()
    .slice(0, PANEL_LIMITS.items)
    .map((record) => ({
      name: clip(record.volume.Name),
      driver: record.volume.Driver,
      anonymous: record.anonymous,
      mountedBy: names(
        summaries
          .filter((s) => s.Mounts.some((m) => m.Type === 'volume' && m.Name === record.volume.Name))
          .map((s) => nameOf.get(s.Id) ?? '')
          .sort(),
      ),
    }))
  const selected = selectedId === undefined ? null : detail(engine, selectedId)
  return { containers, images, networks, volumes, selected }
}
