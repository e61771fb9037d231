/**
 * `minikube start`: validates the flags as minikube does (profile name, driver, CPUs, memory,
 * Kubernetes version), then creates the profile's cluster, restarts a stopped one or updates a
 * running one, printing minikube's steps as each phase passes on the virtual clock. The cluster
 * answers at https://<network>.2:8443 and ~/.kube/config points kubectl at it.
 */
import { serveNodeDaemon } from './node-daemon'
import { ramInBytes } from '../../cli-kit/go-units'
import type { CommandOutput } from '../../shell/command'
import { createCluster } from '../bootstrap'
import { startCluster, MINIKUBE_VERSION } from '../nodes'
import { addonInfo, DEFAULT_ADDONS } from './addons-catalog'
import { installAddon } from './addon-workloads'
import type { Invocation, MinikubeCommand, MinikubeContext } from './command'
import { writeProfileEntries } from './kubeconfig-entry'
import { REASONS } from './output'
import { machinesOf, profileNameValid, serverOf, type MinikubeProfile } from './profiles'
import { chooseVersion, compareVersions, DOCKER_VERSION, KICBASE } from './versions'
import { announceAddon } from './addons'
import { startNodeContainer } from './node-containers'
import { hookServiceReach } from './service-reach'

/** The simulated laptop: what gopsutil reports and what the docker daemon offers. */
export const HOST_PLATFORM = 'Debian 12.9'
const HOST_CPUS = 4
const HOST_MEMORY_MIB = 8192
const MIN_MEMORY_MIB = 1800
const DEFAULT_MEMORY_MIB = 2200

/** Seconds each phase takes on the virtual clock (a real start takes about a minute). */
const PHASE_MS = {
  pull: 2_000,
  create: 6_000,
  prepare: 3_000,
  certs: 2_000,
  boot: 9_000,
  rbac: 1_000,
  cni: 1_000,
  verify: 3_000,
  addons: 1_000,
  restart: 4_000,
}

const VM_DRIVERS_NOT_ON_LINUX = ['hyperkit', 'hyperv', 'parallels', 'vfkit', 'krunkit']
const PROVIDER_MISSING: Record<string, string> = {
  podman: `The 'podman' provider was not found: exec: "podman": executable file not found in $PATH`,
  virtualbox: `The 'virtualbox' provider was not found: unable to find VBoxManage in $PATH`,
  kvm2: `The 'kvm2' provider was not found: exec: "virsh": executable file not found in $PATH`,
  qemu2: `The 'qemu2' provider was not found: exec: "qemu-system-x86_64": executable file not found in $PATH`,
  vmware: `The 'vmware' provider was not found: exec: "vmrun": executable file not found in $PATH`,
}

const hash = (s: string): number => {
  let h = 0x811c9dc5
  for (const c of s) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 0x01000193) >>> 0
  return h
}

interface StartPlan {
  driver: string
  driverLine: string
  cpus: number
  memoryMiB: number
  version: string
  nodes: number
  addons: string[]
}

function parseMemory(raw: string): number | string {
  if (raw === 'max' || raw === 'no-limit') return HOST_MEMORY_MIB
  const withUnit = /^\d+$/.test(raw) ? `${raw}mb` : raw
  const parsed = ramInBytes(withUnit)
  if (!parsed.ok) return `Unable to parse memory '${raw}': ${parsed.error}`
  return Math.floor(parsed.value / (1024 * 1024))
}

