import { describe, expect, test } from 'vitest'
import type { Session } from '../../../../src/sim/shell/session'
import { clusterSessionWithCluster } from '../fixtures'

async function run(session: Session, line: string) {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 })
const failed = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 })

async function withWebFile() {
  const { session, cluster } = await clusterSessionWithCluster()
  await run(session, 'kubectl create deployment web --image=nginx:1.27')
  await run(session, 'sleep 30')
  await run(
    session,
    'kubectl create deployment web --image=nginx:1.28 --replicas=2 --dry-run=client -o yaml > web.yaml',
  )
  return { session, cluster }
}

const replicas = `kubectl get deploy web -o jsonpath='{.spec.replicas} {.spec.template.spec.containers[0].image}'`

describe('kubectl replace', () => {
  test('replaces the stored object with the file', async () => {
    const { session } = await withWebFile()
    expect(await run(session, 'kubectl replace -f web.yaml')).toEqual(
      ok('deployment.apps/web replaced\n'),
    )
    expect(await run(session, replicas)).toEqual(ok('2 nginx:1.28'))
  })

  test('--force deletes the object then creates it again', async () => {
    const { session } = await withWebFile()
    const uid = await run(session, `kubectl get deploy web -o jsonpath='{.metadata.uid}'`)
    expect(await run(session, 'kubectl replace --force -f web.yaml')).toEqual(
      ok('deployment.apps "web" deleted\ndeployment.apps/web replaced\n'),
    )
    expect(await run(session, replicas)).toEqual(ok('2 nginx:1.28'))
    const after = await run(session, `kubectl get deploy web -o jsonpath='{.metadata.uid}'`)
    expect(after.stdout).not.toEqual(uid.stdout)
  })

  test('a dry run changes nothing', async () => {
    const { session } = await withWebFile()
    expect(await run(session, 'kubectl replace -f web.yaml --dry-run=client')).toEqual(
      ok('deployment.apps/web replaced (dry run)\n'),
    )
    expect(await run(session, replicas)).toEqual(ok('1 nginx:1.27'))
  })

  test('a missing object and a missing -f fail as kubectl does', async () => {
    const { session } = await withWebFile()
    await run(session, 'kubectl delete deploy web')
    expect(await run(session, 'kubectl replace -f web.yaml')).toEqual(
      failed(
        'Error from server (NotFound): error when replacing "web.yaml": deployments.apps "web" not found\n',
      ),
    )
    expect(await run(session, 'kubectl replace')).toEqual(
      failed('error: must specify one of -f and -k\n'),
    )
  })
})
