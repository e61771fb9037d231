/**
 * The DaemonSet controller (pkg/controller/daemon, 1.32): one pod per eligible node (nodeSelector,
 * required node affinity, taints against tolerations), each pinned to its node by required node
 * affinity on `metadata.name` and given the tolerations upstream adds to every daemon pod; pods on
 * nodes that stop qualifying are removed; a changed template replaces pods one node at a time
 * (RollingUpdate, maxUnavailable).
 */
import type { Controller, ControllerContext } from '../cluster'
import type { DaemonSet, KubeObject, Node } from '../api/object'
import { fromLabelSelector, matches, type Selector } from '../api/label-selector'
import { servedType } from '../api/resources'
import { computeHash } from './common/hash'
import { scaledValue } from './common/int-or-percent'
import { createPodFromTemplate, deletePod } from './common/pod-control'
import { controllerRefOf, keyOf, splitKey } from './common/meta'
import { PodsByController } from './common/pod-index'
import { asPod, isPodActive, isPodAvailable, isPodReady } from './common/pods'

const DAEMON_SETS = servedType('DaemonSet')
const NODES = servedType('Node')
const PODS = servedType('Pod')
const SOURCE = { component: 'daemonset-controller' }

const asDaemonSet = (o: KubeObject): DaemonSet => o as unknown as DaemonSet
const asNode = (o: KubeObject): Node => o as unknown as Node

interface Toleration {
  key?: string
  operator?: string
  value?: string
  effect?: string
  tolerationSeconds?: number
}
interface Taint {
  key: string
  value?: string
  effect: string
}

/** util.AddOrUpdateDaemonPodTolerations. */
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
]
const NETWORK_UNAVAILABLE: Toleration = {
  key: 'node.kubernetes.io/network-unavailable',
  operator: 'Exists',
  effect: 'NoSchedule',
}

function tolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false
    if (t.operator === 'Exists') return t.key === undefined || t.key === '' || t.key === taint.key
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '')
  })
}

function withDaemonTolerations(spec: Record<string, unknown>): Toleration[] {
  const own = [...((spec['tolerations'] as Toleration[] | undefined) ?? [])]
  const extra =
    spec['hostNetwork'] === true ? [...DAEMON_TOLERATIONS, NETWORK_UNAVAILABLE] : DAEMON_TOLERATIONS
  for (const t of extra) if (!own.some((o) => o.key === t.key && o.effect === t.effect)) own.push(t)
  return own
}

interface NodeSelectorRequirement {
  key: string
  operator: string
  values?: string[]
}

function termMatches(
  node: KubeObject,
  term: { matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[] },
): boolean {
  const labels = node.metadata.labels ?? {}
  const check = (r: NodeSelectorRequirement, value: string | undefined): boolean => {
    switch (r.operator) {
      case 'In':
        return value !== undefined && (r.values ?? []).includes(value)
      case 'NotIn':
        return value === undefined || !(r.values ?? []).includes(value)
      case 'Exists':
        return value !== undefined
      case 'DoesNotExist':
        return value === undefined
      case 'Gt':
        return value !== undefined && Number(value) > Number(r.values?.[0])
      case 'Lt':
        return value !== undefined && Number(value) < Number(r.values?.[0])
      default:
        return false
    }
  }
  return (
    (term.matchExpressions ?? []).every((r) => check(r, labels[r.key])) &&
    (term.matchFields ?? []).every((r) =>
      check(r, r.key === 'metadata.name' ? node.metadata.name : undefined),
    )
  )
}

/** nodeShouldRunDaemonPod: selector, required affinity, and taints (NoSchedule/NoExecute). */
function shouldRun(node: KubeObject, podSpec: Record<string, unknown>): boolean {
  const selector = (podSpec['nodeSelector'] as Record<string, string> | undefined) ?? {}
  const labels = node.metadata.labels ?? {}
  for (const [k, v] of Object.entries(selector)) if (labels[k] !== v) return false
  const required = (
    podSpec['affinity'] as
      | {
          nodeAffinity?: {
            requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: unknown[] }
          }
        }
      | undefined
  )?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
  if (
    required !== undefined &&
    required.length > 0 &&
    !required.some((t) => termMatches(node, t as never))
  )
    return false
  const tolerations = withDaemonTolerations(podSpec)
  for (const taint of (asNode(node).spec?.taints ?? []) as Taint[])
    if (
      (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') &&
      !tolerates(tolerations, taint)
    )
      return false
  return true
}

