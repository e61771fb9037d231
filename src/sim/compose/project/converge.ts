/**
 * `up`'s convergence (docker/compose pkg/compose/convergence.go, create.go, start.go): bring the
 * engine's containers in line with the project. Both phases walk the services in dependency
 * order as compose's goroutines do (concurrent.ts): a service goes as soon as the ones it
 * depends on are done, independent services together, a service's containers at once.
 * - create phase: networks, volumes, then per service: scale down (outdated, then highest
 *   numbers first), recreate containers whose config-hash or image changed (`Recreate` →
 *   `Recreated`), leave the others (`Running`), create the missing ones (`Creating` → `Created`);
 * - start phase: per service, wait for its dependencies' conditions (service_healthy on the
 *   engine's health state, service_completed_successfully on the exit code), polled every
 *   500 ms on the virtual clock as compose polls, then start (`Starting` → `Started`).
 * Every step takes its time on the virtual clock (timing.ts).
 */
import { err, ok, type Result } from '../../core/errors'
import { connectNetwork } from '../../docker/engine/network-ops'
import type { ContainerRecord } from '../../docker/engine/container-record'
import { isUp } from '../../docker/engine/container-record'
import type { ComposeProject, ServiceConfig } from '../model'
import { containerPlan, serviceConfigHash } from './container-spec'
import {
  drive,
  inDependencyOrder,
  inReverseDependencyOrder,
  instantJob,
  type Job,
  type Wait,
} from './concurrent'
import { removeOne, startJob, stopAndRemoveJob, stopJob, type StopOptions } from './container-ops'
import { ComposeError, daemonError } from './errors'
import { dependenciesOf } from './graph'
import { serviceImage } from './images'
import { LABEL } from './labels'
import { containerNumber, projectContainers, serviceContainers, serviceOf } from './observed'
import { ensureNetworks, ensureVolumes, usedNetworks, usedVolumes } from './resources'
import { progressId, type ComposeRuntime } from './runtime'
import { stepMs } from './timing'

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
  /** `-t/--timeout`: the stop grace period for containers being replaced or scaled down. */
  timeoutS?: number
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

export async function handleOrphans(
  rt: ComposeRuntime,
  project: ComposeProject,
  remove: boolean,
): Promise<Result<void, ComposeError>> {
  const orphans = orphanContainers(rt, project)
  if (orphans.length === 0) return ok(undefined)
  if (!remove) {
    rt.warn(
      `Found orphan containers ([${orphans.map((c) => c.name).join(' ')}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`,
    )
    return ok(undefined)
  }
  for (const c of orphans) {
    const removed = await removeOne(rt, c)
    if (!removed.ok) return removed
  }
  return ok(undefined)
}

