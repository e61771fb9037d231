/**
 * The pseudo-terminal contract. Hosts (xterm in a window, a real TTY, a test) see a Quai shell
 * only through `PseudoTerminal`; programs that take the screen over (nano, vi, `logs -f`, `get -w`)
 * see the terminal only through `Tty`.
 */

/** What a full-screen or streaming program sees of the terminal while it runs. */
export interface Tty {
  readonly cols: number
  readonly rows: number
  /** Bytes to the screen: text with ANSI escapes, lines ending in \r\n. */
  write(data: string): void
  /** Raw input while the program runs (keys arrive as the escape sequences xterm sends). */
  onInput(listener: (data: string) => void): () => void
  onResize(listener: (cols: number, rows: number) => void): () => void
  /** Aborted when the user presses Ctrl-C and the program has not claimed raw input. */
  readonly signal: AbortSignal
}

/** The shell as a host drives it: bytes in, bytes out. */
export interface PseudoTerminal {
  /** Prints the banner and the first prompt. Output before start() is buffered nowhere. */
  start(): void
  /** Keystrokes or a paste, as the terminal emulator sends them. */
  input(data: string): void
  resize(cols: number, rows: number): void
  /** Same as Ctrl-C: cancels the line being edited or interrupts the running command. */
  interrupt(): void
  onOutput(listener: (data: string) => void): () => void
  /** The shell ended (`exit`, Ctrl-D on an empty line) with this status. */
  onExit(listener: (code: number) => void): () => void
  dispose(): void
}

/** Converts program output (\n) to what a terminal in raw mode needs (\r\n). */
export function toTerminalNewlines(text: string): string {
  return text.replace(/\r?\n/g, '\r\n')
}
