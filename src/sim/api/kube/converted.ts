/**
 * Requests to a version served beside the stored one (autoscaling/v1 HorizontalPodAutoscalers):
 * bodies are converted to the stored version on the way in, objects back on the way out — single
 * objects, Lists, Table rows carrying whole objects, watch events — while the request itself is
 * answered by the ordinary handlers on the stored type, as kube-apiserver converts around one
 * storage. A patch applies to the object as this version shows it, then goes back as an update.
 */
import type { KubeCluster } from '../../kube/cluster'
import type { KubeObject } from '../../kube/api/object'
import type { ConvertedVersion } from '../../kube/api/conversion/autoscaling-v1'
import { groupVersion } from '../../kube/api/resources'
import { applyJsonPatch } from '../../kube/api/patch/json-patch'
import { applyMergePatch } from '../../kube/api/patch/merge-patch'
import { applyStrategicMerge } from '../../kube/api/patch/strategic-merge'
import {
  schemaTypeOf,
  strictDecode,
  strictDecodingMessage,
} from '../../kube/api/schema/strict-decode'
import {
  failure,
  isRecord,
  statusResponse,
  type BodyChunk,
  type KubeApiRequest,
  type KubeApiResponse,
} from './http'
import { decodeBody, patchTypeOf, UNSUPPORTED_PATCH, writeOptions } from './objects'
import type { ResourcePath } from './paths'

type Obj = Record<string, unknown>

/** Answers `request` for the stored type: the ordinary handler. */
export type StoredHandler = (target: ResourcePath, request: KubeApiRequest) => KubeApiResponse

export function convertedRequest(
  cluster: KubeCluster,
  version: ConvertedVersion,
  target: ResourcePath,
  request: KubeApiRequest,
  stored: StoredHandler,
): KubeApiResponse {
  const inner: ResourcePath = { ...target, type: version.stored }
  const wantsBody =
    (request.method === 'POST' || request.method === 'PUT') &&
    (target.subresource === undefined || target.subresource === 'status')
  let response: KubeApiResponse
  if (wantsBody) {
    const converted = convertBody(version, request)
    if (!converted.ok) return converted.response
    response = stored(inner, converted.request)
    response.headers = { ...converted.warnings, ...response.headers }
  } else if (request.method === 'PATCH' && target.name !== undefined)
    response = patchConverted(cluster, version, inner, request, stored)
  else response = stored(inner, request)
  return convertResponse(version, response)
}

type Converted =
  | { ok: true; request: KubeApiRequest; warnings: Record<string, string> }
  | { ok: false; response: KubeApiResponse }

/** A body in this version, checked against this version's schema, as a JSON body in the stored one. */
function convertBody(version: ConvertedVersion, request: KubeApiRequest): Converted {
  const { type: t } = version
  const options = writeOptions(request)
  if (!options.ok) return { ok: false, response: options.response }
  const body = decodeBody(request, t)
  if (!body.ok) return body
  if (!isRecord(body.value)) return { ok: true, request, warnings: {} }
  // A body in the stored version itself goes through unchanged (the server decodes any version).
  if (body.value['apiVersion'] === groupVersion(version.stored))
    return { ok: true, request: asJson(request, body.value), warnings: {} }
  const typed = { ...body.value, apiVersion: groupVersion(t), kind: t.kind }
  const problem = strictDecode(typed)
  if (problem.typeError !== undefined)
    return {
      ok: false,
      response: failure(
        'BadRequest',
        `${t.kind} in version "${t.version}" cannot be handled as a ${t.kind}: ${problem.typeError}`,
      ),
    }
  let warnings: Record<string, string> = {}
  if (problem.unknownFields.length > 0) {
    if (options.value.fieldValidation === 'Strict')
      return {
        ok: false,
        response: failure(
          'BadRequest',
          `${t.kind} in version "${t.version}" cannot be handled as a ${t.kind}: ${strictDecodingMessage(problem.unknownFields)}`,
        ),
      }
    if (options.value.fieldValidation === 'Warn')
      warnings = {
        Warning: problem.unknownFields
          .map((f) => `299 - ${JSON.stringify(`unknown field "${f}"`)}`)
          .join(', '),
      }
  }
  const kind = body.value['kind']
  if (kind !== undefined && kind !== t.kind)
    return {
      ok: false,
      response: failure(
        'BadRequest',
        `the API version in the data (${String(body.value['apiVersion'])}) does not match the expected API version (${groupVersion(t)})`,
      ),
    }
  return { ok: true, request: asJson(request, version.toStored(body.value)), warnings }
}

function asJson(request: KubeApiRequest, value: unknown): KubeApiRequest {
  const { bodyBytes, ...rest } = request
  void bodyBytes
  return {
    ...rest,
    headers: { ...request.headers, 'content-type': 'application/json' },
    body: JSON.stringify(value),
  }
}

