/**
 * The kubelets, one per node machine, as one controller: each runs the pods bound to its node
 * while its machine is up, reports them through the pod status subresource, renews its node
 * Lease every 10 seconds and posts its node's status. A stopped machine's kubelet says nothing
 * at all; the node-lifecycle controller notices the silence.
 */
import type { Controller, ControllerContext, KubeCluster } from '../cluster'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import type { WatchEvent } from '../store/object-store'
import { healthyConditions, type ClusterRuntime, type NodeMachine } from '../nodes'
import { logStore } from './container-logs'
import { PodWorkers } from './pod-workers'
import { microTime, rfc3339 } from './time'

const PODS = servedType('Pod')
const NODES = servedType('Node')
const LEASES = servedType('Lease')

/** renewInterval: a quarter of the 40s lease duration. */
export const LEASE_RENEW_MS = 10_000
/** nodeStatusReportFrequency: an unchanged status is still posted this often. */
const NODE_STATUS_REPORT_MS = 5 * 60_000

/** Node events are recorded against a reference whose uid is the node's name (kubelet's nodeRef). */
export function nodeRef(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, uid: name } }
}

/** What a kubelet reports as it starts on a node (kubelet.go initializeModules, setNodeStatus). */
export function recordKubeletStarting(cluster: KubeCluster, machine: NodeMachine): void {
  const ref = nodeRef(machine.name)
  const source = { component: 'kubelet', host: machine.name }
  cluster.events.record(ref, 'Normal', 'Starting', 'Starting kubelet.', source)
  for (const condition of [
    'NodeHasSufficientMemory',
    'NodeHasNoDiskPressure',
    'NodeHasSufficientPID',
  ])
    cluster.events.record(
      ref,
      'Normal',
      condition,
      `Node ${machine.name} status is now: ${condition}`,
      source,
    )
  cluster.events.record(
    ref,
    'Normal',
    'NodeAllocatableEnforced',
    'Updated Node Allocatable limit across pods',
    source,
  )
}

