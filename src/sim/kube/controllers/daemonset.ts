/**
 * The DaemonSet controller (pkg/controller/daemon, 1.32): one pod per eligible node (nodeSelector,
 * required node affinity, taints against tolerations), each pinned to its node by required node
 * affinity on `metadata.name` and given the tolerations upstream adds to every daemon pod; pods on
 * nodes that stop qualifying are removed; a changed template replaces pods one node at a time
 * (RollingUpdate, maxUnavailable).
 */
import type { Controller, ControllerContext } from '../cluster'
import type { DaemonSet, KubeObject, Node } from '../api/object'
import { fromLabelSelector, matches } from '../api/label-selector'
import { servedType } from '../api/resources'
import { computeHash } from './common/hash'
import { scaledValue } from './common/int-or-percent'
import { createPodFromTemplate, deletePod } from './common/pod-control'
import { keyOf, splitKey } from './common/meta'
import { PodsByController } from './common/pod-index'
import { asPod, isPodActive, isPodAvailable, isPodReady } from './common/pods'

const DAEMON_SETS = servedType('DaemonSet')
const NODES = servedType('Node')
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

export function daemonSetController(): Controller {
  let ctx: ControllerContext
  const keyByUid = new Map<string, string>()
  const pods = new PodsByController()

  function sync(key: string): void {
    const { namespace, name } = splitKey(key)
    const ds = ctx.store.get(DAEMON_SETS, namespace, name)
    if (ds === undefined) return
    const uid = ds.metadata.uid ?? ''
    const spec = asDaemonSet(ds).spec
    const selector = fromLabelSelector(spec?.selector)
    if (!selector.ok) return
    const template = spec?.template ?? {}
    const podSpec = (template.spec ?? {}) as Record<string, unknown>
    const hash = computeHash(template)
    const generation = String(ds.metadata.generation ?? 1)
    const byNode = new Map<string, KubeObject[]>()
    for (const pod of pods.pods(uid)) {
      if (!isPodActive(pod) || !matches(selector.value, pod.metadata.labels)) continue
      const node = nodeOfPod(pod)
      byNode.set(node, [...(byNode.get(node) ?? []), pod])
    }
    const nodes = ctx.store.list(NODES)
    const deleting = ds.metadata.deletionTimestamp !== undefined
    let desired = 0
    let current = 0
    let misscheduled = 0
    let ready = 0
    let available = 0
    let updated = 0
    const now = ctx.clock.now()
    const minReady = spec?.minReadySeconds ?? 0
    const outdated: KubeObject[] = []
    let unavailable = 0
    for (const node of nodes) {
      const run = shouldRun(node, podSpec)
      const here = byNode.get(node.metadata.name) ?? []
      if (run) desired++
      if (run && here.length === 0 && !deleting) {
        createPodFromTemplate(ctx, ds, template, SOURCE, {
          labels: {
            ...(template.metadata?.labels ?? {}),
            'controller-revision-hash': hash,
            'pod-template-generation': generation,
          },
          spec: pinnedSpec(podSpec, node.metadata.name),
        })
        unavailable++
      } else if (!run && here.length > 0) {
        if (!deleting) for (const pod of here) deletePod(ctx, ds, pod, SOURCE)
        misscheduled++
      } else if (run) {
        current++
        const [pod, ...extra] = here
        if (!deleting) for (const dup of extra) deletePod(ctx, ds, dup, SOURCE)
        if (pod === undefined) continue
        if (isPodReady(pod)) ready++
        if (isPodAvailable(pod, minReady, now)) available++
        else unavailable++
        if (pod.metadata.labels?.['controller-revision-hash'] === hash) updated++
        else outdated.push(pod)
      }
    }
    // RollingUpdate: replace outdated pods while staying within maxUnavailable.
    const strategy = spec?.updateStrategy
    if (!deleting && (strategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
      const maxUnavailable = Math.max(
        1,
        scaledValue(strategy?.rollingUpdate?.maxUnavailable ?? 1, desired, true),
      )
      for (const pod of outdated) {
        if (unavailable >= maxUnavailable && isPodAvailable(pod, minReady, now)) break
        deletePod(ctx, ds, pod, SOURCE)
        if (isPodAvailable(pod, minReady, now)) unavailable++
      }
    }
    const latest = ctx.store.get(DAEMON_SETS, namespace, name)
    if (latest === undefined) return
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

  return {
    name: 'daemonset-controller',
    start(context) {
      ctx = context
      for (const ds of ctx.store.list(DAEMON_SETS)) {
        keyByUid.set(ds.metadata.uid ?? '', keyOf(ds))
        ctx.enqueue(keyOf(ds))
      }
      ctx.watch(DAEMON_SETS, (event) => {
        if (event.type === 'DELETED') keyByUid.delete(event.object.metadata.uid ?? '')
        else {
          keyByUid.set(event.object.metadata.uid ?? '', keyOf(event.object))
          ctx.enqueue(keyOf(event.object))
        }
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
        for (const key of keyByUid.values()) ctx.enqueue(key)
      })
      pods.start(ctx, ({ previousOwner, owner }) => {
        for (const uid of [previousOwner, owner]) {
          const key = uid === '' ? undefined : keyByUid.get(uid)
          if (key !== undefined) ctx.enqueue(key)
        }
      })
    },
    reconcile: sync,
  }
}
