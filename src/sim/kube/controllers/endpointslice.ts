/**
 * The EndpointSlice controller (pkg/controller/endpointslice, 1.32): for each Service with a
 * selector, EndpointSlices `<svc>-<5 chars>` labelled kubernetes.io/service-name, at most 100
 * endpoints each, one endpoint per pod with its ready/serving/terminating conditions (terminating
 * pods stay listed), and an empty placeholder slice when nothing is selected.
 */
import type { Controller, ControllerContext } from '../cluster'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import { isPodReady } from './common/pods'
import {
  generatedName,
  isBeingDeleted,
  keyOf,
  newControllerRef,
  rfc3339,
  splitKey,
} from './common/meta'
import {
  asService,
  findPort,
  podHasEndpoint,
  selectorOfService,
  ServicePods,
} from './common/service-pods'

const SERVICES = servedType('Service')
const SLICES = servedType('EndpointSlice')

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'
const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by'
const MANAGED_BY = 'endpointslice-controller.k8s.io'
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time'
const HEADLESS = 'service.kubernetes.io/headless'
const MAX_ENDPOINTS_PER_SLICE = 100

interface SliceEndpoint {
  addresses: string[]
  conditions: { ready: boolean; serving: boolean; terminating: boolean }
  hostname?: string
  targetRef: { kind: string; namespace: string; name: string; uid: string }
  nodeName?: string
}
interface SlicePort {
  name: string
  port: number
  protocol: string
  appProtocol?: string
}

