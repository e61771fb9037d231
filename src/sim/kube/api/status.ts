/**
 * API server failures as `Status` objects (metav1.Status): kubectl prints them as
 * `Error from server (NotFound): pods "web" not found`, the HTTP facade sends them as JSON.
 */
import { QuaiError } from '../../core/errors'
import { qualifiedResource, type ResourceType } from './resources'

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'UnsupportedMediaType'
  | 'InternalError'

export interface StatusCause {
  reason?: string
  message: string
  field?: string
}

export interface ApiStatus {
  kind: 'Status'
  apiVersion: 'v1'
  metadata: Record<string, never>
  status: 'Failure'
  message: string
  reason: StatusReason
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[] }
  code: number
}

const CODES: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  UnsupportedMediaType: 415,
  InternalError: 500,
}

export class ApiError extends QuaiError<StatusReason, ApiStatus> {
  constructor(readonly status: ApiStatus) {
    super(status.reason, status.message, status)
  }
}

export function apiError(
  reason: StatusReason,
  message: string,
  details?: ApiStatus['details'],
): ApiError {
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details === undefined ? {} : { details }),
    code: CODES[reason],
  })
}

const detailsOf = (t: ResourceType, name: string): ApiStatus['details'] => ({
  name,
  ...(t.group === '' ? {} : { group: t.group }),
  kind: t.resource,
})

/** `pods "web" not found`, `deployments.apps "web" not found`. */
export const notFound = (t: ResourceType, name: string): ApiError =>
  apiError('NotFound', `${qualifiedResource(t)} "${name}" not found`, detailsOf(t, name))

export const alreadyExists = (t: ResourceType, name: string): ApiError =>
  apiError('AlreadyExists', `${qualifiedResource(t)} "${name}" already exists`, detailsOf(t, name))

/** An optimistic-concurrency failure: the object changed since the writer read it. */
export const conflict = (t: ResourceType, name: string): ApiError =>
  apiError(
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(t)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    detailsOf(t, name),
  )

/**
 * A validation failure: `Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be
 * greater than or equal to 0` (one cause), or the causes joined in brackets (several).
 */
export function invalid(t: ResourceType, name: string, causes: readonly StatusCause[]): ApiError {
  const kind = t.group === '' ? t.kind : `${t.kind}.${t.group}`
  const texts = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message))
  const body = texts.length === 1 ? (texts[0] ?? '') : `[${texts.join(', ')}]`
  return apiError('Invalid', `${kind} "${name}" is invalid: ${body}`, {
    ...detailsOf(t, name),
    kind: t.kind,
    causes: causes.map((c) => ({
      reason: c.reason ?? 'FieldValueInvalid',
      message: c.message,
      ...(c.field ? { field: c.field } : {}),
    })),
  })
}
