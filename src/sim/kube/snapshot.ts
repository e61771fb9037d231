/**
 * What the cluster panel shows, built from the objects the API server stores (the same ones
 * `kubectl get nodes,pods,deploy,rs,svc,events` reads) and from minikube's machines, as plain
 * data that can cross IPC. Pure: the STATUS words come from the kubectl printers, so a pod is
 * "CrashLoopBackOff" in the panel exactly when `kubectl get pods` says so.
 */
import type { KubeObject } from './api/object'
import { servedType } from './api/resources'
import type { KubeCluster } from './cluster'
import type { KubeWorld } from './kube-world'
import { clusterRuntime } from './nodes'
import { servicePorts } from './printers/network'
import { NODE_PRINTER } from './printers/node'
import { podRow } from './printers/pod'
import { arr, field, num, rec, since, str } from './printers/table'
import { CLUSTER_PANEL_LIMITS } from './snapshot-limits'

export { CLUSTER_PANEL_LIMITS }

/** The colour family of a pod: one per kind of situation a student must tell apart. */
export type PodTone = 'running' | 'pending' | 'failed' | 'terminating' | 'completed' | 'unknown'

/** Whether the node's machine (minikube's container) runs its kubelet. */
export type MachineState = 'running' | 'stopped' | 'paused' | 'unknown'

export type Labels = Record<string, string>

export interface ClusterPanelNode {
  name: string
  /** `control-plane`, or empty for a worker (ROLES `<none>`). */
  roles: string[]
  /** The STATUS column of `kubectl get nodes`: `Ready`, `NotReady`, `Ready,SchedulingDisabled`. */
  status: string
  ready: boolean
  schedulable: boolean
  machine: MachineState
  internalIP: string
}

export interface ClusterPanelPod {
  namespace: string
  name: string
  /** null while unscheduled (the "Pending" lane). */
  node: string | null
  /** The STATUS column of `kubectl get pods`. */
  status: string
  tone: PodTone
  /** READY, `1/1`. */
  ready: string
  restarts: number
  ip: string
  /** `ReplicaSet/web-7d9c5b8f6b`, or null for a bare pod. */
  owner: string | null
  labels: Labels
}

export type WorkloadKind = 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet'

export interface ClusterPanelWorkload {
  kind: WorkloadKind
  namespace: string
  name: string
  ready: number
  desired: number
  /** `Deployment/web` for a ReplicaSet a Deployment owns. */
  owner: string | null
  labels: Labels
}

export interface ClusterPanelService {
  namespace: string
  name: string
  type: string
  clusterIP: string
  /** The PORT(S) column: `80/TCP`, `80:30080/TCP`. */
  ports: string
  /** `app=web`, or `<none>`. */
  selector: string
  labels: Labels
}

export interface ClusterPanelEvent {
  namespace: string
  type: string
  reason: string
  /** The OBJECT column of `kubectl get events`: `pod/web-7d9c5b8f6b-x2x9k`. */
  object: string
  message: string
  /** LAST SEEN: `5s`, `2m10s`. */
  age: string
  count: number
}

export interface ClusterPanelCluster {
  /** The minikube profile (`minikube`), or the server URL for a cluster without one. */
  profile: string
  server: string
  kubernetesVersion: string
  namespaces: string[]
  nodes: ClusterPanelNode[]
  pods: ClusterPanelPod[]
  workloads: ClusterPanelWorkload[]
  services: ClusterPanelService[]
  /** Latest first. */
  events: ClusterPanelEvent[]
}

export interface ClusterPanelState {
  /** Sorted by profile; empty when no cluster runs (`minikube start` has not been run). */
  clusters: ClusterPanelCluster[]
}

export interface ClusterPanelOptions {
  /** Virtual now, for the events' ages; the world's clock by default. */
  nowMs?: number
}

const NAMESPACES = servedType('Namespace')
const NODES = servedType('Node')
const PODS = servedType('Pod')
const DEPLOYMENTS = servedType('Deployment')
const REPLICA_SETS = servedType('ReplicaSet')
const STATEFUL_SETS = servedType('StatefulSet')
const DAEMON_SETS = servedType('DaemonSet')
const SERVICES = servedType('Service')
const EVENTS = servedType('Event')

const clip = (text: string): string =>
  text.length > CLUSTER_PANEL_LIMITS.text
    ? `${text.slice(0, CLUSTER_PANEL_LIMITS.text - 1)}…`
    : text

