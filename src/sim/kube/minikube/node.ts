/**
 * `minikube node add|list|start|stop|delete`: a profile's machines, through K-NODE's runtime. A
 * stopped node's kubelet falls silent; the node-lifecycle controller then marks its Node
 * NotReady and, after the eviction timeout, its pods are replaced elsewhere.
 */
import type { CommandOutput } from '../../shell/command'
import { addNode, deleteNode, startNode, stopNode, type NodeMachine } from '../nodes'
import {
  isProfile,
  loadHealthy,
  loadProfile,
  type Invocation,
  type MinikubeCommand,
  type MinikubeContext,
} from './command'
import { REASONS } from './output'
import { removeNodeContainer, startNodeContainer, stopNodeContainer } from './node-containers'
import { machinesOf, shortNodeName, type MinikubeProfile } from './profiles'
import { DOCKER_VERSION, KICBASE } from './versions'

/** node.Retrieve: by full name (`minikube-m02`) or short (`m02`). */
function findMachine(profile: MinikubeProfile, name: string): NodeMachine | undefined {
  return machinesOf(profile).find((m) => m.name === name || shortNodeName(profile, m) === name)
}

function nodeArg(inv: Invocation, mctx: MinikubeContext, verb: string): string | CommandOutput {
  const name = inv.args[0]
  if (name === undefined) return mctx.out.exit(REASONS.usage, `Usage: minikube node ${verb} [name]`)
  return name
}

function retrieve(
  mctx: MinikubeContext,
  profile: MinikubeProfile,
  name: string,
): NodeMachine | CommandOutput {
  const m = findMachine(profile, name)
  if (m !== undefined) return m
  return mctx.out.exit(REASONS.guestNodeRetrieve, `retrieving node: Could not find node ${name}`)
}

async function add(_inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const profile = loadHealthy(mctx)
  if (!isProfile(profile)) return profile
  const { out } = mctx
  const count = machinesOf(profile).length
  const short = `m${String(count + 1).padStart(2, '0')}`
  out.step('happy', `Adding node ${short} to cluster ${profile.name} as [worker]`)
  if (count === 1)
    out.warning(
      'Cluster was created without any CNI, adding a node to it might cause broken networking.',
    )
  const full = `${profile.name}-${short}`
  out.step('thumbsUp', `Starting "${full}" worker node in "${profile.name}" cluster`)
  out.step('pulling', `Pulling base image ${KICBASE} ...`)
  out.live()
  await mctx.shell.sleep(2_000)
  out.step(
    'startingVm',
    `Creating ${profile.driver} container (CPUs=${profile.cpus}, Memory=${profile.memoryMiB}MB) ...`,
  )
  await mctx.shell.sleep(6_000)
  out.step(
    'docker',
    `Preparing Kubernetes ${profile.kubernetesVersion} on Docker ${DOCKER_VERSION} ...`,
  )
  await mctx.shell.sleep(3_000)
  const added = addNode(profile.cluster)
  if (added.ok) startNodeContainer(mctx.world.docker, profile, added.value)
  out.step('healthCheck', 'Verifying Kubernetes components...')
  await mctx.shell.sleep(3_000)
  out.step('ready', `Successfully added ${short} to ${profile.name}!`)
  return out.result(0)
}

async function list(_inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const profile = loadProfile(mctx)
  if (!isProfile(profile)) return profile
  for (const m of machinesOf(profile)) mctx.out.out(`${m.name}\t${m.ip}\n`)
  return mctx.out.result(0)
}

async function stop(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const name = nodeArg(inv, mctx, 'stop')
  if (typeof name !== 'string') return name
  const profile = loadProfile(mctx)
  if (!isProfile(profile)) return profile
  const m = retrieve(mctx, profile, name)
  if ('exitCode' in m) return m
  const { out } = mctx
  out.step('stopping', `Stopping node "${m.name}"  ...`)
  if (m.running && profile.state !== 'Stopped') {
    out.step('stopped', `Powering off "${m.name}" via SSH ...`)
    out.live()
    await mctx.shell.sleep(2_000)
    stopNode(profile.cluster, m.name)
    stopNodeContainer(mctx.world.docker, m.name)
  }
  out.step('stopped', `Successfully stopped node ${m.name}`)
  return out.result(0)
}

