/**
 * How the host reaches a profile's Services, through the hook the network tools consult
 * (docker/engine/reach.ts): kube-proxy on every running node answers each NodePort at the node's
 * address (`curl 192.168.49.2:30080`, what `minikube service --url` prints), and while
 * `minikube tunnel` runs, its route 10.96.0.0/12 → node makes every ClusterIP:port answer too
 * (the LoadBalancer's EXTERNAL-IP is its ClusterIP on Linux). The connection reaches one ready
 * backend pod and is served by its image's catalog behaviour, as seen from that pod.
 */
import { addReachHook, type Connection } from '../../docker/engine/reach'
import type { ServiceSpec } from '../../docker/images/catalog-types'
import { resolveImage } from '../../docker/images/catalog'
import type { World } from '../../world'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import { nodeContainer } from './node-containers'
import { machinesOf, minikubeRegistry, type MinikubeProfile } from './profiles'

const SERVICES = servedType('Service')
const PODS = servedType('Pod')

interface ServicePortSpec {
  port: number
  protocol?: string
  targetPort?: number | string
  nodePort?: number
}

interface PodContainer {
  image?: string
  command?: string[]
  args?: string[]
  ports?: { name?: string; containerPort: number }[]
}

/** Profiles whose tunnel runs, per world. */
const tunnels = new WeakMap<World, Set<string>>()
const hooked = new WeakSet<World>()

/** `kubectl proxy` ports `minikube dashboard` runs on 127.0.0.1, to the Service they lead to. */
interface ProxyTarget {
  readonly profile: string
  readonly namespace: string
  readonly service: string
}
const proxies = new WeakMap<World, Map<number, ProxyTarget>>()

export function setProxy(world: World, port: number, target: ProxyTarget | undefined): void {
  let map = proxies.get(world)
  if (map === undefined) {
    map = new Map()
    proxies.set(world, map)
  }
  if (target === undefined) map.delete(port)
  else map.set(port, target)
}

export function setTunnel(world: World, profile: string, on: boolean): void {
  let set = tunnels.get(world)
  if (set === undefined) {
    set = new Set()
    tunnels.set(world, set)
  }
  if (on) set.add(profile)
  else set.delete(profile)
}

const isReady = (pod: KubeObject): boolean => {
  const status = pod['status'] as
    { podIP?: string; conditions?: { type: string; status: string }[] } | undefined
  return (
    pod.metadata.deletionTimestamp === undefined &&
    status?.podIP !== undefined &&
    (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
  )
}

function selects(selector: Record<string, string>, pod: KubeObject): boolean {
  const labels = pod.metadata.labels ?? {}
  const keys = Object.keys(selector)
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k])
}

/** The catalog service a backend's container offers on the target port, if it listens there. */
function backendService(
  pod: KubeObject,
  target: number | string,
): { service: ServiceSpec; port: number } | undefined {
  const containers = ((pod['spec'] as { containers?: PodContainer[] } | undefined)?.containers ??
    []) as PodContainer[]
  for (const c of containers) {
    const port =
      typeof target === 'number'
        ? target
        : (c.ports ?? []).find((p) => p.name === target)?.containerPort
    if (port === undefined) continue
    // Only the image's own process serves: `command: [sleep, "3600"]` listens on nothing.
    if (c.command !== undefined || c.args !== undefined || c.image === undefined) continue
    const resolved = resolveImage(c.image)
    if (resolved.kind !== 'found') continue
    const service = resolved.image.profile.services?.find(
      (s) => s.port === port && s.protocol === 'tcp',
    )
    if (service !== undefined) return { service, port }
  }
  return undefined
}

/** A connection to one of the Service's ready backends, or kube-proxy's reject. */
function toBackend(
  world: World,
  profile: MinikubeProfile,
  svc: KubeObject,
  sp: ServicePortSpec,
  clientIp: string,
): Connection {
  const selector = ((svc['spec'] as { selector?: Record<string, string> } | undefined)?.selector ??
    {}) as Record<string, string>
  const ns = svc.metadata.namespace ?? 'default'
  const pods = profile.cluster.store
    .list(PODS, ns)
    .filter((p) => selects(selector, p) && isReady(p))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
  // No endpoints: kube-proxy's REJECT rule answers with "port unreachable".
  if (pods.length === 0) return { kind: 'refused' }
  const node = nodeContainer(world.docker, machinesOf(profile)[0]?.name ?? profile.name)
  if (node === undefined) return { kind: 'refused' }
  for (const pod of pods) {
    const found = backendService(pod, sp.targetPort ?? sp.port)
    if (found === undefined) continue
    // The pod answers: its host name, and no line in the node container's docker logs.
    const http =
      found.service.http === undefined
        ? {}
        : {
            http: {
              status: found.service.http.status,
              headers: found.service.http.headers,
              body: found.service.http.body,
            },
          }
    return {
      kind: 'open',
      server: {
        container: { ...node, config: { ...node.config, Hostname: pod.metadata.name } },
        port: found.port,
        service: {
          port: found.service.port,
          protocol: found.service.protocol,
          kind: found.service.kind,
          ...http,
        },
        clientIp,
      },
    }
  }
  return { kind: 'refused' }
}

const inServiceCidr = (address: string): boolean => {
  const m = /^10\.(\d+)\.\d+\.\d+$/.exec(address)
  return m !== null && Number(m[1]) >= 96 && Number(m[1]) <= 111
}

function answer(world: World, address: string, port: number): Connection | undefined {
  const registry = minikubeRegistry(world.kube)
  const open = tunnels.get(world) ?? new Set<string>()
  const proxy = address === '127.0.0.1' ? proxies.get(world)?.get(port) : undefined
  if (proxy !== undefined) {
    const profile = registry.profiles.get(proxy.profile)
    const svc = profile?.cluster.store.get(SERVICES, proxy.namespace, proxy.service)
    const sp = ((svc?.['spec'] as { ports?: ServicePortSpec[] } | undefined)?.ports ?? [])[0]
    if (profile === undefined || svc === undefined || sp === undefined) return { kind: 'refused' }
    return toBackend(world, profile, svc, sp, '127.0.0.1')
  }
  for (const profile of registry.profiles.values()) {
    if (profile.state !== 'Running') continue
    const machines = machinesOf(profile).filter((m) => m.running)
    const services = profile.cluster.store.list(SERVICES)
    if (machines.some((m) => m.ip === address)) {
      for (const svc of services) {
        const ports = ((svc['spec'] as { ports?: ServicePortSpec[] } | undefined)?.ports ??
          []) as ServicePortSpec[]
        const sp = ports.find((p) => p.nodePort === port && (p.protocol ?? 'TCP') === 'TCP')
        if (sp !== undefined) return toBackend(world, profile, svc, sp, `${profile.network}.1`)
      }
      return undefined
    }
    if (open.has(profile.name) && inServiceCidr(address)) {
      for (const svc of services) {
        const spec = svc['spec'] as { clusterIP?: string; ports?: ServicePortSpec[] } | undefined
        if (spec?.clusterIP !== address) continue
        const sp = (spec.ports ?? []).find((p) => p.port === port)
        return sp === undefined
          ? { kind: 'dropped' }
          : toBackend(world, profile, svc, sp, `${profile.network}.1`)
      }
      return { kind: 'dropped' }
    }
  }
  return undefined
}

/** Registers the world's hook once (the first `minikube start`). */
export function hookServiceReach(world: World): void {
  if (hooked.has(world)) return
  hooked.add(world)
  addReachHook(world.docker, (address, port, _nowMs, from) =>
    from === undefined ? answer(world, address, port) : undefined,
  )
}
