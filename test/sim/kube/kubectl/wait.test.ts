import { describe, expect, test } from 'vitest'
import { clusterSession } from '../fixtures'
import { failed, ok, run } from './node-session'

describe('kubectl wait', () => {
  test('waits on the virtual clock for pods to be Ready and the Deployment Available', async () => {
    const session = await clusterSession()
    await run(session, 'kubectl create deployment web --image=nginx --replicas=2')
    expect(
      await run(session, 'kubectl wait --for=condition=Ready pod -l app=web --timeout=60s'),
    ).toEqual(
      ok('pod/web-6dc5cd68db-g2xkf condition met\npod/web-6dc5cd68db-wbxdw condition met\n'),
    )
    expect(await run(session, 'kubectl wait --for=condition=Available deploy/web')).toEqual(
      ok('deployment.apps/web condition met\n'),
    )
    expect(
      await run(
        session,
        "kubectl wait --for=jsonpath='{.status.phase}'=Running pod/web-6dc5cd68db-g2xkf -o name",
      ),
    ).toEqual(ok('pod/web-6dc5cd68db-g2xkf\n'))
  })

  test('timeouts name each object; one alone is an error line', async () => {
    const session = await clusterSession()
    await run(session, 'kubectl create deployment web --image=nginx --replicas=2')
    await run(session, 'sleep 30')
    expect(
      await run(
        session,
        "kubectl wait --for=jsonpath='{.status.phase}'=Pending pod -l app=web --timeout=2s",
      ),
    ).toEqual(
      failed(
        'timed out waiting for the condition on pods/web-6dc5cd68db-g2xkf\ntimed out waiting for the condition on pods/web-6dc5cd68db-wbxdw\n',
      ),
    )
    expect(
      await run(session, 'kubectl wait --for=delete pod/web-6dc5cd68db-g2xkf --timeout=1s'),
    ).toEqual(failed('error: timed out waiting for the condition on pods/web-6dc5cd68db-g2xkf\n'))
    expect(await run(session, 'kubectl wait --for=create pod/later --timeout=1s')).toEqual(
      failed('error: timed out waiting for the condition\n'),
    )
  })

  test('--for=delete waits out the pod’s termination; a missing object is already deleted', async () => {
    const session = await clusterSession()
    // sleep as PID 1 ignores SIGTERM: the pod takes its 30 s grace period to go.
    await run(session, 'kubectl run web --image=busybox -- sleep 3600')
    await run(session, 'sleep 20')
    await run(session, 'kubectl delete pod web --wait=false')
    expect((await run(session, 'kubectl get pod web -o name')).stdout).toBe('pod/web\n')
    expect(await run(session, 'kubectl wait --for=delete pod/web --timeout=60s')).toEqual(
      ok('pod/web condition met\n'),
    )
    expect(await run(session, 'kubectl wait --for=delete pod/nope')).toEqual(ok(''))
  })

  test('bad conditions, missing objects, type without names', async () => {
    const session = await clusterSession()
    expect(await run(session, 'kubectl wait --for=bogus pod/x')).toEqual(
      failed('error: unrecognized condition: "bogus"\n'),
    )
    expect(await run(session, 'kubectl wait pod/x')).toEqual(
      failed('error: unrecognized condition: ""\n'),
    )
    expect(await run(session, 'kubectl wait --for=condition=Ready pod/nope')).toEqual(
      failed('Error from server (NotFound): pods "nope" not found\n'),
    )
    expect(await run(session, 'kubectl wait --for=condition=Ready pods --timeout=1s')).toEqual(
      failed('error: resource(s) were provided, but no name was specified\n'),
    )
  })
})
