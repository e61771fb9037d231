/**
 * `docker run` (docker/cli cli/command/container/run.go, docker 28.2.2): parse the flags into a
 * create request, create (pulling if needed), start, then either print the id (`-d`) or follow
 * the container's output and exit with its status. docker's own failures exit 125, a command
 * that cannot be run 126 or 127 (toStatusError), the container's code otherwise.
 */
import { FlagSet } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { followContainer } from './container-follow'
import { dockerCommand } from './command'
import { CONTAINER_FLAGS, imageFlags } from './container-flags'
import { containerSpecFromFlags } from './container-options'
import { createContainer, pullOptionProblem } from './create'
import { interactiveShellOf, runShellOnTerminal } from './run-interactive'
import { CommandStreams } from './streams'

/** withHelp: `docker: <error>` and the pointer to `docker run --help`. */
function withHelp(message: string): string {
  return `docker: ${message}\n\nRun 'docker run --help' for more information\n`
}

/** toStatusError: 127 when the command is not found, 126 when it cannot be executed. */
export function runExitCode(message: string): number {
  if (
    message.includes('executable file not found') ||
    message.includes('no such file or directory') ||
    message.includes('system cannot find the file specified')
  )
    return 127
  if (message.includes('permission denied') || message.includes('is a directory')) return 126
  return 125
}

const RUN_ONLY_FLAGS = [
  {
    name: 'detach',
    shorthand: 'd',
    type: 'bool',
    usage: 'Run container in background and print container ID',
  },
  {
    name: 'sig-proxy',
    type: 'bool',
    default: true,
    usage: 'Proxy received signals to the process',
  },
  {
    name: 'detach-keys',
    type: 'string',
    usage: 'Override the key sequence for detaching a container',
  },
] as const

export const runFlags = () =>
  new FlagSet([...RUN_ONLY_FLAGS, ...imageFlags('running'), ...CONTAINER_FLAGS] as const, {
    interspersed: false,
  })

export const containerRun = dockerCommand({
  path: 'docker container run',
  use: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create and run a new container from an image',
  aliases: ['docker container run', 'docker run'],
  args: { kind: 'min', count: 1 },
  flags: runFlags,
  async run({ values, args, changed }, ctx): Promise<CommandOutput> {
    const streams = new CommandStreams(ctx.shell.tty)
    const fail = (message: string, exitCode = 125): CommandOutput => {
      streams.err(withHelp(message))
      return streams.result(exitCode)
    }
    const pullProblem = pullOptionProblem(values.pull)
    if (pullProblem !== undefined) return fail(pullProblem)
    const [image = '', ...command] = args
    const spec = await containerSpecFromFlags(values, changed, image, command, ctx.shell)
    if (!spec.ok) return fail(spec.error)
    const request = spec.value.request
    if (values.detach) {
      if (values.attach.length > 0) {
        streams.err('conflicting options: cannot specify both --attach and --detach\n')
        return streams.result(1)
      }
      request.AttachStdin = false
      request.AttachStdout = false
      request.AttachStderr = false
      request.StdinOnce = false
    } else if (request.Tty && request.AttachStdin && !(ctx.shell.tty && ctx.shell.stdin === '')) {
      // CheckTty: -it needs a terminal on stdin.
      streams.err('the input device is not a TTY\n')
      return streams.result(1)
    }
    const created = await createContainer(
      ctx,
      request,
      { name: values.name, pull: values.pull, quiet: values.quiet, cidfile: values.cidfile },
      streams,
    )
    if (!created.ok) return fail(created.error.message, runExitCode(created.error.message))
    const id = created.value
    const record = ctx.engine.findContainer(id)
    const attach = request.AttachStdin || request.AttachStdout || request.AttachStderr
    // Detached, the id is printed while the container starts, so it shows even if start fails.
    if (!attach) streams.out(`${id}\n`)
    const from = record?.logs.length ?? 0
    const started = ctx.engine.startContainer(id)
    if (!started.ok) {
      const message = `Error response from daemon: ${started.error.message}`
      return fail(message, runExitCode(message))
    }
    if (!attach || !record) {
      // A command that finishes at once (`echo hi`) has, by the time the prompt is back.
      await ctx.engine.settle()
      return streams.result(0)
    }
    const shell = interactiveShellOf(record)
    if (request.Tty && request.OpenStdin && ctx.shell.tty && shell !== undefined)
      return streams.result(await runShellOnTerminal(ctx, record, shell, ctx.shell.tty))
    const followed = await followContainer(ctx, record, streams, from, {
      sigProxy: values['sig-proxy'],
    })
    return streams.result(followed.kind === 'exited' ? followed.exitCode : 0)
  },
})
