/**
 * minikube's profiles: one cluster each, with the settings `minikube start` chose (driver, CPUs,
 * memory, Kubernetes version), its docker network (192.168.49.0/24 for the first, then .58,
 * .67… as minikube's network allocator steps by 9), whether it runs, and its addons. They live
 * beside the clusters in the KubeWorld (the machine's ~/.minikube), one registry per world.
 */
import type { KubeCluster } from '../cluster'
import type { KubeWorld } from '../kube-world'
import { clusterRuntime, type NodeMachine } from '../nodes'

export type ProfileState = 'Running' | 'Stopped' | 'Paused'

export interface MinikubeProfile {
  readonly name: string
  readonly driver: string
  readonly cpus: number
  readonly memoryMiB: number
  readonly kubernetesVersion: string
  /** The first three octets of the profile's docker network: `192.168.49`. */
  readonly network: string
  readonly cluster: KubeCluster
  state: ProfileState
  /** Addons enabled on this profile, in the order they were enabled. */
  readonly addons: Set<string>
}

/** The API server URL kubectl reaches the profile at. */
export const serverOf = (profile: MinikubeProfile): string => `https://${profile.network}.2:8443`

/** The control plane's IP (`minikube ip`). */
export const controlPlaneIp = (profile: MinikubeProfile): string => `${profile.network}.2`

export class MinikubeRegistry {
  readonly profiles = new Map<string, MinikubeProfile>()
  /** `minikube config set` values (`profile`, `memory`, `cpus`, `driver`…). */
  readonly config = new Map<string, string>()

  /** The profile commands act on without -p: `minikube config set profile X`, else `minikube`. */
  get activeProfile(): string {
    return this.config.get('profile') ?? 'minikube'
  }

  /** The first docker network no profile uses: 192.168.49, 192.168.58, 192.168.67… */
  freeNetwork(): string {
    const used = new Set([...this.profiles.values()].map((p) => p.network))
    for (let third = 49; third < 255; third += 9) {
      const candidate = `192.168.${third}`
      if (!used.has(candidate)) return candidate
    }
    return '192.168.49'
  }

  sorted(): MinikubeProfile[] {
    return [...this.profiles.values()].sort((a, b) => a.name.localeCompare(b.name))
  }
}

const registries = new WeakMap<KubeWorld, MinikubeRegistry>()

export function minikubeRegistry(world: KubeWorld): MinikubeRegistry {
  let registry = registries.get(world)
  if (registry === undefined) {
    registry = new MinikubeRegistry()
    registries.set(world, registry)
  }
  return registry
}

/** The profile's machines in node order (control plane first). */
export function machinesOf(profile: MinikubeProfile): NodeMachine[] {
  const runtime = clusterRuntime(profile.cluster)
  return [...(runtime?.machines.values() ?? [])].sort((a, b) => a.ordinal - b.ordinal)
}

/** A node's short name as `minikube node add` prints it: `m02` (the profile's own is itself). */
export function shortNodeName(profile: MinikubeProfile, machine: NodeMachine): string {
  return machine.ordinal === 0 ? profile.name : machine.name.slice(profile.name.length + 1)
}

/** minikube's profile name rule (config.ProfileNameValid). */
export function profileNameValid(name: string): boolean {
  return /^[a-zA-Z0-9][a-zA-Z0-9._-]{1,}$/.test(name)
}
