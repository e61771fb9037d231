/**
 * A TCP connection that lands in a pod's network namespace: the process of one of its containers
 * that listens on the port — an app server its command starts (a student's `node server.js`,
 * `flask run`, an image built with one as its CMD), or the image's own catalog process once it
 * has finished starting. The answer is the app's routes or the image's catalog behaviour, as seen
 * from inside that pod (its host name is the pod's). Pods are not Docker containers: the Server
 * has no container, only a host name. `cluster` gives the ConfigMaps and Secrets the container's
 * environment reads and the images built on the node.
 */
import type { AppServer } from '../../docker/apps/app-server'
import { isLoopbackHost } from '../../docker/apps/listen-ports'
import { isLoopback, type Connection } from '../../docker/engine/reach'
import type { ServiceSpec } from '../../docker/images/catalog-types'
import type { KubeObject } from '../api/object'
import type { KubeCluster } from '../cluster'
import type { ObjectStore } from '../store/object-store'
import { containerImage } from './node-images'
import { podApp, type AppContainerSpec } from './pod-apps'

interface ContainerSpec extends AppContainerSpec {
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

/** What listens on a port of the pod: an image's catalog service, or an app a container runs. */
type Listener =
  | { kind: 'catalog'; service: ServiceSpec }
  | { kind: 'app'; server: AppServer; loopbackOnly: boolean }

/**
 * The process a running container of the pod has listening on `port`. An app server the
 * container's command starts (apps/) answers with its own routes; otherwise only the image's
 * own process serves its catalog ports (`command: [sleep, "3600"]` listens on nothing), once it
 * has finished starting.
 */
function listening(
  pod: KubeObject,
  port: number,
  nowMs: number,
  store: ObjectStore | undefined,
): Listener | undefined {
  const statuses = podStatus(pod).containerStatuses ?? []
  for (const c of podContainers(pod)) {
    if (c.image === undefined) continue
    const startedAt = statuses.find((s) => s.name === c.name)?.state?.running?.startedAt
    if (startedAt === undefined) continue
    const app = podApp(store, pod, c, Date.parse(startedAt))
    if (app !== undefined) {
      const on = app.listens.filter((l) => l.port === port)
      if (on.length === 0) continue
      return { kind: 'app', server: app, loopbackOnly: on.every((l) => isLoopbackHost(l.host)) }
    }
    if (c.command !== undefined || c.args !== undefined) continue
    const image = containerImage(store, c.image)
    if (image === undefined) continue
    const profile = image.profile
    const service = profile.services?.find((s) => s.port === port && s.protocol === 'tcp')
    if (service === undefined) continue
    // The server listens once its start-up lines are written (the kubelet's status keeps
    // seconds only, so the wait is counted from the start of that second).
    const readyAfter = profile.startup.reduce((sum, line) => sum + (line.delayMs ?? 0), 0)
    if (nowMs >= Date.parse(startedAt) + readyAfter) return { kind: 'catalog', service }
  }
  return undefined
}

/** A deterministic ephemeral port for the client, as the kernel picks from 32768–60999. */
function ephemeralPort(clientIp: string, nowMs: number): number {
  let hash = nowMs % 28232
  for (const c of clientIp) hash = (hash * 31 + c.charCodeAt(0)) % 28232
  return 32768 + hash
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
  cluster?: KubeCluster,
): Connection {
  if (podAddress(pod) === undefined) return { kind: 'refused' }
  const listener = listening(pod, port, nowMs, cluster?.store)
  if (listener === undefined) return { kind: 'refused' }
  const hostname = (pod['spec'] as { hostname?: string } | undefined)?.hostname ?? pod.metadata.name
  if (listener.kind === 'app') {
    // An app bound to 127.0.0.1 is reached from its own pod's loopback only.
    if (listener.loopbackOnly && !isLoopback(clientIp)) return { kind: 'refused' }
    const server = listener.server
    const localIp = isLoopback(clientIp) ? clientIp : (podAddress(pod) ?? '')
    return {
      kind: 'open',
      server: {
        container: undefined,
        hostname,
        port,
        service: { port, protocol: 'tcp', kind: 'http' },
        clientIp,
        // The access-log lines are left out, as for catalog images (see above).
        respond: (request, at) =>
          server.respond(request, {
            nowMs: at,
            clientIp,
            clientPort: ephemeralPort(clientIp, at),
            localIp,
          }).outcome,
      },
    }
  }
  const service = listener.service
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
