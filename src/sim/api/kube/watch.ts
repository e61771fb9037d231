/**
 * `?watch=true`: one JSON line per change, `{"type":"ADDED","object":{…}}`, until the client
 * leaves or `timeoutSeconds` pass on the cluster's clock. A watch without a resourceVersion (or
 * "0") starts with a synthetic ADDED for each object already there, as the watch cache does; one
 * from a list's resourceVersion gets only what changes next. With a Table Accept header each
 * event carries a one-row Table (kubectl get -w).
 */
import type { KubeCluster } from '../../kube/cluster'
import type { KubeObject } from '../../kube/api/object'
import type { ResourceType } from '../../kube/api/resources'
import {
  failure,
  JSON_TYPE,
  parseIntParam,
  statusResponse,
  type KubeApiRequest,
  type KubeApiResponse,
} from './http'
import { ChunkStream } from './stream'
import { parseIncludeObject, tableOf, wantsTable, withType } from './table'

export function watchObjects(
  cluster: KubeCluster,
  t: ResourceType,
  namespace: string | undefined,
  request: KubeApiRequest,
  /** A watch of one object: GET …/pods?watch=true&fieldSelector=metadata.name=web, or the old …/watch/… form. */
  name?: string,
): KubeApiResponse {
  const q = request.query
  const timeout = parseIntParam(q['timeoutSeconds'])
  if (timeout !== undefined && Number.isNaN(timeout))
    return failure('BadRequest', `invalid value for timeoutSeconds: ${q['timeoutSeconds'] ?? ''}`)
  const asTable = wantsTable(request.headers['accept'])
  const include = parseIncludeObject(q['includeObject']) ?? 'Metadata'
  const nameSelector = name === undefined ? undefined : `metadata.name=${name}`
  const fieldSelector =
    [q['fieldSelector'], nameSelector].filter((s) => s !== undefined && s !== '').join(',') ||
    undefined
  const options = {
    ...(namespace === undefined ? {} : { namespace }),
    ...(q['labelSelector'] === undefined ? {} : { labelSelector: q['labelSelector'] }),
    ...(fieldSelector === undefined ? {} : { fieldSelector }),
  }
  const stream = new ChunkStream(request.signal)
  const send = (type: string, o: KubeObject): void => {
    const object = asTable
      ? tableOf(t, [o], cluster.clock.now(), include, {
          resourceVersion: o.metadata.resourceVersion ?? '',
        })
      : withType(t, o)
    stream.push(`${JSON.stringify({ type, object })}\n`)
  }
  const rv = q['resourceVersion']
  if (rv === undefined || rv === '' || rv === '0') {
    const listed = cluster.api.list(t, options)
    if (!listed.ok) return statusResponse(listed.error)
    for (const o of listed.value.items) send('ADDED', o)
  }
  const watched = cluster.api.watch(t, options, (event) => send(event.type, event.object))
  if (!watched.ok) {
    stream.end()
    return statusResponse(watched.error)
  }
  stream.onEnd(watched.value)
  if (timeout !== undefined && timeout > 0) {
    const timer = cluster.clock.setTimer(timeout * 1000, () => stream.end())
    stream.onEnd(() => cluster.clock.clearTimer(timer))
  }
  return {
    status: 200,
    headers: { 'Content-Type': JSON_TYPE },
    body: stream,
  }
}
