/**
 * One object's verbs over HTTP — GET, POST (create), PUT (update), PATCH by content type, DELETE
 * with DeleteOptions — and DELETE of a collection, each a call into the cluster's ApiServer
 * (which defaults, admits, validates and stores), answered with the object or the Status the real
 * API server sends, with its HTTP code.
 */
import { parse as parseYaml } from 'yaml'
import type { DeleteOptions, FieldValidation, PatchType, WriteOptions } from '../../kube/api-server'
import type { KubeCluster } from '../../kube/cluster'
import { cloneObject, type KubeObject } from '../../kube/api/object'
import { groupVersion, type ResourceType } from '../../kube/api/resources'
import { strictDecode } from '../../kube/api/schema/strict-decode'
import {
  failure,
  isRecord,
  jsonResponse,
  parseIntParam,
  statusResponse,
  successStatus,
  type KubeApiRequest,
  type KubeApiResponse,
} from './http'
import { typedList } from './list'
import { decodeKubeProtobuf, PROTOBUF_TYPE } from './protobuf'
import { parseIncludeObject, tableOf, wantsTable, withType } from './table'

type Decoded = { ok: true; value: unknown } | { ok: false; response: KubeApiResponse }

/** The body as JSON, or as YAML when the client says so (kubectl sends JSON; apply patches are YAML). */
export function decodeBody(request: KubeApiRequest, t: ResourceType): Decoded {
  const type = (request.headers['content-type'] ?? '').toLowerCase()
  if (type.startsWith(PROTOBUF_TYPE)) {
    const decoded = decodeKubeProtobuf(
      request.bodyBytes ?? new TextEncoder().encode(request.body),
      t,
    )
    if (decoded.ok) return decoded
    return { ok: false, response: failure('UnsupportedMediaType', decoded.message) }
  }
  const text = request.body
  if (text.trim() === '')
    return {
      ok: false,
      response: failure(
        'BadRequest',
        `${t.kind} in version "${t.version}" cannot be handled as a ${t.kind}: unexpected end of JSON input`,
      ),
    }
  try {
    return {
      ok: true,
      value: type.includes('yaml') ? (parseYaml(text) as unknown) : (JSON.parse(text) as unknown),
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    return {
      ok: false,
      response: failure(
        'BadRequest',
        `${t.kind} in version "${t.version}" cannot be handled as a ${t.kind}: ${why}`,
      ),
    }
  }
}

type Parsed<T> = { ok: true; value: T } | { ok: false; response: KubeApiResponse }

/** dryRun, fieldManager and fieldValidation from the query, checked as the API checks them. */
export function writeOptions(request: KubeApiRequest): Parsed<WriteOptions> {
  const q = request.query
  const dryRun = q['dryRun']
  if (dryRun !== undefined && dryRun !== '' && dryRun !== 'All')
    return {
      ok: false,
      response: failure(
        'BadRequest',
        `Invalid dryRun value: Unsupported value: "${dryRun}": supported values: "All"`,
      ),
    }
  const validation = q['fieldValidation']
  let fieldValidation: FieldValidation = 'Warn'
  if (validation !== undefined && validation !== '') {
    if (validation !== 'Strict' && validation !== 'Warn' && validation !== 'Ignore')
      return {
        ok: false,
        response: failure(
          'BadRequest',
          `Invalid fieldValidation value: Unsupported value: "${validation}": supported values: "Ignore", "Strict", "Warn"`,
        ),
      }
    fieldValidation = validation
  }
  return {
    ok: true,
    value: {
      dryRun: dryRun === 'All',
      fieldValidation,
      ...(q['fieldManager'] === undefined ? {} : { fieldManager: q['fieldManager'] }),
    },
  }
}

/** `Warning: unknown field "spec.foo"` lines (fieldValidation=Warn), as HTTP Warning headers. */
function unknownFieldWarnings(
  t: ResourceType,
  body: unknown,
  options: WriteOptions,
): Record<string, string> {
  if (options.fieldValidation !== 'Warn' || !isRecord(body)) return {}
  const typed = { ...body, apiVersion: groupVersion(t), kind: t.kind }
  const { unknownFields } = strictDecode(typed)
  if (unknownFields.length === 0) return {}
  return {
    Warning: unknownFields.map((f) => `299 - ${JSON.stringify(`unknown field "${f}"`)}`).join(', '),
  }
}

/** GET of one object: JSON, or a one-row Table for `kubectl get pod web`. */
export function getObject(
  cluster: KubeCluster,
  t: ResourceType,
  namespace: string,
  name: string,
  request: KubeApiRequest,
): KubeApiResponse {
  const found = cluster.api.get(t, namespace, name)
  if (!found.ok) return statusResponse(found.error)
  if (wantsTable(request.headers['accept'])) {
    const include = parseIncludeObject(request.query['includeObject']) ?? 'Metadata'
    return jsonResponse(
      200,
      tableOf(t, [found.value], cluster.clock.now(), include, {
        resourceVersion: found.value.metadata.resourceVersion ?? '',
      }),
    )
  }
  return jsonResponse(200, withType(t, found.value))
}

/** The URL's namespace wins when the body has none; a different one is the API's 400. */
function placeIn(
  t: ResourceType,
  o: KubeObject,
  namespace: string | undefined,
): string | undefined {
  if (!t.namespaced || namespace === undefined) return undefined
  const own = o.metadata.namespace
  if (own !== undefined && own !== '' && own !== namespace)
    return 'the namespace of the provided object does not match the namespace sent on the request'
  o.metadata.namespace = namespace
  return undefined
}

function asObject(t: ResourceType, body: unknown): KubeObject | undefined {
  if (!isRecord(body)) return undefined
  const o = cloneObject(body) as KubeObject
  if (!isRecord(o.metadata)) o.metadata = { name: '' }
  void t
  return o
}

export function createObject(
  cluster: KubeCluster,
  t: ResourceType,
  namespace: string | undefined,
  request: KubeApiRequest,
): KubeApiResponse {
  const options = writeOptions(request)
  if (!options.ok) return options.response
  const body = decodeBody(request, t)
  if (!body.ok) return body.response
  const o = asObject(t, body.value)
  if (o === undefined)
    return failure(
      'BadRequest',
      `${t.kind} in version "${t.version}" cannot be handled as a ${t.kind}: json: cannot unmarshal ${Array.isArray(body.value) ? 'array' : typeof body.value} into Go value of type struct`,
    )
  const misplaced = placeIn(t, o, namespace)
  if (misplaced !== undefined) return failure('BadRequest', misplaced)
  const created = cluster.api.create(t, o, options.value)
  if (!created.ok) return statusResponse(created.error)
  return jsonResponse(
    201,
    withType(t, created.value),
    unknownFieldWarnings(t, body.value, options.value),
  )
}

export function updateObject(
  cluster: KubeCluster,
  t: ResourceType,
  namespace: string | undefined,
  name: string,
  request: KubeApiRequest,
): KubeApiResponse {
  const options = writeOptions(request)
  if (!options.ok) return options.response
  const body = decodeBody(request, t)
  if (!body.ok) return body.response
  const o = asObject(t, body.value)
  if (o === undefined)
    return failure(
      'BadRequest',
      `${t.kind} in version "${t.version}" cannot be handled as a ${t.kind}: the body is not an object`,
    )
  if (o.metadata.name !== undefined && o.metadata.name !== '' && o.metadata.name !== name)
    return failure(
      'BadRequest',
      `the name of the object (${o.metadata.name}) does not match the name on the URL (${name})`,
    )
  o.metadata.name = name
  const misplaced = placeIn(t, o, namespace)
  if (misplaced !== undefined) return failure('BadRequest', misplaced)
  const updated = cluster.api.update(t, o, options.value)
  if (!updated.ok) return statusResponse(updated.error)
  return jsonResponse(
    200,
    withType(t, updated.value),
    unknownFieldWarnings(t, body.value, options.value),
  )
}

/** The patch type a Content-Type names. */
export function patchTypeOf(contentType: string | undefined): PatchType | undefined {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase()
  switch (media) {
    case 'application/json-patch+json':
      return 'json'
    case 'application/merge-patch+json':
      return 'merge'
    case 'application/strategic-merge-patch+json':
      return 'strategic'
    case 'application/apply-patch+yaml':
      return 'apply'
    default:
      return undefined
  }
}

export const UNSUPPORTED_PATCH =
  'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json'

export function patchObject(
  cluster: KubeCluster,
  t: ResourceType,
  namespace: string | undefined,
  name: string,
  request: KubeApiRequest,
): KubeApiResponse {
  const type = patchTypeOf(request.headers['content-type'])
  if (type === undefined) return failure('UnsupportedMediaType', UNSUPPORTED_PATCH)
  const options = writeOptions(request)
  if (!options.ok) return options.response
  if (type === 'apply' && (options.value.fieldManager ?? '') === '')
    return failure(
      'Invalid',
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      {
        group: 'meta.k8s.io',
        kind: 'PatchOptions',
        causes: [
          {
            reason: 'FieldValueRequired',
            message: 'Required value: is required for apply patch',
            field: 'fieldManager',
          },
        ],
      },
    )
  const body = decodeBody(
    type === 'apply'
      ? { ...request, headers: { ...request.headers, 'content-type': 'application/yaml' } }
      : request,
    t,
  )
  if (!body.ok) return body.response
  const existed = cluster.api.get(t, namespace ?? '', name).ok
  const force = request.query['force'] === 'true'
  const patched = cluster.api.patch(t, namespace ?? '', name, type, body.value, {
    ...options.value,
    ...(force ? { force } : {}),
  })
  if (!patched.ok) return statusResponse(patched.error)
  return jsonResponse(existed ? 200 : 201, withType(t, patched.value))
}

/** DeleteOptions from the body (kubectl sends one) and the query (which wins, as in the API). */
function deleteOptions(request: KubeApiRequest): Parsed<DeleteOptions> {
  let fromBody: Record<string, unknown> = {}
  const contentType = (request.headers['content-type'] ?? '').toLowerCase()
  if (contentType.startsWith(PROTOBUF_TYPE) && request.bodyBytes !== undefined) {
    const decoded = decodeKubeProtobuf(request.bodyBytes)
    if (!decoded.ok)
      return { ok: false, response: failure('UnsupportedMediaType', decoded.message) }
    fromBody = decoded.value
  } else if (request.body.trim() !== '') {
    try {
      const parsed = JSON.parse(request.body) as unknown
      if (isRecord(parsed)) fromBody = parsed
    } catch {
      return {
        ok: false,
        response: failure(
          'BadRequest',
          "couldn't get version/kind; json parse error: unexpected end of JSON input",
        ),
      }
    }
  }
  const q = request.query
  const grace = parseIntParam(q['gracePeriodSeconds'])
  if (grace !== undefined && Number.isNaN(grace))
    return {
      ok: false,
      response: failure(
        'BadRequest',
        `invalid value for gracePeriodSeconds: ${q['gracePeriodSeconds'] ?? ''}`,
      ),
    }
  const policy = q['propagationPolicy'] ?? fromBody['propagationPolicy']
  if (
    policy !== undefined &&
    policy !== 'Foreground' &&
    policy !== 'Background' &&
    policy !== 'Orphan'
  )
    return {
      ok: false,
      response: failure(
        'Invalid',
        `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${String(policy)}": supported values: "Foreground", "Background", "Orphan", "nil"`,
      ),
    }
  const bodyGrace = fromBody['gracePeriodSeconds']
  const dryRunList = Array.isArray(fromBody['dryRun']) ? fromBody['dryRun'] : []
  const dryRun = q['dryRun'] === 'All' || dryRunList.includes('All')
  const gracePeriodSeconds = grace ?? (typeof bodyGrace === 'number' ? bodyGrace : undefined)
  return {
    ok: true,
    value: {
      dryRun,
      ...(gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }),
      ...(policy === undefined ? {} : { propagationPolicy: policy }),
    },
  }
}

