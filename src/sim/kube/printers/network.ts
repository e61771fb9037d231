/**
 * Service-side tables: services (TYPE, CLUSTER-IP, EXTERNAL-IP `<none>`/`<pending>`, PORT(S)
 * `80:30080/TCP`), endpoints (`10.244.0.5:80` + N more...), endpoint slices, ingresses and
 * ingress classes.
 */
import type { KubeObject } from '../api/object'
import {
  AGE_COLUMN,
  ageOf,
  arr,
  col,
  field,
  formatLabels,
  NAME_COLUMN,
  rec,
  str,
  type Printer,
} from './table'

/** loadBalancerStatusStringer: IPs or hostnames, first seen first, deduplicated. */
function loadBalancerAddresses(status: unknown): string {
  const seen: string[] = []
  for (const i of arr<{ ip?: string; hostname?: string }>(field(status, 'ingress'))) {
    const v = i.ip || i.hostname || ''
    if (v !== '' && !seen.includes(v)) seen.push(v)
  }
  return seen.join(',')
}

function externalIP(o: KubeObject): string {
  const type = str(field(o, 'spec', 'type'))
  const externalIPs = arr<string>(field(o, 'spec', 'externalIPs'))
  switch (type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>'
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(field(o, 'status', 'loadBalancer'))
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',')
      return lb !== '' ? lb : '<pending>'
    }
    case 'ExternalName':
      return str(field(o, 'spec', 'externalName'))
    default:
      return '<unknown>'
  }
}

/** `80/TCP`, `80:30080/TCP`, comma-joined. */
export function servicePorts(o: KubeObject): string {
  return arr<{ port?: number; nodePort?: number; protocol?: string }>(field(o, 'spec', 'ports'))
    .map((p) =>
      (p.nodePort ?? 0) > 0
        ? `${p.port ?? 0}:${p.nodePort ?? 0}/${p.protocol ?? ''}`
        : `${p.port ?? 0}/${p.protocol ?? ''}`,
    )
    .join(',')
}

export const SERVICE_PRINTER: Printer = {
  columns: [
    NAME_COLUMN,
    col(
      'Type',
      'string',
      'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer.',
    ),
    col(
      'Cluster-IP',
      'string',
      'clusterIP is the IP address of the service and is usually assigned randomly.',
    ),
    col(
      'External-IP',
      'string',
      'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.',
    ),
    col('Port(s)', 'string', 'The list of ports that are exposed by this service.'),
    AGE_COLUMN,
    col(
      'Selector',
      'string',
      'Route service traffic to pods with label keys and values matching this selector.',
      1,
    ),
  ],
  row(o, nowMs) {
    const clusterIPs = arr<string>(field(o, 'spec', 'clusterIPs'))
    const ports = servicePorts(o)
    return {
      cells: [
        o.metadata.name,
        str(field(o, 'spec', 'type')),
        clusterIPs[0] ?? '<none>',
        externalIP(o),
        ports === '' ? '<none>' : ports,
        ageOf(o, nowMs),
        formatLabels(field(o, 'spec', 'selector') as Record<string, string> | undefined),
      ],
    }
  },
}

/** formatEndpoints: at most three `ip:port`, then `+ N more...`. */
export function formatEndpoints(o: KubeObject): string {
  const subsets = arr<Record<string, unknown>>(o['subsets'])
  if (subsets.length === 0) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  for (const ss of subsets) {
    const addresses = arr<{ ip?: string }>(ss['addresses'])
    const ports = arr<{ port?: number }>(ss['ports'])
    if (ports.length === 0) {
      count += addresses.length
      for (const a of addresses) {
        if (list.length === max) {
          more = true
          break
        }
        list.push(a.ip ?? '')
      }
      continue
    }
    for (const port of ports) {
      count += addresses.length
      for (const a of addresses) {
        if (list.length === max) {
          more = true
          break
        }
        const ip = a.ip ?? ''
        list.push(ip.includes(':') ? `[${ip}]:${port.port ?? 0}` : `${ip}:${port.port ?? 0}`)
      }
    }
  }
  const joined = list.join(',')
  return more ? `${joined} + ${count - max} more...` : joined
}

