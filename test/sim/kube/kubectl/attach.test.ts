/**
 * kubectl attach: the main process's output from now on, its shell on the terminal with -it (the
 * shell's exit is the container's), and attach.go's failures.
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

describe('kubectl attach', () => {
  test('without -i it shows what the main process writes from now on, until it ends', async () => {
    const session = await clusterSession()
    await run(
      session,
      "kubectl run ticker --image=busybox -- sh -c 'echo start; sleep 5; echo tick; sleep 5; echo done'",
    )
    await run(session, 'sleep 2')
    expect(await run(session, 'kubectl attach ticker')).toEqual({
      stdout: 'tick\ndone\n',
      stderr: HINT,
      exitCode: 0,
    })
  })

  test('-it on a shell waiting for input: the shell on the terminal, its exit the container’s', async () => {
    const session = await clusterSession()
    await run(session, 'kubectl run sh --image=busybox --restart=Never --attach=false -i -t')
    await run(session, 'sleep 20')
    const tty = new FakeTty()
    const running = session.run('kubectl attach sh -it', { tty })
    await waitFor(() => tty.output.endsWith('# '))
    await tty.type('hostname\r')
    await waitFor(() => tty.output.endsWith('# ') && tty.output.includes('sh\r\n'))
    await tty.type('exit 4\r')
    const r = await running
    expect(tty.output).toBe(`${HINT.replace('\n', '\r\n')}/ # hostname\r\nsh\r\n/ # exit 4\r\n`)
    expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({
      stdout:
        "Session ended, resume using 'kubectl attach sh -c sh -i -t' command when the pod is running\n",
      stderr: '',
      exitCode: 0,
    })
    expect((await run(session, "kubectl get pod sh -o jsonpath='{.status.phase}'")).stdout).toBe(
      'Failed',
    )
    expect(await run(session, 'kubectl attach sh')).toEqual({
      stdout: '',
      stderr: 'error: cannot attach a container in a completed pod; current phase is Failed\n',
      exitCode: 1,
    })
  })

  test('attach.go’s failures', async () => {
    const session = await clusterSession()
    await run(session, 'kubectl run web --image=nginx')
    await run(session, 'sleep 20')
    expect(await run(session, 'kubectl attach')).toEqual({
      stdout: '',
      stderr: 'error: at least 1 argument is required for attach\n',
      exitCode: 1,
    })
    expect(await run(session, 'kubectl attach a b c')).toEqual({
      stdout: '',
      stderr:
        'error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3: [a b c]\n',
      exitCode: 1,
    })
    expect(await run(session, 'kubectl attach nope')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    })
    expect(await run(session, 'kubectl attach pod web -c zz')).toEqual({
      stdout: '',
      stderr: 'error: cannot attach to the container: container zz not found in pod web\n',
      exitCode: 1,
    })
    expect(await run(session, 'kubectl attach web --pod-running-timeout=0')).toEqual({
      stdout: '',
      stderr:
        "error: --pod-running-timeout must be higher than zero\nSee 'kubectl attach -h' for help and examples\n",
      exitCode: 1,
    })
    expect(await run(session, 'kubectl attach web -it -q')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
  })
})
