/**
 * `docker wait` (docker/cli cli/command/container/wait.go): blocks until each container stops,
 * then prints its exit code. The wait is on the virtual clock, like the container's process.
 */
import { FlagSet } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { isUp } from '../engine/container-record'
import { dockerCommand } from './command'
import { waitOnClock } from './container-follow'
import { CommandStreams } from './streams'

export const containerWait = dockerCommand({
  path: 'docker container wait',
  use: 'CONTAINER [CONTAINER...]',
  short: 'Block until one or more containers stop, then print their exit codes',
  aliases: ['docker container wait', 'docker wait'],
  args: { kind: 'min', count: 1 },
  flags: () => new FlagSet([] as const),
  async run({ args }, ctx): Promise<CommandOutput> {
    const streams = new CommandStreams(ctx.shell.tty)
    const errors: string[] = []
    for (const ref of args) {
      if (ref.trim() === '') {
        errors.push('invalid container name or ID: value is empty')
        continue
      }
      const record = ctx.engine.findContainer(ref)
      if (!record) {
        errors.push(`Error response from daemon: No such container: ${ref}`)
        continue
      }
      // The "not-running" condition: a created container does not run, so it answers at once.
      const outcome = await waitOnClock(
        ctx,
        () => !isUp(record) || record.state.status === 'restarting',
        undefined,
        () => streams.goLive(),
      )
      if (outcome !== 'done') return streams.result(0)
      streams.out(`${record.state.exitCode}\n`)
    }
    if (errors.length > 0) {
      streams.err(`${errors.join('\n')}\n`)
      return streams.result(1)
    }
    return streams.result(0)
  },
})