function labelsOf(o: KubeObject): Labels {
  const out: Labels = {}
  const entries = Object.entries(o.metadata.labels ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, CLUSTER_PANEL_LIMITS.labels)
  for (const [k, v] of entries) out[clip(k)] = clip(v)
  return out
}

const namespaceOf = (o: KubeObject): string => o.metadata.namespace ?? ''

/** kubelet's reasons grouped by what they mean for the student. */
const PENDING = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'SchedulingGated'])

/** The colour of a pod from its STATUS word (and phase, for the words kubectl does not print). */
export function podTone(status: string, phase: string): PodTone {
  if (status === 'Terminating') return 'terminating'
  if (status === 'Completed' || phase === 'Succeeded') return 'completed'
  // NotReady: the containers run but a readiness check says no; still a running pod.
  if (status === 'Running' || status === 'NotReady') return 'running'
  if (PENDING.has(status) || /^Init:\d+\/\d+$/.test(status)) return 'pending'
  if (status === 'Unknown') return 'unknown'
  // Anything else kubectl prints is a waiting or terminated reason: CrashLoopBackOff, Error,
  // ErrImagePull, ImagePullBackOff, OOMKilled, Evicted, Init:Error…
  return 'failed'
}

function machineState(cluster: KubeCluster, name: string): MachineState {
  const runtime = clusterRuntime(cluster)
  const machine = runtime?.machines.get(name)
  if (runtime === undefined || machine === undefined) return 'unknown'
  if (!runtime.clusterRunning || !machine.running) return 'stopped'
  return machine.paused ? 'paused' : 'running'
}

function nodeRow(cluster: KubeCluster, node: KubeObject, nowMs: number): ClusterPanelNode {
  const cells = NODE_PRINTER.row(node, nowMs).cells
  const status = str(cells[1])
  const roles = str(cells[2])
  const internalIP =
    arr<{ type?: string; address?: string }>(field(node, 'status', 'addresses')).find(
      (a) => a.type === 'InternalIP',
    )?.address ?? ''
  return {
    name: clip(node.metadata.name),
    roles: roles === '<none>' || roles === '' ? [] : roles.split(','),
    status: clip(status),
    ready: status.split(',')[0] === 'Ready',
    schedulable: field(node, 'spec', 'unschedulable') !== true,
    machine: machineState(cluster, node.metadata.name),
    internalIP,
  }
}

function ownerOf(o: KubeObject): string | null {
  const owner = o.metadata.ownerReferences?.find((r) => r.controller === true)
  return owner === undefined ? null : clip(`${owner.kind}/${owner.name}`)
}

function podEntry(pod: KubeObject, nowMs: number): ClusterPanelPod {
  const cells = podRow(pod, nowMs).cells
  const status = str(cells[2])
  const restarts = Number.parseInt(str(cells[3]), 10)
  const node = str(field(pod, 'spec', 'nodeName'))
  return {
    namespace: clip(namespaceOf(pod)),
    name: clip(pod.metadata.name),
    node: node === '' ? null : clip(node),
    status: clip(status),
    tone: podTone(status, str(field(pod, 'status', 'phase'))),
    ready: str(cells[1]),
    restarts: Number.isNaN(restarts) ? 0 : restarts,
    ip: str(field(pod, 'status', 'podIP')),
    owner: ownerOf(pod),
    labels: labelsOf(pod),
  }
}

function workload(
  kind: WorkloadKind,
  o: KubeObject,
  ready: number,
  desired: number,
): ClusterPanelWorkload {
  return {
    kind,
    namespace: clip(namespaceOf(o)),
    name: clip(o.metadata.name),
    ready,
    desired,
    owner: ownerOf(o),
    labels: labelsOf(o),
  }
}

