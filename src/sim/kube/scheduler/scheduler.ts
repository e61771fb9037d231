/**
 * kube-scheduler's default profile as one controller: each unbound pod is filtered against the
 * nodes, the feasible ones scored, and the best bound (ties broken at random, from this
 * controller's seeded stream, as upstream's selectHost does). A pod no node can take gets
 * PodScheduled=False/Unschedulable and a FailedScheduling event with the FitError text, and is
 * tried again when the cluster changes in a way that could help (a node added or changed, a pod
 * gone, a claim bound). Like pkg/scheduler/schedule_one.go, in miniature.
 */
import type { Controller, ControllerContext } from '../cluster'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import { SchedulerCache, controllerUid, type NodeInfo } from './cache'
import { plainPod, runFilters, type FilterFailure, type PodFacts } from './filters'
import { fitErrorMessage, NO_NODES_MESSAGE } from './fit-error'
import { hostPorts, podRequests, podSpecOf } from './pod-resources'
import { scoreNodes } from './scores'
import { volumeBindingPreFilter } from './volume-binding'
import { rfc3339 } from '../kubelet/time'
import { sameJson } from '../controllers/common/same-json'
import type { Toleration } from './node-affinity'

export const SCHEDULER_NAME = 'default-scheduler'

const PODS = servedType('Pod')
const NODES = servedType('Node')
const PVCS = servedType('PersistentVolumeClaim')

/**
 * How many feasible nodes to look for before scoring (numFeasibleNodesToFind with the adaptive
 * percentageOfNodesToScore): all of them up to 100 nodes, then a shrinking share, at least 100.
 */
export function feasibleNodesToFind(allNodes: number): number {
  if (allNodes < 100) return allNodes
  const percentage = Math.max(5, 50 - Math.trunc(allNodes / 125))
  return Math.max(100, Math.trunc((allNodes * percentage) / 100))
}

const podKey = (pod: KubeObject): string => `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`

