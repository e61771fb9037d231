/**
 * wget 1.21.3, netcat-openbsd 1.219 and iputils ping 20221126 against the simulated daemon.
 * Expected texts were recorded from those tools on Debian 12 (the times of day and the figures
 * that real tools measure are Quai's own deterministic ones).
 */
import { describe, expect, it } from 'vitest'
import { NGINX_INDEX_HTML } from '../../../../src/sim/docker/images/catalog-data/nginx'
import { run, sessionWithWeb } from './helpers'

const WGET_HINT = "Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n"

describe('wget on the host', () => {
  it('saves the page as index.html, then index.html.1', async () => {
    const session = await sessionWithWeb()
    const log = (name: string) =>
      '--2026-01-05 09:00:02--  http://localhost:8080/\n' +
      'Resolving localhost (localhost)... 127.0.0.1\n' +
      'Connecting to localhost (localhost)|127.0.0.1|:8080... connected.\n' +
      'HTTP request sent, awaiting response... 200 OK\n' +
      'Length: 615 [text/html]\n' +
      `Saving to: ‘${name}’\n` +
      '\n' +
      `\r${name.padEnd(20)}  0%[                    ]       0  --.-KB/s               ` +
      `\r${name.padEnd(20)}100%[===================>]     615  --.-KB/s    in 0s      \n` +
      '\n' +
      `2026-01-05 09:00:02 (55.9 MB/s) - ‘${name}’ saved [615/615]\n` +
      '\n'
    expect(await run(session, 'wget localhost:8080')).toEqual({
      stdout: '',
      stderr: log('index.html'),
      exitCode: 0,
    })
    expect(await run(session, 'wget localhost:8080')).toEqual({
      stdout: '',
      stderr: log('index.html.1'),
      exitCode: 0,
    })
    expect((await run(session, 'cat index.html.1')).stdout).toBe(NGINX_INDEX_HTML)
  })

  it('prints the page with -qO-', async () => {
    const session = await sessionWithWeb()
    expect(await run(session, 'wget -qO- localhost:8080')).toEqual({
      stdout: NGINX_INDEX_HTML,
      stderr: '',
      exitCode: 0,
    })
  })

  it('fails with exit status 4 on a refused port or an unknown host', async () => {
    const session = await sessionWithWeb()
    expect(await run(session, 'wget localhost:9999')).toEqual({
      stdout: '',
      stderr:
        '--2026-01-05 09:00:02--  http://localhost:9999/\n' +
        'Resolving localhost (localhost)... 127.0.0.1\n' +
        'Connecting to localhost (localhost)|127.0.0.1|:9999... failed: Connection refused.\n',
      exitCode: 4,
    })
    expect(await run(session, 'wget web')).toEqual({
      stdout: '',
      stderr:
        '--2026-01-05 09:00:02--  http://web/\n' +
        'Resolving web (web)... failed: Name or service not known.\n' +
        'wget: unable to resolve host address ‘web’\n',
      exitCode: 4,
    })
    expect(await run(session, 'wget -q web')).toEqual({ stdout: '', stderr: '', exitCode: 4 })
  })

  it('gives up on a paused container after its read timeout', async () => {
    const session = await sessionWithWeb()
    session.world.docker.pauseContainer('web')
    expect(await run(session, 'wget -T 1 -t 1 localhost:8080')).toEqual({
      stdout: '',
      stderr:
        '--2026-01-05 09:00:02--  http://localhost:8080/\n' +
        'Resolving localhost (localhost)... 127.0.0.1\n' +
        'Connecting to localhost (localhost)|127.0.0.1|:8080... connected.\n' +
        'HTTP request sent, awaiting response... Read error (Connection timed out) in headers.\n' +
        'Giving up.\n\n',
      exitCode: 4,
    })
  })

  it('answers usage errors as wget does', async () => {
    const session = await sessionWithWeb()
    expect(await run(session, 'wget')).toEqual({
      stdout: '',
      stderr: `wget: missing URL\n${WGET_HINT}`,
      exitCode: 1,
    })
    expect(await run(session, 'wget --foo x')).toEqual({
      stdout: '',
      stderr: `wget: unrecognized option '--foo'\n${WGET_HINT}`,
      exitCode: 2,
    })
  })
})

