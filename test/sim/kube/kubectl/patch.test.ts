import { describe, expect, test } from 'vitest'
import type { Session } from '../../../../src/sim/shell/session'
import { clusterSessionWithCluster } from '../fixtures'

async function run(session: Session, line: string) {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 })
const failed = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 })

async function withWeb() {
  const { session, cluster } = await clusterSessionWithCluster()
  await run(session, 'kubectl create deployment web --image=nginx:1.27')
  await run(session, 'sleep 30')
  return { session, cluster }
}

describe('kubectl patch', () => {
  test('a strategic merge patch changes the object; the same patch again changes nothing', async () => {
    const { session } = await withWeb()
    const p = `kubectl patch deployment web -p '{"spec":{"replicas":3}}'`
    expect(await run(session, p)).toEqual(ok('deployment.apps/web patched\n'))
    expect(await run(session, `kubectl get deploy web -o jsonpath='{.spec.replicas}'`)).toEqual(
      ok('3'),
    )
    expect(await run(session, p)).toEqual(ok('deployment.apps/web patched (no change)\n'))
  })

  test('YAML patches, merge and json types, and --patch-file are accepted', async () => {
    const { session } = await withWeb()
    expect(await run(session, `kubectl patch deploy/web -p $'spec:\\n  replicas: 2'`)).toEqual(
      ok('deployment.apps/web patched\n'),
    )
    expect(
      await run(
        session,
        `kubectl patch deploy web --type merge -p '{"metadata":{"labels":{"x":"y"}}}'`,
      ),
    ).toEqual(ok('deployment.apps/web patched\n'))
    expect(
      await run(
        session,
        `kubectl patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":4}]'`,
      ),
    ).toEqual(ok('deployment.apps/web patched\n'))
    await run(session, `echo '{"spec":{"replicas":5}}' > p.json`)
    expect(await run(session, 'kubectl patch deploy web --patch-file p.json -o name')).toEqual(
      ok('deployment.apps/web\n'),
    )
    expect(await run(session, `kubectl get deploy web -o jsonpath='{.spec.replicas}'`)).toEqual(
      ok('5'),
    )
  })

  test('a dry run reports without changing the object', async () => {
    const { session } = await withWeb()
    expect(
      await run(session, `kubectl patch deploy web -p '{"spec":{"replicas":3}}' --dry-run=client`),
    ).toEqual(ok('deployment.apps/web patched (dry run)\n'))
    expect(await run(session, `kubectl get deploy web -o jsonpath='{.spec.replicas}'`)).toEqual(
      ok('1'),
    )
  })

  test('bad patches and missing objects fail as kubectl 1.32 does', async () => {
    const { session } = await withWeb()
    expect(await run(session, 'kubectl patch deploy web')).toEqual(
      failed('error: must specify --patch or --patch-file containing the contents of the patch\n'),
    )
    expect(await run(session, `kubectl patch deploy web -p '{}' --type=foo`)).toEqual(
      failed('error: --type must be one of [json merge strategic], not "foo"\n'),
    )
    expect(await run(session, `kubectl patch deploy web -p 'a: b: c'`)).toEqual(
      failed(
        'error: unable to parse "a: b: c": yaml: mapping values are not allowed in this context\n',
      ),
    )
    expect(await run(session, `kubectl patch deploy web -p '[1'`)).toEqual(
      failed(`error: unable to parse "[1": yaml: line 1: did not find expected ',' or ']'\n`),
    )
    expect(await run(session, `kubectl patch deploy web -p foo`)).toEqual(
      failed('error: invalid JSON document\n'),
    )
    expect(await run(session, `kubectl patch deploy web --type json -p '{"a":1}'`)).toEqual(
      failed('error: json: cannot unmarshal object into Go value of type jsonpatch.Patch\n'),
    )
    expect(await run(session, `kubectl patch deploy nope -p '{}'`)).toEqual(
      failed('Error from server (NotFound): deployments.apps "nope" not found\n'),
    )
  })
})
