/**
 * Per-kind defaulting, as the API server applies it when it decodes a request (the generated
 * SetObjectDefaults_* of each group): what `kubectl get -o yaml` shows that the manifest did not
 * say. Registry behaviour that is not defaulting (status reset, IP allocation, the Job selector)
 * lives in ../strategy.ts.
 */
import { bytesToBase64 } from '../../../fs/virtual-fs'
import {
  defaultPodOnly,
  defaultPodSpec,
  defaultPodTemplate,
  defaultTemplateMetadata,
} from './pod-spec'

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : [])
const child = (o: Obj, key: string): Obj => {
  const v = o[key]
  if (isObj(v)) return v
  const created: Obj = {}
  o[key] = created
  return created
}

function defaultPvcSpec(spec: Obj): void {
  spec['volumeMode'] ??= 'Filesystem'
}

const DEFAULTERS: Record<string, (o: Obj) => void> = {
  Pod(o) {
    const spec = child(o, 'spec')
    defaultPodSpec(spec)
    defaultPodOnly(spec)
  },
  PodTemplate(o) {
    defaultPodTemplate(o['template'])
  },
  ReplicationController(o) {
    const spec = child(o, 'spec')
    const template = spec['template']
    const labels =
      isObj(template) && isObj(template['metadata']) ? template['metadata']['labels'] : undefined
    if (isObj(labels)) {
      if (!isObj(spec['selector']) || Object.keys(spec['selector']).length === 0)
        spec['selector'] = { ...labels }
      const meta = child(o, 'metadata')
      if (!isObj(meta['labels']) || Object.keys(meta['labels']).length === 0)
        meta['labels'] = { ...labels }
    }
    spec['replicas'] ??= 1
    defaultPodTemplate(template)
  },
  Deployment(o) {
    const spec = child(o, 'spec')
    spec['replicas'] ??= 1
    const strategy = child(spec, 'strategy')
    if (strategy['type'] === undefined || strategy['type'] === '')
      strategy['type'] = 'RollingUpdate'
    if (strategy['type'] === 'RollingUpdate') {
      const rolling = child(strategy, 'rollingUpdate')
      rolling['maxUnavailable'] ??= '25%'
      rolling['maxSurge'] ??= '25%'
    }
    spec['revisionHistoryLimit'] ??= 10
    spec['progressDeadlineSeconds'] ??= 600
    defaultPodTemplate(spec['template'])
  },
  ReplicaSet(o) {
    const spec = child(o, 'spec')
    spec['replicas'] ??= 1
    defaultPodTemplate(spec['template'])
  },
  DaemonSet(o) {
    const spec = child(o, 'spec')
    const strategy = child(spec, 'updateStrategy')
    if (strategy['type'] === undefined || strategy['type'] === '')
      strategy['type'] = 'RollingUpdate'
    if (strategy['type'] === 'RollingUpdate') {
      const rolling = child(strategy, 'rollingUpdate')
      rolling['maxUnavailable'] ??= 1
      rolling['maxSurge'] ??= 0
    }
    spec['revisionHistoryLimit'] ??= 10
    defaultPodTemplate(spec['template'])
  },
  StatefulSet(o) {
    const spec = child(o, 'spec')
    if (!spec['podManagementPolicy']) spec['podManagementPolicy'] = 'OrderedReady'
    const strategy = child(spec, 'updateStrategy')
    if (strategy['type'] === undefined || strategy['type'] === '') {
      strategy['type'] = 'RollingUpdate'
      child(strategy, 'rollingUpdate')
    }
    if (strategy['type'] === 'RollingUpdate' && isObj(strategy['rollingUpdate']))
      strategy['rollingUpdate']['partition'] ??= 0
    const retention = child(spec, 'persistentVolumeClaimRetentionPolicy')
    if (!retention['whenDeleted']) retention['whenDeleted'] = 'Retain'
    if (!retention['whenScaled']) retention['whenScaled'] = 'Retain'
    spec['replicas'] ??= 1
    spec['revisionHistoryLimit'] ??= 10
    defaultPodTemplate(spec['template'])
    for (const claim of objects(spec['volumeClaimTemplates'])) {
      claim['apiVersion'] ??= 'v1'
      claim['kind'] ??= 'PersistentVolumeClaim'
      defaultTemplateMetadata(claim)
      defaultPvcSpec(child(claim, 'spec'))
      const status = child(claim, 'status')
      status['phase'] ??= 'Pending'
    }
  },
  Job(o) {
    defaultJobSpec(child(o, 'spec'))
    const spec = child(o, 'spec')
    const template = spec['template']
    const labels =
      isObj(template) && isObj(template['metadata']) ? template['metadata']['labels'] : undefined
    const meta = child(o, 'metadata')
    if (isObj(labels) && (!isObj(meta['labels']) || Object.keys(meta['labels']).length === 0))
      meta['labels'] = { ...labels }
  },
  CronJob(o) {
    const spec = child(o, 'spec')
    if (!spec['concurrencyPolicy']) spec['concurrencyPolicy'] = 'Allow'
    spec['suspend'] ??= false
    spec['successfulJobsHistoryLimit'] ??= 3
    spec['failedJobsHistoryLimit'] ??= 1
    const jobTemplate = child(spec, 'jobTemplate')
    defaultTemplateMetadata(jobTemplate)
    const jobSpec = child(jobTemplate, 'spec')
    defaultPodTemplate(jobSpec['template'])
  },
  Service(o) {
    const spec = child(o, 'spec')
    if (!spec['sessionAffinity']) spec['sessionAffinity'] = 'None'
    if (spec['sessionAffinity'] === 'None') delete spec['sessionAffinityConfig']
    if (spec['sessionAffinity'] === 'ClientIP') {
      const config = spec['sessionAffinityConfig']
      const clientIP = isObj(config) ? config['clientIP'] : undefined
      if (!isObj(clientIP) || clientIP['timeoutSeconds'] === undefined)
        spec['sessionAffinityConfig'] = { clientIP: { timeoutSeconds: 10800 } }
    }
    if (!spec['type']) spec['type'] = 'ClusterIP'
    for (const port of objects(spec['ports'])) {
      port['protocol'] ??= 'TCP'
      if (port['targetPort'] === undefined || port['targetPort'] === 0 || port['targetPort'] === '')
        port['targetPort'] = port['port']
    }
    const type = spec['type']
    const external = type === 'NodePort' || type === 'LoadBalancer'
    if (external && !spec['externalTrafficPolicy']) spec['externalTrafficPolicy'] = 'Cluster'
    if (spec['internalTrafficPolicy'] === undefined && (external || type === 'ClusterIP'))
      spec['internalTrafficPolicy'] = 'Cluster'
    if (type === 'LoadBalancer') spec['allocateLoadBalancerNodePorts'] ??= true
  },
  Secret(o) {
    if (!o['type']) o['type'] = 'Opaque'
    // stringData is write-only: the API server's conversion folds it into data (base64, its
    // values winning over data's) and never stores or returns it.
    const stringData = o['stringData']
    if (isObj(stringData) && Object.keys(stringData).length > 0) {
      const data = child(o, 'data')
      for (const [key, value] of Object.entries(stringData))
        if (typeof value === 'string') data[key] = bytesToBase64(new TextEncoder().encode(value))
    }
    delete o['stringData']
  },
  Namespace(o) {
    const meta = child(o, 'metadata')
    const name = meta['name']
    if (typeof name === 'string' && name !== '') {
      const labels = child(meta, 'labels')
      labels['kubernetes.io/metadata.name'] = name
    }
    const status = child(o, 'status')
    if (!status['phase']) status['phase'] = 'Active'
  },
  PersistentVolumeClaim(o) {
    defaultPvcSpec(child(o, 'spec'))
    const status = child(o, 'status')
    if (!status['phase']) status['phase'] = 'Pending'
  },
  PersistentVolume(o) {
    const spec = child(o, 'spec')
    if (!spec['persistentVolumeReclaimPolicy']) spec['persistentVolumeReclaimPolicy'] = 'Retain'
    spec['volumeMode'] ??= 'Filesystem'
    const status = child(o, 'status')
    if (!status['phase']) status['phase'] = 'Pending'
    const hostPath = spec['hostPath']
    if (isObj(hostPath)) hostPath['type'] ??= ''
  },
  Endpoints(o) {
    for (const subset of objects(o['subsets']))
      for (const port of objects(subset['ports'])) port['protocol'] ??= 'TCP'
  },
  EndpointSlice(o) {
    for (const port of objects(o['ports'])) port['protocol'] ??= 'TCP'
  },
  Node(o) {
    const status = o['status']
    if (isObj(status) && status['allocatable'] === undefined && isObj(status['capacity']))
      status['allocatable'] = { ...status['capacity'] }
  },
  StorageClass(o) {
    if (!o['reclaimPolicy']) o['reclaimPolicy'] = 'Delete'
    if (!o['volumeBindingMode']) o['volumeBindingMode'] = 'Immediate'
  },
  Ingress(o) {
    const spec = o['spec']
    if (!isObj(spec)) return
    for (const rule of objects(spec['rules'])) {
      const http = rule['http']
      if (!isObj(http)) continue
      for (const path of objects(http['paths'])) {
        const backend = path['backend']
        void backend
      }
    }
  },
  HorizontalPodAutoscaler(o) {
    const spec = child(o, 'spec')
    spec['minReplicas'] ??= 1
    if (spec['metrics'] === undefined)
      spec['metrics'] = [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
        },
      ]
  },
}

