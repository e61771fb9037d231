import { output, type ShellCommand } from '../command'
import { USER } from '../user-environment'

export const whoami: ShellCommand = {
  name: 'whoami',
  summary: 'print effective user name',
  run: async () => output(`${USER}\n`),
}
