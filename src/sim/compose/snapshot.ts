/**
 * What the compose view shows: the projects Compose has created, found the way `docker compose
 * ls` and `ps` find them, by the com.docker.compose.* labels on the engine's containers, networks
 * and volumes. Pure: no Compose file is read, so the view shows what runs, not what was written.
 */
import type { ContainerStatus, ContainerSummary } from '../docker/engine/api-types'
import type { DockerEngine } from '../docker/engine/engine'
import { publishedPorts, type PanelHealth } from '../docker/engine/snapshot'
import { LABEL } from './project/labels'

export const COMPOSE_PANEL_LIMITS = {
  projects: 50,
  /** Services, networks or volumes of one project; containers of one service. */
  items: 100,
  text: 2000,
} as const

export interface ComposePanelContainer {
  id: string
  name: string
  number: number
  state: ContainerStatus
  /** `Up 5 seconds (healthy)`: the STATUS column of `docker compose ps`. */
  status: string
  health: PanelHealth | null
}

export interface ComposePanelService {
  name: string
  /** The state the view shows: running if one replica runs, else the first one's. */
  state: ContainerStatus
  /** The worst health among the replicas that have a healthcheck: unhealthy, starting, healthy. */
  health: PanelHealth | null
  containers: ComposePanelContainer[]
  /** Keys of the Compose file's networks (`backend`), or the engine's name for others. */
  networks: string[]
  /** Keys of the Compose file's volumes; an anonymous volume as its first 12 characters. */
  volumes: string[]
  ports: string[]
}

export interface ComposePanelNetwork {
  /** `backend`, as the Compose file names it. */
  name: string
  /** `shop_backend`, as `docker network ls` names it. */
  fullName: string
  /** Services with a container attached. */
  services: string[]
}

export interface ComposePanelVolume {
  name: string
  fullName: string
  services: string[]
}

export interface ComposePanelProject {
  name: string
  workingDir: string
  /** `running(3)`, `exited(1), running(2)`: the STATUS column of `docker compose ls`. */
  status: string
  services: ComposePanelService[]
  networks: ComposePanelNetwork[]
  volumes: ComposePanelVolume[]
}

const clip = (text: string): string =>
  text.length > COMPOSE_PANEL_LIMITS.text
    ? `${text.slice(0, COMPOSE_PANEL_LIMITS.text - 1)}…`
    : text

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const HEALTH_RANK: Record<PanelHealth, number> = { unhealthy: 0, starting: 1, healthy: 2 }

function worstHealth(list: readonly (PanelHealth | null)[]): PanelHealth | null {
  let worst: PanelHealth | null = null
  for (const h of list)
    if (h !== null && (worst === null || HEALTH_RANK[h] < HEALTH_RANK[worst])) worst = h
  return worst
}

/** compose ls: counts of each state, `state(n)` joined in the states' alphabetical order. */
function projectStatus(containers: readonly ContainerSummary[]): string {
  const counts = new Map<string, number>()
  for (const c of containers) counts.set(c.State, (counts.get(c.State) ?? 0) + 1)
  return [...counts.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([state, n]) => `${state}(${n})`)
    .join(', ')
}

const uniqueSorted = (list: Iterable<string>): string[] => [...new Set(list)].sort(byText)

interface Lookup {
  /** Engine network name → its Compose key, for the project's own networks. */
  networkKeys: Map<string, string>
  volumeKeys: Map<string, string>
}

function serviceEntry(
  engine: DockerEngine,
  name: string,
  containers: readonly ContainerSummary[],
  lookup: Lookup,
): ComposePanelService {
  const sorted = [...containers].sort(
    (a, b) =>
      Number(a.Labels[LABEL.containerNumber] ?? 0) - Number(b.Labels[LABEL.containerNumber] ?? 0),
  )
  const entries = sorted.slice(0, COMPOSE_PANEL_LIMITS.items).map((c) => ({
    id: c.Id,
    name: clip(c.Names[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12)),
    number: Number(c.Labels[LABEL.containerNumber] ?? 0) || 0,
    state: c.State,
    status: clip(c.Status),
    health: engine.findContainer(c.Id)?.state.health?.status ?? null,
  }))
  const running = entries.find((c) => c.state === 'running')
  const networks = sorted.flatMap((c) =>
    Object.keys(c.NetworkSettings.Networks).map((n) => lookup.networkKeys.get(n) ?? n),
  )
  const volumes = sorted.flatMap((c) =>
    c.Mounts.filter((m) => m.Type === 'volume' && m.Name !== undefined).map((m) => {
      const full = m.Name ?? ''
      return lookup.volumeKeys.get(full) ?? (full.length === 64 ? full.slice(0, 12) : full)
    }),
  )
  return {
    name: clip(name),
    state: running?.state ?? entries[0]?.state ?? 'created',
    health: worstHealth(entries.map((c) => c.health)),
    containers: entries,
    networks: uniqueSorted(networks).map(clip),
    volumes: uniqueSorted(volumes).map(clip),
    ports: uniqueSorted(sorted.flatMap((c) => publishedPorts(c.Ports))).map(clip),
  }
}