/** Creates one container (Creating → Created, unless replacing one) and connects its networks. */
function* createJob(
  rt: ComposeRuntime,
  project: ComposeProject,
  service: ServiceConfig,
  number: number,
  envFiles: ReadonlyMap<string, string>,
  progress: boolean,
): Generator<Wait, Result<ContainerRecord, ComposeError>, void> {
  const image = serviceImage(project, service)
  const local = rt.engine.findImage(image)
  if (!local) return err(daemonError(`No such image: ${image}`))
  const plan = containerPlan(project, service, image, { number, imageId: local.id, envFiles })
  const id = progressId.container(plan.name)
  if (progress) rt.progress.event(id, 'working', 'Creating')
  yield stepMs('create', plan.name)
  const created = rt.engine.createContainer(plan.request, plan.name)
  if (!created.ok) {
    if (progress) rt.progress.event(id, 'error', 'Error')
    return err(daemonError(created.error.message))
  }
  for (const extra of plan.extraNetworks) {
    const connected = connectNetwork(rt.engine, extra.name, created.value.Id, {
      aliases: extra.aliases,
      ...(extra.ipv4Address ? { ipv4Address: extra.ipv4Address } : {}),
    })
    if (!connected.ok) return err(daemonError(connected.error.message))
  }
  if (progress) rt.progress.event(id, 'done', 'Created')
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

const stopOptions = (options: ConvergeOptions): StopOptions =>
  options.timeoutS === undefined ? {} : { timeoutS: options.timeoutS }

/**
 * recreateContainer: `Recreate`, the old container stopped (its grace period for a process
 * ignoring SIGTERM, without progress lines of its own) and removed, the new one created in its
 * place, `Recreated`.
 */
function* recreateJob(
  rt: ComposeRuntime,
  project: ComposeProject,
  service: ServiceConfig,
  c: ContainerRecord,
  options: ConvergeOptions,
): Job {
  const id = progressId.container(c.name)
  rt.progress.event(id, 'working', 'Recreate')
  if (isUp(c)) {
    const grace = options.timeoutS ?? c.config.StopTimeout ?? 10
    const waits = rt.engine.stopWaitsForTimeout(c.id)
    if (waits) rt.engine.announceStopSignal(c.id)
    yield waits ? Math.max(grace, 0) * 1000 : stepMs('stop', c.name)
    if (isUp(c)) {
      const stopped = rt.engine.stopContainer(c.id, waits ? { signal: 'SIGKILL' } : {})
      if (!stopped.ok) return err(daemonError(stopped.error.message))
    }
  }
  const removed = rt.engine.removeContainer(c.id, {
    force: true,
    volumes: options.renewAnonVolumes === true,
  })
  if (!removed.ok) return err(daemonError(removed.error.message))
  const created = yield* createJob(
    rt,
    project,
    service,
    containerNumber(c),
    options.envFiles,
    false,
  )
  if (!created.ok) return created
  rt.progress.event(id, 'done', 'Recreated')
  return ok(undefined)
}

/**
 * The create phase for one service (ensureService): every container's step at once, spawned
 * in compose's loop order: per container, scale it down, recreate it when outdated, or report
 * it (`Running`, `Created`); then create the missing ones.
 */
export function ensureServiceJobs(
  rt: ComposeRuntime,
  project: ComposeProject,
  service: ServiceConfig,
  options: ConvergeOptions,
): Job[] {
  const expected = expectedScale(service, options.scale)
  const existing = serviceContainers(rt.engine, project.name, service.name)
  const mustRecreate = (c: ContainerRecord): boolean =>
    options.forceRecreate === true ||
    (options.noRecreate !== true && outdated(rt, project, service, c))
  // compose's order: up-to-date containers by number, the outdated ones last, so scaling down
  // drops those first, then the highest numbers.
  const ordered = [...existing.filter((c) => !mustRecreate(c)), ...existing.filter(mustRecreate)]
  const jobs: Job[] = []
  ordered.forEach((c, i) => {
    const id = progressId.container(c.name)
    if (i >= expected) jobs.push(stopAndRemoveJob(rt, c, stopOptions(options)))
    else if (mustRecreate(c)) jobs.push(recreateJob(rt, project, service, c, options))
    else if (c.state.status === 'running')
      jobs.push(instantJob(() => rt.progress.event(id, 'done', 'Running')))
    else if (c.state.status === 'exited')
      jobs.push(instantJob(() => rt.progress.event(id, 'done', 'Created')))
  })
  let next = Math.max(0, ...existing.map(containerNumber)) + 1
  for (let missing = expected - existing.length; missing > 0; missing--) {
    const created = createJob(rt, project, service, next++, options.envFiles, true)
    jobs.push(
      (function* (): Job {
        const done = yield* created
        return done.ok ? ok(undefined) : done
      })(),
    )
  }
  return jobs
}

/** Networks, volumes, then the services' containers, each service once its dependencies are. */
export async function createPhase(
  rt: ComposeRuntime,
  project: ComposeProject,
  services: readonly string[],
  options: ConvergeOptions,
): Promise<Result<void, ComposeError>> {
  const networks = await ensureNetworks(rt, project, usedNetworks(project, services))
  if (!networks.ok) return networks
  const volumes = await ensureVolumes(rt, project, usedVolumes(project, services))
  if (!volumes.ok) return volumes
  return inDependencyOrder(
    rt,
    services.filter((s) => project.services[s] !== undefined),
    dependenciesOf(project, []),
    (name) => {
      const service = project.services[name]
      return service ? ensureServiceJobs(rt, project, service, options) : []
    },
  )
}

type Condition = 'service_healthy' | 'service_completed_successfully' | 'running_or_healthy'

export interface Dependency {
  service: string
  condition: Condition
  required: boolean
}

/** The dependencies whose conditions `service` waits for before it starts. */
function conditionsOf(project: ComposeProject, service: ServiceConfig): Dependency[] {
  return Object.entries(service.depends_on)
    .filter(([dep, config]) => {
      if (config.condition === 'service_started') return false
      const depService = project.services[dep]
      return depService !== undefined && expectedScale(depService) > 0
    })
    .map(([dep, config]) => ({
      service: dep,
      condition: config.condition as Condition,
      required: config.required,
    }))
}

/** startService: wait for the dependencies' conditions, then start each container in turn. */
function* startServiceJob(
  rt: ComposeRuntime,
  project: ComposeProject,
  service: ServiceConfig,
  waitTimeoutMs: number | undefined,
): Job {
  if (service.deploy?.replicas === 0) return ok(undefined)
  const dependencies = conditionsOf(project, service)
  const waited = yield* waitDependenciesJob(rt, project, service.name, dependencies, waitTimeoutMs)
  if (!waited.ok && waited.error !== 'timeout') return err(waited.error)
  for (const c of serviceContainers(rt.engine, project.name, service.name)) {
    const started = yield* startJob(rt, c)
    if (!started.ok) return started
  }
  return ok(undefined)
}

/**
 * The start phase (compose's start): services in dependency order, each as soon as the ones
 * it depends on have started, independent ones together; each waits for its dependencies'
 * conditions. `waitTimeoutMs` (`--wait-timeout`) bounds each wait; past it compose starts the
 * service anyway.
 */
export async function startPhase(
  rt: ComposeRuntime,
  project: ComposeProject,
  services: readonly string[],
  waitTimeoutMs?: number,
): Promise<Result<void, ComposeError>> {
  const started = await inDependencyOrder(
    rt,
    services.filter((s) => project.services[s] !== undefined),
    dependenciesOf(project, []),
    (name) => {
      const service = project.services[name]
      return service ? [startServiceJob(rt, project, service, waitTimeoutMs)] : []
    },
  )
  if (!started.ok) return started
  // A command that finishes at once (`echo hi`) has, by the time the prompt is back.
  await rt.engine.settle()
  return ok(undefined)
}

/** How often compose looks at the dependencies' state (its ticker). */
const POLL_MS = 500

type Check = { kind: 'pending' } | { kind: 'met' } | { kind: 'failed'; reason: string }

/** compose's isServiceHealthy: each container healthy (or running, when it may have no check). */
function healthCheck(containers: readonly ContainerRecord[], fallbackRunning: boolean): Check {
  for (const c of containers) {
    if (c.state.status === 'exited')
      return { kind: 'failed', reason: `container ${c.name} exited (${c.state.exitCode})` }
    // compose decides on the first container without a healthcheck.
    if (!c.config.Healthcheck && fallbackRunning)
      return c.state.status === 'running' ? { kind: 'met' } : { kind: 'pending' }
    const health = c.state.health?.status
    if (health === undefined)
      return { kind: 'failed', reason: `container ${c.name} has no healthcheck configured` }
    if (health === 'unhealthy')
      return { kind: 'failed', reason: `container ${c.name} is unhealthy` }
    if (health !== 'healthy') return { kind: 'pending' }
  }
  return { kind: 'met' }
}

function checkDependency(dep: Dependency, containers: readonly ContainerRecord[]): Check {
  if (dep.condition !== 'service_completed_successfully')
    return healthCheck(containers, dep.condition === 'running_or_healthy')
  // compose's isServiceCompleted: the first container found exited, with its code.
  const exited = containers.find((c) => c.state.status === 'exited')
  if (exited === undefined) return { kind: 'pending' }
  if (exited.state.exitCode === 0) return { kind: 'met' }
  return {
    kind: 'failed',
    reason: `${JSON.stringify(dep.service)} didn't complete successfully: exit ${exited.state.exitCode}`,
  }
}

/**
 * compose's waitDependencies: `Waiting` for each dependency's containers, then every 500 ms a
 * look at their state until each condition is met (`Healthy`, `Exited`) or fails (`Error`,
 * `dependency failed to start: …`). All dependencies are watched at once. Past `timeoutMs` the
 * wait ends with 'timeout' (compose's context deadline).
 */
export function* waitDependenciesJob(
  rt: ComposeRuntime,
  project: ComposeProject,
  dependant: string,
  dependencies: readonly Dependency[],
  timeoutMs?: number,
): Generator<Wait, Result<void, ComposeError | 'timeout'>, void> {
  const pending: Array<{ dep: Dependency; containers: ContainerRecord[]; ids: string[] }> = []
  for (const dep of [...dependencies].sort((a, b) => (a.service < b.service ? -1 : 1))) {
    const containers = serviceContainers(rt.engine, project.name, dep.service)
    const ids = containers.map((c) => progressId.container(c.name))
    for (const id of ids) rt.progress.event(id, 'working', 'Waiting')
    if (containers.length === 0) {
      if (dep.required)
        return err(new ComposeError(`${dependant} is missing dependency ${dep.service}`))
      rt.warn(`${dependant} is missing dependency ${dep.service}`)
      continue
    }
    pending.push({ dep, containers, ids })
  }
  const deadline = timeoutMs === undefined ? undefined : rt.shell.clock.now() + timeoutMs
  while (pending.length > 0) {
    if (deadline !== undefined && rt.shell.clock.now() + POLL_MS > deadline) {
      yield deadline - rt.shell.clock.now()
      return err('timeout')
    }
    yield POLL_MS
    yield 'settle'
    if (rt.shell.signal.aborted) return err(new ComposeError('context canceled'))
    for (const entry of [...pending]) {
      const { dep, ids } = entry
      const outcome = checkDependency(dep, entry.containers)
      if (outcome.kind === 'pending') continue
      pending.splice(pending.indexOf(entry), 1)
      if (outcome.kind === 'met') {
        const text = dep.condition === 'service_completed_successfully' ? 'Exited' : 'Healthy'
        for (const id of ids) rt.progress.event(id, 'done', text)
        continue
      }
      if (!dep.required) {
        const name = JSON.stringify(dep.service)
        const why =
          dep.condition === 'running_or_healthy'
            ? `optional dependency ${name} is not running or is unhealthy`
            : dep.condition === 'service_healthy'
              ? `optional dependency ${name} failed to start`
              : `optional dependency ${outcome.reason}`
        for (const id of ids) rt.progress.event(id, 'warning', why)
        rt.warn(
          dep.condition === 'service_completed_successfully' ? why : `${why}: ${outcome.reason}`,
        )
        continue
      }
      if (dep.condition === 'service_healthy') {
        for (const id of ids) rt.progress.event(id, 'error', 'Error')
        return err(new ComposeError(`dependency failed to start: ${outcome.reason}`))
      }
      if (dep.condition === 'service_completed_successfully') {
        const message = `service ${outcome.reason}`
        for (const id of ids) rt.progress.event(id, 'error', message)
        return err(new ComposeError(message))
      }
      return err(new ComposeError(outcome.reason))
    }
  }
  return ok(undefined)
}

/** A whole number of seconds as Go prints a time.Duration (`30s`, `1m30s`, `1h0m0s`). */
export function goSeconds(total: number): string {
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h > 0) return `${h}h${m}m${s}s`
  if (m > 0) return `${m}m${s}s`
  return `${s}s`
}

