/**
 * kube-controller-manager's node-lifecycle controller with its taint-based eviction
 * (pkg/controller/nodelifecycle, pkg/controller/tainteviction, 1.32). Every 5 seconds it looks at
 * each node's heartbeat (its Lease, or the Ready condition's lastHeartbeatTime); one silent for
 * longer than the 40-second grace period gets every condition Unknown ("Kubelet stopped posting
 * node status."), the `node.kubernetes.io/unreachable` taints (NoSchedule and NoExecute), a
 * NodeNotReady event, and its pods marked not Ready. Pods that do not tolerate the NoExecute
 * taint forever are deleted once their tolerationSeconds run out (300s by default, added by the
 * DefaultTolerationSeconds admission plugin). A node that reports again loses the taints.
 */
import type { Controller, ControllerContext } from '../cluster'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import type { ClusterRuntime } from '../nodes'
import { rfc3339 } from '../kubelet/time'
import { tolerates, type Toleration } from '../scheduler/node-affinity'

const NODES = servedType('Node')
const PODS = servedType('Pod')
const LEASES = servedType('Lease')

/** --node-monitor-period. */
export const NODE_MONITOR_PERIOD_MS = 5_000
/** --node-monitor-grace-period (40s through 1.31; kept here). */
export const NODE_MONITOR_GRACE_MS = 40_000

const UNREACHABLE = 'node.kubernetes.io/unreachable'
const NOT_READY_MESSAGE = 'Kubelet stopped posting node status.'

interface Taint {
  key: string
  value?: string
  effect: string
  timeAdded?: string
}

type Conditions = Record<string, string>[]

const conditionsOf = (node: KubeObject): Conditions =>
  ((node['status'] as { conditions?: Conditions } | undefined)?.conditions ?? []) as Conditions
const taintsOf = (node: KubeObject): Taint[] =>
  (node['spec'] as { taints?: Taint[] } | undefined)?.taints ?? []
const nodeNameOf = (pod: KubeObject): string | undefined =>
  (pod['spec'] as { nodeName?: string } | undefined)?.nodeName

const ms = (time: string | undefined): number => (time === undefined ? 0 : Date.parse(time) || 0)

