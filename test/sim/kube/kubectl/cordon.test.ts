import { describe, expect, test } from 'vitest'
import { failed, ok, run, twoNodes } from './node-session'

describe('kubectl cordon / uncordon', () => {
  test('cordon marks the node unschedulable once, then says it already is', async () => {
    const session = await twoNodes()
    expect(await run(session, 'kubectl cordon minikube-m02')).toEqual(
      ok('node/minikube-m02 cordoned\n'),
    )
    expect(await run(session, 'kubectl cordon minikube-m02')).toEqual(
      ok('node/minikube-m02 already cordoned\n'),
    )
    expect(await run(session, 'kubectl cordon minikube-m02 --dry-run=client')).toEqual(
      ok('node/minikube-m02 already cordoned (dry run)\n'),
    )
    expect((await run(session, 'kubectl get nodes')).stdout).toBe(
      'NAME           STATUS                     ROLES           AGE   VERSION\nminikube       Ready                      control-plane   30s   v1.32.0\nminikube-m02   Ready,SchedulingDisabled   <none>          30s   v1.32.0\n',
    )
    expect(await run(session, 'kubectl uncordon minikube-m02')).toEqual(
      ok('node/minikube-m02 uncordoned\n'),
    )
    expect(await run(session, 'kubectl uncordon minikube-m02')).toEqual(
      ok('node/minikube-m02 already uncordoned\n'),
    )
  })

  test('several nodes at once; a missing node and no node are errors', async () => {
    const session = await twoNodes()
    expect(await run(session, 'kubectl cordon minikube minikube-m02')).toEqual(
      ok('node/minikube cordoned\nnode/minikube-m02 cordoned\n'),
    )
    expect(await run(session, 'kubectl cordon nope')).toEqual(
      failed('Error from server (NotFound): nodes "nope" not found\n'),
    )
    expect(await run(session, 'kubectl cordon')).toEqual(
      failed("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n"),
    )
  })
})
