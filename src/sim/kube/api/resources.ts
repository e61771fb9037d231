/**
 * The resource types Quai's API server serves, as discovery (`kubectl api-resources`) lists them:
 * one table drives the store's keys, kubectl's name resolution (po, deploy, svc…), discovery
 * documents and the HTTP routes.
 */
export interface ResourceType {
  /** '' for the core group. */
  readonly group: string
  readonly version: string
  readonly kind: string
  /** The plural used in URLs and `kubectl get`: `deployments`. */
  readonly resource: string
  readonly singular: string
  readonly shortNames: readonly string[]
  readonly namespaced: boolean
  readonly verbs: readonly string[]
  /** `all` puts a type in `kubectl get all`. */
  readonly categories: readonly string[]
}

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']

const type = (
  group: string,
  version: string,
  kind: string,
  resource: string,
  namespaced: boolean,
  shortNames: string[] = [],
  categories: string[] = [],
  verbs: string[] = CRUD,
): ResourceType => ({
  group,
  version,
  kind,
  resource,
  singular: kind.toLowerCase(),
  shortNames,
  namespaced,
  verbs,
  categories,
})

/** In `kubectl api-resources` order (core first, then groups alphabetically). */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  type('', 'v1', 'ConfigMap', 'configmaps', true, ['cm']),
  type('', 'v1', 'Endpoints', 'endpoints', true, ['ep']),
  type('', 'v1', 'Event', 'events', true, ['ev']),
  type('', 'v1', 'LimitRange', 'limitranges', true, ['limits']),
  type(
    '',
    'v1',
    'Namespace',
    'namespaces',
    false,
    ['ns'],
    [],
    ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  ),
  type('', 'v1', 'Node', 'nodes', false, ['no']),
  type('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, ['pvc']),
  type('', 'v1', 'PersistentVolume', 'persistentvolumes', false, ['pv']),
  type('', 'v1', 'Pod', 'pods', true, ['po'], ['all']),
  type('', 'v1', 'ReplicationController', 'replicationcontrollers', true, ['rc'], ['all']),
  type('', 'v1', 'ResourceQuota', 'resourcequotas', true, ['quota']),
  type('', 'v1', 'Secret', 'secrets', true),
  type('', 'v1', 'ServiceAccount', 'serviceaccounts', true, ['sa']),
  type('', 'v1', 'Service', 'services', true, ['svc'], ['all']),
  type('apps', 'v1', 'DaemonSet', 'daemonsets', true, ['ds'], ['all']),
  type('apps', 'v1', 'Deployment', 'deployments', true, ['deploy'], ['all']),
  type('apps', 'v1', 'ReplicaSet', 'replicasets', true, ['rs'], ['all']),
  type('apps', 'v1', 'StatefulSet', 'statefulsets', true, ['sts'], ['all']),
  type(
    'autoscaling',
    'v2',
    'HorizontalPodAutoscaler',
    'horizontalpodautoscalers',
    true,
    ['hpa'],
    ['all'],
  ),
  type('batch', 'v1', 'CronJob', 'cronjobs', true, ['cj'], ['all']),
  type('batch', 'v1', 'Job', 'jobs', true, [], ['all']),
  type('coordination.k8s.io', 'v1', 'Lease', 'leases', true),
  type('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true),
  type('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false),
  type('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, ['ing']),
  type('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, ['sc']),
]

/** `apps/v1`, or `v1` for the core group. */
export const groupVersion = (t: Pick<ResourceType, 'group' | 'version'>): string =>
  t.group === '' ? t.version : `${t.group}/${t.version}`

const byKind = new Map(RESOURCE_TYPES.map((t) => [`${groupVersion(t)}/${t.kind}`, t]))
const byKindOnly = new Map<string, ResourceType>()
for (const t of RESOURCE_TYPES) if (!byKindOnly.has(t.kind)) byKindOnly.set(t.kind, t)

/** The type of an object from its apiVersion and kind, as the API server routes a manifest. */
export function resourceForKind(apiVersion: string, kind: string): ResourceType | undefined {
  return byKind.get(`${apiVersion}/${kind}`)
}

export function resourceForKindName(kind: string): ResourceType | undefined {
  return byKindOnly.get(kind)
}

/**
 * What kubectl accepts as a type argument: plural, singular, short name or kind, any case, with an
 * optional `.group` (`deployments.apps`) or `.version.group` (`deployments.v1.apps`).
 */
export function resolveResource(name: string): ResourceType | undefined {
  const lower = name.toLowerCase()
  const [head = '', ...rest] = lower.split('.')
  const group =
    rest.length === 0
      ? undefined
      : rest.length >= 2 && /^v\d/.test(rest[0] ?? '')
        ? rest.slice(1).join('.')
        : rest.join('.')
  return RESOURCE_TYPES.find(
    (t) =>
      (group === undefined || t.group === group) &&
      (t.resource === head ||
        t.singular === head ||
        t.kind.toLowerCase() === head ||
        t.shortNames.includes(head)),
  )
}

/** `deployment.apps`, `pod`: how kubectl names a type in messages such as `deployment.apps "web" created`. */
export const qualifiedSingular = (t: ResourceType): string =>
  t.group === '' ? t.singular : `${t.singular}.${t.group}`

/** `deployments.apps`, `pods`: how the API server names a type in its errors. */
export const qualifiedResource = (t: ResourceType): string =>
  t.group === '' ? t.resource : `${t.resource}.${t.group}`

/** A type Quai itself serves, by kind; a missing one is a bug in this table, not user input. */
export function servedType(kind: string): ResourceType {
  const t = byKindOnly.get(kind)
  if (t === undefined) throw new Error(`no served resource type for kind ${kind}`)
  return t
}
