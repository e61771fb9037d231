/**
 * `minikube status`, `stop`, `delete`, `pause` and `unpause`: a profile's machines switched on
 * and off through K-NODE's runtime (nodes.ts), the API server served or not, and the kubeconfig
 * kept in step.
 */
import type { CommandOutput } from '../../shell/command'
import { setPaused, stopCluster } from '../nodes'
import {
  isProfile,
  loadProfile,
  loadRunning,
  type Invocation,
  type MinikubeCommand,
  type MinikubeContext,
} from './command'
import { kubeconfigConfigured, removeProfileEntries, unsetCurrentContext } from './kubeconfig-entry'
import { REASONS } from './output'
import { removeNodeContainer, removeProfileNetwork, stopNodeContainer } from './node-containers'
import { machinesOf, serverOf, type MinikubeProfile } from './profiles'
import { unserveNodeDaemon } from './node-daemon'

interface NodeStatus {
  Name: string
  Host: string
  Kubelet: string
  APIServer: string
  Kubeconfig: string
  Worker: boolean
}

async function statuses(mctx: MinikubeContext, profile: MinikubeProfile): Promise<NodeStatus[]> {
  const configured = await kubeconfigConfigured(mctx.shell, profile.name, serverOf(profile))
  return machinesOf(profile).map((m) => {
    const worker = m.ordinal !== 0
    const running = profile.state !== 'Stopped' && m.running
    const paused = profile.state === 'Paused'
    return {
      Name: m.name,
      Host: running ? 'Running' : 'Stopped',
      Kubelet: running && !paused ? 'Running' : 'Stopped',
      APIServer: worker ? 'Irrelevant' : !running ? 'Stopped' : paused ? 'Paused' : 'Running',
      Kubeconfig: worker
        ? 'Irrelevant'
        : !running
          ? 'Stopped'
          : configured
            ? 'Configured'
            : 'Misconfigured',
      Worker: worker,
    }
  })
}

function exitCodeOf(list: readonly NodeStatus[]): number {
  let c = 0
  for (const st of list) {
    if (st.Host !== 'Running') c |= 1
    if ((st.APIServer !== 'Running' && st.APIServer !== 'Irrelevant') || st.Kubelet !== 'Running')
      c |= 2
    if (st.Kubeconfig !== 'Configured' && st.Kubeconfig !== 'Irrelevant') c |= 4
  }
  return c
}

async function status(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const output = String(inv.values['output'] ?? 'text').toLowerCase()
  if (output !== 'text' && output !== 'json')
    return mctx.out.exit(
      REASONS.usage,
      `invalid output format: ${output}. Valid values: 'text', 'json'`,
    )
  const profile = loadProfile(mctx)
  if (!isProfile(profile)) return profile
  let list = await statuses(mctx, profile)
  const node = String(inv.values['node'] ?? '')
  if (node !== '') {
    const one = list.find((s) => s.Name === node || s.Name === `${profile.name}-${node}`)
    if (one === undefined)
      return mctx.out.exit(
        REASONS.guestNodeRetrieve,
        `retrieving node: Could not find node ${node}`,
      )
    list = [one]
  }
  if (output === 'json') {
    const json = list.length === 1 ? JSON.stringify(list[0]) : JSON.stringify(list)
    mctx.out.out(json)
  } else {
    for (const st of list) {
      mctx.out.out(
        st.Worker
          ? `${st.Name}\ntype: Worker\nhost: ${st.Host}\nkubelet: ${st.Kubelet}\n\n`
          : `${st.Name}\ntype: Control Plane\nhost: ${st.Host}\nkubelet: ${st.Kubelet}\napiserver: ${st.APIServer}\nkubeconfig: ${st.Kubeconfig}\n\n`,
      )
      if (st.Kubeconfig === 'Misconfigured')
        mctx.out.out(
          '\nWARNING: Your kubectl is pointing to stale minikube-vm.\nTo fix the kubectl context, run `minikube update-context`\n',
        )
    }
  }
  return mctx.out.result(exitCodeOf(list))
}

