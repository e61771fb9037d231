import { describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

async function sessionWith(...images: string[]): Promise<Session> {
  const session = await Session.create()
  for (const image of images) await session.run(`docker pull -q ${image}`)
  return session
}

const psStatus = async (session: Session): Promise<string> =>
  (await session.run('docker ps --format "{{.Names}} {{.Status}}"')).stdout

describe('healthchecks run their test inside the container', () => {
  test('a passing test makes the container healthy at the first interval', async () => {
    const session = await sessionWith('nginx')
    await session.run(
      'docker run -d --name web --health-cmd "curl -f http://localhost/ || exit 1" --health-interval 2s nginx',
    )
    expect(await psStatus(session)).toBe('web Up Less than a second (health: starting)\n')
    await session.run('sleep 2')
    expect(await psStatus(session)).toBe('web Up 2 seconds (healthy)\n')
  })

  test('retries failures in a row make it unhealthy; each result is logged', async () => {
    const session = await sessionWith('nginx')
    await session.run(
      'docker run -d --name web --health-cmd "exit 1" --health-interval 1s --health-retries 2 nginx',
    )
    await session.run('sleep 1')
    expect(await psStatus(session)).toBe('web Up 1 second (health: starting)\n')
    await session.run('sleep 1')
    expect(await psStatus(session)).toBe('web Up 2 seconds (unhealthy)\n')
    const health = await session.run(`docker inspect -f '{{json .State.Health}}' web`)
    expect(JSON.parse(health.stdout)).toEqual({
      Status: 'unhealthy',
      FailingStreak: 2,
      Log: [
        {
          Start: '2026-01-05T09:00:01Z',
          End: '2026-01-05T09:00:01.02Z',
          ExitCode: 1,
          Output: '',
        },
        {
          Start: '2026-01-05T09:00:02Z',
          End: '2026-01-05T09:00:02.02Z',
          ExitCode: 1,
          Output: '',
        },
      ],
    })
  })

  test('failures during the start period do not count', async () => {
    const session = await sessionWith('nginx')
    await session.run(
      'docker run -d --name web --health-cmd "exit 1" --health-interval 1s --health-retries 1 --health-start-period 5s nginx',
    )
    await session.run('sleep 4')
    expect(await psStatus(session)).toBe('web Up 4 seconds (health: starting)\n')
    await session.run('sleep 2')
    expect(await psStatus(session)).toBe('web Up 6 seconds (unhealthy)\n')
  })

  test('a tool the image lacks fails the check with the shell’s error', async () => {
    const session = await sessionWith('ubuntu')
    await session.run(
      'docker run -d --name box --health-cmd "curl -f http://localhost/" --health-interval 1s --health-retries 1 ubuntu sleep 100',
    )
    await session.run('sleep 1')
    const log = await session.run(
      `docker inspect -f '{{range .State.Health.Log}}{{.ExitCode}} {{.Output}}{{end}}' box`,
    )
    expect(log.stdout).toBe('127 bash: curl: command not found\n\n')
  })

  test('health_status events are emitted on each change, with the probes’ exec events', async () => {
    const session = await sessionWith('nginx')
    await session.run('docker run -d --name web --health-cmd "true" --health-interval 1s nginx')
    await session.run('sleep 2')
    const events = await session.run(
      "docker events --since 1h --until 0s --filter container=web --format '{{.Action}}'",
    )
    expect(events.stdout).toBe(
      [
        'create',
        'start',
        'exec_create: /bin/sh -c true',
        'exec_start: /bin/sh -c true',
        'exec_die',
        'health_status: healthy',
        'exec_create: /bin/sh -c true',
        'exec_start: /bin/sh -c true',
        'exec_die',
        '',
      ].join('\n'),
    )
  })
})

describe('service clients inside containers connect for real', () => {
  test('redis-cli answers from the redis it reaches', async () => {
    const session = await sessionWith('redis')
    await session.run('docker run -d --name cache redis')
    await session.run('sleep 1')
    expect((await session.run('docker exec cache redis-cli ping')).stdout).toBe('PONG\n')
    expect((await session.run('docker exec cache redis-cli set visits 1')).stdout).toBe('OK\n')
    expect((await session.run('docker exec cache redis-cli incr visits')).stdout).toBe('2\n')
    const refused = await session.run('docker exec cache redis-cli -p 6380 ping')
    expect(refused).toMatchObject({
      stderr: 'Could not connect to Redis at 127.0.0.1:6380: Connection refused\n',
      exitCode: 1,
    })
  })

  test('pg_isready says whether postgres accepts connections, here or by name', async () => {
    const session = await sessionWith('postgres')
    await session.run('docker network create app')
    await session.run('docker run -d --name db --network app -e POSTGRES_PASSWORD=pw postgres')
    await session.run('docker run -d --name other -e POSTGRES_PASSWORD=pw postgres')
    await session.run('sleep 5')
    expect(await session.run('docker exec db pg_isready')).toMatchObject({
      stdout: '/var/run/postgresql:5432 - accepting connections\n',
      exitCode: 0,
    })
    // `other` is on the default bridge: no name resolution, no route to `db`.
    expect(await session.run('docker exec other pg_isready -h db')).toMatchObject({
      stdout: 'db:5432 - no response\n',
      exitCode: 2,
    })
  })

  test('mysqladmin ping fails as the client does when nothing listens', async () => {
    const session = await sessionWith('mysql')
    await session.run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=pw mysql')
    await session.run('sleep 30')
    expect(await session.run('docker exec db mysqladmin ping')).toMatchObject({
      stdout: 'mysqld is alive\n',
      exitCode: 0,
    })
    expect(await session.run('docker exec db mysqladmin -h nowhere ping')).toMatchObject({
      stderr:
        "mysqladmin: connect to server at 'nowhere' failed\nerror: 'Can't connect to MySQL server on 'nowhere:3306' (111)'\n",
      exitCode: 1,
    })
  })
})
