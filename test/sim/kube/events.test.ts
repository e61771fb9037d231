import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../../../src/sim/core/clock'
import { SeededRandom } from '../../../src/sim/core/random'
import type { KubeObject } from '../../../src/sim/kube/api/object'
import { servedType } from '../../../src/sim/kube/api/resources'
import { EventRecorder } from '../../../src/sim/kube/events'
import { ObjectStore } from '../../../src/sim/kube/store/object-store'

const EVENTS = servedType('Event')
const RS = { component: 'replicaset-controller' }

const replicaSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-6dc5cd68db', namespace: 'default', uid: 'rs-uid' },
}

function recorder(): { clock: VirtualClock; store: ObjectStore; events: EventRecorder } {
  const clock = new VirtualClock()
  const store = new ObjectStore({ clock, random: new SeededRandom(1), freeze: true })
  return { clock, store, events: new EventRecorder(store, clock, new SeededRandom(2)) }
}

/** `count reason message` per stored event, sorted (event names are random). */
const summary = (store: ObjectStore): string[] =>
  store
    .list(EVENTS)
    .map((e) => `${String(e['count'])} ${String(e['reason'])} ${String(e['message'])}`)
    .sort()

describe('EventRecorder', () => {
  it('counts a repeated event on one object instead of storing it again', () => {
    const { store, events } = recorder()
    for (let i = 0; i < 3; i++)
      events.record(replicaSet, 'Warning', 'FailedCreate', 'quota exceeded', RS)
    expect(summary(store)).toEqual(['3 FailedCreate quota exceeded'])
  })

  it('combines the tenth distinct message of one reason into one counted event, as client-go does', () => {
    const { store, events } = recorder()
    for (let i = 1; i <= 12; i++)
      events.record(replicaSet, 'Normal', 'SuccessfulCreate', `Created pod: web-${i}`, RS)
    expect(summary(store)).toEqual([
      '1 SuccessfulCreate Created pod: web-1',
      '1 SuccessfulCreate Created pod: web-2',
      '1 SuccessfulCreate Created pod: web-3',
      '1 SuccessfulCreate Created pod: web-4',
      '1 SuccessfulCreate Created pod: web-5',
      '1 SuccessfulCreate Created pod: web-6',
      '1 SuccessfulCreate Created pod: web-7',
      '1 SuccessfulCreate Created pod: web-8',
      '1 SuccessfulCreate Created pod: web-9',
      '3 SuccessfulCreate (combined from similar events): Created pod: web-12',
    ])
  })

  it('drops what one source says about one object past 25 events, then allows one per 5 minutes', () => {
    const { clock, store, events } = recorder()
    for (let i = 0; i < 30; i++) events.record(replicaSet, 'Warning', 'FailedCreate', 'no', RS)
    expect(summary(store)).toEqual(['25 FailedCreate no'])
    // Another object from the same source has its own allowance.
    events.record(
      { ...replicaSet, metadata: { ...replicaSet.metadata, name: 'other', uid: 'o' } },
      'Warning',
      'FailedCreate',
      'no',
      RS,
    )
    expect(summary(store)).toEqual(['1 FailedCreate no', '25 FailedCreate no'])
    clock.advance(299_000)
    events.record(replicaSet, 'Warning', 'FailedCreate', 'no', RS)
    expect(summary(store)).toEqual(['1 FailedCreate no', '25 FailedCreate no'])
    clock.advance(300_000)
    events.record(replicaSet, 'Warning', 'FailedCreate', 'no', RS)
    expect(summary(store)).toEqual(['1 FailedCreate no', '26 FailedCreate no'])
  })
})
