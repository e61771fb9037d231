/**
 * `up`'s convergence (docker/compose pkg/compose/convergence.go, create.go, start.go): bring the
 * engine's containers in line with the project, service by service in dependency order.
 * - create phase: networks, volumes, then per service: scale down (highest numbers first),
 *   recreate containers whose config-hash or image changed (`Recreate` → `Recreated`), leave
 *   the others (`Running`), create the missing ones (`Creating` → `Created`);
 * - start phase: per service, wait for its dependencies' conditions (service_healthy on the
 *   engine's health state, service_completed_successfully on the exit code), then start
 *   (`Starting` → `Started`).
 */
import { err, ok, type Result } from '../../core/errors'
import { connectNetwork } from '../../docker/engine/network-ops'
import type { ContainerRecord } from '../../docker/engine/container-record'
import { isUp } from '../../docker/engine/container-record'
import { waitOnClock } from '../../docker/cli/container-follow'
import type { ComposeProject, ServiceConfig } from '../model'
import { containerPlan, serviceConfigHash } from './container-spec'
import { removeOne, startOne, stopOne } from './container-ops'
import { ComposeError, daemonError } from './errors'
import { serviceImage } from './images'
import { LABEL } from './labels'
import { containerNumber, projectContainers, serviceContainers, serviceOf } from './observed'
import { ensureNetworks, ensureVolumes, usedNetworks, usedVolumes } from './resources'
import { progressId, type ComposeRuntime } from './runtime'

export interface ConvergeOptions {
  forceRecreate?: boolean
  noRecreate?: boolean
  /** `--scale svc=n`. */
  scale?: ReadonlyMap<string, number>
  removeOrphans?: boolean
  /** `-V`: recreate anonymous volumes (a recreated container gets fresh ones). */
  renewAnonVolumes?: boolean
  /** env_file texts by path. */
  envFiles: ReadonlyMap<string, string>
}

/** How many containers the service runs: --scale, then `scale`, then deploy.replicas, else 1. */
export function expectedScale(service: ServiceConfig, scale?: ReadonlyMap<string, number>): number {
  return scale?.get(service.name) ?? service.scale ?? service.deploy?.replicas ?? 1
}

/** Containers of the project whose service is no longer in it. */
export function orphanContainers(rt: ComposeRuntime, project: ComposeProject): ContainerRecord[] {
  return projectContainers(rt.engine, project.name).filter((c) => {
    const service = serviceOf(c)
    return !project.services[service] && !project.disabledServices[service]
  })
}

export function handleOrphans(
  rt: ComposeRuntime,
  project: ComposeProject,
  remove: boolean,
): Result<void, ComposeError> {
  const orphans = orphanContainers(rt, project)
  if (orphans.length === 0) return ok(undefined)
  if (!remove) {
    rt.warn(
      `Found orphan containers ([${orphans.map((c) => c.name).join(' ')}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`,
    )
    return ok(undefined)
  }
  for (const c of orphans) {
    const removed = removeOne(rt, c)
    if (!removed.ok) return removed
  }
  return ok(undefined)
}

function createContainer(
  rt: ComposeRuntime,
  project: ComposeProject,
  service: ServiceConfig,
  number: number,
  envFiles: ReadonlyMap<string, string>,
): Result<ContainerRecord, ComposeError> {
  const image = serviceImage(project, service)
  const local = rt.engine.findImage(image)
  if (!local) return err(daemonError(`No such image: ${image}`))
  const plan = containerPlan(project, service, image, { number, imageId: local.id, envFiles })
  const id = progressId.container(plan.name)
  rt.progress.event(id, 'working', 'Creating')
  const created = rt.engine.createContainer(plan.request, plan.name)
  if (!created.ok) {
    rt.progress.event(id, 'error', 'Error')
    return err(daemonError(created.error.message))
  }
  for (const extra of plan.extraNetworks) {
    const connected = connectNetwork(rt.engine, extra.name, created.value.Id, {
      aliases: extra.aliases,
      ...(extra.ipv4Address ? { ipv4Address: extra.ipv4Address } : {}),
    })
    if (!connected.ok) return err(daemonError(connected.error.message))
  }
  rt.progress.event(id, 'done', 'Created')
  const record = rt.engine.findContainer(created.value.Id)
  return record ? ok(record) : err(daemonError(`No such container: ${created.value.Id}`))
}