describe('nc on the host', () => {
  it('scans a published port with -z, silently or with -v', async () => {
    const session = await sessionWithWeb()
    expect(await run(session, 'nc -z localhost 8080')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'nc -zv localhost 8080')).toEqual({
      stdout: '',
      stderr: 'Connection to localhost (127.0.0.1) 8080 port [tcp/http-alt] succeeded!\n',
      exitCode: 0,
    })
    expect(await run(session, 'nc -zv 127.0.0.1 8080')).toEqual({
      stdout: '',
      stderr: 'Connection to 127.0.0.1 8080 port [tcp/http-alt] succeeded!\n',
      exitCode: 0,
    })
  })

  it('reports refused ports and ranges one line each', async () => {
    const session = await sessionWithWeb()
    expect(await run(session, 'nc -z localhost 9999')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 1,
    })
    expect(await run(session, 'nc -zv localhost 8079-8080')).toEqual({
      stdout: '',
      stderr:
        'nc: connect to localhost (127.0.0.1) port 8079 (tcp) failed: Connection refused\n' +
        'Connection to localhost (127.0.0.1) 8080 port [tcp/http-alt] succeeded!\n',
      exitCode: 0,
    })
    expect(await run(session, 'nc -zv 172.17.0.2 http')).toEqual({
      stdout: '',
      stderr: 'Connection to 172.17.0.2 80 port [tcp/http] succeeded!\n',
      exitCode: 0,
    })
  })

  it('fails on unknown hosts and bad ports', async () => {
    const session = await sessionWithWeb()
    expect(await run(session, 'nc -zv web 80')).toEqual({
      stdout: '',
      stderr: 'nc: getaddrinfo for host "web" port 80: Name or service not known\n',
      exitCode: 1,
    })
    expect(await run(session, 'nc -zv localhost')).toEqual({
      stdout: '',
      stderr: 'nc: missing port number\n',
      exitCode: 1,
    })
    expect(await run(session, 'nc -zv localhost abc')).toEqual({
      stdout: '',
      stderr: 'nc: port number invalid: abc\n',
      exitCode: 1,
    })
  })

  it('sends its input and prints the raw answer', async () => {
    const session = await sessionWithWeb()
    const { stdout, exitCode } = await run(
      session,
      "printf 'HEAD / HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' | nc localhost 8080",
    )
    expect(exitCode).toBe(0)
    expect(stdout.split('\r\n').slice(0, 2)).toEqual(['HTTP/1.1 200 OK', 'Server: nginx/1.27.4'])
  })
})

