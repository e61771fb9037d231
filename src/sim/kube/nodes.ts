/**
 * The machines behind a cluster's Nodes: minikube's docker containers `minikube`, `minikube-m02`…
 * A Node object is what the kubelet reports; a NodeMachine is whether that kubelet is there to
 * report at all. `minikube node add/stop/start/delete`, `minikube stop/start/pause` act here; the
 * kubelets (kubelet/) and the node-lifecycle controller follow what these switches say.
 */
import { QuaiError, err, ok, type Result } from '../core/errors'
import { SeededRandom } from '../core/random'
import type { KubeCluster } from './cluster'
import type { KubeObject } from './api/object'
import { servedType } from './api/resources'
import { rfc3339 } from './kubelet/time'

/** minikube v1.35.0, the release whose defaults Quai plays (Kubernetes v1.32.0). */
export const MINIKUBE_VERSION = 'v1.35.0'
export const MINIKUBE_COMMIT = 'dd5d320e41b5451cdf3c01891bc4e13d189586ed-dirty'
export const DOCKER_RUNTIME_VERSION = 'docker://27.4.1'
export const NODE_OS_IMAGE = 'Ubuntu 22.04.5 LTS'
/** The docker driver's nodes share the host's kernel; Quai's host is an Ubuntu 24.04 laptop. */
export const NODE_KERNEL = '6.8.0-51-generic'
/** The kicbase container's disk, as the kubelet reports it (the host's filesystem). */
const EPHEMERAL_STORAGE_KI = 102625208

export interface ClusterShape {
  readonly profile: string
  readonly cpus: number
  readonly memoryMiB: number
  readonly kubernetesVersion: string
  readonly driver: string
  /** The docker network's first three octets (minikube: 192.168.49, then .58, .67… per profile). */
  readonly network?: string
}

/** One node's machine: its identity, its addresses and whether its kubelet runs. */
export interface NodeMachine {
  readonly name: string
  /** 0 for the control plane, then 1, 2… in the order nodes were added. */
  readonly ordinal: number
  readonly ip: string
  readonly podCIDR: string
  readonly machineID: string
  readonly systemUUID: string
  bootID: string
  running: boolean
  paused: boolean
  /** The last pod IP handed out in the podCIDR (.1 is the bridge). */
  lastPodHost: number
}

export interface ClusterRuntime {
  readonly shape: ClusterShape
  /** False between `minikube stop` and `minikube start`: no control plane, no kubelet. */
  clusterRunning: boolean
  /** Registers a new machine's Node (set by bootstrap). */
  join?: () => NodeMachine
  readonly machines: Map<string, NodeMachine>
  readonly random: SeededRandom
  nextOrdinal: number
  /** Kubelets and controllers subscribe to hear of machines stopping and starting. */
  readonly listeners: Set<(machine: NodeMachine) => void>
  /** Controllers that restart with the control plane (`minikube start` after `stop`). */
  readonly clusterListeners: Set<() => void>
  /** Records what a kubelet reports as it starts (set by bootstrap). */
  onKubeletStart?: (machine: NodeMachine) => void
}

const runtimes = new WeakMap<KubeCluster, ClusterRuntime>()

export function attachRuntime(
  cluster: KubeCluster,
  shape: ClusterShape,
  seed: number,
): ClusterRuntime {
  const runtime: ClusterRuntime = {
    shape,
    machines: new Map(),
    random: new SeededRandom((seed ^ 0x6e0de5) >>> 0),
    clusterRunning: true,
    nextOrdinal: 0,
    listeners: new Set(),
    clusterListeners: new Set(),
  }
  runtimes.set(cluster, runtime)
  return runtime
}

/** The machines of a cluster built by createCluster (a bare KubeCluster has none). */
export function clusterRuntime(cluster: KubeCluster): ClusterRuntime | undefined {
  return runtimes.get(cluster)
}

/** minikube names the first node after the profile and the others `<profile>-m02`, `-m03`… */
export function nodeName(profile: string, ordinal: number): string {
  return ordinal === 0 ? profile : `${profile}-m${String(ordinal + 1).padStart(2, '0')}`
}

export function newMachine(runtime: ClusterRuntime): NodeMachine {
  const ordinal = runtime.nextOrdinal++
  const machine: NodeMachine = {
    name: nodeName(runtime.shape.profile, ordinal),
    ordinal,
    ip: `${runtime.shape.network ?? '192.168.49'}.${ordinal + 2}`,
    podCIDR: `10.244.${ordinal}.0/24`,
    machineID: runtime.random.hex(32),
    systemUUID: runtime.random.uuid(),
    bootID: runtime.random.uuid(),
    running: true,
    paused: false,
    lastPodHost: 1,
  }
  runtime.machines.set(machine.name, machine)
  return machine
}

