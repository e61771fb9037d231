import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { compose, project, service } from './fixtures'

// pkg/compose/events.go and cmd/compose/events.go of compose v2.36.
const job = () =>
  project([
    service('job', {
      image: 'busybox',
      command: ['sh', '-c', 'sleep 1; exit 3'],
      labels: { tier: 'batch' },
    }),
  ])

async function upJob(): Promise<{ s: Session; id: string }> {
  const s = await Session.create({ seed: 3 })
  await compose(s, job(), 'up -d')
  const id = (await s.run('docker inspect --format {{.Id}} app-job-1')).stdout.trim()
  return { s, id }
}

describe('docker compose events', () => {
  it('prints each event with its time and the attributes but compose labels, then an empty line', async () => {
    const { s, id } = await upJob()
    const r = await compose(s, job(), 'events')
    expect(r).toEqual({
      stdout: `2026-01-05 09:00:02.324000 container die ${id} (exitCode=3, image=busybox, name=app-job-1, tier=batch)\n\n`,
      stderr: '',
      exitCode: 0,
    })
  })

  // The die comes at 09:00:02.324 on the virtual clock: up's pull and start, then the sleep.
  it('prints json.Marshal of a map with --json: keys sorted, RFC 3339 time, zeros trimmed', async () => {
    const { s, id } = await upJob()
    const r = await compose(s, job(), 'events --json')
    expect(r.stdout).toBe(
      `{"action":"die","attributes":{"exitCode":"3","image":"busybox","name":"app-job-1","tier":"batch"},"id":"${id}","service":"job","time":"2026-01-05T09:00:02.324Z","type":"container"}\n`,
    )
  })

  it('keeps only the services named', async () => {
    const { s } = await upJob()
    expect((await compose(s, job(), 'events other')).stdout).toBe('')
  })

  it('ends on Ctrl-C with compose’s canceled status: exit 130', async () => {
    const { s } = await upJob()
    const controller = new AbortController()
    controller.abort()
    const r = await runComposeAborted(s, 'events', controller.signal)
    expect(r).toEqual({ stdout: '', stderr: 'canceled\n', exitCode: 130 })
  })
})

async function runComposeAborted(s: Session, args: string, signal: AbortSignal) {
  const { runComposeWith } = await import('../../../../src/sim/compose/cli/docker-compose')
  return runComposeWith(args.split(' '), s.world, s.commandContext(signal), () =>
    Promise.resolve({ ok: true as const, value: job() }),
  )
}
