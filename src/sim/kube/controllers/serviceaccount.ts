/**
 * The ServiceAccount controller (pkg/controller/serviceaccount): every active namespace has a
 * `default` ServiceAccount, recreated if deleted. (Since 1.24 no token Secret goes with it.)
 */
import type { Controller, ControllerContext } from '../cluster'
import { servedType } from '../api/resources'

const NAMESPACES = servedType('Namespace')
const SERVICE_ACCOUNTS = servedType('ServiceAccount')

const isActive = (phase: unknown): boolean => phase === undefined || phase === 'Active'

export function serviceAccountController(): Controller {
  let ctx: ControllerContext
  return {
    name: 'serviceaccount-controller',
    start(context) {
      ctx = context
      for (const ns of ctx.store.list(NAMESPACES)) ctx.enqueue(ns.metadata.name)
      ctx.watch(NAMESPACES, (event) => {
        if (event.type !== 'DELETED') ctx.enqueue(event.object.metadata.name)
      })
      ctx.watch(SERVICE_ACCOUNTS, (event) => {
        if (event.type === 'DELETED' && event.object.metadata.name === 'default')
          ctx.enqueue(event.object.metadata.namespace ?? '')
      })
    },
    reconcile(namespace) {
      const ns = ctx.store.get(NAMESPACES, '', namespace)
      if (ns === undefined || ns.metadata.deletionTimestamp) return
      if (!isActive((ns['status'] as { phase?: string } | undefined)?.phase)) return
      if (ctx.store.get(SERVICE_ACCOUNTS, namespace, 'default') !== undefined) return
      // AlreadyExists and "namespace is being terminated" are both fine: nothing to retry.
      ctx.api.create(SERVICE_ACCOUNTS, {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'default', namespace },
      })
    },
  }
}
