/**
 * GET of a collection: label and field selectors through the API server, then `limit`/`continue`
 * paging as the storage layer pages (a continue token names the key to start from; a token from
 * another resource or a garbled one is the API's 400), as a typed List or as a Table.
 */
import type { KubeCluster } from '../../kube/cluster'
import type { KubeObject } from '../../kube/api/object'
import { groupVersion, type ResourceType } from '../../kube/api/resources'
import { failure, jsonResponse, parseIntParam, statusResponse, type KubeApiResponse } from './http'
import type { KubeApiRequest } from './http'
import { parseIncludeObject, tableOf, wantsTable } from './table'

interface ContinueToken {
  rv: string
  start: string
}

// NUL sorts before every character a name may hold, so string order is (namespace, name) order.
const keyOf = (o: KubeObject): string => `${o.metadata.namespace ?? ''}\u0000${o.metadata.name}`

// The storage layer's token: base64 of {"v":"meta.k8s.io/v1","rv":…,"start":…}.
function encodeContinue(rv: string, start: string): string {
  const json = JSON.stringify({ v: 'meta.k8s.io/v1', rv: Number(rv), start })
  return base64(json)
}

function decodeContinue(token: string): ContinueToken | undefined {
  try {
    const parsed = JSON.parse(unbase64(token)) as { v?: unknown; rv?: unknown; start?: unknown }
    if (parsed.v !== 'meta.k8s.io/v1' || typeof parsed.start !== 'string') return undefined
    return { rv: String(parsed.rv), start: parsed.start }
  } catch {
    return undefined
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]]
    const n = (a << 16) | (b << 8) | c
    out += B64[(n >> 18) & 63] ?? ''
    out += B64[(n >> 12) & 63] ?? ''
    out += i + 1 < bytes.length ? (B64[(n >> 6) & 63] ?? '') : '='
    out += i + 2 < bytes.length ? (B64[n & 63] ?? '') : '='
  }
  return out
}

function unbase64(text: string): string {
  const clean = text.replace(/=+$/, '')
  const bytes: number[] = []
  let bits = 0
  let value = 0
  for (const ch of clean) {
    const d = B64.indexOf(ch)
    if (d < 0) throw new Error('not base64')
    value = (value << 6) | d
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((value >> bits) & 0xff)
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

/** The list as the typed List kind, items without their apiVersion/kind (as Go encodes them). */
export function typedList(
  t: ResourceType,
  items: readonly KubeObject[],
  metadata: Record<string, unknown>,
): Record<string, unknown> {
  return {
    kind: `${t.kind}List`,
    apiVersion: groupVersion(t),
    metadata,
    items: items.map((o) => {
      const { apiVersion, kind, ...rest } = o
      void apiVersion
      void kind
      return rest
    }),
  }
}

export function listObjects(
  cluster: KubeCluster,
  t: ResourceType,
  namespace: string | undefined,
  request: KubeApiRequest,
): KubeApiResponse {
  const q = request.query
  const listed = cluster.api.list(t, {
    ...(namespace === undefined ? {} : { namespace }),
    ...(q['labelSelector'] === undefined ? {} : { labelSelector: q['labelSelector'] }),
    ...(q['fieldSelector'] === undefined ? {} : { fieldSelector: q['fieldSelector'] }),
  })
  if (!listed.ok) return statusResponse(listed.error)
  let items = listed.value.items
  const rv = listed.value.resourceVersion
  const limit = parseIntParam(q['limit'])
  if (limit !== undefined && Number.isNaN(limit))
    return failure('BadRequest', `invalid value for limit: ${q['limit'] ?? ''}`)
  const token = q['continue']
  if (token !== undefined && token !== '') {
    const decoded = decodeContinue(token)
    if (decoded === undefined)
      return failure(
        'BadRequest',
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
      )
    items = items.filter((o) => keyOf(o) >= decoded.start)
  }
  const metadata: Record<string, unknown> = { resourceVersion: rv }
  if (limit !== undefined && limit > 0 && items.length > limit) {
    const next = items[limit]
    metadata['continue'] = next === undefined ? '' : encodeContinue(rv, keyOf(next))
    metadata['remainingItemCount'] = items.length - limit
    items = items.slice(0, limit)
  }
  if (wantsTable(request.headers['accept'])) {
    const include = parseIncludeObject(q['includeObject'])
    if (include === undefined)
      return failure(
        'BadRequest',
        `includeObject: Unsupported value: "${q['includeObject'] ?? ''}": supported values: "None", "Metadata", "Object"`,
      )
    return jsonResponse(200, tableOf(t, items, cluster.clock.now(), include, metadata))
  }
  return jsonResponse(200, typedList(t, items, metadata))
}
