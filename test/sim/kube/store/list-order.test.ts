import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../../../../src/sim/core/clock'
import { SeededRandom } from '../../../../src/sim/core/random'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { servedType } from '../../../../src/sim/kube/api/resources'
import { ObjectStore } from '../../../../src/sim/kube/store/object-store'

const PODS = servedType('Pod')
const NODES = servedType('Node')
const pod = (name: string, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: {},
})

const store = (): ObjectStore =>
  new ObjectStore({ clock: new VirtualClock(0), random: new SeededRandom(1), freeze: true })

const names = (s: ObjectStore, namespace?: string): string[] =>
  s.list(PODS, namespace).map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`)

describe('ObjectStore list order under churn', () => {
  it('lists in name order whatever was added and deleted between lists', () => {
    const s = store()
    const random = new SeededRandom(42)
    const live = new Set<string>()
    for (let round = 0; round < 60; round++) {
      for (let i = 0; i < 25; i++) {
        const name = `p-${random.kubeSuffix(2)}`
        if (live.has(name)) {
          s.delete(PODS, 'default', name)
          live.delete(name)
        } else {
          s.create(PODS, pod(name))
          live.add(name)
        }
      }
      expect(names(s, 'default')).toEqual([...live].sort().map((n) => `default/${n}`))
    }
  })

  it('keeps a name deleted and created again before the next list exactly once', () => {
    const s = store()
    for (const n of ['b', 'a', 'c']) s.create(PODS, pod(n))
    expect(names(s)).toEqual(['default/a', 'default/b', 'default/c'])
    s.delete(PODS, 'default', 'b')
    s.create(PODS, pod('b'))
    s.create(PODS, pod('d'))
    s.delete(PODS, 'default', 'd')
    s.create(PODS, pod('d'))
    s.delete(PODS, 'default', 'a')
    expect(names(s)).toEqual(['default/b', 'default/c', 'default/d'])
  })

  it('forgets the order of a namespace that empties and lists it again when it refills', () => {
    const s = store()
    s.create(PODS, pod('x', 'tmp'))
    expect(names(s)).toEqual(['tmp/x'])
    s.delete(PODS, 'tmp', 'x')
    expect(names(s)).toEqual([])
    s.create(PODS, pod('z', 'tmp'))
    s.create(PODS, pod('y', 'tmp'))
    s.create(PODS, pod('a', 'default'))
    expect(names(s)).toEqual(['default/a', 'tmp/y', 'tmp/z'])
  })
})

describe('ObjectStore owned writes', () => {
  it('stamps an owned object in place with the keys, in the order, a copied write gives', () => {
    const copied = store()
    const owned = store()
    const base = (): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n1', labels: { a: 'b' } },
      spec: {},
      status: { phase: 'x' },
    })
    const a = copied.create(NODES, base())
    const given = base()
    const b = owned.create(NODES, given, true)
    expect(b).toBe(given)
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
    const next = (o: KubeObject): KubeObject => ({
      ...o,
      metadata: { ...o.metadata, resourceVersion: undefined },
      status: { phase: 'y' },
    })
    const a2 = copied.update(NODES, next(a))
    const b2 = owned.update(NODES, next(b), true)
    expect(Object.keys(b2.metadata)).toEqual(Object.keys(a2.metadata))
    expect(JSON.stringify(b2)).toBe(JSON.stringify(a2))
    expect(JSON.stringify(b2)).toBe(
      '{"apiVersion":"v1","kind":"Node","metadata":{"name":"n1","labels":{"a":"b"},"uid":"' +
        String(a2.metadata.uid) +
        '","resourceVersion":"3","creationTimestamp":"1970-01-01T00:00:00Z"},"spec":{},"status":{"phase":"y"}}',
    )
  })
})