/** The next pod IP in the node's podCIDR: 10.244.<ordinal>.2, .3… */
export function allocatePodIP(machine: NodeMachine): string {
  machine.lastPodHost = machine.lastPodHost >= 254 ? 2 : machine.lastPodHost + 1
  return `10.244.${machine.ordinal}.${machine.lastPodHost}`
}

/** minikube's `updated_at` label: Go layout `2006_01_02T15_04_05_0700`, whose `0700` is literal. */
function updatedAt(ms: number): string {
  const iso = new Date(ms).toISOString()
  return `${iso.slice(0, 10).replaceAll('-', '_')}T${iso.slice(11, 19).replaceAll(':', '_')}_0700`
}

const condition = (
  type: string,
  status: string,
  reason: string,
  message: string,
  at: string,
): Record<string, string> => ({
  type,
  status,
  lastHeartbeatTime: at,
  lastTransitionTime: at,
  reason,
  message,
})

/** The conditions a healthy kubelet posts, with its reasons and messages. */
export function healthyConditions(at: string): Record<string, string>[] {
  return [
    condition(
      'MemoryPressure',
      'False',
      'KubeletHasSufficientMemory',
      'kubelet has sufficient memory available',
      at,
    ),
    condition(
      'DiskPressure',
      'False',
      'KubeletHasNoDiskPressure',
      'kubelet has no disk pressure',
      at,
    ),
    condition(
      'PIDPressure',
      'False',
      'KubeletHasSufficientPID',
      'kubelet has sufficient PID available',
      at,
    ),
    condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', at),
  ]
}

/** The Node object a kubelet registers, labelled by minikube as `minikube start` leaves it. */
export function nodeObject(
  runtime: ClusterRuntime,
  machine: NodeMachine,
  nowMs: number,
): KubeObject {
  const { shape } = runtime
  const at = rfc3339(nowMs)
  const controlPlane = machine.ordinal === 0
  const resources = {
    cpu: String(shape.cpus),
    'ephemeral-storage': `${EPHEMERAL_STORAGE_KI}Ki`,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: `${shape.memoryMiB * 1024}Ki`,
    pods: '110',
  }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: machine.name,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/cri-dockerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': machine.name,
        'kubernetes.io/os': 'linux',
        'minikube.k8s.io/commit': MINIKUBE_COMMIT,
        'minikube.k8s.io/name': shape.profile,
        'minikube.k8s.io/primary': controlPlane ? 'true' : 'false',
        'minikube.k8s.io/updated_at': updatedAt(nowMs),
        'minikube.k8s.io/version': MINIKUBE_VERSION,
        ...(controlPlane
          ? {
              'node-role.kubernetes.io/control-plane': '',
              'node.kubernetes.io/exclude-from-external-load-balancers': '',
            }
          : {}),
      },
    },
    spec: { podCIDR: machine.podCIDR, podCIDRs: [machine.podCIDR] },
    status: {
      addresses: [
        { address: machine.ip, type: 'InternalIP' },
        { address: machine.name, type: 'Hostname' },
      ],
      allocatable: { ...resources },
      capacity: resources,
      conditions: healthyConditions(at),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: machine.bootID,
        containerRuntimeVersion: DOCKER_RUNTIME_VERSION,
        kernelVersion: NODE_KERNEL,
        kubeProxyVersion: '',
        kubeletVersion: shape.kubernetesVersion,
        machineID: machine.machineID,
        operatingSystem: 'linux',
        osImage: NODE_OS_IMAGE,
        systemUUID: machine.systemUUID,
      },
    },
  }
}

export const NODES = servedType('Node')

export type NodeErrorCode = 'no-cluster' | 'node-not-found'

/** A node operation on a name the cluster does not have; minikube words the message itself. */
export class NodeError extends QuaiError<NodeErrorCode, { node: string }> {
  constructor(code: NodeErrorCode, node: string) {
    super(code, code === 'no-cluster' ? 'cluster has no node runtime' : `node ${node} not found`, {
      node,
    })
    this.name = 'NodeError'
  }
}

const LEASES_TYPE = servedType('Lease')
const PODS_TYPE = servedType('Pod')

