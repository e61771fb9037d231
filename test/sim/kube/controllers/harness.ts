/**
 * A bare cluster for controller tests: the API server, the controller manager and nothing else (no
 * scheduler, no kubelet), so each test plays the other components by writing pods' status itself.
 */
import { VirtualClock } from '../../../../src/sim/core/clock'
import { KubeCluster } from '../../../../src/sim/kube/cluster'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { servedType } from '../../../../src/sim/kube/api/resources'
import { controllerManager } from '../../../../src/sim/kube/controllers'

export const NAMESPACES = servedType('Namespace')
export const PODS = servedType('Pod')
export const DEPLOYMENTS = servedType('Deployment')
export const REPLICA_SETS = servedType('ReplicaSet')
export const EVENTS = servedType('Event')
export const SERVICES = servedType('Service')
export const ENDPOINTS = servedType('Endpoints')
export const ENDPOINT_SLICES = servedType('EndpointSlice')
export const SERVICE_ACCOUNTS = servedType('ServiceAccount')
export const CONFIG_MAPS = servedType('ConfigMap')
export const NODES = servedType('Node')

export interface Harness {
  clock: VirtualClock
  cluster: KubeCluster
}

export function harness(): Harness {
  const clock = new VirtualClock()
  const cluster = new KubeCluster({ clock, seed: 1, freeze: true })
  for (const c of controllerManager()) cluster.addController(c)
  must(
    cluster.api.create(NAMESPACES, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'default' },
    }),
  )
  return { clock, cluster }
}

export function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

export function deployment(
  name: string,
  replicas: number,
  image = 'nginx',
  extra: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: image.split(':')[0] ?? image, image }] },
      },
      ...extra,
    },
  }
}

/** Pods of the default namespace, by name. */
export function pods(h: Harness, namespace = 'default'): KubeObject[] {
  return h.cluster.store.list(PODS, namespace)
}

/** Plays scheduler + kubelet: binds the pod and reports it Running (and Ready unless told). */
export function runPod(
  h: Harness,
  pod: KubeObject,
  ip: string,
  ready = true,
  node = 'minikube',
): void {
  const current = h.cluster.store.get(PODS, pod.metadata.namespace ?? 'default', pod.metadata.name)
  if (current === undefined) throw new Error(`no pod ${pod.metadata.name}`)
  if (!(current['spec'] as { nodeName?: string }).nodeName)
    must(h.cluster.api.bind(pod.metadata.namespace ?? 'default', pod.metadata.name, node))
  const bound = h.cluster.store.get(
    PODS,
    pod.metadata.namespace ?? 'default',
    pod.metadata.name,
  ) as KubeObject
  const now = new Date(Math.floor(h.clock.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z')
  must(
    h.cluster.api.updateStatus(PODS, {
      ...bound,
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now }],
        podIP: ip,
        hostIP: '192.168.49.2',
      },
    } as KubeObject),
  )
}

/** `reason: message` of every event in the namespace, oldest first. */
export function events(h: Harness, namespace = 'default'): string[] {
  return h.cluster.store
    .list(EVENTS, namespace)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${String(e['reason'])}: ${String(e['message'])}`)
}

/** Runs (and readies) every pod that has no status phase yet. */
export function runAll(h: Harness, ready = true): void {
  let n = 10
  for (const pod of pods(h))
    if (
      !pod.metadata.deletionTimestamp &&
      (pod['status'] as { phase?: string } | undefined)?.phase !== 'Running'
    )
      runPod(h, pod, `10.244.0.${n++}`, ready)
}

/** Plays the kubelet for terminating pods: they go once their containers stop. */
export function finishTerminating(h: Harness): void {
  for (const pod of pods(h))
    if (pod.metadata.deletionTimestamp)
      must(h.cluster.api.delete(PODS, 'default', pod.metadata.name, { gracePeriodSeconds: 0 }))
}

/** Plays the kubelet: the pod's containers ended with this phase. */
export function finishPod(h: Harness, pod: KubeObject, phase: 'Succeeded' | 'Failed'): void {
  const current = h.cluster.store.get(
    PODS,
    pod.metadata.namespace ?? 'default',
    pod.metadata.name,
  ) as KubeObject
  must(h.cluster.api.updateStatus(PODS, { ...current, status: { phase } } as KubeObject))
}

export const JOBS = servedType('Job')
export const CRON_JOBS = servedType('CronJob')
export const DAEMON_SETS = servedType('DaemonSet')
export const STATEFUL_SETS = servedType('StatefulSet')
export const PVCS = servedType('PersistentVolumeClaim')

export function node(
  name: string,
  labels: Record<string, string> = {},
  taints: unknown[] = [],
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
    spec: taints.length > 0 ? { taints } : {},
  }
}