/** Stops one profile: every node powered off, the API server gone, the context unset. */
async function stopProfile(mctx: MinikubeContext, profile: MinikubeProfile): Promise<number> {
  const { out } = mctx
  let stopped = 0
  // The node's dockerd goes down with it: docker-env's DOCKER_HOST then cannot connect.
  unserveNodeDaemon(mctx.world, profile)
  for (const m of machinesOf(profile)) {
    out.step('stopping', `Stopping node "${m.name}"  ...`)
    out.live()
    if (profile.state !== 'Stopped' && m.running) {
      out.step('stopped', `Powering off "${m.name}" via SSH ...`)
      await mctx.shell.sleep(2_000)
    }
    stopNodeContainer(mctx.world.docker, m.name)
    stopped++
  }
  if (profile.state !== 'Stopped') {
    stopCluster(profile.cluster)
    profile.state = 'Stopped'
    mctx.world.kube.unserve(serverOf(profile))
  }
  await unsetCurrentContext(mctx.shell, profile.name)
  return stopped
}

async function stop(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const { out, registry } = mctx
  if (inv.values['all'] === true) {
    let total = 0
    for (const p of registry.sorted()) total += await stopProfile(mctx, p)
    out.step('stopped', `${total} node${total === 1 ? '' : 's'} stopped.`)
    return out.result(0)
  }
  const profile = loadProfile(mctx)
  if (!isProfile(profile)) return profile
  const n = await stopProfile(mctx, profile)
  out.step('stopped', `${n} node${n === 1 ? '' : 's'} stopped.`)
  return out.result(0)
}

async function deleteProfile(mctx: MinikubeContext, profile: MinikubeProfile): Promise<void> {
  const { out } = mctx
  out.step('deletingHost', `Deleting "${profile.name}" in ${profile.driver} ...`)
  out.live()
  await mctx.shell.sleep(3_000)
  const machines = machinesOf(profile)
  if (profile.state !== 'Stopped') stopCluster(profile.cluster)
  mctx.world.kube.unserve(serverOf(profile))
  unserveNodeDaemon(mctx.world, profile)
  for (const m of machines) removeNodeContainer(mctx.world.docker, m.name)
  removeProfileNetwork(mctx.world.docker, profile.name)
  mctx.registry.profiles.delete(profile.name)
  out.step('deletingHost', `Deleting container "${profile.name}" ...`)
  const home = mctx.shell.env.get('HOME') ?? '/home/student'
  out.step('deletingHost', `Removing ${home}/.minikube/machines/${profile.name} ...`)
  await removeProfileEntries(mctx.shell, profile.name)
  out.step('deleted', `Removed all traces of the "${profile.name}" cluster.`)
}

async function del(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const { out, registry } = mctx
  if (inv.args.length > 0) return out.exit(REASONS.usage, 'Usage: minikube delete')
  if (inv.values['all'] === true) {
    for (const p of registry.sorted()) await deleteProfile(mctx, p)
    out.step('deleted', 'Successfully deleted all profiles')
    return out.result(0)
  }
  const profile = registry.profiles.get(mctx.profileName)
  if (profile === undefined) {
    // Deleting what does not exist is not an error: minikube says so and cleans up.
    out.step(
      'shrug',
      `Profile "${mctx.profileName}" not found. Run "minikube profile list" to view all profiles.`,
    )
    out.step(
      'workaround',
      `To start a cluster, run: "minikube start${mctx.profileName === 'minikube' ? '' : ` -p ${mctx.profileName}`}"`,
    )
    await removeProfileEntries(mctx.shell, mctx.profileName)
    return out.result(0)
  }
  await deleteProfile(mctx, profile)
  return out.result(0)
}

