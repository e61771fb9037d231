/**
 * The in-process API server: every client (kubectl, the HTTP facade, controllers, minikube, the
 * panels) reads and writes through it. It owns what kube-apiserver owns between the client and
 * etcd: routing by apiVersion/kind, decoding (type errors, strict unknown-field checks),
 * defaulting, admission (namespace lifecycle, service accounts, priorities, tolerations, default
 * storage class), generateName, validation, Service IP and NodePort allocation, patches, graceful
 * deletion and finalizers, selectors, watches and dry runs. Answers are values: a Result whose
 * error is the API's Status.
 */
import type { VirtualClock } from '../core/clock'
import { err, ok, type Result } from '../core/errors'
import { SeededRandom } from '../core/random'
import type { KubeCluster } from './cluster'
import {
  defaultStorageClass,
  defaultTolerationSeconds,
  forbiddenError,
  namespaceLifecycle,
  priorityAdmission,
  serviceAccountAdmission,
} from './api/admission'
import { ClusterIPAllocator, NodePortAllocator } from './api/allocators'
import { applyDefaults } from './api/defaults/kinds'
import { fieldMatcher, parseFieldSelector, type FieldMatcher } from './api/field-selector'
import { matches, parseSelector, type Selector } from './api/label-selector'
import { cloneObject, type KubeObject } from './api/object'
import { applyJsonPatch } from './api/patch/json-patch'
import { applyMergePatch } from './api/patch/merge-patch'
import { applyStrategicMerge } from './api/patch/strategic-merge'
import type { ConvertedVersion } from './api/conversion/autoscaling-v1'
import { conversionFor, convertedForKind } from './api/conversion/versions'
import { groupVersion, resourceForKind, type ResourceType } from './api/resources'
import { schemaTypeOf, strictDecode, strictDecodingMessage } from './api/schema/strict-decode'
import { alreadyExists, ApiError, apiError, conflict, invalid, notFound } from './api/status'
import { keepAllocated, prepareForCreate, prepareForUpdate } from './api/strategy'
import {
  goQuote,
  GoRaw,
  invalidValue,
  toCauses,
  type FieldError,
} from './api/validation/field-errors'
import { validateCreate, validateUpdate } from './api/validation/kinds'
import type { ObjectStore, WatchEvent, WatchEventType } from './store/object-store'

export interface ListOptions {
  /** Omitted: every namespace (cluster-scoped types ignore it). */
  namespace?: string
  labelSelector?: string
  fieldSelector?: string
}

/**
 * `Strict` (kubectl's default `--validate=strict`): unknown fields fail the request. `Warn` (the
 * API's default) and `Ignore` drop them.
 */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore'

export interface WriteOptions {
  dryRun?: boolean
  fieldManager?: string
  fieldValidation?: FieldValidation
}

export interface DeleteOptions extends WriteOptions {
  gracePeriodSeconds?: number
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan'
}

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply'

export interface PatchOptions extends WriteOptions {
  /** Server-side apply: take ownership even where another manager set the field. */
  force?: boolean
}

export type ApiResult<T = KubeObject> = Result<T, ApiError>

export interface ApiWatchEvent {
  readonly type: WatchEventType
  readonly object: KubeObject
}

export type ApiWatchListener = (event: ApiWatchEvent) => void

export interface ApiServerOptions {
  store: ObjectStore
  clock: VirtualClock
  cluster: KubeCluster
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : [])

/** RFC 3339 at second precision; the last answer is kept, since writes come in bursts. */
let lastSecond = NaN
let lastStamp = ''
const rfc3339 = (ms: number): string => {
  const second = Math.floor(ms / 1000)
  if (second !== lastSecond) {
    lastSecond = second
    lastStamp = new Date(second * 1000).toISOString().replace('.000Z', 'Z')
  }
  return lastStamp
}

/** Namespaces the NamespaceLifecycle plugin refuses to delete. */
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public'])

/** `Deployment in version "v1" cannot be handled as a Deployment: <why>` (BadRequest). */
function cannotHandle(t: ResourceType, why: string): ApiError {
  return apiError(
    'BadRequest',
    `${t.kind} in version "${t.version}" cannot be handled as a ${t.kind}: ${why}`,
  )
}

