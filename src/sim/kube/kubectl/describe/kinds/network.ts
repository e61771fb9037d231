/** Describers of the networking kinds: Service, Endpoints, EndpointSlice, Ingress, IngressClass. */
import type { EndpointSlice, Endpoints, Ingress, Service } from '../../../api/object'
import { servedType } from '../../../api/resources'
import { listOf, type DescribeClient } from '../client'
import { describing } from '../describer'
import { eventsSection } from '../events'
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline } from '../format'
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from '../prefix-writer'

/** formatEndpointSlices: up to three `ip:port` of ready endpoints for the named ports, `+ N more...`. */
export function formatEndpointSlices(
  slices: readonly EndpointSlice[],
  ports: ReadonlySet<string> | undefined,
): string {
  if (slices.length === 0) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? []
    if ((slice.ports ?? []).length === 0) {
      for (const ep of endpoints) {
        if (list.length === max) more = true
        if (ep.conditions?.ready === false) continue
        if (!more) list.push(ep.addresses[0] ?? '')
        count++
      }
      continue
    }
    for (const port of slice.ports ?? []) {
      if (ports !== undefined && !ports.has(port.name ?? '')) continue
      for (const ep of endpoints) {
        if (list.length === max) more = true
        const addr = ep.addresses[0] ?? ''
        if (ep.conditions?.ready === false) continue
        if (!more)
          list.push(
            addr.includes(':') ? `[${addr}]:${port.port ?? 0}` : `${addr}:${port.port ?? 0}`,
          )
        count++
      }
    }
  }
  const joined = list.join(',')
  return more ? `${joined} + ${count - max} more...` : joined
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'

const slicesOf = (client: DescribeClient, namespace: string, service: string): EndpointSlice[] =>
  listOf<EndpointSlice>(
    client,
    'EndpointSlice',
    namespace,
    (s) => s.metadata?.labels?.[SERVICE_NAME_LABEL] === service,
  )

export const describeService = describing<Service>((svc, ctx) => {
  const meta = svc.metadata ?? {}
  const spec = svc.spec ?? {}
  const slices = slicesOf(ctx.client, meta.namespace ?? '', meta.name ?? '')
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`)
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`)
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
    const families = spec.ipFamilies ?? []
    w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`)
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`)
    const ips = spec.clusterIPs ?? []
    w.write(LEVEL_0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`)
    if ((spec.externalIPs ?? []).length > 0)
      w.write(LEVEL_0, `External IPs:\t${(spec.externalIPs ?? []).join(',')}\n`)
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`)
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`)
    const ingress = svc.status?.loadBalancer?.ingress ?? []
    if (ingress.length > 0) {
      const list = ingress
        .map((i) => (i.ip ? i.ip + (i.ipMode ? ` (${i.ipMode})` : '') : (i.hostname ?? '')))
        .join(', ')
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${list}\n`)
    }
    for (const sp of spec.ports ?? []) {
      const name = sp.name ? sp.name : '<unset>'
      const protocol = sp.protocol ?? ''
      w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${protocol}\n`)
      w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? 0}/${protocol}\n`)
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`)
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, new Set([sp.name ?? '']))}\n`)
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`)
    if (spec.externalTrafficPolicy)
      w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`)
    if (spec.internalTrafficPolicy)
      w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`)
    if (spec.healthCheckNodePort)
      w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`)
    if ((spec.loadBalancerSourceRanges ?? []).length > 0)
      w.write(
        LEVEL_0,
        `LoadBalancer Source Ranges:\t${(spec.loadBalancerSourceRanges ?? []).join(',')}\n`,
      )
    const traffic = (spec as { trafficDistribution?: string }).trafficDistribution
    if (traffic) w.write(LEVEL_0, `Traffic Distribution:\t${traffic}\n`)
    eventsSection(ctx, svc, w)
  })
})

export const describeEndpoints = describing<Endpoints>((ep, ctx) => {
  const meta = ep.metadata ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, 'Subsets:\n')
    for (const subset of ep.subsets ?? []) {
      const ready = (subset.addresses ?? []).map((a) => a.ip).join(',')
      w.write(LEVEL_1, `Addresses:\t${ready || '<none>'}\n`)
      const notReady = (subset.notReadyAddresses ?? []).map((a) => a.ip).join(',')
      w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`)
      if ((subset.ports ?? []).length > 0) {
        w.write(LEVEL_1, 'Ports:\n')
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n')
        w.write(LEVEL_2, '----\t----\t--------\n')
        for (const p of subset.ports ?? [])
          w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`)
      }
      w.write(LEVEL_0, '\n')
    }
    eventsSection(ctx, ep, w)
  })
})

