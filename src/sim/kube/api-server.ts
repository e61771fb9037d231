/**
 * The in-process API server: every client (kubectl, the HTTP facade, controllers, minikube, the
 * panels) reads and writes through it. It owns what kube-apiserver owns between the client and
 * etcd: routing by apiVersion/kind, defaulting, validation, admission (the namespace must exist),
 * generateName, patches, graceful deletion, selectors, dry runs. Answers are values: a Result
 * whose error is the API's Status.
 */
import type { VirtualClock } from '../core/clock'
import { err, ok, type Result } from '../core/errors'
import type { KubeCluster } from './cluster'
import type { KubeObject } from './api/object'
import { resourceForKind, type ResourceType } from './api/resources'
import { ApiError, apiError, notFound } from './api/status'
import type { ObjectStore } from './store/object-store'

export interface ListOptions {
  /** Omitted: every namespace (cluster-scoped types ignore it). */
  namespace?: string
  labelSelector?: string
  fieldSelector?: string
}

export interface WriteOptions {
  dryRun?: boolean
  fieldManager?: string
}

export interface DeleteOptions extends WriteOptions {
  gracePeriodSeconds?: number
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan'
}

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply'

export type ApiResult<T = KubeObject> = Result<T, ApiError>

export interface ApiServerOptions {
  store: ObjectStore
  clock: VirtualClock
  cluster: KubeCluster
}

export class ApiServer {
  private readonly store: ObjectStore
  private readonly cluster: KubeCluster

  constructor(options: ApiServerOptions) {
    this.store = options.store
    this.cluster = options.cluster
  }

  /** The type a manifest's apiVersion/kind names, or the API's "no matches for kind" failure. */
  typeOf(object: Pick<KubeObject, 'apiVersion' | 'kind'>): ApiResult<ResourceType> {
    const t = resourceForKind(object.apiVersion, object.kind)
    if (t === undefined)
      return err(apiError('NotFound', `the server could not find the requested resource`))
    return ok(t)
  }

  get(t: ResourceType, namespace: string, name: string): ApiResult {
    const found = this.store.get(t, t.namespaced ? namespace : '', name)
    return found === undefined ? err(notFound(t, name)) : ok(found)
  }

  list(
    t: ResourceType,
    options: ListOptions = {},
  ): ApiResult<{ items: KubeObject[]; resourceVersion: string }> {
    return ok({
      items: this.store.list(t, options.namespace),
      resourceVersion: this.store.resourceVersion,
    })
  }

  create(t: ResourceType, object: KubeObject, options: WriteOptions = {}): ApiResult {
    if (options.dryRun) return ok(object)
    return this.write(() => this.store.create(t, object))
  }

  update(t: ResourceType, object: KubeObject, options: WriteOptions = {}): ApiResult {
    if (options.dryRun) return ok(object)
    return this.write(() => this.store.update(t, object))
  }

  /** The status subresource: writes status only, leaves spec (and generation) alone. */
  updateStatus(t: ResourceType, object: KubeObject): ApiResult {
    const current = this.store.get(t, object.metadata.namespace ?? '', object.metadata.name)
    if (current === undefined) return err(notFound(t, object.metadata.name))
    return this.write(() =>
      this.store.update(t, {
        ...current,
        metadata: { ...current.metadata, resourceVersion: undefined },
        status: object['status'],
      }),
    )
  }

  delete(t: ResourceType, namespace: string, name: string, options: DeleteOptions = {}): ApiResult {
    const found = this.store.get(t, t.namespaced ? namespace : '', name)
    if (found === undefined) return err(notFound(t, name))
    if (options.dryRun) return ok(found)
    return this.write(() => this.store.delete(t, t.namespaced ? namespace : '', name))
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
