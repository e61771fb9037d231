/**
 * Subresources: status (GET/PUT/PATCH the status alone), scale (autoscaling/v1 Scale over a
 * workload's spec.replicas — what kubectl scale reads and patches), pods/log (text, with
 * container/previous/tailLines/timestamps/sinceSeconds/limitBytes/follow), pods/binding (the
 * scheduler's POST) and pods/eviction (kubectl drain; no PodDisruptionBudget exists to refuse it).
 */
import { formatLabelSelector } from '../../kube/api/label-selector'
import { cloneObject, type KubeObject, type LabelSelector } from '../../kube/api/object'
import { applyJsonPatch } from '../../kube/api/patch/json-patch'
import { applyMergePatch } from '../../kube/api/patch/merge-patch'
import { servedType, type ResourceType } from '../../kube/api/resources'
import { apiError } from '../../kube/api/status'
import type { KubeCluster } from '../../kube/cluster'
import { containerLogs, type LogEntry } from '../../kube/kubelet/container-logs'
import {
  failure,
  isRecord,
  jsonResponse,
  parseBool,
  parseIntParam,
  statusResponse,
  successStatus,
  type KubeApiRequest,
  type KubeApiResponse,
} from './http'
import { decodeBody, patchTypeOf, UNSUPPORTED_PATCH, writeOptions } from './objects'
import { ChunkStream } from './stream'
import { withType } from './table'

const PODS = servedType('Pod')

type Obj = Record<string, unknown>
const rec = (v: unknown): Obj => (isRecord(v) ? v : {})

// ---- status ---------------------------------------------------------------------------------

export function statusSubresource(
  cluster: KubeCluster,
  t: ResourceType,
  namespace: string,
  name: string,
  request: KubeApiRequest,
): KubeApiResponse {
  const current = cluster.api.get(t, namespace, name)
  if (!current.ok) return statusResponse(current.error)
  if (request.method === 'GET') return jsonResponse(200, withType(t, current.value))
  const options = writeOptions(request)
  if (!options.ok) return options.response
  let next: KubeObject
  if (request.method === 'PUT') {
    const body = decodeBody(request, t)
    if (!body.ok) return body.response
    if (!isRecord(body.value)) return failure('BadRequest', 'the body is not an object')
    next = { ...current.value, ...(body.value as Partial<KubeObject>) } as KubeObject
  } else {
    const patched = patchDocument(current.value, request, t)
    if ('response' in patched) return patched.response
    next = patched.value as KubeObject
  }
  const updated = cluster.api.updateStatus(
    t,
    { ...next, metadata: { ...current.value.metadata, ...rec(next.metadata) } } as KubeObject,
    options.value,
  )
  if (!updated.ok) return statusResponse(updated.error)
  return jsonResponse(200, withType(t, updated.value))
}

/** JSON or merge patches of a plain document (a Scale, a status): strategic merge acts as merge there. */
function patchDocument(
  document: unknown,
  request: KubeApiRequest,
  t: ResourceType,
): { value: unknown } | { response: KubeApiResponse } {
  const type = patchTypeOf(request.headers['content-type'])
  if (type === undefined) return { response: failure('UnsupportedMediaType', UNSUPPORTED_PATCH) }
  const body = decodeBody(
    type === 'apply'
      ? { ...request, headers: { ...request.headers, 'content-type': 'application/yaml' } }
      : request,
    t,
  )
  if (!body.ok) return { response: body.response }
  if (type === 'json') {
    const result = applyJsonPatch(document, body.value)
    if (!result.ok)
      return {
        response: statusResponse(
          apiError('Invalid', 'the server rejected our request due to an error in our request', {
            causes: [{ message: result.error }],
          }),
        ),
      }
    return { value: result.value }
  }
  if (!isRecord(body.value))
    return {
      response: failure(
        'BadRequest',
        'json: cannot unmarshal array into Go value of type map[string]interface {}',
      ),
    }
  return { value: applyMergePatch(document, body.value) }
}

// ---- scale ----------------------------------------------------------------------------------

/** autoscaling/v1 Scale of a Deployment, ReplicaSet, StatefulSet or ReplicationController. */
export function scaleOf(o: KubeObject): Obj {
  const spec = rec(o['spec'])
  const status = rec(o['status'])
  const selector =
    o.kind === 'ReplicationController'
      ? formatLabelSelector({ matchLabels: rec(spec['selector']) as Record<string, string> })
      : formatLabelSelector(spec['selector'] as LabelSelector | undefined)
  const replicas = typeof spec['replicas'] === 'number' ? spec['replicas'] : 0
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: o.metadata.name,
      namespace: o.metadata.namespace,
      uid: o.metadata.uid,
      resourceVersion: o.metadata.resourceVersion,
      creationTimestamp: o.metadata.creationTimestamp,
    },
    spec: replicas === 0 ? {} : { replicas },
    status: {
      replicas: typeof status['replicas'] === 'number' ? status['replicas'] : 0,
      ...(selector === '' || selector === '<none>' ? {} : { selector }),
    },
  }
}

