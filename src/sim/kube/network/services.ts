/**
 * What kube-proxy does with a connection to a Service: a ClusterIP:port, or a NodePort on any
 * node's address, goes to one of the Service's ready backend pods (the ones its selector picks,
 * as the EndpointSlice controller lists them). With no ready backend the REJECT rule answers at
 * once (connection refused); an address in the service range that no Service holds, or a port
 * the Service does not declare, matches no rule and the packets go nowhere (timeout).
 *
 * Backends take turns per Service, so repeated requests visit every pod as the tutorials show
 * ("We hit a different Pod with every request"): iptables picks at random, Quai in rotation,
 * which stays deterministic.
 */
import type { Connection } from '../../docker/engine/reach'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import { podConnection, podIsReady, resolvePodPort } from './pod-endpoint'

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

/** A connection through the Service's port to its next backend. */
export function serviceConnection(
  cluster: KubeCluster,
  svc: KubeObject,
  port: ServicePort,
  clientIp: string,
  nowMs: number,
): Connection {
  const backends = readyBackends(cluster, svc)
  if (backends.length === 0) return { kind: 'refused' }
  const pod = backends[nextTurn(cluster, svc.metadata.uid ?? svc.metadata.name) % backends.length]
  if (pod === undefined) return { kind: 'refused' }
  const target = resolvePodPort(pod, port.targetPort ?? port.port)
  if (target === undefined) return { kind: 'refused' }
  return podConnection(pod, target, clientIp, nowMs)
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
  return cluster.store.list(NODES).flatMap((node) => {
    const addresses = (node['status'] as { addresses?: { type: string; address: string }[] })
      ?.addresses
    return (addresses ?? []).filter((a) => a.type === 'InternalIP').map((a) => a.address)
  })
}

/** A connection to a NodePort on one of the nodes; undefined when `address` is not a node's. */
export function nodePortConnection(
  cluster: KubeCluster,
  address: string,
  port: number,
  clientIp: string,
  nowMs: number,
): Connection | undefined {
  if (!nodeAddresses(cluster).includes(address)) return undefined
  for (const svc of cluster.store.list(SERVICES)) {
    const sp = serviceSpec(svc).ports?.find(
      (p) => p.nodePort === port && (p.protocol ?? 'TCP') === 'TCP',
    )
    if (sp !== undefined) return serviceConnection(cluster, svc, sp, clientIp, nowMs)
  }
  return { kind: 'refused' }
}
