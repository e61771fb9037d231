import { describe, expect, test } from 'vitest'
import { failed, ok, run, twoNodes } from './node-session'

const TAINT_HELP = "\nSee 'kubectl taint -h' for help and examples\n"

describe('kubectl taint', () => {
  test('adds, refuses to overwrite without --overwrite, modifies, removes', async () => {
    const session = await twoNodes()
    expect(await run(session, 'kubectl taint nodes minikube-m02 dedicated=gpu:NoSchedule')).toEqual(
      ok('node/minikube-m02 tainted\n'),
    )
    expect(await run(session, 'kubectl taint nodes minikube-m02 dedicated=cpu:NoSchedule')).toEqual(
      failed(
        'error: node minikube-m02 already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
      ),
    )
    expect(
      await run(session, 'kubectl taint nodes minikube-m02 dedicated=cpu:NoSchedule --overwrite'),
    ).toEqual(ok('node/minikube-m02 modified\n'))
    expect(
      await run(session, "kubectl get node minikube-m02 -o jsonpath='{.spec.taints}'"),
    ).toEqual(ok('[{"effect":"NoSchedule","key":"dedicated","value":"cpu"}]'))
    expect(await run(session, 'kubectl taint node minikube-m02 dedicated:NoSchedule-')).toEqual(
      ok('node/minikube-m02 untainted\n'),
    )
    expect(await run(session, 'kubectl taint node minikube-m02 dedicated:NoSchedule-')).toEqual(
      failed('error: taint "dedicated:NoSchedule" not found\n'),
    )
    expect(await run(session, 'kubectl taint node minikube-m02 dedicated-')).toEqual(
      failed('error: taint "dedicated" not found\n'),
    )
  })

  test('--all taints every node', async () => {
    const session = await twoNodes()
    expect(await run(session, 'kubectl taint nodes --all x=y:PreferNoSchedule')).toEqual(
      ok('node/minikube tainted\nnode/minikube-m02 tainted\n'),
    )
  })

  test('bad specs, bad effects, conflicting updates and non-node types', async () => {
    const session = await twoNodes()
    expect(await run(session, 'kubectl taint node minikube-m02 foo=bar')).toEqual(
      failed(
        "error: invalid taint spec: foo=bar, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')" +
          TAINT_HELP,
      ),
    )
    expect(await run(session, 'kubectl taint node minikube-m02 foo=bar:Bad')).toEqual(
      failed('error: invalid taint effect: Bad, unsupported taint effect' + TAINT_HELP),
    )
    expect(
      await run(session, 'kubectl taint node minikube-m02 a=b:NoSchedule a=b:NoSchedule-'),
    ).toEqual(
      failed(
        'error: can not both modify and remove the following taint(s) in the same command: a=NoSchedule\n',
      ),
    )
    expect(await run(session, 'kubectl taint pods x a=b:NoSchedule')).toEqual(
      failed('error: invalid resource type pods, only node types are supported\n'),
    )
    expect(await run(session, 'kubectl taint nodes nope a=b:NoSchedule')).toEqual(
      failed('Error from server (NotFound): nodes "nope" not found\n'),
    )
    expect(await run(session, 'kubectl taint nodes minikube-m02')).toEqual(
      failed('error: at least one taint update is required\n'),
    )
    expect(await run(session, 'kubectl taint')).toEqual(
      failed('error: one or more resources must be specified as <resource> <name>\n'),
    )
  })
})