function machineOf(cluster: KubeCluster, name: string): Result<NodeMachine, NodeError> {
  const runtime = runtimes.get(cluster)
  if (runtime === undefined) return err(new NodeError('no-cluster', name))
  const machine = runtime.machines.get(name)
  return machine === undefined ? err(new NodeError('node-not-found', name)) : ok(machine)
}

function changed(cluster: KubeCluster, machine: NodeMachine): void {
  const runtime = runtimes.get(cluster)
  for (const listener of runtime?.listeners ?? []) listener(machine)
  cluster.settle()
}

/** Whether a node's machine is up (its kubelet runs). */
export function nodeRunning(cluster: KubeCluster, name: string): boolean {
  const runtime = runtimes.get(cluster)
  return runtime?.clusterRunning === true && runtime.machines.get(name)?.running === true
}

/** `minikube node add`: a new worker joins and registers its Node. */
export function addNode(cluster: KubeCluster): Result<NodeMachine, NodeError> {
  const runtime = runtimes.get(cluster)
  if (runtime?.join === undefined) return err(new NodeError('no-cluster', ''))
  const machine = runtime.join()
  cluster.settle()
  return ok(machine)
}

/** `minikube node stop`: the machine halts; its containers die with it and its kubelet falls silent. */
export function stopNode(cluster: KubeCluster, name: string): Result<NodeMachine, NodeError> {
  const found = machineOf(cluster, name)
  if (!found.ok) return found
  const machine = found.value
  if (!machine.running) return ok(machine)
  machine.running = false
  changed(cluster, machine)
  return ok(machine)
}

/** `minikube node start`: the machine boots (a new boot id); its kubelet starts and catches up. */
export function startNode(cluster: KubeCluster, name: string): Result<NodeMachine, NodeError> {
  const found = machineOf(cluster, name)
  if (!found.ok) return found
  const machine = found.value
  if (machine.running) return ok(machine)
  const runtime = runtimes.get(cluster)
  machine.running = true
  machine.paused = false
  machine.bootID = runtime?.random.uuid() ?? machine.bootID
  runtime?.onKubeletStart?.(machine)
  changed(cluster, machine)
  return ok(machine)
}

/**
 * `minikube node delete`: drains the node (its pods go at once), removes its Node and Lease,
 * and deletes the machine.
 */
export function deleteNode(cluster: KubeCluster, name: string): Result<NodeMachine, NodeError> {
  const found = machineOf(cluster, name)
  if (!found.ok) return found
  const machine = found.value
  for (const pod of cluster.store.list(PODS_TYPE))
    if ((pod['spec'] as { nodeName?: string } | undefined)?.nodeName === name)
      cluster.api.delete(PODS_TYPE, pod.metadata.namespace ?? 'default', pod.metadata.name, {
        gracePeriodSeconds: 0,
      })
  cluster.api.delete(NODES, '', name)
  cluster.api.delete(LEASES_TYPE, 'kube-node-lease', name)
  machine.running = false
  runtimes.get(cluster)?.machines.delete(name)
  changed(cluster, machine)
  return ok(machine)
}

/** `minikube stop`: every machine halts, the control plane with them. */
export function stopCluster(cluster: KubeCluster): void {
  const runtime = runtimes.get(cluster)
  if (runtime === undefined) return
  runtime.clusterRunning = false
  for (const machine of runtime.machines.values())
    if (machine.running) {
      machine.running = false
      for (const listener of runtime.listeners) listener(machine)
    }
}

/**
 * `minikube start` on a stopped cluster: the control plane comes back first (its controllers
 * start afresh, so nodes are not judged on the time they were all down), then every kubelet,
 * which restarts its pods' containers.
 */
export function startCluster(cluster: KubeCluster): void {
  const runtime = runtimes.get(cluster)
  if (runtime === undefined) return
  runtime.clusterRunning = true
  for (const listener of runtime.clusterListeners) listener()
  for (const machine of runtime.machines.values()) {
    machine.running = true
    machine.paused = false
    machine.bootID = runtime.random.uuid()
    runtime.onKubeletStart?.(machine)
    for (const listener of runtime.listeners) listener(machine)
  }
  cluster.settle()
}

/** `minikube pause` / `unpause`: containers frozen; kubelet stays silent while paused. */
export function setPaused(cluster: KubeCluster, paused: boolean): void {
  const runtime = runtimes.get(cluster)
  if (runtime === undefined) return
  for (const machine of runtime.machines.values()) machine.paused = paused
  if (!paused) for (const machine of runtime.machines.values()) changed(cluster, machine)
}