/** Validates the flags and chooses what to create; an answer is minikube's refusal. */
function plan(
  inv: Invocation,
  mctx: MinikubeContext,
  existing: MinikubeProfile | undefined,
): StartPlan | CommandOutput {
  const { out } = mctx
  const v = inv.values
  const changed = (f: string): boolean => inv.changed.includes(f)
  const configured = (key: string): string | undefined => mctx.registry.config.get(key)

  const driverFlag = changed('driver') ? String(v['driver']) : configured('driver')
  let driver = existing?.driver ?? driverFlag ?? 'docker'
  if (existing === undefined && driverFlag !== undefined) {
    if (VM_DRIVERS_NOT_ON_LINUX.includes(driverFlag) || !isKnownDriver(driverFlag))
      return out.exit(
        REASONS.driverUnsupported,
        `The driver '${driverFlag}' is not supported on linux/amd64`,
      )
    const missing = PROVIDER_MISSING[driverFlag]
    if (missing !== undefined) {
      out.step('sparkle', `Using the ${driverFlag} driver based on user configuration`)
      return out.exit({ id: `PROVIDER_${driverFlag.toUpperCase()}_NOT_FOUND`, code: 65 }, missing)
    }
    if (driverFlag === 'none')
      return out.exit(
        { id: 'GUEST_MISSING_CONNTRACK', code: 86 },
        "Sorry, Kubernetes v1.32.0 requires conntrack to be installed in root's path",
      )
    driver = driverFlag
  }
  const driverLine =
    existing !== undefined
      ? `Using the ${driver} driver based on existing profile`
      : driverFlag !== undefined
        ? `Using the ${driver} driver based on user configuration`
        : 'Automatically selected the docker driver. Other choices: none, ssh'

  // CPUs
  const cpusRaw = changed('cpus') ? String(v['cpus']) : (configured('cpus') ?? '2')
  let cpus = existing?.cpus ?? 2
  if (existing === undefined) {
    cpus = cpusRaw === 'max' || cpusRaw === 'no-limit' ? HOST_CPUS : Number.parseInt(cpusRaw, 10)
    if (!Number.isFinite(cpus))
      return out.exit(REASONS.usage, `Unable to parse cpus '${cpusRaw}': invalid syntax`)
    if (cpus < 2)
      return out.exit(
        REASONS.insufficientCores,
        `Requested cpu count ${cpus} is less than the minimum allowed of 2`,
      )
    if (cpus > HOST_CPUS)
      return out.exit(
        REASONS.overAllocCores,
        `Requested cpu count ${cpus} is greater than the available cpus of ${HOST_CPUS}`,
      )
  } else if (changed('cpus')) {
    out.warning(
      'You cannot change the CPUs for an existing minikube cluster. Please first delete the cluster.',
    )
  }

  // Memory
  const memRaw = changed('memory') ? String(v['memory']) : configured('memory')
  let memoryMiB = existing?.memoryMiB ?? DEFAULT_MEMORY_MIB
  if (existing === undefined && memRaw !== undefined && memRaw !== '') {
    const parsed = parseMemory(memRaw)
    if (typeof parsed === 'string') return out.exit(REASONS.usage, parsed)
    if (parsed < MIN_MEMORY_MIB)
      return out.exit(
        REASONS.insufficientMemory,
        `Requested memory allocation ${parsed}MiB is less than the usable minimum of ${MIN_MEMORY_MIB}MB`,
      )
    if (parsed > HOST_MEMORY_MIB)
      return out.exit(
        REASONS.overAllocMemory,
        `Requested memory allocation ${parsed}MB is more than your system limit ${HOST_MEMORY_MIB}MB.`,
      )
    memoryMiB = parsed
  } else if (existing !== undefined && changed('memory')) {
    out.warning(
      'You cannot change the memory size for an existing minikube cluster. Please first delete the cluster.',
    )
  }

  // Kubernetes version
  const versionRaw = changed('kubernetes-version')
    ? String(v['kubernetes-version'])
    : (configured('kubernetes-version') ?? '')
  let version = existing?.kubernetesVersion ?? 'v1.32.0'
  if (versionRaw !== '' || existing === undefined) {
    const choice = chooseVersion(versionRaw)
    switch (choice.kind) {
      case 'invalid':
        return out.exit(
          REASONS.usage,
          `Unable to parse "${choice.input}": No Major.Minor.Patch elements found`,
        )
      case 'old':
        return out.exit(
          REASONS.k8sOld,
          `Kubernetes ${choice.version} is not supported by this release of minikube`,
        )
      case 'unknown':
        out.warning(
          `Specified Kubernetes version ${choice.version.slice(1)} is newer than the newest supported version: v1.32.0. Use \`minikube config defaults kubernetes-version\` for details.`,
        )
        out.warning(
          `Specified Kubernetes version ${choice.version.slice(1)} not found in Kubernetes version list`,
        )
        out.step('verifying', 'Searching the internet for Kubernetes version...')
        return out.exit(
          REASONS.k8sNew,
          `Kubernetes version ${choice.version} was not found in the GitHub version list`,
        )
      case 'ok':
        if (choice.patchNote !== undefined) out.step('url', choice.patchNote)
        if (choice.newer === true) {
          out.warning(
            `Specified Kubernetes version ${choice.version.slice(1)} is newer than the newest supported version: v1.32.0. Use \`minikube config defaults kubernetes-version\` for details.`,
          )
        }
        if (existing !== undefined && choice.version !== existing.kubernetesVersion) {
          if (compareVersions(choice.version, existing.kubernetesVersion) < 0)
            return out.exit(
              REASONS.k8sDowngrade,
              `Unable to safely downgrade existing Kubernetes ${existing.kubernetesVersion} cluster to ${choice.version}`,
            )
        }
        version = existing?.kubernetesVersion ?? choice.version
    }
  }

  const nodes = Number(v['nodes'] ?? 1)
  if (existing === undefined && nodes < 1)
    return out.exit(REASONS.usage, `Number of nodes ${nodes} must be greater than 0`)
  if (existing !== undefined && changed('nodes'))
    out.warning(
      "You cannot change the number of nodes for an existing minikube cluster. Please use 'minikube node add' to add nodes to an existing cluster.",
    )

  const addons: string[] = []
  for (const a of (v['addons'] as string[] | undefined) ?? []) {
    if (addonInfo(a) === undefined)
      return out.exit(
        { id: 'MK_ADDON_ENABLE', code: 10 },
        `run callbacks: ${a} is not a valid addon`,
      )
    if (!addons.includes(a)) addons.push(a)
  }
  return { driver, driverLine, cpus, memoryMiB, version, nodes, addons }
}

