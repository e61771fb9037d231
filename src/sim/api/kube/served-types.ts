/**
 * Every (group, version, resource) the facade serves: the stored types of RESOURCE_TYPES, then
 * the versions served beside them through a conversion (autoscaling/v1 HorizontalPodAutoscaler).
 * Discovery lists a group's versions in this order, so the stored one comes first: preferred.
 */
import { RESOURCE_TYPES, type ResourceType } from '../../kube/api/resources'
import { CONVERTED_VERSIONS, type ConvertedVersion } from '../../kube/api/conversion/autoscaling-v1'

export const SERVED_TYPES: readonly ResourceType[] = [
  ...RESOURCE_TYPES,
  ...CONVERTED_VERSIONS.map((c) => c.type),
]

/** The conversion behind `t`, when `t` is a version served beside the stored one. */
export function conversionOf(t: ResourceType): ConvertedVersion | undefined {
  return CONVERTED_VERSIONS.find(
    (c) =>
      c.type.group === t.group && c.type.version === t.version && c.type.resource === t.resource,
  )
}
