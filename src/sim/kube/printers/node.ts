/** The nodes table: STATUS `Ready,SchedulingDisabled`, ROLES from node-role labels, VERSION, wide addresses and system info. */
import type { KubeObject } from '../api/object'
import { AGE_COLUMN, ageOf, arr, col, field, NAME_COLUMN, str, type Printer } from './table'

const ROLE_PREFIX = 'node-role.kubernetes.io/'

/** Roles sorted: the server prints a Go set's unsorted list, which for one role is that role. */
function nodeRoles(o: KubeObject): string {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(o.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length)
      if (role !== '') roles.add(role)
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v)
  }
  return roles.size === 0 ? '<none>' : [...roles].sort().join(',')
}

const address = (o: KubeObject, type: string): string =>
  arr<{ type?: string; address?: string }>(field(o, 'status', 'addresses')).find(
    (a) => a.type === type,
  )?.address ?? '<none>'

export const NODE_PRINTER: Printer = {
  columns: [
    NAME_COLUMN,
    col('Status', 'string', 'The status of the node'),
    col('Roles', 'string', 'The roles of the node'),
    AGE_COLUMN,
    col('Version', 'string', 'Kubelet Version reported by the node.'),
    col(
      'Internal-IP',
      'string',
      'List of addresses reachable to the node. Queried from cloud provider, if available.',
      1,
    ),
    col(
      'External-IP',
      'string',
      'List of addresses reachable to the node. Queried from cloud provider, if available.',
      1,
    ),
    col(
      'OS-Image',
      'string',
      'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).',
      1,
    ),
    col(
      'Kernel-Version',
      'string',
      "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
      1,
    ),
    col(
      'Container-Runtime',
      'string',
      'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
      1,
    ),
  ],
  row(o, nowMs) {
    const ready = arr<{ type?: string; status?: string }>(field(o, 'status', 'conditions')).find(
      (c) => c.type === 'Ready',
    )
    const status: string[] = []
    if (ready !== undefined) status.push(ready.status === 'True' ? 'Ready' : 'NotReady')
    if (status.length === 0) status.push('Unknown')
    if (field(o, 'spec', 'unschedulable') === true) status.push('SchedulingDisabled')
    const info = (key: string): string => str(field(o, 'status', 'nodeInfo', key)) || '<unknown>'
    return {
      cells: [
        o.metadata.name,
        status.join(','),
        nodeRoles(o),
        ageOf(o, nowMs),
        str(field(o, 'status', 'nodeInfo', 'kubeletVersion')),
        address(o, 'InternalIP'),
        address(o, 'ExternalIP'),
        info('osImage'),
        info('kernelVersion'),
        info('containerRuntimeVersion'),
      ],
    }
  },
}
