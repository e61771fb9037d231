/**
 * Container steps compose runs with a progress line each (docker/compose pkg/compose/
 * convergence.go, stop.go, remove.go): start, stop, remove. Each takes its time on the virtual
 * clock (timing.ts); a stop waits out the grace period of a process that ignores SIGTERM (a
 * `sleep` as PID 1), then the daemon kills it, as `docker stop` does.
 */
import { err, ok, type Result } from '../../core/errors'
import type { ContainerRecord } from '../../docker/engine/container-record'
import { isUp } from '../../docker/engine/container-record'
import { ComposeError, daemonError } from './errors'
import { progressId, type ComposeRuntime } from './runtime'
import { pass, stepMs } from './timing'

/** The daemon's default stop timeout (container.DefaultStopTimeout), in seconds. */
const DEFAULT_STOP_TIMEOUT_S = 10

export async function startOne(
  rt: ComposeRuntime,
  c: ContainerRecord,
): Promise<Result<void, ComposeError>> {
  if (isUp(c) && c.state.status !== 'restarting') return ok(undefined)
  const id = progressId.container(c.name)
  rt.progress.event(id, 'working', 'Starting')
  await pass(rt, stepMs('start', c.name))
  const started = rt.engine.startContainer(c.id)
  if (!started.ok) return err(daemonError(started.error.message))
  rt.progress.event(id, 'done', 'Started')
  return ok(undefined)
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
 * Stops `containers` together (compose stops a service's containers in parallel): they all get
 * the stop signal, and the step lasts as long as the slowest, a grace period for a process
 * that ignores the signal.
 */
export async function stopTogether(
  rt: ComposeRuntime,
  containers: readonly ContainerRecord[],
  options: StopOptions = {},
): Promise<Result<void, ComposeError>> {
  if (containers.length === 0) return ok(undefined)
  const killed = new Set<string>()
  let longest = 0
  for (const c of containers) {
    rt.progress.event(progressId.container(c.name), 'working', 'Stopping')
    if (!isUp(c)) continue
    let ms = stepMs('stop', c.name)
    const grace = graceSeconds(c, options)
    if (rt.engine.stopWaitsForTimeout(c.id, options.signal)) {
      rt.engine.announceStopSignal(c.id, options.signal)
      killed.add(c.id)
      ms = Math.max(grace, 0) * 1000 + stepMs('kill', c.name)
    }
    longest = Math.max(longest, ms)
  }
  await pass(rt, longest)
  for (const c of containers) {
    if (isUp(c)) {
      const signal = killed.has(c.id) ? 'SIGKILL' : options.signal
      const stopped = rt.engine.stopContainer(c.id, signal ? { signal } : {})
      if (!stopped.ok) return err(daemonError(stopped.error.message))
    }
    rt.progress.event(progressId.container(c.name), 'done', 'Stopped')
  }
  return ok(undefined)
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
