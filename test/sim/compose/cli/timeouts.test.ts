/**
 * Stop grace periods and the progress display's timing column: a `sleep` as PID 1 ignores
 * SIGTERM, so stop/down/restart wait out `-t`, `stop_grace_period` or the daemon's 10 s, then
 * kill it (Exited (137)); every step takes plausible virtual time, shown in the tty block.
 */
import { describe, expect, it } from 'vitest'
import type { ComposeProject } from '../../../../src/sim/compose/model'
import { Session } from '../../../../src/sim/shell/session'
import { compose, project, service } from './fixtures'

const sleeper = (fields: Record<string, unknown> = {}): ComposeProject =>
  project([service('app', { image: 'alpine', command: ['sleep', 'infinity'], ...fields })])

async function upSleeper(p: ComposeProject): Promise<Session> {
  const s = await Session.create({ seed: 1 })
  await s.run('docker pull -q alpine')
  const up = await compose(s, p, 'up -d')
  expect(up.exitCode).toBe(0)
  return s
}

describe('stop grace period', () => {
  it('down of a sleep service waits 10 s, then kills it: exit 137', async () => {
    const s = await upSleeper(sleeper())
    const before = s.clock.now()
    await compose(s, sleeper(), 'stop')
    expect(s.clock.now() - before).toBe(STOP_10S)
    const state = await s.run("docker inspect --format '{{.State.ExitCode}}' app-app-1")
    expect(state.stdout).toBe('137\n')
    const down = await compose(s, sleeper(), 'down')
    expect(down.stderr).toBe(
      [
        ' Container app-app-1  Stopping',
        ' Container app-app-1  Stopped',
        ' Container app-app-1  Removing',
        ' Container app-app-1  Removed',
        ' Network app_default  Removing',
        ' Network app_default  Removed',
        '',
      ].join('\n'),
    )
  })

  it('down waits the -t seconds given', async () => {
    const s = await upSleeper(sleeper())
    const before = s.clock.now()
    const down = await compose(s, sleeper(), 'down -t 2')
    expect(down.exitCode).toBe(0)
    expect(s.clock.now() - before).toBe(DOWN_2S)
    expect((await s.run('docker ps -aq')).stdout).toBe('')
  })

  it('honours the service stop_grace_period', async () => {
    const p = sleeper({ stop_grace_period: '3s' })
    const s = await upSleeper(p)
    const before = s.clock.now()
    await compose(s, p, 'stop')
    expect(s.clock.now() - before).toBe(STOP_3S)
  })

  it('does not wait for a process that handles SIGTERM (init: true)', async () => {
    const p = sleeper({ extra: { init: true } })
    const s = await upSleeper(p)
    const before = s.clock.now()
    await compose(s, p, 'stop')
    expect(s.clock.now() - before).toBe(STOP_INIT)
    const state = await s.run("docker inspect --format '{{.State.ExitCode}}' app-app-1")
    expect(state.stdout).toBe('143\n')
  })

  it('restart -t 1 waits one second before the kill', async () => {
    const s = await upSleeper(sleeper())
    const before = s.clock.now()
    const r = await compose(s, sleeper(), 'restart -t 1')
    expect(r.stderr).toBe(' Container app-app-1  Restarting\n Container app-app-1  Started\n')
    expect(s.clock.now() - before).toBe(RESTART_1S)
  })
})

describe('progress timings', () => {
  it('shows the virtual time each step took in the tty block', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q nginx')
    await s.run('docker pull -q redis')
    const p = project([service('web', { image: 'nginx' }), service('cache', { image: 'redis' })])
    const r = await compose(s, p, '--progress tty up -d')
    expect(r.stderr).toBe(TTY_UP)
  })
})

// Virtual milliseconds: the grace period, plus the kill and the daemon's own steps.
const STOP_10S = 10_084
const DOWN_2S = 2_335
const STOP_3S = 3_084
const STOP_INIT = 434
const RESTART_1S = 1_346
const TTY_UP = [
  '[+] Running 3/3',
  ' ✔ Network app_default    Created                                          0.1s ',
  // Both created, then both started, at once: independent services do not wait for each other.
  ' ✔ Container app-cache-1  Started                                          0.4s ',
  ' ✔ Container app-web-1    Started                                          0.4s ',
  '',
].join('\n')
