/**
 * A TCP connection that lands in a pod's network namespace: the process of one of its containers
 * that listens on the port, if its image's own command runs there and has finished starting. The
 * answer comes from the image's catalog behaviour, as seen from inside that pod (its host name is
 * the pod's). Pods are not Docker containers: the Server has no container, only a host name.
 */
import type { Connection } from '../../docker/engine/reach'
import type { ServiceSpec } from '../../docker/images/catalog-types'
import { resolveImage } from '../../docker/images/catalog'
import type { KubeObject } from '../api/object'

interface ContainerSpec {
  name: string
  image?: string
  command?: string[]
  args?: string[]
  ports?: { name?: string; containerPort: number; protocol?: string }[]
}

interface ContainerStatus {
  name: string
  ready?: boolean
  state?: { running?: { startedAt?: string } }
}

export interface PodStatusLike {
  phase?: string
  podIP?: string
  hostIP?: string
  conditions?: { type: string; status: string }[]
  containerStatuses?: ContainerStatus[]
}

export const podStatus = (pod: KubeObject): PodStatusLike => (pod['status'] ?? {}) as PodStatusLike

export const podContainers = (pod: KubeObject): ContainerSpec[] =>
  ((pod['spec'] as { containers?: ContainerSpec[] } | undefined)?.containers ??
    []) as ContainerSpec[]

export const podNodeName = (pod: KubeObject): string =>
  (pod['spec'] as { nodeName?: string } | undefined)?.nodeName ?? ''

/** The address the pod holds while its sandbox exists (a deleted pod keeps it while it stops). */
export function podAddress(pod: KubeObject): string | undefined {
  const status = podStatus(pod)
  if (status.phase !== 'Running' && status.phase !== 'Pending') return undefined
  return status.podIP === '' ? undefined : status.podIP
}

/** Ready, as EndpointSlices count it: a Service sends traffic only to those. */
export function podIsReady(pod: KubeObject): boolean {
  return (
    pod.metadata.deletionTimestamp === undefined &&
    podAddress(pod) !== undefined &&
    (podStatus(pod).conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
  )
}

/** A named target port (`targetPort: http`) resolved against the pod's container ports. */
export function resolvePodPort(pod: KubeObject, target: number | string): number | undefined {
  if (typeof target === 'number') return target
  if (/^\d+$/.test(target)) return Number(target)
  for (const c of podContainers(pod))
    for (const p of c.ports ?? []) if (p.name === target) return p.containerPort
  return undefined
}

/** The catalog service a running container of the pod offers on `port`, once it has started. */
function listening(pod: KubeObject, port: number, nowMs: number): ServiceSpec | undefined {
  const statuses = podStatus(pod).containerStatuses ?? []
  for (const c of podContainers(pod)) {
    // Only the image's own process serves: `command: [sleep, "3600"]` listens on nothing.
    if (c.command !== undefined || c.args !== undefined || c.image === undefined) continue
    const startedAt = statuses.find((s) => s.name === c.name)?.state?.running?.startedAt
    if (startedAt === undefined) continue
    const resolved = resolveImage(c.image)
    if (resolved.kind !== 'found') continue
    const profile = resolved.image.profile
    const service = profile.services?.find((s) => s.port === port && s.protocol === 'tcp')
    if (service === undefined) continue
    // The server listens once its start-up lines are written (the kubelet's status keeps
    // seconds only, so the wait is counted from the start of that second).
    const readyAfter = profile.startup.reduce((sum, line) => sum + (line.delayMs ?? 0), 0)
    if (nowMs >= Date.parse(startedAt) + readyAfter) return service
  }
  return undefined
}

/**
 * A connection to `port` of the pod, from `clientIp`. Nothing listening: the pod's kernel
 * refuses. The access-log line is left out: it would land in the node container's docker logs,
 * while a pod's logs are the kubelet's.
 */
export function podConnection(
  pod: KubeObject,
  port: number,
  clientIp: string,
  nowMs: number,
): Connection {
  if (podAddress(pod) === undefined) return { kind: 'refused' }
  const service = listening(pod, port, nowMs)
  if (service === undefined) return { kind: 'refused' }
  const hostname = (pod['spec'] as { hostname?: string } | undefined)?.hostname ?? pod.metadata.name
  const http =
    service.http === undefined
      ? {}
      : {
          http: {
            status: service.http.status,
            headers: service.http.headers,
            body: service.http.body,
          },
        }
  return {
    kind: 'open',
    server: {
      container: undefined,
      hostname,
      port,
      service: { port: service.port, protocol: service.protocol, kind: service.kind, ...http },
      clientIp,
    },
  }
}
