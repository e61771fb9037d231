/**
 * curl against the simulated daemon. Expected texts were recorded from curl 7.88.1 (Debian 12)
 * talking to a local server that sends nginx 1.27.4's bytes; only the Date differs.
 */
import { describe, expect, it } from 'vitest'
import { NGINX_INDEX_HTML } from '../../../../src/sim/docker/images/catalog-data/nginx'
import { run, sessionWithWeb } from './helpers'

const HEADERS =
  'HTTP/1.1 200 OK\r\n' +
  'Server: nginx/1.27.4\r\n' +
  'Date: Mon, 05 Jan 2026 09:00:02 GMT\r\n' +
  'Content-Type: text/html\r\n' +
  'Content-Length: 615\r\n' +
  'Last-Modified: Wed, 05 Feb 2025 11:06:32 GMT\r\n' +
  'Connection: keep-alive\r\n' +
  'ETag: "67a34638-267"\r\n' +
  'Accept-Ranges: bytes\r\n' +
  '\r\n'

const METER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n'
const ZERO = '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0'
const DONE = '100   615  100   615    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k'

const refused = (port: number) =>
  `curl: (7) Failed to connect to localhost port ${port} after 0 ms: Couldn't connect to server\n`

describe('curl on the host', () => {
  it('gets the nginx welcome page through a published port', async () => {
    const session = await sessionWithWeb()
    expect(await run(session, 'curl localhost:8080')).toEqual({
      stdout: NGINX_INDEX_HTML,
      stderr: '',
      exitCode: 0,
    })
  })

  it('prints the response headers with -I and both with -i', async () => {
    const session = await sessionWithWeb()
    expect(await run(session, 'curl -I http://127.0.0.1:8080/')).toEqual({
      stdout: HEADERS,
      stderr: '',
      exitCode: 0,
    })
    expect((await run(session, 'curl -si localhost:8080')).stdout).toBe(HEADERS + NGINX_INDEX_HTML)
  })

  it('talks about the connection with -v', async () => {
    const session = await sessionWithWeb()
    const verbose = HEADERS.split('\r\n')
      .slice(0, -1)
      .map((line) => `< ${line}\r\n`)
      .join('')
    expect(await run(session, 'curl -v localhost:8080')).toEqual({
      stdout: NGINX_INDEX_HTML,
      stderr:
        '*   Trying 127.0.0.1:8080...\n' +
        '* Connected to localhost (127.0.0.1) port 8080 (#0)\n' +
        '> GET / HTTP/1.1\r\n' +
        '> Host: localhost:8080\r\n' +
        '> User-Agent: curl/7.88.1\r\n' +
        '> Accept: */*\r\n' +
        '> \r\n' +
        verbose +
        '* Connection #0 to host localhost left intact\n',
      exitCode: 0,
    })
  })

  it('writes the body to a file with -o and shows the progress meter', async () => {
    const session = await sessionWithWeb()
    expect(await run(session, 'curl -o page.html localhost:8080')).toEqual({
      stdout: '',
      stderr: `${METER}\r${ZERO}\r${DONE}\n`,
      exitCode: 0,
    })
    expect((await run(session, 'cat page.html')).stdout).toBe(NGINX_INDEX_HTML)
    expect(await run(session, 'curl -s -o quiet.html localhost:8080')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
    expect(
      (await run(session, "curl -s -o /dev/null -w '%{http_code}\\n' localhost:8080")).stdout,
    ).toBe('200\n')
  })

  it('refuses a port nothing publishes, with exit status 7', async () => {
    const session = await sessionWithWeb()
    expect(await run(session, 'curl localhost:9999')).toEqual({
      stdout: '',
      stderr: refused(9999),
      exitCode: 7,
    })
    expect(await run(session, 'curl -s localhost:9999')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 7,
    })
    expect(await run(session, 'curl -sS localhost:9999')).toEqual({
      stdout: '',
      stderr: refused(9999),
      exitCode: 7,
    })
    expect(await run(session, 'curl -v localhost:9999')).toEqual({
      stdout: '',
      stderr:
        '*   Trying 127.0.0.1:9999...\n' +
        '* connect to 127.0.0.1 port 9999 failed: Connection refused\n' +
        '*   Trying [::1]:9999...\n' +
        '* connect to ::1 port 9999 failed: Connection refused\n' +
        "* Failed to connect to localhost port 9999 after 0 ms: Couldn't connect to server\n" +
        '* Closing connection 0\n' +
        refused(9999),
      exitCode: 7,
    })
    expect(await run(session, 'curl -o x localhost:9999')).toEqual({
      stdout: '',
      stderr: `${METER}\r${ZERO}\r${ZERO}\n${refused(9999)}`,
      exitCode: 7,
    })
  })

  it('cannot resolve a container name from the host', async () => {
    const session = await sessionWithWeb()
    expect(await run(session, 'curl web')).toEqual({
      stdout: '',
      stderr: 'curl: (6) Could not resolve host: web\n',
      exitCode: 6,
    })
    expect(await run(session, 'curl -v http://web:80/')).toEqual({
      stdout: '',
      stderr:
        '* Could not resolve host: web\n* Closing connection 0\ncurl: (6) Could not resolve host: web\n',
      exitCode: 6,
    })
  })

  it('reaches the container address directly, and nothing once it is stopped', async () => {
    const session = await sessionWithWeb()
    expect((await run(session, 'curl -s 172.17.0.2')).stdout).toBe(NGINX_INDEX_HTML)
    expect(await run(session, 'curl 172.17.0.2:81')).toEqual({
      stdout: '',
      stderr:
        "curl: (7) Failed to connect to 172.17.0.2 port 81 after 0 ms: Couldn't connect to server\n",
      exitCode: 7,
    })
    session.world.docker.stopContainer('web')
    expect(await run(session, 'curl localhost:8080')).toEqual({
      stdout: '',
      stderr: refused(8080),
      exitCode: 7,
    })
    expect(await run(session, 'curl 172.17.0.2')).toEqual({
      stdout: '',
      stderr:
        "curl: (7) Failed to connect to 172.17.0.2 port 80 after 3068 ms: Couldn't connect to server\n",
      exitCode: 7,
    })
  })

  it('hangs on a paused container: refused in a script, a timeout with -m', async () => {
    const session = await sessionWithWeb()
    session.world.docker.pauseContainer('web')
    expect((await run(session, 'curl localhost:8080')).exitCode).toBe(7)
    const before = session.clock.now()
    expect(await run(session, 'curl -m 2 localhost:8080')).toEqual({
      stdout: '',
      stderr: 'curl: (28) Operation timed out after 2001 milliseconds with 0 bytes received\n',
      exitCode: 28,
    })
    expect(session.clock.now() - before).toBe(2000)
  })

  it('resets a published port whose container listens elsewhere', async () => {
    const session = await sessionWithWeb({
      HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: '', HostPort: '8080' }] } },
    })
    expect(await run(session, 'curl localhost:8080')).toEqual({
      stdout: '',
      stderr: 'curl: (56) Recv failure: Connection reset by peer\n',
      exitCode: 56,
    })
  })

  it('has no route out of the machine', async () => {
    const session = await sessionWithWeb()
    expect(await run(session, 'curl -sS 8.8.8.8')).toEqual({
      stdout: '',
      stderr:
        "curl: (7) Failed to connect to 8.8.8.8 port 80 after 0 ms: Couldn't connect to server\n",
      exitCode: 7,
    })
    expect((await run(session, 'curl example.com')).stderr).toBe(
      'curl: (6) Could not resolve host: example.com\n',
    )
  })

  it('refuses TLS on a plain HTTP port', async () => {
    const session = await sessionWithWeb()
    expect(await run(session, 'curl https://localhost:8080')).toEqual({
      stdout: '',
      stderr: 'curl: (35) OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number\n',
      exitCode: 35,
    })
  })

  it('writes the access-log line into the container logs', async () => {
    const session = await sessionWithWeb()
    await run(session, 'curl -s -A probe/1.0 localhost:8080/health')
    const logs = session.world.docker.findContainer('web')?.logs ?? []
    expect(logs[logs.length - 1]).toEqual({
      timeMs: session.clock.now(),
      stream: 'stdout',
      text: '172.17.0.1 - - [05/Jan/2026:09:00:02 +0000] "GET /health HTTP/1.1" 200 615 "-" "probe/1.0" "-"',
    })
  })

  it('answers usage errors as curl does, with exit status 2 or 3', async () => {
    const session = await sessionWithWeb()
    const hint = "curl: try 'curl --help' or 'curl --manual' for more information\n"
    expect(await run(session, 'curl')).toEqual({ stdout: '', stderr: hint, exitCode: 2 })
    expect(await run(session, 'curl -s')).toEqual({
      stdout: '',
      stderr: `curl: no URL specified!\n${hint}`,
      exitCode: 2,
    })
    expect(await run(session, 'curl --foo localhost')).toEqual({
      stdout: '',
      stderr: `curl: option --foo: is unknown\n${hint}`,
      exitCode: 2,
    })
    expect(await run(session, 'curl localhost -o')).toEqual({
      stdout: '',
      stderr: `curl: option -o: requires parameter\n${hint}`,
      exitCode: 2,
    })
    expect(await run(session, 'curl -m abc localhost')).toEqual({
      stdout: '',
      stderr: `curl: option -m: expected a proper numerical parameter\n${hint}`,
      exitCode: 2,
    })
    expect(await run(session, 'curl localhost:99999')).toEqual({
      stdout: '',
      stderr: 'curl: (3) URL using bad/illegal format or missing URL\n',
      exitCode: 3,
    })
    expect(await run(session, 'curl foo://x')).toEqual({
      stdout: '',
      stderr: 'curl: (1) Protocol "foo" not supported or disabled in libcurl\n',
      exitCode: 1,
    })
  })
})