export function deleteObject(
  cluster: KubeCluster,
  t: ResourceType,
  namespace: string | undefined,
  name: string,
  request: KubeApiRequest,
): KubeApiResponse {
  const options = deleteOptions(request)
  if (!options.ok) return options.response
  const deleted = cluster.api.delete(t, namespace ?? '', name, options.value)
  if (!deleted.ok) return statusResponse(deleted.error)
  const o = deleted.value
  const remains = options.value.dryRun === true || cluster.api.get(t, namespace ?? '', name).ok
  // Still there (graceful deletion, finalizers): 202 and the object; gone: 200 and a Status.
  if (remains) return jsonResponse(options.value.dryRun === true ? 200 : 202, withType(t, o))
  return jsonResponse(
    200,
    successStatus(200, {
      name,
      ...(t.group === '' ? {} : { group: t.group }),
      kind: t.resource,
      uid: o.metadata.uid ?? '',
    }),
  )
}

export function deleteCollection(
  cluster: KubeCluster,
  t: ResourceType,
  namespace: string | undefined,
  request: KubeApiRequest,
): KubeApiResponse {
  const options = deleteOptions(request)
  if (!options.ok) return options.response
  const q = request.query
  const listed = cluster.api.list(t, {
    ...(namespace === undefined ? {} : { namespace }),
    ...(q['labelSelector'] === undefined ? {} : { labelSelector: q['labelSelector'] }),
    ...(q['fieldSelector'] === undefined ? {} : { fieldSelector: q['fieldSelector'] }),
  })
  if (!listed.ok) return statusResponse(listed.error)
  const deleted: KubeObject[] = []
  for (const o of listed.value.items) {
    const r = cluster.api.delete(t, o.metadata.namespace ?? '', o.metadata.name, options.value)
    if (r.ok) deleted.push(r.value)
  }
  return jsonResponse(
    200,
    typedList(t, deleted, { resourceVersion: cluster.store.resourceVersion }),
  )
}
