/**
 * Defaults for a PodSpec wherever it appears (Pods and every workload template), as
 * pkg/apis/core/v1 defaults.go and the generated declarative defaults set them. They edit the
 * object they are given: the API server hands in its own copy.
 */
import { parseImageReference } from './image'

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : [])

/** Always for `:latest` or no tag (a digest without tag counts as untagged… but not latest). */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return parseImageReference(image).tag === 'latest' ? 'Always' : 'IfNotPresent'
}

export function defaultProbe(probe: unknown): void {
  if (!isObj(probe)) return
  probe['timeoutSeconds'] ??= 1
  probe['periodSeconds'] ??= 10
  probe['successThreshold'] ??= 1
  probe['failureThreshold'] ??= 3
  const http = probe['httpGet']
  if (isObj(http)) {
    if (http['path'] === undefined || http['path'] === '') http['path'] = '/'
    http['scheme'] ??= 'HTTP'
  }
}

function defaultHandler(handler: unknown): void {
  if (!isObj(handler)) return
  const http = handler['httpGet']
  if (isObj(http)) {
    if (http['path'] === undefined || http['path'] === '') http['path'] = '/'
    http['scheme'] ??= 'HTTP'
  }
}

function defaultFieldRefs(env: unknown): void {
  for (const e of objects(env)) {
    const from = e['valueFrom']
    if (isObj(from) && isObj(from['fieldRef'])) from['fieldRef']['apiVersion'] ??= 'v1'
  }
}

export function defaultContainer(c: Obj): void {
  if (c['imagePullPolicy'] === undefined || c['imagePullPolicy'] === '')
    c['imagePullPolicy'] = defaultPullPolicy(typeof c['image'] === 'string' ? c['image'] : '')
  if (c['terminationMessagePath'] === undefined || c['terminationMessagePath'] === '')
    c['terminationMessagePath'] = '/dev/termination-log'
  if (c['terminationMessagePolicy'] === undefined || c['terminationMessagePolicy'] === '')
    c['terminationMessagePolicy'] = 'File'
  // ResourceRequirements is a struct, not a pointer: it always serializes, as `{}` when empty.
  if (!isObj(c['resources'])) c['resources'] = {}
  for (const p of objects(c['ports'])) p['protocol'] ??= 'TCP'
  defaultProbe(c['livenessProbe'])
  defaultProbe(c['readinessProbe'])
  defaultProbe(c['startupProbe'])
  const lifecycle = c['lifecycle']
  if (isObj(lifecycle)) {
    defaultHandler(lifecycle['postStart'])
    defaultHandler(lifecycle['preStop'])
  }
  defaultFieldRefs(c['env'])
}

function defaultVolume(v: Obj): void {
  const sources = Object.keys(v).filter((k) => k !== 'name')
  if (sources.length === 0) v['emptyDir'] = {}
  for (const kind of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const source = v[kind]
    if (isObj(source)) source['defaultMode'] ??= 420
  }
  const hostPath = v['hostPath']
  if (isObj(hostPath)) hostPath['type'] ??= ''
  const downward = v['downwardAPI']
  if (isObj(downward))
    for (const item of objects(downward['items']))
      if (isObj(item['fieldRef'])) item['fieldRef']['apiVersion'] ??= 'v1'
  const projected = v['projected']
  if (isObj(projected))
    for (const s of objects(projected['sources'])) {
      const token = s['serviceAccountToken']
      if (isObj(token)) token['expirationSeconds'] ??= 3600
      const d = s['downwardAPI']
      if (isObj(d))
        for (const item of objects(d['items']))
          if (isObj(item['fieldRef'])) item['fieldRef']['apiVersion'] ??= 'v1'
    }
}

/** SetDefaults_PodSpec plus the per-container, per-volume defaults under it. */
export function defaultPodSpec(spec: Obj): void {
  if (spec['dnsPolicy'] === undefined || spec['dnsPolicy'] === '')
    spec['dnsPolicy'] = 'ClusterFirst'
  if (spec['restartPolicy'] === undefined || spec['restartPolicy'] === '')
    spec['restartPolicy'] = 'Always'
  if (!isObj(spec['securityContext'])) spec['securityContext'] = {}
  spec['terminationGracePeriodSeconds'] ??= 30
  if (spec['schedulerName'] === undefined || spec['schedulerName'] === '')
    spec['schedulerName'] = 'default-scheduler'
  for (const c of objects(spec['containers'])) defaultContainer(c)
  for (const c of objects(spec['initContainers'])) defaultContainer(c)
  for (const c of objects(spec['ephemeralContainers'])) defaultContainer(c)
  for (const v of objects(spec['volumes'])) defaultVolume(v)
}

/** A template's metadata is a struct: the server always writes it, with `creationTimestamp: null`. */
export function defaultTemplateMetadata(template: Obj): void {
  const meta = isObj(template['metadata']) ? template['metadata'] : {}
  if (!('creationTimestamp' in meta)) meta['creationTimestamp'] = null
  template['metadata'] = meta
}

/** A PodTemplateSpec (workloads): metadata as the server writes it, then the spec defaults. */
export function defaultPodTemplate(template: unknown): void {
  if (!isObj(template)) return
  defaultTemplateMetadata(template)
  if (!isObj(template['spec'])) template['spec'] = {}
  defaultPodSpec(template['spec'] as Obj)
}

/** SetDefaults_Pod: what only real Pods get (not templates). */
export function defaultPodOnly(spec: Obj): void {
  spec['enableServiceLinks'] ??= true
  for (const c of [...objects(spec['containers']), ...objects(spec['initContainers'])]) {
    const resources = c['resources']
    if (!isObj(resources) || !isObj(resources['limits'])) continue
    const requests = isObj(resources['requests']) ? resources['requests'] : {}
    for (const [k, v] of Object.entries(resources['limits'])) if (!(k in requests)) requests[k] = v
    resources['requests'] = requests
  }
  if (spec['hostNetwork'] === true)
    for (const c of [...objects(spec['containers']), ...objects(spec['initContainers'])])
      for (const p of objects(c['ports'])) if (!p['hostPort']) p['hostPort'] = p['containerPort']
}
