import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../../../../src/sim/core/clock'
import { SeededRandom } from '../../../../src/sim/core/random'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { servedType } from '../../../../src/sim/kube/api/resources'
import { ObjectStore } from '../../../../src/sim/kube/store/object-store'

const PODS = servedType('Pod')
const podOn = (name: string, node?: string, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: node === undefined ? {} : { nodeName: node },
})

describe('ObjectStore', () => {
  it('lists by namespace then name, keeping the order after updates and deletes', () => {
    const s = new ObjectStore({
      clock: new VirtualClock(),
      random: new SeededRandom(1),
      freeze: true,
    })
    for (const [n, ns] of [
      ['b', 'x'],
      ['a', 'x'],
      ['c', 'default'],
      ['a', 'default'],
    ] as const)
      s.create(PODS, podOn(n, undefined, ns))
    s.update(PODS, { ...podOn('a', 'm', 'x') })
    s.delete(PODS, 'default', 'c')
    expect(s.list(PODS).map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'default/a',
      'x/a',
      'x/b',
    ])
    expect(s.list(PODS, 'x').map((o) => o.metadata.name)).toEqual(['a', 'b'])
  })

  it('indexes pods by node through updates and deletes', () => {
    const s = new ObjectStore({ clock: new VirtualClock(), random: new SeededRandom(1) })
    s.create(PODS, podOn('a', 'n1'))
    s.create(PODS, podOn('b'))
    expect(s.byIndex(PODS, 'nodeName', 'n1').map((o) => o.metadata.name)).toEqual(['a'])
    s.update(PODS, podOn('b', 'n1'))
    s.update(PODS, podOn('a', 'n2'))
    expect(s.byIndex(PODS, 'nodeName', 'n1').map((o) => o.metadata.name)).toEqual(['b'])
    s.delete(PODS, 'default', 'b')
    expect(s.byIndex(PODS, 'nodeName', 'n1')).toEqual([])
    expect(s.byIndex(PODS, 'nodeName', 'n2').map((o) => o.metadata.name)).toEqual(['a'])
  })

  it('fails an update whose resourceVersion is stale with the Conflict text', () => {
    const s = new ObjectStore({ clock: new VirtualClock(), random: new SeededRandom(1) })
    const created = s.create(PODS, podOn('a'))
    s.update(PODS, podOn('a', 'n1'))
    expect(() => s.update(PODS, created)).toThrow(
      'Operation cannot be fulfilled on pods "a": the object has been modified; please apply your changes to the latest version and try again',
    )
  })
})
