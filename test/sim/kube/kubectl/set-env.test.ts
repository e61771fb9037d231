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

describe('kubectl set env', () => {
  test('sets, lists and removes variables', async () => {
    const { session } = await withWeb()
    expect(await run(session, 'kubectl set env deployment/web MODE=prod LEVEL=3')).toEqual(
      ok('deployment.apps/web env updated\n'),
    )
    expect(await run(session, 'kubectl set env deployment/web --list')).toEqual(
      ok('# Deployment web, container nginx\nMODE=prod\nLEVEL=3\n'),
    )
    expect(await run(session, 'kubectl set env deploy web MODE-')).toEqual(
      ok('deployment.apps/web env updated\n'),
    )
    expect(await run(session, 'kubectl set env deploy/web --list')).toEqual(
      ok('# Deployment web, container nginx\nLEVEL=3\n'),
    )
  })

  test('an unchanged environment prints nothing', async () => {
    const { session } = await withWeb()
    await run(session, 'kubectl set env deployment/web MODE=prod')
    expect(await run(session, 'kubectl set env deployment/web MODE=prod')).toEqual(ok(''))
    expect(await run(session, 'kubectl set env deployment/web NOPE-')).toEqual(ok(''))
  })

  test('--from=configmap references each key, upper-cased, with --prefix', async () => {
    const { session } = await withWeb()
    await run(
      session,
      'kubectl create configmap cfg --from-literal=db.host=x --from-literal=port=1',
    )
    expect(
      await run(session, 'kubectl set env deployment/web --from=configmap/cfg --prefix=APP_'),
    ).toEqual(ok('deployment.apps/web env updated\n'))
    expect(await run(session, 'kubectl set env deployment/web --list')).toEqual(
      ok(
        '# Deployment web, container nginx\n# APP_DB_HOST from configmap cfg, key db.host\n# APP_PORT from configmap cfg, key port\n',
      ),
    )
  })

  test('a dry run prints without changing the deployment', async () => {
    const { session } = await withWeb()
    expect(await run(session, 'kubectl set env deployment/web A=1 --dry-run=client')).toEqual(
      ok('deployment.apps/web env updated (dry run)\n'),
    )
    expect(await run(session, 'kubectl set env deployment/web --list')).toEqual(
      ok('# Deployment web, container nginx\n'),
    )
  })

  test('usage errors are kubectl’s', async () => {
    const { session } = await withWeb()
    expect(await run(session, 'kubectl set env A=1 deploy/web')).toEqual(
      failed('error: all resources must be specified before environment changes: A=1 deploy/web\n'),
    )
    expect(await run(session, 'kubectl set env')).toEqual(
      failed(
        'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
      ),
    )
    expect(await run(session, 'kubectl set env deploy/web 1A=x')).toEqual(
      failed(
        `error: "1A" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n`,
      ),
    )
    expect(await run(session, 'kubectl set env deploy/web --list -o yaml')).toEqual(
      failed('error: --list and --output may not be specified together\n'),
    )
    expect(await run(session, 'kubectl set env deploy/web -c zz A=1')).toEqual({
      stdout: '',
      stderr: 'Warning: Deployment/web does not have any containers matching "zz"\n',
      exitCode: 0,
    })
    expect(await run(session, 'kubectl set env deploy/nope A=1')).toEqual(
      failed('Error from server (NotFound): deployments.apps "nope" not found\n'),
    )
  })
})
