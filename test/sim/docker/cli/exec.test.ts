import { describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { createShellTerminal } from '../../../../src/sim/shell/terminal'
import { FakeTty } from '../../shell/editors/harness'
import { newXterm, screenLines, writeAll } from '../../shell/terminal/xterm-screen'
import {
  NGINX_STARTUP_DIFF,
  diffOutput,
  realHelp,
  run,
  settle,
  waitFor,
  withNginx,
} from './observe-fixtures'

/** Types a line into a program that reads the terminal, and waits until it has been handled. */
async function typeLine(tty: FakeTty, line: string, expect: string): Promise<void> {
  await tty.type(`${line}\r`)
  await waitFor(() => tty.output.endsWith(expect))
}

describe('docker exec', () => {
  test('--help is docker 28.2.2’s, by both paths', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker exec --help')).toEqual({
      stdout: realHelp('exec'),
      stderr: '',
      exitCode: 0,
    })
    expect((await run(session, 'docker container exec --help')).stdout).toBe(
      realHelp('container-exec'),
    )
  })

  test('runs a command in the container’s own filesystem', async () => {
    const { session } = await withNginx()
    expect(await run(session, 'docker exec web ls /usr/share/nginx/html')).toEqual({
      stdout: '50x.html\nindex.html\n',
      stderr: '',
      exitCode: 0,
    })
    const conf = await run(session, 'docker exec web cat /etc/nginx/nginx.conf')
    expect(conf.stdout.split('\n').slice(0, 3)).toEqual([
      '',
      'user  nginx;',
      'worker_processes  auto;',
    ])
    expect(await run(session, 'docker exec web cat /etc/hostname')).toMatchObject({
      stdout: `${(await run(session, `docker inspect -f '{{.Config.Hostname}}' web`)).stdout}`,
    })
    // Flags after the command belong to the command.
    expect((await run(session, 'docker exec web ls -a /usr/share/nginx/html')).stdout).toBe(
      '.\n..\n50x.html\nindex.html\n',
    )
  })

  test('env shows the process environment the daemon gives an exec, in its order', async () => {
    const { session, short } = await withNginx()
    expect(await run(session, 'docker exec -e GREETING=hi web env')).toEqual({
      stdout: [
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        `HOSTNAME=${short}`,
        'NGINX_VERSION=1.27.4',
        'NJS_VERSION=0.8.9',
        'NJS_RELEASE=1~bookworm',
        'PKG_RELEASE=1~bookworm',
        'DYNPKG_RELEASE=1~bookworm',
        'GREETING=hi',
        'HOME=/root',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    })
  })

  test('-u and -w choose the user and the working directory', async () => {
    const { session } = await withNginx()
    expect((await run(session, 'docker exec -u nobody web whoami')).stdout).toBe('nobody\n')
    expect((await run(session, 'docker exec -w /etc/nginx web pwd')).stdout).toBe('/etc/nginx\n')
    expect(await run(session, 'docker exec -w /nope web pwd')).toEqual({
      stdout:
        'OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("/nope") set in config.json failed: no such file or directory: unknown\r\n',
      stderr: '',
      exitCode: 126,
    })
  })

  test('what a command writes stays in the container and shows in docker diff', async () => {
    const { session } = await withNginx()
    await run(session, `docker exec web sh -c 'echo hello > /tmp/note; mkdir /data'`)
    expect((await run(session, 'docker exec web cat /tmp/note')).stdout).toBe('hello\n')
    const added = ['A /data', 'C /tmp', 'A /tmp/note']
    expect((await run(session, 'docker diff web')).stdout).toBe(
      diffOutput(NGINX_STARTUP_DIFF, added),
    )
    await run(session, 'docker exec web rm /etc/nginx/conf.d/default.conf')
    expect((await run(session, 'docker diff web')).stdout).toBe(
      diffOutput(NGINX_STARTUP_DIFF, added, ['D /etc/nginx/conf.d/default.conf']),
    )
  })

  test('a command the container does not have: exit 127 and runc’s words on stdout', async () => {
    const { session } = await withNginx()
    expect(await run(session, 'docker exec web nosuch')).toEqual({
      stdout:
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in $PATH: unknown\r\n',
      stderr: '',
      exitCode: 127,
    })
    expect(await run(session, 'docker exec web /nope/x')).toEqual({
      stdout:
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "/nope/x": stat /nope/x: no such file or directory: unknown\r\n',
      stderr: '',
      exitCode: 127,
    })
  })

  test('a command’s own failure is its exit status', async () => {
    const { session } = await withNginx()
    expect(await run(session, 'docker exec web ls /nope')).toEqual({
      stdout: '',
      stderr: "ls: cannot access '/nope': No such file or directory\n",
      exitCode: 2,
    })
  })

  test('Alpine has no bash', async () => {
    const session = await Session.create()
    await session.run('docker run -dit --name box alpine')
    expect((await run(session, 'docker exec box bash')).stdout).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\r\n',
    )
    expect((await run(session, 'docker exec box cat /etc/alpine-release')).stdout).toBe('3.21.3\n')
  })

  test('a stopped container, an unknown one, no command', async () => {
    const { session, id } = await withNginx()
    expect(await run(session, 'docker exec nope ls')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such container: nope\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker exec web')).toEqual({
      stdout: '',
      stderr:
        "docker: 'docker exec' requires at least 2 arguments\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nSee 'docker exec --help' for more information\n",
      exitCode: 1,
    })
    await session.run('docker stop web')
    expect(await run(session, 'docker exec web ls')).toEqual({
      stdout: '',
      stderr: `Error response from daemon: container ${id} is not running\n`,
      exitCode: 1,
    })
  })

  test('-it without a terminal is refused before anything runs', async () => {
    const { session } = await withNginx()
    expect(await run(session, 'docker exec -it web sh')).toEqual({
      stdout: '',
      stderr: 'the input device is not a TTY\n',
      exitCode: 1,
    })
  })

  test('-t alone gives terminal line endings on one stream', async () => {
    const { session } = await withNginx()
    expect(await run(session, 'docker exec -t web ls /usr/share/nginx/html')).toEqual({
      stdout: '50x.html\r\nindex.html\r\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('-d runs in the background and prints nothing', async () => {
    const { session } = await withNginx()
    expect(await run(session, `docker exec -d web sh -c 'echo x > /tmp/bg'`)).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
    expect((await run(session, 'docker exec web cat /tmp/bg')).stdout).toBe('x\n')
  })

  test('-it sh on Debian: a dash prompt, commands in the container, exit returns', async () => {
    const { session } = await withNginx()
    const tty = new FakeTty()
    const running = session.run('docker exec -it web sh', { tty })
    await waitFor(() => tty.output.endsWith('# '))
    expect(tty.output).toBe('# ')
    await typeLine(tty, 'cat /etc/os-release | head -1', '# ')
    expect(tty.output).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\r\n# ')
    await typeLine(tty, 'cd /usr/share/nginx/html && touch new.html', '# ')
    await tty.type('exit\r')
    expect(await running).toMatchObject({ stdout: '', stderr: '', exitCode: 0 })
    expect((await run(session, 'docker exec web ls /usr/share/nginx/html')).stdout).toBe(
      '50x.html\nindex.html\nnew.html\n',
    )
  })

  test('-it bash on Debian shows root@<hostname>:<dir>#', async () => {
    const { session, short } = await withNginx()
    const tty = new FakeTty()
    const running = session.run('docker exec -it web bash', { tty })
    await waitFor(() => tty.output.endsWith('# '))
    expect(tty.output).toBe(`root@${short}:/# `)
    await typeLine(tty, 'cd /etc/nginx', '# ')
    expect(tty.output.endsWith(`root@${short}:/etc/nginx# `)).toBe(true)
    await tty.type('exit 3\r')
    expect((await running).exitCode).toBe(3)
  })

  test('-it sh on Alpine shows BusyBox’s "/ # "', async () => {
    const session = await Session.create()
    await session.run('docker run -dit --name box alpine')
    const tty = new FakeTty()
    const running = session.run('docker exec -it box sh', { tty })
    await waitFor(() => tty.output.endsWith('# '))
    expect(tty.output).toBe('/ # ')
    await typeLine(tty, 'cd /etc', '# ')
    expect(tty.output.endsWith('/etc # ')).toBe(true)
    await tty.type('\x04')
    expect((await running).exitCode).toBe(0)
  })

  test('in the student’s terminal: the container’s bash, then back to the student’s prompt', async () => {
    const session = await Session.create({ timing: 'realtime' })
    await session.run('docker run -d --name web nginx')
    const short = (await session.run(`docker inspect -f '{{.Config.Hostname}}' web`)).stdout.trim()
    const shell = createShellTerminal(session, { cols: 80, rows: 24 })
    const xterm = newXterm(80, 24)
    shell.onOutput((data) => xterm.write(data))
    shell.start()
    const type = async (text: string): Promise<void> => {
      for (const key of text) {
        shell.input(key)
        await settle()
      }
      for (let i = 0; i < 30; i++) await settle()
    }
    await type('docker exec -it web bash\r')
    await type('cd /usr/share/nginx/html\r')
    await type('ls\r')
    await type('whoami\r')
    await type('exit\r')
    await type('echo back\r')
    await writeAll(xterm, '')
    expect(screenLines(xterm)).toEqual([
      'student@quai:~$ docker exec -it web bash',
      `root@${short}:/# cd /usr/share/nginx/html`,
      `root@${short}:/usr/share/nginx/html# ls`,
      '50x.html  index.html',
      `root@${short}:/usr/share/nginx/html# whoami`,
      'root',
      `root@${short}:/usr/share/nginx/html# exit`,
      'exit',
      'student@quai:~$ echo back',
      'back',
      'student@quai:~$ ',
    ])
  })
})