/** PATCH: applied to the object as this version shows it, written back as an update. */
function patchConverted(
  cluster: KubeCluster,
  version: ConvertedVersion,
  inner: ResourcePath,
  request: KubeApiRequest,
  stored: StoredHandler,
): KubeApiResponse {
  const type = patchTypeOf(request.headers['content-type'])
  if (type === undefined) return failure('UnsupportedMediaType', UNSUPPORTED_PATCH)
  const body = decodeBody(
    type === 'apply'
      ? { ...request, headers: { ...request.headers, 'content-type': 'application/yaml' } }
      : request,
    version.type,
  )
  if (!body.ok) return body.response
  if (type === 'apply') {
    // Server-side apply merges the configuration's fields: only those it names, no defaults.
    const config = isRecord(body.value)
      ? version.toStored(body.value, { defaultMetrics: false })
      : body.value
    return stored(inner, {
      ...asJson(request, config),
      headers: { ...request.headers, 'content-type': 'application/apply-patch+yaml' },
    })
  }
  const name = inner.name ?? ''
  const current = cluster.api.get(version.stored, inner.namespace ?? '', name)
  if (!current.ok) return statusResponse(current.error)
  const shown = version.fromStored(current.value)
  let patched: unknown
  if (type === 'json') {
    const result = applyJsonPatch(shown, body.value)
    if (!result.ok)
      return failure('Invalid', 'the server rejected our request due to an error in our request', {
        causes: [{ message: result.error }],
      })
    patched = result.value
  } else {
    if (!isRecord(body.value))
      return failure(
        'BadRequest',
        'json: cannot unmarshal array into Go value of type map[string]interface {}',
      )
    patched =
      type === 'merge'
        ? applyMergePatch(shown, body.value)
        : applyStrategicMerge(
            shown,
            body.value,
            schemaTypeOf(groupVersion(version.type), version.type.kind),
          )
  }
  if (!isRecord(patched)) return failure('BadRequest', 'the patched object is not an object')
  const asked = isRecord(body.value) && isRecord(body.value['metadata'])
  const meta = isRecord(patched['metadata']) ? patched['metadata'] : {}
  // A patch updates what is stored now: no optimistic-lock failure unless it asked for one.
  const lock =
    asked && (body.value as { metadata: Obj }).metadata['resourceVersion'] !== undefined
      ? {}
      : { resourceVersion: current.value.metadata.resourceVersion }
  const next = version.toStored({ ...patched, metadata: { ...meta, ...lock } })
  if (inner.subresource === 'status') {
    // The status subresource keeps the stored spec: only status changes through it.
    next['spec'] = current.value['spec']
  }
  return stored(inner, { ...asJson(request, next), method: 'PUT' })
}

/** The stored-version objects of a response, as this version shows them. */
function convertResponse(version: ConvertedVersion, response: KubeApiResponse): KubeApiResponse {
  if (typeof response.body === 'string') {
    const text = response.body
    let value: unknown
    try {
      value = JSON.parse(text) as unknown
    } catch {
      return response
    }
    const converted = convertValue(version, value)
    return converted === value ? response : { ...response, body: `${JSON.stringify(converted)}\n` }
  }
  return { ...response, body: convertStream(version, response.body) }
}

async function* convertStream(
  version: ConvertedVersion,
  chunks: AsyncIterable<BodyChunk>,
): AsyncIterable<BodyChunk> {
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk)
    const lines = text.split('\n')
    yield lines
      .map((line) => {
        if (line.trim() === '') return line
        try {
          const event = JSON.parse(line) as unknown
          if (!isRecord(event)) return line
          return JSON.stringify({ ...event, object: convertValue(version, event['object']) })
        } catch {
          return line
        }
      })
      .join('\n')
  }
}

const isStoredObject = (version: ConvertedVersion, v: unknown): v is KubeObject =>
  isRecord(v) &&
  v['kind'] === version.stored.kind &&
  v['apiVersion'] === groupVersion(version.stored)

/** An object, a List or a Table of the stored version, converted; anything else as it is. */
function convertValue(version: ConvertedVersion, value: unknown): unknown {
  if (!isRecord(value)) return value
  if (isStoredObject(version, value)) return version.fromStored(value)
  if (value['kind'] === `${version.stored.kind}List` && Array.isArray(value['items']))
    return {
      ...value,
      apiVersion: groupVersion(version.type),
      items: value['items'].map((item: unknown) => {
        if (!isRecord(item)) return item
        const typed = {
          ...item,
          apiVersion: groupVersion(version.stored),
          kind: version.stored.kind,
        } as KubeObject
        const { apiVersion, kind, ...rest } = version.fromStored(typed)
        void apiVersion
        void kind
        return rest
      }),
    }
  if (value['kind'] === 'Table' && Array.isArray(value['rows']))
    return {
      ...value,
      rows: value['rows'].map((row: unknown) =>
        isRecord(row) && isStoredObject(version, row['object'])
          ? { ...row, object: version.fromStored(row['object']) }
          : row,
      ),
    }
  return value
}