export class ApiServer {
  private readonly store: ObjectStore
  private readonly cluster: KubeCluster
  private readonly clock: VirtualClock
  /** The server's own seeded stream: generated names, token volume suffixes, IPs, ports. */
  private readonly random: SeededRandom
  private readonly clusterIPs: ClusterIPAllocator
  private readonly nodePorts: NodePortAllocator

  constructor(options: ApiServerOptions) {
    this.store = options.store
    this.cluster = options.cluster
    this.clock = options.clock
    const seed = parseInt(options.store.newUid().slice(0, 8), 16)
    this.random = new SeededRandom((seed ^ 0xa91c0de5) >>> 0)
    this.clusterIPs = new ClusterIPAllocator(this.random)
    this.nodePorts = new NodePortAllocator(this.random)
  }

  /** The type a manifest's apiVersion/kind names, or kubectl's "no matches for kind" failure. */
  typeOf(object: Pick<KubeObject, 'apiVersion' | 'kind'>): ApiResult<ResourceType> {
    const t =
      resourceForKind(object.apiVersion, object.kind) ??
      convertedForKind(object.apiVersion, object.kind)?.type
    if (t === undefined)
      return err(
        apiError(
          'NotFound',
          `no matches for kind "${object.kind}" in version "${object.apiVersion}"`,
        ),
      )
    return ok(t)
  }

  get(t: ResourceType, namespace: string, name: string): ApiResult {
    const c = conversionFor(t)
    if (c !== undefined) return shownIn(c, this.get(c.stored, namespace, name))
    const found = this.store.get(t, t.namespaced ? namespace : '', name)
    return found === undefined ? err(notFound(t, name)) : ok(found)
  }

  list(
    t: ResourceType,
    options: ListOptions = {},
  ): ApiResult<{ items: KubeObject[]; resourceVersion: string }> {
    const c = conversionFor(t)
    if (c !== undefined) {
      const stored = this.list(c.stored, options)
      if (!stored.ok) return stored
      return ok({ ...stored.value, items: stored.value.items.map((o) => c.fromStored(o)) })
    }
    const filter = this.filterFor(t, options)
    if (!filter.ok) return filter
    const all = this.candidates(t, options)
    const items = filter.value === undefined ? all : all.filter(filter.value)
    return ok({ items, resourceVersion: this.store.resourceVersion })
  }

  /**
   * Changes to objects of type `t` from now on, filtered like `list` (an object that stops
   * matching a selector arrives as DELETED, one that starts matching as ADDED, as the watch cache
   * does). Returns the unsubscribe function, or the selector's BadRequest.
   */
  watch(t: ResourceType, options: ListOptions, listener: ApiWatchListener): ApiResult<() => void> {
    const c = conversionFor(t)
    if (c !== undefined)
      return this.watch(c.stored, options, (e) =>
        listener({ type: e.type, object: c.fromStored(e.object) }),
      )
    const filter = this.filterFor(t, options)
    if (!filter.ok) return filter
    const namespace = t.namespaced ? options.namespace : undefined
    const matchesAll = filter.value ?? ((): boolean => true)
    const inScope = (o: KubeObject): boolean =>
      (namespace === undefined || o.metadata.namespace === namespace) && matchesAll(o)
    const unsubscribe = this.store.watch((event: WatchEvent) => {
      if (event.resource.resource !== t.resource) return
      const now = inScope(event.object)
      if (event.type === 'MODIFIED') {
        const before = event.previous !== undefined && inScope(event.previous)
        if (now && before) listener({ type: 'MODIFIED', object: event.object })
        else if (now) listener({ type: 'ADDED', object: event.object })
        else if (before) listener({ type: 'DELETED', object: event.object })
        return
      }
      if (now) listener({ type: event.type, object: event.object })
    })
    return ok(unsubscribe)
  }

