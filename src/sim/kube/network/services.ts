/**
 * What kube-proxy does with a connection to a Service: a ClusterIP:port, or a NodePort on any
 * node's address, goes to one of the Service's ready backend pods (the ones its selector picks,
 * as the EndpointSlice controller lists them). With no ready backend the REJECT rule answers at
 * once (connection refused); an address in the service range that no Service holds, or a port
 * the Service does not declare, matches no rule and the packets go nowhere (timeout).
 *
 * Every client goes through here — pods in the cluster, and the host (`curl $(minikube ip):PORT`,
 * `minikube service --url`, `minikube tunnel`, the dashboard's proxy) — so both see the same
 * choice of backend:
 * - backends take turns per Service, so repeated requests visit every pod as the tutorials show
 *   ("We hit a different Pod with every request"): iptables picks at random, Quai in rotation,
 *   which stays deterministic and never shows the same pod twice in a row by chance;
 * - `sessionAffinity: ClientIP` keeps a client on the pod it first reached while that pod stays
 *   ready and the client comes back within `timeoutSeconds` (10800 by default);
 * - `externalTrafficPolicy: Local` sends a NodePort connection only to pods on the node that
 *   received it; a node without one drops it (kube-proxy's rule for "no local endpoints").
 */
import type { Connection } from '../../docker/engine/reach'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import { podConnection, podIsReady, podNodeName, resolvePodPort } from './pod-endpoint'

const SERVICES = servedType('Service')
const PODS = servedType('Pod')
const NODES = servedType('Node')

export interface ServicePort {
  name?: string
  port: number
  protocol?: string
  targetPort?: number | string
  nodePort?: number
}

interface ServiceSpecLike {
  type?: string
  clusterIP?: string
  selector?: Record<string, string>
  ports?: ServicePort[]
  externalTrafficPolicy?: string
  sessionAffinity?: string
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } }
}

export const serviceSpec = (svc: KubeObject): ServiceSpecLike =>
  (svc['spec'] ?? {}) as ServiceSpecLike

/** 10.96.0.0/12, minikube's --service-cluster-ip-range. */
export function inServiceRange(address: string): boolean {
  const m = /^10\.(\d+)\.\d+\.\d+$/.exec(address)
  return m !== null && Number(m[1]) >= 96 && Number(m[1]) <= 111
}

/** 10.244.0.0/16, the pod network minikube's bridge CNI hands addresses from. */
export function inPodRange(address: string): boolean {
  return /^10\.244\.\d+\.\d+$/.test(address)
}

function selects(selector: Record<string, string>, pod: KubeObject): boolean {
  const labels = pod.metadata.labels ?? {}
  const keys = Object.keys(selector)
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k])
}

/** The Service's ready backends, in a stable order. */
export function readyBackends(cluster: KubeCluster, svc: KubeObject): KubeObject[] {
  const selector = serviceSpec(svc).selector ?? {}
  return cluster.store
    .list(PODS, svc.metadata.namespace ?? 'default')
    .filter((p) => selects(selector, p) && podIsReady(p))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
}

const turns = new WeakMap<KubeCluster, Map<string, number>>()

function nextTurn(cluster: KubeCluster, key: string): number {
  let map = turns.get(cluster)
  if (map === undefined) {
    map = new Map()
    turns.set(cluster, map)
  }
  const turn = map.get(key) ?? 0
  map.set(key, turn + 1)
  return turn
}

/** ClientIP affinity: per Service and client, the pod last reached and when. */
const affinities = new WeakMap<KubeCluster, Map<string, { pod: string; atMs: number }>>()

/** service.spec.sessionAffinityConfig.clientIP.timeoutSeconds' default. */
const DEFAULT_AFFINITY_SECONDS = 10_800

