/**
 * Output of a command that keeps running (`get -w`): collected while it can still return at once,
 * written straight to the terminal (CR LF) once it starts waiting.
 */
import type { CommandOutput } from '../../../shell/command'
import { toTerminalNewlines, type Tty } from '../../../shell/pty'

export class OutputStreams {
  private stdout = ''
  private stderr = ''
  private live = false

  constructor(private readonly tty: Tty | undefined) {}

  out(text: string): void {
    if (text === '') return
    if (this.live && this.tty) this.tty.write(toTerminalNewlines(text))
    else this.stdout += text
  }

  err(text: string): void {
    if (text === '') return
    if (this.live && this.tty) this.tty.write(toTerminalNewlines(text))
    else this.stderr += text
  }

  /** From now on, straight to the terminal; what was collected goes first. */
  goLive(): void {
    if (!this.tty || this.live) return
    this.live = true
    const pending = this.stderr + this.stdout
    this.stdout = ''
    this.stderr = ''
    if (pending !== '') this.tty.write(toTerminalNewlines(pending))
  }

  result(exitCode: number): CommandOutput {
    return { stdout: this.stdout, stderr: this.stderr, exitCode }
  }
}
