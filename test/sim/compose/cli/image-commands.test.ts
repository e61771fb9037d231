import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import type { ServiceConfig } from '../../../../src/sim/compose/model'
import { compose, project, service } from './fixtures'

// pkg/compose/push.go and pull.go of compose v2.36.
const build = (fields: Partial<ServiceConfig['build']> = {}) =>
  ({ context: '/home/student/app', dockerfile: 'Dockerfile', ...fields }) as ServiceConfig['build']

const app = () =>
  project([
    service('api', { image: 'me/api:1.0', build: build() }),
    service('db', { image: 'postgres' }),
    service('worker', { build: build() }),
  ])

describe('docker compose push', () => {
  it('skips services it does not build under a name, and fails on a tag the daemon does not hold', async () => {
    const s = await Session.create({ seed: 1 })
    expect(await compose(s, app(), 'push')).toEqual({
      stdout: '',
      stderr:
        ' db Skipped \n worker Skipped \nAn image does not exist locally with the tag: me/api\n',
      exitCode: 1,
    })
  })

  it('cannot reach the registry for an image it holds: the daemon’s error as it is', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q busybox')
    await s.run('docker tag busybox me/api:1.0')
    expect(await compose(s, app(), 'push api')).toEqual({
      stdout: '',
      stderr:
        'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host\n',
      exitCode: 1,
    })
  })

  it('pushes the build tags too, to their own registries', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q busybox')
    await s.run('docker tag busybox me/api:1.0')
    await s.run('docker tag busybox localhost:5000/api:1.0')
    const p = project([
      service('api', { image: 'me/api:1.0', build: build({ tags: ['localhost:5000/api:1.0'] }) }),
    ])
    const r = await compose(s, p, 'push --ignore-push-failures')
    expect(r).toEqual({
      stdout: '',
      stderr: [
        ' Pushing api: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host',
        ' Pushing api: Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused',
        '',
      ].join('\n'),
      exitCode: 0,
    })
  })

  it('prints no progress with -q, only the error', async () => {
    const s = await Session.create({ seed: 1 })
    expect(await compose(s, app(), 'push -q')).toEqual({
      stdout: '',
      stderr: 'An image does not exist locally with the tag: me/api\n',
      exitCode: 1,
    })
  })

  it('shows the skipped services in the tty block, Skipped as the event’s text', async () => {
    const s = await Session.create({ seed: 1 })
    const r = await compose(s, app(), '--progress tty push db worker')
    expect(r).toEqual({
      stdout: '',
      stderr: [
        '[+] Pushing 2/2',
        ' ✔ db Skipped                                                              0.0s ',
        ' ✔ worker Skipped                                                          0.0s ',
        '',
      ].join('\n'),
      exitCode: 0,
    })
  })
})

describe('docker compose pull', () => {
  it('puts the service’s Pulling and Pulled in the event text, and skips one without an image', async () => {
    const s = await Session.create({ seed: 1 })
    const r = await compose(s, app(), 'pull db worker')
    expect(r).toEqual({
      stdout: '',
      stderr: ' worker Skipped - No image to be pulled \n db Pulling \n db Pulled \n',
      exitCode: 0,
    })
  })
})
