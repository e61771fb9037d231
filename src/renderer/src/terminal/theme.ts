import type { ITerminalOptions } from '@xterm/xterm'

/** Installed fonts only: the app is offline and its policy loads nothing from elsewhere. */
export const MONOSPACE_STACK = [
  '"Cascadia Mono"',
  '"JetBrains Mono"',
  '"SF Mono"',
  'Menlo',
  'Consolas',
  '"DejaVu Sans Mono"',
  '"Liberation Mono"',
  '"Ubuntu Mono"',
  'monospace',
].join(', ')

export const terminalOptions: ITerminalOptions = {
  // The unicode API (for Unicode 11 widths) is a "proposed" one in xterm 6.
  allowProposedApi: true,
  fontFamily: MONOSPACE_STACK,
  fontSize: 14,
  lineHeight: 1.15,
  cursorBlink: true,
  cursorStyle: 'block',
  scrollback: 5000,
  // Option-as-Meta lets macOS users type Alt-B / Alt-F in the line editor.
  macOptionIsMeta: true,
  theme: {
    background: '#0e1116',
    foreground: '#d6dde6',
    cursor: '#f2c14e',
    cursorAccent: '#0e1116',
    selectionBackground: '#2d4a6b',
    black: '#1b2028',
    red: '#f0727a',
    green: '#8fd694',
    yellow: '#f2c14e',
    blue: '#6cb6ff',
    magenta: '#d9a0f2',
    cyan: '#5fd7d7',
    white: '#d6dde6',
    brightBlack: '#5c6673',
    brightRed: '#ff9aa0',
    brightGreen: '#b4f0b8',
    brightYellow: '#ffd97a',
    brightBlue: '#9ccdff',
    brightMagenta: '#ecc2ff',
    brightCyan: '#9cf0f0',
    brightWhite: '#ffffff',
  },
}
