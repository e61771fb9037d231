import { describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { FakeTty } from '../../shell/editors/harness'
import {
  NGINX_STARTUP_DIFF,
  diffOutput,
  realHelp,
  run,
  settle,
  waitFor,
  withAlpine,
  withNginx,
} from './observe-fixtures'

const help = async (command: string): Promise<void> => {
  const session = await Session.create()
  expect(await run(session, `docker ${command} --help`)).toEqual({
    stdout: realHelp(command),
    stderr: '',
    exitCode: 0,
  })
  expect((await run(session, `docker container ${command} --help`)).stdout).toBe(
    realHelp(`container-${command}`),
  )
}

describe('docker top', () => {
  test('--help is docker 28.2.2’s', () => help('top'))

  test('lists the main process and nginx’s workers, one per CPU, in ps -ef columns', async () => {
    const { session } = await withNginx()
    const pad = (s: string): string => s.padEnd(20)
    const row = (cells: string[]): string =>
      cells.slice(0, -1).map(pad).join('') + cells[cells.length - 1] + '\n'
    const worker = (pid: number): string =>
      row(['101', String(pid), '1000', '0', '09:00', '?', '00:00:00', 'nginx: worker process'])
    expect(await run(session, 'docker top web')).toEqual({
      stdout:
        row(['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD']) +
        row([
          'root',
          '1000',
          '979',
          '0',
          '09:00',
          '?',
          '00:00:00',
          'nginx: master process nginx -g daemon off;',
        ]) +
        worker(1041) +
        worker(1042) +
        worker(1043) +
        worker(1044),
      stderr: '',
      exitCode: 0,
    })
  })

  test('ps options after the container name go to ps', async () => {
    const { session } = await withNginx()
    const r = await run(session, 'docker top web aux')
    expect(r.stdout.split('\n')[0]).toBe(
      'USER                PID                 %CPU                %MEM                VSZ                 RSS                 TTY                 STAT                START               TIME                COMMAND',
    )
    expect(r.stdout.split('\n')).toHaveLength(7)
  })

  test('a stopped container has no processes to show', async () => {
    const { session, id } = await withNginx()
    await session.run('docker stop web')
    expect(await run(session, 'docker top web')).toEqual({
      stdout: '',
      stderr: `Error response from daemon: container ${id} is not running\n`,
      exitCode: 1,
    })
    expect(await run(session, 'docker top')).toEqual({
      stdout: '',
      stderr:
        "docker: 'docker top' requires at least 1 argument\n\nUsage:  docker top CONTAINER [ps OPTIONS]\n\nSee 'docker top --help' for more information\n",
      exitCode: 1,
    })
  })
})

describe('docker stats', () => {
  test('--help is docker 28.2.2’s', () => help('stats'))

  test('--no-stream prints one table from the image’s behaviour profile', async () => {
    const { session, short } = await withNginx()
    expect(await run(session, 'docker stats --no-stream')).toEqual({
      stdout:
        'CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O      BLOCK I/O   PIDS\n' +
        `${short}   web       0.00%     9.673MiB / 8GiB     0.12%     822B / 84B   0B / 0B     5\n`,
      stderr: '',
      exitCode: 0,
    })
  })

  test('--memory bounds the limit; --format and --no-trunc; json', async () => {
    const { session, id, short } = await withNginx()
    await session.run('docker update -m 64m web')
    expect(
      (await run(session, `docker stats --no-stream --format '{{.MemUsage}} {{.MemPerc}}' web`))
        .stdout,
    ).toMatch(/^9\.\d+MiB \/ 64MiB 15\.\d\d%\n$/)
    expect(
      (await run(session, `docker stats --no-stream --no-trunc --format '{{.ID}}'`)).stdout,
    ).toBe(`${id}\n`)
    const json = JSON.parse((await run(session, 'docker stats --no-stream --format json')).stdout)
    expect(Object.keys(json)).toEqual([
      'BlockIO',
      'CPUPerc',
      'Container',
      'ID',
      'MemPerc',
      'MemUsage',
      'Name',
      'NetIO',
      'PIDs',
    ])
    expect(json.Container).toBe(short)
  })

  test('stopped containers show with -a, as zeros; unknown names fail', async () => {
    const { session } = await withNginx()
    await session.run('docker stop web')
    expect((await run(session, 'docker stats --no-stream')).stdout).toBe('')
    expect(
      (
        await run(
          session,
          'docker stats -a --no-stream --format "{{.Name}} {{.CPUPerc}} {{.MemUsage}} {{.PIDs}}"',
        )
      ).stdout,
    ).toBe('web 0.00% 0B / 0B 0\n')
    expect(await run(session, 'docker stats --no-stream nope')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such container: nope\n',
      exitCode: 1,
    })
  })

  test('on a terminal it redraws in place every second until Ctrl-C', async () => {
    const { session } = await withNginx({ timing: 'realtime' })
    const tty = new FakeTty()
    const controller = new AbortController()
    const running = session.run('docker stats', { tty, signal: controller.signal })
    await waitFor(() => tty.output.includes('\x1b[J'))
    expect(tty.output.startsWith('\x1b[HCONTAINER ID   NAME ')).toBe(true)
    expect(tty.output.split('\x1b[K\r\n')).toHaveLength(4)
    session.clock.advance(1000)
    await settle()
    await waitFor(() => tty.output.split('\x1b[H').length === 3)
    controller.abort()
    expect((await running).exitCode).toBe(130)
  })
})