const KNOWN_DRIVERS = [
  'docker',
  'podman',
  'none',
  'ssh',
  'virtualbox',
  'kvm2',
  'qemu2',
  'qemu',
  'vmware',
  ...VM_DRIVERS_NOT_ON_LINUX,
]
const isKnownDriver = (d: string): boolean => KNOWN_DRIVERS.includes(d)

async function phase(mctx: MinikubeContext, ms: number): Promise<boolean> {
  mctx.out.live()
  return mctx.shell.sleep(ms)
}

/** The control plane's and every worker's "Starting … node" block. */
async function startNodes(
  mctx: MinikubeContext,
  profile: MinikubeProfile,
  mode: 'create' | 'restart' | 'update',
  addons: readonly string[],
  createPrimary: () => void,
): Promise<boolean> {
  const { out } = mctx
  const machineType = `${profile.driver} container`
  const cpLine = `Creating ${machineType} (CPUs=${profile.cpus}, Memory=${profile.memoryMiB}MB) ...`
  out.step(
    'thumbsUp',
    `Starting "${profile.name}" primary control-plane node in "${profile.name}" cluster`,
  )
  out.step('pulling', `Pulling base image ${KICBASE} ...`)
  if (!(await phase(mctx, PHASE_MS.pull))) return false
  if (mode === 'create') out.step('startingVm', cpLine)
  else if (mode === 'restart')
    out.step('restarting', `Restarting existing ${machineType} for "${profile.name}" ...`)
  else out.step('running', `Updating the running ${machineType} "${profile.name}" ...`)
  if (!(await phase(mctx, mode === 'create' ? PHASE_MS.create : PHASE_MS.restart))) return false
  out.step(
    'docker',
    `Preparing Kubernetes ${profile.kubernetesVersion} on Docker ${DOCKER_VERSION} ...`,
  )
  if (!(await phase(mctx, PHASE_MS.prepare))) return false
  if (mode === 'create') {
    out.step('option', 'Generating certificates and keys ...')
    if (!(await phase(mctx, PHASE_MS.certs))) return false
    out.step('option', 'Booting up control plane ...')
    createPrimary()
    if (!(await phase(mctx, PHASE_MS.boot))) return false
    out.step('option', 'Configuring RBAC rules ...')
    if (!(await phase(mctx, PHASE_MS.rbac))) return false
    const multi = machinesOf(profile).length > 1
    out.step(
      'cni',
      multi
        ? 'Configuring CNI (Container Networking Interface) ...'
        : 'Configuring bridge CNI (Container Networking Interface) ...',
    )
    if (!(await phase(mctx, PHASE_MS.cni))) return false
  } else {
    createPrimary()
  }
  out.step('healthCheck', 'Verifying Kubernetes components...')
  const enabled = [...profile.addons]
  for (const name of enabled)
    for (const image of addonInfo(name)?.images ?? []) out.step('option', `Using image ${image}`)
  if (!(await phase(mctx, PHASE_MS.verify))) return false
  for (const name of addons) announceAddon(mctx, name, 'start')
  out.step('addonEnable', `Enabled addons: ${enabled.join(', ')}`)

  const machines = machinesOf(profile)
  const ips: string[] = []
  for (const machine of machines) {
    if (machine.ordinal === 0) {
      ips.push(machine.ip)
      continue
    }
    out.out('\n')
    out.step('thumbsUp', `Starting "${machine.name}" worker node in "${profile.name}" cluster`)
    out.step('pulling', `Pulling base image ${KICBASE} ...`)
    if (!(await phase(mctx, PHASE_MS.pull))) return false
    if (mode === 'create') out.step('startingVm', cpLine)
    else if (mode === 'restart')
      out.step('restarting', `Restarting existing ${machineType} for "${machine.name}" ...`)
    else out.step('running', `Updating the running ${machineType} "${machine.name}" ...`)
    if (!(await phase(mctx, mode === 'create' ? PHASE_MS.create : PHASE_MS.restart))) return false
    out.step('internet', 'Found network options:')
    out.step('option', `NO_PROXY=${ips.join(',')}`)
    out.step(
      'docker',
      `Preparing Kubernetes ${profile.kubernetesVersion} on Docker ${DOCKER_VERSION} ...`,
    )
    for (let i = 1; i <= ips.length; i++)
      out.step('option', `env NO_PROXY=${ips.slice(0, i).join(',')}`)
    if (!(await phase(mctx, PHASE_MS.prepare))) return false
    out.step('healthCheck', 'Verifying Kubernetes components...')
    if (!(await phase(mctx, PHASE_MS.verify))) return false
    ips.push(machine.ip)
  }
  return true
}

