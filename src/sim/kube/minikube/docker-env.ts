/**
 * `minikube docker-env [--unset]`: the bash lines that point the docker client at the node's
 * daemon (its port 2376 published on 127.0.0.1), with minikube's usage hint, or the `unset`
 * lines that undo them (pkg/minikube/shell, bash flavour). The docker client given that
 * DOCKER_HOST talks to the node's own daemon (node-daemon.ts).
 */
import type { CommandOutput } from '../../shell/command'
import {
  isProfile,
  loadRunning,
  type Invocation,
  type MinikubeCommand,
  type MinikubeContext,
} from './command'
import { nodeDockerHost } from './node-daemon'

const VARIABLES = [
  'DOCKER_TLS_VERIFY',
  'DOCKER_HOST',
  'DOCKER_CERT_PATH',
  'MINIKUBE_ACTIVE_DOCKERD',
]

async function dockerEnv(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const { out } = mctx
  if (inv.values['unset'] === true) {
    out.out(VARIABLES.map((v) => `unset ${v};\n`).join(''))
    return out.result(0)
  }
  const profile = loadRunning(mctx)
  if (!isProfile(profile)) return profile
  const home = mctx.shell.env.get('HOME') ?? '/home/student'
  // The node's daemon answers there while the profile runs (node-daemon.ts, served at start).
  const values = ['1', nodeDockerHost(mctx.world, profile), `${home}/.minikube/certs`, profile.name]
  const command =
    profile.name === 'minikube'
      ? 'minikube -p minikube docker-env'
      : `minikube -p ${profile.name} docker-env`
  out.out(
    VARIABLES.map((v, i) => `export ${v}="${values[i] ?? ''}"\n`).join('') +
      `\n# To point your shell to minikube's docker-daemon, run:\n# eval $(${command})\n`,
  )
  return out.result(0)
}

export const dockerEnvCommand: MinikubeCommand = {
  name: 'docker-env',
  short:
    "Provides instructions to point your terminal's docker-cli to the Docker Engine inside minikube. (Useful for building docker images directly inside minikube)",
  long: "Sets up docker env variables; similar to '$(docker-machine env)'.",
  use: 'docker-env [flags]',
  flags: () => [
    {
      name: 'unset',
      shorthand: 'u',
      type: 'bool',
      usage: 'Unset variables instead of setting them',
    },
    {
      name: 'shell',
      type: 'string',
      default: '',
      usage:
        'Force environment to be configured for a specified shell: [fish, cmd, powershell, tcsh, bash, zsh], default is auto-detect',
    },
    {
      name: 'no-proxy',
      type: 'bool',
      usage: 'Add machine IP to NO_PROXY environment variable',
    },
  ],
  run: dockerEnv,
}
