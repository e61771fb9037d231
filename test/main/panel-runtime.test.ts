import { afterEach, describe, expect, it } from 'vitest'
import type { HostMessage, SessionState } from '../../src/shared/ipc'
import { SessionRuntime } from '../../src/shared/session-runtime'
import { createCluster } from '../../src/sim/kube/bootstrap'
import { servedType } from '../../src/sim/kube/api/resources'

const runtimes: SessionRuntime[] = []
afterEach(() => {
  for (const runtime of runtimes.splice(0)) runtime.dispose()
})

/** A runtime over the real shell, its clock moved only by the test. */
async function setUp() {
  const sent: HostMessage[] = []
  const runtime = await SessionRuntime.create({
    seed: 5,
    send: (message) => sent.push(message),
    driver: { intervalMs: 1_000_000 },
  })
  runtimes.push(runtime)
  runtime.receive({ channel: 'terminal:resize', payload: { cols: 80, rows: 24 } })
  const screen = (): string =>
    sent
      .flatMap((m) => (m.channel === 'terminal:output' ? [m.payload.data] : []))
      .join('')
      // Drop the line editor's cursor moves and colours: the text is what matters here.
      .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
  const states = (): SessionState[] =>
    sent.flatMap((m) => (m.channel === 'session:state' ? [m.payload] : []))
  return { runtime, sent, screen, states }
}

const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms))

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return
    await settle(20)
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('a line run for a panel button', () => {
  it('is typed at the prompt, echoed, run and kept in the history', async () => {
    const { runtime, screen } = await setUp()
    runtime.receive({ channel: 'session:run-line', payload: { line: 'echo from-a-button' } })
    await until(() => screen().includes('from-a-button\r\nstudent@quai'), 'the output')
    expect(screen()).toContain('$ echo from-a-button\r\nfrom-a-button\r\n')
    expect(runtime.session.history.at(-1)).toBe('echo from-a-button')
  })

  it('replaces what the student had half typed', async () => {
    const { runtime, screen } = await setUp()
    runtime.receive({ channel: 'terminal:input', payload: { data: 'rm -rf ' } })
    runtime.receive({ channel: 'session:run-line', payload: { line: 'echo clean' } })
    await until(() => screen().includes('clean\r\nstudent@quai'), 'the output')
    expect(runtime.session.history.at(-1)).toBe('echo clean')
  })

  it('waits for the running command to finish rather than feeding it keystrokes', async () => {
    const { runtime, screen } = await setUp()
    runtime.receive({ channel: 'terminal:input', payload: { data: 'sleep 5\r' } })
    await settle()
    runtime.receive({ channel: 'session:run-line', payload: { line: 'echo after' } })
    await settle()
    expect(screen()).not.toContain('after')
    runtime.session.clock.advance(5_000)
    await until(() => screen().includes('after\r\nstudent@quai'), 'the line after sleep')
    expect(runtime.session.history.slice(-2)).toEqual(['sleep 5', 'echo after'])
  })
})

describe('the clock controls from a window host', () => {
  it('pauses, speeds up and steps the session clock, and the snapshot tells the rate', async () => {
    const { runtime, states } = await setUp()
    const clock = runtime.session.clock
    await settle()
    runtime.receive({ channel: 'clock:control', payload: { action: 'rate', rate: 0 } })
    const paused = clock.now()
    await settle()
    expect(states().at(-1)?.clockRate).toBe(0)
    runtime.receive({ channel: 'clock:control', payload: { action: 'step', ms: 10_000 } })
    expect(clock.now()).toBe(paused + 10_000)
    runtime.receive({ channel: 'clock:control', payload: { action: 'rate', rate: 60 } })
    await settle()
    expect(states().at(-1)?.clockRate).toBe(60)
  })
})

describe('the cluster panel from a window host', () => {
  it('follows a cluster coming up and its store changing', async () => {
    const { runtime, states } = await setUp()
    await settle()
    expect(states().at(-1)?.cluster).toEqual({ clusters: [] })
    const session = runtime.session
    const cluster = createCluster({ clock: session.clock, seed: 1, nodes: 2 })
    session.world.kube.serve('https://192.168.49.2:8443', cluster)
    await settle()
    expect(
      states()
        .at(-1)
        ?.cluster.clusters.map((c) => c.nodes.map((n) => n.name)),
    ).toEqual([['minikube', 'minikube-m02']])
    const created = cluster.api.create(servedType('Namespace'), {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop' },
    })
    expect(created.ok).toBe(true)
    await settle()
    expect(states().at(-1)?.cluster.clusters[0]?.namespaces).toContain('shop')
    session.world.kube.unserve('https://192.168.49.2:8443')
    await settle()
    expect(states().at(-1)?.cluster).toEqual({ clusters: [] })
  })
})
