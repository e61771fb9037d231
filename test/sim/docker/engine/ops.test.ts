import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../../../../src/sim/core/clock'
import { SeededRandom } from '../../../../src/sim/core/random'
import { DockerEngine } from '../../../../src/sim/docker/engine/engine'
import { removeImage, tagImage } from '../../../../src/sim/docker/engine/image-ops'
import {
  connectNetwork,
  createNetwork,
  disconnectNetwork,
  removeNetwork,
} from '../../../../src/sim/docker/engine/network-ops'
import { createVolume, removeVolume } from '../../../../src/sim/docker/engine/volume-ops'
import { parseNormalizedNamed } from '../../../../src/sim/docker/images/reference'
import { fakeRegistry } from './fake-registry'

function engine(): DockerEngine {
  const clock = new VirtualClock(Date.UTC(2026, 0, 5, 9, 0, 0))
  return new DockerEngine({ clock, random: new SeededRandom(1), registry: fakeRegistry })
}

const actions = (docker: DockerEngine, type: string): string[] =>
  docker.events
    .all()
    .filter((e) => e.Type === type)
    .map((e) => `${e.Action} ${e.Actor.Attributes.name ?? ''}`)

describe('engine network, volume and image operations', () => {
  it('log the daemon’s events for networks', () => {
    const docker = engine()
    docker.pull('nginx')
    const created = createNetwork(docker, { name: 'backend' })
    expect(created.ok).toBe(true)
    docker.createContainer({ Image: 'nginx' }, 'web')
    docker.startContainer('web')
    expect(connectNetwork(docker, 'backend', 'web').ok).toBe(true)
    expect(disconnectNetwork(docker, 'backend', 'web').ok).toBe(true)
    expect(removeNetwork(docker, 'backend').ok).toBe(true)
    expect(actions(docker, 'network')).toEqual([
      'create backend',
      'connect backend',
      'disconnect backend',
      'destroy backend',
    ])
  })

  it('answer with typed daemon errors carrying the HTTP status', () => {
    const docker = engine()
    const missing = removeNetwork(docker, 'nosuch')
    expect(missing.ok ? undefined : [missing.error.status, missing.error.message]).toEqual([
      404,
      'network nosuch not found',
    ])
    const predefined = removeNetwork(docker, 'host')
    expect(predefined.ok ? undefined : predefined.error.status).toBe(403)
    const volume = removeVolume(docker, 'nosuch')
    expect(volume.ok ? undefined : volume.error.message).toBe('get nosuch: no such volume')
  })

  it('log volume and image events', () => {
    const docker = engine()
    createVolume(docker, { name: 'data' })
    removeVolume(docker, 'data')
    expect(actions(docker, 'volume')).toEqual(['create ', 'destroy '])
    docker.pull('nginx')
    const target = parseNormalizedNamed('myweb:1')
    if (!target.ok) throw target.error
    tagImage(docker, 'nginx', target.value)
    removeImage(docker, 'myweb:1')
    expect(actions(docker, 'image').map((a) => a.split(' ')[0])).toEqual(['pull', 'tag', 'untag'])
  })
})
