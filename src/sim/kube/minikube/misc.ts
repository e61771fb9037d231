/**
 * The small minikube commands: ip, version, profile (list / switch), kubectl, update-context,
 * service and config.
 */
import type { CommandOutput } from '../../shell/command'
import { kubectlShellCommand } from '../kubectl/kubectl'
import { servedType } from '../api/resources'
import { MINIKUBE_COMMIT, MINIKUBE_VERSION } from '../nodes'
import {
  isProfile,
  loadProfile,
  loadRunning,
  type Invocation,
  type MinikubeCommand,
  type MinikubeContext,
} from './command'
import { writeProfileEntries, kubeconfigPath } from './kubeconfig-entry'
import { readKubeconfigFile } from '../kubeconfig'
import { REASONS } from './output'
import { controlPlaneIp, machinesOf, serverOf } from './profiles'
import { pipeTable } from './table'

async function ip(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const profile = loadRunning(mctx)
  if (!isProfile(profile)) return profile
  const node = String(inv.values['node'] ?? '')
  const m =
    node === ''
      ? machinesOf(profile)[0]
      : machinesOf(profile).find((x) => x.name === node || x.name === `${profile.name}-${node}`)
  if (m === undefined)
    return mctx.out.exit(REASONS.guestNodeRetrieve, `retrieving node: Could not find node ${node}`)
  mctx.out.out(`${m.ip}\n`)
  return mctx.out.result(0)
}

async function version(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const o = String(inv.values['output'] ?? '')
  if (inv.values['short'] === true) mctx.out.out(`${MINIKUBE_VERSION}\n`)
  else if (o === 'json')
    mctx.out.out(`{"commit":"${MINIKUBE_COMMIT}","minikubeVersion":"${MINIKUBE_VERSION}"}\n`)
  else if (o === 'yaml')
    mctx.out.out(`commit: ${MINIKUBE_COMMIT}\nminikubeVersion: ${MINIKUBE_VERSION}\n`)
  else if (o !== '') return mctx.out.exit(REASONS.usage, "error: --output must be 'yaml' or 'json'")
  else mctx.out.out(`minikube version: ${MINIKUBE_VERSION}\ncommit: ${MINIKUBE_COMMIT}\n`)
  return mctx.out.result(0)
}

async function profileList(_inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const { out, registry } = mctx
  const profiles = registry.sorted()
  if (profiles.length === 0) {
    out.err('conflict', 'Exiting due to MK_USAGE_NO_PROFILE: No minikube profile was found.')
    out.out('\n')
    out.err('tip', "Suggestion: \n\n\t You can create one using 'minikube start'.\n")
    return out.result(14)
  }
  const kubeconfig = await readKubeconfigFile(mctx.shell.fs, kubeconfigPath(mctx.shell))
  const current = kubeconfig.ok ? kubeconfig.value.currentContext : ''
  const rows = profiles.map((p) => [
    p.name,
    p.driver,
    'docker',
    controlPlaneIp(p),
    '8443',
    p.kubernetesVersion,
    p.state === 'Stopped' ? 'Stopped' : p.state === 'Paused' ? 'Paused' : 'OK',
    String(machinesOf(p).length),
    p.name === registry.activeProfile ? '*' : '',
    p.name === current ? '*' : '',
  ])
  out.out(
    pipeTable(
      [
        'Profile',
        'VM Driver',
        'Runtime',
        'IP',
        'Port',
        'Version',
        'Status',
        'Nodes',
        'Active Profile',
        'Active Kubecontext',
      ],
      rows,
    ),
  )
  return out.result(0)
}

async function profileCmd(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const { out, registry } = mctx
  const name = inv.args[0]
  if (name === undefined) {
    out.out(`${registry.activeProfile}\n`)
    return out.result(0)
  }
  if (name === 'list') return profileList(inv, mctx)
  if (!registry.profiles.has(name)) {
    out.warning(
      `if you want to create a profile you can by this command: minikube start -p ${name}`,
    )
    return out.result(0)
  }
  if (name === 'minikube') registry.config.delete('profile')
  else registry.config.set('profile', name)
  const profile = registry.profiles.get(name)
  if (profile !== undefined && profile.state !== 'Stopped')
    await writeProfileEntries(mctx.shell, name, serverOf(profile))
  out.step('check', `minikube profile was successfully set to ${name}`)
  return out.result(0)
}

async function kubectl(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const profile = mctx.registry.profiles.get(mctx.profileName)
  const args = [...(profile === undefined ? [] : [`--context=${profile.name}`]), ...inv.args]
  return kubectlShellCommand(mctx.world).run(args, mctx.shell)
}

