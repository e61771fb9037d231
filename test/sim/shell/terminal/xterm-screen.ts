import { Unicode11Addon } from '@xterm/addon-unicode11'
import { Terminal } from '@xterm/headless'
import { Session, type SessionOptions } from '../../../../src/sim/shell/session'
import { createShellTerminal, type ShellTerminal } from '../../../../src/sim/shell/terminal'

/**
 * A real terminal emulator (xterm.js, headless) wired to a shell terminal, so tests assert what
 * a student would see on the screen rather than the bytes that draw it.
 */
export interface Screen {
  readonly session: Session
  readonly shell: ShellTerminal
  readonly xterm: Terminal
  /** Every exit code reported through onExit. */
  readonly exits: number[]
  /** Everything the shell wrote. */
  output(): string
  /** Sends input and waits until the shell is idle again and xterm has drawn it all. */
  type(data: string): Promise<void>
  /** Waits for xterm to draw what it has been sent. */
  flush(): Promise<void>
  /** All rows (scrollback and screen) as text, trailing blanks trimmed, trailing empty rows dropped. */
  lines(): Promise<string[]>
  /** Cursor position on the screen (row relative to the top of the visible screen). */
  cursor(): Promise<{ row: number; col: number }>
}

export function newXterm(cols: number, rows: number): Terminal {
  const xterm = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 10_000 })
  // Emoji are two columns wide only with Unicode 11 widths, as the Quai window sets up.
  xterm.loadAddon(new Unicode11Addon() as unknown as Parameters<Terminal['loadAddon']>[0])
  xterm.unicode.activeVersion = '11'
  return xterm
}

export function screenLines(xterm: Terminal): string[] {
  const buffer = xterm.buffer.active
  const lines: string[] = []
  for (let i = 0; i < buffer.length; i++)
    lines.push(buffer.getLine(i)?.translateToString(true) ?? '')
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

export function writeAll(xterm: Terminal, data: string): Promise<void> {
  return new Promise((resolve) => xterm.write(data, resolve))
}

export async function openScreen(
  options: {
    cols?: number
    rows?: number
    banner?: string
    session?: Session
    sessionOptions?: SessionOptions
  } = {},
): Promise<Screen> {
  const cols = options.cols ?? 80
  const rows = options.rows ?? 24
  const session = options.session ?? (await Session.create(options.sessionOptions))
  const shell = createShellTerminal(session, {
    cols,
    rows,
    ...(options.banner === undefined ? {} : { banner: options.banner }),
  })
  const xterm = newXterm(cols, rows)
  let written = ''
  const exits: number[] = []
  shell.onOutput((data) => {
    written += data
    xterm.write(data)
  })
  shell.onExit((code) => exits.push(code))
  shell.start()
  const flush = (): Promise<void> => writeAll(xterm, '')
  await shell.whenIdle()
  await flush()
  return {
    session,
    shell,
    xterm,
    exits,
    output: () => written,
    flush,
    async type(data) {
      shell.input(data)
      await shell.whenIdle()
      await flush()
    },
    async lines() {
      await flush()
      return screenLines(xterm)
    },
    async cursor() {
      await flush()
      const buffer = xterm.buffer.active
      return { row: buffer.cursorY, col: buffer.cursorX }
    },
  }
}
