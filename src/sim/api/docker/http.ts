import type { DaemonError } from '../../docker/engine/errors'
import { wireJsonLine } from './wire-json'

/** One HTTP request to the Engine API, as the host parsed it (no Node types: src/sim is pure). */
export interface DockerApiRequest {
  method: string
  /** The path without the query string: `/v1.50/containers/json`. */
  path: string
  /** Decoded query parameters (the last value of a repeated name wins, as Go's Form.Get). */
  query: Readonly<Record<string, string>>
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>
  /** The request body as text (JSON for the endpoints served here); '' when there is none. */
  body: string
  /** Aborted when the client goes away: a response still waiting (wait) gives up. */
  signal?: AbortSignal
}

export type BodyChunk = string | Uint8Array

/**
 * The answer. `body` is the whole text; or, for the daemon's streams (pull progress,
 * multiplexed logs, events), the chunks in the order the daemon writes them; or chunks still to
 * come (`wait`: the status line goes out at once, the body when the container stops). A host
 * that loses its client aborts the request's signal, which ends such a stream.
 */
export interface DockerApiResponse {
  status: number
  headers: Record<string, string>
  body: string | BodyChunk[] | AsyncIterable<BodyChunk>
}

export const JSON_TYPE = 'application/json'

export function jsonResponse(status: number, value: unknown): DockerApiResponse {
  return { status, headers: { 'Content-Type': JSON_TYPE }, body: wireJsonLine(value) }
}

export function emptyResponse(status: number): DockerApiResponse {
  return { status, headers: {}, body: '' }
}

/** httputils.MakeErrorHandler: `{"message": …}` with the status the error kind maps to. */
export function errorResponse(status: number, message: string): DockerApiResponse {
  return jsonResponse(status, { message })
}

export function daemonErrorResponse(error: DaemonError): DockerApiResponse {
  return errorResponse(error.status, error.message)
}

/** httputils.BoolValue: anything but '', '0', 'no', 'false' and 'none' is true. */
export function queryBool(query: DockerApiRequest['query'], name: string): boolean {
  const value = (query[name] ?? '').trim().toLowerCase()
  return !(value === '' || value === '0' || value === 'no' || value === 'false' || value === 'none')
}

/** httputils.Int64ValueOrDefault: the integer, or `fallback` when absent or empty. */
export function queryInt(
  query: DockerApiRequest['query'],
  name: string,
  fallback: number,
): { ok: true; value: number } | { ok: false; message: string } {
  const raw = query[name]
  if (raw === undefined || raw === '') return { ok: true, value: fallback }
  if (!/^[+-]?\d+$/.test(raw))
    return {
      ok: false,
      message: `strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`,
    }
  return { ok: true, value: Number(raw) }
}

/** Parses a JSON request body; a bad one is the daemon's 400 with the decoder's words. */
export function parseBody(
  request: DockerApiRequest,
): { ok: true; value: unknown } | { ok: false; response: DockerApiResponse } {
  if (request.body.trim() === '')
    return { ok: false, response: errorResponse(400, 'bad parameter: body cannot be empty') }
  try {
    return { ok: true, value: JSON.parse(request.body) as unknown }
  } catch {
    return { ok: false, response: errorResponse(400, 'invalid JSON: unexpected end of JSON input') }
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
