import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { FakeTty } from '../../shell/editors/harness'

/** `docker X --help` as docker 28.2.2 prints it (recorded with the real CLI, 80 columns). */
const realHelp = (name: string): string =>
  readFileSync(join(__dirname, 'golden', 'help-28.2.2', `${name}.txt`), 'utf8')

interface Outcome {
  stdout: string
  stderr: string
  exitCode: number
}

async function run(session: Session, line: string, stdin?: string): Promise<Outcome> {
  const r = await session.run(line, stdin === undefined ? {} : { stdin })
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

const out = (stdout: string): Outcome => ({ stdout, stderr: '', exitCode: 0 })
const failed = (stderr: string, stdout = ''): Outcome => ({ stdout, stderr, exitCode: 1 })

/** A session that already has these images, so outputs carry no pull lines. */
async function sessionWith(...images: string[]): Promise<Session> {
  const session = await Session.create()
  for (const image of images) await session.run(`docker pull -q ${image}`)
  return session
}

/** Runs `docker run -d …` and returns the container's full id. */
async function detached(session: Session, args: string): Promise<string> {
  const r = await run(session, `docker run -d ${args}`)
  expect(r.exitCode).toBe(0)
  return r.stdout.trim()
}

const PS_HEADER =
  'CONTAINER ID   IMAGE         COMMAND                  CREATED          STATUS                      PORTS     NAMES'

describe('the getting-started sequence', () => {
  test('run hello-world, run nginx on 8080, ps, stop, ps -a, start, rm -f', async () => {
    const session = await sessionWith('hello-world', 'nginx')
    const hello = await run(session, 'docker run hello-world')
    expect(hello.stdout.split('\n').slice(0, 3)).toEqual([
      '',
      'Hello from Docker!',
      'This message shows that your installation appears to be working correctly.',
    ])
    expect([hello.stderr, hello.exitCode]).toEqual(['', 0])
    const hid = (await run(session, 'docker ps -a -q')).stdout.trim()
    const web = await detached(session, '--name web -p 8080:80 nginx')
    const short = web.slice(0, 12)
    await run(session, 'sleep 10')
    expect(await run(session, 'docker ps')).toEqual(
      out(
        [
          'CONTAINER ID   IMAGE     COMMAND                  CREATED          STATUS          PORTS                                     NAMES',
          `${short}   nginx     "/docker-entrypoint.…"   10 seconds ago   Up 10 seconds   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web`,
          '',
        ].join('\n'),
      ),
    )
    expect(await run(session, 'docker stop web')).toEqual(out('web\n'))
    await run(session, 'sleep 5')
    const helloName = (await run(session, `docker inspect -f '{{.Name}}' ${hid}`)).stdout
      .trim()
      .slice(1)
    expect(await run(session, 'docker ps -a')).toEqual(
      out(
        [
          PS_HEADER,
          `${short}   nginx         "/docker-entrypoint.…"   15 seconds ago   Exited (0) 5 seconds ago    80/tcp    web`,
          `${hid}   hello-world   "/hello"                 15 seconds ago   Exited (0) 15 seconds ago             ${helloName}`,
          '',
        ].join('\n'),
      ),
    )
    expect(await run(session, 'docker start web')).toEqual(out('web\n'))
    expect(await run(session, 'docker ps --format "{{.Names}}\t{{.Status}}\t{{.Ports}}"')).toEqual(
      out('web\tUp Less than a second\t0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n'),
    )
    expect(await run(session, 'docker rm -f web')).toEqual(out('web\n'))
    expect(await run(session, 'docker ps -a --format "{{.Names}}"')).toEqual(out(`${helloName}\n`))
  })

  test('stop sends nginx its STOPSIGNAL (SIGQUIT): a graceful shutdown, in its log', async () => {
    const session = await sessionWith('nginx')
    await detached(session, '--name web nginx')
    await run(session, 'docker stop web')
    const log = (await run(session, 'docker logs web')).stderr.split('\n')
    expect(log.slice(-4)).toEqual([
      '2026/01/05 09:00:00 [notice] 1#1: worker process 31 exited with code 0',
      '2026/01/05 09:00:00 [notice] 1#1: worker process 32 exited with code 0',
      '2026/01/05 09:00:00 [notice] 1#1: exit',
      '',
    ])
    expect(log).toContain(
      '2026/01/05 09:00:00 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down',
    )
  })
})

describe('lifecycle commands’ --help', () => {
  test.each([
    'start',
    'stop',
    'restart',
    'kill',
    'pause',
    'unpause',
    'rm',
    'rename',
    'wait',
    'port',
  ])('docker %s --help is docker 28.2.2’s, by both paths', async (name) => {
    const session = await Session.create()
    expect(await run(session, `docker ${name} --help`)).toEqual(out(realHelp(name)))
    expect(await run(session, `docker container ${name} --help`)).toEqual(
      out(realHelp(`container-${name}`)),
    )
  })

  test('docker container remove and docker container prune', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker container remove --help')).toEqual(
      out(realHelp('container-remove')),
    )
    expect(await run(session, 'docker container prune --help')).toEqual(
      out(realHelp('container-prune')),
    )
  })
})

