/** Every object of a freshly started minikube cluster describes without failing. */
import { describe as suite, expect, it } from 'vitest'
import { RESOURCE_TYPES } from '../../../../../src/sim/kube/api/resources'
import { describeObject } from '../../../../../src/sim/kube/kubectl/describe/describe-object'
import { cluster } from '../../fixtures'

suite('describe on a bootstrapped cluster', () => {
  it('describes every object of every served type, starting with its name', () => {
    const c = cluster()
    const problems: string[] = []
    for (const t of RESOURCE_TYPES) {
      for (const o of c.objects(t)) {
        const r = describeObject(c.api, t, o.metadata.namespace ?? '', o.metadata.name, {
          showEvents: true,
          nowMs: c.clock.now(),
        })
        if (!r.ok) problems.push(`${t.resource}/${o.metadata.name}: ${r.error.message}`)
        else if (!r.value.startsWith(`Name:`)) problems.push(`${t.resource}/${o.metadata.name}`)
      }
    }
    expect(problems).toEqual([])
  })
})
