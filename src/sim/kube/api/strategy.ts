/**
 * The registry strategies' PrepareForCreate / PrepareForUpdate: what the API server decides on
 * its own whatever the client sent — a new object's status starts empty (Pods: Pending with their
 * QoS class), a Namespace gets the `kubernetes` finalizer, a Job its generated selector, and on
 * update the status (a subresource) and other server-owned fields are kept.
 */
import type { KubeObject } from './object'
import { parseQuantity } from './validation/quantity'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : [])

/** Kinds whose status is a subresource: creates start it empty, updates keep the stored one. */
const STATUS_ON_CREATE: Record<string, () => Obj> = {
  Deployment: () => ({}),
  ReplicaSet: () => ({ replicas: 0 }),
  StatefulSet: () => ({ availableReplicas: 0, replicas: 0 }),
  DaemonSet: () => ({
    currentNumberScheduled: 0,
    desiredNumberScheduled: 0,
    numberMisscheduled: 0,
    numberReady: 0,
  }),
  ReplicationController: () => ({ replicas: 0 }),
  Job: () => ({}),
  CronJob: () => ({}),
  Service: () => ({ loadBalancer: {} }),
  Ingress: () => ({ loadBalancer: {} }),
  HorizontalPodAutoscaler: () => ({ currentMetrics: null, desiredReplicas: 0 }),
}

const STATUS_KEPT_ON_UPDATE = new Set([
  ...Object.keys(STATUS_ON_CREATE),
  'Pod',
  'Namespace',
  'Node',
  'PersistentVolumeClaim',
  'PersistentVolume',
])

/** BestEffort, Burstable or Guaranteed, from the containers' requests and limits. */
export function qosClass(spec: Obj): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers = [...objects(spec['containers']), ...objects(spec['initContainers'])]
  let any = false
  let guaranteed = true
  for (const c of containers) {
    const r = isObj(c['resources']) ? c['resources'] : {}
    const requests = isObj(r['requests']) ? r['requests'] : {}
    const limits = isObj(r['limits']) ? r['limits'] : {}
    for (const k of ['cpu', 'memory']) {
      const req = requests[k]
      const lim = limits[k]
      if (req !== undefined || lim !== undefined) any = true
      if (lim === undefined) guaranteed = false
      else if (req !== undefined && parseQuantity(req as string) !== parseQuantity(lim as string))
        guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

export function prepareForCreate(kind: string, o: KubeObject, uid: string): void {
  const obj = o as unknown as Obj
  const status = STATUS_ON_CREATE[kind]
  if (status !== undefined) obj['status'] = status()
  switch (kind) {
    case 'Pod': {
      const spec = isObj(obj['spec']) ? obj['spec'] : {}
      obj['status'] = { phase: 'Pending', qosClass: qosClass(spec) }
      break
    }
    case 'Namespace': {
      obj['spec'] = { finalizers: ['kubernetes'] }
      obj['status'] = { phase: 'Active' }
      break
    }
    case 'Job':
      generateJobSelector(o, uid)
      break
  }
}

/** The Job controller's selector and template labels, unless the user manages the selector. */
function generateJobSelector(job: KubeObject, uid: string): void {
  const spec = job['spec'] as Obj
  if (spec['manualSelector'] === true) return
  const template = isObj(spec['template']) ? spec['template'] : {}
  spec['template'] = template
  const meta = isObj(template['metadata']) ? template['metadata'] : {}
  template['metadata'] = meta
  const labels = isObj(meta['labels']) ? (meta['labels'] as Record<string, string>) : {}
  meta['labels'] = labels
  for (const key of ['job-name', 'batch.kubernetes.io/job-name']) labels[key] ??= job.metadata.name
  for (const key of ['controller-uid', 'batch.kubernetes.io/controller-uid']) labels[key] ??= uid
  const selector = isObj(spec['selector']) ? spec['selector'] : {}
  spec['selector'] = selector
  const matchLabels = isObj(selector['matchLabels'])
    ? (selector['matchLabels'] as Record<string, string>)
    : {}
  selector['matchLabels'] = matchLabels
  matchLabels['batch.kubernetes.io/controller-uid'] ??= uid
  // Reads default the Job's own labels from its template's (SetDefaults_Job on decode).
  if (job.metadata.labels === undefined || Object.keys(job.metadata.labels).length === 0)
    job.metadata.labels = { ...labels }
}

/** Keeps what a plain update may not change: status, and kind-specific server-owned fields. */
export function prepareForUpdate(kind: string, o: KubeObject, old: KubeObject): void {
  const obj = o as unknown as Obj
  if (STATUS_KEPT_ON_UPDATE.has(kind)) {
    if (old['status'] === undefined) delete obj['status']
    else obj['status'] = old['status']
  }
  switch (kind) {
    case 'Namespace':
      obj['spec'] = old['spec']
      break
    case 'Job': {
      // The generated selector stays even when an applied manifest leaves it out.
      const spec = isObj(obj['spec']) ? obj['spec'] : {}
      const oldSpec = isObj(old['spec']) ? old['spec'] : {}
      if (spec['selector'] === undefined) spec['selector'] = oldSpec['selector']
      if (spec['manualSelector'] === undefined && oldSpec['manualSelector'] !== undefined)
        spec['manualSelector'] = oldSpec['manualSelector']
      const template = isObj(spec['template']) ? spec['template'] : undefined
      const oldTemplate = isObj(oldSpec['template']) ? oldSpec['template'] : undefined
      if (template !== undefined && oldTemplate !== undefined) {
        const meta = isObj(template['metadata']) ? template['metadata'] : {}
        const oldLabels = isObj(oldTemplate['metadata'])
          ? oldTemplate['metadata']['labels']
          : undefined
        if (isObj(oldLabels))
          meta['labels'] = { ...oldLabels, ...(isObj(meta['labels']) ? meta['labels'] : {}) }
        template['metadata'] = meta
      }
      break
    }
  }
  // Server-owned metadata survives a client that did not send it.
  const meta = o.metadata
  if (old.metadata.deletionTimestamp !== undefined) {
    meta.deletionTimestamp = old.metadata.deletionTimestamp
    if (old.metadata.deletionGracePeriodSeconds !== undefined)
      meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds
  } else {
    delete meta.deletionTimestamp
    delete meta.deletionGracePeriodSeconds
  }
}

/** The Pod and Service fields a plain update must not drop even if the client omitted them. */
export function keepAllocated(kind: string, o: KubeObject, old: KubeObject): void {
  if (kind !== 'Service') return
  const spec = o['spec'] as Obj | undefined
  const oldSpec = old['spec'] as Obj | undefined
  if (spec === undefined || oldSpec === undefined) return
  if (spec['clusterIP'] === undefined || spec['clusterIP'] === '')
    spec['clusterIP'] = oldSpec['clusterIP']
  if (spec['clusterIPs'] === undefined) spec['clusterIPs'] = oldSpec['clusterIPs']
  if (spec['ipFamilies'] === undefined) spec['ipFamilies'] = oldSpec['ipFamilies']
  if (spec['ipFamilyPolicy'] === undefined) spec['ipFamilyPolicy'] = oldSpec['ipFamilyPolicy']
  const oldPorts = objects(oldSpec['ports'])
  for (const p of objects(spec['ports'])) {
    if (p['nodePort'] !== undefined) continue
    const before = oldPorts.find(
      (q) => q['port'] === p['port'] && (q['protocol'] ?? 'TCP') === (p['protocol'] ?? 'TCP'),
    )
    if (before?.['nodePort'] !== undefined) p['nodePort'] = before['nodePort']
  }
}
