import { describe, expect, it } from 'vitest'
import {
  DEPLOYMENTS,
  deployment,
  finishTerminating,
  harness,
  must,
  pods,
  REPLICA_SETS,
  runAll,
} from './harness'

describe('garbage collector', () => {
  it('Background: deleting a Deployment deletes its ReplicaSet, then its pods', () => {
    const h = harness()
    must(h.cluster.api.create(DEPLOYMENTS, deployment('web', 2)))
    must(h.cluster.api.delete(DEPLOYMENTS, 'default', 'web'))
    expect(h.cluster.store.list(REPLICA_SETS, 'default')).toEqual([])
    expect(pods(h)).toEqual([])
  })

  it('Foreground: the owner stays with foregroundDeletion until its dependents are gone', () => {
    const h = harness()
    must(h.cluster.api.create(DEPLOYMENTS, deployment('web', 2)))
    runAll(h)
    must(h.cluster.api.delete(DEPLOYMENTS, 'default', 'web', { propagationPolicy: 'Foreground' }))
    const d = h.cluster.store.get(DEPLOYMENTS, 'default', 'web')
    expect(d?.metadata.finalizers).toEqual(['foregroundDeletion'])
    const rs = h.cluster.store.list(REPLICA_SETS, 'default')
    expect(rs.map((r) => [r.metadata.name, r.metadata.finalizers])).toEqual([
      ['web-6dc5cd68db', ['foregroundDeletion']],
    ])
    expect(pods(h).every((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true)
    finishTerminating(h)
    expect(h.cluster.store.list(REPLICA_SETS, 'default')).toEqual([])
    expect(h.cluster.store.get(DEPLOYMENTS, 'default', 'web')).toBeUndefined()
  })

  it('Orphan: dependents lose their owner reference and stay', () => {
    const h = harness()
    must(h.cluster.api.create(DEPLOYMENTS, deployment('web', 2)))
    must(h.cluster.api.delete(DEPLOYMENTS, 'default', 'web', { propagationPolicy: 'Orphan' }))
    expect(h.cluster.store.get(DEPLOYMENTS, 'default', 'web')).toBeUndefined()
    const rs = h.cluster.store.list(REPLICA_SETS, 'default')
    expect(rs.map((r) => [r.metadata.name, r.metadata.ownerReferences])).toEqual([
      ['web-6dc5cd68db', undefined],
    ])
    expect(pods(h).map((p) => p.metadata.ownerReferences?.[0]?.name)).toEqual([
      'web-6dc5cd68db',
      'web-6dc5cd68db',
    ])
  })
})
