import { afterEach, describe, expect, it } from 'vitest'
import { parseHostMessage, type HostMessage, type SessionState } from '../../src/shared/ipc'
import { SessionRuntime } from '../../src/shared/session-runtime'
import type { PseudoTerminal } from '../../src/sim/shell/pty'

/** A terminal that prints what it is told to, so the runtime sees output after "commands". */
class EchoTerminal implements PseudoTerminal {
  private readonly outputs = new Set<(data: string) => void>()
  start(): void {
    this.print('$ ')
  }
  input(): void {}
  resize(): void {}
  interrupt(): void {}
  onOutput(listener: (data: string) => void): () => void {
    this.outputs.add(listener)
    return () => this.outputs.delete(listener)
  }
  onExit(): () => void {
    return () => undefined
  }
  dispose(): void {}
  print(data: string): void {
    for (const listener of this.outputs) listener(data)
  }
}

const runtimes: SessionRuntime[] = []
afterEach(() => {
  for (const runtime of runtimes.splice(0)) runtime.dispose()
})

async function setUp() {
  const sent: HostMessage[] = []
  const terminal = new EchoTerminal()
  const runtime = await SessionRuntime.create({
    seed: 5,
    send: (message) => sent.push(message),
    createTerminal: () => terminal,
    driver: { intervalMs: 1_000_000 },
  })
  runtimes.push(runtime)
  const states = (): SessionState[] =>
    sent.flatMap((m) => (m.channel === 'session:state' ? [m.payload] : []))
  return { runtime, terminal, sent, states }
}

const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the state panels from a window host', () => {
  it('sends a first snapshot once the shell has started, valid for the renderer', async () => {
    const { runtime, states } = await setUp()
    expect(states()).toEqual([])
    runtime.receive({ channel: 'terminal:resize', payload: { cols: 80, rows: 24 } })
    await settle()
    expect(states()).toHaveLength(1)
    const [first] = states()
    expect(first?.cwd).toBe('/home/student')
    expect(first?.docker.networks.map((n) => n.name)).toEqual(['bridge', 'host', 'none'])
    expect(parseHostMessage('session:state', first).ok).toBe(true)
  })

  it('follows the daemon, at most one snapshot per 100 ms, none when nothing changed', async () => {
    const { runtime, terminal, states } = await setUp()
    runtime.receive({ channel: 'terminal:resize', payload: { cols: 80, rows: 24 } })
    await settle()
    const docker = runtime.session.world.docker
    const pulled = docker.pull('nginx')
    if (!pulled.ok) throw pulled.error
    docker.createContainer(
      {
        Image: 'nginx',
        HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
      },
      'web',
    )
    docker.startContainer('web')
    terminal.print('$ ')
    await settle()
    expect(states()).toHaveLength(2)
    const web = states()[1]?.docker.containers[0]
    expect([web?.name, web?.state, web?.ports]).toEqual(['web', 'running', ['8080→80']])
    terminal.print('$ ')
    await settle()
    expect(states()).toHaveLength(2)
    docker.stopContainer('web')
    await settle()
    expect(states()[2]?.docker.containers[0]?.state).toBe('exited')
  })

  it('details the container the panel selects', async () => {
    const { runtime, states } = await setUp()
    runtime.receive({ channel: 'terminal:resize', payload: { cols: 80, rows: 24 } })
    const docker = runtime.session.world.docker
    docker.pull('nginx')
    docker.createContainer({ Image: 'nginx' }, 'web')
    const id = docker.findContainer('web')?.id ?? ''
    await settle()
    runtime.receive({ channel: 'docker:select', payload: { id } })
    await settle()
    expect(states().at(-1)?.docker.selected?.name).toBe('web')
    runtime.receive({ channel: 'docker:select', payload: { id: null } })
    await settle()
    expect(states().at(-1)?.docker.selected).toBeNull()
  })

  it('stops sending once disposed', async () => {
    const { runtime, states } = await setUp()
    runtime.receive({ channel: 'terminal:resize', payload: { cols: 80, rows: 24 } })
    runtime.dispose()
    await settle()
    runtime.session.world.docker.pull('nginx')
    await settle()
    expect(states()).toEqual([])
  })
})