export function scaleSubresource(
  cluster: KubeCluster,
  t: ResourceType,
  namespace: string,
  name: string,
  request: KubeApiRequest,
): KubeApiResponse {
  const current = cluster.api.get(t, namespace, name)
  if (!current.ok) return statusResponse(current.error)
  const scale = scaleOf(current.value)
  if (request.method === 'GET') return jsonResponse(200, scale)
  const options = writeOptions(request)
  if (!options.ok) return options.response
  let wanted: unknown
  if (request.method === 'PUT') {
    const body = decodeBody(request, t)
    if (!body.ok) return body.response
    wanted = body.value
  } else {
    const patched = patchDocument(scale, request, t)
    if ('response' in patched) return patched.response
    wanted = patched.value
  }
  const spec = rec(rec(wanted)['spec'])
  const replicas = spec['replicas'] ?? 0
  if (typeof replicas !== 'number' || !Number.isInteger(replicas))
    return failure(
      'BadRequest',
      `Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`,
    )
  if (replicas < 0)
    return statusResponse(
      apiError(
        'Invalid',
        `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`,
        {
          name,
          group: 'autoscaling',
          kind: 'Scale',
          causes: [
            {
              reason: 'FieldValueInvalid',
              message: `Invalid value: ${replicas}: must be greater than or equal to 0`,
              field: 'spec.replicas',
            },
          ],
        },
      ),
    )
  // A resourceVersion in the Scale is a precondition on the parent object.
  const rv = rec(rec(wanted)['metadata'])['resourceVersion']
  const next = cloneObject(current.value)
  next.metadata = {
    ...next.metadata,
    ...(typeof rv === 'string' && rv !== '' ? { resourceVersion: rv } : {}),
  }
  next['spec'] = { ...rec(next['spec']), replicas }
  const updated = cluster.api.update(t, next, options.value)
  if (!updated.ok) return statusResponse(updated.error)
  return jsonResponse(200, scaleOf(updated.value))
}

// ---- pods/binding, pods/eviction -------------------------------------------------------------

export function bindPod(
  cluster: KubeCluster,
  namespace: string,
  name: string,
  request: KubeApiRequest,
): KubeApiResponse {
  const body = decodeBody(request, PODS)
  if (!body.ok) return body.response
  const target = rec(rec(body.value)['target'])
  const node = target['name']
  if (typeof node !== 'string' || node === '')
    return failure('BadRequest', 'Binding.target.name: Required value')
  const bound = cluster.api.bind(namespace, name, node)
  if (!bound.ok) return statusResponse(bound.error)
  return jsonResponse(201, successStatus(201))
}

export function evictPod(
  cluster: KubeCluster,
  namespace: string,
  name: string,
  request: KubeApiRequest,
): KubeApiResponse {
  const body =
    request.body.trim() === '' ? { ok: true as const, value: {} } : decodeBody(request, PODS)
  if (!body.ok) return body.response
  const options = rec(rec(body.value)['deleteOptions'])
  const grace = options['gracePeriodSeconds']
  const dryRun = Array.isArray(options['dryRun']) && options['dryRun'].includes('All')
  const deleted = cluster.api.delete(PODS, namespace, name, {
    ...(typeof grace === 'number' ? { gracePeriodSeconds: grace } : {}),
    dryRun: dryRun || request.query['dryRun'] === 'All',
  })
  if (!deleted.ok) return statusResponse(deleted.error)
  return jsonResponse(201, successStatus(201))
}

// ---- pods/log -------------------------------------------------------------------------------

/** Go's RFC3339Nano: fractional seconds without trailing zeros. */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString()
  return iso.replace(/\.(\d{3})Z$/, (_m, frac: string) => {
    const trimmed = frac.replace(/0+$/, '')
    return trimmed === '' ? 'Z' : `.${trimmed}Z`
  })
}

const asLine = (e: LogEntry, timestamps: boolean): string => {
  const text = e.text.endsWith('\n') ? e.text : `${e.text}\n`
  return timestamps ? `${rfc3339Nano(e.time)} ${text}` : text
}