/** SetDefaults_Job (for a Job object; a CronJob's jobTemplate does not get these). */
function defaultJobSpec(spec: Obj): void {
  if (spec['completions'] === undefined && spec['parallelism'] === undefined) {
    spec['completions'] = 1
    spec['parallelism'] = 1
  }
  spec['parallelism'] ??= 1
  if (spec['backoffLimit'] === undefined)
    spec['backoffLimit'] = spec['backoffLimitPerIndex'] === undefined ? 6 : 2147483647
  if (!spec['completionMode']) spec['completionMode'] = 'NonIndexed'
  spec['suspend'] ??= false
  if (spec['podReplacementPolicy'] === undefined)
    spec['podReplacementPolicy'] =
      spec['podFailurePolicy'] === undefined ? 'TerminatingOrFailed' : 'Failed'
  const failurePolicy = spec['podFailurePolicy']
  if (isObj(failurePolicy))
    for (const rule of objects(failurePolicy['rules']))
      for (const condition of objects(rule['onPodConditions'])) condition['status'] ??= 'True'
  defaultPodTemplate(spec['template'])
}

/** Applies the kind's defaults in place (the caller's own copy). Unknown kinds are left alone. */
export function applyDefaults(kind: string, object: Obj): void {
  DEFAULTERS[kind]?.(object)
}
