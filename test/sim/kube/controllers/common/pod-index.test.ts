import { describe, expect, it } from 'vitest'
import type { ControllerContext } from '../../../../../src/sim/kube/cluster'
import type { KubeObject } from '../../../../../src/sim/kube/api/object'
import { servedType } from '../../../../../src/sim/kube/api/resources'
import {
  ACTIVE,
  PodsByController,
  activeAndReady,
} from '../../../../../src/sim/kube/controllers/common/pod-index'
import type { WatchEvent } from '../../../../../src/sim/kube/store/object-store'

const PODS = servedType('Pod')

const pod = (name: string, phase: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'default',
    uid: `uid-${name}`,
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'rs-uid', controller: true },
    ],
  },
  status: { phase },
})

/** An index fed by hand: the watch handler it registers is returned for the test to call. */
function started(index: PodsByController): (event: WatchEvent) => void {
  let handler: ((event: WatchEvent) => void) | undefined
  const ctx = {
    store: { list: () => [] },
    watch: (_t: unknown, h: (event: WatchEvent) => void) => {
      handler = h
    },
  } as unknown as ControllerContext
  index.start(ctx, () => {})
  if (handler === undefined) throw new Error('no watch registered')
  return handler
}

function feed(index: PodsByController): void {
  const emit = started(index)
  const a = pod('a', 'Pending')
  const b = pod('b', 'Pending')
  emit({ type: 'ADDED', resource: PODS, object: a })
  emit({ type: 'ADDED', resource: PODS, object: b })
  emit({ type: 'MODIFIED', resource: PODS, object: pod('a', 'Succeeded'), previous: a })
}

describe('PodsByController', () => {
  it('moves a modified pod to the end of its group when ordered (remove-then-add order)', () => {
    const index = new PodsByController(activeAndReady, 'ReplicaSet')
    feed(index)
    expect([...index.pods('rs-uid')].map((p) => p.metadata.name)).toEqual(['b', 'a'])
    expect(index.count('rs-uid', ACTIVE)).toBe(1)
  })

  it('keeps a modified pod in place when unordered, with the same counts', () => {
    const index = new PodsByController(activeAndReady, 'ReplicaSet', false)
    feed(index)
    expect([...index.pods('rs-uid')].map((p) => p.metadata.name)).toEqual(['a', 'b'])
    expect(index.count('rs-uid', ACTIVE)).toBe(1)
  })
})
