/**
 * Container steps compose runs with a progress line each (docker/compose pkg/compose/
 * convergence.go, stop.go, remove.go): start, stop, remove. Each takes its time on the virtual
 * clock (timing.ts); a stop waits out the grace period of a process that ignores SIGTERM (a
 * `sleep` as PID 1), then the daemon kills it, as `docker stop` does.
 */
import { err, ok, type Result } from '../../core/errors'
import type { ContainerRecord } from '../../docker/engine/container-record'
import { isUp } from '../../docker/engine/container-record'
import { drive, runTogether, type Job } from './concurrent'
import { ComposeError, daemonError } from './errors'
import { progressId, type ComposeRuntime } from './runtime'
import { pass, stepMs } from './timing'

/** The daemon's default stop timeout (container.DefaultStopTimeout), in seconds. */
const DEFAULT_STOP_TIMEOUT_S = 10

/** One container's start (startService's loop body): `Starting`, the daemon's start, `Started`. */
export function* startJob(rt: ComposeRuntime, c: ContainerRecord): Job {
  if (isUp(c) && c.state.status !== 'restarting') return ok(undefined)
  const id = progressId.container(c.name)
  rt.progress.event(id, 'working', 'Starting')
  yield stepMs('start', c.name)
  const started = rt.engine.startContainer(c.id)
  if (!started.ok) return err(daemonError(started.error.message))
  rt.progress.event(id, 'done', 'Started')
  return ok(undefined)
}

export function startOne(
  rt: ComposeRuntime,
  c: ContainerRecord,
): Promise<Result<void, ComposeError>> {
  return drive(rt, startJob(rt, c))
}

export interface StopOptions {
  /** `-t/--timeout`: seconds before the kill, instead of the container's own stop timeout. */
  timeoutS?: number
  signal?: string
}

/** Seconds the daemon waits for `c` to stop before killing it. */
function graceSeconds(c: ContainerRecord, options: StopOptions): number {
  return options.timeoutS ?? c.config.StopTimeout ?? DEFAULT_STOP_TIMEOUT_S
}

/**
 * One container's stop (pkg/compose/stop.go stopContainer): `Stopping`, the daemon's stop, then
 * `Stopped`. The stop signal goes at once; a process that ignores it is killed after the grace
 * period. A container that is not running still gets both lines, as the daemon's stop of it
 * succeeds at once.
 */
export function* stopJob(rt: ComposeRuntime, c: ContainerRecord, options: StopOptions = {}): Job {
  const id = progressId.container(c.name)
  rt.progress.event(id, 'working', 'Stopping')
  if (!isUp(c)) {
    rt.progress.event(id, 'done', 'Stopped')
    return ok(undefined)
  }
  let signal = options.signal
  let ms = stepMs('stop', c.name)
  if (rt.engine.stopWaitsForTimeout(c.id, options.signal)) {
    rt.engine.announceStopSignal(c.id, options.signal)
    signal = 'SIGKILL'
    ms = Math.max(graceSeconds(c, options), 0) * 1000 + stepMs('kill', c.name)
  }
  yield ms
  if (isUp(c)) {
    const stopped = rt.engine.stopContainer(c.id, signal ? { signal } : {})
    if (!stopped.ok) {
      rt.progress.event(id, 'error', 'Error while Stopping')
      return err(daemonError(stopped.error.message))
    }
  }
  rt.progress.event(id, 'done', 'Stopped')
  return ok(undefined)
}

/** One container's removal: `Removing`, the daemon's forced remove, `Removed`. */
export function* removeJob(
  rt: ComposeRuntime,
  c: ContainerRecord,
  options: { volumes?: boolean } = {},
): Job {
  const id = progressId.container(c.name)
  rt.progress.event(id, 'working', 'Removing')
  yield stepMs('remove', c.name)
  const removed = rt.engine.removeContainer(c.id, {
    force: true,
    volumes: options.volumes === true,
  })
  if (!removed.ok) {
    rt.progress.event(id, 'error', 'Error while Removing')
    return err(daemonError(removed.error.message))
  }
  rt.progress.event(id, 'done', 'Removed')
  return ok(undefined)
}

/** `down`'s step for one container (stopAndRemoveContainer): its stop, then its removal. */
export function* stopAndRemoveJob(
  rt: ComposeRuntime,
  c: ContainerRecord,
  options: StopOptions & { volumes?: boolean } = {},
): Job {
  const stopped = yield* stopJob(rt, c, options)
  if (!stopped.ok) return stopped
  return yield* removeJob(rt, c, options)
}

/** Stops `containers` together, each reported as its own stop ends. */
export function stopTogether(
  rt: ComposeRuntime,
  containers: readonly ContainerRecord[],
  options: StopOptions = {},
): Promise<Result<void, ComposeError>> {
  return runTogether(
    rt,
    containers.map((c) => stopJob(rt, c, options)),
  )
}

export function stopOne(
  rt: ComposeRuntime,
  c: ContainerRecord,
  options: StopOptions = {},
): Promise<Result<void, ComposeError>> {
  return stopTogether(rt, [c], options)
}

export async function removeOne(
  rt: ComposeRuntime,
  c: ContainerRecord,
  options: { volumes?: boolean; stopFirst?: boolean; timeoutS?: number } = {},
): Promise<Result<void, ComposeError>> {
  if (options.stopFirst !== false && isUp(c)) {
    const stopped = await stopOne(
      rt,
      c,
      options.timeoutS === undefined ? {} : { timeoutS: options.timeoutS },
    )
    if (!stopped.ok) return stopped
  }
  return removeStopped(rt, [c], options)
}

/** Removes containers that no longer run (compose's Removing → Removed). */
export async function removeStopped(
  rt: ComposeRuntime,
  containers: readonly ContainerRecord[],
  options: { volumes?: boolean } = {},
): Promise<Result<void, ComposeError>> {
  if (containers.length === 0) return ok(undefined)
  for (const c of containers) rt.progress.event(progressId.container(c.name), 'working', 'Removing')
  await pass(rt, Math.max(...containers.map((c) => stepMs('remove', c.name))))
  for (const c of containers) {
    const removed = rt.engine.removeContainer(c.id, {
      force: true,
      volumes: options.volumes === true,
    })
    if (!removed.ok) return err(daemonError(removed.error.message))
    rt.progress.event(progressId.container(c.name), 'done', 'Removed')
  }
  return ok(undefined)
}

/** Runs `step` over each container, stopping at the first failure (as compose's errgroup). */
export async function eachContainer(
  containers: readonly ContainerRecord[],
  step: (c: ContainerRecord) => Promise<Result<void, ComposeError>> | Result<void, ComposeError>,
): Promise<Result<void, ComposeError>> {
  for (const c of containers) {
    const done = await step(c)
    if (!done.ok) return done
  }
  return ok(undefined)
}
