/**
 * The project's networks and volumes (docker/compose pkg/compose/create.go ensureNetworks,
 * ensureProjectVolumes; down.go): created with compose's labels when missing, reused when they
 * are the project's, checked when external, removed by `down`.
 */
import { err, ok, type Result } from '../../core/errors'
import { createNetwork, removeNetwork } from '../../docker/engine/network-ops'
import { createVolume, removeVolume } from '../../docker/engine/volume-ops'
import type { ComposeProject } from '../model'
import { serviceNetworks } from './container-spec'
import { ComposeError, daemonError } from './errors'
import { COMPOSE_VERSION, LABEL } from './labels'
import { pass, stepMs } from './timing'
import { progressId, type ComposeRuntime } from './runtime'

/** Network keys the services use, sorted. */
export function usedNetworks(project: ComposeProject, services: readonly string[]): string[] {
  const keys = new Set<string>()
  for (const name of services) {
    const service = project.services[name]
    if (!service || service.network_mode !== undefined) continue
    for (const n of serviceNetworks(project, service)) keys.add(n.key)
  }
  return [...keys].sort()
}

/** Named volume keys the services mount, sorted. */
export function usedVolumes(project: ComposeProject, services: readonly string[]): string[] {
  const keys = new Set<string>()
  for (const name of services)
    for (const v of project.services[name]?.volumes ?? [])
      if (v.type === 'volume' && v.source !== undefined) keys.add(v.source)
  return [...keys].sort()
}

export async function ensureNetworks(
  rt: ComposeRuntime,
  project: ComposeProject,
  keys: readonly string[],
): Promise<Result<void, ComposeError>> {
  for (const key of keys) {
    const config = project.networks[key]
    const name = config?.name ?? `${project.name}_${key}`
    const existing = rt.engine.networks.find(name)
    if (config?.external) {
      if (!existing)
        return err(new ComposeError(`network ${name} declared as external, but could not be found`))
      continue
    }
    if (existing) {
      if (existing.resource.Labels[LABEL.project] !== project.name)
        rt.warn(
          `a network with name ${name} exists but was not created by compose.\nSet \`external: true\` to use an existing network`,
        )
      continue
    }
    const id = progressId.network(name)
    rt.progress.event(id, 'working', 'Creating')
    await pass(rt, stepMs('network-create', name))
    const ipam = config?.ipam?.config?.[0]
    const created = createNetwork(rt.engine, {
      name,
      ...(config?.driver ? { driver: config.driver } : {}),
      ...(ipam?.subnet ? { subnet: ipam.subnet } : {}),
      ...(ipam?.gateway ? { gateway: ipam.gateway } : {}),
      internal: config?.internal === true,
      attachable: config?.attachable === true,
      options: { ...config?.driver_opts },
      labels: {
        ...config?.labels,
        [LABEL.network]: key,
        [LABEL.project]: project.name,
        [LABEL.version]: COMPOSE_VERSION,
      },
    })
    if (!created.ok) {
      rt.progress.event(id, 'error', 'Error')
      return err(new ComposeError(`failed to create network ${name}: ${created.error.message}`))
    }
    rt.progress.event(id, 'done', 'Created')
  }
  return ok(undefined)
}

export async function ensureVolumes(
  rt: ComposeRuntime,
  project: ComposeProject,
  keys: readonly string[],
): Promise<Result<void, ComposeError>> {
  for (const key of keys) {
    const config = project.volumes[key]
    const name = config?.name ?? `${project.name}_${key}`
    const existing = rt.engine.volumes.get(name)
    if (config?.external) {
      if (!existing) return err(new ComposeError(`external volume "${name}" not found`))
      continue
    }
    if (existing) {
      if (existing.volume.Labels?.[LABEL.project] !== project.name)
        rt.warn(
          `volume "${name}" already exists but was not created by Docker Compose. Use \`external: true\` to use an existing volume`,
        )
      continue
    }
    const id = progressId.volumeCreate(name)
    rt.progress.event(id, 'working', 'Creating')
    await pass(rt, stepMs('volume', name))
    const created = createVolume(rt.engine, {
      name,
      ...(config?.driver ? { driver: config.driver } : {}),
      labels: {
        ...config?.labels,
        [LABEL.project]: project.name,
        [LABEL.version]: COMPOSE_VERSION,
        [LABEL.volume]: key,
      },
    })
    if (!created.ok) {
      rt.progress.event(id, 'error', 'Error')
      return err(daemonError(created.error.message))
    }
    rt.progress.event(id, 'done', 'Created')
  }
  return ok(undefined)
}

/** `down`: the project's networks (those it created), each Removing → Removed. */
export async function removeProjectNetworks(
  rt: ComposeRuntime,
  projectName: string,
  project: ComposeProject | undefined,
): Promise<Result<void, ComposeError>> {
  const names = new Set<string>()
  for (const n of rt.engine.networks.all())
    if (n.resource.Labels[LABEL.project] === projectName) names.add(n.resource.Name)
  if (project)
    for (const [key, config] of Object.entries(project.networks)) {
      if (config.external) names.delete(config.name)
      else if (rt.engine.networks.find(config.name)) names.add(config.name ?? key)
    }
  for (const name of [...names].sort()) {
    const id = progressId.network(name)
    rt.progress.event(id, 'working', 'Removing')
    await pass(rt, stepMs('network-remove', name))
    const removed = removeNetwork(rt.engine, name)
    if (!removed.ok) {
      rt.progress.event(id, 'error', 'Error')
      return err(daemonError(removed.error.message))
    }
    rt.progress.event(id, 'done', 'Removed')
  }
  return ok(undefined)
}

/** `down -v`: the project's named volumes. */
export async function removeProjectVolumes(
  rt: ComposeRuntime,
  projectName: string,
  project: ComposeProject | undefined,
): Promise<Result<void, ComposeError>> {
  const names = new Set<string>()
  for (const v of rt.engine.volumes.all())
    if (v.volume.Labels?.[LABEL.project] === projectName) names.add(v.volume.Name)
  if (project)
    for (const config of Object.values(project.volumes))
      if (config.external) names.delete(config.name)
  for (const name of [...names].sort()) {
    const id = progressId.volume(name)
    rt.progress.event(id, 'working', 'Removing')
    await pass(rt, stepMs('volume', name))
    const removed = removeVolume(rt.engine, name)
    // removeVolume: a volume a container still mounts is kept, with a warning (a conflict).
    if (!removed.ok && removed.error.status === 409) {
      rt.progress.event(id, 'warning', 'Resource is still in use')
      continue
    }
    if (!removed.ok) {
      rt.progress.event(id, 'error', 'Error')
      return err(daemonError(removed.error.message))
    }
    rt.progress.event(id, 'done', 'Removed')
  }
  return ok(undefined)
}
