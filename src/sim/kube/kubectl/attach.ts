/**
 * `kubectl attach (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t]`: joins a container's main process
 * (attach-session.ts): its output from now on until it ends or Ctrl-C, or with `-it` on a shell
 * waiting for input, that shell on the student's terminal.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { attachToContainer } from './attach-session'
import { kubectlCommand } from './command'
import { containerFlag, podRunningTimeoutFlag } from './exec'
import { containerNames, defaultContainer, podPhase, resolvePod } from './pod-target'
import { errorLine, fail } from './write-kit'

export const attach = kubectlCommand({
  path: 'kubectl attach',
  use: '(POD | TYPE/NAME) -c CONTAINER',
  short: 'Attach to a running container',
  long: 'Attach to a process that is already running inside an existing container.',
  example: `# Get output from running pod mypod; use the 'kubectl.kubernetes.io/default-container' annotation
# for selecting the container to be attached or the first container in the pod will be chosen
kubectl attach mypod

# Get output from ruby-container from pod mypod
kubectl attach mypod -c ruby-container

# Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
# and sends stdout/stderr from 'bash' back to the client
kubectl attach mypod -c ruby-container -i -t

# Get output from the first pod of a replica set named nginx
kubectl attach rs/nginx`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        containerFlag,
        podRunningTimeoutFlag(60_000_000_000),
        {
          name: 'quiet',
          shorthand: 'q',
          type: 'bool',
          usage: 'Only print output from the remote session',
        },
        { name: 'stdin', shorthand: 'i', type: 'bool', usage: 'Pass stdin to the container' },
        { name: 'tty', shorthand: 't', type: 'bool', usage: 'Stdin is a TTY' },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    if (values['pod-running-timeout'] <= 0)
      return fail(
        "error: --pod-running-timeout must be higher than zero\nSee 'kubectl attach -h' for help and examples\n",
      )
    if (args.length === 0) return errorLine('at least 1 argument is required for attach')
    if (args.length > 2)
      return errorLine(
        `expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`,
      )
    const connected = ctx.connect()
    if (!connected.ok) return connected.error
    const cluster = connected.value
    const ref = args.length === 2 ? `${args[0] ?? ''}/${args[1] ?? ''}` : (args[0] ?? '')
    const found = resolvePod(cluster, ctx, ref)
    if (!found.ok) return found.output
    const pod = found.pod
    const phase = podPhase(pod)
    if (phase === 'Succeeded' || phase === 'Failed')
      return errorLine(`cannot attach a container in a completed pod; current phase is ${phase}`)
    let notice = ''
    let container = values.container
    if (container === '') {
      const chosen = defaultContainer(pod)
      container = chosen.name
      if (!values.quiet) notice = chosen.notice
    } else {
      const names = containerNames(pod)
      if (![...names.containers, ...names.init, ...names.ephemeral].includes(container))
        return errorLine(
          `cannot attach to the container: container ${container} not found in pod ${pod.metadata.name}`,
        )
    }
    const attached = await attachToContainer(
      ctx,
      cluster,
      pod,
      {
        container,
        stdin: values.stdin,
        tty: values.tty,
        quiet: values.quiet,
        fromStart: false,
        notice,
      },
      'kubectl attach',
    )
    return attached
  },
})
