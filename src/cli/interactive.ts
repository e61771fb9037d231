import { RealTimeDriver } from '../shared/real-time-driver'
import type { PseudoTerminal } from '../sim/shell/pty'
import type { Session } from '../sim/shell/session'
import { VERSION } from './options'

export interface TerminalOptions {
  cols: number
  rows: number
  banner: string
}

/** `createShellTerminal` from src/sim/shell/terminal, injected so tests can drive a fake. */
export type TerminalFactory = (session: Session, options: TerminalOptions) => PseudoTerminal

/** The real terminal quai sits on. */
export interface HostTerminal {
  input: NodeJS.ReadStream
  output: NodeJS.WriteStream
}

export const BANNER = `Quai ${VERSION}: a simulated Linux shell for learning docker and kubectl, offline.
Nothing typed here touches this computer. Type 'help' for the commands, 'exit' to leave.
`

type Listener = Parameters<NodeJS.EventEmitter['on']>[1]

/** Signals that end quai, with the status a shell killed by them reports (128 + number). */
const ENDING_SIGNALS = { SIGHUP: 129, SIGTERM: 143 } as const

/**
 * Puts the host terminal in raw mode and wires it to a Quai pseudo-terminal: every byte typed
 * (Ctrl-C and Ctrl-D included) goes to the shell as input, the shell's bytes go to the screen,
 * window resizes follow. Resolves with the shell's exit status once the terminal is restored.
 */
export function runInteractive(
  session: Session,
  createTerminal: TerminalFactory,
  host: HostTerminal = { input: process.stdin, output: process.stdout },
): Promise<number> {
  const { input, output } = host
  const size = (): { cols: number; rows: number } => ({
    cols: output.columns > 0 ? output.columns : 80,
    rows: output.rows > 0 ? output.rows : 24,
  })
  const terminal = createTerminal(session, { ...size(), banner: BANNER })
  // src/sim has no timers: move the virtual clock by the real time elapsed, every 50 ms.
  const driver = new RealTimeDriver(session.clock, {
    onError: (error) =>
      output.write(`\r\nquai: a timer of the session failed: ${String(error)}\r\n`),
  })

  return new Promise((resolve) => {
    const cleanups: (() => void)[] = []
    let finished = false
    const finish = (code: number): void => {
      if (finished) return
      finished = true
      for (const cleanup of cleanups.reverse()) cleanup()
      driver.stop()
      terminal.dispose()
      if (input.isTTY) input.setRawMode(false)
      input.pause()
      resolve(code)
    }
    const listen = (emitter: NodeJS.EventEmitter, event: string, listener: Listener): void => {
      emitter.on(event, listener)
      cleanups.push(() => emitter.off(event, listener))
    }

    cleanups.push(terminal.onOutput((data) => output.write(data)))
    // Let output written in the same turn as `exit` reach the screen before the teardown.
    cleanups.push(terminal.onExit((code) => setImmediate(() => finish(code))))

    input.setEncoding('utf8')
    listen(input, 'data', (data: string) => terminal.input(data))
    // Standard input closed under us (the terminal went away): end like bash on EOF.
    listen(input, 'end', () => finish(session.lastExitCode))
    // Node turns SIGWINCH into 'resize' on a TTY output stream.
    listen(output, 'resize', () => {
      const { cols, rows } = size()
      terminal.resize(cols, rows)
    })
    listen(output, 'error', () => finish(session.lastExitCode))
    // In raw mode Ctrl-C arrives as input; a SIGINT sent by `kill` means the same to the shell.
    listen(process, 'SIGINT', () => terminal.interrupt())
    for (const [signal, status] of Object.entries(ENDING_SIGNALS))
      listen(process, signal, () => finish(status))

    if (input.isTTY) input.setRawMode(true)
    input.resume()
    driver.start()
    terminal.start()
  })
}
