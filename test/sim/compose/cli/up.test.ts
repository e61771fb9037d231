import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { resolveName } from '../../../../src/sim/docker/engine/reach'
import { compose, project, service } from './fixtures'

const webDb = () =>
  project([
    service('web', {
      image: 'nginx',
      ports: [{ mode: 'ingress', target: 80, published: '8080', protocol: 'tcp' }],
      depends_on: { db: { condition: 'service_started', restart: true, required: true } },
    }),
    service('db', { image: 'redis' }),
  ])

describe('docker compose up -d', () => {
  it('pulls missing images, creates the network and containers, starts dependencies first', async () => {
    const s = await Session.create({ seed: 1 })
    const r = await compose(s, webDb(), 'up -d')
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      [
        ' db Pulling ',
        ' web Pulling ',
        ' db Pulled ',
        ' web Pulled ',
        ' Network app_default  Creating',
        ' Network app_default  Created',
        ' Container app-db-1  Creating',
        ' Container app-db-1  Created',
        ' Container app-web-1  Creating',
        ' Container app-web-1  Created',
        ' Container app-db-1  Starting',
        ' Container app-db-1  Started',
        ' Container app-web-1  Starting',
        ' Container app-web-1  Started',
        '',
      ].join('\n'),
    )
    expect(r.exitCode).toBe(0)
  })

  it('leaves unchanged services running when run again', async () => {
    const s = await Session.create({ seed: 1 })
    await compose(s, webDb(), 'up -d')
    const r = await compose(s, webDb(), 'up -d')
    expect(r.stderr).toBe(' Container app-db-1  Running\n Container app-web-1  Running\n')
    expect(r.exitCode).toBe(0)
  })

  it('recreates a service whose configuration changed', async () => {
    const s = await Session.create({ seed: 1 })
    await compose(s, webDb(), 'up -d')
    const changed = webDb()
    changed.services.db = service('db', { image: 'redis', environment: { A: '1' } })
    const r = await compose(s, changed, 'up -d')
    expect(r.stderr).toBe(
      [
        ' Container app-db-1  Recreate',
        ' Container app-db-1  Recreated',
        ' Container app-web-1  Running',
        ' Container app-db-1  Starting',
        ' Container app-db-1  Started',
        '',
      ].join('\n'),
    )
  })

  it('scales a service up and down by container number', async () => {
    const s = await Session.create({ seed: 1 })
    const p = project([service('w', { image: 'busybox', command: ['sleep', '3600'] })])
    await compose(s, p, 'up -d --scale w=3')
    const down = await compose(s, p, 'up -d --scale w=1')
    expect(down.stderr).toBe(
      [
        // compose's loop reports the kept one at once and stops the others together.
        ' Container app-w-1  Running',
        ' Container app-w-2  Stopping',
        ' Container app-w-3  Stopping',
        ' Container app-w-3  Stopped',
        ' Container app-w-3  Removing',
        ' Container app-w-2  Stopped',
        ' Container app-w-2  Removing',
        ' Container app-w-3  Removed',
        ' Container app-w-2  Removed',
        '',
      ].join('\n'),
    )
  })

  it('warns about orphan containers and removes them with --remove-orphans', async () => {
    const s = await Session.create({ seed: 1 })
    await compose(s, webDb(), 'up -d')
    const only = project([service('db', { image: 'redis' })])
    const warned = await compose(s, only, 'up -d')
    expect(warned.stderr).toBe(
      'WARN[0000] Found orphan containers ([app-web-1]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.\n Container app-db-1  Running\n',
    )
    const removed = await compose(s, only, 'up -d --remove-orphans')
    expect(removed.stderr).toBe(
      [
        ' Container app-web-1  Stopping',
        ' Container app-web-1  Stopped',
        ' Container app-web-1  Removing',
        ' Container app-web-1  Removed',
        ' Container app-db-1  Running',
        '',
      ].join('\n'),
    )
  })

  it('labels containers, networks and volumes as compose does', async () => {
    const s = await Session.create({ seed: 1 })
    const p = project(
      [
        service('db', {
          image: 'redis',
          volumes: [{ type: 'volume', source: 'data', target: '/data' }],
        }),
      ],
      { volumes: { data: { name: 'app_data', labels: {}, extra: {} } } },
    )
    const r = await compose(s, p, 'up -d')
    expect(r.stderr).toContain(' Volume "app_data"  Creating\n Volume "app_data"  Created\n')
    const labels = await s.run(
      `docker inspect -f '{{index .Config.Labels "com.docker.compose.project"}} {{index .Config.Labels "com.docker.compose.service"}} {{index .Config.Labels "com.docker.compose.container-number"}} {{index .Config.Labels "com.docker.compose.oneoff"}} {{index .Config.Labels "com.docker.compose.version"}}' app-db-1`,
    )
    expect(labels.stdout).toBe('app db 1 False 2.36.2\n')
    const net = await s.run(
      "docker network ls --filter label=com.docker.compose.project=app --format '{{.Name}} {{.Labels}}'",
    )
    expect(net.stdout).toBe(
      'app_default com.docker.compose.network=default,com.docker.compose.project=app,com.docker.compose.version=2.36.2\n',
    )
    const vol = await s.run("docker volume ls --format '{{.Name}}'")
    expect(vol.stdout).toBe('app_data\n')
  })

  it('gives containers their service name as an alias on the project network', async () => {
    const s = await Session.create({ seed: 1 })
    await compose(s, webDb(), 'up -d')
    const aliases = await s.run(
      'docker inspect -f \'{{json (index .NetworkSettings.Networks "app_default").Aliases}}\' app-web-1',
    )
    expect(aliases.stdout).toBe('["app-web-1","web"]\n')
    const web = s.world.docker.findContainer('app-web-1')
    const db = s.world.docker.findContainer('app-db-1')
    const dbIp = db?.networks.get('app_default')?.IPAddress
    expect(resolveName(s.world.docker, 'db', web)).toEqual([dbIp])
  })

  it('keeps services on isolated networks from resolving each other', async () => {
    const s = await Session.create({ seed: 1 })
    const p = project(
      [
        service('a', { image: 'redis', networks: { front: null } }),
        service('b', { image: 'redis', networks: { back: null } }),
      ],
      {
        networks: {
          front: { name: 'app_front', labels: {}, extra: {} },
          back: { name: 'app_back', labels: {}, extra: {}, internal: true },
        },
      },
    )
    const r = await compose(s, p, 'up -d')
    expect(r.exitCode).toBe(0)
    const a = s.world.docker.findContainer('app-a-1')
    expect(resolveName(s.world.docker, 'b', a)).toEqual([])
    expect(resolveName(s.world.docker, 'a', a)).toHaveLength(1)
  })

  it('reports a port already allocated with the daemon error, exit 1', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker run -d -p 8080:80 --name other nginx')
    const r = await compose(s, webDb(), 'up -d')
    expect(r.stderr.split('\n').slice(-3).join('\n')).toMatch(
      /^ Container app-web-1  Starting\nError response from daemon: driver failed programming external connectivity on endpoint app-web-1 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n$/,
    )
    expect(r.exitCode).toBe(1)
  })

  it('refuses incompatible flags and unknown services', async () => {
    const s = await Session.create({ seed: 1 })
    expect(await compose(s, webDb(), 'up -d --abort-on-container-exit')).toEqual({
      stdout: '',
      stderr: '--abort-on-container-exit and --detach are incompatible\n',
      exitCode: 1,
    })
    expect(await compose(s, webDb(), 'up -d nope')).toEqual({
      stdout: '',
      stderr: 'no such service: nope\n',
      exitCode: 1,
    })
  })
})

