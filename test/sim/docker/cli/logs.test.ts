import { describe, expect, test } from 'vitest'
import { FakeTty } from '../../shell/editors/harness'
import { Session } from '../../../../src/sim/shell/session'
import { realHelp, run, settle, waitFor, withNginx } from './observe-fixtures'

const ENTRYPOINT_LINES = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
]

describe('docker logs', () => {
  test('--help is docker 28.2.2’s, by both paths', async () => {
    const { session } = await withNginx()
    expect(await run(session, 'docker logs --help')).toEqual({
      stdout: realHelp('logs'),
      stderr: '',
      exitCode: 0,
    })
    expect((await run(session, 'docker container logs --help')).stdout).toBe(
      realHelp('container-logs'),
    )
  })

  test('stdout lines go to stdout and stderr lines to stderr', async () => {
    const { session } = await withNginx()
    const r = await run(session, 'docker logs web')
    expect(r.stdout).toBe(ENTRYPOINT_LINES.map((l) => `${l}\n`).join(''))
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      '2026/01/05 09:00:00 [notice] 1#1: using the "epoll" event method',
      '2026/01/05 09:00:00 [notice] 1#1: nginx/1.27.4',
    ])
    expect(r.exitCode).toBe(0)
    expect((await run(session, 'docker logs web 2>/dev/null')).stdout).toBe(r.stdout)
  })

  test('--tail keeps the last lines; -n all and a non-number show everything', async () => {
    const { session } = await withNginx()
    const r = await run(session, 'docker logs -n 2 web')
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      '2026/01/05 09:00:00 [notice] 1#1: start worker process 31\n2026/01/05 09:00:00 [notice] 1#1: start worker process 32\n',
    )
    const all = await run(session, 'docker logs web')
    expect(await run(session, 'docker logs --tail all web')).toEqual(all)
    expect(await run(session, 'docker logs --tail lots web')).toEqual(all)
  })

  test('-t prefixes each line with RFC3339Nano time, nine fraction digits', async () => {
    const { session } = await withNginx()
    const r = await run(session, 'docker logs -t --tail 1 web')
    expect(r.stderr).toBe(
      '2026-01-05T09:00:00.000000000Z 2026/01/05 09:00:00 [notice] 1#1: start worker process 32\n',
    )
  })

  test('--since and --until take durations, dates and Unix times', async () => {
    const { session } = await withNginx()
    await session.run('docker exec web true')
    session.clock.advance(10 * 60_000)
    const all = await run(session, 'docker logs web')
    expect(await run(session, 'docker logs --since 5m web')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'docker logs --since 15m web')).toEqual(all)
    expect(await run(session, 'docker logs --since 2026-01-05T09:00:00Z web')).toEqual(all)
    expect(await run(session, 'docker logs --until 2026-01-05 web')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'docker logs --until 1767607200 web')).toEqual(all)
  })

  test('a bad --since or --until is refused by the client', async () => {
    const { session } = await withNginx()
    expect(await run(session, 'docker logs --since abc web')).toEqual({
      stdout: '',
      stderr: 'invalid value for "since": failed to parse value as time or duration: "abc"\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker logs --until 2024-13-01 web')).toEqual({
      stdout: '',
      stderr: 'invalid value for "until": parsing time "2024-13-01": month out of range\n',
      exitCode: 1,
    })
  })

  test('an unknown container, a missing argument, a flag without its value', async () => {
    const { session } = await withNginx()
    expect(await run(session, 'docker logs nope')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such container: nope\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker logs')).toEqual({
      stdout: '',
      stderr:
        "docker: 'docker logs' requires 1 argument\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nRun 'docker logs --help' for more information\n",
      exitCode: 1,
    })
    expect(await run(session, 'docker logs --tail')).toEqual({
      stdout: '',
      stderr:
        "flag needs an argument: --tail\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nRun 'docker logs --help' for more information\n",
      exitCode: 125,
    })
  })

  test('-f without a terminal prints what there is and returns', async () => {
    const { session } = await withNginx()
    expect(await run(session, 'docker logs -f web')).toEqual(await run(session, 'docker logs web'))
  })

  test('-f on a terminal streams new lines as they are written, until Ctrl-C', async () => {
    const session = await Session.create({ timing: 'realtime' })
    await session.run(
      `docker run -d --name ticker alpine sh -c 'echo one; sleep 1; echo two; sleep 1; echo three; sleep 60'`,
    )
    await session.world.docker.settle()
    const tty = new FakeTty()
    const controller = new AbortController()
    const running = session.run('docker logs -f ticker', { tty, signal: controller.signal })
    await waitFor(() => tty.output === 'one\r\n')
    // The host moves the clock on in small steps, as the terminal hosts do.
    for (let ms = 0; ms < 2500; ms += 250) {
      session.clock.advance(250)
      await session.world.docker.settle()
      await settle()
    }
    expect(tty.output).toBe('one\r\ntwo\r\nthree\r\n')
    controller.abort()
    expect(await running).toMatchObject({ stdout: '', stderr: '', exitCode: 130 })
  })

  test('-f on a terminal ends when the container stops', async () => {
    const session = await Session.create({ timing: 'realtime' })
    await session.run(`docker run -d --name brief alpine sh -c 'echo bye; sleep 1'`)
    await session.world.docker.settle()
    const tty = new FakeTty()
    const running = session.run('docker logs -f brief', { tty })
    await waitFor(() => tty.output === 'bye\r\n')
    for (let ms = 0; ms < 2000; ms += 250) {
      session.clock.advance(250)
      await session.world.docker.settle()
      await settle()
    }
    expect(await running).toMatchObject({ stdout: '', stderr: '', exitCode: 0 })
  })
})