describe('ping on the host', () => {
  it('pings localhost three times', async () => {
    const session = await sessionWithWeb()
    expect(await run(session, 'ping -c 3 localhost')).toEqual({
      stdout:
        'PING localhost (127.0.0.1) 56(84) bytes of data.\n' +
        '64 bytes from localhost (127.0.0.1): icmp_seq=1 ttl=64 time=0.054 ms\n' +
        '64 bytes from localhost (127.0.0.1): icmp_seq=2 ttl=64 time=0.045 ms\n' +
        '64 bytes from localhost (127.0.0.1): icmp_seq=3 ttl=64 time=0.036 ms\n' +
        '\n' +
        '--- localhost ping statistics ---\n' +
        '3 packets transmitted, 3 received, 0% packet loss, time 2040ms\n' +
        'rtt min/avg/max/mdev = 0.036/0.045/0.054/0.007 ms\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('pings a container address, paused or not, and reports a stopped one unreachable', async () => {
    const session = await sessionWithWeb()
    session.world.docker.pauseContainer('web')
    expect((await run(session, 'ping -c 1 -q 172.17.0.2')).stdout).toBe(
      'PING 172.17.0.2 (172.17.0.2) 56(84) bytes of data.\n' +
        '\n' +
        '--- 172.17.0.2 ping statistics ---\n' +
        '1 packets transmitted, 1 received, 0% packet loss, time 0ms\n' +
        'rtt min/avg/max/mdev = 0.103/0.103/0.103/0.000 ms\n',
    )
    session.world.docker.unpauseContainer('web')
    session.world.docker.stopContainer('web')
    expect(await run(session, 'ping -c 3 172.17.0.2')).toEqual({
      stdout:
        'PING 172.17.0.2 (172.17.0.2) 56(84) bytes of data.\n' +
        'From 172.17.0.1 icmp_seq=1 Destination Host Unreachable\n' +
        'From 172.17.0.1 icmp_seq=2 Destination Host Unreachable\n' +
        'From 172.17.0.1 icmp_seq=3 Destination Host Unreachable\n' +
        '\n' +
        '--- 172.17.0.2 ping statistics ---\n' +
        '3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2040ms\n' +
        'pipe 3\n',
      stderr: '',
      exitCode: 1,
    })
  })

  it('answers errors as iputils does', async () => {
    const session = await sessionWithWeb()
    expect(await run(session, 'ping -c 1 web')).toEqual({
      stdout: '',
      stderr: 'ping: web: Name or service not known\n',
      exitCode: 2,
    })
    expect(await run(session, 'ping 8.8.8.8')).toEqual({
      stdout: '',
      stderr: 'ping: connect: Network is unreachable\n',
      exitCode: 2,
    })
    expect(await run(session, 'ping')).toEqual({
      stdout: '',
      stderr: 'ping: usage error: Destination address required\n',
      exitCode: 1,
    })
    expect(await run(session, 'ping -c 0 localhost')).toEqual({
      stdout: '',
      stderr: "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n",
      exitCode: 1,
    })
  })

  it('stops after four echoes in a script when no count is given', async () => {
    const session = await sessionWithWeb()
    const { stdout } = await run(session, 'ping -q quai')
    expect(stdout).toBe(
      'PING quai (127.0.1.1) 56(84) bytes of data.\n' +
        '\n' +
        '--- quai ping statistics ---\n' +
        `4 packets transmitted, 4 received, 0% packet loss, time ${3000 + 43}ms\n` +
        stdout.split('\n').slice(-2).join('\n'),
    )
  })
})

describe('in the interactive terminal', () => {
  function terminal(stopAfterWrites: number) {
    const controller = new AbortController()
    const written: string[] = []
    const tty = {
      cols: 80,
      rows: 24,
      signal: controller.signal,
      write: (data: string) => {
        written.push(data)
        if (written.length >= stopAfterWrites) controller.abort()
      },
      onInput: () => () => undefined,
      onResize: () => () => undefined,
    }
    return { tty, signal: controller.signal, written }
  }

  it('streams ping until Ctrl-C, then prints the statistics', async () => {
    const session = await sessionWithWeb()
    const { tty, signal, written } = terminal(3)
    const result = await session.run('ping 172.17.0.2', { tty, signal })
    expect(result.stdout).toBe('')
    expect(result.exitCode).toBe(130)
    expect(written.join('')).toBe(
      'PING 172.17.0.2 (172.17.0.2) 56(84) bytes of data.\r\n' +
        '64 bytes from 172.17.0.2: icmp_seq=1 ttl=64 time=0.103 ms\r\n' +
        '64 bytes from 172.17.0.2: icmp_seq=2 ttl=64 time=0.052 ms\r\n' +
        '\r\n' +
        '--- 172.17.0.2 ping statistics ---\r\n' +
        '2 packets transmitted, 2 received, 0% packet loss, time 1037ms\r\n' +
        'rtt min/avg/max/mdev = 0.052/0.077/0.103/0.025 ms\r\n',
    )
  })

  it('keeps curl waiting on a paused container until Ctrl-C', async () => {
    const session = await sessionWithWeb()
    session.world.docker.pauseContainer('web')
    const controller = new AbortController()
    const tty = { ...terminal(1).tty, signal: controller.signal }
    const running = session.run('curl localhost:8080', { tty, signal: controller.signal })
    await new Promise((resolve) => setTimeout(resolve, 20))
    controller.abort()
    expect(await running).toMatchObject({ stdout: '', stderr: '', exitCode: 130 })
  })
})
