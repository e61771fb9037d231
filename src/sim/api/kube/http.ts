/**
 * The request and response shapes of the Kubernetes API facade: plain data, so the handler stays
 * pure (src/cli/api-server.ts turns Node's HTTP objects into these and back). The response is
 * shaped like the Docker facade's, so one host writes both.
 */
import { apiError, type ApiError, type ApiStatus, type StatusReason } from '../../kube/api/status'

export interface KubeApiRequest {
  method: string
  /** The path without the query string: `/api/v1/namespaces/default/pods`. */
  path: string
  /** Decoded query parameters; the first value of a repeated name (Go's url.Values.Get). */
  query: Readonly<Record<string, string>>
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>
  /** The request body as text (JSON or YAML); '' when there is none. */
  body: string
  /** The same body as bytes, for protobuf (kubectl's typed clients send it). */
  bodyBytes?: Uint8Array
  /** Aborted when the client goes away: a watch or a followed log ends. */
  signal?: AbortSignal
}

export type BodyChunk = string | Uint8Array

/** The whole body at once, or (watch, `logs -f`) chunks as they happen. */
export interface KubeApiResponse {
  status: number
  headers: Record<string, string>
  body: string | AsyncIterable<BodyChunk>
}

export const JSON_TYPE = 'application/json'

/** kube-apiserver writes JSON through json.Encoder: the value, then a newline. */
export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): KubeApiResponse {
  return {
    status,
    headers: { 'Content-Type': JSON_TYPE, ...headers },
    body: `${JSON.stringify(value)}\n`,
  }
}

export function textResponse(status: number, text: string): KubeApiResponse {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: text }
}

/** A failure as the API sends it: the metav1.Status JSON with its code as the HTTP status. */
export function statusResponse(error: ApiError): KubeApiResponse {
  return jsonResponse(error.status.code, error.status)
}

export function failure(
  reason: StatusReason,
  message: string,
  details?: ApiStatus['details'],
): KubeApiResponse {
  return statusResponse(apiError(reason, message, details))
}

/** What the mux answers for a path nothing serves (`kubectl get --raw /nope`). */
export function pageNotFound(): KubeApiResponse {
  return jsonResponse(404, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server could not find the requested resource',
    reason: 'NotFound',
    details: {},
    code: 404,
  })
}

/** metav1.Status with status Success, as DELETE of a collection-less object and subresource POSTs answer. */
export function successStatus(
  code: number,
  details?: Record<string, unknown>,
): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    ...(details === undefined ? {} : { details }),
    ...(code === 200 ? {} : { code }),
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** strconv.ParseBool, as the API's query decoders use it. */
export function parseBool(text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false
  return undefined
}

/** An integer query parameter; `undefined` when absent, NaN when it does not parse. */
export function parseIntParam(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined
  return /^[+-]?\d+$/.test(text) ? Number(text) : NaN
}
