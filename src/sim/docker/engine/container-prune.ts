/**
 * `POST /containers/prune` (moby daemon/prune.go ContainersPrune): removes every stopped
 * container and reports the ids and the bytes their writable layers held.
 */
import { isUp, type ContainerRecord } from './container-record'
import type { DockerEngine } from './engine'
import type { ContainersPruneReport } from './report-types'

export function pruneContainers(
  engine: DockerEngine,
  /** The `--filter`s: a stopped container is removed only when it matches. */
  matches: (container: ContainerRecord) => boolean = () => true,
): ContainersPruneReport {
  const deleted: string[] = []
  let reclaimed = 0
  for (const c of engine.allContainers()) {
    if (isUp(c) || c.state.status === 'removing' || !matches(c)) continue
    let size = 0
    for (const content of c.files.values()) size += new TextEncoder().encode(content).length
    if (engine.removeContainer(c.id).ok) {
      deleted.push(c.id)
      reclaimed += size
    }
  }
  engine.events.emit('container', 'prune', '', { reclaimed: String(reclaimed) })
  return { ContainersDeleted: deleted.length === 0 ? null : deleted, SpaceReclaimed: reclaimed }
}
