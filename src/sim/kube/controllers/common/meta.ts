/**
 * Object metadata helpers every controller shares: timestamps as the API writes them, controller
 * references (metav1.NewControllerRef / GetControllerOf), deletion state.
 */
import type { KubeObject, OwnerReference } from '../../api/object'

/** The last second formatted: controllers stamp many objects at the same virtual instant. */
let lastSecond = Number.NaN
let lastStamp = ''

/** RFC 3339 at second precision, as metav1.Time marshals. */
export const rfc3339 = (ms: number): string => {
  const second = Math.floor(ms / 1000)
  if (second !== lastSecond) {
    lastSecond = second
    lastStamp = new Date(second * 1000).toISOString().replace('.000Z', 'Z')
  }
  return lastStamp
}

/** Milliseconds of a metav1.Time string (undefined when absent or unparsable). */
export function timeMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
}

export const namespaceOf = (o: KubeObject): string => o.metadata.namespace ?? ''

/** `namespace/name`, the work-queue key client-go's MetaNamespaceKeyFunc makes. */
export const keyOf = (o: KubeObject): string =>
  o.metadata.namespace === undefined || o.metadata.namespace === ''
    ? o.metadata.name
    : `${o.metadata.namespace}/${o.metadata.name}`

export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/')
  return slash === -1
    ? { namespace: '', name: key }
    : { namespace: key.slice(0, slash), name: key.slice(slash + 1) }
}

export const isBeingDeleted = (o: KubeObject): boolean =>
  o.metadata.deletionTimestamp !== undefined && o.metadata.deletionTimestamp !== null

/** The owner reference with controller: true, if any. */
export function controllerRefOf(o: KubeObject): OwnerReference | undefined {
  for (const ref of o.metadata.ownerReferences ?? []) if (ref.controller === true) return ref
  return undefined
}

/** What metav1.NewControllerRef writes: the owner as the one controller, blocking its deletion. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  }
}

/**
 * `<base><5 chars>` as the API server's generateName makes it: the base is cut to 58 characters
 * so the name stays a valid 63-character label (apiserver/pkg/storage/names).
 */
export function generatedName(base: string, suffix: string): string {
  return `${base.length > 58 ? base.slice(0, 58) : base}${suffix}`
}

/** Shallow-copied labels with one more (labelsutil.CloneAndAddLabel). */
export function withLabel(
  labels: Readonly<Record<string, string>> | undefined,
  key: string,
  value: string,
): Record<string, string> {
  return { ...(labels ?? {}), [key]: value }
}