export function nodeLifecycleController(runtime: ClusterRuntime): Controller {
  let ctx: ControllerContext
  /** When the controller (re)started: no node is judged on silence from before. */
  let startedAt = 0
  let monitorArmed = false
  const armMonitor = (): void => {
    if (monitorArmed) return
    monitorArmed = true
    ctx.enqueueAfter('monitor', NODE_MONITOR_PERIOD_MS)
  }

  function lastHeard(node: KubeObject): number {
    const lease = ctx.store.get(LEASES, 'kube-node-lease', node.metadata.name)
    const renew = ms((lease?.['spec'] as { renewTime?: string } | undefined)?.renewTime)
    const ready = conditionsOf(node).find((c) => c['type'] === 'Ready')
    return Math.max(renew, ms(ready?.['lastHeartbeatTime']), startedAt)
  }

  function markUnknown(node: KubeObject, now: number): void {
    const at = rfc3339(now)
    const conditions = conditionsOf(node).map((c) => ({
      ...c,
      lastTransitionTime: at,
      message: NOT_READY_MESSAGE,
      reason: 'NodeStatusUnknown',
      status: 'Unknown',
    }))
    const status = node['status'] as Record<string, unknown>
    ctx.api.updateStatus(NODES, { ...node, status: { ...status, conditions } })
    ctx.events.record(
      { ...node, metadata: { ...node.metadata, uid: node.metadata.name } },
      'Normal',
      'NodeNotReady',
      `Node ${node.metadata.name} status is now: NodeNotReady`,
      { component: 'node-controller' },
    )
    for (const pod of podsOn(node.metadata.name)) markPodNotReady(pod, at)
  }

  function podsOn(name: string): KubeObject[] {
    return ctx.store.list(PODS).filter((p) => nodeNameOf(p) === name)
  }

  /** MarkPodsNotReady: Ready=False and a NodeNotReady event on each pod. */
  function markPodNotReady(pod: KubeObject, at: string): void {
    const status = (pod['status'] as Record<string, unknown> | undefined) ?? {}
    const conditions = (status['conditions'] as Record<string, unknown>[] | undefined) ?? []
    const ready = conditions.find((c) => c['type'] === 'Ready')
    if (ready === undefined || ready['status'] === 'False') return
    ctx.api.updateStatus(PODS, {
      ...pod,
      status: {
        ...status,
        conditions: conditions.map((c) =>
          c['type'] === 'Ready' ? { ...c, lastTransitionTime: at, status: 'False' } : c,
        ),
      },
    })
    ctx.events.record(pod, 'Warning', 'NodeNotReady', 'Node is not ready', {
      component: 'node-controller',
    })
  }

  function setUnreachableTaints(node: KubeObject, present: boolean, now: number): void {
    const taints = taintsOf(node)
    const has = taints.some((t) => t.key === UNREACHABLE)
    if (has === present) return
    const kept = taints.filter((t) => t.key !== UNREACHABLE)
    const next = present
      ? [
          ...kept,
          { effect: 'NoSchedule', key: UNREACHABLE, timeAdded: rfc3339(now) },
          { effect: 'NoExecute', key: UNREACHABLE, timeAdded: rfc3339(now) },
        ]
      : kept
    const spec = { ...(node['spec'] as Record<string, unknown>) }
    if (next.length === 0) delete spec['taints']
    else spec['taints'] = next
    ctx.api.update(NODES, {
      ...node,
      metadata: { ...node.metadata, resourceVersion: undefined },
      spec,
    })
  }

  function monitor(): void {
    if (!runtime.clusterRunning) return
    const now = ctx.clock.now()
    for (const node of ctx.store.list(NODES)) {
      const ready = conditionsOf(node).find((c) => c['type'] === 'Ready')
      const silent = now - lastHeard(node) > NODE_MONITOR_GRACE_MS
      if (silent && ready?.['status'] !== 'Unknown') {
        markUnknown(node, now)
        const current = ctx.store.get(NODES, '', node.metadata.name)
        if (current !== undefined) setUnreachableTaints(current, true, now)
      } else if (!silent && ready?.['status'] === 'True') {
        setUnreachableTaints(node, false, now)
      }
    }
  }

  /** tainteviction: when this pod must go because of its node's NoExecute taints. */
  function evictionDue(pod: KubeObject, node: KubeObject): number | undefined {
    const tolerations =
      (pod['spec'] as { tolerations?: Toleration[] } | undefined)?.tolerations ?? []
    let due: number | undefined
    for (const taint of taintsOf(node)) {
      if (taint.effect !== 'NoExecute') continue
      const matching = tolerations.filter((t) => tolerates(t, taint))
      if (matching.length === 0) return ms(taint.timeAdded)
      // The shortest tolerationSeconds among those that match; none set means forever.
      const seconds = matching
        .map((t) => t.tolerationSeconds)
        .filter((s): s is number => s !== undefined)
      if (seconds.length < matching.length) continue
      const at = ms(taint.timeAdded) + Math.max(0, Math.min(...seconds)) * 1000
      due = due === undefined ? at : Math.min(due, at)
    }
    return due
  }

  function considerEviction(pod: KubeObject): void {
    if (pod.metadata.deletionTimestamp !== undefined) return
    const name = nodeNameOf(pod)
    if (name === undefined) return
    const node = ctx.store.get(NODES, '', name)
    if (node === undefined) return
    const due = evictionDue(pod, node)
    if (due === undefined) return
    const key = `evict/${pod.metadata.namespace ?? ''}/${pod.metadata.name}`
    const wait = due - ctx.clock.now()
    if (wait > 0) return ctx.enqueueAfter(key, wait)
    ctx.events.record(
      pod,
      'Normal',
      'TaintManagerEviction',
      `Marking for deletion Pod ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`,
      { component: 'taint-eviction-controller' },
    )
    ctx.api.delete(PODS, pod.metadata.namespace ?? 'default', pod.metadata.name)
  }

  return {
    name: 'node-lifecycle-controller',
    start(context) {
      ctx = context
      startedAt = ctx.clock.now()
      armMonitor()
      runtime.clusterListeners.add(() => {
        startedAt = ctx.clock.now()
        armMonitor()
      })
      ctx.watch(NODES, (event) => {
        if (event.type === 'DELETED') return
        const before = JSON.stringify(event.previous === undefined ? [] : taintsOf(event.previous))
        if (JSON.stringify(taintsOf(event.object)) !== before)
          ctx.enqueue(`taints/${event.object.metadata.name}`)
      })
    },
    reconcile(key) {
      if (key === 'monitor') {
        monitorArmed = false
        monitor()
        if (runtime.clusterRunning) armMonitor()
        return
      }
      if (key.startsWith('taints/')) {
        for (const pod of podsOn(key.slice('taints/'.length))) considerEviction(pod)
        return
      }
      if (key.startsWith('evict/')) {
        const [, namespace = '', name = ''] = key.split('/')
        const pod = ctx.store.get(PODS, namespace, name)
        if (pod !== undefined) considerEviction(pod)
      }
    },
  }
}
