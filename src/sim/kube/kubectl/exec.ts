/**
 * `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]`: runs a command
 * in a running container of a pod (pod-process.ts), with `-ti` and a shell an interactive session
 * on the student's terminal. A non-zero exit ends in `command terminated with exit code N` and
 * kubectl exits N; a program the image lacks is the runtime's "executable file not found", 126.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import { cannotExec, runToEnd } from '../../docker/cli/container-shell'
import type { CommandOutput } from '../../shell/command'
import { kubectlCommand } from './command'
import { openPodProcess } from './pod-process'
import { isInteractiveShell, shellOnTerminal } from './pod-terminal'
import { defaultContainer, hasContainer, podPhase, resolvePod } from './pod-target'
import { errorLine, fail } from './write-kit'

const usageError = (message: string): CommandOutput =>
  fail(`error: ${message}\nSee 'kubectl exec -h' for help and examples\n`)

export const terminated = (code: number): string => `command terminated with exit code ${code}\n`

export const containerFlag = {
  name: 'container',
  shorthand: 'c',
  type: 'string',
  usage:
    'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
} as const

export const podRunningTimeoutFlag = (defaultNs: number) =>
  ({
    name: 'pod-running-timeout',
    type: 'duration',
    default: defaultNs,
    usage:
      'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
  }) as const

export const TTY_UNAVAILABLE =
  'Unable to use a TTY - input is not a terminal or the right kind of file\n'

export const exec = kubectlCommand({
  path: 'kubectl exec',
  use: '(POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  short: 'Execute a command in a container',
  long: 'Execute a command in a container.',
  example: `# Get output from running the 'date' command from pod mypod, using the first container by default
kubectl exec mypod -- date

# Get output from running the 'date' command in ruby-container from pod mypod
kubectl exec mypod -c ruby-container -- date

# Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
# and sends stdout/stderr from 'bash' back to the client
kubectl exec mypod -c ruby-container -i -t -- bash -il

# List contents of /usr from the first container of pod mypod and sort by modification time
# If the command you want to execute in the pod has any flags in common (e.g. -i),
# you must use two dashes (--) to separate your command's flags/arguments
# Also note, do not surround your command and its flags/arguments with quotes
# unless that is how you would execute it normally (i.e., do ls -t /usr, not "ls -t /usr")
kubectl exec mypod -i -t -- ls -t /usr

# Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default
kubectl exec deploy/mydeployment -- date

# Get output from running 'date' command from the first pod of the service myservice, using the first container by default
kubectl exec svc/myservice -- date`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        containerFlag,
        {
          name: 'filename',
          shorthand: 'f',
          type: 'stringSlice',
          usage: 'to use to exec into the resource',
        },
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
  async run({ values, args, argsLenAtDash }, ctx): Promise<CommandOutput> {
    const resource = args.length > 0 && argsLenAtDash !== 0 ? args[0] : undefined
    let command: string[] = []
    if (argsLenAtDash > -1) command = args.slice(argsLenAtDash)
    else if (args.length > 1)
      return usageError(
        'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
      )
    if (resource === undefined && values.filename.length === 0)
      return errorLine('pod, type/name or --filename must be specified')
    if (command.length === 0)
      return errorLine('you must specify at least one command for the container')
    if (resource === undefined) return errorLine('exec with --filename is not supported in Quai')
    const connected = ctx.connect()
    if (!connected.ok) return connected.error
    const cluster = connected.value
    const found = resolvePod(cluster, ctx, resource)
    if (!found.ok) return found.output
    const pod = found.pod
    const phase = podPhase(pod)
    if (phase === 'Succeeded' || phase === 'Failed')
      return errorLine(`cannot exec into a container in a completed pod; current phase is ${phase}`)
    let stderr = ''
    let container = values.container
    if (container === '') {
      const chosen = defaultContainer(pod)
      container = chosen.name
      if (!values.quiet) stderr += chosen.notice
    } else if (!hasContainer(pod, container))
      return fail(
        `${stderr}Error from server (BadRequest): container ${container} is not valid for pod ${pod.metadata.name}\n`,
      )
    // SetupTTY: a TTY needs stdin, and stdin must be a terminal.
    const shellTty = ctx.shell.tty
    let tty = values.tty && values.stdin
    if (tty && shellTty === undefined) {
      tty = false
      if (!values.quiet) stderr += TTY_UNAVAILABLE
    }
    const proc = await openPodProcess(ctx.world, cluster, pod, container, {
      tty,
      realtime: tty,
      clock: ctx.shell.clock,
    })
    if (proc === undefined)
      return fail(
        `${stderr}error: unable to upgrade connection: container not found ("${container}")\n`,
      )
    const refused = await cannotExec(proc, proc.podFs.record, command[0] ?? '')
    if (refused !== undefined) {
      await proc.podFs.close()
      // cri-dockerd reports the runtime's failure on the stream, then exit code 126.
      return {
        stdout: `${refused.message}\r\n`,
        stderr: stderr + terminated(126),
        exitCode: 126,
      }
    }
    if (tty && shellTty !== undefined && isInteractiveShell(proc, command)) {
      if (stderr !== '') shellTty.write(stderr.replace(/\n/g, '\r\n'))
      const code = await shellOnTerminal(proc, command[0] ?? 'sh', shellTty)
      await proc.podFs.close()
      return code === 0 || code === 130
        ? { stdout: '', stderr: '', exitCode: code === 130 ? 130 : 0 }
        : { stdout: '', stderr: terminated(code), exitCode: code }
    }
    const stdin = values.stdin ? ctx.shell.stdin : undefined
    const result = await runToEnd(proc, command, stdin)
    await proc.podFs.close()
    // With a TTY both streams arrive as one, with the terminal's line endings.
    const stdout = tty ? (result.stdout + result.stderr).replace(/\r?\n/g, '\r\n') : result.stdout
    const errText = tty ? '' : result.stderr
    return {
      stdout,
      stderr: stderr + errText + (result.exitCode === 0 ? '' : terminated(result.exitCode)),
      exitCode: result.exitCode,
    }
  },
})
