/**
 * Lookups over the versions served beside a stored one: the type a manifest's apiVersion/kind
 * names when it is such a version (autoscaling/v1 HorizontalPodAutoscaler), and the conversion
 * behind a type a client addresses. The API server and kubectl's manifest decoder route through
 * these, as kube-apiserver routes every served version to its one storage version.
 */
import { groupVersion, type ResourceType } from '../resources'
import { CONVERTED_VERSIONS, type ConvertedVersion } from './autoscaling-v1'

/** The conversion behind `t` when `t` is a served-beside version, not a stored one. */
export function conversionFor(t: ResourceType): ConvertedVersion | undefined {
  return CONVERTED_VERSIONS.find(
    (c) =>
      c.type.group === t.group && c.type.version === t.version && c.type.resource === t.resource,
  )
}

/** The served-beside version an object's apiVersion and kind name, if any. */
export function convertedForKind(apiVersion: string, kind: string): ConvertedVersion | undefined {
  return CONVERTED_VERSIONS.find((c) => groupVersion(c.type) === apiVersion && c.type.kind === kind)
}
