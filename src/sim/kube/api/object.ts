/**
 * Objects as the Kubernetes API has them. The typed shapes come from kubernetes-models (generated
 * from the real OpenAPI), so `-o yaml`, the HTTP facade and the panels all see the same JSON.
 */
import type { IObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta'

export type { IObjectMeta as ObjectMeta }
export type { IOwnerReference as OwnerReference } from '@kubernetes-models/apimachinery/apis/meta/v1/OwnerReference'
export type { ILabelSelector as LabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector'
export type { IPod as Pod } from 'kubernetes-models/v1/Pod'
export type { IPodSpec as PodSpec } from 'kubernetes-models/v1/PodSpec'
export type { IPodTemplateSpec as PodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec'
export type { IContainer as Container } from 'kubernetes-models/v1/Container'
export type { IContainerStatus as ContainerStatus } from 'kubernetes-models/v1/ContainerStatus'
export type { INode as Node } from 'kubernetes-models/v1/Node'
export type { INamespace as Namespace } from 'kubernetes-models/v1/Namespace'
export type { IService as Service } from 'kubernetes-models/v1/Service'
export type { IEndpoints as Endpoints } from 'kubernetes-models/v1/Endpoints'
export type { IConfigMap as ConfigMap } from 'kubernetes-models/v1/ConfigMap'
export type { ISecret as Secret } from 'kubernetes-models/v1/Secret'
export type { IServiceAccount as ServiceAccount } from 'kubernetes-models/v1/ServiceAccount'
export type { IEvent as KubeEvent } from 'kubernetes-models/v1/Event'
export type { IPersistentVolume as PersistentVolume } from 'kubernetes-models/v1/PersistentVolume'
export type { IPersistentVolumeClaim as PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim'
export type { IDeployment as Deployment } from 'kubernetes-models/apps/v1/Deployment'
export type { IReplicaSet as ReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet'
export type { IDaemonSet as DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet'
export type { IStatefulSet as StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet'
export type { IJob as Job } from 'kubernetes-models/batch/v1/Job'
export type { ICronJob as CronJob } from 'kubernetes-models/batch/v1/CronJob'
export type { IEndpointSlice as EndpointSlice } from 'kubernetes-models/discovery.k8s.io/v1/EndpointSlice'
export type { IIngress as Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress'
export type { IStorageClass as StorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass'

/** Any stored object: every kind has these, the rest is the kind's own. */
export interface KubeObject {
  apiVersion: string
  kind: string
  metadata: IObjectMeta & { name: string }
  [field: string]: unknown
}

/** Where an object lives: its type's plural, its namespace ('' for cluster-scoped) and name. */
export interface ObjectKey {
  readonly resource: string
  readonly namespace: string
  readonly name: string
}

export const keyString = (k: ObjectKey): string => `${k.resource}/${k.namespace}/${k.name}`

/**
 * Objects handed to or read from the store are shared, never edited: copy first. A JSON-shaped
 * deep copy (undefined members dropped, as a JSON round trip would), several times cheaper than
 * one: the API server copies every request body.
 */
export function cloneObject<T>(object: T): T {
  return copyJson(object) as T
}

function copyJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length)
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i]
      out[i] = v === undefined ? null : copyJson(v)
    }
    return out
  }
  const out: Record<string, unknown> = {}
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key]
    if (v !== undefined) out[key] = copyJson(v)
  }
  return out
}