/** util.ReplaceDaemonSetPodNodeNameNodeAffinity: pin the pod to one node by name. */
function pinnedSpec(podSpec: Record<string, unknown>, node: string): Record<string, unknown> {
  const affinity = (podSpec['affinity'] ?? {}) as Record<string, unknown>
  const nodeAffinity = (affinity['nodeAffinity'] ?? {}) as Record<string, unknown>
  return {
    ...podSpec,
    affinity: {
      ...affinity,
      nodeAffinity: {
        ...nodeAffinity,
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] },
          ],
        },
      },
    },
    tolerations: withDaemonTolerations(podSpec),
  }
}

const nodeOfPod = (pod: KubeObject): string => {
  const spec = asPod(pod).spec
  if (spec?.nodeName) return spec.nodeName
  const terms =
    spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms ?? []
  for (const t of terms)
    for (const f of t.matchFields ?? []) if (f.key === 'metadata.name') return f.values?.[0] ?? ''
  return ''
}

/** One node's share of a DaemonSet's status, as the last sync of that node found it. */
interface NodeTally {
  desired: number
  current: number
  misscheduled: number
  ready: number
  available: number
  updated: number
  /** The node's daemon pod runs an older template (a rolling update has work to do). */
  outdated: number
}

const TALLY_FIELDS = [
  'desired',
  'current',
  'misscheduled',
  'ready',
  'available',
  'updated',
  'outdated',
] as const

const emptyTally = (): NodeTally => ({
  desired: 0,
  current: 0,
  misscheduled: 0,
  ready: 0,
  available: 0,
  updated: 0,
  outdated: 0,
})

/** Per DaemonSet: each node's tally and their sums, so a node's change costs O(1), not O(nodes). */
interface DaemonState {
  readonly nodes: Map<string, NodeTally>
  readonly sums: NodeTally
}

/** Work-queue keys for one node of one DaemonSet: `node:<node>|<namespace>/<name>`. */
const NODE_KEY = 'node:'

/** The pod-template hash, computed once per (immutable, stored) template object. */
const hashes = new WeakMap<object, string>()
function templateHash(template: object): string {
  let hash = hashes.get(template)
  if (hash === undefined) {
    hash = computeHash(template)
    hashes.set(template, hash)
  }
  return hash
}

