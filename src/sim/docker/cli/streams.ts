import type { CommandOutput } from '../../shell/command'
import { toTerminalNewlines, type Tty } from '../../shell/pty'

/**
 * A command's stdout and stderr while it runs. Output is collected and returned at the end, so
 * pipes and redirections get it (`docker run alpine cat /etc/os-release | grep NAME`), until the
 * command has to wait for more (an attached `docker run nginx`): on a terminal it then goes
 * live, and what follows reaches the screen as it is written.
 */
export class CommandStreams {
  private stdout = ''
  private stderr = ''
  private live = false

  constructor(readonly tty: Tty | undefined) {}

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

  /** From now on, straight to the terminal (what was collected goes first, stderr's first). */
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
