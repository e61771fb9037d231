import { failure, output, type ShellCommand } from '../command'
import { HOSTNAME } from '../user-environment'

export const hostname: ShellCommand = {
  name: 'hostname',
  summary: "show the system's host name",
  run: async (args) => {
    if (args.length === 0 || args[0] === '-s' || args[0] === '--short')
      return output(`${HOSTNAME}\n`)
    if (args[0] === '-i' || args[0] === '--ip-address') return output('127.0.1.1\n')
    if (args[0]?.startsWith('-'))
      return failure(`hostname: invalid option -- '${args[0].slice(1, 2)}'\n`, 1)
    return failure('hostname: you must be root to change the host name\n', 1)
  },
}
