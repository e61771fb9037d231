/** `docker rename` (docker/cli cli/command/container/rename.go, docker 28.2.2). */
import { FlagSet } from '../../cli-kit/flags'
import { renameContainer } from '../engine/container-rename'
import { dockerCommand } from './command'

export const containerRename = dockerCommand({
  path: 'docker container rename',
  use: 'CONTAINER NEW_NAME',
  short: 'Rename a container',
  aliases: ['docker container rename', 'docker rename'],
  args: { kind: 'exact', count: 2 },
  flags: () => new FlagSet([] as const),
  run({ args }, { engine }) {
    const oldName = (args[0] ?? '').trim()
    const newName = (args[1] ?? '').trim()
    if (oldName === '' || newName === '')
      return { stdout: '', stderr: 'Error: Neither old nor new names may be empty\n', exitCode: 1 }
    const renamed = renameContainer(engine, oldName, newName)
    if (renamed.ok) return { stdout: '', stderr: '', exitCode: 0 }
    return {
      stdout: '',
      stderr: `Error response from daemon: ${renamed.error.message}\nError: failed to rename container named ${oldName}\n`,
      exitCode: 1,
    }
  },
})