async function updateContext(_inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const profile = loadProfile(mctx)
  if (!isProfile(profile)) return profile
  const kubeconfig = await readKubeconfigFile(mctx.shell.fs, kubeconfigPath(mctx.shell))
  const cluster = kubeconfig.ok
    ? kubeconfig.value.clusters.find((c) => c.name === profile.name)
    : undefined
  await writeProfileEntries(mctx.shell, profile.name, serverOf(profile))
  if (cluster?.value.server === serverOf(profile))
    mctx.out.step('check', `"${profile.name}" context is accurate`)
  else
    mctx.out.step(
      'celebrate',
      `"${profile.name}" context has been updated to point to ${controlPlaneIp(profile)}:8443`,
    )
  mctx.out.step('check', `Current context is "${profile.name}"`)
  return mctx.out.result(0)
}

interface ServicePort {
  name?: string
  port: number
  targetPort?: number | string
  nodePort?: number
}

async function service(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const { out } = mctx
  const name = inv.args[0]
  if (name === undefined || inv.args.length > 1)
    return out.exit(REASONS.usage, 'You must specify service name(s) or --all')
  const profile = loadRunning(mctx)
  if (!isProfile(profile)) return profile
  const ns = String(inv.values['namespace'] ?? 'default')
  const svc = profile.cluster.store.get(servedType('Service'), ns, name)
  if (svc === undefined)
    return out.exit(
      REASONS.svcNotFound,
      `Service '${name}' was not found in '${ns}' namespace.\nYou may select another namespace by using 'minikube service ${name} -n <namespace>'. Or list out all the services using 'minikube service list'`,
    )
  const spec = (svc['spec'] ?? {}) as { type?: string; ports?: ServicePort[] }
  const ports = spec.ports ?? []
  const nodePorts = ports.filter((p) => p.nodePort !== undefined)
  const ipAddr = controlPlaneIp(profile)
  if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') {
    out.out(
      pipeTable(['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'], [[ns, name, '', 'No node port']]),
    )
    out.err('sad', `service ${ns}/${name} has no node port`)
    return out.result(0)
  }
  const urls = nodePorts.map((p) => `http://${ipAddr}:${p.nodePort}`)
  if (inv.values['url'] === true) {
    out.out(urls.map((u) => `${u}\n`).join(''))
    return out.result(0)
  }
  const target = (p: ServicePort): string =>
    p.name !== undefined && p.name !== '' ? `${p.name}/${p.port}` : String(p.port)
  out.out(
    pipeTable(
      ['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'],
      nodePorts.map((p, i) => [i === 0 ? ns : '', i === 0 ? name : '', target(p), urls[i] ?? '']),
    ),
  )
  out.step('celebrate', `Opening service ${ns}/${name} in default browser...`)
  out.err('warning', 'Quai: no browser here. Open the URL above with curl from this shell.')
  return out.result(0)
}

async function configCmd(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const { out, registry } = mctx
  const [verb, key, value] = inv.args
  switch (verb) {
    case 'set':
      if (key === undefined || value === undefined)
        return out.exit(
          REASONS.usage,
          'not enough arguments ([]).\nusage: minikube config set PROPERTY_NAME PROPERTY_VALUE',
        )
      registry.config.set(key, value)
      out.warning('These changes will take effect upon a minikube delete and then a minikube start')
      return out.result(0)
    case 'get': {
      const v = key === undefined ? undefined : registry.config.get(key)
      if (v === undefined) {
        out.streams.err(`Error: specified key could not be found in config\n`)
        return out.result(1)
      }
      out.out(`${v}\n`)
      return out.result(0)
    }
    case 'unset':
      if (key !== undefined) registry.config.delete(key)
      return out.result(0)
    case 'view':
      for (const [k, v] of [...registry.config.entries()].sort()) out.out(`- ${k}: ${v}\n`)
      return out.result(0)
    default:
      return out.exit(REASONS.usage, 'usage: minikube config SUBCOMMAND [flags]')
  }
}

export const ipCommand: MinikubeCommand = {
  name: 'ip',
  short: 'Retrieves the IP address of the specified node',
  long: 'Retrieves the IP address of the specified node, and writes it to STDOUT.',
  use: 'ip [flags]',
  flags: () => [
    {
      name: 'node',
      shorthand: 'n',
      type: 'string',
      default: '',
      usage: 'The node to get IP. Defaults to the primary control plane.',
    },
  ],
  run: ip,
}