describe('stop, restart, kill, pause, unpause', () => {
  test('each name is printed as given; the failures together at the end, status 1', async () => {
    const session = await sessionWith('alpine')
    await detached(session, '--name one alpine sleep 100')
    expect(await run(session, 'docker stop one nope other')).toEqual(
      failed(
        'Error response from daemon: No such container: nope\nError response from daemon: No such container: other\n',
        'one\n',
      ),
    )
    expect(await run(session, 'docker stop one')).toEqual(out('one\n'))
    expect(await run(session, 'docker restart one')).toEqual(out('one\n'))
    expect(await run(session, 'docker ps --format "{{.Names}} {{.Status}}"')).toEqual(
      out('one Up Less than a second\n'),
    )
  })

  test('kill: SIGKILL by default; a stopped container and a bad signal are refused', async () => {
    const session = await sessionWith('alpine')
    const id = await detached(session, '--name one alpine sleep 100')
    expect(await run(session, 'docker kill -s FOO one')).toEqual(
      failed('Error response from daemon: Invalid signal: FOO\n'),
    )
    expect(await run(session, 'docker kill one')).toEqual(out('one\n'))
    expect(await run(session, 'docker ps -a --format "{{.Status}}"')).toEqual(
      out('Exited (137) Less than a second ago\n'),
    )
    expect(await run(session, 'docker kill one')).toEqual(
      failed(
        `Error response from daemon: Cannot kill container: one: Container ${id} is not running\n`,
      ),
    )
  })

  test('pause and unpause, and their refusals', async () => {
    const session = await sessionWith('alpine')
    const one = await detached(session, '--name one alpine sleep 100')
    const two = await detached(session, '--name two alpine sleep 100')
    expect(await run(session, 'docker pause one')).toEqual(out('one\n'))
    expect(await run(session, 'docker ps --format "{{.Names}} {{.Status}}"')).toEqual(
      out('two Up Less than a second\none Up Less than a second (Paused)\n'),
    )
    expect(await run(session, 'docker pause one')).toEqual(
      failed(`Error response from daemon: Container ${one} is already paused\n`),
    )
    expect(await run(session, 'docker unpause one two')).toEqual(
      failed(`Error response from daemon: Container ${two} is not paused\n`, 'one\n'),
    )
  })

  test('a blank name is refused by the client itself', async () => {
    const session = await Session.create()
    expect(await run(session, `docker stop ''`)).toEqual(
      failed('invalid container name or ID: value is empty\n'),
    )
  })
})

