/**
 * kubectl cp between the student's files and a pod container's: files and directories both ways,
 * tar's messages in the image's own words, and the failures of cp.go.
 */
import { describe, expect, test } from 'vitest'
import type { Session } from '../../../../src/sim/shell/session'
import { clusterSession } from '../fixtures'

async function run(session: Session, line: string) {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

const ok = (stdout = '', stderr = '') => ({ stdout, stderr, exitCode: 0 })
const failed = (stderr: string, exitCode = 1, stdout = '') => ({ stdout, stderr, exitCode })

/** An nginx pod (Debian, GNU tar) and a BusyBox one, both running. */
async function pods(): Promise<Session> {
  const session = await clusterSession()
  await run(session, 'kubectl run web --image=nginx:1.27')
  await run(session, 'kubectl run box --image=busybox -- sleep 3600')
  await run(session, 'sleep 30')
  return session
}

describe('kubectl cp', () => {
  test('a local file into a pod directory keeps its name; back out under a new one', async () => {
    const session = await pods()
    await session.fs.writeFile('/home/student/index.html', '<h1>hi</h1>\n')
    expect(await run(session, 'kubectl cp index.html web:/usr/share/nginx/html')).toEqual(ok())
    expect(await run(session, 'kubectl exec web -- cat /usr/share/nginx/html/index.html')).toEqual(
      ok('<h1>hi</h1>\n'),
    )
    expect(await run(session, 'kubectl cp web:/usr/share/nginx/html/index.html copy.html')).toEqual(
      ok("tar: Removing leading `/' from member names\n"),
    )
    expect(await run(session, 'cat copy.html')).toEqual(ok('<h1>hi</h1>\n'))
  })

  test('directories both ways; a relative pod path needs no stripping; BusyBox words', async () => {
    const session = await pods()
    await run(session, 'mkdir -p site/css && echo a > site/a.txt && echo b > site/css/b.css')
    expect(await run(session, 'kubectl cp site default/box:/tmp/site')).toEqual(ok())
    expect(await run(session, 'kubectl exec box -- find /tmp/site')).toEqual(
      ok('/tmp/site\n/tmp/site/a.txt\n/tmp/site/css\n/tmp/site/css/b.css\n'),
    )
    expect(await run(session, 'kubectl cp box:/tmp/site back')).toEqual(
      ok("tar: removing leading '/' from member names\n"),
    )
    expect(await run(session, 'cat back/a.txt back/css/b.css')).toEqual(ok('a\nb\n'))
    expect(await run(session, 'kubectl cp box:tmp/site/a.txt again.txt')).toEqual(ok())
    expect(await run(session, 'cat again.txt')).toEqual(ok('a\n'))
  })

  test('tar’s failures, in GNU’s and BusyBox’s words, end in the exec’s exit code', async () => {
    const session = await pods()
    expect(await run(session, 'kubectl cp web:/nope here')).toEqual(
      failed(
        'command terminated with exit code 2\n',
        2,
        "tar: Removing leading `/' from member names\ntar: /nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n",
      ),
    )
    expect(await run(session, 'kubectl cp box:/nope here')).toEqual(
      failed('command terminated with exit code 1\n', 1, 'tar: /nope: No such file or directory\n'),
    )
    await session.fs.writeFile('/home/student/f', 'x\n')
    expect(await run(session, 'kubectl cp f web:/no/such/f')).toEqual(
      failed(
        'tar: /no/such: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\ncommand terminated with exit code 2\n',
        2,
      ),
    )
  })

  test('an image without tar cannot be copied to or from', async () => {
    const session = await clusterSession()
    await run(session, 'kubectl run dl --image=gcr.io/distroless/static-debian12 -- /app')
    await run(session, 'sleep 30')
    const phase = await run(session, "kubectl get pod dl -o jsonpath='{.status.phase}'")
    expect(phase.stdout).toBe('Running')
    await session.fs.writeFile('/home/student/f', 'x\n')
    expect(await run(session, 'kubectl cp f dl:/tmp/f')).toEqual(
      failed(
        'command terminated with exit code 126\n',
        126,
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "tar": executable file not found in $PATH: unknown\r\n',
      ),
    )
  })

  test('cp.go’s own errors', async () => {
    const session = await pods()
    expect(await run(session, 'kubectl cp a')).toEqual(
      failed('error: source and destination are required\n'),
    )
    expect(await run(session, 'kubectl cp a b')).toEqual(
      failed('error: one of src or dest must be a remote file specification\n'),
    )
    expect(await run(session, 'kubectl cp a:b c:d')).toEqual(
      failed('error: one of src or dest must be a local file specification\n'),
    )
    expect(await run(session, 'kubectl cp :a b')).toEqual(
      failed('error: filespec must match the canonical format: [[namespace/]pod:]file/path\n'),
    )
    expect(await run(session, 'kubectl cp a: b')).toEqual(
      failed('error: filepath can not be empty\n'),
    )
    expect(await run(session, 'kubectl cp /nonexist web:/x')).toEqual(
      failed("error: /nonexist doesn't exist in local filesystem\n"),
    )
    await session.fs.writeFile('/home/student/f', 'x\n')
    expect(await run(session, 'kubectl cp f nope:/x')).toEqual(
      failed('Error from server (NotFound): pods "nope" not found\n'),
    )
    expect(await run(session, 'kubectl cp f web:/x -c zz')).toEqual(
      failed('Error from server (BadRequest): container zz is not valid for pod web\n'),
    )
    expect(await run(session, 'kubectl cp --bogus')).toEqual(
      failed("Error: unknown flag: --bogus\nSee 'kubectl cp --help' for usage.\n"),
    )
  })
})
