import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  SessionHost,
  type IpcEventLike,
  type IpcListener,
  type IpcMainLike,
} from '../../src/main/session-host'
import type { PseudoTerminal } from '../../src/sim/shell/pty'

/** A pseudo-terminal that records what the host asks of it. */
class RecordingTerminal implements PseudoTerminal {
  readonly calls: string[] = []
  private readonly outputs = new Set<(data: string) => void>()
  private readonly exits = new Set<(code: number) => void>()

  constructor(readonly size: { cols: number; rows: number }) {}

  start(): void {
    this.calls.push('start')
    this.print('student@quai:~$ ')
  }
  input(data: string): void {
    this.calls.push(`input ${JSON.stringify(data)}`)
  }
  resize(cols: number, rows: number): void {
    this.calls.push(`resize ${cols}x${rows}`)
  }
  interrupt(): void {
    this.calls.push('interrupt')
  }
  onOutput(listener: (data: string) => void): () => void {
    this.outputs.add(listener)
    return () => this.outputs.delete(listener)
  }
  onExit(listener: (code: number) => void): () => void {
    this.exits.add(listener)
    return () => this.exits.delete(listener)
  }
  dispose(): void {
    this.calls.push('dispose')
  }
  print(data: string): void {
    for (const listener of this.outputs) listener(data)
  }
  exit(code: number): void {
    for (const listener of this.exits) listener(code)
  }
}

class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Set<IpcListener>>()
  on(channel: string, listener: IpcListener): void {
    const set = this.listeners.get(channel) ?? new Set()
    set.add(listener)
    this.listeners.set(channel, set)
  }
  removeListener(channel: string, listener: IpcListener): void {
    this.listeners.get(channel)?.delete(listener)
  }
  emit(channel: string, event: IpcEventLike, ...args: unknown[]): void {
    for (const listener of this.listeners.get(channel) ?? []) listener(event, ...args)
  }
  count(): number {
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0)
  }
}

const WINDOW_ID = 7
const fromWindow: IpcEventLike = { sender: { id: WINDOW_ID }, senderFrame: { parent: null } }

async function setUp() {
  const ipc = new FakeIpcMain()
  const sent: { channel: string; payload: unknown }[] = []
  const contents = {
    id: WINDOW_ID,
    isDestroyed: () => false,
    send: (channel: string, payload: unknown) => sent.push({ channel, payload }),
  }
  const terminals: RecordingTerminal[] = []
  const log = vi.fn()
  const host = await SessionHost.attach(ipc, contents, {
    seed: 42,
    log,
    createTerminal: (_session, size) => {
      const terminal = new RecordingTerminal(size)
      terminals.push(terminal)
      return terminal
    },
  })
  hosts.push(host)
  return { ipc, sent, terminals, log, host }
}

const hosts: SessionHost[] = []
afterEach(() => {
  for (const host of hosts.splice(0)) host.dispose()
})

