/**
 * Name resolution inside a pod, as CoreDNS and the pod's resolv.conf give it: the search list
 * `<ns>.svc.cluster.local svc.cluster.local cluster.local` with ndots:5, so `web`, `web.default`,
 * `web.default.svc` and `web.default.svc.cluster.local` all name the Service `web` of namespace
 * `default`. A Service answers with its ClusterIP, a headless one with its ready pods' addresses;
 * `1-2-3-4.<ns>.pod.cluster.local` names an address; the pod's own host name comes from its
 * /etc/hosts.
 */
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import { podAddress } from './pod-endpoint'
import { readyBackends, serviceSpec } from './services'

const SERVICES = servedType('Service')
const NAMESPACES = servedType('Namespace')

export const CLUSTER_DOMAIN = 'cluster.local'

/** The addresses a fully qualified cluster name has; undefined when CoreDNS says NXDOMAIN. */
function answerFqdn(cluster: KubeCluster, fqdn: string): string[] | undefined {
  const suffix = `.${CLUSTER_DOMAIN}`
  if (!fqdn.endsWith(suffix)) return undefined
  const labels = fqdn.slice(0, -suffix.length).split('.')
  if (labels.length === 3 && labels[2] === 'svc') {
    const [name = '', namespace = ''] = labels
    const svc = cluster.store.get(SERVICES, namespace, name)
    if (svc === undefined) return undefined
    const clusterIp = serviceSpec(svc).clusterIP
    if (clusterIp !== undefined && clusterIp !== 'None') return [clusterIp]
    const ips = readyBackends(cluster, svc).flatMap((p) => podAddress(p) ?? [])
    return ips.length === 0 ? undefined : ips
  }
  if (labels.length === 3 && labels[2] === 'pod') {
    const [dashed = '', namespace = ''] = labels
    if (cluster.store.get(NAMESPACES, '', namespace) === undefined) return undefined
    const ip = dashed.replace(/-/g, '.')
    return /^\d{1,3}(\.\d{1,3}){3}$/.test(ip) ? [ip] : undefined
  }
  return undefined
}

/** getaddrinfo inside `pod`: its /etc/hosts, then CoreDNS through the search list. */
export function resolveInPod(cluster: KubeCluster, pod: KubeObject, name: string): string[] {
  const host = name.toLowerCase().replace(/\.$/, '')
  const own = podAddress(pod)
  const hostname = (pod['spec'] as { hostname?: string } | undefined)?.hostname ?? pod.metadata.name
  if (host === hostname.toLowerCase() && own !== undefined) return [own]
  const namespace = pod.metadata.namespace ?? 'default'
  const absolute = name.endsWith('.')
  const dots = host.split('.').length - 1
  const search = [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN]
  // ndots:5: a name with fewer dots tries the search list first, then itself.
  const candidates = absolute
    ? [host]
    : dots < 5
      ? [...search.map((s) => `${host}.${s}`), host]
      : [host, ...search.map((s) => `${host}.${s}`)]
  for (const candidate of candidates) {
    const found = answerFqdn(cluster, candidate)
    if (found !== undefined) return found
  }
  return []
}

/** The PTR name of a pod's address inside the cluster (`10-244-0-5.web.default.svc.cluster.local`). */
export function reverseInCluster(cluster: KubeCluster, address: string): string | undefined {
  for (const svc of cluster.store.list(SERVICES)) {
    if (serviceSpec(svc).clusterIP === address)
      return `${svc.metadata.name}.${svc.metadata.namespace ?? 'default'}.svc.${CLUSTER_DOMAIN}`
    for (const pod of readyBackends(cluster, svc))
      if (podAddress(pod) === address)
        return `${address.replace(/\./g, '-')}.${svc.metadata.name}.${svc.metadata.namespace ?? 'default'}.svc.${CLUSTER_DOMAIN}`
  }
  return undefined
}
