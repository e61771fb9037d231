import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

const run = async (line: string) => {
  const s = await Session.create({ seed: 1 })
  const r = await s.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

const refused = (host: string) =>
  `Cannot connect to the Docker daemon at ${host}. Is the docker daemon running?\n`

describe('docker client daemon resolution', () => {
  it('a DOCKER_HOST nobody serves cannot connect, exit 1', async () => {
    expect(await run('DOCKER_HOST=tcp://127.0.0.1:9 docker ps')).toEqual({
      stdout: '',
      stderr: refused('tcp://127.0.0.1:9'),
      exitCode: 1,
    })
  })

  it('-H beats DOCKER_HOST and completes a bare address with tcp and port 2375', async () => {
    expect(await run('DOCKER_HOST=tcp://127.0.0.1:9 docker -H 127.0.0.1 ps')).toEqual({
      stdout: '',
      stderr: refused('tcp://127.0.0.1:2375'),
      exitCode: 1,
    })
  })

  it('-H naming the default socket reaches the host daemon', async () => {
    expect(await run('docker -H unix:///var/run/docker.sock ps')).toEqual({
      stdout: 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('two -H flags are refused at initialisation', async () => {
    expect(await run('docker -H a -H b ps')).toEqual({
      stdout: '',
      stderr: 'Failed to initialize: unable to resolve docker endpoint: Specify only one -H\n',
      exitCode: 1,
    })
  })

  it('--host with --context conflicts', async () => {
    expect(await run('docker -H tcp://127.0.0.1:9 --context default ps')).toEqual({
      stdout: '',
      stderr: 'conflicting options: cannot specify both --host and --context\n',
      exitCode: 1,
    })
  })

  it('an unknown context names the store file it looked for', async () => {
    expect(await run('docker --context x ps')).toEqual({
      stdout: '',
      stderr:
        'Failed to initialize: unable to resolve docker endpoint: context "x": context not found: open /home/student/.docker/contexts/meta/2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881/meta.json: no such file or directory\n',
      exitCode: 1,
    })
  })

  it('DOCKER_HOST wins over DOCKER_CONTEXT', async () => {
    expect(await run('DOCKER_HOST=tcp://127.0.0.1:9 DOCKER_CONTEXT=x docker images')).toEqual({
      stdout: '',
      stderr: refused('tcp://127.0.0.1:9'),
      exitCode: 1,
    })
  })

  it('an unknown scheme is an invalid bind address', async () => {
    expect(await run('docker -H ftp://x ps')).toEqual({
      stdout: '',
      stderr:
        'Failed to initialize: unable to resolve docker endpoint: invalid bind address format: ftp://x\n',
      exitCode: 1,
    })
  })

  it('a non-numeric port is a URL parse error', async () => {
    expect(await run('docker -H tcp://:abc ps')).toEqual({
      stdout: '',
      stderr:
        'Failed to initialize: unable to resolve docker endpoint: parse "tcp://:abc": invalid port ":abc" after host\n',
      exitCode: 1,
    })
  })

  it('a host name is looked up and not found, naming the request', async () => {
    expect(await run('DOCKER_HOST=foo docker ps -a')).toEqual({
      stdout: '',
      stderr:
        'error during connect: Get "http://foo:2375/v1.50/containers/json?all=1": dial tcp: lookup foo on 127.0.0.53:53: no such host\n',
      exitCode: 1,
    })
  })

  it('DOCKER_TLS_VERIFY without certificates fails on ca.pem', async () => {
    expect(
      await run(
        'DOCKER_HOST=tcp://127.0.0.1:9 DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=/nonexist docker ps',
      ),
    ).toEqual({
      stdout: '',
      stderr:
        'Failed to initialize: unable to resolve docker endpoint: open /nonexist/ca.pem: no such file or directory\n',
      exitCode: 1,
    })
  })

  it('docker run wraps the connection error as a usage error, status 125', async () => {
    expect(await run('DOCKER_HOST=tcp://127.0.0.1:9 docker run nginx')).toEqual({
      stdout: '',
      stderr: `docker: ${refused('tcp://127.0.0.1:9')}\nRun 'docker run --help' for more information\n`,
      exitCode: 125,
    })
  })

  it('docker version prints its client half before failing', async () => {
    expect(await run('DOCKER_HOST=tcp://127.0.0.1:9 docker version')).toEqual({
      stdout:
        'Client:\n Version:           28.2.2\n API version:       1.50\n Go version:        go1.24.3\n Git commit:        e6534b4\n Built:             Fri May 30 12:07:14 2025\n OS/Arch:           linux/amd64\n Context:           default\n',
      stderr: refused('tcp://127.0.0.1:9'),
      exitCode: 1,
    })
  })

  it('help needs no daemon', async () => {
    const r = await run('DOCKER_HOST=tcp://127.0.0.1:9 docker ps --help')
    expect(r.exitCode).toBe(0)
    expect(
      r.stdout.startsWith('\nUsage:  docker ps [OPTIONS]\n') ||
        r.stdout.startsWith('Usage:  docker ps [OPTIONS]\n'),
    ).toBe(true)
  })

  it('docker compose follows DOCKER_HOST', async () => {
    expect(await run('DOCKER_HOST=tcp://127.0.0.1:9 docker compose ps')).toEqual({
      stdout: '',
      stderr: refused('tcp://127.0.0.1:9'),
      exitCode: 1,
    })
  })

  it('docker context ls shows DOCKER_HOST as the default endpoint, with the warning', async () => {
    expect(await run('DOCKER_HOST=tcp://127.0.0.1:9 docker context ls')).toEqual({
      stdout:
        'NAME        DESCRIPTION                               DOCKER ENDPOINT     ERROR\ndefault *   Current DOCKER_HOST based configuration   tcp://127.0.0.1:9   \n',
      stderr:
        'Warning: DOCKER_HOST environment variable overrides the active context. To use a context, either set the global --context flag, or unset DOCKER_HOST environment variable.\n',
      exitCode: 0,
    })
  })

  it('docker context use default says so on stderr', async () => {
    expect(await run('docker context use default')).toEqual({
      stdout: 'default\n',
      stderr: 'Current context is now "default"\n',
      exitCode: 0,
    })
  })
})

const realDocker = '/usr/local/bin/docker'
const haveDocker = existsSync(realDocker)
if (!haveDocker) console.warn(`skipping real-docker comparison: ${realDocker} absent`)

describe('the same errors as the real docker client', () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ['refused', { DOCKER_HOST: 'tcp://127.0.0.1:9' }, ['ps']],
    ['two -H', {}, ['-H', 'a', '-H', 'b', 'ps']],
    ['bad scheme', {}, ['-H', 'ftp://x', 'ps']],
    ['bad port', {}, ['-H', 'tcp://:abc', 'ps']],
    ['conflict', {}, ['-H', 'tcp://127.0.0.1:9', '--context', 'default', 'ps']],
    [
      'tls',
      { DOCKER_HOST: 'tcp://127.0.0.1:9', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexist' },
      ['ps'],
    ],
  ]
  for (const [label, env, argv] of cases)
    it.skipIf(!haveDocker)(`${label}: same stderr and exit code`, async () => {
      let real: { stderr: string; exitCode: number }
      try {
        execFileSync(realDocker, argv, {
          env: { PATH: '/usr/bin', HOME: '/home/student', ...env },
          stdio: 'pipe',
        })
        real = { stderr: '', exitCode: 0 }
      } catch (e) {
        const failure = e as { stderr: Buffer; status: number }
        real = { stderr: failure.stderr.toString(), exitCode: failure.status }
      }
      const s = await Session.create({ seed: 1 })
      const prefix = Object.entries(env)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')
      const r = await s.run(`${prefix} docker ${argv.join(' ')}`.trim())
      expect({ stderr: r.stderr, exitCode: r.exitCode }).toEqual(real)
    })
})
