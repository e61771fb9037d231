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

async function run(session: Session, line: string): Promise<Outcome> {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

/** Lets pending promises (a following command, a container's shell) run. */
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await tick()
  if (!condition()) throw new Error('waitFor: the condition never held')
}

/** Moves the clock on in small steps, as the terminal hosts do, until `condition` holds. */
async function advanceUntil(session: Session, condition: () => boolean): Promise<void> {
  for (let ms = 0; ms < 10_000 && !condition(); ms += 250) {
    session.clock.advance(250)
    await session.world.docker.settle()
    await tick()
  }
  if (!condition()) throw new Error('advanceUntil: the condition never held')
}

/** docker's run/create framing of its own errors: status 125 unless said otherwise. */
const runError = (message: string): string =>
  `docker: ${message}\n\nRun 'docker run --help' for more information\n`

const HELLO_PULL = [
  "Unable to find image 'hello-world:latest' locally",
  'latest: Pulling from library/hello-world',
  '9a3423c4a526: Pulling fs layer',
  '9a3423c4a526: Verifying Checksum',
  '9a3423c4a526: Download complete',
  '9a3423c4a526: Pull complete',
  'Digest: sha256:cbb8353e38f66a2e0f76511355b1fe0b6b55be39dda5e5c9634a4cc3fc1b65b0',
  'Status: Downloaded newer image for hello-world:latest',
  '',
].join('\n')

const NGINX_LAYERS = [
  'bd473d46d8a3',
  '7d90b770ec68',
  '613b8822562e',
  'c29baca281ce',
  '411caf2db939',
  'b8f6f3ce3890',
  '0c9acdd607e2',
]

/** A non-terminal pull: each layer's status lines, the 4th layer on waiting for a download slot. */
const NGINX_PULL = [
  "Unable to find image 'nginx:latest' locally",
  'latest: Pulling from library/nginx',
  ...NGINX_LAYERS.map((l) => `${l}: Pulling fs layer`),
  ...NGINX_LAYERS.slice(3).map((l) => `${l}: Waiting`),
  ...NGINX_LAYERS.flatMap((l) => [`${l}: Verifying Checksum`, `${l}: Download complete`]),
  ...NGINX_LAYERS.map((l) => `${l}: Pull complete`),
  'Digest: sha256:14b7f473713c5317955753cb594e4656f0f2dee36a827cfa5e95f1fcd53f0334',
  'Status: Downloaded newer image for nginx:latest',
  '',
].join('\n')

const HELLO_MESSAGE = `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/

`

/** A session that already has these images, so outputs carry no pull lines. */
async function sessionWith(...images: string[]): Promise<Session> {
  const session = await Session.create()
  for (const image of images) await session.run(`docker pull -q ${image}`)
  return session
}

describe('docker run and docker create --help', () => {
  test.each([
    ['docker run --help', 'run'],
    ['docker container run --help', 'container-run'],
    ['docker create --help', 'create'],
    ['docker container create --help', 'container-create'],
  ])('%s is docker 28.2.2’s', async (line, golden) => {
    const session = await Session.create()
    expect(await run(session, line)).toEqual({ stdout: realHelp(golden), stderr: '', exitCode: 0 })
  })

  test('-h is --hostname, not help; a --help after the image belongs to the command', async () => {
    const session = await sessionWith('alpine')
    expect(await run(session, 'docker run -h box alpine hostname')).toEqual({
      stdout: 'box\n',
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'docker run alpine echo --help')).toEqual({
      stdout: '--help\n',
      stderr: '',
      exitCode: 0,
    })
  })
})

