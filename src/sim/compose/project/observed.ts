/**
 * What the engine holds for a project, found by compose's labels (the way compose finds its
 * containers, networks and volumes again on every command: it keeps no state of its own).
 */
import type { ContainerRecord } from '../../docker/engine/container-record'
import type { DockerEngine } from '../../docker/engine/engine'
import { LABEL } from './labels'

export function projectContainers(
  engine: DockerEngine,
  project: string,
  options: { oneoff?: 'include' | 'exclude' | 'only' } = {},
): ContainerRecord[] {
  const oneoff = options.oneoff ?? 'exclude'
  return engine
    .allContainers()
    .filter((c) => c.config.Labels[LABEL.project] === project)
    .filter((c) => {
      const isOneoff = c.config.Labels[LABEL.oneoff] === 'True'
      return oneoff === 'include' || (oneoff === 'only' ? isOneoff : !isOneoff)
    })
    .sort(byServiceAndNumber)
}

export function serviceContainers(
  engine: DockerEngine,
  project: string,
  service: string,
): ContainerRecord[] {
  return projectContainers(engine, project).filter(
    (c) => c.config.Labels[LABEL.service] === service,
  )
}

export function containerNumber(c: ContainerRecord): number {
  return Number(c.config.Labels[LABEL.containerNumber] ?? '0') || 0
}

export function serviceOf(c: ContainerRecord): string {
  return c.config.Labels[LABEL.service] ?? ''
}

function byServiceAndNumber(a: ContainerRecord, b: ContainerRecord): number {
  const sa = serviceOf(a)
  const sb = serviceOf(b)
  if (sa !== sb) return sa < sb ? -1 : 1
  return containerNumber(a) - containerNumber(b) || (a.name < b.name ? -1 : 1)
}

/** Names of the projects with containers on the engine (`docker compose ls`). */
export function projectNames(engine: DockerEngine): string[] {
  const names = new Set<string>()
  for (const c of engine.allContainers()) {
    const p = c.config.Labels[LABEL.project]
    if (p !== undefined) names.add(p)
  }
  return [...names].sort()
}
