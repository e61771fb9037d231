/**
 * `docker attach` (docker/cli cli/command/container/attach.go): the container's output from now
 * on, until it stops (attach then exits with its code) or Ctrl-C, which with --sig-proxy (the
 * default) reaches the container as SIGINT. The following itself is the attached `docker run`'s
 * (container-follow.ts): on a terminal lines appear as they are written; without one the
 * virtual clock is moved on to the container's next events.
 */
import { FlagSet } from '../../cli-kit/flags'
import { dockerCommand } from './command'
import { followContainer } from './container-follow'
import { CommandStreams } from './streams'

const fail = (stderr: string): { stdout: string; stderr: string; exitCode: number } => ({
  stdout: '',
  stderr: `${stderr}\n`,
  exitCode: 1,
})

export const containerAttach = dockerCommand({
  path: 'docker container attach',
  use: '[OPTIONS] CONTAINER',
  short: 'Attach local standard input, output, and error streams to a running container',
  aliases: ['docker container attach', 'docker attach'],
  args: { kind: 'exact', count: 1 },
  flags: () =>
    new FlagSet([
      {
        name: 'detach-keys',
        type: 'string',
        usage: 'Override the key sequence for detaching a container',
      },
      { name: 'no-stdin', type: 'bool', usage: 'Do not attach STDIN' },
      {
        name: 'sig-proxy',
        type: 'bool',
        default: true,
        usage: 'Proxy all received signals to the process',
      },
    ] as const),
  async run({ args }, ctx) {
    const ref = args[0] ?? ''
    const record = ctx.engine.findContainer(ref)
    if (!record) return fail(`Error response from daemon: No such container: ${ref}`)
    const status = record.state.status
    if (status !== 'running' && status !== 'paused' && status !== 'restarting')
      return fail('You cannot attach to a stopped container, start it first')
    if (status === 'paused')
      return fail('You cannot attach to a paused container, unpause it first')
    if (status === 'restarting')
      return fail('You cannot attach to a restarting container, wait until it is running')
    const streams = new CommandStreams(ctx.shell.tty)
    const followed = await followContainer(ctx, record, streams, record.logs.length)
    return streams.result(followed.kind === 'exited' ? followed.exitCode : 0)
  },
})