describe('docker run: images it does not have yet', () => {
  test('hello-world is pulled (progress on stderr, as without a terminal), then says hello', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker run hello-world')).toEqual({
      stdout: HELLO_MESSAGE,
      stderr: HELLO_PULL,
      exitCode: 0,
    })
    expect(await run(session, 'docker run hello-world')).toEqual({
      stdout: HELLO_MESSAGE,
      stderr: '',
      exitCode: 0,
    })
  })

  test('-d pulls, then prints the full container id on stdout', async () => {
    const session = await Session.create()
    const r = await run(session, 'docker run -d --name web -p 8080:80 nginx')
    expect(r.stderr).toBe(NGINX_PULL)
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/)
    expect(r.exitCode).toBe(0)
    expect(await run(session, 'docker ps')).toEqual({
      stdout: [
        'CONTAINER ID   IMAGE     COMMAND                  CREATED                  STATUS                  PORTS                                     NAMES',
        `${r.stdout.slice(0, 12)}   nginx     "/docker-entrypoint.…"   Less than a second ago   Up Less than a second   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web`,
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    })
  })

  test('-q pulls without a word; --pull never refuses a missing image', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker run -q --rm alpine echo hi')).toEqual({
      stdout: 'hi\n',
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'docker run --pull never redis')).toEqual({
      stdout: '',
      stderr: runError('Error response from daemon: No such image: redis:latest'),
      exitCode: 125,
    })
  })

  test('--pull always pulls even an image that is here', async () => {
    const session = await sessionWith('alpine')
    expect(await run(session, 'docker run --rm --pull always alpine true')).toEqual({
      stdout: '',
      stderr:
        'latest: Pulling from library/alpine\nDigest: sha256:5311a2f7a3c3be2f0f5474982f2589a124aad3dc0214b159601dc6d9e2a81541\nStatus: Image is up to date for alpine:latest\n',
      exitCode: 0,
    })
  })
})

