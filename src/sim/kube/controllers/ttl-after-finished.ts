/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
 * `ttlSecondsAfterFinished` is deleted (foreground, so its pods go first) once that long has passed
 * since it completed or failed.
 */
import type { Controller, ControllerContext } from '../cluster'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import { isBeingDeleted, keyOf, splitKey, timeMs } from './common/meta'
import { DelayedRequeue } from './common/retry'

const JOBS = servedType('Job')

function finishedAt(job: KubeObject): number | undefined {
  const conditions =
    (
      (job['status'] ?? {}) as {
        conditions?: { type: string; status: string; lastTransitionTime?: string }[]
      }
    ).conditions ?? []
  const done = conditions.find(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  )
  return done === undefined ? undefined : timeMs(done.lastTransitionTime)
}

export function ttlAfterFinishedController(): Controller {
  let ctx: ControllerContext
  const requeue = new DelayedRequeue()
  return {
    name: 'ttl-after-finished-controller',
    start(context) {
      ctx = context
      for (const job of ctx.store.list(JOBS)) ctx.enqueue(keyOf(job))
      ctx.watch(JOBS, (event) => {
        if (event.type !== 'DELETED') ctx.enqueue(keyOf(event.object))
      })
    },
    reconcile(key) {
      const { namespace, name } = splitKey(key)
      const job = ctx.store.get(JOBS, namespace, name)
      if (job === undefined || isBeingDeleted(job)) return
      const ttl = (job['spec'] as { ttlSecondsAfterFinished?: number } | undefined)
        ?.ttlSecondsAfterFinished
      if (ttl === undefined || ttl === null) return
      const finished = finishedAt(job)
      if (finished === undefined) return
      const due = finished + ttl * 1000
      if (due > ctx.clock.now()) requeue.at(ctx, key, due)
      else ctx.api.delete(JOBS, namespace, name, { propagationPolicy: 'Foreground' })
    },
  }
}
