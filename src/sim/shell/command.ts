import type { VirtualClock } from '../core/clock'
import type { SeededRandom } from '../core/random'
import type { VirtualFs } from '../fs/virtual-fs'
import type { Tty } from './pty'

/** What every Quai command returns: output is a value, never thrown. */
export interface CommandOutput {
  stdout: string
  stderr: string
  exitCode: number
}

/** What a command sees of the shell while it runs. */
export interface CommandContext {
  readonly cwd: string
  readonly env: ReadonlyMap<string, string>
  readonly stdin: string
  readonly fs: VirtualFs
  readonly clock: VirtualClock
  readonly random: SeededRandom
  /** Present when a terminal is attached (interactive use); full-screen programs need it. */
  readonly tty: Tty | undefined
  readonly signal: AbortSignal
  readonly history: readonly string[]
  readonly commands: CommandRegistry
  /** Resolves a path against the working directory, as the shell would. */
  resolve(path: string): string
  /** Waits on the virtual clock (instantly in tests, in real time in hosts); false if interrupted. */
  sleep(ms: number): Promise<boolean>
  /**
   * Runs a command line through the shell (kubectl edit runs $KUBE_EDITOR this way); absent when
   * the command was called without the interpreter.
   */
  readonly exec?: (line: string) => Promise<CommandOutput>
}

/** A completion request: the words before the cursor, the last one being completed. */
export interface CompletionRequest {
  readonly words: readonly string[]
  readonly cwd: string
  readonly fs: VirtualFs
}

/** One command: its declaration (name, help, completion) and its run function, in one file. */
export interface ShellCommand {
  readonly name: string
  /** One line, shown by `help`. */
  readonly summary: string
  run(args: readonly string[], ctx: CommandContext): Promise<CommandOutput>
  /** Candidates for the last word; undefined lets the shell complete file names. */
  complete?(request: CompletionRequest): Promise<string[] | undefined> | string[] | undefined
}

export class CommandRegistry {
  private readonly byName = new Map<string, ShellCommand>()

  register(command: ShellCommand): void {
    this.byName.set(command.name, command)
  }

  get(name: string): ShellCommand | undefined {
    return this.byName.get(name)
  }

  names(): string[] {
    return [...this.byName.keys()].sort()
  }

  all(): ShellCommand[] {
    return this.names().flatMap((n) => this.byName.get(n) ?? [])
  }
}

export const output = (stdout: string, stderr = '', exitCode = 0): CommandOutput => ({
  stdout,
  stderr,
  exitCode,
})

export const failure = (stderr: string, exitCode = 1): CommandOutput => ({
  stdout: '',
  stderr,
  exitCode,
})
