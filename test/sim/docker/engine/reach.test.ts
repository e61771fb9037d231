import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../../../../src/sim/core/clock'
import { SeededRandom } from '../../../../src/sim/core/random'
import { DockerEngine } from '../../../../src/sim/docker/engine/engine'
import { exchangeHttp } from '../../../../src/sim/docker/engine/http-service'
import { connect, echo, resolveName, reverseName } from '../../../../src/sim/docker/engine/reach'
import { catalogRegistry } from '../../../../src/sim/docker/engine/registry'
import type { ContainerCreateRequest } from '../../../../src/sim/docker/engine/api-types'

function setUp() {
  const clock = new VirtualClock(Date.UTC(2026, 0, 5, 9, 0, 0))
  const engine = new DockerEngine({ clock, random: new SeededRandom(7), registry: catalogRegistry })
  for (const image of ['nginx', 'redis', 'alpine']) {
    const pulled = engine.pull(image)
    if (!pulled.ok) throw pulled.error
  }
  engine.networks.create({ name: 'appnet' }, clock.now())
  engine.networks.create({ name: 'other' }, clock.now())
  const run = (name: string, request: ContainerCreateRequest) => {
    const created = engine.createContainer(request, name)
    if (!created.ok) throw created.error
    const started = engine.startContainer(name)
    if (!started.ok) throw started.error
    return started.value
  }
  return { clock, engine, run }
}

const ip = (engine: DockerEngine, name: string, network: string): string =>
  engine.findContainer(name)?.networks.get(network)?.IPAddress ?? ''

describe('name resolution', () => {
  it('resolves containers by name, short id and alias on a shared user-defined network', () => {
    const { engine, run } = setUp()
    const api = run('api', {
      Image: 'nginx',
      HostConfig: { NetworkMode: 'appnet' },
      NetworkingConfig: { EndpointsConfig: { appnet: { Aliases: ['backend'] } } },
    })
    const web = run('web', { Image: 'alpine', Tty: true, HostConfig: { NetworkMode: 'appnet' } })
    expect(ip(engine, 'api', 'appnet')).toBe('172.18.0.2')
    expect(resolveName(engine, 'api', web)).toEqual(['172.18.0.2'])
    expect(resolveName(engine, 'backend', web)).toEqual(['172.18.0.2'])
    expect(resolveName(engine, api.id.slice(0, 12), web)).toEqual(['172.18.0.2'])
    expect(resolveName(engine, 'API', web)).toEqual(['172.18.0.2'])
  })

  it('gives the default bridge no DNS by name, and the host none for containers', () => {
    const { engine, run } = setUp()
    run('api', { Image: 'nginx' })
    const web = run('web', { Image: 'alpine', Tty: true })
    expect(resolveName(engine, 'api', web)).toEqual([])
    expect(resolveName(engine, 'api')).toEqual([])
    expect(resolveName(engine, 'localhost')).toEqual(['127.0.0.1'])
    expect(resolveName(engine, '172.17.0.2')).toEqual(['172.17.0.2'])
  })

  it('reads --link and --add-host entries of the container hosts file', () => {
    const { engine, run } = setUp()
    run('db', { Image: 'redis' })
    const app = run('app', {
      Image: 'alpine',
      Tty: true,
      HostConfig: { Links: ['/db:/app/cache'], ExtraHosts: ['host.docker.internal:host-gateway'] },
    })
    expect(resolveName(engine, 'cache', app)).toEqual(['172.17.0.2'])
    expect(resolveName(engine, 'db', app)).toEqual(['172.17.0.2'])
    expect(resolveName(engine, 'host.docker.internal', app)).toEqual(['172.17.0.1'])
  })

  it('forgets a stopped container', () => {
    const { engine, run } = setUp()
    run('api', { Image: 'nginx', HostConfig: { NetworkMode: 'appnet' } })
    const web = run('web', { Image: 'alpine', Tty: true, HostConfig: { NetworkMode: 'appnet' } })
    engine.stopContainer('api')
    expect(resolveName(engine, 'api', web)).toEqual([])
  })
})

