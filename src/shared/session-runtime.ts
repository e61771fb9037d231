import type { PseudoTerminal } from '../sim/shell/pty'
import { Session } from '../sim/shell/session'
import { createShellTerminal, type ShellTerminal } from '../sim/shell/terminal'
import type { HostMessage, RendererMessage } from './ipc'
import { RealTimeDriver, type RealTimeDriverOptions } from './real-time-driver'
import { StatePublisher } from './state-publisher'

/**
 * What both window hosts run: one Session, its pseudo-terminal and the clock driver, fed with
 * messages that have already been validated. Electron's main process (src/main/session-host.ts)
 * and the web build's Worker (src/renderer/src/host/session.worker.ts) only move messages.
 */
export interface SessionRuntimeOptions {
  /** Seed of the simulated machine; a fresh random one by default. */
  seed?: number
  /** A session to run instead of a fresh one (the web host passes the student's restored one). */
  session?: Session
  send(message: HostMessage): void
  log?(message: string, error?: unknown): void
  /** Tests pass a fake; the hosts use the shell's own terminal. */
  createTerminal?(session: Session, size: { cols: number; rows: number }): PseudoTerminal
  driver?: RealTimeDriverOptions
}

const DEFAULT_SIZE = { cols: 80, rows: 24 }

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1
}

export class SessionRuntime {
  private terminal: PseudoTerminal | undefined
  private readonly unsubscribers: (() => void)[] = []
  private exited = false
  private disposed = false
  /** Lines run for the panels, one after the other. */
  private lines: Promise<void> = Promise.resolve()
  /** The state panels' snapshots (`session:state`), from the first prompt on. */
  private readonly panels: StatePublisher

  private constructor(
    readonly session: Session,
    private readonly driver: RealTimeDriver,
    private readonly options: SessionRuntimeOptions,
  ) {
    this.panels = new StatePublisher(session, options.send, options.log ?? (() => undefined), {
      clockRate: () => driver.rate,
    })
  }

  static async create(options: SessionRuntimeOptions): Promise<SessionRuntime> {
    const session =
      options.session ??
      (await Session.create({ seed: options.seed ?? randomSeed(), timing: 'realtime' }))
    const log = options.log ?? ((message, error) => console.error(message, error))
    const driver = new RealTimeDriver(session.clock, {
      onError: (error) => log('[quai] a timer of the session failed', error),
      ...options.driver,
    })
    driver.start()
    return new SessionRuntime(session, driver, { ...options, log })
  }

  /** True once the shell has printed its first prompt. */
  get started(): boolean {
    return this.terminal !== undefined
  }

  receive(message: RendererMessage): void {
    if (this.disposed || this.exited) return
    try {
      switch (message.channel) {
        case 'terminal:resize': {
          const { cols, rows } = message.payload
          // The first size the renderer reports starts the shell, so the banner and the first
          // prompt are laid out for the real width and no output is sent before anyone listens.
          if (this.terminal === undefined) this.start({ cols, rows })
          else this.terminal.resize(cols, rows)
          break
        }
        case 'terminal:input':
          this.ensureStarted().input(message.payload.data)
          break
        case 'terminal:interrupt':
          this.ensureStarted().interrupt()
          break
        case 'docker:select':
          this.panels.select(message.payload.id)
          break
        case 'clock:control':
          if (message.payload.action === 'rate') this.driver.setRate(message.payload.rate)
          else this.driver.step(message.payload.ms)
          // The controls show the new rate (and the panels the new time) without waiting.
          this.panels.request()
          break
        case 'session:run-line':
          this.runLine(message.payload.line)
          break
      }
    } catch (error) {
      this.options.log?.(`[quai] ${message.channel} failed`, error)
    }
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    this.driver.stop()
    this.panels.dispose()
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe()
    this.terminal?.dispose()
  }

  /**
   * Runs a line for a panel's button as the student would: once the shell is at its prompt (a
   * command still running is not fed someone else's keystrokes), the line being edited is
   * cleared (Ctrl-E, Ctrl-U: bash's own keys, so Ctrl-Y brings it back), then the line is
   * pasted and entered. It is echoed, kept in the history, and its output is the terminal's.
   */
  private runLine(line: string): void {
    this.lines = this.lines
      .then(async () => {
        const terminal = this.ensureStarted()
        await this.idle(terminal)
        if (this.disposed || this.exited) return
        terminal.input(`\x05\x15\x1b[200~${line}\x1b[201~\r`)
        await this.idle(terminal)
      })
      .catch((error: unknown) => this.options.log?.('[quai] session:run-line failed', error))
  }

  /** Waits until the shell is at its prompt, when the terminal can tell (the shell's own does). */
  private async idle(terminal: PseudoTerminal): Promise<void> {
    const whenIdle = (terminal as Partial<ShellTerminal>).whenIdle
    if (typeof whenIdle === 'function') await whenIdle.call(terminal)
  }

  private ensureStarted(): PseudoTerminal {
    return this.terminal ?? this.start(DEFAULT_SIZE)
  }

  private start(size: { cols: number; rows: number }): PseudoTerminal {
    const create = this.options.createTerminal ?? createShellTerminal
    const terminal = create(this.session, size)
    this.terminal = terminal
    this.unsubscribers.push(
      terminal.onOutput((data) => {
        this.options.send({ channel: 'terminal:output', payload: { data } })
        // Output is what a command leaves behind: the panels look again (throttled, diffed).
        this.panels.request()
      }),
      terminal.onExit((code) => {
        this.exited = true
        this.options.send({ channel: 'terminal:exit', payload: { code } })
      }),
    )
    terminal.start()
    this.panels.start()
    return terminal
  }
}