export function daemonSetController(): Controller {
  let ctx: ControllerContext
  const keyByUid = new Map<string, string>()
  const pods = new PodsByController(undefined, 'DaemonSet')
  /** Daemon pods by owner uid, then node, then pod key (insertion order as the owner index's). */
  const byOwnerNode = new Map<string, Map<string, Map<string, KubeObject>>>()
  const states = new Map<string, DaemonState>()

  function indexPod(owner: string, pod: KubeObject, add: boolean): void {
    if (owner === '') return
    const node = nodeOfPod(pod)
    let perNode = byOwnerNode.get(owner)
    if (perNode === undefined) {
      if (!add) return
      perNode = new Map()
      byOwnerNode.set(owner, perNode)
    }
    let here = perNode.get(node)
    if (here === undefined) {
      if (!add) return
      here = new Map()
      perNode.set(node, here)
    }
    const key = keyOf(pod)
    if (add) here.set(key, pod)
    else {
      here.delete(key)
      if (here.size === 0) perNode.delete(node)
      if (perNode.size === 0) byOwnerNode.delete(owner)
    }
  }

  function stateOf(uid: string): DaemonState {
    let state = states.get(uid)
    if (state === undefined) {
      state = { nodes: new Map(), sums: emptyTally() }
      states.set(uid, state)
    }
    return state
  }

  function setTally(state: DaemonState, node: string, tally: NodeTally | undefined): void {
    const old = state.nodes.get(node)
    if (old !== undefined) for (const f of TALLY_FIELDS) state.sums[f] -= old[f]
    if (tally === undefined) state.nodes.delete(node)
    else {
      for (const f of TALLY_FIELDS) state.sums[f] += tally[f]
      state.nodes.set(node, tally)
    }
  }

  /** Active daemon pods of `uid` matching the selector on `node`. */
  function podsHere(uid: string, node: string, selector: Selector): KubeObject[] {
    const out: KubeObject[] = []
    for (const pod of byOwnerNode.get(uid)?.get(node)?.values() ?? [])
      if (isPodActive(pod) && matches(selector, pod.metadata.labels)) out.push(pod)
    return out
  }

  interface SyncInputs {
    ds: KubeObject
    uid: string
    selector: Selector
    template: NonNullable<DaemonSet['spec']>['template'] | Record<string, never>
    podSpec: Record<string, unknown>
    hash: string
    generation: string
    deleting: boolean
    minReady: number
    now: number
  }

  function inputsOf(ds: KubeObject): SyncInputs | undefined {
    const spec = asDaemonSet(ds).spec
    const selector = fromLabelSelector(spec?.selector)
    if (!selector.ok) return undefined
    const template = spec?.template ?? {}
    return {
      ds,
      uid: ds.metadata.uid ?? '',
      selector: selector.value,
      template,
      podSpec: (template.spec ?? {}) as Record<string, unknown>,
      hash: templateHash(template),
      generation: String(ds.metadata.generation ?? 1),
      deleting: ds.metadata.deletionTimestamp !== undefined,
      minReady: spec?.minReadySeconds ?? 0,
      now: ctx.clock.now(),
    }
  }

  /**
   * One node of the loop upstream's manage() runs over every node: create the missing daemon pod,
   * remove misscheduled or duplicate ones; returns the node's tally and its outdated pod, if any.
   */
  function syncNode(
    input: SyncInputs,
    node: KubeObject,
    here: KubeObject[],
  ): { tally: NodeTally; outdated?: KubeObject } {
    const { ds, template, podSpec, hash, deleting, minReady, now } = input
    const tally = emptyTally()
    const run = shouldRun(node, podSpec)
    if (run) tally.desired = 1
    if (run && here.length === 0 && !deleting) {
      createPodFromTemplate(ctx, ds, template, SOURCE, {
        labels: {
          ...(template.metadata?.labels ?? {}),
          'controller-revision-hash': hash,
          'pod-template-generation': input.generation,
        },
        spec: pinnedSpec(podSpec, node.metadata.name),
      })
      return { tally }
    }
    if (!run && here.length > 0) {
      if (!deleting) for (const pod of here) deletePod(ctx, ds, pod, SOURCE)
      tally.misscheduled = 1
      return { tally }
    }
    if (!run) return { tally }
    tally.current = 1
    const [pod, ...extra] = here
    if (!deleting) for (const dup of extra) deletePod(ctx, ds, dup, SOURCE)
    if (pod === undefined) return { tally }
    if (isPodReady(pod)) tally.ready = 1
    if (isPodAvailable(pod, minReady, now)) tally.available = 1
    if (pod.metadata.labels?.['controller-revision-hash'] === hash) {
      tally.updated = 1
      return { tally }
    }
    tally.outdated = 1
    return { tally, outdated: pod }
  }

  /** Every node: on DaemonSet changes, and whenever a rolling update has pods to replace. */
  function syncAll(key: string): void {
    const { namespace, name } = splitKey(key)
    const ds = ctx.store.get(DAEMON_SETS, namespace, name)
    if (ds === undefined) return
    const input = inputsOf(ds)
    if (input === undefined) return
    const state = stateOf(input.uid)
    state.nodes.clear()
    for (const f of TALLY_FIELDS) state.sums[f] = 0
    const outdated: KubeObject[] = []
    for (const node of ctx.store.list(NODES)) {
      const here = podsHere(input.uid, node.metadata.name, input.selector)
      const result = syncNode(input, node, here)
      setTally(state, node.metadata.name, result.tally)
      if (result.outdated !== undefined) outdated.push(result.outdated)
    }
    // RollingUpdate: replace outdated pods while staying within maxUnavailable.
    const spec = asDaemonSet(ds).spec
    const strategy = spec?.updateStrategy
    if (!input.deleting && (strategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
      const { minReady, now } = input
      let unavailable = state.sums.desired - state.sums.available
      const maxUnavailable = Math.max(
        1,
        scaledValue(strategy?.rollingUpdate?.maxUnavailable ?? 1, state.sums.desired, true),
      )
      for (const pod of outdated) {
        if (unavailable >= maxUnavailable && isPodAvailable(pod, minReady, now)) break
        deletePod(ctx, ds, pod, SOURCE)
        if (isPodAvailable(pod, minReady, now)) unavailable++
      }
    }
    writeStatus(namespace, name, state)
  }

  /** One node's change (it joined, changed, left, or its daemon pod moved). */
  function syncOneNode(nodeName: string, dsKey: string): void {
    const { namespace, name } = splitKey(dsKey)
    const ds = ctx.store.get(DAEMON_SETS, namespace, name)
    if (ds === undefined) return
    const input = inputsOf(ds)
    if (input === undefined) return
    const state = states.get(input.uid)
    // Time-dependent availability and rolling updates need the whole picture.
    if (state === undefined || input.minReady > 0 || state.sums.outdated > 0) return syncAll(dsKey)
    const node = ctx.store.get(NODES, '', nodeName)
    if (node === undefined) setTally(state, nodeName, undefined)
    else {
      const result = syncNode(input, node, podsHere(input.uid, nodeName, input.selector))
      setTally(state, nodeName, result.tally)
      if (result.outdated !== undefined) return syncAll(dsKey)
    }
    writeStatus(namespace, name, state)
  }

  function writeStatus(namespace: string, name: string, state: DaemonState): void {
    const latest = ctx.store.get(DAEMON_SETS, namespace, name)
    if (latest === undefined) return
    const { desired, current, misscheduled, ready, available, updated } = state.sums
    const status = {
      currentNumberScheduled: current,
      numberMisscheduled: misscheduled,
      desiredNumberScheduled: desired,
      numberReady: ready,
      ...(latest.metadata.generation === undefined
        ? {}
        : { observedGeneration: latest.metadata.generation }),
      ...(updated > 0 ? { updatedNumberScheduled: updated } : {}),
      ...(available > 0 ? { numberAvailable: available } : {}),
      ...(desired - available > 0 ? { numberUnavailable: desired - available } : {}),
    }
    if (JSON.stringify(status) !== JSON.stringify(latest['status'] ?? null))
      ctx.api.updateStatus(DAEMON_SETS, { ...latest, status } as KubeObject)
  }

  const enqueueNode = (node: string, uid: string): void => {
    const key = keyByUid.get(uid)
    if (key !== undefined) ctx.enqueue(`${NODE_KEY}${node}|${key}`)
  }

  return {
    name: 'daemonset-controller',
    start(context) {
      ctx = context
      for (const ds of ctx.store.list(DAEMON_SETS)) {
        keyByUid.set(ds.metadata.uid ?? '', keyOf(ds))
        ctx.enqueue(keyOf(ds))
      }
      ctx.watch(DAEMON_SETS, (event) => {
        const uid = event.object.metadata.uid ?? ''
        if (event.type === 'DELETED') {
          keyByUid.delete(uid)
          states.delete(uid)
          return
        }
        keyByUid.set(uid, keyOf(event.object))
        // Its own status writes change nothing the sync reads.
        const before = event.previous
        if (
          before !== undefined &&
          before['spec'] === event.object['spec'] &&
          before.metadata.deletionTimestamp === event.object.metadata.deletionTimestamp &&
          states.has(uid)
        )
          return
        ctx.enqueue(keyOf(event.object))
      })
      // Nodes coming, going or changing labels/taints change where daemons belong.
      ctx.watch(NODES, (event) => {
        if (event.type === 'MODIFIED' && event.previous !== undefined) {
          const before = JSON.stringify([
            event.previous.metadata.labels,
            (event.previous['spec'] as { taints?: unknown } | undefined)?.taints,
          ])
          const after = JSON.stringify([
            event.object.metadata.labels,
            (event.object['spec'] as { taints?: unknown } | undefined)?.taints,
          ])
          if (before === after) return
        }
        for (const uid of keyByUid.keys()) enqueueNode(event.object.metadata.name, uid)
      })
      for (const pod of ctx.store.list(PODS)) {
        const owner = controllerRefOf(pod)?.uid ?? ''
        indexPod(owner, pod, true)
      }
      pods.start(ctx, ({ event, previousOwner, owner }) => {
        if (event.previous !== undefined) indexPod(previousOwner, event.previous, false)
        else if (event.type === 'DELETED') indexPod(previousOwner, event.object, false)
        if (event.type !== 'DELETED') indexPod(owner, event.object, true)
        if (previousOwner !== '')
          enqueueNode(nodeOfPod(event.previous ?? event.object), previousOwner)
        if (owner !== '') enqueueNode(nodeOfPod(event.object), owner)
      })
    },
    reconcile(key) {
      if (!key.startsWith(NODE_KEY)) return syncAll(key)
      const bar = key.indexOf('|')
      syncOneNode(key.slice(NODE_KEY.length, bar), key.slice(bar + 1))
    },
  }
}