describe('docker start', () => {
  test('prints each name; failures are reported, then summed up', async () => {
    const session = await sessionWith('alpine')
    await run(session, 'docker create --name made alpine echo hi')
    expect(await run(session, 'docker start made nope')).toEqual(
      failed(
        'Error response from daemon: No such container: nope\nError: failed to start containers: nope\n',
        'made\n',
      ),
    )
    expect(await run(session, 'docker logs made')).toEqual(out('hi\n'))
  })

  test('-a follows the container to its end and exits with its status', async () => {
    const session = await sessionWith('alpine')
    await run(session, `docker create --name job alpine sh -c 'echo working; sleep 2; exit 5'`)
    expect(await run(session, 'docker start -a job')).toEqual({
      stdout: 'working\n',
      stderr: '',
      exitCode: 5,
    })
    expect(await run(session, 'docker start -a job nope')).toEqual(
      failed('you cannot start and attach multiple containers at once\n'),
    )
  })

  test('-ai of a container made with -it: its shell on the terminal again', async () => {
    const session = await Session.create({ timing: 'realtime' })
    await session.run('docker pull -q alpine')
    await session.run('docker create -it --name box alpine')
    const tty = new FakeTty()
    const running = session.run('docker start -ai box', { tty })
    for (let i = 0; i < 500 && !tty.output.endsWith('/ # '); i++)
      await new Promise((resolve) => setTimeout(resolve, 0))
    expect(tty.output).toBe('/ # ')
    await tty.type('exit\r')
    expect(await running).toMatchObject({ stdout: '', stderr: '', exitCode: 0 })
    expect((await run(session, 'docker ps -a --format "{{.Status}}"')).stdout).toBe(
      'Exited (0) Less than a second ago\n',
    )
  })

  test('a command the image lacks fails to start again, with the runtime’s words', async () => {
    const session = await sessionWith('alpine')
    await run(session, 'docker create --name broken alpine nosuchcmd')
    expect(await run(session, 'docker start broken')).toEqual(
      failed(
        'Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuchcmd": executable file not found in $PATH: unknown\nError: failed to start containers: broken\n',
      ),
    )
  })
})

describe('docker rm', () => {
  test('a running container needs -f; -f of a missing one only reports it', async () => {
    const session = await sessionWith('alpine')
    await detached(session, '--name one alpine sleep 100')
    expect(await run(session, 'docker rm one')).toEqual(
      failed(
        'Error response from daemon: cannot remove container "/one": container is running: stop the container before removing or force remove\n',
      ),
    )
    expect(await run(session, 'docker rm -f one nope')).toEqual({
      stdout: 'one\n',
      stderr: 'Error response from daemon: No such container: nope\n',
      exitCode: 0,
    })
  })

  test('failures are joined at the end; an empty name is the client’s own error', async () => {
    const session = await Session.create()
    expect(await run(session, `docker rm '' nope`)).toEqual(
      failed(
        'container name cannot be empty\nError response from daemon: No such container: nope\n',
      ),
    )
  })

  test('-v takes the container’s anonymous volumes with it', async () => {
    const session = await sessionWith('alpine')
    await run(session, 'docker create --name data -v /data alpine')
    expect((await run(session, 'docker volume ls -q')).stdout).toMatch(/^[0-9a-f]{64}\n$/)
    expect(await run(session, 'docker rm -v data')).toEqual(out('data\n'))
    expect(await run(session, 'docker volume ls -q')).toEqual(out(''))
  })
})

describe('docker rename', () => {
  test('renames; refuses a taken, the same, an invalid or an empty name', async () => {
    const session = await sessionWith('alpine')
    const one = await detached(session, '--name one alpine sleep 100')
    await detached(session, '--name two alpine sleep 100')
    expect(await run(session, 'docker rename two three')).toEqual(out(''))
    expect(await run(session, 'docker rename three one')).toEqual(
      failed(
        `Error response from daemon: Error when allocating new name: Conflict. The container name "/one" is already in use by container "${one}". You have to remove (or rename) that container to be able to reuse that name.\nError: failed to rename container named three\n`,
      ),
    )
    expect(await run(session, 'docker rename three three')).toEqual(
      failed(
        'Error response from daemon: Renaming a container with the same name as its current name\nError: failed to rename container named three\n',
      ),
    )
    expect(await run(session, `docker rename three 'bad name'`)).toEqual(
      failed(
        'Error response from daemon: Error when allocating new name: Invalid container name (bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\nError: failed to rename container named three\n',
      ),
    )
    expect(await run(session, `docker rename '' three`)).toEqual(
      failed('Error: Neither old nor new names may be empty\n'),
    )
    expect(await run(session, 'docker rename nope x2')).toEqual(
      failed(
        'Error response from daemon: No such container: nope\nError: failed to rename container named nope\n',
      ),
    )
  })
})

