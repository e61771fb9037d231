/**
 * `docker pause` and `docker unpause` (docker/cli cli/command/container/pause.go, unpause.go):
 * the container's processes frozen (cgroup freezer) and thawed; names printed as given.
 */
import { FlagSet } from '../../cli-kit/flags'
import { dockerCommand } from './command'
import { eachContainer } from './container-each'

export const containerPause = dockerCommand({
  path: 'docker container pause',
  use: 'CONTAINER [CONTAINER...]',
  short: 'Pause all processes within one or more containers',
  aliases: ['docker container pause', 'docker pause'],
  args: { kind: 'min', count: 1 },
  flags: () => new FlagSet([] as const),
  run({ args }, { engine }) {
    return eachContainer(args, (ref) => engine.pauseContainer(ref))
  },
})

export const containerUnpause = dockerCommand({
  path: 'docker container unpause',
  use: 'CONTAINER [CONTAINER...]',
  short: 'Unpause all processes within one or more containers',
  aliases: ['docker container unpause', 'docker unpause'],
  args: { kind: 'min', count: 1 },
  flags: () => new FlagSet([] as const),
  run({ args }, { engine }) {
    return eachContainer(args, (ref) => engine.unpauseContainer(ref))
  },
})
