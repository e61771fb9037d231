/**
 * The network as a pod sees it, for the tools `kubectl exec` runs there (curl, wget, nc, ping):
 * its loopback and its own address are its containers; other pods are reached directly on the
 * pod network (10.244.0.0/16); ClusterIPs and NodePorts go through kube-proxy (services.ts); names
 * resolve through CoreDNS (cluster-dns.ts). Anything else is outside the cluster: Docker's view
 * from the host answers (Quai has no Internet, so that is mostly "unreachable").
 */
import { isLoopback, type Connection, type Echo } from '../../docker/engine/reach'
import { networkTools } from '../../shell/commands/network'
import type { NetworkOverlay } from '../../shell/commands/network/common'
import type { ShellCommand } from '../../shell/command'
import type { World } from '../../world'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import { resolveInPod, reverseInCluster } from './cluster-dns'
import { podAddress, podConnection } from './pod-endpoint'
import {
  clusterIpConnection,
  inPodRange,
  inServiceRange,
  nodeAddresses,
  nodePortConnection,
  serviceByClusterIp,
} from './services'

const PODS = servedType('Pod')

/** The pod's bridge gateway (cni0 on the node), which answers ARP for the whole pod network. */
const POD_GATEWAY = '10.244.0.1'

function podHolding(cluster: KubeCluster, address: string): KubeObject | undefined {
  return cluster.store.list(PODS).find((p) => podAddress(p) === address)
}

/** The overlay for the pod `namespace/name`, read afresh at each call (pods come and go). */
export function podNetworkOverlay(
  cluster: KubeCluster,
  namespace: string,
  name: string,
): NetworkOverlay {
  const self = (): KubeObject | undefined => cluster.store.get(PODS, namespace, name)
  return {
    lookup(host) {
      const pod = self()
      if (pod === undefined) return undefined
      const lower = host.toLowerCase()
      if (lower === 'localhost' || lower === 'localhost.localdomain') return ['127.0.0.1']
      if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return [host]
      return resolveInPod(cluster, pod, host)
    },
    connect(address, port, nowMs): Connection | undefined {
      const pod = self()
      if (pod === undefined) return { kind: 'net-unreachable' }
      const own = podAddress(pod) ?? ''
      if (isLoopback(address)) return podConnection(pod, port, address, nowMs, cluster)
      if (address === own) return podConnection(pod, port, own, nowMs, cluster)
      if (inPodRange(address)) {
        const other = podHolding(cluster, address)
        return other === undefined
          ? { kind: 'host-unreachable', gateway: POD_GATEWAY }
          : podConnection(other, port, own, nowMs, cluster)
      }
      return (
        clusterIpConnection(cluster, address, port, own, nowMs) ??
        nodePortConnection(cluster, address, port, own, nowMs)
      )
    },
    echo(address): Echo | undefined {
      if (isLoopback(address)) return { kind: 'reply', ttl: 64 }
      if (inPodRange(address))
        return podHolding(cluster, address) === undefined
          ? { kind: 'host-unreachable', gateway: POD_GATEWAY }
          : { kind: 'reply', ttl: 64 }
      // kube-proxy's rules carry TCP and UDP only: a ClusterIP never answers a ping.
      if (inServiceRange(address)) return { kind: 'dropped' }
      if (nodeAddresses(cluster).includes(address)) return { kind: 'reply', ttl: 64 }
      return undefined
    },
    reverseName(address) {
      if (serviceByClusterIp(cluster, address) === undefined && !inPodRange(address))
        return undefined
      return reverseInCluster(cluster, address)
    },
  }
}

/** curl, wget, nc and ping as they run inside the pod (`kubectl exec web -- curl …`). */
export function podNetworkTools(
  world: World,
  cluster: KubeCluster,
  namespace: string,
  name: string,
): ShellCommand[] {
  return networkTools(world.docker, undefined, podNetworkOverlay(cluster, namespace, name))
}
