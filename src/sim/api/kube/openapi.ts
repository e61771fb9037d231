/**
 * OpenAPI v3, as far as kubectl needs it: `kubectl apply|create|replace` (validation Strict by
 * default) look up each type's PATCH operation in /openapi/v3/<group-version> and, finding the
 * `fieldValidation` query parameter, leave unknown-field checks to the server — which decodes
 * strictly, with the API's own messages. Without these documents kubectl refuses to send
 * ("failed to download openapi"). Schemas are not served, so `kubectl explain` cannot work.
 */
import { SERVED_TYPES } from './served-types'
import { jsonResponse, type KubeApiResponse } from './http'

/** `api/v1`, `apis/apps/v1`: the keys of the /openapi/v3 index. */
function served(): string[] {
  const out: string[] = []
  for (const t of SERVED_TYPES) {
    const key = t.group === '' ? `api/${t.version}` : `apis/${t.group}/${t.version}`
    if (!out.includes(key)) out.push(key)
  }
  return out
}

/** A stable stand-in for the document hash kube-apiserver puts in each URL (caches key on it). */
function hashOf(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h.toString(16).toUpperCase().padStart(8, '0').repeat(16)
}

export function openApiIndex(): KubeApiResponse {
  const paths: Record<string, { serverRelativeURL: string }> = {}
  for (const key of served())
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hashOf(key)}` }
  return jsonResponse(200, { paths })
}

/** /openapi/v3/<key>: each type's object path with its PATCH operation, or undefined. */
export function openApiDocument(key: string): KubeApiResponse | undefined {
  if (!served().includes(key)) return undefined
  const paths: Record<string, unknown> = {}
  for (const t of SERVED_TYPES) {
    const own = t.group === '' ? `api/${t.version}` : `apis/${t.group}/${t.version}`
    if (own !== key) continue
    const scope = t.namespaced ? '/namespaces/{namespace}' : ''
    paths[`/${key}${scope}/${t.resource}/{name}`] = {
      patch: {
        description: `partially update the specified ${t.kind}`,
        operationId: `patch${t.kind}`,
        parameters: [
          { name: 'dryRun', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'force', in: 'query', schema: { type: 'boolean', uniqueItems: true } },
        ],
        responses: { '200': { description: 'OK' } },
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group: t.group, version: t.version, kind: t.kind },
      },
    }
  }
  return jsonResponse(200, {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths,
  })
}