describe('docker wait', () => {
  test('blocks until each container stops (on the clock), then prints its status', async () => {
    const session = await sessionWith('alpine')
    await detached(session, `--name quick alpine sh -c 'exit 3'`)
    await detached(session, `--name slow alpine sh -c 'sleep 30; exit 7'`)
    const before = session.clock.now()
    expect(await run(session, 'docker wait quick slow')).toEqual(out('3\n7\n'))
    expect(session.clock.now() - before).toBe(30_000)
    expect(await run(session, 'docker wait nope')).toEqual(
      failed('Error response from daemon: No such container: nope\n'),
    )
  })
})

describe('docker port', () => {
  test('every mapping, or one port’s host addresses, IPv4 before IPv6', async () => {
    const session = await sessionWith('nginx')
    await detached(session, '--name web -p 8080:80 -p 127.0.0.1:5353:53/udp nginx')
    expect(await run(session, 'docker port web')).toEqual(
      out('53/udp -> 127.0.0.1:5353\n80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n'),
    )
    expect(await run(session, 'docker port web 80')).toEqual(out('0.0.0.0:8080\n[::]:8080\n'))
    expect(await run(session, 'docker port web 53/udp')).toEqual(out('127.0.0.1:5353\n'))
  })

  test('a port with no mapping, a malformed one, a missing container', async () => {
    const session = await sessionWith('nginx')
    await detached(session, '--name web -p 8080:80 nginx')
    expect(await run(session, 'docker port web 81')).toEqual(
      failed("Error: No public port '81' published for web\n"),
    )
    expect(await run(session, 'docker port web abc')).toEqual(
      failed('Error: invalid port (abc): strconv.ParseUint: parsing "abc": invalid syntax\n'),
    )
    expect(await run(session, 'docker port nope')).toEqual(
      failed('Error response from daemon: No such container: nope\n'),
    )
    await run(session, 'docker stop web')
    expect(await run(session, 'docker port web')).toEqual(out(''))
  })
})

describe('docker container prune', () => {
  const WARNING =
    'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] '

  test('asks first: anything but y keeps them, y removes every stopped one', async () => {
    const session = await sessionWith('alpine')
    const done = await detached(session, '--name done alpine true')
    await detached(session, '--name busy alpine sleep 100')
    expect(await run(session, 'docker container prune')).toEqual(out(WARNING))
    expect(await run(session, 'docker container prune', 'yes\n')).toEqual(out(WARNING))
    expect(await run(session, 'docker container prune', 'y\n')).toEqual(
      out(`${WARNING}Deleted Containers:\n${done}\n\nTotal reclaimed space: 0B\n`),
    )
    expect(await run(session, 'docker ps -a --format "{{.Names}}"')).toEqual(out('busy\n'))
  })

  test('-f does not ask; with nothing stopped there is only the total', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker container prune -f')).toEqual(
      out('Total reclaimed space: 0B\n'),
    )
  })

  test('--filter label narrows it; an unknown filter is the daemon’s error', async () => {
    const session = await sessionWith('alpine')
    const keep = await detached(session, '--name keep -l tier=db alpine true')
    const temp = await detached(session, '--name temp -l tier=tmp alpine true')
    expect(await run(session, 'docker container prune -f --filter label=tier=tmp')).toEqual(
      out(`Deleted Containers:\n${temp}\n\nTotal reclaimed space: 0B\n`),
    )
    expect((await run(session, 'docker ps -aq --no-trunc')).stdout).toBe(`${keep}\n`)
    expect(await run(session, 'docker container prune -f --filter color=red')).toEqual(
      failed("Error response from daemon: invalid filter 'color'\n"),
    )
  })
})
