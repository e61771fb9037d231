import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../../../../src/sim/core/clock'
import { SeededRandom } from '../../../../src/sim/core/random'
import { DockerEngine } from '../../../../src/sim/docker/engine/engine'
import { EventLog } from '../../../../src/sim/docker/engine/events'
import { fakeRegistry } from './fake-registry'

function engine(): DockerEngine {
  const clock = new VirtualClock(Date.UTC(2026, 0, 5, 9, 0, 0))
  return new DockerEngine({ clock, random: new SeededRandom(1), registry: fakeRegistry })
}

const containerEvents = (docker: DockerEngine): string[] =>
  docker.events
    .all()
    .filter((e) => e.Type === 'container')
    .map((e) => {
      const attrs = e.Actor.Attributes
      const keys = Object.keys(attrs).sort()
      return `${e.Action} ${keys.map((k) => `${k}=${attrs[k] ?? ''}`).join(', ')}`
    })

describe('container events carry the container’s labels', () => {
  it('puts the labels besides image and name in every event, destroy included', () => {
    const docker = engine()
    docker.pull('nginx')
    docker.createContainer({ Image: 'nginx', Labels: { tier: 'front', team: 'a' } }, 'web')
    docker.startContainer('web')
    docker.stopContainer('web')
    docker.removeContainer('web')
    const base = 'image=nginx, name=web, team=a, tier=front'
    expect(containerEvents(docker)).toEqual([
      `create ${base}`,
      `start ${base}`,
      'kill image=nginx, name=web, signal=3, team=a, tier=front',
      `die exitCode=0, ${base}`,
      `stop ${base}`,
      `destroy ${base}`,
    ])
  })

  it('lets a label override an event attribute but never image or name', () => {
    const clock = new VirtualClock(0)
    const labels: Record<string, Record<string, string>> = {
      abc: { exitCode: 'from-label', image: 'label-image', name: 'label-name' },
    }
    const log = new EventLog(clock, (id) => labels[id])
    log.emit('container', 'die', 'abc', { exitCode: '1', image: 'busybox', name: 'job' })
    expect(log.all()[0]?.Actor.Attributes).toEqual({
      exitCode: 'from-label',
      image: 'busybox',
      name: 'job',
    })
  })

  it('leaves other event types and actor-less container events as given', () => {
    const log = new EventLog(new VirtualClock(0), () => ({ team: 'a' }))
    log.emit('network', 'create', 'n1', { name: 'backend', type: 'bridge' })
    log.emit('container', 'prune', '', { reclaimed: '0' })
    expect(log.all().map((e) => e.Actor.Attributes)).toEqual([
      { name: 'backend', type: 'bridge' },
      { reclaimed: '0' },
    ])
  })
})
