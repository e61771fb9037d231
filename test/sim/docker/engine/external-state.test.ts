/**
 * Containers whose process runs elsewhere (cri-dockerd's, mirrored into minikube's node daemon):
 * the daemon records the state it is told, never plays the image's own process.
 */
import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../../../../src/sim/core/clock'
import { SeededRandom } from '../../../../src/sim/core/random'
import { DockerEngine } from '../../../../src/sim/docker/engine/engine'
import { fakeRegistry } from './fake-registry'

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0)

function setup(): { clock: VirtualClock; docker: DockerEngine } {
  const clock = new VirtualClock(T0)
  return {
    clock,
    docker: new DockerEngine({ clock, random: new SeededRandom(1), registry: fakeRegistry }),
  }
}

const row = (docker: DockerEngine, name: string) => {
  const c = docker.listContainers({ all: true }).find((s) => s.Names[0] === `/${name}`)
  return c === undefined ? undefined : { created: c.Created, state: c.State, status: c.Status }
}

describe('setExternalState', () => {
  it('a container created at a given time and set running is Up since the time it is given', () => {
    const { clock, docker } = setup()
    docker.pull('hello-world')
    clock.advance(300_000)
    const created = docker.createContainer({ Image: 'hello-world' }, 'mirrored', {
      createdMs: T0 + 60_000,
    })
    if (!created.ok) throw new Error('create failed')
    docker.setExternalState(created.value.Id, { status: 'running', startedAtMs: T0 + 61_000 })
    expect(row(docker, 'mirrored')).toEqual({
      created: (T0 + 60_000) / 1000,
      state: 'running',
      status: 'Up 3 minutes',
    })
  })

  it('an image whose own process would exit at once stays Up: no process is played', () => {
    const { clock, docker } = setup()
    docker.pull('hello-world')
    const created = docker.createContainer({ Image: 'hello-world' }, 'kept')
    if (!created.ok) throw new Error('create failed')
    docker.setExternalState(created.value.Id, { status: 'running', startedAtMs: T0 })
    clock.advance(3_600_000)
    expect(row(docker, 'kept')).toEqual({
      created: T0 / 1000,
      state: 'running',
      status: 'Up About an hour',
    })
  })

  it('then told it ended: Exited with the code, at the time given; start and die events', () => {
    const { clock, docker } = setup()
    docker.pull('hello-world')
    const created = docker.createContainer({ Image: 'hello-world' }, 'ended')
    if (!created.ok) throw new Error('create failed')
    docker.setExternalState(created.value.Id, { status: 'running', startedAtMs: T0 })
    clock.advance(120_000)
    docker.setExternalState(created.value.Id, {
      status: 'exited',
      exitCode: 3,
      startedAtMs: T0,
      finishedAtMs: T0 + 60_000,
    })
    expect(row(docker, 'ended')).toEqual({
      created: T0 / 1000,
      state: 'exited',
      status: 'Exited (3) About a minute ago',
    })
    expect(
      docker.events
        .all()
        .filter((e) => e.Type === 'container')
        .map((e) => e.Action),
    ).toEqual(['create', 'start', 'die'])
  })

  it('an unknown container is the daemon’s No such container', () => {
    const { docker } = setup()
    const r = docker.setExternalState('nope', { status: 'running', startedAtMs: T0 })
    expect(r.ok ? '' : r.error.message).toBe('No such container: nope')
  })
})