function outdated(
  rt: ComposeRuntime,
  project: ComposeProject,
  service: ServiceConfig,
  c: ContainerRecord,
): boolean {
  const labels = c.config.Labels
  if (labels[LABEL.configHash] !== serviceConfigHash(service)) return true
  const image = rt.engine.findImage(serviceImage(project, service))
  return image !== undefined && labels[LABEL.image] !== image.id
}

/** The create phase for one service. */
export function ensureService(
  rt: ComposeRuntime,
  project: ComposeProject,
  service: ServiceConfig,
  options: ConvergeOptions,
): Result<void, ComposeError> {
  const expected = expectedScale(service, options.scale)
  const existing = serviceContainers(rt.engine, project.name, service.name)
  // Scale down: the highest numbers go first.
  const keep = existing.slice(0, expected)
  for (const extra of existing.slice(expected).reverse()) {
    const removed = removeOne(rt, extra)
    if (!removed.ok) return removed
  }
  for (const c of keep) {
    const recreate =
      options.forceRecreate === true ||
      (options.noRecreate !== true && outdated(rt, project, service, c))
    const id = progressId.container(c.name)
    if (recreate) {
      rt.progress.event(id, 'working', 'Recreate')
      if (isUp(c)) rt.engine.stopContainer(c.id)
      const removed = rt.engine.removeContainer(c.id, {
        force: true,
        volumes: options.renewAnonVolumes === true,
      })
      if (!removed.ok) return err(daemonError(removed.error.message))
      const created = recreateContainer(rt, project, service, containerNumber(c), options.envFiles)
      if (!created.ok) return created
      rt.progress.event(id, 'done', 'Recreated')
    } else if (c.state.status === 'running') rt.progress.event(id, 'done', 'Running')
    else if (c.state.status === 'exited') rt.progress.event(id, 'done', 'Created')
  }
  let next = Math.max(0, ...existing.map(containerNumber)) + 1
  for (let missing = expected - keep.length; missing > 0; missing--) {
    const created = createContainer(rt, project, service, next++, options.envFiles)
    if (!created.ok) return created
  }
  return ok(undefined)
}

/** A recreated container: the same name and number, without a progress line of its own. */
function recreateContainer(
  rt: ComposeRuntime,
  project: ComposeProject,
  service: ServiceConfig,
  number: number,
  envFiles: ReadonlyMap<string, string>,
): Result<void, ComposeError> {
  const image = serviceImage(project, service)
  const local = rt.engine.findImage(image)
  if (!local) return err(daemonError(`No such image: ${image}`))
  const plan = containerPlan(project, service, image, { number, imageId: local.id, envFiles })
  const created = rt.engine.createContainer(plan.request, plan.name)
  if (!created.ok) return err(daemonError(created.error.message))
  for (const extra of plan.extraNetworks) {
    const connected = connectNetwork(rt.engine, extra.name, created.value.Id, {
      aliases: extra.aliases,
      ...(extra.ipv4Address ? { ipv4Address: extra.ipv4Address } : {}),
    })
    if (!connected.ok) return err(daemonError(connected.error.message))
  }
  return ok(undefined)
}

/** Networks, volumes, then each service's containers, in dependency order. */
export function createPhase(
  rt: ComposeRuntime,
  project: ComposeProject,
  services: readonly string[],
  options: ConvergeOptions,
): Result<void, ComposeError> {
  const networks = ensureNetworks(rt, project, usedNetworks(project, services))
  if (!networks.ok) return networks
  const volumes = ensureVolumes(rt, project, usedVolumes(project, services))
  if (!volumes.ok) return volumes
  for (const name of services) {
    const service = project.services[name]
    if (!service) continue
    const done = ensureService(rt, project, service, options)
    if (!done.ok) return done
  }
  return ok(undefined)
}

/** The start phase: each service once its dependencies meet their conditions. */
export async function startPhase(
  rt: ComposeRuntime,
  project: ComposeProject,
  services: readonly string[],
): Promise<Result<void, ComposeError>> {
  for (const name of services) {
    const service = project.services[name]
    if (!service) continue
    const waited = await waitDependencies(rt, project, service, services)
    if (!waited.ok) return waited
    for (const c of serviceContainers(rt.engine, project.name, name)) {
      const started = startOne(rt, c)
      if (!started.ok) return started
    }
  }
  // A command that finishes at once (`echo hi`) has, by the time the prompt is back.
  await rt.engine.settle()
  return ok(undefined)
}