export const describeEndpointSlice = describing<EndpointSlice>((eps, ctx) => {
  const meta = eps.metadata ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `AddressType:\t${eps.addressType}\n`)
    const ports = eps.ports ?? []
    if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n')
    else {
      w.write(LEVEL_0, 'Ports:\n')
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n')
      w.write(LEVEL_1, '----\t----\t--------\n')
      for (const p of ports)
        w.write(
          LEVEL_1,
          `${p.name ? p.name : '<unset>'}\t${p.port === undefined ? '<unset>' : p.port}\t${p.protocol ?? ''}\n`,
        )
    }
    const endpoints = eps.endpoints ?? []
    if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n')
    else {
      w.write(LEVEL_0, 'Endpoints:\n')
      for (const ep of endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${ep.addresses.join(', ') || '<none>'}\n`)
        w.write(LEVEL_2, 'Conditions:\n')
        const ready = ep.conditions?.ready
        w.write(LEVEL_3, `Ready:\t${ready === undefined ? '<unset>' : String(ready)}\n`)
        w.write(LEVEL_2, `Hostname:\t${ep.hostname ?? '<unset>'}\n`)
        if (ep.targetRef)
          w.write(LEVEL_2, `TargetRef:\t${ep.targetRef.kind ?? ''}/${ep.targetRef.name ?? ''}\n`)
        w.write(LEVEL_2, `NodeName:\t${ep.nodeName ?? '<unset>'}\n`)
        w.write(LEVEL_2, `Zone:\t${ep.zone ?? '<unset>'}\n`)
      }
    }
    eventsSection(ctx, eps, w)
  })
})

type Backend = NonNullable<NonNullable<Ingress['spec']>['defaultBackend']>

function describeBackend(client: DescribeClient, namespace: string, backend: Backend): string {
  if (backend.service) {
    const svcName = backend.service.name
    const port = backend.service.port?.number
      ? String(backend.service.port.number)
      : (backend.service.port?.name ?? '')
    const sb = `${svcName}:${port}`
    const svc = client.get(servedType('Service'), namespace, svcName)
    if (!svc.ok) return `${sb} (<error: ${svc.error.message}>)`
    const service = svc.value as unknown as Service
    let spName = ''
    for (const sp of service.spec?.ports ?? []) {
      const want = backend.service.port
      if (want?.number && want.number === sp.port) spName = sp.name ?? ''
      else if (want?.name && want.name === sp.name) spName = sp.name ?? ''
    }
    return `${sb} (${formatEndpointSlices(slicesOf(client, namespace, svcName), new Set([spName]))})`
  }
  if (backend.resource) {
    const r = backend.resource
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`
  }
  return ''
}

export const describeIngress = describing<Ingress>((ing, ctx) => {
  const meta = ing.metadata ?? {}
  const spec = ing.spec ?? {}
  const ns = meta.namespace ?? ''
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    w.write(LEVEL_0, `Namespace:\t${ns}\n`)
    const addresses = [
      ...new Set(
        (ing.status?.loadBalancer?.ingress ?? [])
          .map((i) => i.ip || i.hostname || '')
          .filter((a) => a !== ''),
      ),
    ].sort()
    w.write(LEVEL_0, `Address:\t${addresses.join(',')}\n`)
    w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`)
    const def =
      spec.defaultBackend === undefined
        ? '<default>'
        : describeBackend(ctx.client, ns, spec.defaultBackend)
    w.write(LEVEL_0, `Default backend:\t${def}\n`)
    if ((spec.tls ?? []).length > 0) {
      w.write(LEVEL_0, 'TLS:\n')
      for (const t of spec.tls ?? []) {
        if (!t.secretName) w.write(LEVEL_1, `SNI routes ${(t.hosts ?? []).join(',')}\n`)
        else w.write(LEVEL_1, `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n`)
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n')
    w.write(LEVEL_1, '----\t----\t--------\n')
    let count = 0
    for (const rule of spec.rules ?? []) {
      if (!rule.http) continue
      count++
      w.write(LEVEL_1, `${rule.host || '*'}\t\n`)
      for (const path of rule.http.paths)
        w.write(
          LEVEL_2,
          `\t${path.path ?? ''} \t${describeBackend(ctx.client, ns, path.backend)}\n`,
        )
    }
    if (count === 0) w.write(LEVEL_1, `*\t*\t${def}\n`)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    eventsSection(ctx, ing, w)
  })
})

interface IngressClass {
  kind?: string
  metadata?: {
    name?: string
    uid?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
  }
  spec?: { controller?: string; parameters?: { apiGroup?: string; kind: string; name: string } }
}

export const describeIngressClass = describing<IngressClass>((ic, ctx) => {
  const meta = ic.metadata ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ''}\n`)
    const p = ic.spec?.parameters
    if (p) {
      w.write(LEVEL_0, 'Parameters:\n')
      if (p.apiGroup) w.write(LEVEL_1, `APIGroup:\t${p.apiGroup}\n`)
      w.write(LEVEL_1, `Kind:\t${p.kind}\n`)
      w.write(LEVEL_1, `Name:\t${p.name}\n`)
    }
    eventsSection(ctx, ic, w)
  })
})
