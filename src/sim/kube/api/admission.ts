/**
 * The admission plugins minikube's API server runs that students see the effects of:
 * NamespaceLifecycle (no content in a missing or terminating namespace), ServiceAccount (the pod's
 * account must exist; its token volume is mounted), Priority, DefaultTolerationSeconds and
 * DefaultStorageClass. Each mutates the API server's own copy of the object or answers with the
 * API's error.
 */
import type { SeededRandom } from '../../core/random'
import type { ObjectStore } from '../store/object-store'
import type { KubeObject } from './object'
import { qualifiedResource, servedType, type ResourceType } from './resources'
import { apiError, type ApiError } from './status'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : [])

const NAMESPACES = servedType('Namespace')
const SERVICE_ACCOUNTS = servedType('ServiceAccount')
const STORAGE_CLASSES = servedType('StorageClass')

/** `pods "web" is forbidden: …` (or `pods is forbidden: …` before a name is known). */
export function forbiddenError(t: ResourceType, name: string, reason: string): ApiError {
  const what = qualifiedResource(t)
  return apiError(
    'Forbidden',
    name === '' ? `${what} is forbidden: ${reason}` : `${what} "${name}" is forbidden: ${reason}`,
    {
      ...(name === '' ? {} : { name }),
      ...(t.group === '' ? {} : { group: t.group }),
      kind: t.resource,
    },
  )
}

/** Kinds that may still be written in a terminating namespace (what the namespace controller and kubelet clean up with). */
const ALLOWED_WHILE_TERMINATING = new Set(['events'])

export function namespaceLifecycle(
  store: ObjectStore,
  t: ResourceType,
  object: KubeObject,
): ApiError | undefined {
  if (!t.namespaced) return undefined
  const namespace = object.metadata.namespace ?? 'default'
  const ns = store.get(NAMESPACES, '', namespace)
  if (ns === undefined)
    return apiError('NotFound', `namespaces "${namespace}" not found`, {
      name: namespace,
      kind: 'namespaces',
    })
  const phase = isObj(ns['status']) ? ns['status']['phase'] : undefined
  if (
    (phase === 'Terminating' || ns.metadata.deletionTimestamp) &&
    !ALLOWED_WHILE_TERMINATING.has(t.resource)
  )
    return forbiddenError(
      t,
      object.metadata.name,
      `unable to create new content in namespace ${namespace} because it is being terminated`,
    )
  return undefined
}

const TOKEN_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount'

/** The projected token volume the ServiceAccount plugin adds (expirationSeconds 3607, as 1.32 does). */
function tokenVolume(name: string): Obj {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        {
          downwardAPI: {
            items: [
              {
                fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                path: 'namespace',
              },
            ],
          },
        },
      ],
    },
  }
}

const isMirrorPod = (pod: KubeObject): boolean =>
  pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined

export function serviceAccountAdmission(
  store: ObjectStore,
  random: SeededRandom,
  t: ResourceType,
  pod: KubeObject,
): ApiError | undefined {
  if (isMirrorPod(pod)) return undefined
  const spec = pod['spec'] as Obj
  const namespace = pod.metadata.namespace ?? 'default'
  const name =
    typeof spec['serviceAccountName'] === 'string' && spec['serviceAccountName'] !== ''
      ? spec['serviceAccountName']
      : typeof spec['serviceAccount'] === 'string' && spec['serviceAccount'] !== ''
        ? spec['serviceAccount']
        : 'default'
  spec['serviceAccountName'] = name
  spec['serviceAccount'] = name
  const account = store.get(SERVICE_ACCOUNTS, namespace, name)
  if (account === undefined)
    return forbiddenError(
      t,
      pod.metadata.name,
      `error looking up service account ${namespace}/${name}: serviceaccount "${name}" not found`,
    )
  const automount =
    typeof spec['automountServiceAccountToken'] === 'boolean'
      ? spec['automountServiceAccountToken']
      : account['automountServiceAccountToken'] !== false
  if (!automount) return undefined
  const containers = [...objects(spec['initContainers']), ...objects(spec['containers'])]
  const alreadyMounted = containers.some((c) =>
    objects(c['volumeMounts']).some((m) => m['mountPath'] === TOKEN_MOUNT),
  )
  if (alreadyMounted) return undefined
  const volumeName = `kube-api-access-${random.kubeSuffix(5)}`
  spec['volumes'] = [...objects(spec['volumes']), tokenVolume(volumeName)]
  for (const c of containers)
    c['volumeMounts'] = [
      ...objects(c['volumeMounts']),
      { mountPath: TOKEN_MOUNT, name: volumeName, readOnly: true },
    ]
  return undefined
}

const SYSTEM_PRIORITIES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
}

export function priorityAdmission(t: ResourceType, pod: KubeObject): ApiError | undefined {
  const spec = pod['spec'] as Obj
  const className = typeof spec['priorityClassName'] === 'string' ? spec['priorityClassName'] : ''
  if (className === '') spec['priority'] ??= 0
  else {
    const value = SYSTEM_PRIORITIES[className]
    if (value === undefined)
      return forbiddenError(
        t,
        pod.metadata.name,
        `no PriorityClass with name ${className} was found`,
      )
    spec['priority'] ??= value
  }
  spec['preemptionPolicy'] ??= 'PreemptLowerPriority'
  return undefined
}

/** DefaultTolerationSeconds: ride out a NotReady/unreachable node for five minutes. */
export function defaultTolerationSeconds(pod: KubeObject): void {
  const spec = pod['spec'] as Obj
  const tolerations = objects(spec['tolerations'])
  const has = (key: string): boolean =>
    tolerations.some(
      (t) =>
        (t['key'] === key || (t['key'] === undefined && t['operator'] === 'Exists')) &&
        (t['effect'] === 'NoExecute' || t['effect'] === undefined),
    )
  const added: Obj[] = []
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'])
    if (!has(key))
      added.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 })
  if (added.length > 0) spec['tolerations'] = [...tolerations, ...added]
}

/** DefaultStorageClass: a claim without a class gets the one annotated as default. */
export function defaultStorageClass(store: ObjectStore, claim: KubeObject): void {
  const spec = claim['spec'] as Obj
  if (spec['storageClassName'] !== undefined) return
  const defaults = store
    .list(STORAGE_CLASSES)
    .filter(
      (sc) =>
        sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
        sc.metadata.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true',
    )
  const chosen = defaults[defaults.length - 1]
  if (chosen !== undefined) spec['storageClassName'] = chosen.metadata.name
}
