import { FlagSet } from '../../cli-kit/flags'
import { containerDiff } from '../engine/container-observe'
import { daemonFailure, dockerCommand, ok } from './command'

const KINDS = ['C', 'A', 'D'] as const

/** docker/cli diff.go with formatter_diff.go's `{{.Type}} {{.Path}}` rows. */
export const containerDiffCommand = dockerCommand({
  path: 'docker container diff',
  use: 'CONTAINER',
  short: "Inspect changes to files or directories on a container's filesystem",
  aliases: ['docker container diff', 'docker diff'],
  args: { kind: 'exact', count: 1 },
  flags: () => new FlagSet([] as const),
  run({ args }, { engine }) {
    const changes = containerDiff(engine, args[0] ?? '')
    if (!changes.ok) return daemonFailure(changes.error.message)
    return ok(changes.value.map((c) => `${KINDS[c.Kind]} ${c.Path}\n`).join(''))
  },
})
