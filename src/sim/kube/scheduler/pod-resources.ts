/**
 * What a pod asks of a node, as the scheduler computes it (pkg/scheduler/framework/types.go,
 * computePodResourceRequest): the sum of its containers' requests, at least the largest init
 * container's, plus overhead; a limit without a request counts as the request (API defaulting).
 * Scoring uses "non-zero" requests, where a container asking nothing counts 100m CPU and 200MB.
 */
import type { KubeObject } from '../api/object'
import { bytes, milliCpu } from './quantity'

export interface PodRequests {
  readonly milliCpu: number
  readonly memory: number
  readonly ephemeralStorage: number
  /** For scoring only: empty requests count as 100m / 200 MB (util.DefaultMilliCPURequest…). */
  readonly nonZeroMilliCpu: number
  readonly nonZeroMemory: number
}

export interface HostPort {
  readonly protocol: string
  readonly hostIP: string
  readonly port: number
}

const DEFAULT_MILLI_CPU = 100
const DEFAULT_MEMORY = 200 * 1024 * 1024

type Resources = { requests?: Record<string, unknown>; limits?: Record<string, unknown> }
type ContainerLike = {
  resources?: Resources
  ports?: { hostPort?: number; protocol?: string; hostIP?: string }[]
}

const request = (r: Resources | undefined, name: string): unknown =>
  r?.requests?.[name] ?? r?.limits?.[name]

export const podSpecOf = (pod: KubeObject): Record<string, unknown> =>
  (pod['spec'] as Record<string, unknown> | undefined) ?? {}

const containersOf = (spec: Record<string, unknown>, field: string): ContainerLike[] =>
  (spec[field] as ContainerLike[] | undefined) ?? []

export function podRequests(pod: KubeObject): PodRequests {
  const spec = podSpecOf(pod)
  let cpu = 0
  let memory = 0
  let storage = 0
  let nzCpu = 0
  let nzMemory = 0
  for (const c of containersOf(spec, 'containers')) {
    const r = c.resources
    const cCpu = request(r, 'cpu')
    const cMem = request(r, 'memory')
    cpu += milliCpu(cCpu)
    memory += bytes(cMem)
    storage += bytes(request(r, 'ephemeral-storage'))
    nzCpu += cCpu === undefined ? DEFAULT_MILLI_CPU : milliCpu(cCpu)
    nzMemory += cMem === undefined ? DEFAULT_MEMORY : bytes(cMem)
  }
  for (const c of containersOf(spec, 'initContainers')) {
    cpu = Math.max(cpu, milliCpu(request(c.resources, 'cpu')))
    memory = Math.max(memory, bytes(request(c.resources, 'memory')))
  }
  const overhead = spec['overhead'] as Record<string, unknown> | undefined
  if (overhead !== undefined) {
    cpu += milliCpu(overhead['cpu'])
    memory += bytes(overhead['memory'])
  }
  return {
    milliCpu: cpu,
    memory,
    ephemeralStorage: storage,
    nonZeroMilliCpu: nzCpu,
    nonZeroMemory: nzMemory,
  }
}

/** The host ports a pod's containers claim (NodePorts filter). */
export function hostPorts(pod: KubeObject): HostPort[] {
  const out: HostPort[] = []
  for (const c of containersOf(podSpecOf(pod), 'containers'))
    for (const p of c.ports ?? [])
      if (p.hostPort !== undefined && p.hostPort > 0)
        out.push({ protocol: p.protocol ?? 'TCP', hostIP: p.hostIP ?? '0.0.0.0', port: p.hostPort })
  return out
}
