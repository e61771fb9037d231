/** Claims, volumes and their events, for the PV binder and provisioner tests. */
import type { KubeCluster } from '../../../../src/sim/kube/cluster'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { servedType } from '../../../../src/sim/kube/api/resources'

export const PVS = servedType('PersistentVolume')
export const PVCS = servedType('PersistentVolumeClaim')
export const PODS = servedType('Pod')
export const STORAGE_CLASSES = servedType('StorageClass')
const EVENTS = servedType('Event')

export function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

export function claim(
  name: string,
  spec: Record<string, unknown> = {},
  namespace = 'default',
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
  }
}

export function volume(
  name: string,
  size: string,
  spec: Record<string, unknown> = {},
  labels?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, ...(labels === undefined ? {} : { labels }) },
    spec: {
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: size },
      hostPath: { path: `/mnt/${name}` },
      storageClassName: 'manual',
      ...spec,
    },
  }
}

export function podUsing(name: string, claimName: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: {
      containers: [{ name: 'app', image: 'nginx' }],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
    },
  }
}

export const getClaim = (c: KubeCluster, name: string, namespace = 'default'): KubeObject =>
  c.store.get(PVCS, namespace, name) as KubeObject

export const getVolume = (c: KubeCluster, name: string): KubeObject | undefined =>
  c.store.get(PVS, '', name)

/** `Type Reason (xN) [source]: message` of the events about one object, oldest first. */
export function eventsFor(
  c: KubeCluster,
  kind: string,
  name: string,
  namespace = 'default',
): string[] {
  return c.store
    .list(EVENTS, namespace)
    .filter((e) => {
      const o = e['involvedObject'] as { kind?: string; name?: string }
      return o.kind === kind && o.name === name
    })
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => {
      const count = Number(e['count'])
      const source = (e['source'] as { component?: string }).component ?? ''
      return `${String(e['type'])} ${String(e['reason'])}${count > 1 ? ` (x${count})` : ''} [${source}]: ${String(e['message'])}`
    })
}