function wantsScheduling(pod: KubeObject): boolean {
  const spec = podSpecOf(pod) as { nodeName?: string; schedulerName?: string }
  if (spec.nodeName !== undefined && spec.nodeName !== '') return false
  if (pod.metadata.deletionTimestamp !== undefined) return false
  return (spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME
}

/** Node changes that can turn a "no" into a "yes". */
function schedulingRelevant(before: KubeObject | undefined, after: KubeObject): boolean {
  if (before === undefined) return true
  const facts = (n: KubeObject): string =>
    JSON.stringify([
      n.metadata.labels,
      n['spec'],
      (n['status'] as { allocatable?: unknown } | undefined)?.allocatable,
    ])
  return facts(before) !== facts(after)
}

export function scheduler(): Controller {
  const cache = new SchedulerCache()
  const unschedulable = new Set<string>()
  let ctx: ControllerContext
  let nextStartNodeIndex = 0
  const feasibleScratch: NodeInfo[] = []

  const retryUnschedulable = (): void => {
    for (const key of unschedulable) ctx.enqueue(key)
  }

  function fail(pod: KubeObject, message: string): void {
    unschedulable.add(podKey(pod))
    ctx.events.record(pod, 'Warning', 'FailedScheduling', message, { component: SCHEDULER_NAME })
    const status = (pod['status'] as Record<string, unknown> | undefined) ?? {}
    const conditions = (status['conditions'] as Record<string, unknown>[] | undefined) ?? []
    const current = conditions.find((c) => c['type'] === 'PodScheduled')
    if (current?.['status'] === 'False' && current['message'] === message) return
    const condition = {
      lastProbeTime: null,
      lastTransitionTime:
        current?.['status'] === 'False' ? current['lastTransitionTime'] : rfc3339(ctx.clock.now()),
      message,
      reason: 'Unschedulable',
      status: 'False',
      type: 'PodScheduled',
    }
    ctx.api.updateStatus(PODS, {
      ...pod,
      status: {
        ...status,
        phase: status['phase'] ?? 'Pending',
        conditions: [...conditions.filter((c) => c['type'] !== 'PodScheduled'), condition],
      },
    })
  }

  /** The pods/binding subresource, then PodScheduled=True (upstream's assignPod sets both). */
  function bind(pod: KubeObject, node: string): void {
    unschedulable.delete(podKey(pod))
    const namespace = pod.metadata.namespace ?? 'default'
    const bound = ctx.api.bind(namespace, pod.metadata.name, node)
    // The pod changed or went since we read it: its watch event has queued it again.
    if (!bound.ok) return
    const status = (bound.value['status'] as Record<string, unknown> | undefined) ?? {}
    const conditions = (status['conditions'] as Record<string, unknown>[] | undefined) ?? []
    if (!conditions.some((c) => c['type'] === 'PodScheduled' && c['status'] === 'True'))
      ctx.api.updateStatus(PODS, {
        ...bound.value,
        status: {
          ...status,
          phase: status['phase'] ?? 'Pending',
          conditions: [
            ...conditions.filter((c) => c['type'] !== 'PodScheduled'),
            {
              lastProbeTime: null,
              lastTransitionTime: rfc3339(ctx.clock.now()),
              status: 'True',
              type: 'PodScheduled',
            },
          ],
        },
      })
    ctx.events.record(
      bound.value,
      'Normal',
      'Scheduled',
      `Successfully assigned ${namespace}/${pod.metadata.name} to ${node}`,
      { component: SCHEDULER_NAME },
    )
  }

  function schedule(pod: KubeObject): void {
    const all = cache.nodeList()
    if (all.length === 0) return fail(pod, NO_NODES_MESSAGE)
    const preFilter = volumeBindingPreFilter(pod, ctx.store)
    if (preFilter !== undefined)
      return fail(
        pod,
        fitErrorMessage({ numAllNodes: all.length, preFilterMessage: preFilter, failures: [] }),
      )
    const spec = podSpecOf(pod) as PodFacts['spec']
    const facts: PodFacts = {
      spec,
      tolerations: (spec.tolerations ?? []) as Toleration[],
      requests: podRequests(pod),
      ports: hostPorts(pod),
    }
    const plain = plainPod(facts)
    const wanted = feasibleNodesToFind(all.length)
    // Reused between pods: the scheduler looks at hundreds of nodes per pod.
    const feasible = feasibleScratch
    let found = 0
    const failures: FilterFailure[] = []
    let processed = 0
    for (; processed < all.length && found < wanted; processed++) {
      const info = all[(nextStartNodeIndex + processed) % all.length] as NodeInfo
      const failure = runFilters(facts, plain, info)
      if (failure === undefined) feasible[found++] = info
      else failures.push(failure)
    }
    nextStartNodeIndex = (nextStartNodeIndex + processed) % all.length
    if (found === 0) return fail(pod, fitErrorMessage({ numAllNodes: all.length, failures }))
    const only = feasible[0] as NodeInfo
    if (found === 1) return bind(pod, only.name)
    const scores = scoreNodes(facts, controllerUid(pod), feasible, found)
    let best = 0
    let ties = 1
    for (let i = 1; i < found; i++) {
      const s = scores[i] as number
      const top = scores[best] as number
      if (s > top) {
        best = i
        ties = 1
      } else if (s === top) {
        ties++
        if (ctx.random.nextInt(ties) === 0) best = i
      }
    }
    bind(pod, feasible[best]?.name ?? '')
  }

  return {
    name: 'scheduler',
    start(context) {
      ctx = context
      ctx.watch(NODES, (event) => {
        if (event.type === 'DELETED') return cache.removeNode(event.object.metadata.name)
        cache.upsertNode(event.object)
        if (schedulingRelevant(event.previous, event.object)) retryUnschedulable()
      })
      ctx.watch(PODS, (event) => {
        const pod = event.object
        if (event.type === 'DELETED') {
          cache.removePod(pod)
          unschedulable.delete(podKey(pod))
          if ((podSpecOf(pod) as { nodeName?: string }).nodeName) retryUnschedulable()
          return
        }
        const wasHolding = event.previous !== undefined && holdsResources(event.previous)
        cache.updatePod(pod)
        if (wasHolding && !holdsResources(pod)) retryUnschedulable()
        // A failed pod's own status write must not retry it; a change to its spec may help.
        if (
          wantsScheduling(pod) &&
          (!unschedulable.has(podKey(pod)) || !sameJson(pod['spec'], event.previous?.['spec']))
        )
          ctx.enqueue(podKey(pod))
      })
      ctx.watch(PVCS, () => retryUnschedulable())
    },
    reconcile(key) {
      const [namespace = '', name = ''] = key.split('/')
      const pod = ctx.store.get(PODS, namespace, name)
      if (pod === undefined || !wantsScheduling(pod)) {
        unschedulable.delete(key)
        return
      }
      schedule(pod)
    },
  }
}

function holdsResources(pod: KubeObject): boolean {
  const phase = (pod['status'] as { phase?: string } | undefined)?.phase
  const node = (podSpecOf(pod) as { nodeName?: string }).nodeName
  return node !== undefined && node !== '' && phase !== 'Succeeded' && phase !== 'Failed'
}