/**
 * `up --wait`: every service running, or healthy when it has a healthcheck (completed, for one
 * another service waits to complete); past `--wait-timeout`, "application not healthy after".
 */
export async function waitRunning(
  rt: ComposeRuntime,
  project: ComposeProject,
  services: readonly string[],
  waitTimeoutS?: number,
): Promise<Result<void, ComposeError>> {
  const completedBy = new Set(
    Object.values(project.services).flatMap((s) =>
      Object.entries(s.depends_on)
        .filter(([, d]) => d.condition === 'service_completed_successfully')
        .map(([dep]) => dep),
    ),
  )
  const dependencies: Dependency[] = services
    .filter((s) => {
      const service = project.services[s]
      return service !== undefined && expectedScale(service) > 0
    })
    .map((s) => ({
      service: s,
      condition: completedBy.has(s) ? 'service_completed_successfully' : 'running_or_healthy',
      required: true,
    }))
  const limited = waitTimeoutS !== undefined && waitTimeoutS > 0
  const waited = await drive(
    rt,
    waitDependenciesJob(
      rt,
      project,
      project.name,
      dependencies,
      limited ? waitTimeoutS * 1000 : undefined,
    ),
  )
  if (waited.ok) return ok(undefined)
  if (waited.error === 'timeout')
    return err(new ComposeError(`application not healthy after ${goSeconds(waitTimeoutS ?? 0)}`))
  return err(waited.error)
}

/**
 * Stops the services' containers as compose's Stop does: dependents first over the project's
 * graph, services nothing waits for together, every container of a service at once (a stopped
 * one too: the daemon's stop of it succeeds at once).
 */
export function stopServices(
  rt: ComposeRuntime,
  project: ComposeProject,
  services: readonly string[],
  options: StopOptions = {},
): Promise<Result<void, ComposeError>> {
  const containers = projectContainers(rt.engine, project.name)
  return inReverseDependencyOrder(
    rt,
    Object.keys(project.services),
    dependenciesOf(project, containers),
    (service) =>
      services.includes(service)
        ? containers.filter((c) => serviceOf(c) === service).map((c) => stopJob(rt, c, options))
        : [],
  )
}