  create(t: ResourceType, object: KubeObject, options: WriteOptions = {}): ApiResult {
    const c = conversionFor(t)
    if (c !== undefined) {
      const stored = this.toStored(c, object, options)
      return stored.ok ? shownIn(c, this.create(c.stored, stored.value, options)) : stored
    }
    const decoded = this.decode(t, object, options)
    if (!decoded.ok) return decoded
    const o = decoded.value
    applyDefaults(t.kind, o as unknown as Obj)
    if (t.namespaced) o.metadata.namespace = o.metadata.namespace || 'default'
    else delete o.metadata.namespace
    if (!o.metadata.name && o.metadata.generateName)
      o.metadata.name = `${o.metadata.generateName.slice(0, 58)}${this.random.kubeSuffix(5)}`
    const admitted = this.admit(t, o)
    if (admitted !== undefined) return err(admitted)
    const uid = o.metadata.uid ?? this.store.newUid()
    o.metadata.uid = uid
    prepareForCreate(t.kind, o, uid)
    // Server-owned metadata a client may not set on create.
    delete o.metadata.resourceVersion
    delete o.metadata.deletionTimestamp
    delete o.metadata.deletionGracePeriodSeconds
    const errors = validateCreate(t.kind, t.namespaced, o)
    if (errors.length > 0) return err(invalid(t, o.metadata.name ?? '', toCauses(errors)))
    if (t.kind === 'Service') {
      const allocated = this.allocateService(t, o, undefined)
      if (allocated !== undefined) return err(allocated)
    }
    if (this.store.get(t, o.metadata.namespace ?? '', o.metadata.name) !== undefined)
      return err(alreadyExists(t, o.metadata.name))
    if (options.dryRun) {
      o.metadata.creationTimestamp ??= rfc3339(this.clock.now())
      if (o.metadata.generation === undefined && 'spec' in o && this.tracksGeneration(t))
        o.metadata.generation = 1
      return ok(o)
    }
    // `o` is the decoder's copy of the request: the store may stamp it in place.
    return this.write(() => this.store.create(t, o, true))
  }

  update(t: ResourceType, object: KubeObject, options: WriteOptions = {}): ApiResult {
    const c = conversionFor(t)
    if (c !== undefined) {
      const stored = this.toStored(c, object, options)
      return stored.ok ? shownIn(c, this.update(c.stored, stored.value, options)) : stored
    }
    const decoded = this.decode(t, object, options)
    if (!decoded.ok) return decoded
    const o = decoded.value
    const namespace = t.namespaced ? o.metadata.namespace || 'default' : ''
    if (t.namespaced) o.metadata.namespace = namespace
    const old = this.store.get(t, namespace, o.metadata.name)
    if (old === undefined) return err(notFound(t, o.metadata.name))
    if (
      o.metadata.resourceVersion !== undefined &&
      o.metadata.resourceVersion !== old.metadata.resourceVersion
    )
      return err(conflict(t, o.metadata.name))
    applyDefaults(t.kind, o as unknown as Obj)
    const finalizing = t.kind === 'Namespace' && old.metadata.deletionTimestamp !== undefined
    const requestedSpec = o['spec']
    prepareForUpdate(t.kind, o, old)
    // A terminating namespace's spec.finalizers is what the namespace controller clears (the
    // finalize subresource): let that one change through.
    if (finalizing && isObj(requestedSpec))
      o['spec'] = { ...(old['spec'] as Obj), finalizers: requestedSpec['finalizers'] ?? [] }
    keepAllocated(t.kind, o, old)
    o.metadata.uid = old.metadata.uid
    o.metadata.creationTimestamp = old.metadata.creationTimestamp
    if (old.metadata.generation !== undefined) o.metadata.generation = old.metadata.generation
    if (t.kind === 'Pod' && (old['spec'] as Obj | undefined)?.['nodeName'] !== undefined)
      (o['spec'] as Obj)['nodeName'] ??= (old['spec'] as Obj)['nodeName']
    const errors = validateUpdate(t.kind, t.namespaced, o, old)
    if (errors.length > 0) return err(invalid(t, o.metadata.name, toCauses(errors)))
    if (t.kind === 'Service') {
      const allocated = this.allocateService(t, o, old)
      if (allocated !== undefined) return err(allocated)
    }
    // A dry run answers what the store would keep, generation bump included (kubectl diff).
    if (options.dryRun) {
      const generation = o.metadata.generation
      if (
        generation !== undefined &&
        JSON.stringify(o['spec'] ?? null) !== JSON.stringify(old['spec'] ?? null)
      )
        o.metadata.generation = generation + 1
      return ok(o)
    }
    return this.write(() => this.storeUpdate(t, o))
  }