// pkg/compose/up.go, printer.go and cmd/formatter/logs.go of compose v2.36.
describe('docker compose up (attached)', () => {
  const jobAndWeb = () =>
    project([
      service('web', { image: 'nginx' }),
      service('job', { image: 'busybox', command: ['sh', '-c', 'echo hi; exit 4'] }),
    ])

  it('shows only the create steps, attaches in container-name order, and ends when all exit', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q busybox')
    const p = project([service('job', { image: 'busybox', command: ['echo', 'done'] })])
    expect(await compose(s, p, 'up')).toEqual({
      stdout: 'Attaching to job-1\njob-1  | done\n\r\u001b[Kjob-1 exited with code 0\n',
      stderr: [
        ' Network app_default  Creating',
        ' Network app_default  Created',
        ' Container app-job-1  Creating',
        ' Container app-job-1  Created',
        '',
      ].join('\n'),
      exitCode: 0,
    })
  })

  it('aborts on the first exit: the notice on stderr, the stop in a Running block, that exit code', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q busybox')
    await s.run('docker pull -q nginx')
    const r = await compose(s, jobAndWeb(), '--progress tty up --abort-on-container-exit')
    // Both services start together: nginx's boot lines come before the job's exit.
    const nginxBoot = [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      '2026/01/05 09:00:00 [notice] 1#1: using the "epoll" event method',
      '2026/01/05 09:00:00 [notice] 1#1: nginx/1.27.4',
      '2026/01/05 09:00:00 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
      '2026/01/05 09:00:00 [notice] 1#1: OS: Linux 6.8.0-quai',
      '2026/01/05 09:00:00 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      '2026/01/05 09:00:00 [notice] 1#1: start worker processes',
      '2026/01/05 09:00:00 [notice] 1#1: start worker process 29',
      '2026/01/05 09:00:00 [notice] 1#1: start worker process 30',
      '2026/01/05 09:00:00 [notice] 1#1: start worker process 31',
      '2026/01/05 09:00:00 [notice] 1#1: start worker process 32',
    ]
    expect(r.stdout).toBe(
      'Attaching to job-1, web-1\n' +
        nginxBoot.map((l) => `web-1  | ${l}\n`).join('') +
        'job-1  | hi\n\r\u001b[Kjob-1 exited with code 4\n',
    )
    expect(r.stderr.split('\n').slice(-5)).toEqual([
      'Aborting on container exit...',
      '[+] Running 2/2',
      ' ✔ Container app-job-1  Stopped                                            0.0s ',
      ' ✔ Container app-web-1  Stopped                                            0.2s ',
      '',
    ])
    expect(r.exitCode).toBe(4)
  })

  it('returns the exit code of --exit-code-from’s service', async () => {
    const s = await Session.create({ seed: 1 })
    const r = await compose(s, jobAndWeb(), 'up --exit-code-from job')
    expect(r.exitCode).toBe(4)
  })

  it('stops gracefully on Ctrl-C, then ends with compose’s canceled status and 130', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q nginx')
    const p = project([service('web', { image: 'nginx' })])
    const controller = new AbortController()
    controller.abort()
    const { runComposeWith } = await import('../../../../src/sim/compose/cli/docker-compose')
    const r = await runComposeWith(['up'], s.world, s.commandContext(controller.signal), () =>
      Promise.resolve({ ok: true as const, value: p }),
    )
    expect(r.stdout.startsWith('Attaching to web-1\n')).toBe(true)
    expect(r.stderr.split('\n').slice(-5)).toEqual([
      'Gracefully stopping... (press Ctrl+C again to force)',
      ' Container app-web-1  Stopping',
      ' Container app-web-1  Stopped',
      'canceled',
      '',
    ])
    expect(r.exitCode).toBe(130)
  })

  it('colours the whole `name  | ` prefix, trailing space included', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q busybox')
    const p = project([service('job', { image: 'busybox', command: ['echo', 'done'] })])
    const r = await compose(s, p, '--ansi always up')
    expect(r.stdout).toBe(
      'Attaching to job-1\n\u001b[36mjob-1  | \u001b[0mdone\n\u001b[36m\r\u001b[Kjob-1 exited with code 0\n\u001b[0m',
    )
  })
})
