import { describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

async function sessionWith(...images: string[]): Promise<Session> {
  const session = await Session.create()
  for (const image of images) await session.run(`docker pull -q ${image}`)
  return session
}

const status = async (session: Session, name: string): Promise<string> =>
  (await session.run(`docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' ${name}`)).stdout

describe('docker stop waits for a process that ignores SIGTERM', () => {
  test('a command run as PID 1 is killed after the 10 s timeout: exit status 137', async () => {
    const session = await sessionWith('alpine')
    await session.run('docker run -d --name sl alpine sleep 1000')
    const before = session.clock.now()
    const r = await session.run('docker stop sl')
    expect(r).toMatchObject({ stdout: 'sl\n', stderr: '', exitCode: 0 })
    expect(session.clock.now() - before).toBe(10_000)
    expect(await status(session, 'sl')).toBe('exited 137\n')
  })

  test('-t sets the wait, and -t 0 kills at once', async () => {
    const session = await sessionWith('alpine')
    await session.run('docker run -d --name aa alpine sleep 1000')
    await session.run('docker run -d --name bb alpine sleep 1000')
    let before = session.clock.now()
    await session.run('docker stop -t 3 aa')
    expect(session.clock.now() - before).toBe(3_000)
    before = session.clock.now()
    await session.run('docker stop -t 0 bb')
    expect(session.clock.now() - before).toBe(0)
    expect(await status(session, 'aa')).toBe('exited 137\n')
    expect(await status(session, 'bb')).toBe('exited 137\n')
  })

  test('several containers are stopped together: one wait, not one each', async () => {
    const session = await sessionWith('alpine')
    await session.run('docker run -d --name aa alpine sleep 1000')
    await session.run('docker run -d --name bb alpine sleep 1000')
    const before = session.clock.now()
    expect((await session.run('docker stop aa bb')).stdout).toBe('aa\nbb\n')
    expect(session.clock.now() - before).toBe(10_000)
  })

  test('an image service that handles SIGTERM stops at once with its own status', async () => {
    const session = await sessionWith('nginx')
    await session.run('docker run -d --name web nginx')
    const before = session.clock.now()
    await session.run('docker stop web')
    expect(session.clock.now() - before).toBe(0)
    expect(await status(session, 'web')).toBe('exited 0\n')
  })

  test('an image that names its own STOPSIGNAL (httpd: SIGWINCH) stops gracefully: exit 0', async () => {
    const session = await sessionWith('httpd')
    await session.run('docker run -d --name web httpd')
    await session.run('docker stop web')
    expect(await status(session, 'web')).toBe('exited 0\n')
  })

  test('the events show SIGTERM, then SIGKILL when the timeout ran out', async () => {
    const session = await sessionWith('alpine')
    await session.run('docker run -d --name sl alpine sleep 1000')
    await session.run('docker stop sl')
    const events = await session.run(
      "docker events --since 1h --until 0s --filter container=sl --format '{{.Action}} {{.Actor.Attributes.signal}}{{.Actor.Attributes.exitCode}}'",
    )
    expect(events.stdout.split('\n').filter((l) => /^(kill|die|stop)/.test(l))).toEqual([
      'kill 15<no value>',
      'kill 9<no value>',
      'die <no value>137',
      'stop <no value><no value>',
    ])
  })
})
