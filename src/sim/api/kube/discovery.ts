/**
 * Discovery, as kube-apiserver answers it: /version, the legacy documents (/api APIVersions,
 * /apis APIGroupList, /api/v1 and /apis/<group>/<version> APIResourceList) and the aggregated
 * ones kubectl asks for first (apidiscovery.k8s.io v2 and v2beta1 APIGroupDiscoveryList, chosen
 * by the Accept header). All of it comes from the one SERVED_TYPES table, so the real kubectl
 * resolves `deploy`, `po`, `all` exactly as Quai's own kubectl does.
 */
import { groupVersion, type ResourceType } from '../../kube/api/resources'
import { SERVED_TYPES } from './served-types'
import { jsonResponse, type KubeApiResponse } from './http'
import { subresourcesOf } from './subresources-table'

/** What minikube's docker driver advertises as the API server's address. */
export const ADVERTISED_ADDRESS = '192.168.49.2:8443'

interface GroupVersions {
  group: string
  versions: string[]
}

/** The named groups in the order SERVED_TYPES lists them (core excluded), stored version first. */
export function servedGroups(): GroupVersions[] {
  const groups: GroupVersions[] = []
  for (const t of SERVED_TYPES) {
    if (t.group === '') continue
    let g = groups.find((x) => x.group === t.group)
    if (g === undefined) {
      g = { group: t.group, versions: [] }
      groups.push(g)
    }
    if (!g.versions.includes(t.version)) g.versions.push(t.version)
  }
  return groups
}

export const typesIn = (group: string, version: string): ResourceType[] =>
  SERVED_TYPES.filter((t) => t.group === group && t.version === version)

export function apiVersions(): KubeApiResponse {
  return jsonResponse(200, {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: ADVERTISED_ADDRESS }],
  })
}

const versionRef = (group: string, version: string): Record<string, string> => ({
  groupVersion: groupVersion({ group, version }),
  version,
})

export function apiGroupList(): KubeApiResponse {
  return jsonResponse(200, {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: servedGroups().map((g) => ({
      name: g.group,
      versions: g.versions.map((v) => versionRef(g.group, v)),
      preferredVersion: versionRef(g.group, g.versions[0] ?? 'v1'),
    })),
  })
}

/** /apis/<group>: the APIGroup, or undefined for a group nothing serves. */
export function apiGroup(group: string): KubeApiResponse | undefined {
  const g = servedGroups().find((x) => x.group === group)
  if (g === undefined) return undefined
  return jsonResponse(200, {
    kind: 'APIGroup',
    apiVersion: 'v1',
    name: g.group,
    versions: g.versions.map((v) => versionRef(g.group, v)),
    preferredVersion: versionRef(g.group, g.versions[0] ?? 'v1'),
  })
}

/** /api/v1, /apis/apps/v1: the APIResourceList, or undefined when that group/version is not served. */
export function apiResourceList(group: string, version: string): KubeApiResponse | undefined {
  const types = typesIn(group, version)
  if (types.length === 0) return undefined
  const resources: Record<string, unknown>[] = []
  for (const t of types) {
    resources.push({
      name: t.resource,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
      ...(t.shortNames.length === 0 ? {} : { shortNames: t.shortNames }),
      ...(t.categories.length === 0 ? {} : { categories: t.categories }),
    })
    for (const s of subresourcesOf(t))
      resources.push({
        name: `${t.resource}/${s.name}`,
        singularName: '',
        namespaced: t.namespaced,
        ...(s.group === t.group ? {} : { group: s.group }),
        ...(s.version === t.version && s.group === t.group ? {} : { version: s.version }),
        kind: s.kind,
        verbs: s.verbs,
      })
  }
  return jsonResponse(200, {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion({ group, version }),
    resources,
  })
}

/** apidiscovery.k8s.io APIResourceDiscovery for one type. */
function resourceDiscovery(t: ResourceType): Record<string, unknown> {
  const subresources = subresourcesOf(t).map((s) => ({
    subresource: s.name,
    responseKind: { group: s.group, version: s.version, kind: s.kind },
    verbs: s.verbs,
  }))
  return {
    resource: t.resource,
    responseKind: { group: t.group, version: t.version, kind: t.kind },
    scope: t.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: t.singular,
    verbs: t.verbs,
    ...(t.shortNames.length === 0 ? {} : { shortNames: t.shortNames }),
    ...(t.categories.length === 0 ? {} : { categories: t.categories }),
    ...(subresources.length === 0 ? {} : { subresources }),
  }
}

function groupDiscovery(group: string, versions: readonly string[]): Record<string, unknown> {
  return {
    metadata: group === '' ? { creationTimestamp: null } : { name: group, creationTimestamp: null },
    versions: versions.map((version) => ({
      version,
      resources: typesIn(group, version).map(resourceDiscovery),
      freshness: 'Current',
    })),
  }
}

/** The aggregated document kubectl prefers, for /api (`legacy`) or /apis. */
export function aggregatedDiscovery(
  legacy: boolean,
  apiVersion: 'v2' | 'v2beta1',
): KubeApiResponse {
  const items = legacy
    ? [groupDiscovery('', ['v1'])]
    : servedGroups().map((g) => groupDiscovery(g.group, g.versions))
  const response = jsonResponse(200, {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${apiVersion}`,
    metadata: {},
    items,
  })
  // client-go tells the aggregated document from the legacy one by this content type.
  response.headers['Content-Type'] =
    `application/json;g=apidiscovery.k8s.io;v=${apiVersion};as=APIGroupDiscoveryList`
  return response
}

/** Which aggregated version the Accept header asks for first, if any. */
export function wantedAggregation(accept: string | undefined): 'v2' | 'v2beta1' | undefined {
  for (const part of (accept ?? '').split(',')) {
    const params = mediaParams(part)
    if (params.get('g') !== 'apidiscovery.k8s.io' || params.get('as') !== 'APIGroupDiscoveryList')
      continue
    const v = params.get('v')
    if (v === 'v2' || v === 'v2beta1') return v
  }
  return undefined
}

/** The `;k=v` parameters of one media range. */
export function mediaParams(range: string): Map<string, string> {
  const params = new Map<string, string>()
  for (const p of range.split(';').slice(1)) {
    const eq = p.indexOf('=')
    if (eq > 0) params.set(p.slice(0, eq).trim(), p.slice(eq + 1).trim())
  }
  return params
}
