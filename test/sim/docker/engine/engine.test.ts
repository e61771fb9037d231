import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../../../../src/sim/core/clock'
import { SeededRandom } from '../../../../src/sim/core/random'
import { DockerEngine } from '../../../../src/sim/docker/engine/engine'
import { fakeRegistry } from './fake-registry'

function engine(): { docker: DockerEngine; clock: VirtualClock } {
  const clock = new VirtualClock(Date.UTC(2026, 0, 5, 9, 0, 0))
  return {
    docker: new DockerEngine({ clock, random: new SeededRandom(1), registry: fakeRegistry }),
    clock,
  }
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!r.ok) throw r.error
  return r.value
}

describe('DockerEngine images', () => {
  it('pulls a known image and tags it latest', () => {
    const { docker } = engine()
    const pulled = unwrap(docker.pull('nginx'))
    expect(pulled.familiar).toBe('nginx:latest')
    expect(docker.listImages().map((i) => i.RepoTags)).toEqual([['nginx:latest']])
  })

  it('refuses an unknown repository in the daemon words', () => {
    const { docker } = engine()
    const r = docker.pull('ngnix')
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.error.message).toBe(
        "pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      )
  })

  it('refuses an unknown tag of a known repository', () => {
    const { docker } = engine()
    const r = docker.pull('nginx:9.9')
    if (!r.ok)
      expect(r.error.message).toBe(
        'manifest for nginx:9.9 not found: manifest unknown: manifest unknown',
      )
    expect(r.ok).toBe(false)
  })
})

describe('DockerEngine container lifecycle', () => {
  it('refuses a one-letter name, as the daemon does', () => {
    const { docker } = engine()
    unwrap(docker.pull('nginx'))
    const r = docker.createContainer({ Image: 'nginx' }, 'a')
    expect(r.ok ? '' : r.error.message).toBe(
      'Invalid container name (a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed',
    )
  })

  it('creates, starts, logs on the clock, stops with the image stop signal', () => {
    const { docker, clock } = engine()
    unwrap(docker.pull('nginx'))
    const { Id } = unwrap(
      docker.createContainer(
        {
          Image: 'nginx',
          HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
        },
        'web',
      ),
    )
    expect(docker.listContainers()).toEqual([])
    unwrap(docker.startContainer('web'))
    clock.advance(150)
    const summary = docker.listContainers()[0]
    expect(summary?.Names).toEqual(['/web'])
    expect(summary?.Status).toBe('Up Less than a second')
    expect(summary?.Ports).toEqual([
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    ])
    expect(unwrap(docker.logs('web')).map((l) => l.text)).toEqual([
      'nginx: ready',
      'notice: started',
    ])
    const inspect = unwrap(docker.inspectContainer(Id.slice(0, 5)))
    expect(inspect.NetworkSettings.Networks.bridge?.IPAddress).toBe('172.17.0.2')
    clock.advance(5000)
    unwrap(docker.stopContainer('web'))
    expect(unwrap(docker.inspectContainer('web')).State).toMatchObject({
      Status: 'exited',
      // The image's own STOPSIGNAL (SIGQUIT) is its graceful shutdown.
      ExitCode: 0,
    })
    expect(docker.listContainers({ all: true })[0]?.Status).toBe(
      'Exited (0) Less than a second ago',
    )
  })

  it('refuses a second container with the same name, and removing a running one', () => {
    const { docker } = engine()
    unwrap(docker.pull('nginx'))
    const { Id } = unwrap(docker.createContainer({ Image: 'nginx' }, 'web'))
    const again = docker.createContainer({ Image: 'nginx' }, 'web')
    expect(again.ok ? '' : again.error.message).toBe(
      `Conflict. The container name "/web" is already in use by container "${Id}". You have to remove (or rename) that container to be able to reuse that name.`,
    )
    unwrap(docker.startContainer('web'))
    const rm = docker.removeContainer('web')
    expect(rm.ok ? '' : rm.error.message).toBe(
      'cannot remove container "/web": container is running: stop the container before removing or force remove',
    )
    unwrap(docker.removeContainer('web', { force: true }))
    expect(docker.listContainers({ all: true })).toEqual([])
  })

  it('runs hello-world to completion with exit code 0', () => {
    const { docker, clock } = engine()
    unwrap(docker.pull('hello-world'))
    unwrap(docker.createContainer({ Image: 'hello-world' }, 'hi'))
    unwrap(docker.startContainer('hi'))
    clock.advance(20)
    expect(unwrap(docker.inspectContainer('hi')).State).toMatchObject({
      Status: 'exited',
      ExitCode: 0,
    })
    expect(unwrap(docker.logs('hi')).map((l) => l.text)).toEqual(['Hello from Docker!'])
  })

  it('exits postgres with code 1 when no password is given, and runs it with one', () => {
    const { docker, clock } = engine()
    unwrap(docker.pull('postgres'))
    unwrap(docker.createContainer({ Image: 'postgres' }, 'db'))
    unwrap(docker.startContainer('db'))
    clock.advance(10)
    expect(unwrap(docker.inspectContainer('db')).State.ExitCode).toBe(1)
    unwrap(docker.createContainer({ Image: 'postgres', Env: ['POSTGRES_PASSWORD=s3cret'] }, 'db2'))
    unwrap(docker.startContainer('db2'))
    clock.advance(10)
    expect(unwrap(docker.inspectContainer('db2')).State.Status).toBe('running')
    expect(unwrap(docker.inspectContainer('db2')).Mounts[0]?.Destination).toBe(
      '/var/lib/postgresql/data',
    )
  })

  it('restarts a crashing container under --restart always, with back-off', () => {
    const { docker, clock } = engine()
    unwrap(docker.pull('postgres'))
    unwrap(
      docker.createContainer(
        {
          Image: 'postgres',
          HostConfig: { RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } },
        },
        'db',
      ),
    )
    unwrap(docker.startContainer('db'))
    clock.advance(1)
    expect(unwrap(docker.inspectContainer('db')).State.Status).toBe('restarting')
    clock.advance(1000)
    expect(unwrap(docker.inspectContainer('db')).RestartCount).toBeGreaterThanOrEqual(2)
  })

  it('refuses a host port already allocated', () => {
    const { docker } = engine()
    unwrap(docker.pull('nginx'))
    const ports = { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } }
    unwrap(docker.createContainer({ Image: 'nginx', HostConfig: ports }, 'web1'))
    unwrap(docker.createContainer({ Image: 'nginx', HostConfig: ports }, 'web2'))
    unwrap(docker.startContainer('web1'))
    const r = docker.startContainer('web2')
    expect(r.ok ? '' : r.error.message).toMatch(
      /^driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated$/,
    )
  })
})