async function start(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const name = nodeArg(inv, mctx, 'start')
  if (typeof name !== 'string') return name
  const profile = loadProfile(mctx)
  if (!isProfile(profile)) return profile
  const m = retrieve(mctx, profile, name)
  if ('exitCode' in m) return m
  const { out } = mctx
  if (m.running && profile.state !== 'Stopped') {
    out.step('check', `${name} is already running`)
    return out.result(0)
  }
  const kind = m.ordinal === 0 ? 'primary control-plane' : 'worker'
  out.step('thumbsUp', `Starting "${m.name}" ${kind} node in "${profile.name}" cluster`)
  out.step('pulling', `Pulling base image ${KICBASE} ...`)
  out.live()
  await mctx.shell.sleep(2_000)
  out.step('restarting', `Restarting existing ${profile.driver} container for "${m.name}" ...`)
  await mctx.shell.sleep(4_000)
  const first = machinesOf(profile)[0]
  if (m.ordinal !== 0 && first !== undefined) {
    out.step('internet', 'Found network options:')
    out.step('option', `NO_PROXY=${first.ip}`)
  }
  out.step(
    'docker',
    `Preparing Kubernetes ${profile.kubernetesVersion} on Docker ${DOCKER_VERSION} ...`,
  )
  if (m.ordinal !== 0 && first !== undefined) out.step('option', `env NO_PROXY=${first.ip}`)
  await mctx.shell.sleep(3_000)
  startNodeContainer(mctx.world.docker, profile, m)
  startNode(profile.cluster, m.name)
  out.step('healthCheck', 'Verifying Kubernetes components...')
  await mctx.shell.sleep(2_000)
  out.step('happy', `Successfully started node ${m.name}!`)
  return out.result(0)
}

async function del(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const name = nodeArg(inv, mctx, 'delete')
  if (typeof name !== 'string') return name
  const profile = loadProfile(mctx)
  if (!isProfile(profile)) return profile
  const m = retrieve(mctx, profile, name)
  if ('exitCode' in m) return m
  const { out } = mctx
  if (m.ordinal === 0)
    return out.exit(
      REASONS.guestNodeDelete,
      'deleting node: cannot remove the primary control-plane node',
    )
  out.step('deletingHost', `Deleting node ${m.name} from cluster ${profile.name}`)
  out.step('stopping', `Stopping node "${m.name}"  ...`)
  out.live()
  if (m.running) {
    out.step('stopped', `Powering off "${m.name}" via SSH ...`)
    await mctx.shell.sleep(2_000)
  }
  out.step('deletingHost', `Deleting "${m.name}" in ${profile.driver} ...`)
  await mctx.shell.sleep(2_000)
  deleteNode(profile.cluster, m.name)
  removeNodeContainer(mctx.world.docker, m.name)
  out.step('deleted', `Node ${m.name} was successfully deleted.`)
  return out.result(0)
}

export const nodeCommand: MinikubeCommand = {
  name: 'node',
  short: 'Add, remove, or list additional nodes',
  long: 'Operations on nodes',
  use: 'node [flags]',
  subcommands: [
    {
      name: 'add',
      short: 'Adds a node to the given cluster.',
      long: 'Adds a node to the given cluster config, and starts it.',
      use: 'node add [flags]',
      flags: () => [
        {
          name: 'control-plane',
          type: 'bool',
          usage:
            'If set, added node will become a control-plane. Defaults to false. Currently only supported for existing HA (multi-control plane) clusters.',
        },
        {
          name: 'worker',
          type: 'bool',
          default: true,
          usage: 'If set, added node will be available as worker. Defaults to true.',
        },
        {
          name: 'delete-on-failure',
          type: 'bool',
          usage:
            'If set, delete the current cluster if start fails and try again. Defaults to false.',
        },
      ],
      run: add,
    },
    {
      name: 'list',
      short: 'List nodes.',
      long: 'List existing minikube nodes.',
      use: 'node list [flags]',
      run: list,
    },
    {
      name: 'start',
      short: 'Starts a node.',
      long: 'Starts an existing stopped node in a cluster.',
      use: 'node start [flags]',
      flags: () => [
        {
          name: 'delete-on-failure',
          type: 'bool',
          usage:
            'If set, delete the current cluster if start fails and try again. Defaults to false.',
        },
      ],
      run: start,
    },
    {
      name: 'stop',
      short: 'Stops a node in a cluster.',
      long: 'Stops a node in a cluster.',
      use: 'node stop [flags]',
      run: stop,
    },
    {
      name: 'delete',
      short: 'Deletes a node from a cluster.',
      long: 'Deletes a node from a cluster.',
      use: 'node delete [flags]',
      run: del,
    },
  ],
}
