/**
 * The namespace controller (pkg/controller/namespace/deletion, 1.32): a namespace with a
 * deletionTimestamp has all its content deleted; its status conditions say what remains; once
 * nothing does, the `kubernetes` finalizer is removed from spec.finalizers and the API server lets
 * the namespace go.
 */
import type { Controller, ControllerContext } from '../cluster'
import type { KubeObject } from '../api/object'
import { RESOURCE_TYPES } from '../api/resources'
import { servedType } from '../api/resources'
import { rfc3339 } from './common/meta'

const NAMESPACES = servedType('Namespace')
const NAMESPACED = RESOURCE_TYPES.filter((t) => t.namespaced)
const FINALIZER = 'kubernetes'

interface NamespaceCondition {
  type: string
  status: string
  lastTransitionTime: string
  reason: string
  message: string
}

/** The conditions the deleter maintains, with their "all is well" reason and message. */
const CONDITIONS: readonly [string, string, string][] = [
  [
    'NamespaceDeletionDiscoveryFailure',
    'ResourcesDiscovered',
    'All resources successfully discovered',
  ],
  [
    'NamespaceDeletionGroupVersionParsingFailure',
    'ParsedGroupVersions',
    'All legacy kube types successfully parsed',
  ],
  [
    'NamespaceDeletionContentFailure',
    'ContentDeleted',
    'All content successfully deleted, may be waiting on finalization',
  ],
  ['NamespaceContentRemaining', 'ContentRemoved', 'All content successfully removed'],
  [
    'NamespaceFinalizersRemaining',
    'ContentHasNoFinalizers',
    'All content-preserving finalizers finished',
  ],
]

export function namespaceController(): Controller {
  let ctx: ControllerContext
  /** Namespaces being emptied: any change to their content wakes the controller. */
  const terminating = new Set<string>()

  function deleteAllContent(namespace: string): {
    remaining: Map<string, number>
    finalizers: Map<string, number>
  } {
    const remaining = new Map<string, number>()
    const finalizers = new Map<string, number>()
    for (const t of NAMESPACED) {
      for (const o of ctx.store.list(t, namespace))
        if (!o.metadata.deletionTimestamp)
          ctx.api.delete(t, namespace, o.metadata.name, { propagationPolicy: 'Background' })
      const left = ctx.store.list(t, namespace)
      if (left.length === 0) continue
      remaining.set(`${t.resource}.${t.group}`, left.length)
      for (const o of left)
        for (const f of o.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1)
    }
    return { remaining, finalizers }
  }

  function conditionsFor(
    ns: KubeObject,
    remaining: Map<string, number>,
    finalizers: Map<string, number>,
  ): NamespaceCondition[] | undefined {
    const now = rfc3339(ctx.clock.now())
    const failing = new Map<string, { reason: string; message: string }>()
    if (remaining.size > 0) {
      const parts = [...remaining].map(([r, n]) => `${r} has ${n} resource instances`).sort()
      failing.set('NamespaceContentRemaining', {
        reason: 'SomeResourcesRemain',
        message: `Some resources are remaining: ${parts.join(', ')}`,
      })
    }
    if (finalizers.size > 0) {
      const parts = [...finalizers].map(([f, n]) => `${f} in ${n} resource instances`).sort()
      failing.set('NamespaceFinalizersRemaining', {
        reason: 'SomeFinalizersRemain',
        message: `Some content in the namespace has finalizers remaining: ${parts.join(', ')}`,
      })
    }
    const old = (
      (ns['status'] as { conditions?: NamespaceCondition[] } | undefined)?.conditions ?? []
    ).map((c) => ({ ...c }))
    let changed = false
    for (const [type, okReason, okMessage] of CONDITIONS) {
      const bad = failing.get(type)
      const next = {
        type,
        status: bad === undefined ? 'False' : 'True',
        lastTransitionTime: now,
        reason: bad?.reason ?? okReason,
        message: bad?.message ?? okMessage,
      }
      const current = old.find((c) => c.type === type)
      if (current === undefined) {
        old.push(next)
        changed = true
      } else if (
        current.status !== next.status ||
        current.reason !== next.reason ||
        current.message !== next.message
      ) {
        if (current.status !== next.status) current.lastTransitionTime = now
        current.status = next.status
        current.reason = next.reason
        current.message = next.message
        changed = true
      }
    }
    return changed ? old : undefined
  }

  return {
    name: 'namespace-controller',
    start(context) {
      ctx = context
      for (const ns of ctx.store.list(NAMESPACES))
        if (ns.metadata.deletionTimestamp) ctx.enqueue(ns.metadata.name)
      ctx.watch(NAMESPACES, (event) => {
        if (event.type === 'DELETED') terminating.delete(event.object.metadata.name)
        else if (event.object.metadata.deletionTimestamp) ctx.enqueue(event.object.metadata.name)
      })
      for (const t of NAMESPACED)
        ctx.watch(t, (event) => {
          const ns = event.object.metadata.namespace ?? ''
          if (event.type === 'DELETED' && terminating.has(ns)) ctx.enqueue(ns)
        })
    },
    reconcile(name) {
      const ns = ctx.store.get(NAMESPACES, '', name)
      if (ns === undefined || !ns.metadata.deletionTimestamp) {
        terminating.delete(name)
        return
      }
      terminating.add(name)
      const spec = (ns['spec'] ?? {}) as { finalizers?: string[] }
      if (!(spec.finalizers ?? []).includes(FINALIZER)) return
      const { remaining, finalizers } = deleteAllContent(name)
      const current = ctx.store.get(NAMESPACES, '', name)
      if (current === undefined) return
      const conditions = conditionsFor(current, remaining, finalizers)
      if (conditions !== undefined) {
        const status = (current['status'] ?? {}) as Record<string, unknown>
        ctx.api.updateStatus(NAMESPACES, {
          ...current,
          status: { ...status, phase: 'Terminating', conditions },
        } as KubeObject)
      }
      if (remaining.size > 0) return
      const latest = ctx.store.get(NAMESPACES, '', name)
      if (latest === undefined) return
      const latestSpec = (latest['spec'] ?? {}) as { finalizers?: string[] }
      ctx.api.update(NAMESPACES, {
        ...latest,
        spec: {
          ...latestSpec,
          finalizers: (latestSpec.finalizers ?? []).filter((f) => f !== FINALIZER),
        },
      } as KubeObject)
    },
  }
}
