/**
 * The services' dependency graph (depends_on): compose starts dependencies first and stops and
 * removes dependents first. Ties keep the project's order (services sorted by name).
 */
import type { ContainerRecord } from '../../docker/engine/container-record'
import type { ComposeProject } from '../model'
import { LABEL } from './labels'

/** `names` plus every service they depend on, transitively (what `up web` brings up). */
export function withDependencies(project: ComposeProject, names: readonly string[]): string[] {
  const wanted = new Set<string>()
  const visit = (name: string): void => {
    if (wanted.has(name)) return
    wanted.add(name)
    const service = project.services[name]
    for (const [dep, config] of Object.entries(service?.depends_on ?? {}))
      if (project.services[dep] || config.required) visit(dep)
  }
  for (const name of names) visit(name)
  return [...wanted]
}

/** Services in start order: each after the ones it depends on. */
export function startOrder(project: ComposeProject, names: readonly string[]): string[] {
  const set = new Set(names)
  const done = new Set<string>()
  const order: string[] = []
  const visit = (name: string, path: Set<string>): void => {
    if (done.has(name) || path.has(name)) return
    path.add(name)
    for (const dep of Object.keys(project.services[name]?.depends_on ?? {}).sort())
      if (set.has(dep)) visit(dep, path)
    path.delete(name)
    done.add(name)
    order.push(name)
  }
  for (const name of [...names].sort()) visit(name, new Set())
  return order
}

/** A dependency cycle, as compose reports it, or undefined. */
export function dependencyCycle(project: ComposeProject): string | undefined {
  const state = new Map<string, 'visiting' | 'done'>()
  let found: string | undefined
  const visit = (name: string, path: string[]): void => {
    if (found !== undefined) return
    if (state.get(name) === 'done') return
    if (state.get(name) === 'visiting') {
      found = `dependency cycle detected: ${[...path.slice(path.indexOf(name)), name].join(' -> ')}`
      return
    }
    state.set(name, 'visiting')
    for (const dep of Object.keys(project.services[name]?.depends_on ?? {}).sort())
      if (project.services[dep]) visit(dep, [...path, name])
    state.set(name, 'done')
  }
  for (const name of Object.keys(project.services).sort()) visit(name, [])
  return found
}

/**
 * The services each service depends on: the project's depends_on, or, for a project known only
 * by its containers (`down -p NAME`), their `com.docker.compose.depends_on` labels
 * (`db:service_started:false,…`), as compose rebuilds a project from its containers.
 */
export function dependenciesOf(
  project: ComposeProject | undefined,
  containers: readonly ContainerRecord[],
): (service: string) => string[] {
  if (project) return (s) => Object.keys(project.services[s]?.depends_on ?? {})
  const deps = new Map<string, Set<string>>()
  for (const c of containers) {
    const service = c.config.Labels[LABEL.service] ?? ''
    const set = deps.get(service) ?? new Set<string>()
    for (const entry of (c.config.Labels[LABEL.dependsOn] ?? '').split(','))
      if (entry !== '') set.add(entry.split(':')[0] ?? '')
    deps.set(service, set)
  }
  return (s) => [...(deps.get(s) ?? [])]
}
