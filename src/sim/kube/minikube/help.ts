/**
 * minikube's help, in the kubectl templates it borrows (k8s.io/kubectl/pkg/util/templates):
 * the long text, `Options:` in kubectl's flag layout, `Usage:` and the pointer to
 * `minikube options`; the root help lists the command groups.
 */
import { kubectlFlagUsages } from '../../cli-kit/flag-help'
import { FlagSet } from '../../cli-kit/flags'
import type { MinikubeCommand } from './command'

const GROUPS: [string, [string, string][]][] = [
  [
    'Basic Commands',
    [
      ['start', 'Starts a local Kubernetes cluster'],
      ['status', 'Gets the status of a local Kubernetes cluster'],
      ['stop', 'Stops a running local Kubernetes cluster'],
      ['delete', 'Deletes a local Kubernetes cluster'],
      ['dashboard', 'Access the Kubernetes dashboard running within the minikube cluster'],
      ['pause', 'pause Kubernetes'],
      ['unpause', 'unpause Kubernetes'],
    ],
  ],
  [
    'Images Commands',
    [
      [
        'docker-env',
        "Provides instructions to point your terminal's docker-cli to the Docker Engine inside minikube.",
      ],
      ['podman-env', "Configure environment to use minikube's Podman service"],
      ['cache', 'Manage cache for images'],
      ['image', 'Manage images'],
    ],
  ],
  [
    'Configuration and Management Commands',
    [
      ['addons', 'Enable or disable a minikube addon'],
      ['config', 'Modify persistent configuration values'],
      ['profile', 'Get or list the current profiles (clusters)'],
      ['update-context', 'Update kubeconfig in case of an IP or port change'],
    ],
  ],
  [
    'Networking and Connectivity Commands',
    [
      ['service', 'Returns a URL to connect to a service'],
      ['tunnel', 'Connect to LoadBalancer services'],
    ],
  ],
  [
    'Advanced Commands',
    [
      ['mount', 'Mounts the specified directory into minikube'],
      ['ssh', 'Log into the minikube environment (for debugging)'],
      ['kubectl', 'Run a kubectl binary matching the cluster version'],
      ['node', 'Add, remove, or list additional nodes'],
      ['cp', 'Copy the specified file into minikube'],
    ],
  ],
  [
    'Troubleshooting Commands',
    [
      ['ssh-key', 'Retrieve the ssh identity key path of the specified node'],
      ['ssh-host', 'Retrieve the ssh host key of the specified node'],
      ['ip', 'Retrieves the IP address of the specified node'],
      ['logs', 'Returns logs to debug a local Kubernetes cluster'],
      ['update-check', 'Print current and latest version number'],
      ['version', 'Print the version of minikube'],
      ['options', 'Show a list of global command-line options (applies to all commands).'],
    ],
  ],
  [
    'Other Commands',
    [
      ['completion', 'Generate command completion for a shell'],
      ['license', 'Outputs the licenses of dependencies to a directory'],
    ],
  ],
]

/** Every real top-level command name (for "not simulated" answers). */
export const REAL_COMMANDS = GROUPS.flatMap(([, cmds]) => cmds.map(([n]) => n))

export function rootHelp(): string {
  let out =
    'minikube provisions and manages local Kubernetes clusters optimized for development workflows.\n'
  for (const [title, cmds] of GROUPS) {
    out += `\n${title}:\n`
    for (const [name, short] of cmds) out += `  ${name.padEnd(16)} ${short}\n`
  }
  return `${out}\nUse "minikube <command> --help" for more information about a given command.\n`
}

export function commandHelp(command: MinikubeCommand, path: string): string {
  let out = `${command.long ?? command.short}\n`
  const subs = command.subcommands ?? []
  if (subs.length > 0) {
    out += '\nAvailable Commands:\n'
    const width = Math.max(...subs.map((s) => s.name.length))
    for (const s of subs) out += `  ${s.name.padEnd(width)}   ${s.short}\n`
  }
  const specs = command.flags?.() ?? []
  if (specs.length > 0) out += `\nOptions:\n${kubectlFlagUsages(new FlagSet(specs))}`
  const parent = path.split(' ').slice(0, -1).join(' ')
  const use = command.use ?? `${command.name} [flags]`
  out += `\nUsage:\n  ${parent === '' ? '' : `${parent} `}${use} [options]\n`
  if (subs.length > 0)
    out += `\nUse "${path} <command> --help" for more information about a given command.\n`
  out +=
    '\nUse "minikube options" for a list of global command-line options (applies to all commands).\n'
  return out
}

export const OPTIONS_HELP = `The following options can be passed to any command:

    --add_dir_header=false:
	If true, adds the file directory to the header of the log messages

    --alsologtostderr=false:
	log to standard error as well as files (no effect when -logtostderr=true)

    -b, --bootstrapper='kubeadm':
	The name of the cluster bootstrapper that will set up the Kubernetes cluster.

    --logtostderr=false:
	log to standard error instead of files

    -p, --profile='minikube':
	The name of the minikube VM being used. This can be set to allow having multiple instances of minikube independently.

    --rootless=false:
	Force to use rootless driver (docker and podman driver only)

    --skip-audit=false:
	Skip recording the current command in the audit logs.

    --user='':
	Specifies the user executing the operation. Useful for auditing operations executed by 3rd party tools. Defaults to the operating system username.

    -v, --v=0:
	number for the log level verbosity
`
