/**
 * kube-controller-manager: every reconcile loop Quai runs, in a stable order (the settle loop
 * drains them in this order, so the same writes always produce the same resourceVersions).
 * K-NODE's bootstrap registers them with `cluster.addController` (node-lifecycle is its own).
 */
import type { Controller } from '../cluster'
import { cronJobController } from './cronjob'
import { daemonSetController } from './daemonset'
import { deploymentController } from './deployment/deployment-controller'
import { endpointsController } from './endpoints'
import { endpointSliceController } from './endpointslice'
import { garbageCollector } from './garbage-collector'
import { horizontalPodAutoscalerController } from './horizontal-pod-autoscaler'
import { hostPathProvisioner } from './hostpath-provisioner'
import { jobController } from './job'
import { namespaceController } from './namespace'
import { persistentVolumeController } from './persistent-volume'
import { replicaSetController } from './replicaset'
import { rootCaPublisher } from './root-ca-publisher'
import { serviceAccountController } from './serviceaccount'
import { statefulSetController } from './statefulset'
import { ttlAfterFinishedController } from './ttl-after-finished'

export { computeHash as podTemplateHash } from './common/hash'

export function controllerManager(): Controller[] {
  return [
    namespaceController(),
    serviceAccountController(),
    rootCaPublisher(),
    deploymentController(),
    replicaSetController(),
    statefulSetController(),
    daemonSetController(),
    jobController(),
    cronJobController(),
    ttlAfterFinishedController(),
    garbageCollector(),
    endpointsController(),
    endpointSliceController(),
    persistentVolumeController(),
    // Not kube-controller-manager's: minikube's storage-provisioner pod, idle unless it runs.
    hostPathProvisioner(),
    horizontalPodAutoscalerController(),
  ]
}