  /** The status subresource: writes status only, leaves spec (and generation) alone. */
  updateStatus(t: ResourceType, object: KubeObject, options: WriteOptions = {}): ApiResult {
    const c = conversionFor(t)
    if (c !== undefined) {
      const stored = this.toStored(c, object, options)
      return stored.ok ? shownIn(c, this.updateStatus(c.stored, stored.value, options)) : stored
    }
    const namespace = t.namespaced ? object.metadata.namespace || 'default' : ''
    const current = this.store.get(t, namespace, object.metadata.name)
    if (current === undefined) return err(notFound(t, object.metadata.name))
    const rv = object.metadata.resourceVersion
    if (rv !== undefined && rv !== current.metadata.resourceVersion)
      return err(conflict(t, object.metadata.name))
    const next: KubeObject = {
      ...current,
      metadata: { ...current.metadata, resourceVersion: undefined },
      status: object['status'],
    }
    if (options.dryRun) return ok(next)
    // `next` and its metadata were built here: the store may stamp them in place.
    return this.write(() => this.store.update(t, next, true))
  }

  /**
   * The pods/binding subresource (what the scheduler posts): sets spec.nodeName on an unbound
   * pod, or answers `pod web is already assigned to node "minikube"` (Conflict).
   */
  bind(namespace: string, name: string, nodeName: string): ApiResult {
    const pods = resourceForKind('v1', 'Pod')
    if (pods === undefined) return err(apiError('InternalError', 'pods are not served'))
    const pod = this.store.get(pods, namespace, name)
    if (pod === undefined) return err(notFound(pods, name))
    const spec = (pod['spec'] ?? {}) as Obj
    const bound = spec['nodeName']
    if (typeof bound === 'string' && bound !== '')
      return err(
        apiError('Conflict', `pod ${name} is already assigned to node "${bound}"`, {
          name,
          kind: 'pods',
        }),
      )
    if (pod.metadata.deletionTimestamp !== undefined)
      return err(
        apiError('Conflict', `pod ${name} is being deleted, cannot be assigned to a host`, {
          name,
          kind: 'pods',
        }),
      )
    return this.write(() =>
      this.store.update(
        pods,
        {
          ...pod,
          metadata: { ...pod.metadata, resourceVersion: undefined },
          spec: { ...spec, nodeName },
        },
        true,
      ),
    )
  }

  /**
   * PATCH: json (RFC 6902), merge (RFC 7386), strategic (Kubernetes' list-aware merge) or apply
   * (server-side apply, simplified to create-or-strategic-merge). The result is defaulted and
   * validated like an update.
   */
  patch(
    t: ResourceType,
    namespace: string,
    name: string,
    type: PatchType,
    body: unknown,
    options: PatchOptions = {},
  ): ApiResult {
    const c = conversionFor(t)
    if (c !== undefined)
      return shownIn(c, this.patchConverted(c, namespace, name, type, body, options))
    const ns = t.namespaced ? namespace || 'default' : ''
    const current = this.store.get(t, ns, name)
    if (current === undefined) {
      if (type !== 'apply') return err(notFound(t, name))
      if (!isObj(body))
        return err(apiError('BadRequest', 'error decoding YAML: the body is not an object'))
      const meta = isObj(body['metadata']) ? body['metadata'] : {}
      return this.create(
        t,
        {
          ...(body as KubeObject),
          metadata: { ...meta, name, ...(t.namespaced ? { namespace: ns } : {}) },
        },
        options,
      )
    }
    const applied = patchedObject(current, type, body, schemaTypeOf(groupVersion(t), t.kind))
    if (!applied.ok) return applied
    const patched = applied.value
    // Patches share untouched subtrees with the stored (frozen) object: work on a copy.
    const result = cloneObject(patched) as KubeObject
    if (!isObj(result.metadata)) result.metadata = { name }
    if (result.metadata.name !== name)
      return err(
        invalidMeta(
          t,
          name,
          invalidValue('metadata.name', result.metadata.name ?? '', 'field is immutable'),
        ),
      )
    result.apiVersion ??= current.apiVersion
    result.kind ??= current.kind
    // A patch is an update of what is stored now: no optimistic-lock failure unless it asked.
    const asked =
      isObj(body) && isObj(body['metadata']) ? body['metadata']['resourceVersion'] : undefined
    if (asked === undefined) result.metadata.resourceVersion = current.metadata.resourceVersion
    return this.update(t, result, options)
  }