describe('docker run: the container’s command', () => {
  test('a command of its own runs in the container and run exits with its status', async () => {
    const session = await sessionWith('alpine')
    expect(await run(session, 'docker run alpine echo hi')).toEqual({
      stdout: 'hi\n',
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, `docker run alpine sh -c 'echo out; echo err >&2; exit 3'`)).toEqual({
      stdout: 'out\n',
      stderr: 'err\n',
      exitCode: 3,
    })
    expect(await run(session, 'docker run --rm alpine cat /etc/alpine-release')).toEqual({
      stdout: '3.21.3\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('with -t the output comes as a terminal sends it: one stream, CR LF', async () => {
    const session = await sessionWith('alpine')
    expect(await run(session, `docker run -t alpine sh -c 'echo a; echo b >&2'`)).toEqual({
      stdout: 'a\r\nb\r\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('-e, --env-file (bare names take the shell’s value), -w, -h and --entrypoint', async () => {
    const session = await sessionWith('alpine')
    await session.run(`printf 'A=1\\n# a comment\\n\\nB\\n' > app.env`)
    const r = await run(
      session,
      'B=from-shell docker run --rm --env-file app.env -e C=3 -h box -w /tmp alpine env',
    )
    expect(r).toEqual({
      stdout:
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=box\nA=1\nB=from-shell\nC=3\nHOME=/root\n',
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'docker run --rm -w /tmp alpine pwd')).toEqual({
      stdout: '/tmp\n',
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'docker run --rm --entrypoint echo alpine hi there')).toEqual({
      stdout: 'hi there\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('--rm removes the container when it exits', async () => {
    const session = await sessionWith('alpine')
    await run(session, 'docker run --rm --name gone alpine true')
    expect(await run(session, 'docker ps -a -q')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
  })

  test('-v binds the student’s directory both ways; a named volume outlives its container', async () => {
    const session = await sessionWith('alpine')
    await session.run('mkdir site && echo hello > site/index.html')
    expect(
      await run(session, 'docker run --rm -v $PWD/site:/data alpine cat /data/index.html'),
    ).toEqual({ stdout: 'hello\n', stderr: '', exitCode: 0 })
    await run(session, `docker run --rm -v ./site:/data alpine sh -c 'echo new > /data/new.txt'`)
    expect(await run(session, 'cat site/new.txt')).toEqual({
      stdout: 'new\n',
      stderr: '',
      exitCode: 0,
    })
    await run(session, `docker run --rm -v notes:/notes alpine sh -c 'echo kept > /notes/a'`)
    expect(
      await run(session, 'docker run --rm --mount source=notes,target=/n alpine cat /n/a'),
    ).toEqual({ stdout: 'kept\n', stderr: '', exitCode: 0 })
  })

  test('a detached loop logs on the clock, a line a second', async () => {
    const session = await sessionWith('alpine')
    await run(
      session,
      `docker run -d --name ticker alpine sh -c 'while true; do echo tick; sleep 1; done'`,
    )
    expect((await run(session, 'docker logs ticker')).stdout).toBe('tick\n')
    await run(session, 'sleep 3')
    expect((await run(session, 'docker logs ticker')).stdout).toBe('tick\ntick\ntick\ntick\n')
  })

  test('an attached run waits for the process on the clock', async () => {
    const session = await sessionWith('alpine')
    expect(await run(session, `docker run --name slow alpine sh -c 'sleep 20; echo done'`)).toEqual(
      {
        stdout: 'done\n',
        stderr: '',
        exitCode: 0,
      },
    )
    expect(
      await run(session, 'docker ps -a --format "{{.Names}} {{.Status}} {{.CreatedAt}}"'),
    ).toEqual({
      stdout: 'slow Exited (0) Less than a second ago 2026-01-05 09:00:00 +0000 UTC\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('a restart policy runs the command again, up to its count', async () => {
    const session = await sessionWith('alpine')
    await run(
      session,
      `docker run -d --name flaky --restart on-failure:2 alpine sh -c 'echo try; exit 1'`,
    )
    await run(session, 'sleep 5')
    expect((await run(session, 'docker logs flaky')).stdout).toBe('try\ntry\ntry\n')
    expect(
      (await run(session, 'docker inspect -f "{{.RestartCount}} {{.State.Status}}" flaky')).stdout,
    ).toBe('2 exited\n')
  })

  test('a service attached without a terminal prints its start-up and is left running', async () => {
    const session = await sessionWith('nginx')
    const r = await run(session, 'docker run --name svc nginx')
    expect(r.stdout.split('\n')[0]).toBe(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    )
    expect(r.stderr.split('\n').slice(-2)).toEqual([
      '2026/01/05 09:00:00 [notice] 1#1: start worker process 32',
      '',
    ])
    expect(r.exitCode).toBe(0)
    expect((await run(session, 'docker ps --format "{{.Names}} {{.Status}}"')).stdout).toBe(
      'svc Up Less than a second\n',
    )
  })
})

describe('docker run on a terminal', () => {
  test('logs appear as they are written; Ctrl-C is passed on and stops a service', async () => {
    const session = await Session.create({ timing: 'realtime' })
    await session.run('docker pull -q nginx')
    const tty = new FakeTty()
    const controller = new AbortController()
    const running = session.run('docker run --name live nginx', { tty, signal: controller.signal })
    await advanceUntil(session, () => tty.output.includes('start worker process 32\r\n'))
    expect(tty.output.split('\r\n')[0]).toBe(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    )
    controller.abort()
    expect(await running).toMatchObject({ stdout: '', stderr: '', exitCode: 130 })
    expect(tty.output).toContain('[notice] 1#1: exit\r\n')
    expect((await run(session, 'docker ps -a --format "{{.Status}}"')).stdout).toBe(
      'Exited (0) Less than a second ago\n',
    )
  })

  test('a command that ends at once is output like any other: a pipe still gets it', async () => {
    const session = await Session.create({ timing: 'realtime' })
    await session.run('docker pull -q alpine')
    const tty = new FakeTty()
    const r = await session.run('docker run --rm alpine echo hi | tr a-z A-Z', { tty })
    expect([r.stdout, r.stderr, r.exitCode, tty.output]).toEqual(['HI\n', '', 0, ''])
  })

  test('with --sig-proxy=false Ctrl-C only stops following; the service runs on', async () => {
    const session = await Session.create({ timing: 'realtime' })
    await session.run('docker pull -q nginx')
    const tty = new FakeTty()
    const controller = new AbortController()
    const running = session.run('docker run --sig-proxy=false --name kept nginx', {
      tty,
      signal: controller.signal,
    })
    await advanceUntil(session, () => tty.output.includes('start worker process 32\r\n'))
    controller.abort()
    expect(await running).toMatchObject({ exitCode: 130 })
    expect((await run(session, 'docker ps --format "{{.Names}}"')).stdout).toBe('kept\n')
  })

  test('-it alpine: BusyBox’s prompt in the container; exit ends the container', async () => {
    const session = await Session.create({ timing: 'realtime' })
    await session.run('docker pull -q alpine')
    const tty = new FakeTty()
    const running = session.run('docker run -it --name box alpine', { tty })
    await waitFor(() => tty.output.endsWith('/ # '))
    await tty.type('cat /etc/alpine-release\r')
    await waitFor(() => tty.output.endsWith('3.21.3\r\n/ # '))
    await tty.type('exit 4\r')
    expect(await running).toMatchObject({ stdout: '', stderr: '', exitCode: 4 })
    expect((await run(session, 'docker ps -a --format "{{.Names}} {{.Status}}"')).stdout).toBe(
      'box Exited (4) Less than a second ago\n',
    )
  })
})

describe('docker run: errors', () => {
  test('an image no registry has: the pull is refused, status 125', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker run ngnix')).toEqual({
      stdout: '',
      stderr:
        "Unable to find image 'ngnix:latest' locally\n" +
        runError(
          "Error response from daemon: pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
        ),
      exitCode: 125,
    })
  })

  test.each([
    [
      'docker run NGINX',
      'invalid reference format: repository name (library/NGINX) must be lowercase',
    ],
    ["docker run 'a b'", 'invalid reference format'],
    ['docker run -p abc nginx', 'invalid containerPort: abc'],
    ['docker run -p x:80 nginx', 'invalid hostPort: x'],
    ['docker run -p 70000:80 nginx', 'invalid hostPort: 70000'],
    ['docker run -p 8080:80/xyz nginx', 'invalid proto: xyz'],
    ['docker run -p 8080:abc/xyz nginx', 'invalid containerPort: abc'],
    ['docker run -p 1.2.3:80:80 nginx', 'invalid IP address: 1.2.3'],
    ['docker run -p 8080: nginx', 'no port specified: 8080:<empty>'],
    [
      'docker run -p 8080-8082:80-81 nginx',
      'invalid ranges specified for container and host Ports: 80-81 and 8080-8082',
    ],
    ['docker run --expose 80:80 nginx', 'invalid port format for --expose: 80:80'],
    [
      'docker run --expose abc nginx',
      'invalid range format for --expose: abc, error: strconv.ParseUint: parsing "abc": invalid syntax',
    ],
    [
      'docker run --pull sometimes nginx',
      `invalid pull option: 'sometimes': must be one of "always", "missing" or "never"`,
    ],
    [
      'docker run --restart on-failure:x nginx',
      'invalid restart policy format: maximum retry count must be an integer',
    ],
    [
      'docker run --restart :1 nginx',
      'invalid restart policy format: no policy provided before colon',
    ],
    [
      'docker run --rm --restart always nginx',
      'conflicting options: cannot specify both --restart and --rm',
    ],
    ['docker run --env-file x.env nginx', 'open x.env: no such file or directory'],
    ['docker run -v :/x nginx', 'invalid spec: :/x: empty section between colons'],
    [
      'docker run --network-alias db nginx',
      'network-scoped aliases are only supported for user-defined networks',
    ],
    [
      'docker run --network a --network bridge nginx',
      'conflicting options: cannot attach both user-defined and non-user-defined network-modes',
    ],
    [
      'docker run --no-healthcheck --health-cmd true nginx',
      '--no-healthcheck conflicts with --health-* options',
    ],
    ['docker run --health-retries -1 nginx', '--health-retries cannot be negative'],
    [
      'docker run --memory-swappiness 200 nginx',
      'invalid value: 200. Valid memory swappiness range is 0-100',
    ],
  ])('%s: docker’s own check, status 125', async (line, message) => {
    const session = await Session.create()
    expect(await run(session, line)).toEqual({
      stdout: '',
      stderr: runError(message),
      exitCode: 125,
    })
  })

  test.each([
    [
      'docker run --restart bogus alpine',
      "invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'",
    ],
    [
      'docker run --restart always:3 alpine',
      "invalid restart policy: maximum retry count can only be used with 'on-failure'",
    ],
    [
      'docker run --restart on-failure:-1 alpine',
      'invalid restart policy: maximum retry count cannot be negative',
    ],
    [
      'docker run -w rel alpine',
      "the working directory 'rel' is invalid, it needs to be an absolute path",
    ],
    [
      'docker run -v a:b alpine',
      `invalid volume specification: 'a:b': invalid mount config for type "volume": invalid mount path: 'b' mount path must be absolute`,
    ],
    ['docker run -v a:/b:zz alpine', 'invalid mode: zz'],
    [
      'docker run -v relative/dir:/b alpine',
      'create relative/dir: "relative/dir" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path',
    ],
    [
      'docker run --mount type=bind,source=/nowhere,target=/x alpine',
      'invalid mount config for type "bind": bind source path does not exist: /nowhere',
    ],
    ['docker run -m 3 alpine', 'Minimum memory limit allowed is 6MB'],
    [
      'docker run --name x alpine',
      'Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed',
    ],
  ])('%s: the daemon refuses it, status 125', async (line, message) => {
    const session = await sessionWith('alpine')
    expect(await run(session, line)).toEqual({
      stdout: '',
      stderr: runError(`Error response from daemon: ${message}`),
      exitCode: 125,
    })
  })

  test('a name in use, and a host port already allocated (-d prints the id first)', async () => {
    const session = await sessionWith('nginx')
    const first = (await run(session, 'docker run -d --name web -p 8080:80 nginx')).stdout.trim()
    expect(await run(session, 'docker run -d --name web nginx')).toEqual({
      stdout: '',
      stderr: runError(
        `Error response from daemon: Conflict. The container name "/web" is already in use by container "${first}". You have to remove (or rename) that container to be able to reuse that name.`,
      ),
      exitCode: 125,
    })
    const r = await run(session, 'docker run -d --name web2 -p 8080:80 nginx')
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/)
    expect(r.stderr).toMatch(
      /^docker: Error response from daemon: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n\nRun 'docker run --help' for more information\n$/,
    )
    expect(r.exitCode).toBe(125)
    expect((await run(session, 'docker ps -a --format "{{.Names}} {{.Status}}"')).stdout).toBe(
      'web2 Created\nweb Up Less than a second\n',
    )
  })

  test('a host port range takes its first free port', async () => {
    const session = await sessionWith('nginx')
    await run(session, 'docker run -d --name a1 -p 8080-8081:80 nginx')
    await run(session, 'docker run -d --name a2 -p 8080-8081:80 nginx')
    expect((await run(session, 'docker port a2 80')).stdout).toBe('0.0.0.0:8081\n[::]:8081\n')
  })

  test('a command the image does not have: the OCI error, status 127, the container Created', async () => {
    const session = await sessionWith('alpine', 'hello-world')
    const oci = (program: string): string =>
      runError(
        `Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${program}": executable file not found in $PATH: unknown`,
      )
    expect(await run(session, 'docker run --name nocmd alpine nosuchcmd')).toEqual({
      stdout: '',
      stderr: oci('nosuchcmd'),
      exitCode: 127,
    })
    expect(await run(session, 'docker run alpine bash')).toEqual({
      stdout: '',
      stderr: oci('bash'),
      exitCode: 127,
    })
    expect(await run(session, 'docker run --rm hello-world ls')).toEqual({
      stdout: '',
      stderr: oci('ls'),
      exitCode: 127,
    })
    expect(await run(session, 'docker run alpine /no/such/file')).toEqual({
      stdout: '',
      stderr: runError(
        'Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/no/such/file": stat /no/such/file: no such file or directory: unknown',
      ),
      exitCode: 127,
    })
    expect(
      await run(session, 'docker inspect -f "{{.State.Status}} {{.State.ExitCode}}" nocmd'),
    ).toEqual({ stdout: 'created 127\n', stderr: '', exitCode: 0 })
  })

  test('flag errors are pflag’s, with the usage line, status 125', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker run --badflag nginx')).toEqual({
      stdout: '',
      stderr:
        "unknown flag: --badflag\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n",
      exitCode: 125,
    })
    expect(await run(session, 'docker run -m 3x nginx')).toEqual({
      stdout: '',
      stderr: `invalid argument "3x" for "-m, --memory" flag: invalid suffix: 'x'\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n`,
      exitCode: 125,
    })
    expect(await run(session, 'docker run --mount src=v nginx')).toEqual({
      stdout: '',
      stderr: `invalid argument "src=v" for "--mount" flag: target is required\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n`,
      exitCode: 125,
    })
    expect(await run(session, 'docker run')).toEqual({
      stdout: '',
      stderr:
        "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\n",
      exitCode: 1,
    })
  })

  test('-it without a terminal, and -d with -a, are refused with status 1', async () => {
    const session = await sessionWith('alpine')
    expect(await run(session, 'docker run -it alpine sh')).toEqual({
      stdout: '',
      stderr: 'the input device is not a TTY\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker run -d -a stdout alpine')).toEqual({
      stdout: '',
      stderr: 'conflicting options: cannot specify both --attach and --detach\n',
      exitCode: 1,
    })
  })
})

describe('docker create', () => {
  test('prints the id; the container waits, Created, until started', async () => {
    const session = await sessionWith('alpine')
    const r = await run(session, 'docker create --name later alpine echo started')
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/)
    expect(r.stderr).toBe('')
    expect((await run(session, 'docker ps -a --format "{{.Names}} {{.Status}}"')).stdout).toBe(
      'later Created\n',
    )
    expect(await run(session, 'docker start -a later')).toEqual({
      stdout: 'started\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('errors are printed as they are, status 1; its own checks say create', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker create ngnix')).toEqual({
      stdout: '',
      stderr:
        "Unable to find image 'ngnix:latest' locally\nError response from daemon: pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
      exitCode: 1,
    })
    expect(await run(session, 'docker create NGINX')).toEqual({
      stdout: '',
      stderr: 'invalid reference format: repository name (library/NGINX) must be lowercase\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker create -p abc nginx')).toEqual({
      stdout: '',
      stderr:
        "docker: invalid containerPort: abc\n\nRun 'docker create --help' for more information\n",
      exitCode: 125,
    })
  })

  test('--cidfile writes the id to a file, and refuses one that exists', async () => {
    const session = await sessionWith('alpine')
    const id = (await run(session, 'docker create --cidfile app.cid alpine')).stdout.trim()
    expect((await run(session, 'cat app.cid')).stdout).toBe(id)
    expect(await run(session, 'docker create --cidfile app.cid alpine')).toEqual({
      stdout: '',
      stderr:
        "container ID file found, make sure the other container isn't running or delete app.cid\n",
      exitCode: 1,
    })
  })
})