async function runStart(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const { out, registry, world } = mctx
  const name = mctx.profileName
  const banner = `${name === 'minikube' ? '' : `[${name}] `}minikube ${MINIKUBE_VERSION} on ${HOST_PLATFORM}`
  out.step('happy', banner)
  if (!profileNameValid(name)) {
    out.warning(`Profile name '${name}' is not valid`)
    return out.exit(
      REASONS.usage,
      "Only alphanumeric and dashes '-' are permitted. Minimum 2 characters, starting with alphanumeric.",
    )
  }
  const existing = registry.profiles.get(name)
  const chosen = plan(inv, mctx, existing)
  if ('exitCode' in chosen) return chosen
  out.step('sparkle', chosen.driverLine)
  if (existing === undefined) out.step('notice', 'Using Docker driver with root privileges')

  let profile: MinikubeProfile
  let mode: 'create' | 'restart' | 'update'
  let createPrimary: () => void
  if (existing === undefined) {
    const network = registry.freeNetwork()
    const seed = name === 'minikube' ? world.kube.seed : (world.kube.seed ^ hash(name)) >>> 0
    // The cluster comes into being while "Booting up control plane" shows; until then the
    // profile exists with a placeholder so the node lines can be printed.
    const cluster = createCluster({
      clock: mctx.shell.clock,
      seed,
      profile: name,
      nodes: chosen.nodes,
      cpus: chosen.cpus,
      memoryMiB: chosen.memoryMiB,
      kubernetesVersion: chosen.version,
      driver: chosen.driver,
      network,
    })
    profile = {
      name,
      driver: chosen.driver,
      cpus: chosen.cpus,
      memoryMiB: chosen.memoryMiB,
      kubernetesVersion: chosen.version,
      network,
      cluster,
      state: 'Running',
      addons: new Set<string>(DEFAULT_ADDONS),
    }
    registry.profiles.set(name, profile)
    await mctx.shell.fs.mkdir(`${homeDir(mctx)}/.minikube/profiles/${name}`, { recursive: true })
    mode = 'create'
    createPrimary = () => world.kube.serve(serverOf(profile), profile.cluster)
  } else {
    profile = existing
    mode = existing.state === 'Stopped' ? 'restart' : 'update'
    createPrimary = () => {
      if (profile.state === 'Stopped') startCluster(profile.cluster)
      profile.state = 'Running'
      world.kube.serve(serverOf(profile), profile.cluster)
    }
  }
  for (const a of chosen.addons) profile.addons.add(a)
  const finished = await startNodes(mctx, profile, mode, chosen.addons, () => {
    createPrimary()
    hookServiceReach(world)
    for (const m of machinesOf(profile)) startNodeContainer(world.docker, profile, m)
    // The node's dockerd answers on its published 2376 (`minikube docker-env`).
    serveNodeDaemon(world, profile)
    for (const a of profile.addons) installAddon(profile.cluster, a)
  })
  if (!finished) return out.result(130)
  await writeClientCerts(mctx)
  await writeProfileEntries(mctx.shell, name, serverOf(profile))
  out.step(
    'ready',
    `Done! kubectl is now configured to use "${name}" cluster and "default" namespace by default`,
  )
  return out.result(0)
}

