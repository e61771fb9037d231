/**
 * What describers read through: the API server's get and list (kubectl's describers make the same
 * calls over HTTP), and the settings kubectl passes them. Lists are filtered here as well, so a
 * describer gets exactly the related objects whatever selectors the server applies.
 */
import type { ApiResult, ListOptions } from '../../api-server'
import type { KubeObject } from '../../api/object'
import { servedType, type ResourceType } from '../../api/resources'

export interface DescribeClient {
  get(t: ResourceType, namespace: string, name: string): ApiResult
  list(t: ResourceType, options?: ListOptions): ApiResult<{ items: KubeObject[] }>
}

export interface DescribeSettings {
  /** --show-events (default true). */
  readonly showEvents: boolean
  /** The clock's now: ages are computed against it, as kubectl does against its own clock. */
  readonly nowMs: number
}

export interface DescribeContext {
  readonly client: DescribeClient
  readonly settings: DescribeSettings
}

/** Objects of `kind` in `namespace` ('' or undefined: every namespace), or [] when listing fails. */
export function listOf<T = KubeObject>(
  client: DescribeClient,
  kind: string,
  namespace: string | undefined,
  keep: (o: T) => boolean = () => true,
  selectors: Pick<ListOptions, 'fieldSelector' | 'labelSelector'> = {},
): T[] {
  const t = servedType(kind)
  const options: ListOptions = {
    ...(namespace === undefined || namespace === '' || !t.namespaced ? {} : { namespace }),
    ...selectors,
  }
  const result = client.list(t, options)
  if (!result.ok) return []
  return (result.value.items as T[])
    .filter(
      (o) =>
        namespace === undefined ||
        namespace === '' ||
        !t.namespaced ||
        ((o as KubeObject).metadata.namespace ?? '') === namespace,
    )
    .filter(keep)
}

/** Reads one related object, or undefined when it is not there. */
export function getOf<T = KubeObject>(
  client: DescribeClient,
  kind: string,
  namespace: string,
  name: string,
): T | undefined {
  const result = client.get(servedType(kind), namespace, name)
  return result.ok ? (result.value as T) : undefined
}