function workloads(cluster: KubeCluster): ClusterPanelWorkload[] {
  const status = (o: KubeObject): Record<string, unknown> => rec(o['status'])
  const replicas = (o: KubeObject): number => {
    const value = field(o, 'spec', 'replicas')
    return typeof value === 'number' ? value : 1
  }
  return [
    ...cluster
      .objects(DEPLOYMENTS)
      .map((o) => workload('Deployment', o, num(status(o)['readyReplicas']), replicas(o))),
    ...cluster
      .objects(REPLICA_SETS)
      .map((o) => workload('ReplicaSet', o, num(status(o)['readyReplicas']), replicas(o))),
    ...cluster
      .objects(STATEFUL_SETS)
      .map((o) => workload('StatefulSet', o, num(status(o)['readyReplicas']), replicas(o))),
    ...cluster
      .objects(DAEMON_SETS)
      .map((o) =>
        workload(
          'DaemonSet',
          o,
          num(status(o)['numberReady']),
          num(status(o)['desiredNumberScheduled']),
        ),
      ),
  ].slice(0, CLUSTER_PANEL_LIMITS.items)
}

function selectorText(o: KubeObject): string {
  const selector = rec(field(o, 'spec', 'selector'))
  const pairs = Object.entries(selector)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([k, v]) => `${k}=${v}`)
    .sort()
  return pairs.length === 0 ? '<none>' : clip(pairs.join(','))
}

function serviceEntry(o: KubeObject): ClusterPanelService {
  return {
    namespace: clip(namespaceOf(o)),
    name: clip(o.metadata.name),
    type: str(field(o, 'spec', 'type')) || 'ClusterIP',
    clusterIP: str(field(o, 'spec', 'clusterIP')),
    ports: clip(servicePorts(o)) || '<none>',
    selector: selectorText(o),
    labels: labelsOf(o),
  }
}

/** The resourceVersion as a number: the store's write order, finer than the second stamps. */
const writeOrder = (o: KubeObject): number => Number(o.metadata.resourceVersion ?? 0) || 0

function eventTime(o: KubeObject): string {
  const last = str(o['lastTimestamp'])
  if (last !== '') return last
  const time = str(o['eventTime'])
  return time !== '' ? time : str(o.metadata.creationTimestamp)
}

function events(cluster: KubeCluster, nowMs: number): ClusterPanelEvent[] {
  return cluster
    .objects(EVENTS)
    .map((o) => ({ o, at: Date.parse(eventTime(o)) || 0, order: writeOrder(o) }))
    .sort((a, b) => b.at - a.at || b.order - a.order)
    .slice(0, CLUSTER_PANEL_LIMITS.events)
    .map(({ o }) => {
      const involved = rec(o['involvedObject'])
      const kind = str(involved['kind']).toLowerCase()
      const name = str(involved['name'])
      const count = num(o['count'])
      return {
        namespace: clip(namespaceOf(o)),
        type: clip(str(o['type'])),
        reason: clip(str(o['reason'])),
        object: clip(kind === '' ? name : `${kind}/${name}`),
        message: clip(str(o['message'])),
        age: since(eventTime(o), nowMs),
        count: count > 0 ? count : 1,
      }
    })
}

function clusterEntry(server: string, cluster: KubeCluster, nowMs: number): ClusterPanelCluster {
  const runtime = clusterRuntime(cluster)
  return {
    profile: clip(runtime?.shape.profile ?? server),
    server: clip(server),
    kubernetesVersion: runtime?.shape.kubernetesVersion ?? '',
    namespaces: cluster
      .objects(NAMESPACES)
      .map((o) => clip(o.metadata.name))
      .slice(0, CLUSTER_PANEL_LIMITS.items),
    nodes: cluster
      .objects(NODES)
      .slice(0, CLUSTER_PANEL_LIMITS.nodes)
      .map((node) => nodeRow(cluster, node, nowMs)),
    pods: cluster
      .objects(PODS)
      .slice(0, CLUSTER_PANEL_LIMITS.pods)
      .map((pod) => podEntry(pod, nowMs)),
    workloads: workloads(cluster),
    services: cluster.objects(SERVICES).slice(0, CLUSTER_PANEL_LIMITS.items).map(serviceEntry),
    events: events(cluster, nowMs),
  }
}

/** The panel's view of every cluster the machine runs. */
export function clusterPanelState(
  kube: KubeWorld,
  options: ClusterPanelOptions = {},
): ClusterPanelState {
  const nowMs = options.nowMs ?? kube.clock.now()
  const clusters = kube
    .all()
    .map(([server, cluster]) => clusterEntry(server, cluster, nowMs))
    .sort((a, b) => (a.profile < b.profile ? -1 : a.profile > b.profile ? 1 : 0))
    .slice(0, CLUSTER_PANEL_LIMITS.clusters)
  return { clusters }
}
