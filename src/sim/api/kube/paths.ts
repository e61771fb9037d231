/**
 * Resource paths as kube-apiserver's installer lays them out:
 *   /api/v1/<resource>[/<name>[/<subresource>]]                      (cluster-scoped, or all namespaces)
 *   /api/v1/namespaces/<ns>/<resource>[/<name>[/<subresource>]]     (namespaced)
 *   /apis/<group>/<version>/… the same
 * `/api/v1/namespaces/<name>[/status|/finalize]` is the Namespace object itself.
 */
import type { ResourceType } from '../../kube/api/resources'
import { SERVED_TYPES } from './served-types'

export interface ResourcePath {
  readonly type: ResourceType
  /** undefined: every namespace (a list or watch of a namespaced type), or cluster-scoped. */
  readonly namespace: string | undefined
  readonly name: string | undefined
  readonly subresource: string | undefined
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function typeIn(group: string, version: string, resource: string): ResourceType | undefined {
  return SERVED_TYPES.find(
    (t) => t.group === group && t.version === version && t.resource === resource,
  )
}

/** The resource a path addresses, or undefined when it names none (the mux's 404). */
export function parseResourcePath(path: string): ResourcePath | undefined {
  const segments = path
    .split('/')
    .filter((s) => s !== '')
    .map(decode)
  let group: string
  let version: string
  let rest: string[]
  if (segments[0] === 'api' && segments.length >= 3) {
    group = ''
    version = segments[1] ?? ''
    rest = segments.slice(2)
  } else if (segments[0] === 'apis' && segments.length >= 4) {
    group = segments[1] ?? ''
    version = segments[2] ?? ''
    rest = segments.slice(3)
  } else return undefined
  if (rest.length > 3 && rest[0] === 'namespaces') {
    const t = typeIn(group, version, rest[2] ?? '')
    if (t === undefined || !t.namespaced || rest.length > 5) return undefined
    return { type: t, namespace: rest[1], name: rest[3], subresource: rest[4] }
  }
  if (rest.length === 3 && rest[0] === 'namespaces') {
    // namespaces/<ns>/<resource> (a namespaced collection) or namespaces/<name>/<subresource>.
    const t = typeIn(group, version, rest[2] ?? '')
    if (t !== undefined && t.namespaced)
      return { type: t, namespace: rest[1], name: undefined, subresource: undefined }
  }
  const t = typeIn(group, version, rest[0] ?? '')
  if (t === undefined || rest.length > 3) return undefined
  return { type: t, namespace: undefined, name: rest[1], subresource: rest[2] }
}
