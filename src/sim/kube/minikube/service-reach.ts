/**
 * How the host reaches a profile's Services, through the hook the network tools consult
 * (docker/engine/reach.ts): kube-proxy on every running node answers each NodePort at the node's
 * address (`curl 192.168.49.2:30080`, what `minikube service --url` prints), and while
 * `minikube tunnel` runs, its route 10.96.0.0/12 → node makes every ClusterIP:port answer too
 * (the LoadBalancer's EXTERNAL-IP is its ClusterIP on Linux). The backend is chosen as for a
 * connection from inside the cluster (network/services.ts: turns, session affinity,
 * externalTrafficPolicy) and answers with its image's catalog behaviour, as seen from that pod.
 */
import { addReachHook, type Connection } from '../../docker/engine/reach'
import type { World } from '../../world'
import { servedType } from '../api/resources'
import {
  serviceConnection,
  serviceForNodePort,
  serviceSpec,
  inServiceRange,
  serviceByClusterIp,
} from '../network/services'
import { machinesOf, minikubeRegistry } from './profiles'

const SERVICES = servedType('Service')

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

function answer(
  world: World,
  address: string,
  port: number,
  nowMs: number,
): Connection | undefined {
  const registry = minikubeRegistry(world.kube)
  const open = tunnels.get(world) ?? new Set<string>()
  const proxy = address === '127.0.0.1' ? proxies.get(world)?.get(port) : undefined
  if (proxy !== undefined) {
    const profile = registry.profiles.get(proxy.profile)
    const svc = profile?.cluster.store.get(SERVICES, proxy.namespace, proxy.service)
    const sp = svc === undefined ? undefined : serviceSpec(svc).ports?.[0]
    if (profile === undefined || svc === undefined || sp === undefined) return { kind: 'refused' }
    return serviceConnection(profile.cluster, svc, sp, '127.0.0.1', nowMs)
  }
  for (const profile of registry.profiles.values()) {
    if (profile.state !== 'Running') continue
    const machine = machinesOf(profile).find((m) => m.running && m.ip === address)
    if (machine !== undefined) {
      // Other ports of the node (the API server's 8443, ssh) are the node container's own.
      const found = serviceForNodePort(profile.cluster, port)
      if (found === undefined) return undefined
      return serviceConnection(
        profile.cluster,
        found.svc,
        found.port,
        `${profile.network}.1`,
        nowMs,
        machine.name,
      )
    }
    if (open.has(profile.name) && inServiceRange(address)) {
      const svc = serviceByClusterIp(profile.cluster, address)
      const sp =
        svc === undefined ? undefined : serviceSpec(svc).ports?.find((p) => p.port === port)
      if (svc === undefined || sp === undefined) return { kind: 'dropped' }
      return serviceConnection(profile.cluster, svc, sp, `${profile.network}.1`, nowMs)
    }
  }
  return undefined
}

/** Registers the world's hook once (the first `minikube start`). */
export function hookServiceReach(world: World): void {
  if (hooked.has(world)) return
  hooked.add(world)
  addReachHook(world.docker, (address, port, nowMs, from) =>
    from === undefined ? answer(world, address, port, nowMs) : undefined,
  )
}
