/**
 * The Endpoints controller (pkg/controller/endpoint, 1.32): for each Service with a selector, an
 * Endpoints object of the same name listing the selected pods' IPs — ready ones in `addresses`,
 * the rest in `notReadyAddresses` — with the ports resolved per pod (named targetPorts looked up in
 * the containers). More than 1000 addresses are truncated and annotated, as upstream.
 */
import type { Controller, ControllerContext } from '../cluster'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import { isPodReady } from './common/pods'
import { rfc3339, splitKey } from './common/meta'
import {
  asService,
  findPort,
  podHasEndpoint,
  selectorOfService,
  ServicePods,
} from './common/service-pods'

const ENDPOINTS = servedType('Endpoints')
const SERVICES = servedType('Service')

const MAX_CAPACITY = 1000
const OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity'
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time'
const HEADLESS = 'service.kubernetes.io/headless'

interface Address {
  ip: string
  hostname?: string
  nodeName?: string
  targetRef: { kind: string; namespace: string; name: string; uid: string }
}
interface Port {
  name?: string
  port: number
  protocol: string
  appProtocol?: string
}
interface Subset {
  addresses?: Address[]
  notReadyAddresses?: Address[]
  ports?: Port[]
}

const portKey = (ports: readonly Port[]): string =>
  JSON.stringify([...ports].sort((a, b) => ((a.name ?? '') < (b.name ?? '') ? -1 : 1)))

const byIp = (a: Address, b: Address): number =>
  a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.targetRef.uid < b.targetRef.uid ? -1 : 1

/** RepackSubsets: addresses that share the same set of ports share one subset. */
function repack(entries: { address: Address; ports: Port[]; ready: boolean }[]): Subset[] {
  const groups = new Map<string, { ports: Port[]; ready: Address[]; notReady: Address[] }>()
  for (const e of entries) {
    const key = portKey(e.ports)
    let g = groups.get(key)
    if (g === undefined)
      groups.set(
        key,
        (g = {
          ports: [...e.ports].sort((a, b) => ((a.name ?? '') < (b.name ?? '') ? -1 : 1)),
          ready: [],
          notReady: [],
        }),
      )
    ;(e.ready ? g.ready : g.notReady).push(e.address)
  }
  return [...groups.values()].map((g) => ({
    ...(g.ready.length > 0 ? { addresses: g.ready.sort(byIp) } : {}),
    ...(g.notReady.length > 0 ? { notReadyAddresses: g.notReady.sort(byIp) } : {}),
    ...(g.ports.length > 0 ? { ports: g.ports } : {}),
  }))
}

/** truncateEndpoints: keep 1000 addresses, ready and not-ready in proportion. */
function truncate(subsets: Subset[]): Subset[] {
  let total = 0
  let ready = 0
  for (const s of subsets) {
    total += (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0)
    ready += s.addresses?.length ?? 0
  }
  if (total <= MAX_CAPACITY) return subsets
  let keepReady = Math.min(ready, MAX_CAPACITY)
  let keepNotReady = MAX_CAPACITY - keepReady
  return subsets.map((s) => {
    const addresses = (s.addresses ?? []).slice(0, keepReady)
    keepReady -= addresses.length
    const notReady = (s.notReadyAddresses ?? []).slice(0, keepNotReady)
    keepNotReady -= notReady.length
    return {
      ...(addresses.length > 0 ? { addresses } : {}),
      ...(notReady.length > 0 ? { notReadyAddresses: notReady } : {}),
      ...(s.ports === undefined ? {} : { ports: s.ports }),
    }
  })
}

export function endpointsController(): Controller {
  let ctx: ControllerContext
  const servicePods = new ServicePods()

  function desiredSubsets(svc: KubeObject, key: string): Subset[] {
    const spec = asService(svc).spec ?? {}
    const tolerateUnready = spec.publishNotReadyAddresses === true
    const entries: { address: Address; ports: Port[]; ready: boolean }[] = []
    for (const pod of servicePods.pods(key)) {
      if (!podHasEndpoint(pod, false)) continue
      const podSpec = (pod['spec'] ?? {}) as {
        nodeName?: string
        hostname?: string
        subdomain?: string
      }
      const address: Address = {
        ip: ((pod['status'] ?? {}) as { podIP: string }).podIP,
        ...(podSpec.hostname && podSpec.subdomain === svc.metadata.name
          ? { hostname: podSpec.hostname }
          : {}),
        ...(podSpec.nodeName ? { nodeName: podSpec.nodeName } : {}),
        targetRef: {
          kind: 'Pod',
          namespace: pod.metadata.namespace ?? '',
          name: pod.metadata.name,
          uid: pod.metadata.uid ?? '',
        },
      }
      const ready = tolerateUnready || isPodReady(pod)
      const ports = spec.ports ?? []
      if (ports.length === 0) {
        if (spec.clusterIP === 'None') entries.push({ address, ports: [], ready })
        continue
      }
      for (const p of ports) {
        const protocol = p.protocol ?? 'TCP'
        const number = findPort(pod, p.targetPort as number | string | undefined, p.port, protocol)
        if (number === undefined) continue
        entries.push({
          address,
          ports: [
            {
              ...(p.name ? { name: p.name } : {}),
              port: number,
              protocol,
              ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
            },
          ],
          ready,
        })
      }
    }
    return repack(entries)
  }

  return {
    name: 'endpoint-controller',
    start(context) {
      ctx = context
      servicePods.start(ctx, (key) => ctx.enqueue(key))
      ctx.watch(ENDPOINTS, (event) => {
        if (event.type === 'DELETED')
          ctx.enqueue(`${event.object.metadata.namespace ?? ''}/${event.object.metadata.name}`)
      })
    },
    reconcile(key) {
      const { namespace, name } = splitKey(key)
      const svc = ctx.store.get(SERVICES, namespace, name)
      const current = ctx.store.get(ENDPOINTS, namespace, name)
      if (svc === undefined) {
        // Only Endpoints this controller made go with their Service.
        if (current !== undefined && current.metadata.annotations?.[TRIGGER_TIME] !== undefined)
          ctx.api.delete(ENDPOINTS, namespace, name)
        return
      }
      if (selectorOfService(svc) === undefined) return
      const all = desiredSubsets(svc, key)
      const subsets = truncate(all)
      const overCapacity = subsets !== all
      const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) }
      if (asService(svc).spec?.clusterIP === 'None') labels[HEADLESS] = ''
      if (current !== undefined) {
        const sameSubsets = JSON.stringify(current['subsets'] ?? []) === JSON.stringify(subsets)
        const sameLabels = JSON.stringify(current.metadata.labels ?? {}) === JSON.stringify(labels)
        const capacityOk =
          (current.metadata.annotations?.[OVER_CAPACITY] !== undefined) === overCapacity
        if (sameSubsets && sameLabels && capacityOk) return
      }
      const annotations: Record<string, string> = { ...(current?.metadata.annotations ?? {}) }
      annotations[TRIGGER_TIME] = rfc3339(ctx.clock.now())
      if (overCapacity) annotations[OVER_CAPACITY] = 'truncated'
      else delete annotations[OVER_CAPACITY]
      const { labels: _oldLabels, ...kept } = current?.metadata ?? { name }
      const body: KubeObject = {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: {
          ...kept,
          name,
          namespace,
          ...(Object.keys(labels).length > 0 ? { labels } : {}),
          annotations,
        },
        ...(subsets.length > 0 ? { subsets } : {}),
      }
      if (current === undefined) ctx.api.create(ENDPOINTS, body)
      else ctx.api.update(ENDPOINTS, body)
    },
  }
}
