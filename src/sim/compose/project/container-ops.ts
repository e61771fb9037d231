/**
 * Container steps compose runs with a progress line each (docker/compose pkg/compose/
 * convergence.go, stop.go, remove.go): start, stop, remove, kill, pause…
 */
import { err, ok, type Result } from '../../core/errors'
import type { ContainerRecord } from '../../docker/engine/container-record'
import { isUp } from '../../docker/engine/container-record'
import { ComposeError, daemonError } from './errors'
import { progressId, type ComposeRuntime } from './runtime'

export function startOne(rt: ComposeRuntime, c: ContainerRecord): Result<void, ComposeError> {
  if (isUp(c) && c.state.status !== 'restarting') return ok(undefined)
  const id = progressId.container(c.name)
  rt.progress.event(id, 'working', 'Starting')
  const started = rt.engine.startContainer(c.id)
  if (!started.ok) return err(daemonError(started.error.message))
  rt.progress.event(id, 'done', 'Started')
  return ok(undefined)
}

export function stopOne(
  rt: ComposeRuntime,
  c: ContainerRecord,
  options: { signal?: string } = {},
): Result<void, ComposeError> {
  const id = progressId.container(c.name)
  rt.progress.event(id, 'working', 'Stopping')
  const stopped = rt.engine.stopContainer(c.id, options.signal ? { signal: options.signal } : {})
  if (!stopped.ok) return err(daemonError(stopped.error.message))
  rt.progress.event(id, 'done', 'Stopped')
  return ok(undefined)
}

export function removeOne(
  rt: ComposeRuntime,
  c: ContainerRecord,
  options: { volumes?: boolean; stopFirst?: boolean } = {},
): Result<void, ComposeError> {
  if (options.stopFirst !== false && isUp(c)) {
    const stopped = stopOne(rt, c)
    if (!stopped.ok) return stopped
  }
  const id = progressId.container(c.name)
  rt.progress.event(id, 'working', 'Removing')
  const removed = rt.engine.removeContainer(c.id, {
    force: true,
    volumes: options.volumes === true,
  })
  if (!removed.ok) return err(daemonError(removed.error.message))
  rt.progress.event(id, 'done', 'Removed')
  return ok(undefined)
}

/** Runs `step` over each container, stopping at the first failure (as compose's errgroup). */
export function eachContainer(
  containers: readonly ContainerRecord[],
  step: (c: ContainerRecord) => Result<void, ComposeError>,
): Result<void, ComposeError> {
  for (const c of containers) {
    const done = step(c)
    if (!done.ok) return done
  }
  return ok(undefined)
}