const podKey = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`

/** The node a pod is bound to, if any (the store's nodeName index rule). */
const nodeNameOf = (o: KubeObject): string | undefined => {
  const node = (o['spec'] as { nodeName?: unknown } | undefined)?.nodeName
  return typeof node === 'string' && node !== '' ? node : undefined
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Each cluster's kubelet, for the clients that end a container's main process (attach). */
const mainProcessEnders = new WeakMap<
  KubeCluster,
  (key: string, container: string, code: number) => void
>()

/**
 * The main process of `container` in pod `namespace/name` exited with `code` (its attached shell
 * ended): the kubelet records the exit and restarts the container or completes the pod as its
 * restartPolicy says.
 */
export function endMainProcess(
  cluster: KubeCluster,
  namespace: string,
  name: string,
  container: string,
  code: number,
): void {
  mainProcessEnders.get(cluster)?.(`${namespace}/${name}`, container, code)
  cluster.settle()
}

export function kubeletManager(cluster: KubeCluster, runtime: ClusterRuntime): Controller {
  let ctx: ControllerContext
  let workers: PodWorkers
  /** Nodes whose lease loop is running (one timer chain each). */
  const heartbeating = new Set<string>()
  /**
   * Pods bound to each node, by key, from the pod watch: a machine (re)starting syncs its pods
   * without walking every pod of the cluster (a thousand nodes join one by one).
   */
  const podsByNode = new Map<string, Map<string, KubeObject>>()

  function trackNode(event: WatchEvent): void {
    const node = nodeNameOf(event.object)
    const before = event.previous === undefined ? undefined : nodeNameOf(event.previous)
    if (event.type !== 'DELETED' && node === before) return
    const key = podKey(event.object)
    if (before !== undefined) podsByNode.get(before)?.delete(key)
    if (event.type === 'DELETED' || node === undefined) return
    let pods = podsByNode.get(node)
    if (pods === undefined) podsByNode.set(node, (pods = new Map()))
    pods.set(key, event.object)
  }

  /** Keys of the pods bound to `node`, in the store's list order (namespace, then name). */
  function podKeysOn(node: string): string[] {
    return [...(podsByNode.get(node)?.values() ?? [])]
      .sort(
        (a, b) =>
          byName(a.metadata.namespace ?? '', b.metadata.namespace ?? '') ||
          byName(a.metadata.name, b.metadata.name),
      )
      .map(podKey)
  }

  function heartbeat(machine: NodeMachine): void {
    const now = ctx.clock.now()
    const lease = ctx.store.get(LEASES, 'kube-node-lease', machine.name)
    if (lease !== undefined)
      ctx.api.update(LEASES, {
        ...lease,
        metadata: { ...lease.metadata, resourceVersion: undefined },
        spec: { ...(lease['spec'] as Record<string, unknown>), renewTime: microTime(now) },
      })
    postNodeStatus(machine, now)
  }

  /** The kubelet's node status: Ready again after an outage, else refreshed every 5 minutes. */
  function postNodeStatus(machine: NodeMachine, now: number): void {
    const node = ctx.store.get(NODES, '', machine.name)
    if (node === undefined) return
    const status = (node['status'] as Record<string, unknown> | undefined) ?? {}
    const conditions = (status['conditions'] as Record<string, string>[] | undefined) ?? []
    const ready = conditions.find((c) => c['type'] === 'Ready')
    const healthy = ready?.['status'] === 'True' && ready['reason'] === 'KubeletReady'
    const beat = Date.parse(ready?.['lastHeartbeatTime'] ?? '') || 0
    const bootChanged =
      (status['nodeInfo'] as { bootID?: string } | undefined)?.bootID !== machine.bootID
    if (healthy && !bootChanged && now - beat < NODE_STATUS_REPORT_MS) return
    const at = rfc3339(now)
    const next = healthyConditions(at).map((c) => {
      const old = conditions.find((o) => o['type'] === c['type'])
      if (old === undefined || old['status'] !== c['status'] || old['reason'] !== c['reason'])
        return c
      return { ...c, lastTransitionTime: old['lastTransitionTime'] ?? at }
    })
    ctx.api.updateStatus(NODES, {
      ...node,
      status: {
        ...status,
        conditions: next,
        nodeInfo: { ...(status['nodeInfo'] as Record<string, unknown>), bootID: machine.bootID },
      },
    })
    if (!healthy)
      ctx.events.record(
        nodeRef(machine.name),
        'Normal',
        'NodeReady',
        `Node ${machine.name} status is now: NodeReady`,
        { component: 'kubelet', host: machine.name },
      )
  }

  function startHeartbeats(machine: NodeMachine): void {
    if (heartbeating.has(machine.name)) return
    heartbeating.add(machine.name)
    ctx.enqueueAfter(`lease/${machine.name}`, LEASE_RENEW_MS)
  }

  return {
    name: 'kubelet',
    start(context) {
      ctx = context
      workers = new PodWorkers(ctx, runtime, logStore(cluster))
      mainProcessEnders.set(cluster, (key, container, code) => {
        if (workers.mainProcessExited(key, container, code)) ctx.enqueue(`pod/${key}`)
      })
      for (const pod of ctx.store.list(PODS))
        trackNode({ type: 'ADDED', resource: PODS, object: pod })
      ctx.watch(PODS, (event) => {
        trackNode(event)
        const node = (event.object['spec'] as { nodeName?: string } | undefined)?.nodeName
        if (node === undefined || node === '' || !runtime.machines.has(node)) return
        const key = podKey(event.object)
        if (event.type === 'MODIFIED' && workers.isOwnReport(key)) return
        ctx.enqueue(`pod/${key}`)
      })
      runtime.listeners.add((machine) => {
        if (!machine.running || machine.paused) {
          if (!machine.running) workers.machineStopped(machine)
          return
        }
        ctx.enqueue(`node/${machine.name}`)
        for (const key of podKeysOn(machine.name)) ctx.enqueue(`pod/${key}`)
        startHeartbeats(machine)
      })
      for (const machine of runtime.machines.values()) if (machine.running) startHeartbeats(machine)
    },
    reconcile(key) {
      const slash = key.indexOf('/')
      const kind = key.slice(0, slash)
      const rest = key.slice(slash + 1)
      if (kind === 'pod') return workers.sync(rest)
      if (kind === 'wake') {
        for (const due of workers.dueOn(rest)) workers.sync(due)
        return
      }
      const machine = runtime.machines.get(rest)
      if (kind === 'node') {
        if (machine?.running === true) postNodeStatus(machine, ctx.clock.now())
        return
      }
      if (kind === 'lease') {
        if (machine === undefined || !machine.running) {
          heartbeating.delete(rest)
          return
        }
        heartbeat(machine)
        ctx.enqueueAfter(key, LEASE_RENEW_MS)
      }
    },
  }
}
