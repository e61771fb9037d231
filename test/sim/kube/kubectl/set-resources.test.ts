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

const resources = `kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].resources}'`

describe('kubectl set resources', () => {
  test('sets limits and requests on every container', async () => {
    const { session } = await withWeb()
    expect(
      await run(
        session,
        'kubectl set resources deployment/web --limits=cpu=200m,memory=512Mi --requests=cpu=100m',
      ),
    ).toEqual(ok('deployment.apps/web resource requirements updated\n'))
    expect(await run(session, resources)).toEqual(
      ok('{"limits":{"cpu":"200m","memory":"512Mi"},"requests":{"cpu":"100m"}}'),
    )
    expect(await run(session, 'kubectl set resources deploy web --requests=memory=64Mi')).toEqual(
      ok('deployment.apps/web resource requirements updated\n'),
    )
    expect(await run(session, resources)).toEqual(
      ok('{"limits":{"cpu":"200m","memory":"512Mi"},"requests":{"cpu":"100m","memory":"64Mi"}}'),
    )
  })

  test('a dry run reports and changes nothing', async () => {
    const { session } = await withWeb()
    expect(
      await run(session, 'kubectl set resources deploy/web --limits=cpu=1 --dry-run=client'),
    ).toEqual(ok('deployment.apps/web resource requirements updated (dry run)\n'))
    expect(await run(session, resources)).toEqual(ok('{}'))
  })

  test('the same values again print nothing', async () => {
    const { session } = await withWeb()
    await run(session, 'kubectl set resources deploy/web --limits=cpu=1')
    expect(await run(session, 'kubectl set resources deploy/web --limits=cpu=1')).toEqual(ok(''))
  })

  test('bad requests are refused with kubectl’s words', async () => {
    const { session } = await withWeb()
    expect(await run(session, 'kubectl set resources deploy/web')).toEqual(
      failed(
        'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n',
      ),
    )
    expect(await run(session, 'kubectl set resources deploy/web -c zz --limits=cpu=1')).toEqual(
      failed('error: unable to find container named zz\n'),
    )
    expect(await run(session, 'kubectl set resources deploy/web --limits=cpu')).toEqual(
      failed('error: Invalid argument syntax cpu, expected <resource>=<value>\n'),
    )
    expect(await run(session, 'kubectl set resources deploy/web --limits=cpu=abc')).toEqual(
      failed(
        "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n",
      ),
    )
  })
})