export const versionCommand: MinikubeCommand = {
  name: 'version',
  short: 'Print the version of minikube',
  long: 'Print the version of minikube.',
  use: 'version [flags]',
  flags: () => [
    {
      name: 'components',
      type: 'bool',
      usage:
        'list versions of all components included with minikube. (the cluster must be running)',
    },
    {
      name: 'output',
      shorthand: 'o',
      type: 'string',
      default: '',
      usage: "One of 'yaml' or 'json'.",
    },
    { name: 'short', type: 'bool', usage: 'Print just the version number.' },
  ],
  run: version,
}

export const profileCommand: MinikubeCommand = {
  name: 'profile',
  short: 'Get or list the current profiles (clusters)',
  long: 'profile sets the current minikube profile, or gets the current profile if no arguments are provided.  This is used to run and manage multiple minikube instance.  You can return to the default minikube profile by running `minikube profile default`',
  use: 'profile [MINIKUBE_PROFILE_NAME].  You can return to the default minikube profile by running `minikube profile default` [flags]',
  subcommands: [
    {
      name: 'list',
      short: 'Lists all minikube profiles.',
      long: 'Lists all valid minikube profiles and detects all possible invalid profiles.',
      use: 'profile list [flags]',
      flags: () => [
        {
          name: 'output',
          shorthand: 'o',
          type: 'string',
          default: 'table',
          usage: "The output format. One of 'json', 'table'",
        },
        {
          name: 'light',
          shorthand: 'l',
          type: 'bool',
          usage:
            'If true, returns list of profiles faster by skipping validating the status of the cluster.',
        },
      ],
      run: profileList,
    },
  ],
  run: profileCmd,
}

export const kubectlCommand: MinikubeCommand = {
  name: 'kubectl',
  short: 'Run a kubectl binary matching the cluster version',
  long: 'Run the Kubernetes client, download it if necessary. Remember -- after kubectl!\n\nThis will run the Kubernetes client (kubectl) with the same version as the cluster\n\nNormally it will download a binary matching the host operating system and architecture,\nbut optionally you can also run it directly on the control plane over the ssh connection.\nThis can be useful if you cannot run kubectl locally for some reason, like unsupported\nhost. Please be aware that when using --ssh all paths will apply to the remote machine.',
  use: 'kubectl [flags]',
  flags: () => [
    { name: 'ssh', type: 'bool', usage: 'Use SSH for running kubernetes client on the node' },
  ],
  run: kubectl,
}

export const updateContextCommand: MinikubeCommand = {
  name: 'update-context',
  short: 'Update kubeconfig in case of an IP or port change',
  long: 'Retrieves the IP address of the running cluster, checks it\n\t\t\twith IP in kubeconfig, and corrects kubeconfig if incorrect.',
  use: 'update-context [flags]',
  run: updateContext,
}

export const serviceCommand: MinikubeCommand = {
  name: 'service',
  short: 'Returns a URL to connect to a service',
  long: 'Returns the Kubernetes URL(s) for service(s) in your local cluster. In the case of multiple URLs they will be printed one at a time.',
  use: 'service [flags] SERVICE',
  flags: () => [
    {
      name: 'namespace',
      shorthand: 'n',
      type: 'string',
      default: 'default',
      usage: 'The service namespace',
    },
    {
      name: 'url',
      type: 'bool',
      usage:
        'Display the Kubernetes service URL in the CLI instead of opening it in the default browser',
    },
    {
      name: 'all',
      type: 'bool',
      usage: 'Forwards all services in a namespace (defaults to "false")',
    },
    {
      name: 'https',
      type: 'bool',
      usage: 'Open the service URL with https instead of http (defaults to "false")',
    },
  ],
  run: service,
}

export const configCommand: MinikubeCommand = {
  name: 'config',
  short: 'Modify persistent configuration values',
  long: 'config modifies minikube config files using subcommands like "minikube config set driver kvm2"\nConfigurable fields: \n\n * driver\n * container-runtime\n * feature-gates\n * v\n * cpus\n * disk-size\n * host-only-cidr\n * memory\n * log_dir\n * kubernetes-version\n * iso-url\n * WantUpdateNotification\n * WantBetaUpdateNotification\n * ReminderWaitPeriodInHours\n * WantNoneDriverWarning\n * WantVirtualBoxDriverWarning\n * profile\n * bootstrapper\n * insecure-registry\n * hyperv-virtual-switch\n * disable-driver-mounts\n * cache\n * EmbedCerts\n * native-ssh\n * rootless',
  use: 'config SUBCOMMAND [flags]',
  run: configCmd,
}