type Condition = 'healthy' | 'completed' | 'running-or-healthy'

/** Waits on the virtual clock until the containers meet `condition`; the failure otherwise. */
async function waitFor(
  rt: ComposeRuntime,
  containers: readonly ContainerRecord[],
  condition: Condition,
): Promise<Result<void, ComposeError>> {
  const ids = containers.map((c) => progressId.container(c.name))
  for (const id of ids) rt.progress.event(id, 'working', 'Waiting')
  const pending = new Set(containers)
  let failure: ComposeError | undefined
  const check = (): boolean => {
    for (const c of [...pending]) {
      const id = progressId.container(c.name)
      const health = c.state.health?.status
      const exited = c.state.status === 'exited' || c.state.status === 'dead'
      if (condition === 'completed') {
        if (!exited) continue
        pending.delete(c)
        if (c.state.exitCode !== 0) {
          rt.progress.event(id, 'error', 'Error')
          failure ??= new ComposeError(
            `service ${JSON.stringify(serviceOf(c))} didn't complete successfully: exit ${c.state.exitCode}`,
          )
        } else rt.progress.event(id, 'done', 'Exited')
        continue
      }
      if (exited) {
        pending.delete(c)
        rt.progress.event(id, 'error', 'Error')
        failure ??= new ComposeError(
          `dependency failed to start: container ${c.name} exited (${c.state.exitCode})`,
        )
        continue
      }
      if (condition === 'running-or-healthy' && !c.config.Healthcheck?.Test) {
        if (c.state.status === 'running') {
          pending.delete(c)
          rt.progress.event(id, 'done', 'Healthy')
        }
        continue
      }
      if (health === 'healthy') {
        pending.delete(c)
        rt.progress.event(id, 'done', 'Healthy')
      } else if (health === 'unhealthy') {
        pending.delete(c)
        rt.progress.event(id, 'error', 'Error')
        failure ??= new ComposeError(`dependency failed to start: container ${c.name} is unhealthy`)
      }
    }
    return pending.size === 0 || failure !== undefined
  }
  const outcome = await waitOnClock({ engine: rt.engine, shell: rt.shell }, check)
  if (failure) return err(failure)
  if (outcome !== 'done') {
    const [first] = [...pending]
    if (outcome === 'interrupted') return err(new ComposeError('context canceled'))
    return err(
      new ComposeError(
        `dependency failed to start: container ${first?.name ?? ''} is ${condition === 'completed' ? 'still running' : 'unhealthy'}`,
      ),
    )
  }
  return ok(undefined)
}

async function waitDependencies(
  rt: ComposeRuntime,
  project: ComposeProject,
  service: ServiceConfig,
  selected: readonly string[],
): Promise<Result<void, ComposeError>> {
  for (const [dep, config] of Object.entries(service.depends_on).sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    if (config.condition === 'service_started') continue
    const depService = project.services[dep]
    if (!depService) continue
    const containers = serviceContainers(rt.engine, project.name, dep)
    if (containers.length === 0) {
      if (!selected.includes(dep) || !config.required) continue
    }
    if (config.condition === 'service_healthy') {
      const missing = containers.find((c) => !c.config.Healthcheck?.Test)
      if (missing)
        return err(new ComposeError(`container ${missing.name} has no healthcheck configured`))
    }
    const waited = await waitFor(
      rt,
      containers,
      config.condition === 'service_healthy' ? 'healthy' : 'completed',
    )
    if (!waited.ok) return waited
  }
  return ok(undefined)
}

/** `up --wait`: every started container running (healthy when it has a healthcheck). */
export async function waitRunning(
  rt: ComposeRuntime,
  project: ComposeProject,
  services: readonly string[],
): Promise<Result<void, ComposeError>> {
  const containers = services.flatMap((s) => serviceContainers(rt.engine, project.name, s))
  return waitFor(rt, containers, 'running-or-healthy')
}

/** Stops the services' containers, dependents first (reverse start order). */
export function stopServices(
  rt: ComposeRuntime,
  projectName: string,
  servicesInStartOrder: readonly string[],
): Result<void, ComposeError> {
  for (const name of [...servicesInStartOrder].reverse())
    for (const c of serviceContainers(rt.engine, projectName, name)) {
      if (!isUp(c)) continue
      const stopped = stopOne(rt, c)
      if (!stopped.ok) return stopped
    }
  return ok(undefined)
}