  delete(t: ResourceType, namespace: string, name: string, options: DeleteOptions = {}): ApiResult {
    const c = conversionFor(t)
    if (c !== undefined) return shownIn(c, this.delete(c.stored, namespace, name, options))
    const ns = t.namespaced ? namespace : ''
    const found = this.store.get(t, ns, name)
    if (found === undefined) return err(notFound(t, name))
    if (t.kind === 'Namespace') return this.deleteNamespace(t, found, options)
    const finalizers = [...(found.metadata.finalizers ?? [])]
    if (options.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion'))
      finalizers.push('foregroundDeletion')
    if (options.propagationPolicy === 'Orphan' && !finalizers.includes('orphan'))
      finalizers.push('orphan')
    const grace = this.gracePeriod(t, found, options)
    const now = rfc3339(this.clock.now())
    if (found.metadata.deletionTimestamp !== undefined) {
      // Already going: a shorter grace period shortens the wait, anything else changes nothing.
      const current = found.metadata.deletionGracePeriodSeconds ?? 0
      if (
        grace === 0 &&
        finalizers.length === 0 &&
        (found.metadata.finalizers ?? []).length === 0
      ) {
        if (options.dryRun) return ok(found)
        return this.write(() => this.store.delete(t, ns, name))
      }
      if (grace >= current || options.dryRun) return ok(found)
      return this.write(() =>
        this.store.update(t, {
          ...found,
          metadata: {
            ...found.metadata,
            resourceVersion: undefined,
            deletionTimestamp: rfc3339(this.clock.now() + grace * 1000),
            deletionGracePeriodSeconds: grace,
          },
        }),
      )
    }
    if (finalizers.length === 0 && grace === 0) {
      if (options.dryRun) return ok(found)
      return this.write(() => this.store.delete(t, ns, name))
    }
    const marked: KubeObject = {
      ...found,
      metadata: {
        ...found.metadata,
        resourceVersion: undefined,
        deletionTimestamp: grace === 0 ? now : rfc3339(this.clock.now() + grace * 1000),
        deletionGracePeriodSeconds: grace,
        ...(finalizers.length === 0 ? {} : { finalizers }),
      },
    }
    if (options.dryRun) return ok(marked)
    return this.write(() => this.store.update(t, marked))
  }

  /** An object's wait before it goes: pods bound to a node get their grace period, others none. */
  private gracePeriod(t: ResourceType, o: KubeObject, options: DeleteOptions): number {
    if (t.kind !== 'Pod') return 0
    const spec = (o['spec'] ?? {}) as Obj
    const phase = ((o['status'] ?? {}) as Obj)['phase']
    if (typeof spec['nodeName'] !== 'string' || spec['nodeName'] === '') return 0
    if (phase === 'Succeeded' || phase === 'Failed') return 0
    const requested = options.gracePeriodSeconds
    const fallback =
      typeof spec['terminationGracePeriodSeconds'] === 'number'
        ? spec['terminationGracePeriodSeconds']
        : 30
    const period = requested ?? fallback
    return period < 0 ? 1 : period
  }

  private deleteNamespace(t: ResourceType, ns: KubeObject, options: DeleteOptions): ApiResult {
    const name = ns.metadata.name
    if (IMMORTAL_NAMESPACES.has(name))
      return err(forbiddenError(t, name, 'this namespace may not be deleted'))
    if (ns.metadata.deletionTimestamp !== undefined)
      return err(
        apiError(
          'Conflict',
          `Operation cannot be fulfilled on namespaces "${name}": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.`,
          { name, kind: 'namespaces' },
        ),
      )
    const specFinalizers = ((ns['spec'] ?? {}) as { finalizers?: string[] }).finalizers ?? []
    const finalizers = [...(ns.metadata.finalizers ?? [])]
    if (options.propagationPolicy === 'Orphan' && !finalizers.includes('orphan'))
      finalizers.push('orphan')
    if (specFinalizers.length === 0 && finalizers.length === 0) {
      if (options.dryRun) return ok(ns)
      return this.write(() => this.store.delete(t, '', name))
    }
    const marked: KubeObject = {
      ...ns,
      metadata: {
        ...ns.metadata,
        resourceVersion: undefined,
        deletionTimestamp: rfc3339(this.clock.now()),
        ...(finalizers.length === 0 ? {} : { finalizers }),
      },
      status: { ...((ns['status'] ?? {}) as Obj), phase: 'Terminating' },
    }
    if (options.dryRun) return ok(marked)
    return this.write(() => this.store.update(t, marked))
  }

  /** Writes an update, then removes the object if it was waiting only for finalizers that are now gone. */
  private storeUpdate(t: ResourceType, o: KubeObject): KubeObject {
    // `o` is the decoder's copy of the request: the store may stamp it in place.
    const stored = this.store.update(t, o, true)
    const meta = stored.metadata
    if (meta.deletionTimestamp === undefined || (meta.finalizers ?? []).length > 0) return stored
    if (t.kind === 'Namespace') {
      const spec = (stored['spec'] ?? {}) as { finalizers?: string[] }
      if ((spec.finalizers ?? []).length > 0) return stored
      return this.store.delete(t, '', meta.name)
    }
    if ((meta.deletionGracePeriodSeconds ?? 0) !== 0) return stored
    return this.store.delete(t, meta.namespace ?? '', meta.name)
  }

  /** Copies the request body (the caller keeps theirs) and runs the decoder's checks on it. */
  private decode(t: ResourceType, object: KubeObject, options: WriteOptions): ApiResult {
    if (!isObj(object)) return err(cannotHandle(t, 'the body is not an object'))
    if (object.kind !== undefined && object.kind !== t.kind)
      return err(
        apiError(
          'BadRequest',
          `the API version in the data (${object.apiVersion}) does not match the expected API version (${groupVersion(t)})`,
        ),
      )
    const o = cloneObject(object)
    o.apiVersion = groupVersion(t)
    o.kind = t.kind
    if (!isObj(o.metadata)) o.metadata = { name: '' }
    const problem = strictDecode(o as unknown as Obj)
    if (problem.typeError !== undefined) return err(cannotHandle(t, problem.typeError))
    if (problem.unknownFields.length > 0) {
      if (options.fieldValidation === 'Strict')
        return err(cannotHandle(t, strictDecodingMessage(problem.unknownFields)))
      for (const path of problem.unknownFields) removePath(o as unknown as Obj, path)
    }
    return ok(o)
  }

  /**
   * A body in a served-beside version as the stored version: checked against its own version's
   * schema first (type errors, strict unknown fields name that version), then converted. A body
   * already in the stored version goes through as it is, as the server decodes any version.
   */
  private toStored(c: ConvertedVersion, object: KubeObject, options: WriteOptions): ApiResult {
    const t = c.type
    if (!isObj(object)) return err(cannotHandle(t, 'the body is not an object'))
    if (object.apiVersion === groupVersion(c.stored) && object.kind === c.stored.kind)
      return ok(object)
    if (object.kind !== undefined && object.kind !== t.kind)
      return err(
        apiError(
          'BadRequest',
          `the API version in the data (${object.apiVersion}) does not match the expected API version (${groupVersion(t)})`,
        ),
      )
    const typed = { ...(object as unknown as Obj), apiVersion: groupVersion(t), kind: t.kind }
    const problem = strictDecode(typed)
    if (problem.typeError !== undefined) return err(cannotHandle(t, problem.typeError))
    if (problem.unknownFields.length > 0 && options.fieldValidation === 'Strict')
      return err(cannotHandle(t, strictDecodingMessage(problem.unknownFields)))
    return ok(c.toStored(typed) as unknown as KubeObject)
  }

  /**
   * PATCH through a served-beside version: the patch applies to the object as that version shows
   * it, and the result goes back as an update of the stored one. Server-side apply merges only
   * the fields the configuration names, so its conversion adds no default metric.
   */
  private patchConverted(
    c: ConvertedVersion,
    namespace: string,
    name: string,
    type: PatchType,
    body: unknown,
    options: PatchOptions,
  ): ApiResult {
    if (type === 'apply') {
      const config = isObj(body)
        ? c.toStored(
            { ...body, apiVersion: groupVersion(c.type), kind: c.type.kind },
            {
              defaultMetrics: false,
            },
          )
        : body
      return this.patch(c.stored, namespace, name, 'apply', config, options)
    }
    const current = this.get(c.stored, namespace, name)
    if (!current.ok) return current
    const shown = c.fromStored(current.value)
    const applied = patchedObject(
      shown,
      type,
      body,
      schemaTypeOf(groupVersion(c.type), c.type.kind),
    )
    if (!applied.ok) return applied
    const patched = applied.value
    const meta = isObj(patched['metadata']) ? patched['metadata'] : {}
    if (meta['name'] !== name)
      return err(
        invalidMeta(
          c.stored,
          name,
          invalidValue('metadata.name', String(meta['name'] ?? ''), 'field is immutable'),
        ),
      )
    // A patch updates what is stored now: no optimistic-lock failure unless it asked for one.
    const asked =
      isObj(body) && isObj(body['metadata']) ? body['metadata']['resourceVersion'] : undefined
    const lock =
      asked === undefined ? { resourceVersion: current.value.metadata.resourceVersion } : {}
    const next = c.toStored({ ...patched, metadata: { ...meta, ...lock } }) as unknown as KubeObject
    return this.update(c.stored, next, options)
  }

  /** The mutating admission chain, in kube-apiserver's plugin order. */
  private admit(t: ResourceType, o: KubeObject): ApiError | undefined {
    const lifecycle = namespaceLifecycle(this.store, t, o)
    if (lifecycle !== undefined) return lifecycle
    if (t.kind === 'Pod') {
      if (!isObj(o['spec'])) o['spec'] = {}
      const sa = serviceAccountAdmission(this.store, this.random, t, o)
      if (sa !== undefined) return sa
      const priority = priorityAdmission(t, o)
      if (priority !== undefined) return priority
      defaultTolerationSeconds(o)
    }
    if (t.kind === 'PersistentVolumeClaim') {
      if (!isObj(o['spec'])) o['spec'] = {}
      defaultStorageClass(this.store, o)
    }
    return undefined
  }

  /** ClusterIP(s), IP families and NodePorts, as the Service REST storage allocates them. */
  private allocateService(
    t: ResourceType,
    o: KubeObject,
    old: KubeObject | undefined,
  ): ApiError | undefined {
    const spec = o['spec'] as Obj
    const type = spec['type']
    const services = this.store
      .list(t)
      .filter((s) => old === undefined || s.metadata.uid !== old.metadata.uid)
    const errors: FieldError[] = []
    if (type === 'ExternalName') {
      delete spec['clusterIP']
      delete spec['clusterIPs']
    } else {
      const requested = typeof spec['clusterIP'] === 'string' ? spec['clusterIP'] : ''
      if (requested === 'None') {
        spec['clusterIPs'] = ['None']
      } else if (old === undefined || requested !== (old['spec'] as Obj)['clusterIP']) {
        this.clusterIPs.reset(
          services
            .map((s) => ((s['spec'] ?? {}) as Obj)['clusterIP'])
            .filter((ip): ip is string => typeof ip === 'string'),
        )
        const ip = this.clusterIPs.allocate(requested)
        if (!ip.ok)
          errors.push(
            invalidValue(
              'spec.clusterIPs',
              new GoRaw(`[]string{${goQuote(requested)}}`),
              ip.reason,
            ),
          )
        else {
          spec['clusterIP'] = ip.value
          spec['clusterIPs'] = [ip.value]
        }
      }
      spec['ipFamilies'] ??= ['IPv4']
      spec['ipFamilyPolicy'] ??= 'SingleStack'
    }
    if (type === 'NodePort' || type === 'LoadBalancer') {
      const taken = services
        .flatMap((s) => objects(((s['spec'] ?? {}) as Obj)['ports']).map((p) => p['nodePort']))
        .filter((p): p is number => typeof p === 'number')
      this.nodePorts.reset(taken)
      const allocate = type === 'NodePort' || spec['allocateLoadBalancerNodePorts'] !== false
      objects(spec['ports']).forEach((p, i) => {
        const requested = typeof p['nodePort'] === 'number' ? p['nodePort'] : 0
        const before =
          old === undefined
            ? undefined
            : objects((old['spec'] as Obj)['ports']).find(
                (q) => q['nodePort'] === requested && requested !== 0,
              )
        if (before !== undefined) return
        if (!allocate && requested === 0) return
        const port = this.nodePorts.allocate(requested)
        if (!port.ok) errors.push(invalidValue(`spec.ports[${i}].nodePort`, requested, port.reason))
        else p['nodePort'] = port.value
      })
    } else for (const p of objects(spec['ports'])) delete p['nodePort']
    return errors.length === 0 ? undefined : invalid(t, o.metadata.name, toCauses(errors))
  }

  private tracksGeneration(t: ResourceType): boolean {
    return ![
      'pods',
      'services',
      'namespaces',
      'nodes',
      'persistentvolumeclaims',
      'persistentvolumes',
    ].includes(t.resource)
  }

  /** Builds a matcher from the options' selectors (undefined: everything). */
  private filterFor(
    t: ResourceType,
    options: ListOptions,
  ): ApiResult<((o: KubeObject) => boolean) | undefined> {
    let labels: Selector | undefined
    let fields: FieldMatcher | undefined
    if (options.labelSelector !== undefined && options.labelSelector.trim() !== '') {
      const parsed = parseSelector(options.labelSelector)
      if (!parsed.ok) return err(apiError('BadRequest', parsed.error))
      labels = parsed.value
    }
    if (options.fieldSelector !== undefined && options.fieldSelector.trim() !== '') {
      const parsed = parseFieldSelector(options.fieldSelector)
      if (!parsed.ok) return err(apiError('BadRequest', parsed.error))
      const matcher = fieldMatcher(t, parsed.value)
      if (!matcher.ok) return err(apiError('BadRequest', matcher.error))
      fields = matcher.value
    }
    if (labels === undefined && fields === undefined) return ok(undefined)
    return ok(
      (o) =>
        (labels === undefined || matches(labels, o.metadata.labels)) &&
        (fields === undefined || fields(o)),
    )
  }

  /** The objects a list looks at: an index when the field selector pins spec.nodeName. */
  private candidates(t: ResourceType, options: ListOptions): KubeObject[] {
    const namespace = t.namespaced ? options.namespace : undefined
    const node =
      t.resource === 'pods'
        ? /(?:^|,)spec\.nodeName==?([^,!]+)(?:,|$)/.exec(options.fieldSelector ?? '')?.[1]
        : undefined
    if (node !== undefined) {
      const onNode = this.store.byIndex(t, 'nodeName', node)
      return onNode
        .filter((o) => namespace === undefined || o.metadata.namespace === namespace)
        .sort(
          (a, b) =>
            cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') ||
            cmp(a.metadata.name, b.metadata.name),
        )
    }
    return this.store.list(t, namespace)
  }

  private write(action: () => KubeObject): ApiResult {
    let result: KubeObject
    try {
      result = action()
    } catch (e) {
      if (e instanceof ApiError) return err(e)
      throw e
    }
    this.cluster.settle()
    return ok(result)
  }
}

/** A stored-version answer as the served-beside version `c` shows it. */
function shownIn(c: ConvertedVersion, r: ApiResult): ApiResult {
  return r.ok ? ok(c.fromStored(r.value)) : r
}

const CANNOT_UNMARSHAL =
  'json: cannot unmarshal array into Go value of type map[string]interface {}'

/** `body` applied to `current` as a patch of `type` (server-side apply merges like strategic). */
function patchedObject(
  current: KubeObject,
  type: PatchType,
  body: unknown,
  schemaType: ReturnType<typeof schemaTypeOf>,
): ApiResult<Obj> {
  let patched: unknown
  if (type === 'json') {
    const result = applyJsonPatch(current, body)
    if (!result.ok)
      return err(
        apiError('Invalid', 'the server rejected our request due to an error in our request', {
          causes: [{ message: result.error }],
        }),
      )
    patched = result.value
  } else {
    if (!isObj(body)) return err(apiError('BadRequest', CANNOT_UNMARSHAL))
    patched =
      type === 'merge'
        ? applyMergePatch(current, body)
        : applyStrategicMerge(current, body, schemaType)
  }
  if (!isObj(patched)) return err(apiError('BadRequest', 'the patched object is not an object'))
  return ok(patched)
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function invalidMeta(t: ResourceType, name: string, e: FieldError): ApiError {
  return invalid(t, name, toCauses([e]))
}

/** Deletes `spec.template.x` or `spec.containers[0].y` from an object (pruning unknown fields). */
function removePath(o: Obj, path: string): void {
  const parts = path.split('.').flatMap((p) => {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(p)
    if (m === null) return [p]
    const indexes = [...(m[2] ?? '').matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]))
    return [m[1] ?? '', ...indexes]
  })
  let current: unknown = o
  for (const part of parts.slice(0, -1)) {
    if (current === null || typeof current !== 'object') return
    current = (current as Record<string | number, unknown>)[part]
  }
  const last = parts[parts.length - 1]
  if (current !== null && typeof current === 'object' && last !== undefined)
    delete (current as Record<string | number, unknown>)[last]
}
