import { output, type ShellCommand } from '../command'

export const clear: ShellCommand = {
  name: 'clear',
  summary: 'clear the terminal screen',
  // What ncurses' clear sends for xterm: home, erase screen, erase scrollback.
  run: async () => output('\x1b[H\x1b[2J\x1b[3J'),
}