async function pause(_inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const profile = loadRunning(mctx)
  if (!isProfile(profile)) return profile
  const { out } = mctx
  out.step(
    'pause',
    'Pausing node ' +
      machinesOf(profile)
        .map((m) => m.name)
        .join(', ') +
      ' ... ',
  )
  if (profile.state === 'Running') {
    setPaused(profile.cluster, true)
    profile.state = 'Paused'
  }
  out.step('unpause', 'Paused 14 containers in: kube-system, kubernetes-dashboard, istio-operator')
  return out.result(0)
}

async function unpause(_inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const profile = loadRunning(mctx)
  if (!isProfile(profile)) return profile
  const { out } = mctx
  out.step(
    'pause',
    'Unpausing node ' +
      machinesOf(profile)
        .map((m) => m.name)
        .join(', ') +
      ' ... ',
  )
  if (profile.state === 'Paused') {
    setPaused(profile.cluster, false)
    profile.state = 'Running'
  }
  out.step(
    'unpause',
    'Unpaused 14 containers in: kube-system, kubernetes-dashboard, istio-operator',
  )
  return out.result(0)
}

export const statusCommand: MinikubeCommand = {
  name: 'status',
  short: 'Gets the status of a local Kubernetes cluster',
  long: "Gets the status of a local Kubernetes cluster.\n\tExit status contains the status of minikube's VM, cluster and Kubernetes encoded on it's bits in this order from right to left.\n\tEg: 7 meaning: 1 (for minikube NOK) + 2 (for cluster NOK) + 4 (for Kubernetes NOK)",
  use: 'status [flags]',
  flags: () => [
    {
      name: 'output',
      shorthand: 'o',
      type: 'string',
      default: 'text',
      usage: 'minikube status --output OUTPUT. json, text',
    },
    {
      name: 'node',
      shorthand: 'n',
      type: 'string',
      default: '',
      usage:
        'The node to check status for. Defaults to control plane. Leave blank with default format for status on all nodes.',
    },
    {
      name: 'layout',
      shorthand: 'l',
      type: 'string',
      default: 'nodes',
      usage: "output layout (EXPERIMENTAL, JSON only): 'nodes' or 'cluster'",
    },
  ],
  run: status,
}

export const stopCommand: MinikubeCommand = {
  name: 'stop',
  short: 'Stops a running local Kubernetes cluster',
  long: 'Stops a local Kubernetes cluster. This command stops the underlying VM or container, but keeps user data intact. The cluster can be started again with the "start" command.',
  use: 'stop [flags]',
  flags: () => [
    { name: 'all', type: 'bool', usage: 'Set flag to stop all profiles (clusters)' },
    {
      name: 'keep-context-active',
      type: 'bool',
      usage: 'keep the kube-context active after cluster is stopped. Defaults to false.',
    },
  ],
  run: stop,
}

export const deleteCommand: MinikubeCommand = {
  name: 'delete',
  short: 'Deletes a local Kubernetes cluster',
  long: 'Deletes a local Kubernetes cluster. This command deletes the VM, and removes all\nassociated files.',
  use: 'delete [flags]',
  flags: () => [
    { name: 'all', type: 'bool', usage: 'Set flag to delete all profiles' },
    {
      name: 'purge',
      type: 'bool',
      usage: "Set this flag to delete the '.minikube' folder from your user directory.",
    },
  ],
  run: del,
}

export const pauseCommand: MinikubeCommand = {
  name: 'pause',
  short: 'pause Kubernetes',
  long: 'pause Kubernetes',
  use: 'pause [flags]',
  flags: () => [
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: 'If set, pause all namespaces' },
  ],
  run: pause,
}

export const unpauseCommand: MinikubeCommand = {
  name: 'unpause',
  short: 'unpause Kubernetes',
  long: 'unpause Kubernetes',
  use: 'unpause [flags]',
  flags: () => [
    {
      name: 'all-namespaces',
      shorthand: 'A',
      type: 'bool',
      usage: 'If set, unpause all namespaces',
    },
  ],
  run: unpause,
}
