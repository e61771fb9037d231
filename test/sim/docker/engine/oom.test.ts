import { describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

async function sessionWith(...images: string[]): Promise<Session> {
  const session = await Session.create()
  for (const image of images) await session.run(`docker pull -q ${image}`)
  return session
}

const state = async (session: Session, name: string): Promise<string> =>
  (
    await session.run(
      `docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}' ${name}`,
    )
  ).stdout

describe('a memory limit below what the service needs', () => {
  test('the OOM killer ends it shortly after start: Exited (137), OOMKilled true', async () => {
    const session = await sessionWith('mysql')
    await session.run('docker run -d --name db -m 64m -e MYSQL_ROOT_PASSWORD=pw mysql')
    expect(await state(session, 'db')).toBe('running 0 false\n')
    await session.run('sleep 1')
    expect(await state(session, 'db')).toBe('exited 137 true\n')
    const events = await session.run(
      "docker events --since 1h --until 0s --filter container=db --format '{{.Action}}'",
    )
    expect(events.stdout).toContain('oom\ndie\n')
  })

  test('a limit the service fits in leaves it running', async () => {
    const session = await sessionWith('mysql')
    await session.run('docker run -d --name db -m 1g -e MYSQL_ROOT_PASSWORD=pw mysql')
    await session.run('sleep 5')
    expect(await state(session, 'db')).toBe('running 0 false\n')
  })

  test('with a restart policy it is restarted, and killed again', async () => {
    const session = await sessionWith('mysql')
    await session.run(
      'docker run -d --name db --restart always -m 64m -e MYSQL_ROOT_PASSWORD=pw mysql',
    )
    await session.run('sleep 3')
    const count = await session.run(`docker inspect -f '{{.RestartCount}}' db`)
    expect(Number(count.stdout.trim())).toBeGreaterThan(1)
  })
})
