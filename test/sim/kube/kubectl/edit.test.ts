import { describe, expect, test } from 'vitest'
import type { Session } from '../../../../src/sim/shell/session'
import { clusterSessionWithCluster } from '../fixtures'

async function run(session: Session, line: string) {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

const ok = (stdout: string, stderr = '') => ({ stdout, stderr, exitCode: 0 })
const failed = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 })

async function withWeb() {
  const { session, cluster } = await clusterSessionWithCluster()
  await run(session, 'kubectl create deployment web --image=nginx:1.27')
  await run(session, 'sleep 30')
  return { session, cluster }
}

const replicas = `kubectl get deploy web -o jsonpath='{.spec.replicas}'`

describe('kubectl edit', () => {
  test('runs $KUBE_EDITOR on the YAML and sends the edited object', async () => {
    const { session } = await withWeb()
    expect(
      await run(
        session,
        `KUBE_EDITOR='sed -i "s/replicas: 1/replicas: 3/"' kubectl edit deployment web`,
      ),
    ).toEqual(ok('deployment.apps/web edited\n'))
    expect(await run(session, replicas)).toEqual(ok('3'))
  })

  test('$EDITOR is used when $KUBE_EDITOR is not set', async () => {
    const { session } = await withWeb()
    expect(
      await run(session, `EDITOR='sed -i "s/replicas: 1/replicas: 2/"' kubectl edit deploy/web`),
    ).toEqual(ok('deployment.apps/web edited\n'))
    expect(await run(session, replicas)).toEqual(ok('2'))
  })

  test('the editor sees kubectl’s comment header above the object', async () => {
    const { session } = await withWeb()
    const r = await run(session, `KUBE_EDITOR='head -n 5' kubectl edit deploy web`)
    expect(r).toEqual(
      ok(
        `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
apiVersion: apps/v1
`,
        'Edit cancelled, no changes made.\n',
      ),
    )
  })

  test('an unchanged file and an emptied one cancel the edit with a note on stderr', async () => {
    const { session } = await withWeb()
    expect(await run(session, 'KUBE_EDITOR=true kubectl edit deploy web')).toEqual(
      ok('', 'Edit cancelled, no changes made.\n'),
    )
    expect(await run(session, `KUBE_EDITOR='sed -i "/^[^#]/d"' kubectl edit deploy web`)).toEqual(
      ok('', 'Edit cancelled, saved file was empty.\n'),
    )
    expect(await run(session, replicas)).toEqual(ok('1'))
  })

  test('a failing editor and a missing object are reported', async () => {
    const { session } = await withWeb()
    expect(await run(session, 'KUBE_EDITOR=false kubectl edit deploy web')).toEqual(
      failed('error: there was a problem with the editor "false"\n'),
    )
    expect(await run(session, 'KUBE_EDITOR=true kubectl edit deploy nope')).toEqual(
      failed('Error from server (NotFound): deployments.apps "nope" not found\n'),
    )
  })

  test('an invalid edit reopens the file with the causes, then gives up when it comes back unchanged', async () => {
    const { session } = await withWeb()
    const r = await run(
      session,
      `KUBE_EDITOR='sed -i "s/replicas: 1/replicas: -1/"' kubectl edit deploy web`,
    )
    const file = /stored to "(\/tmp\/kubectl-edit-\d+\.yaml)"/.exec(r.stderr)?.[1] ?? ''
    expect(r).toEqual(
      failed(`error: deployments.apps "web" is invalid
A copy of your changes has been stored to "${file}"
error: Edit cancelled, no valid changes were saved.
`),
    )
    expect((await run(session, `head -n 8 ${file}`)).stdout)
      .toEqual(`# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
# deployments.apps "web" was not valid:
# * spec.replicas: Invalid value: -1: must be greater than or equal to 0
#
apiVersion: apps/v1
`)
    expect(await run(session, replicas)).toEqual(ok('1'))
  })
})