describe('connections', () => {
  it('reaches a published port from the host loopback through the gateway', () => {
    const { clock, engine, run } = setUp()
    run('web', {
      Image: 'nginx',
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
    })
    const open = connect(engine, '127.0.0.1', 8080, clock.now())
    expect(open.kind === 'open' && [open.server.port, open.server.clientIp]).toEqual([
      80,
      '172.17.0.1',
    ])
    expect(connect(engine, '127.0.0.1', 9999, clock.now())).toEqual({ kind: 'refused' })
    expect(connect(engine, '172.17.0.1', 8080, clock.now()).kind).toBe('open')
  })

  it('honours a published port bound to one address only', () => {
    const { clock, engine, run } = setUp()
    run('web', {
      Image: 'nginx',
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] } },
    })
    expect(connect(engine, '127.0.0.1', 8080, clock.now()).kind).toBe('open')
    expect(connect(engine, '::1', 8080, clock.now())).toEqual({ kind: 'refused' })
    expect(connect(engine, '172.17.0.1', 8080, clock.now())).toEqual({ kind: 'refused' })
  })

  it('resets a published port whose container does not listen behind it', () => {
    const { clock, engine, run } = setUp()
    run('web', {
      Image: 'nginx',
      HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: '', HostPort: '8080' }] } },
    })
    expect(connect(engine, '127.0.0.1', 8080, clock.now())).toEqual({ kind: 'reset' })
  })

  it('stalls on a paused container and refuses on a stopped one', () => {
    const { clock, engine, run } = setUp()
    run('web', {
      Image: 'nginx',
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
    })
    engine.pauseContainer('web')
    expect(connect(engine, '127.0.0.1', 8080, clock.now())).toEqual({ kind: 'stalled' })
    expect(echo(engine, '172.17.0.2')).toEqual({ kind: 'reply', ttl: 64 })
    engine.unpauseContainer('web')
    engine.stopContainer('web')
    expect(connect(engine, '127.0.0.1', 8080, clock.now())).toEqual({ kind: 'refused' })
    expect(connect(engine, '172.17.0.2', 80, clock.now())).toEqual({
      kind: 'host-unreachable',
      gateway: '172.17.0.1',
    })
  })

  it('drops traffic between two user-defined networks and answers within one', () => {
    const { clock, engine, run } = setUp()
    run('api', { Image: 'nginx', HostConfig: { NetworkMode: 'appnet' } })
    const same = run('same', { Image: 'alpine', Tty: true, HostConfig: { NetworkMode: 'appnet' } })
    const away = run('away', { Image: 'alpine', Tty: true, HostConfig: { NetworkMode: 'other' } })
    const address = ip(engine, 'api', 'appnet')
    const fromSame = connect(engine, address, 80, clock.now(), same)
    expect(fromSame.kind === 'open' && fromSame.server.clientIp).toBe(ip(engine, 'same', 'appnet'))
    expect(connect(engine, address, 80, clock.now(), away)).toEqual({ kind: 'dropped' })
    expect(connect(engine, address, 3000, clock.now(), same)).toEqual({ kind: 'refused' })
    expect(echo(engine, address, away)).toEqual({ kind: 'dropped' })
    expect(reverseName(engine, address, same)).toBe('api.appnet')
  })

  it('lets a container reach its own loopback and the host published ports', () => {
    const { clock, engine, run } = setUp()
    const web = run('web', {
      Image: 'nginx',
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
    })
    const tool = run('tool', { Image: 'alpine', Tty: true })
    expect(connect(engine, '127.0.0.1', 80, clock.now(), web).kind).toBe('open')
    expect(connect(engine, '127.0.0.1', 80, clock.now(), tool)).toEqual({ kind: 'refused' })
    expect(connect(engine, '172.17.0.1', 8080, clock.now(), tool).kind).toBe('open')
    expect(connect(engine, '8.8.8.8', 80, clock.now(), tool)).toEqual({ kind: 'net-unreachable' })
  })

  it('serves only once the start-up lines are written, and only for the image command', () => {
    const { clock, engine, run } = setUp()
    run('cache', { Image: 'redis' })
    run('idle', { Image: 'nginx', Cmd: ['sleep', '600'] })
    expect(connect(engine, ip(engine, 'idle', 'bridge'), 80, clock.now())).toEqual({
      kind: 'refused',
    })
    clock.advance(5_000)
    const redis = connect(engine, ip(engine, 'cache', 'bridge'), 6379, clock.now())
    expect(redis.kind === 'open' && redis.server.service.kind).toBe('redis')
  })
})

describe('http exchange', () => {
  it('answers from the catalog profile and writes the access-log line', () => {
    const { clock, engine, run } = setUp()
    run('web', {
      Image: 'nginx',
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
    })
    const open = connect(engine, '127.0.0.1', 8080, clock.now())
    if (open.kind !== 'open') throw new Error(open.kind)
    const before = engine.findContainer('web')?.logs.length ?? 0
    const outcome = exchangeHttp(
      engine,
      open.server,
      { method: 'HEAD', path: '/', host: 'localhost:8080', userAgent: 'curl/7.88.1' },
      clock.now(),
    )
    expect(outcome.kind === 'response' && [outcome.status, outcome.body]).toEqual([200, ''])
    expect(engine.findContainer('web')?.logs.slice(before)).toEqual([
      {
        timeMs: clock.now(),
        stream: 'stdout',
        text: '172.17.0.1 - - [05/Jan/2026:09:00:00 +0000] "HEAD / HTTP/1.1" 200 0 "-" "curl/7.88.1" "-"',
      },
    ])
  })
})
