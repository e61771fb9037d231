/**
 * `minikube ssh [-n NODE] [-- CMD…]`: a login as `docker` on the node's container (its host
 * name is the node's name, its files those of node-files.ts). With words after it, ssh joins
 * them with spaces and the node's shell runs the line; a non-zero status comes back as
 * minikube's `ssh: Process exited with status N` and exit 1 (cmd/minikube/cmd/ssh.go).
 */
import { openContainerProcess } from '../../docker/cli/container-shell'
import type { CommandOutput } from '../../shell/command'
import { shellOnTty } from '../../shell/terminal'
import {
  isProfile,
  loadRunning,
  type Invocation,
  type MinikubeCommand,
  type MinikubeContext,
} from './command'
import { nodeContainer } from './node-containers'
import { REASONS } from './output'
import { machinesOf, shortNodeName } from './profiles'

async function ssh(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const profile = loadRunning(mctx)
  if (!isProfile(profile)) return profile
  const { out, shell } = mctx
  const wanted = String(inv.values['node'] ?? '')
  const machine =
    wanted === ''
      ? machinesOf(profile)[0]
      : machinesOf(profile).find((m) => m.name === wanted || shortNodeName(profile, m) === wanted)
  if (machine === undefined)
    return out.exit(REASONS.guestNodeRetrieve, `retrieving node: Could not find node ${wanted}`)
  const record = nodeContainer(mctx.world.docker, machine.name)
  if (!machine.running || record === undefined || record.state.status !== 'running') {
    out.streams.err(`ssh: "${machine.name}" is not running\n`)
    return out.result(1)
  }
  const interactive = inv.args.length === 0
  const opened = await openContainerProcess(
    mctx.world.docker,
    record,
    { env: [], workdir: '/home/docker', user: 'docker', tty: interactive },
    {
      fs: shell.fs,
      clock: shell.clock,
      env: new Map(),
      realtime: shell.tty !== undefined,
    },
  )
  if (!opened.ok) {
    out.streams.err(`ssh: ${opened.message}\n`)
    return out.result(1)
  }
  const proc = opened.process
  let code: number
  if (interactive) {
    await proc.session.run(`PS1='\\u@\\h:\\w\\$ '`, { history: false })
    if (shell.tty !== undefined) code = await shellOnTty(proc.session, shell.tty, false)
    else {
      // No terminal (a script): the remote shell reads its commands from stdin.
      const r = await proc.session.run(shell.stdin, { history: false })
      out.out(r.stdout)
      out.streams.err(r.stderr)
      code = r.exitCode
    }
  } else {
    const r = await proc.session.run(inv.args.join(' '), { history: false })
    out.out(r.stdout)
    out.streams.err(r.stderr)
    code = r.exitCode
  }
  await proc.containerFs.close()
  if (code === 0 || code === 130) return out.result(code)
  out.streams.err(`ssh: Process exited with status ${code}\n`)
  return out.result(1)
}

export const sshCommand: MinikubeCommand = {
  name: 'ssh',
  short: 'Log into the minikube environment (for debugging)',
  long: "Log into or run a command on a machine with SSH; similar to 'docker-machine ssh'.",
  use: 'ssh [flags] [-- COMMAND]',
  flags: () => [
    {
      name: 'native-ssh',
      type: 'bool',
      default: true,
      usage:
        "Use native Golang SSH client (default true). Set to 'false' to use the command line 'ssh' command when accessing the docker machine. Useful for the machine drivers when they will not start with 'Waiting for SSH'.",
    },
    {
      name: 'node',
      shorthand: 'n',
      type: 'string',
      default: '',
      usage: 'The node to ssh into. Defaults to the primary control plane.',
    },
  ],
  run: ssh,
}
