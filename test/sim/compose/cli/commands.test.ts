import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { compose, project, service } from './fixtures'

const app = () =>
  project([
    service('web', {
      image: 'nginx',
      ports: [{ mode: 'ingress', target: 80, published: '8080', protocol: 'tcp' }],
    }),
    service('cache', { image: 'redis' }),
  ])

async function upApp() {
  const s = await Session.create({ seed: 3 })
  await compose(s, app(), 'up -d')
  s.clock.advance(65_000)
  return s
}

describe('docker compose ps', () => {
  it('lists the running containers in compose’s columns', async () => {
    const s = await upApp()
    const r = await compose(s, app(), 'ps')
    expect(r).toEqual({
      stdout: [
        'NAME          IMAGE     COMMAND                  SERVICE   CREATED              STATUS              PORTS',
        'app-cache-1   redis     "docker-entrypoint.s…"   cache     About a minute ago   Up About a minute   6379/tcp',
        'app-web-1     nginx     "/docker-entrypoint.…"   web       About a minute ago   Up About a minute   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    })
  })

  it('prints service names with --services and ids with -q', async () => {
    const s = await upApp()
    expect((await compose(s, app(), 'ps --services')).stdout).toBe('cache\nweb\n')
    expect((await compose(s, app(), 'ps -q')).stdout).toMatch(/^[0-9a-f]{12}\n[0-9a-f]{12}\n$/)
  })

  it('formats rows with a Go template', async () => {
    const s = await upApp()
    const r = await compose(s, app(), 'ps --format {{.Service}}:{{.State}}')
    expect(r.stdout).toBe('cache:running\nweb:running\n')
  })

  it('shows stopped containers only with -a', async () => {
    const s = await upApp()
    await compose(s, app(), 'stop cache')
    expect((await compose(s, app(), 'ps --services')).stdout).toBe('web\n')
    expect((await compose(s, app(), 'ps -a --services')).stdout).toBe('cache\nweb\n')
  })

  it('needs a compose file or a project name', async () => {
    const s = await Session.create({ seed: 3 })
    expect(await compose(s, undefined, 'ps')).toEqual({
      stdout: '',
      stderr: 'no configuration file provided: not found\n',
      exitCode: 14,
    })
  })
})

describe('docker compose down', () => {
  it('stops and removes independent services together, each line as its step ends, then the network', async () => {
    const s = await upApp()
    const r = await compose(s, app(), 'down')
    expect(r.stderr).toBe(
      [
        ' Container app-cache-1  Stopping',
        ' Container app-web-1  Stopping',
        ' Container app-cache-1  Stopped',
        ' Container app-cache-1  Removing',
        ' Container app-web-1  Stopped',
        ' Container app-web-1  Removing',
        ' Container app-cache-1  Removed',
        ' Container app-web-1  Removed',
        ' Network app_default  Removing',
        ' Network app_default  Removed',
        '',
      ].join('\n'),
    )
    expect((await s.run('docker ps -aq')).stdout).toBe('')
  })

  it('works from the project name alone (-p) and is quiet when nothing is left', async () => {
    const s = await upApp()
    const r = await compose(s, undefined, '-p app down')
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toContain(' Network app_default  Removed\n')
    expect(await compose(s, undefined, '-p app down')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
  })

  it('removes named volumes with -v', async () => {
    const s = await Session.create({ seed: 3 })
    const p = project(
      [
        service('db', {
          image: 'redis',
          volumes: [{ type: 'volume', source: 'data', target: '/data' }],
        }),
      ],
      { volumes: { data: { name: 'app_data', labels: {}, extra: {} } } },
    )
    await compose(s, p, 'up -d')
    const r = await compose(s, p, 'down -v')
    expect(r.stderr.endsWith(' Volume app_data  Removing\n Volume app_data  Removed\n')).toBe(true)
    expect((await s.run('docker volume ls -q')).stdout).toBe('')
  })
})

describe('docker compose logs', () => {
  it('prefixes each line with the container’s short name, padded', async () => {
    const s = await Session.create({ seed: 3 })
    const p = project([
      service('a', { image: 'busybox', command: ['echo', 'hello'] }),
      service('bb', { image: 'busybox', command: ['echo', 'world'] }),
    ])
    await compose(s, p, 'up -d')
    const r = await compose(s, p, 'logs')
    expect(r).toEqual({ stdout: 'a-1   | hello\nbb-1  | world\n', stderr: '', exitCode: 0 })
    const bare = await compose(s, p, 'logs --no-log-prefix bb')
    expect(bare.stdout).toBe('world\n')
  })
})

describe('docker compose up (attached)', () => {
  it('streams prefixed logs until the containers exit', async () => {
    const s = await Session.create({ seed: 3 })
    const p = project([service('job', { image: 'busybox', command: ['echo', 'done'] })])
    const r = await compose(s, p, 'up')
    // compose starts the exit line with goterm's RESET_LINE (\r, erase line), coloured or not.
    expect(r.stdout).toBe('Attaching to job-1\njob-1  | done\n\r\u001b[Kjob-1 exited with code 0\n')
    expect(r.exitCode).toBe(0)
  })

  it('returns the exit code of --exit-code-from', async () => {
    const s = await Session.create({ seed: 3 })
    const p = project([service('job', { image: 'busybox', command: ['sh', '-c', 'exit 3'] })])
    const r = await compose(s, p, 'up --exit-code-from job')
    expect(r.exitCode).toBe(3)
  })
})

describe('docker compose health gating', () => {
  it('waits for a healthy dependency before starting its dependent', async () => {
    const s = await Session.create({ seed: 3 })
    const p = project([
      service('db', {
        image: 'redis',
        healthcheck: { test: ['CMD', 'redis-cli', 'ping'], interval: '2s' },
      }),
      service('web', {
        image: 'nginx',
        depends_on: { db: { condition: 'service_healthy', restart: false, required: true } },
      }),
    ])
    const r = await compose(s, p, 'up -d')
    expect(r.stderr.split('\n').slice(-7).join('\n')).toBe(
      [
        ' Container app-db-1  Started',
        ' Container app-db-1  Waiting',
        ' Container app-db-1  Healthy',
        ' Container app-web-1  Starting',
        ' Container app-web-1  Started',
        '',
      ]
        .join('\n')
        .replace(/^/, ' Container app-db-1  Starting\n'),
    )
  })

  it('refuses service_healthy on a dependency without a healthcheck', async () => {
    const s = await Session.create({ seed: 3 })
    const p = project([
      service('db', { image: 'redis' }),
      service('web', {
        image: 'nginx',
        depends_on: { db: { condition: 'service_healthy', restart: false, required: true } },
      }),
    ])
    const r = await compose(s, p, 'up -d')
    expect(r.stderr.endsWith('container app-db-1 has no healthcheck configured\n')).toBe(true)
    expect(r.exitCode).toBe(1)
  })
})

describe('docker compose dispatcher', () => {
  it('answers version in compose’s words', async () => {
    const s = await Session.create({ seed: 3 })
    expect((await compose(s, undefined, 'version')).stdout).toBe('Docker Compose version v2.36.2\n')
    expect((await compose(s, undefined, 'version --short')).stdout).toBe('2.36.2\n')
    expect((await s.run('docker-compose version')).stdout).toBe('Docker Compose version v2.36.2\n')
  })

  it('reports unknown commands and flags with exit status 16', async () => {
    const s = await Session.create({ seed: 3 })
    const cmd = await compose(s, undefined, 'frobnicate')
    expect(cmd.stderr).toBe('unknown docker command: "compose frobnicate"\n')
    expect(cmd.exitCode).toBe(16)
    expect(await compose(s, undefined, 'up --frobnicate')).toEqual({
      stdout: '',
      stderr: 'unknown flag: --frobnicate\n',
      exitCode: 16,
    })
  })

  it('prints each subcommand’s help in docker’s plugin layout', async () => {
    const s = await Session.create({ seed: 3 })
    const r = await compose(s, undefined, 'pause --help')
    expect(r.stdout).toBe(
      [
        'Usage:  docker compose pause [SERVICE...]',
        '',
        'Pause services',
        '',
        'Options:',
        '      --dry-run   Execute command in dry run mode',
        '',
      ].join('\n'),
    )
  })

  it('lists compose under docker’s management commands', async () => {
    const s = await Session.create({ seed: 3 })
    expect((await s.run('docker --help')).stdout).toContain('  compose*    Docker Compose\n')
  })
})

describe('docker compose ls', () => {
  it('lists running projects with their status and files', async () => {
    const s = await upApp()
    expect((await compose(s, undefined, 'ls')).stdout).toBe(
      [
        'NAME                STATUS              CONFIG FILES',
        'app                 running(2)          /home/student/app/compose.yaml',
        '',
      ].join('\n'),
    )
  })
})