/** The container a log request means: the one named, or the pod's only one. */
function chooseContainer(pod: KubeObject, asked: string | undefined): string | KubeApiResponse {
  if (asked !== undefined && asked !== '') return asked
  const spec = rec(pod['spec'])
  const names = (list: unknown): string[] =>
    Array.isArray(list) ? list.map((c) => String(rec(c)['name'] ?? '')) : []
  const containers = names(spec['containers'])
  const init = names(spec['initContainers'])
  if (containers.length === 1 && containers[0] !== undefined) return containers[0]
  const initPart = init.length === 0 ? '' : ` or one of the init containers: [${init.join(' ')}]`
  return failure(
    'BadRequest',
    `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${containers.join(' ')}]${initPart}`,
  )
}

/** How often a followed log looks for new lines, in virtual time. */
const FOLLOW_POLL_MS = 250

export function podLogs(
  cluster: KubeCluster,
  namespace: string,
  name: string,
  request: KubeApiRequest,
): KubeApiResponse {
  const q = request.query
  const pod = cluster.api.get(PODS, namespace, name)
  if (!pod.ok) return statusResponse(pod.error)
  const container = chooseContainer(pod.value, q['container'])
  if (typeof container !== 'string') return container
  const previous = parseBool(q['previous']) === true
  const timestamps = parseBool(q['timestamps']) === true
  const follow = parseBool(q['follow']) === true
  const tail = parseIntParam(q['tailLines'])
  const sinceSeconds = parseIntParam(q['sinceSeconds'])
  const limitBytes = parseIntParam(q['limitBytes'])
  for (const [key, value] of [
    ['tailLines', tail],
    ['sinceSeconds', sinceSeconds],
    ['limitBytes', limitBytes],
  ] as const)
    if (value !== undefined && Number.isNaN(value))
      return failure('BadRequest', `invalid value for ${key}: ${q[key] ?? ''}`)
  const read = containerLogs(cluster, namespace, name, container, { previous })
  if (!read.ok) return statusResponse(read.error)
  const now = cluster.clock.now()
  const sinceTime = q['sinceTime'] === undefined ? NaN : Date.parse(q['sinceTime'])
  const from =
    sinceSeconds !== undefined
      ? now - sinceSeconds * 1000
      : Number.isNaN(sinceTime)
        ? -Infinity
        : sinceTime
  let entries = read.value.filter((e) => e.time >= from)
  if (tail !== undefined && tail >= 0) entries = entries.slice(Math.max(0, entries.length - tail))
  let text = entries.map((e) => asLine(e, timestamps)).join('')
  if (limitBytes !== undefined && limitBytes > 0) text = truncateBytes(text, limitBytes)
  if (!follow || previous)
    return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: text }
  return followLogs(
    cluster,
    namespace,
    name,
    container,
    pod.value.metadata.uid,
    read.value.length,
    text,
    timestamps,
    request,
  )
}

function truncateBytes(text: string, limit: number): string {
  const bytes = new TextEncoder().encode(text)
  if (bytes.length <= limit) return text
  return new TextDecoder().decode(bytes.slice(0, limit))
}

/** `logs -f`: what is there, then each new line, until the container stops or the client leaves. */
function followLogs(
  cluster: KubeCluster,
  namespace: string,
  name: string,
  container: string,
  uid: string | undefined,
  seen: number,
  initial: string,
  timestamps: boolean,
  request: KubeApiRequest,
): KubeApiResponse {
  const stream = new ChunkStream(request.signal)
  if (initial !== '') stream.push(initial)
  let count = seen
  let timer: ReturnType<typeof cluster.clock.setTimer> | undefined
  stream.onEnd(() => {
    if (timer !== undefined) cluster.clock.clearTimer(timer)
  })
  const poll = (): void => {
    timer = undefined
    if (stream.closed) return
    const pod = cluster.api.get(PODS, namespace, name)
    const read = containerLogs(cluster, namespace, name, container)
    if (!pod.ok || pod.value.metadata.uid !== uid || !read.ok) return stream.end()
    const fresh = read.value.slice(count)
    count = read.value.length
    for (const e of fresh) stream.push(asLine(e, timestamps))
    const statuses = rec(pod.value['status'])['containerStatuses']
    const state = Array.isArray(statuses)
      ? rec(rec(statuses.find((s) => rec(s)['name'] === container))['state'])
      : {}
    if (state['terminated'] !== undefined) return stream.end()
    timer = cluster.clock.setTimer(FOLLOW_POLL_MS, poll)
  }
  poll()
  return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: stream }
}