const homeDir = (mctx: MinikubeContext): string => mctx.shell.env.get('HOME') ?? '/home/student'

/**
 * minikube's client certificates, which `minikube docker-env`'s DOCKER_CERT_PATH names: the
 * docker client refuses DOCKER_TLS_VERIFY without them. Placeholders: nothing verifies them.
 */
async function writeClientCerts(mctx: MinikubeContext): Promise<void> {
  const dir = `${homeDir(mctx)}/.minikube/certs`
  await mctx.shell.fs.mkdir(dir, { recursive: true })
  for (const [file, label] of [
    ['ca.pem', 'CERTIFICATE'],
    ['cert.pem', 'CERTIFICATE'],
    ['key.pem', 'RSA PRIVATE KEY'],
  ] as const) {
    const path = `${dir}/${file}`
    if (await mctx.shell.fs.exists(path)) continue
    const body = 'UXVhaSBzaW11bGF0ZWQgbWluaWt1YmUgY2VydGlmaWNhdGU='
    await mctx.shell.fs.writeFile(
      path,
      `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`,
    )
  }
}

export const startCommand: MinikubeCommand = {
  name: 'start',
  short: 'Starts a local Kubernetes cluster',
  long: 'Starts a local Kubernetes cluster',
  use: 'start [flags]',
  flags: () => [
    {
      name: 'addons',
      type: 'stringSlice',
      default: [],
      usage: 'Enable addons. see `minikube addons list` for a list of valid addon names.',
    },
    {
      name: 'cpus',
      type: 'string',
      default: '2',
      usage:
        'Number of CPUs allocated to Kubernetes. Use "max" to use the maximum number of CPUs. Use "no-limit" to not specify a limit (Docker/Podman only)',
    },
    {
      name: 'driver',
      shorthand: 'd',
      type: 'string',
      default: '',
      usage:
        'Driver is one of: virtualbox, kvm2, qemu2, qemu, vmware, none, docker, podman, ssh (defaults to auto-detect)',
    },
    {
      name: 'force',
      type: 'bool',
      usage: 'Force minikube to perform possibly dangerous operations',
    },
    {
      name: 'kubernetes-version',
      type: 'string',
      default: '',
      usage:
        "The Kubernetes version that the minikube VM will use (ex: v1.2.3, 'stable' for v1.32.0, 'latest' for v1.32.0). Defaults to 'stable'.",
    },
    {
      name: 'memory',
      type: 'string',
      default: '',
      usage:
        'Amount of RAM to allocate to Kubernetes (format: <number>[<unit>], where unit = b, k, m or g). Use "max" to use the maximum amount of memory. Use "no-limit" to not specify a limit (Docker/Podman only)',
    },
    {
      name: 'nodes',
      shorthand: 'n',
      type: 'int',
      default: 1,
      usage: 'The total number of nodes to spin up. Defaults to 1.',
    },
    {
      name: 'container-runtime',
      type: 'string',
      default: '',
      usage:
        'The container runtime to be used. Valid options: docker, cri-o, containerd (default: auto)',
    },
    {
      name: 'disk-size',
      type: 'string',
      default: '20000mb',
      usage:
        'Disk size allocated to the minikube VM (format: <number>[<unit>], where unit = b, k, m or g).',
    },
    {
      name: 'cni',
      type: 'string',
      default: '',
      usage:
        'CNI plug-in to use. Valid options: auto, bridge, calico, cilium, flannel, kindnet, or path to a CNI manifest (default: auto)',
    },
    {
      name: 'wait',
      type: 'stringSlice',
      default: ['apiserver', 'system_pods'],
      usage:
        "comma separated list of Kubernetes components to verify and wait for after starting a cluster. defaults to \"apiserver,system_pods\", available options: \"apiserver,system_pods,default_sa,apps_running,node_ready,kubelet\" . other acceptable values are 'all' or 'none', 'true' and 'false'",
    },
    {
      name: 'keep-context',
      type: 'bool',
      usage: 'This will keep the existing kubectl context and will create a minikube context.',
    },
    {
      name: 'extra-config',
      type: 'stringArray',
      default: [],
      usage:
        'A set of key=value pairs that describe configuration that may be passed to different components.',
    },
  ],
  run: runStart,
}
