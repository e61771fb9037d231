/**
 * Compose stops and removes services in reverse dependency order, the independent ones
 * together, a service's containers at once: two shells ignoring SIGTERM with a 10 s grace
 * period go down in 10 s of virtual time, not 20.
 */
import { describe, expect, it } from 'vitest'
import type { ComposeProject } from '../../../../src/sim/compose/model'
import { stepMs } from '../../../../src/sim/compose/project/timing'
import { Session } from '../../../../src/sim/shell/session'
import { compose, project, service } from '../cli/fixtures'

const shell = (name: string, fields: Record<string, unknown> = {}) =>
  service(name, { image: 'alpine', command: ['sleep', 'infinity'], ...fields })

async function up(p: ComposeProject): Promise<Session> {
  const s = await Session.create({ seed: 1 })
  await s.run('docker pull -q alpine')
  expect((await compose(s, p, 'up -d')).exitCode).toBe(0)
  return s
}

/** A container's stop after the grace period: the grace, then the daemon's kill. */
const killedAfter = (graceMs: number, container: string) => graceMs + stepMs('kill', container)

describe('parallel stop', () => {
  it('down of two independent shells ignoring SIGTERM takes one grace period, not two', async () => {
    const p = project([shell('a'), shell('b')])
    const s = await up(p)
    const before = s.clock.now()
    const r = await compose(s, p, 'down')
    expect(r.stderr).toBe(
      [
        ' Container app-a-1  Stopping',
        ' Container app-b-1  Stopping',
        // b's kill comes first (the daemon's step times), so b goes first.
        ' Container app-b-1  Stopped',
        ' Container app-b-1  Removing',
        ' Container app-b-1  Removed',
        ' Container app-a-1  Stopped',
        ' Container app-a-1  Removing',
        ' Container app-a-1  Removed',
        ' Network app_default  Removing',
        ' Network app_default  Removed',
        '',
      ].join('\n'),
    )
    const containers = Math.max(
      killedAfter(10_000, 'app-a-1') + stepMs('remove', 'app-a-1'),
      killedAfter(10_000, 'app-b-1') + stepMs('remove', 'app-b-1'),
    )
    expect(s.clock.now() - before).toBe(containers + stepMs('network-remove', 'app_default'))
    expect(s.clock.now() - before).toBeLessThan(11_000)
  })

  it('stop waits for a dependent before stopping what it depends on', async () => {
    const p = project([
      shell('web', {
        depends_on: { db: { condition: 'service_started', restart: false, required: true } },
      }),
      shell('db', { stop_grace_period: '2s' }),
    ])
    const s = await up(p)
    const before = s.clock.now()
    const r = await compose(s, p, 'stop')
    expect(r.stderr).toBe(
      [
        ' Container app-web-1  Stopping',
        ' Container app-web-1  Stopped',
        ' Container app-db-1  Stopping',
        ' Container app-db-1  Stopped',
        '',
      ].join('\n'),
    )
    expect(s.clock.now() - before).toBe(
      killedAfter(10_000, 'app-web-1') + killedAfter(2_000, 'app-db-1'),
    )
  })

  it('stops a service’s replicas at once', async () => {
    const p = project([shell('worker')])
    const s = await up(p)
    await compose(s, p, 'up -d --scale worker=3')
    const before = s.clock.now()
    const r = await compose(s, p, 'stop')
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      ' Container app-worker-1  Stopping',
      ' Container app-worker-2  Stopping',
      ' Container app-worker-3  Stopping',
    ])
    expect(s.clock.now() - before).toBe(
      Math.max(...[1, 2, 3].map((n) => killedAfter(10_000, `app-worker-${n}`))),
    )
  })

  it('reports a stopped container too, as the daemon’s stop of it succeeds at once', async () => {
    const p = project([shell('a')])
    const s = await up(p)
    await compose(s, p, 'stop')
    const before = s.clock.now()
    expect((await compose(s, p, 'stop')).stderr).toBe(
      ' Container app-a-1  Stopping\n Container app-a-1  Stopped\n',
    )
    expect(s.clock.now()).toBe(before)
  })
})