describe('docker diff', () => {
  test('--help is docker 28.2.2’s', () => help('diff'))

  test('nothing changed, nothing printed; an unknown container', async () => {
    const { session } = await withAlpine()
    expect(await run(session, 'docker diff box')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect(await run(session, 'docker diff nope')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such container: nope\n',
      exitCode: 1,
    })
  })

  test('a fresh nginx has already changed its config, pid file and cache', async () => {
    const { session } = await withNginx()
    expect((await run(session, 'docker diff web')).stdout).toBe(diffOutput(NGINX_STARTUP_DIFF))
    await session.run('docker create --name idle nginx')
    expect((await run(session, 'docker diff idle')).stdout).toBe('')
  })

  test('A, C and D lines, sorted, parents of a change marked C', async () => {
    const { session } = await withAlpine()
    await session.run(
      `docker exec box sh -c 'mkdir -p /srv/app/conf && echo x > /srv/app/conf/a.txt'`,
    )
    await session.run(`docker exec box sh -c 'echo "# hi" >> /etc/profile; rm -r /var/spool'`)
    expect((await run(session, 'docker diff box')).stdout).toBe(
      [
        'C /etc',
        'C /etc/profile',
        'C /srv',
        'A /srv/app',
        'A /srv/app/conf',
        'A /srv/app/conf/a.txt',
        'C /var',
        'D /var/spool',
        '',
      ].join('\n'),
    )
  })
})

describe('docker events', () => {
  test('--help is docker 28.2.2’s, as docker events and docker system events', async () => {
    const session = await Session.create()
    expect((await run(session, 'docker events --help')).stdout).toBe(realHelp('events'))
    expect((await run(session, 'docker system events --help')).stdout).toBe(
      realHelp('system-events'),
    )
  })

  test('--since replays the log: time, type, action, actor and sorted attributes', async () => {
    const { session, id } = await withNginx()
    // The daemon copies the container's labels (nginx's image has `maintainer`) into its events.
    const attrs =
      'image=nginx, maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>, name=web'
    expect(await run(session, 'docker events --since 10m --filter type=container')).toEqual({
      stdout:
        `2026-01-05T09:00:00.000000000Z container create ${id} (${attrs})\n` +
        `2026-01-05T09:00:00.000000000Z container start ${id} (${attrs})\n`,
      stderr: '',
      exitCode: 0,
    })
  })

  test('without --since or --until there is nothing past to show', async () => {
    const { session } = await withNginx()
    expect(await run(session, 'docker events')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
  })

  test('filters: container by name, event with exec_ prefixes, image', async () => {
    const { session, id } = await withNginx()
    await session.run('docker exec web true')
    const r = await run(
      session,
      `docker events --since 1h --filter event=exec_create --filter container=web --format '{{.Action}}'`,
    )
    expect(r.stdout).toBe('exec_create: true\n')
    expect(
      (
        await run(
          session,
          `docker events --until 0s --filter image=nginx --format '{{.Type}} {{.Action}}'`,
        )
      ).stdout,
    ).toBe(
      'image pull\ncontainer create\ncontainer start\ncontainer exec_create: true\ncontainer exec_start: true\ncontainer exec_die\n',
    )
    expect(id).toHaveLength(64)
  })

  test('--format templates see events.Message; {{json .}} its JSON', async () => {
    const { session, id } = await withNginx()
    expect(
      (
        await run(
          session,
          `docker events --since 1h --filter event=start --format '{{.Status}}|{{.ID}}|{{.From}}|{{.Time}}'`,
        )
      ).stdout,
    ).toBe(`start|${id}|nginx|1767603600\n`)
    expect(
      (await run(session, `docker events --since 1h --filter event=start --format json`)).stdout,
    ).toBe(
      `{"status":"start","id":"${id}","from":"nginx","Type":"container","Action":"start","Actor":{"ID":"${id}","Attributes":{"image":"nginx","maintainer":"NGINX Docker Maintainers <docker-maint@nginx.com>","name":"web"}},"scope":"local","time":1767603600,"timeNano":1767603600000000000}\n`,
    )
  })

  test('a bad template, filter or time is refused', async () => {
    const session = await Session.create()
    expect(await run(session, `docker events --format '{{.Nope}}'`)).toEqual({
      stdout: '',
      stderr:
        'Error parsing format: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *events.Message\n',
      exitCode: 64,
    })
    expect(await run(session, 'docker events --filter foo=bar')).toEqual({
      stdout: '',
      stderr: "Error response from daemon: invalid filter 'foo'\n",
      exitCode: 1,
    })
    expect(await run(session, 'docker events --since abc')).toEqual({
      stdout: '',
      stderr: 'failed to parse value as time or duration: "abc"\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker events --filter foo')).toEqual({
      stdout: '',
      stderr:
        'invalid argument "foo" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  docker events [OPTIONS]\n\nRun \'docker events --help\' for more information\n',
      exitCode: 125,
    })
  })

  test('on a terminal new events stream until Ctrl-C', async () => {
    const session = await Session.create({ timing: 'realtime' })
    const tty = new FakeTty()
    const controller = new AbortController()
    const running = session.run(`docker events --format '{{.Type}} {{.Action}}'`, {
      tty,
      signal: controller.signal,
    })
    await settle()
    session.world.docker.events.emit('network', 'create', 'abc', { name: 'n1', type: 'bridge' })
    await waitFor(() => tty.output === 'network create\r\n')
    controller.abort()
    expect((await running).exitCode).toBe(130)
  })
})
