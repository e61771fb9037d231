/**
 * The Kubernetes API of one simulated cluster, over HTTP: the real kubectl (1.32) talks to this
 * through a loopback host (src/cli/api-server.ts, `quai api --kube`) and prints what Quai's own
 * kubectl prints for the same state, since both read the same ApiServer and the same Table
 * printers. Pure: requests and responses are plain data, time is the cluster's virtual clock.
 *
 * Out of scope: exec, attach and port-forward need a WebSocket or SPDY connection upgrade; they
 * get the answer a server that cannot upgrade gives (400 Upgrade request required). OpenAPI v3
 * is served only as far as kubectl's validation needs (openapi.ts); OpenAPI v2 is not served.
 */
import type { KubeCluster } from '../../kube/cluster'
import { serverVersionInfo, serverVersionOf } from '../../kube/kubectl/version'
import {
  aggregatedDiscovery,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  wantedAggregation,
} from './discovery'
import {
  failure,
  jsonResponse,
  pageNotFound,
  parseBool,
  textResponse,
  type KubeApiRequest,
  type KubeApiResponse,
} from './http'
import { listObjects } from './list'
import {
  createObject,
  deleteCollection,
  deleteObject,
  getObject,
  patchObject,
  updateObject,
} from './objects'
import { openApiDocument, openApiIndex } from './openapi'
import { convertedRequest } from './converted'
import { parseResourcePath, type ResourcePath } from './paths'
import { conversionOf } from './served-types'
import { subresourceOf } from './subresources-table'
import { bindPod, evictPod, podLogs, scaleSubresource, statusSubresource } from './subresources'
import { watchObjects } from './watch'

export type { KubeApiRequest, KubeApiResponse } from './http'

const METHOD_NOT_ALLOWED = 'the server does not allow this method on the requested resource'

const notAllowed = (): KubeApiResponse => failure('MethodNotAllowed', METHOD_NOT_ALLOWED)

/** Answers one request against `cluster`. */
export function handleKubeApi(cluster: KubeCluster, request: KubeApiRequest): KubeApiResponse {
  const path = request.path.replace(/\/+$/, '') || '/'
  const accept = request.headers['accept']
  if (request.method === 'GET' || request.method === 'HEAD') {
    switch (path) {
      case '/version':
        return jsonResponse(200, serverVersionInfo(serverVersionOf(cluster)))
      case '/healthz':
      case '/livez':
      case '/readyz':
        return textResponse(200, 'ok')
      case '/api': {
        const aggregated = wantedAggregation(accept)
        return aggregated === undefined ? apiVersions() : aggregatedDiscovery(true, aggregated)
      }
      case '/apis': {
        const aggregated = wantedAggregation(accept)
        return aggregated === undefined ? apiGroupList() : aggregatedDiscovery(false, aggregated)
      }
    }
    const gv = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path)
    if (gv !== null) {
      const found =
        gv[1] !== undefined ? apiResourceList('', gv[1]) : apiResourceList(gv[2] ?? '', gv[3] ?? '')
      return found ?? pageNotFound()
    }
    if (path === '/openapi/v3') return openApiIndex()
    const openapi = /^\/openapi\/v3\/(.+)$/.exec(path)
    if (openapi !== null) return openApiDocument(openapi[1] ?? '') ?? pageNotFound()
    const group = /^\/apis\/([^/]+)$/.exec(path)
    if (group !== null) return apiGroup(group[1] ?? '') ?? pageNotFound()
  }
  const target = parseResourcePath(path)
  if (target === undefined) return pageNotFound()
  const conversion = conversionOf(target.type)
  if (conversion !== undefined)
    return convertedRequest(cluster, conversion, target, request, (t, r) =>
      resourceRequest(cluster, t, r),
    )
  return resourceRequest(cluster, target, request)
}

function resourceRequest(
  cluster: KubeCluster,
  target: ResourcePath,
  request: KubeApiRequest,
): KubeApiResponse {
  const { type: t, namespace, name, subresource } = target
  // A namespaced object is only reachable under its namespace.
  if (name !== undefined && t.namespaced && namespace === undefined) return pageNotFound()
  const ns = namespace ?? ''
  if (name === undefined) {
    switch (request.method) {
      case 'GET':
        return parseBool(request.query['watch']) === true
          ? watchObjects(cluster, t, namespace, request)
          : listObjects(cluster, t, namespace, request)
      case 'POST':
        if (t.namespaced && namespace === undefined) return notAllowed()
        return createObject(cluster, t, namespace, request)
      case 'DELETE':
        if (t.namespaced && namespace === undefined) return notAllowed()
        return deleteCollection(cluster, t, namespace, request)
      default:
        return notAllowed()
    }
  }
  if (subresource === undefined) {
    switch (request.method) {
      case 'GET':
        if (parseBool(request.query['watch']) === true)
          return watchObjects(cluster, t, namespace, request, name)
        return getObject(cluster, t, ns, name, request)
      case 'PUT':
        return updateObject(cluster, t, namespace, name, request)
      case 'PATCH':
        return patchObject(cluster, t, namespace, name, request)
      case 'DELETE':
        return deleteObject(cluster, t, namespace, name, request)
      default:
        return notAllowed()
    }
  }
  const spec = subresourceOf(t, subresource)
  if (spec === undefined) return pageNotFound()
  const verb =
    request.method === 'GET'
      ? 'get'
      : request.method === 'PUT'
        ? 'update'
        : request.method === 'PATCH'
          ? 'patch'
          : request.method === 'POST'
            ? 'create'
            : ''
  if (!spec.verbs.includes(verb)) return notAllowed()
  switch (subresource) {
    case 'status':
      return statusSubresource(cluster, t, ns, name, request)
    case 'scale':
      return scaleSubresource(cluster, t, ns, name, request)
    case 'log':
      return podLogs(cluster, ns, name, request)
    case 'binding':
      return bindPod(cluster, ns, name, request)
    case 'eviction':
      return evictPod(cluster, ns, name, request)
    case 'exec':
    case 'attach':
    case 'portforward':
      return failure('BadRequest', 'Upgrade request required')
    default:
      return notAllowed()
  }
}
