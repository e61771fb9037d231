/**
 * kubectl run -i/-it: the pod's shell on the student's terminal, what kubectl prints when the
 * session ends (the reattach hint, the --rm deletion, a failed pod's exit code), piped input
 * without a terminal, and what the kubelet makes of the shell's exit.
 */
import { describe, expect, test } from 'vitest'
import type { Session } from '../../../../src/sim/shell/session'
import { FakeTty } from '../../shell/editors/harness'
import { clusterSession } from '../fixtures'
import { waitFor } from '../tutorials/walkthrough'

async function run(session: Session, line: string) {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

const HINT = "If you don't see a command prompt, try pressing enter.\n"
const REATTACH = (name: string) =>
  `Session ended, resume using 'kubectl attach ${name} -c ${name} -i -t' command when the pod is running\n`

/** Starts `line` on a terminal, types `typed` at the shell's first prompt, waits for the end. */
async function onTerminal(session: Session, line: string, typed: string) {
  const tty = new FakeTty()
  const running = session.run(line, { tty })
  await waitFor(() => tty.output.endsWith('# '))
  await tty.type(typed)
  const r = await running
  return { screen: tty.output, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

describe('kubectl run -it', () => {
  test('--restart=Never -- sh: the shell, then the pod completes with its status', async () => {
    const session = await clusterSession()
    const tty = new FakeTty()
    const running = session.run('kubectl run -it bb --image=busybox --restart=Never -- sh', { tty })
    await waitFor(() => tty.output.endsWith('# '))
    await tty.type('echo hi\r')
    await waitFor(() => tty.output.endsWith('# ') && tty.output.includes('hi\r\n'))
    await tty.type('exit 3\r')
    const r = await running
    expect(tty.output).toBe(`${HINT.replace('\n', '\r\n')}/ # echo hi\r\nhi\r\n/ # exit 3\r\n`)
    expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({
      stdout: REATTACH('bb'),
      stderr: 'pod default/bb terminated (Error)\n',
      exitCode: 3,
    })
    expect(await run(session, 'kubectl get pod bb')).toEqual({
      stdout: 'NAME   READY   STATUS   RESTARTS   AGE\nbb     0/1     Error    0          0s\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('--rm with the image’s own shell: the session ends, the pod is deleted', async () => {
    const session = await clusterSession()
    expect(
      await onTerminal(session, 'kubectl run bb -i -t --image=busybox --rm', 'exit\r'),
    ).toEqual({
      screen: `${HINT.replace('\n', '\r\n')}/ # exit\r\n`,
      stdout: `${REATTACH('bb')}pod "bb" deleted\n`,
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'kubectl get pods')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    })
  })

  test('restartPolicy Always: the kubelet starts the shell again after it exits', async () => {
    const session = await clusterSession()
    const r = await onTerminal(
      session,
      'kubectl run bb --stdin --tty --image=busybox -- sh',
      'exit\r',
    )
    expect(r.stdout).toBe(REATTACH('bb'))
    expect(r.exitCode).toBe(0)
    await run(session, 'sleep 5')
    expect(
      (
        await run(
          session,
          "kubectl get pod bb -o jsonpath='{.status.containerStatuses[0].restartCount} {.status.phase}'",
        )
      ).stdout,
    ).toBe('1 Running')
  })

  test('without a terminal: the TTY is refused and the piped script runs', async () => {
    const session = await clusterSession()
    expect(
      await run(
        session,
        "echo 'echo piped; hostname' | kubectl run -it b2 --image=busybox --rm --restart=Never -- sh",
      ),
    ).toEqual({
      stdout: 'piped\nb2\npod "b2" deleted\n',
      stderr: `Unable to use a TTY - input is not a terminal or the right kind of file\n${HINT}`,
      exitCode: 0,
    })
  })

  test('a command that just prints: its output, then the deletion', async () => {
    const session = await clusterSession()
    expect(
      await run(session, 'kubectl run b3 --image=busybox --rm -it --restart=Never -- echo hi'),
    ).toEqual({ stdout: 'hi\npod "b3" deleted\n', stderr: '', exitCode: 0 })
  })

  test('-t needs -i', async () => {
    const session = await clusterSession()
    expect(await run(session, 'kubectl run x --image=busybox -t')).toEqual({
      stdout: '',
      stderr:
        "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n",
      exitCode: 1,
    })
  })
})