export const ENDPOINTS_PRINTER: Printer = {
  columns: [
    NAME_COLUMN,
    col(
      'Endpoints',
      'string',
      'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.',
    ),
    AGE_COLUMN,
  ],
  row: (o, nowMs) => ({ cells: [o.metadata.name, formatEndpoints(o), ageOf(o, nowMs)] }),
}

function listWithMore(list: string[], more: boolean, count: number): string {
  const joined = list.join(',')
  if (more) return `${joined} + ${count - 3} more...`
  return joined === '' ? '<unset>' : joined
}

export const ENDPOINT_SLICE_PRINTER: Printer = {
  columns: [
    NAME_COLUMN,
    col(
      'AddressType',
      'string',
      'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.',
    ),
    col(
      'Ports',
      'string',
      'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates "all ports". Each slice may include a maximum of 100 ports.',
    ),
    col(
      'Endpoints',
      'string',
      'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.',
    ),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const ports: string[] = []
    let portCount = 0
    for (const p of arr<{ port?: number; name?: string }>(o['ports'])) {
      if (ports.length < 3) ports.push(p.port !== undefined ? String(p.port) : (p.name ?? '*'))
      portCount++
    }
    const addresses: string[] = []
    let addressCount = 0
    for (const e of arr<{ addresses?: string[] }>(o['endpoints']))
      for (const a of e.addresses ?? []) {
        if (addresses.length < 3) addresses.push(a)
        addressCount++
      }
    return {
      cells: [
        o.metadata.name,
        str(o['addressType']),
        listWithMore(ports, portCount > 3, portCount),
        listWithMore(addresses, addressCount > 3, addressCount),
        ageOf(o, nowMs),
      ],
    }
  },
}

export const INGRESS_PRINTER: Printer = {
  columns: [
    NAME_COLUMN,
    col(
      'Class',
      'string',
      'The name of the IngressClass resource that should be used for additional configuration',
    ),
    col(
      'Hosts',
      'string',
      'Hosts that incoming requests are matched against before the ingress rule',
    ),
    col('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    col('Ports', 'string', 'Ports of TLS configurations that open'),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const rules = arr<{ host?: string }>(field(o, 'spec', 'rules'))
    const hosts: string[] = []
    let more = false
    for (const r of rules) {
      if (hosts.length === 3) more = true
      if (!more && r.host) hosts.push(r.host)
    }
    const hostText =
      hosts.length === 0
        ? '*'
        : more
          ? `${hosts.join(',')} + ${rules.length - 3} more...`
          : hosts.join(',')
    return {
      cells: [
        o.metadata.name,
        str(field(o, 'spec', 'ingressClassName')) || '<none>',
        hostText,
        loadBalancerAddresses(field(o, 'status', 'loadBalancer')),
        arr(field(o, 'spec', 'tls')).length > 0 ? '80, 443' : '80',
        ageOf(o, nowMs),
      ],
    }
  },
}

export const INGRESS_CLASS_PRINTER: Printer = {
  columns: [
    NAME_COLUMN,
    col('Controller', 'string', 'Controller that is responsible for handling this class'),
    col('Parameters', 'string', 'A reference to a resource with additional parameters'),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const p = field(o, 'spec', 'parameters')
    let parameters = '<none>'
    if (p !== undefined && p !== null) {
      const r = rec(p)
      parameters = str(r['kind'])
      if (typeof r['apiGroup'] === 'string') parameters += `.${r['apiGroup']}`
      parameters += `/${str(r['name'])}`
    }
    return {
      cells: [o.metadata.name, str(field(o, 'spec', 'controller')), parameters, ageOf(o, nowMs)],
    }
  },
}
