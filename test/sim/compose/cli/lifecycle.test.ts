/**
 * `start` and `restart` walk the services as `up` does (pkg/compose/start.go, restart.go):
 * dependencies first, independent services together; `start` waits for each dependency's
 * condition (service_healthy…) before starting its dependents.
 */
import { describe, expect, it } from 'vitest'
import type { ComposeProject } from '../../../../src/sim/compose/model'
import { Session } from '../../../../src/sim/shell/session'
import { compose, project, service } from './fixtures'

const healthy = { condition: 'service_healthy', restart: false, required: true } as const
const sleeper = (name: string, fields: Record<string, unknown> = {}) =>
  service(name, { image: 'alpine', command: ['sleep', 'infinity'], ...fields })

/** a takes 10 s to be healthy, b waits for it, c depends on nothing. */
const gated = (): ComposeProject =>
  project([
    sleeper('a', { healthcheck: { test: ['CMD', 'true'], interval: '10s' } }),
    sleeper('b', { depends_on: { a: healthy } }),
    sleeper('c'),
  ])

async function upGated(): Promise<Session> {
  const s = await Session.create({ seed: 1 })
  await s.run('docker pull -q alpine')
  expect((await compose(s, gated(), 'up -d')).exitCode).toBe(0)
  return s
}

async function timed(s: Session, args: string) {
  const before = s.clock.now()
  const r = await compose(s, gated(), args)
  return { ...r, ms: s.clock.now() - before }
}

describe('docker compose start', () => {
  it('starts independent services together and a dependent once its dependency is healthy', async () => {
    const s = await upGated()
    await compose(s, gated(), 'stop')
    expect(await timed(s, 'start')).toEqual({
      stdout: '',
      stderr: [
        ' Container app-a-1  Starting',
        ' Container app-c-1  Starting',
        ' Container app-a-1  Started',
        ' Container app-a-1  Waiting',
        ' Container app-c-1  Started',
        ' Container app-a-1  Healthy',
        ' Container app-b-1  Starting',
        ' Container app-b-1  Started',
        '',
      ].join('\n'),
      exitCode: 0,
      // a's first health check 10 s after its start, then b's start.
      ms: 10_449,
    })
  })

  it('still waits for the dependency of a service already running', async () => {
    const s = await upGated()
    expect(await timed(s, 'start b')).toEqual({
      stdout: '',
      stderr: ' Container app-a-1  Waiting\n Container app-a-1  Healthy\n',
      exitCode: 0,
      ms: 500,
    })
  })
})

describe('docker compose restart', () => {
  it('restarts independent services together, dependents after: two grace periods, not three', async () => {
    const s = await upGated()
    expect(await timed(s, 'restart')).toEqual({
      stdout: '',
      stderr: [
        ' Container app-a-1  Restarting',
        ' Container app-c-1  Restarting',
        ' Container app-a-1  Started',
        ' Container app-b-1  Restarting',
        ' Container app-c-1  Started',
        ' Container app-b-1  Started',
        '',
      ].join('\n'),
      exitCode: 0,
      // `sleep` ignores SIGTERM: a and c wait out their 10 s together, then b its own.
      ms: 20_449,
    })
  })
})
