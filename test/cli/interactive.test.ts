import { EventEmitter } from 'node:events'
import { describe, expect, test } from 'vitest'
import {
  BANNER,
  runInteractive,
  type HostTerminal,
  type TerminalOptions,
} from '../../src/cli/interactive'
import type { PseudoTerminal } from '../../src/sim/shell/pty'
import { Session } from '../../src/sim/shell/session'

/** The parts of a TTY ReadStream runInteractive uses. */
class FakeInput extends EventEmitter {
  readonly isTTY = true
  raw = false
  paused = true
  setRawMode(mode: boolean): this {
    this.raw = mode
    return this
  }
  setEncoding(): this {
    return this
  }
  pause(): this {
    this.paused = true
    return this
  }
  resume(): this {
    this.paused = false
    return this
  }
}

class FakeOutput extends EventEmitter {
  columns = 100
  rows = 30
  readonly written: string[] = []
  write(data: string): boolean {
    this.written.push(data)
    return true
  }
}

/** A pseudo-terminal that records what the host does to it. */
class RecordingTerminal implements PseudoTerminal {
  readonly calls: string[] = []
  private readonly outputs = new Set<(data: string) => void>()
  private readonly exits = new Set<(code: number) => void>()
  constructor(readonly options: TerminalOptions) {}
  start(): void {
    this.calls.push('start')
    for (const listener of this.outputs) listener('student@quai:~$ ')
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
  exit(code: number): void {
    for (const listener of this.exits) listener(code)
  }
}

describe('runInteractive', () => {
  test('wires a raw-mode TTY to the pseudo-terminal and restores it on exit', async () => {
    const session = await Session.create({ timing: 'realtime' })
    const input = new FakeInput()
    const output = new FakeOutput()
    const host = { input, output } as unknown as HostTerminal
    let terminal: RecordingTerminal | undefined
    const sigintListeners = process.listenerCount('SIGINT')

    const status = runInteractive(
      session,
      (_session, options) => (terminal = new RecordingTerminal(options)),
      host,
    )
    if (terminal === undefined) throw new Error('no terminal created')
    expect(terminal.options).toEqual({ cols: 100, rows: 30, banner: BANNER })
    expect(input.raw).toBe(true)
    expect(input.paused).toBe(false)
    expect(output.written).toEqual(['student@quai:~$ '])

    // Ctrl-C is a byte of input in raw mode: it reaches the shell and does not stop quai.
    input.emit('data', 'ls\r')
    input.emit('data', '\x03')
    output.columns = 120
    output.rows = 40
    output.emit('resize')
    process.emit('SIGINT', 'SIGINT')
    terminal.exit(3)

    expect(await status).toBe(3)
    expect(terminal.calls).toEqual([
      'start',
      'input "ls\\r"',
      'input "\\u0003"',
      'resize 120x40',
      'interrupt',
      'dispose',
    ])
    expect(input.raw).toBe(false)
    expect(input.paused).toBe(true)
    expect(input.listenerCount('data')).toBe(0)
    expect(output.listenerCount('resize')).toBe(0)
    expect(process.listenerCount('SIGINT')).toBe(sigintListeners)
  })

  test('ends with the last status when standard input closes', async () => {
    const session = await Session.create({ timing: 'realtime' })
    await session.run('false')
    const input = new FakeInput()
    const host = { input, output: new FakeOutput() } as unknown as HostTerminal
    const status = runInteractive(session, (_s, options) => new RecordingTerminal(options), host)
    input.emit('end')
    expect(await status).toBe(1)
    expect(input.raw).toBe(false)
  })
})
