/**
 * describeObject: the text `kubectl describe` prints for one object, from the describer kubectl
 * 1.32 registers for its kind (describe.go's describerMap) or the generic one for the rest.
 */
import type { Result } from '../../../core/errors'
import type { ResourceType } from '../../api/resources'
import type { ApiError } from '../../api/status'
import type { DescribeClient, DescribeSettings } from './client'
import type { Describer } from './describer'
import { describeHorizontalPodAutoscaler } from './kinds/autoscaling'
import { describeCronJob, describeJob } from './kinds/batch'
import {
  describeConfigMap,
  describeLimitRange,
  describeNamespace,
  describeResourceQuota,
  describeSecret,
  describeServiceAccount,
} from './kinds/config'
import { describeGeneric } from './kinds/generic'
import {
  describeEndpointSlice,
  describeEndpoints,
  describeIngress,
  describeIngressClass,
  describeService,
} from './kinds/network'
import { describeNode } from './kinds/node'
import { describePod } from './kinds/pod'
import {
  describePersistentVolume,
  describePersistentVolumeClaim,
  describeStorageClass,
} from './kinds/storage'
import {
  describeDaemonSet,
  describeDeployment,
  describeReplicaSet,
  describeReplicationController,
  describeStatefulSet,
} from './kinds/workloads'

export type { DescribeClient, DescribeSettings } from './client'

/** By `group/Kind`, as describerMap keys them. */
const DESCRIBERS: ReadonlyMap<string, Describer> = new Map([
  ['/Pod', describePod],
  ['/ReplicationController', describeReplicationController],
  ['/Secret', describeSecret],
  ['/Service', describeService],
  ['/ServiceAccount', describeServiceAccount],
  ['/Node', describeNode],
  ['/LimitRange', describeLimitRange],
  ['/ResourceQuota', describeResourceQuota],
  ['/PersistentVolume', describePersistentVolume],
  ['/PersistentVolumeClaim', describePersistentVolumeClaim],
  ['/Namespace', describeNamespace],
  ['/Endpoints', describeEndpoints],
  ['/ConfigMap', describeConfigMap],
  ['discovery.k8s.io/EndpointSlice', describeEndpointSlice],
  ['autoscaling/HorizontalPodAutoscaler', describeHorizontalPodAutoscaler],
  ['networking.k8s.io/Ingress', describeIngress],
  ['networking.k8s.io/IngressClass', describeIngressClass],
  ['batch/Job', describeJob],
  ['batch/CronJob', describeCronJob],
  ['apps/StatefulSet', describeStatefulSet],
  ['apps/Deployment', describeDeployment],
  ['apps/DaemonSet', describeDaemonSet],
  ['apps/ReplicaSet', describeReplicaSet],
  ['storage.k8s.io/StorageClass', describeStorageClass],
])

export function describerFor(t: ResourceType): Describer {
  return DESCRIBERS.get(`${t.group}/${t.kind}`) ?? describeGeneric
}

/** What `kubectl describe TYPE NAME` prints for one object, or the API's error (NotFound…). */
export function describeObject(
  client: DescribeClient,
  t: ResourceType,
  namespace: string,
  name: string,
  settings: DescribeSettings,
): Result<string, ApiError> {
  return describerFor(t)({ client, settings }, t, t.namespaced ? namespace : '', name)
}
