/**
 * The names Compose gives engine objects (docker/compose pkg/compose/convergence.go, create.go):
 * `<project>-<service>-<n>` containers (the v2 separator is `-`), `<project>-<service>-run-<12 hex>`
 * one-off containers, `<project>-<service>` built images. Networks and volumes carry the names the
 * loader resolved (`<project>_<key>` unless `name:` says otherwise).
 */
import type { ServiceConfig } from '../model'

export function containerName(project: string, service: ServiceConfig, number: number): string {
  return service.container_name ?? `${project}-${service.name}-${number}`
}

/** The image `build:` produces when the service names none. */
export function builtImageName(project: string, service: ServiceConfig): string {
  return service.image ?? `${project}-${service.name}`
}

export function oneOffName(project: string, service: string, slug: string): string {
  return `${project}-${service}-run-${slug.slice(0, 12)}`
}

/** The container's name without the project's prefix: `web-1`, what log prefixes show. */
export function shortContainerName(project: string, name: string): string {
  return name.startsWith(`${project}-`) ? name.slice(project.length + 1) : name
}