/** The backend this connection goes to, or undefined when there is none. */
function pickBackend(
  cluster: KubeCluster,
  svc: KubeObject,
  backends: readonly KubeObject[],
  clientIp: string,
  nowMs: number,
): KubeObject | undefined {
  const key = svc.metadata.uid ?? `${svc.metadata.namespace ?? ''}/${svc.metadata.name}`
  const spec = serviceSpec(svc)
  if (spec.sessionAffinity !== 'ClientIP') return backends[nextTurn(cluster, key) % backends.length]
  let map = affinities.get(cluster)
  if (map === undefined) {
    map = new Map()
    affinities.set(cluster, map)
  }
  const timeoutMs =
    (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS) * 1000
  const sticky = map.get(`${key} ${clientIp}`)
  let pod =
    sticky !== undefined && nowMs - sticky.atMs <= timeoutMs
      ? backends.find((p) => p.metadata.name === sticky.pod)
      : undefined
  pod ??= backends[nextTurn(cluster, key) % backends.length]
  if (pod !== undefined) map.set(`${key} ${clientIp}`, { pod: pod.metadata.name, atMs: nowMs })
  return pod
}

/**
 * A connection through the Service's port to its next backend. `node` names the node whose
 * NodePort received it (externalTrafficPolicy applies to those only).
 */
export function serviceConnection(
  cluster: KubeCluster,
  svc: KubeObject,
  port: ServicePort,
  clientIp: string,
  nowMs: number,
  node?: string,
): Connection {
  let backends = readyBackends(cluster, svc)
  if (backends.length === 0) return { kind: 'refused' }
  if (node !== undefined && serviceSpec(svc).externalTrafficPolicy === 'Local') {
    backends = backends.filter((p) => podNodeName(p) === node)
    if (backends.length === 0) return { kind: 'dropped' }
  }
  const pod = pickBackend(cluster, svc, backends, clientIp, nowMs)
  if (pod === undefined) return { kind: 'refused' }
  const target = resolvePodPort(pod, port.targetPort ?? port.port)
  if (target === undefined) return { kind: 'refused' }
  return podConnection(pod, target, clientIp, nowMs, cluster)
}

/** The Service holding `address` as its ClusterIP, if any. */
export function serviceByClusterIp(cluster: KubeCluster, address: string): KubeObject | undefined {
  return cluster.store.list(SERVICES).find((svc) => serviceSpec(svc).clusterIP === address)
}

/** A connection to a ClusterIP; undefined for addresses outside the service range. */
export function clusterIpConnection(
  cluster: KubeCluster,
  address: string,
  port: number,
  clientIp: string,
  nowMs: number,
): Connection | undefined {
  if (!inServiceRange(address)) return undefined
  const svc = serviceByClusterIp(cluster, address)
  const sp = svc === undefined ? undefined : serviceSpec(svc).ports?.find((p) => p.port === port)
  if (svc === undefined || sp === undefined) return { kind: 'dropped' }
  return serviceConnection(cluster, svc, sp, clientIp, nowMs)
}

/** The InternalIP of every node of the cluster. */
export function nodeAddresses(cluster: KubeCluster): string[] {
  return cluster.store.list(NODES).flatMap((node) => internalIps(node))
}

const internalIps = (node: KubeObject): string[] =>
  ((node['status'] as { addresses?: { type: string; address: string }[] })?.addresses ?? [])
    .filter((a) => a.type === 'InternalIP')
    .map((a) => a.address)

/** The node holding `address` as its InternalIP. */
function nodeAt(cluster: KubeCluster, address: string): KubeObject | undefined {
  return cluster.store.list(NODES).find((node) => internalIps(node).includes(address))
}

/** The Service (and its port) that declares TCP NodePort `port`, if any. */
export function serviceForNodePort(
  cluster: KubeCluster,
  port: number,
): { svc: KubeObject; port: ServicePort } | undefined {
  for (const svc of cluster.store.list(SERVICES)) {
    const sp = serviceSpec(svc).ports?.find(
      (p) => p.nodePort === port && (p.protocol ?? 'TCP') === 'TCP',
    )
    if (sp !== undefined) return { svc, port: sp }
  }
  return undefined
}

/** A connection to a NodePort on one of the nodes; undefined when `address` is not a node's. */
export function nodePortConnection(
  cluster: KubeCluster,
  address: string,
  port: number,
  clientIp: string,
  nowMs: number,
): Connection | undefined {
  const node = nodeAt(cluster, address)
  if (node === undefined) return undefined
  const found = serviceForNodePort(cluster, port)
  if (found === undefined) return { kind: 'refused' }
  return serviceConnection(cluster, found.svc, found.port, clientIp, nowMs, node.metadata.name)
}