function projectEntry(
  engine: DockerEngine,
  name: string,
  containers: readonly ContainerSummary[],
): ComposePanelProject {
  const ownNetworks = engine.networks
    .all()
    .map((n) => n.resource)
    .filter((n) => n.Labels[LABEL.project] === name)
  const ownVolumes = engine.volumes
    .all()
    .map((v) => v.volume)
    .filter((v) => v.Labels?.[LABEL.project] === name)
  const lookup: Lookup = {
    networkKeys: new Map(ownNetworks.map((n) => [n.Name, n.Labels[LABEL.network] ?? n.Name])),
    volumeKeys: new Map(ownVolumes.map((v) => [v.Name, v.Labels?.[LABEL.volume] ?? v.Name])),
  }
  const byService = new Map<string, ContainerSummary[]>()
  for (const c of containers) {
    const service = c.Labels[LABEL.service] ?? ''
    byService.set(service, [...(byService.get(service) ?? []), c])
  }
  const services = [...byService.entries()]
    .sort(([a], [b]) => byText(a, b))
    .slice(0, COMPOSE_PANEL_LIMITS.items)
    .map(([service, list]) => serviceEntry(engine, service, list, lookup))

  const users = (key: string, pick: (s: ComposePanelService) => string[]): string[] =>
    services.filter((s) => pick(s).includes(key)).map((s) => s.name)
  // The project's own networks, and any other one a service joined (an external network).
  const networkNames = new Map<string, string>()
  for (const n of ownNetworks) networkNames.set(lookup.networkKeys.get(n.Name) ?? n.Name, n.Name)
  for (const s of services)
    for (const n of s.networks) if (!networkNames.has(n)) networkNames.set(n, n)
  const volumeNames = new Map<string, string>()
  for (const v of ownVolumes) volumeNames.set(lookup.volumeKeys.get(v.Name) ?? v.Name, v.Name)
  for (const s of services)
    for (const v of s.volumes) if (!volumeNames.has(v)) volumeNames.set(v, v)

  return {
    name: clip(name),
    workingDir: clip(containers[0]?.Labels[LABEL.workingDir] ?? ''),
    status: projectStatus(containers),
    services,
    networks: [...networkNames.entries()]
      .sort(([a], [b]) => byText(a, b))
      .slice(0, COMPOSE_PANEL_LIMITS.items)
      .map(([key, full]) => ({
        name: clip(key),
        fullName: clip(full),
        services: users(key, (s) => s.networks),
      })),
    volumes: [...volumeNames.entries()]
      .sort(([a], [b]) => byText(a, b))
      .slice(0, COMPOSE_PANEL_LIMITS.items)
      .map(([key, full]) => ({
        name: clip(key),
        fullName: clip(full),
        services: users(key, (s) => s.volumes),
      })),
  }
}

/**
 * The Compose projects that have containers, sorted by name. One-off containers (`compose run`)
 * are left out, as `compose ps` leaves them out.
 */
export function composePanelState(engine: DockerEngine): ComposePanelProject[] {
  const byProject = new Map<string, ContainerSummary[]>()
  for (const c of engine.listContainers({ all: true })) {
    const project = c.Labels[LABEL.project]
    if (project === undefined || c.Labels[LABEL.oneoff] === 'True') continue
    byProject.set(project, [...(byProject.get(project) ?? []), c])
  }
  return [...byProject.entries()]
    .sort(([a], [b]) => byText(a, b))
    .slice(0, COMPOSE_PANEL_LIMITS.projects)
    .map(([name, containers]) => projectEntry(engine, name, containers))
}