describe('SessionHost', () => {
  it('starts the shell at the first size the window reports and forwards its output', async () => {
    const { ipc, sent, terminals } = await setUp()
    expect(terminals).toHaveLength(0)
    ipc.emit('terminal:resize', fromWindow, { cols: 132, rows: 43 })
    expect(terminals).toHaveLength(1)
    expect(terminals[0]?.size).toEqual({ cols: 132, rows: 43 })
    expect(terminals[0]?.calls).toEqual(['start'])
    expect(sent).toEqual([{ channel: 'terminal:output', payload: { data: 'student@quai:~$ ' } }])
  })

  it('passes input, later sizes and interrupts to the terminal', async () => {
    const { ipc, terminals } = await setUp()
    ipc.emit('terminal:resize', fromWindow, { cols: 80, rows: 24 })
    ipc.emit('terminal:input', fromWindow, { data: 'ls\r' })
    ipc.emit('terminal:resize', fromWindow, { cols: 100, rows: 30 })
    ipc.emit('terminal:interrupt', fromWindow, {})
    expect(terminals[0]?.calls).toEqual(['start', 'input "ls\\r"', 'resize 100x30', 'interrupt'])
  })

  it('ignores and logs malformed messages without throwing', async () => {
    const { ipc, terminals, log } = await setUp()
    ipc.emit('terminal:resize', fromWindow, { cols: 80, rows: 24 })
    const bad: [string, unknown][] = [
      ['terminal:input', { data: 42 }],
      ['terminal:input', null],
      ['terminal:input', { data: 'ls', extra: true }],
      ['terminal:resize', { cols: -3, rows: 24 }],
      ['terminal:resize', { cols: 1e9, rows: 1e9 }],
      ['terminal:interrupt', 'now'],
    ]
    for (const [channel, payload] of bad)
      expect(() => ipc.emit(channel, fromWindow, payload)).not.toThrow()
    expect(terminals[0]?.calls).toEqual(['start'])
    expect(log).toHaveBeenCalledTimes(bad.length)
    expect(log.mock.calls[0]?.[0]).toMatch(
      /^\[quai\] ignored an invalid IPC message: terminal:input/,
    )
  })

  it('stops logging after a flood of invalid messages', async () => {
    const { ipc, log } = await setUp()
    for (let i = 0; i < 100; i++) ipc.emit('terminal:input', fromWindow, { data: i })
    expect(log).toHaveBeenCalledTimes(21)
  })

  it('ignores messages from other windows and from subframes', async () => {
    const { ipc, terminals, log } = await setUp()
    ipc.emit('terminal:resize', { sender: { id: WINDOW_ID + 1 } }, { cols: 80, rows: 24 })
    expect(terminals).toHaveLength(0)
    ipc.emit(
      'terminal:resize',
      { sender: { id: WINDOW_ID }, senderFrame: { parent: {} } },
      { cols: 80, rows: 24 },
    )
    expect(terminals).toHaveLength(0)
    expect(log).toHaveBeenCalledWith(
      "[quai] ignored an invalid IPC message: terminal:resize: not sent by the window's top frame",
    )
  })

  it('reports the end of the shell and then ignores input', async () => {
    const { ipc, sent, terminals } = await setUp()
    ipc.emit('terminal:resize', fromWindow, { cols: 80, rows: 24 })
    terminals[0]?.exit(3)
    expect(sent.at(-1)).toEqual({ channel: 'terminal:exit', payload: { code: 3 } })
    ipc.emit('terminal:input', fromWindow, { data: 'ls\r' })
    expect(terminals[0]?.calls).toEqual(['start'])
  })

  it('releases its IPC listeners and the terminal on dispose', async () => {
    const { ipc, terminals, host } = await setUp()
    // terminal:input, terminal:resize, terminal:interrupt, docker:select, clock:control and
    // session:run-line.
    expect(ipc.count()).toBe(6)
    ipc.emit('terminal:resize', fromWindow, { cols: 80, rows: 24 })
    host.dispose()
    expect(ipc.count()).toBe(0)
    expect(terminals[0]?.calls.at(-1)).toBe('dispose')
  })

  it('types a panel button’s line into the terminal after clearing the edited line', async () => {
    const { ipc, terminals } = await setUp()
    ipc.emit('terminal:resize', fromWindow, { cols: 80, rows: 24 })
    ipc.emit('session:run-line', fromWindow, { line: 'minikube node stop minikube-m02' })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(terminals[0]?.calls).toEqual([
      'start',
      `input ${JSON.stringify('\x05\x15\x1b[200~minikube node stop minikube-m02\x1b[201~\r')}`,
    ])
  })

  it('pauses the session clock on clock:control', async () => {
    const { ipc, host } = await setUp()
    ipc.emit('clock:control', fromWindow, { action: 'rate', rate: 0 })
    const paused = host.session.clock.now()
    await new Promise((resolve) => setTimeout(resolve, 120))
    expect(host.session.clock.now()).toBe(paused)
    ipc.emit('clock:control', fromWindow, { action: 'step', ms: 1000 })
    expect(host.session.clock.now()).toBe(paused + 1000)
  })

  it('drives the session clock in real time', async () => {
    const { host } = await setUp()
    const before = host.session.clock.now()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(host.session.clock.now() - before).toBeGreaterThanOrEqual(100)
  })
})