export function endpointSliceController(): Controller {
  let ctx: ControllerContext
  const servicePods = new ServicePods()
  /** Slice keys by Service key (slices are found by label, like the controller's lister). */
  const slicesOf = new Map<string, Set<string>>()

  const serviceKeyOfSlice = (slice: KubeObject): string | undefined => {
    const svc = slice.metadata.labels?.[SERVICE_NAME_LABEL]
    if (svc === undefined || slice.metadata.labels?.[MANAGED_BY_LABEL] !== MANAGED_BY)
      return undefined
    return `${slice.metadata.namespace ?? ''}/${svc}`
  }

  function desired(
    svc: KubeObject,
    key: string,
  ): Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }> {
    const spec = asService(svc).spec ?? {}
    const publishNotReady = spec.publishNotReadyAddresses === true
    const groups = new Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>()
    for (const pod of servicePods.pods(key)) {
      if (!podHasEndpoint(pod, true)) continue
      const ports: SlicePort[] = []
      for (const p of spec.ports ?? []) {
        const protocol = p.protocol ?? 'TCP'
        const number = findPort(pod, p.targetPort as number | string | undefined, p.port, protocol)
        if (number === undefined) continue
        ports.push({
          name: p.name ?? '',
          port: number,
          protocol,
          ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
        })
      }
      if (ports.length === 0 && (spec.ports ?? []).length > 0) continue
      const podSpec = (pod['spec'] ?? {}) as {
        nodeName?: string
        hostname?: string
        subdomain?: string
      }
      const ready = isPodReady(pod)
      const terminating = isBeingDeleted(pod)
      const endpoint: SliceEndpoint = {
        addresses: [((pod['status'] ?? {}) as { podIP: string }).podIP],
        conditions: {
          ready: publishNotReady || (ready && !terminating),
          serving: ready,
          terminating,
        },
        ...(podSpec.hostname && podSpec.subdomain === svc.metadata.name
          ? { hostname: podSpec.hostname }
          : {}),
        targetRef: {
          kind: 'Pod',
          namespace: pod.metadata.namespace ?? '',
          name: pod.metadata.name,
          uid: pod.metadata.uid ?? '',
        },
        ...(podSpec.nodeName ? { nodeName: podSpec.nodeName } : {}),
      }
      const portsKey = JSON.stringify(ports)
      let g = groups.get(portsKey)
      if (g === undefined) groups.set(portsKey, (g = { ports, endpoints: [] }))
      g.endpoints.push(endpoint)
    }
    return groups
  }

  function labelsFor(svc: KubeObject): Record<string, string> {
    const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) }
    delete labels[SERVICE_NAME_LABEL]
    delete labels[MANAGED_BY_LABEL]
    if (asService(svc).spec?.clusterIP === 'None') labels[HEADLESS] = ''
    labels[MANAGED_BY_LABEL] = MANAGED_BY
    labels[SERVICE_NAME_LABEL] = svc.metadata.name
    return labels
  }

  function newSlice(
    svc: KubeObject,
    ports: SlicePort[] | null,
    endpoints: SliceEndpoint[] | null,
    placeholder: boolean,
  ): KubeObject {
    const namespace = svc.metadata.namespace ?? 'default'
    let name: string
    do name = generatedName(`${svc.metadata.name}-`, ctx.random.kubeSuffix(5))
    while (ctx.store.get(SLICES, namespace, name) !== undefined)
    return {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        ...(placeholder ? {} : { annotations: { [TRIGGER_TIME]: rfc3339(ctx.clock.now()) } }),
        generateName: `${svc.metadata.name}-`,
        name,
        namespace,
        labels: labelsFor(svc),
        ownerReferences: [newControllerRef(svc)],
      },
      addressType: 'IPv4',
      endpoints,
      ports,
    }
  }

  function write(
    existing: KubeObject | undefined,
    svc: KubeObject,
    ports: SlicePort[] | null,
    endpoints: SliceEndpoint[] | null,
  ): void {
    const placeholder = endpoints === null
    if (existing === undefined) {
      ctx.api.create(SLICES, newSlice(svc, ports, endpoints, placeholder))
      return
    }
    const labels = labelsFor(svc)
    const same =
      JSON.stringify(existing['endpoints'] ?? null) === JSON.stringify(endpoints) &&
      JSON.stringify(existing['ports'] ?? null) === JSON.stringify(ports) &&
      JSON.stringify(existing.metadata.labels ?? {}) === JSON.stringify(labels)
    if (same) return
    const annotations = { ...(existing.metadata.annotations ?? {}) }
    if (placeholder) delete annotations[TRIGGER_TIME]
    else annotations[TRIGGER_TIME] = rfc3339(ctx.clock.now())
    const { annotations: _old, ...metadata } = existing.metadata
    ctx.api.update(SLICES, {
      ...existing,
      metadata: {
        ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
        ...metadata,
        labels,
      },
      endpoints,
      ports,
    } as KubeObject)
  }

  return {
    name: 'endpointslice-controller',
    start(context) {
      ctx = context
      for (const slice of ctx.store.list(SLICES)) {
        const svcKey = serviceKeyOfSlice(slice)
        if (svcKey === undefined) continue
        let set = slicesOf.get(svcKey)
        if (set === undefined) slicesOf.set(svcKey, (set = new Set()))
        set.add(keyOf(slice))
      }
      ctx.watch(SLICES, (event) => {
        const svcKey = serviceKeyOfSlice(event.object)
        if (svcKey === undefined) return
        let set = slicesOf.get(svcKey)
        if (set === undefined) slicesOf.set(svcKey, (set = new Set()))
        if (event.type === 'DELETED') {
          set.delete(keyOf(event.object))
          ctx.enqueue(svcKey)
        } else set.add(keyOf(event.object))
      })
      servicePods.start(ctx, (key) => ctx.enqueue(key))
    },
    reconcile(key) {
      const { namespace, name } = splitKey(key)
      const svc = ctx.store.get(SERVICES, namespace, name)
      const existing = [...(slicesOf.get(key) ?? [])]
        .map((k) => splitKey(k))
        .map((k) => ctx.store.get(SLICES, k.namespace, k.name))
        .filter((s): s is KubeObject => s !== undefined && !isBeingDeleted(s))
        .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
      // Slices of a deleted Service go with it (the garbage collector does the same by owner).
      if (svc === undefined || selectorOfService(svc) === undefined) {
        if (svc !== undefined || existing.length > 0)
          for (const s of existing) ctx.api.delete(SLICES, namespace, s.metadata.name)
        return
      }
      const groups = desired(svc, key)
      const wanted: { ports: SlicePort[] | null; endpoints: SliceEndpoint[] | null }[] = []
      for (const g of groups.values())
        for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE)
          wanted.push({
            ports: g.ports,
            endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE),
          })
      if (wanted.length === 0) wanted.push({ ports: null, endpoints: null })
      // Reuse slices carrying the same ports first, so a pod change touches one slice.
      const unused = [...existing]
      const plan: [KubeObject | undefined, (typeof wanted)[number]][] = []
      for (const w of wanted) {
        const i = unused.findIndex(
          (s) => JSON.stringify(s['ports'] ?? null) === JSON.stringify(w.ports),
        )
        plan.push([i === -1 ? undefined : unused.splice(i, 1)[0], w])
      }
      for (const [slice, w] of plan) write(slice ?? unused.shift(), svc, w.ports, w.endpoints)
      for (const s of unused) ctx.api.delete(SLICES, namespace, s.metadata.name)
    },
  }
}
