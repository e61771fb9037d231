/**
 * `docker start` (docker/cli cli/command/container/start.go, docker 28.2.2). Without -a each
 * container is started in turn, its name printed, errors printed as they happen and summed up
 * as `Error: failed to start containers: …`; with -a (or -i) one container is started and
 * followed until it exits, with its exit status.
 */
import { FlagSet } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { dockerCommand } from './command'
import { followContainer } from './container-follow'
import { interactiveShellOf, runShellOnTerminal } from './run-interactive'
import { CommandStreams } from './streams'

export const containerStart = dockerCommand({
  path: 'docker container start',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  aliases: ['docker container start', 'docker start'],
  args: { kind: 'min', count: 1 },
  flags: () =>
    new FlagSet([
      {
        name: 'attach',
        shorthand: 'a',
        type: 'bool',
        usage: 'Attach STDOUT/STDERR and forward signals',
      },
      { name: 'checkpoint', type: 'string', usage: 'Restore from this checkpoint' },
      {
        name: 'checkpoint-dir',
        type: 'string',
        usage: 'Use a custom checkpoint storage directory',
      },
      {
        name: 'detach-keys',
        type: 'string',
        usage: 'Override the key sequence for detaching a container',
      },
      { name: 'interactive', shorthand: 'i', type: 'bool', usage: "Attach container's STDIN" },
    ] as const),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const { engine } = ctx
    if (values.attach || values.interactive) {
      if (args.length > 1)
        return {
          stdout: '',
          stderr: 'you cannot start and attach multiple containers at once\n',
          exitCode: 1,
        }
      const ref = args[0] ?? ''
      const record = engine.findContainer(ref)
      if (!record)
        return {
          stdout: '',
          stderr: `Error response from daemon: No such container: ${ref}\n`,
          exitCode: 1,
        }
      const streams = new CommandStreams(ctx.shell.tty)
      const from = record.logs.length
      const started = engine.startContainer(record.id)
      if (!started.ok) {
        streams.err(`Error response from daemon: ${started.error.message}\n`)
        return streams.result(1)
      }
      const shell = interactiveShellOf(record)
      const tty = ctx.shell.tty
      if (values.interactive && record.config.Tty && record.config.OpenStdin && tty && shell)
        return streams.result(await runShellOnTerminal(ctx, record, shell, tty))
      const followed = await followContainer(ctx, record, streams, from)
      return streams.result(followed.kind === 'exited' ? followed.exitCode : 0)
    }
    let stdout = ''
    let stderr = ''
    const failed: string[] = []
    for (const ref of args) {
      const started =
        ref.trim() === ''
          ? { ok: false as const, message: 'invalid container name or ID: value is empty' }
          : engine.startContainer(ref)
      if (started.ok) {
        stdout += `${ref}\n`
        continue
      }
      stderr +=
        'message' in started
          ? `${started.message}\n`
          : `Error response from daemon: ${started.error.message}\n`
      failed.push(ref)
    }
    await engine.settle()
    if (failed.length > 0) stderr += `Error: failed to start containers: ${failed.join(', ')}\n`
    return { stdout, stderr, exitCode: failed.length > 0 ? 1 : 0 }
  },
})
