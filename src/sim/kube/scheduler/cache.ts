/**
 * The scheduler's view of the cluster, kept up to date from watch events instead of re-read per
 * pod (upstream's cache + snapshot): each node's allocatable, what its bound pods already request,
 * its host ports, and how many pods of each owner it runs (for topology spreading). Binding a pod
 * adds it here at once, so the next pod in the same settle sees the node's new load.
 */
import type { KubeObject } from '../api/object'
import { bytes, milliCpu } from './quantity'
import { hostPorts, podRequests, type HostPort, type PodRequests } from './pod-resources'

export interface Taint {
  readonly key: string
  readonly value?: string
  readonly effect: string
}

export interface NodeInfo {
  readonly name: string
  node: KubeObject
  labels: Readonly<Record<string, string>>
  taints: readonly Taint[]
  unschedulable: boolean
  allocatableMilliCpu: number
  allocatableMemory: number
  allocatableStorage: number
  allocatablePods: number
  requestedMilliCpu: number
  requestedMemory: number
  requestedStorage: number
  nonZeroMilliCpu: number
  nonZeroMemory: number
  podCount: number
  /** `TCP/0.0.0.0/80` → how many pods hold it. */
  readonly usedPorts: Map<string, number>
  /** Bound pods per controller owner uid (the default spreading selector). */
  readonly ownerCounts: Map<string, number>
  /** Bound pods by key, with their priority (preemption's victims). */
  readonly pods: Map<string, number>
}

interface Accounted {
  readonly node: string
  readonly requests: PodRequests
  readonly ports: readonly HostPort[]
  readonly owner: string | undefined
  /** Terminating pods keep their resources but no longer count for spreading. */
  readonly terminating: boolean
}

export const portKey = (p: HostPort): string => `${p.protocol}/${p.hostIP}/${p.port}`

export const controllerUid = (pod: KubeObject): string | undefined =>
  pod.metadata.ownerReferences?.find((r) => r.controller === true)?.uid

const isTerminal = (pod: KubeObject): boolean => {
  const phase = (pod['status'] as { phase?: string } | undefined)?.phase
  return phase === 'Succeeded' || phase === 'Failed'
}

export class SchedulerCache {
  private readonly nodes = new Map<string, NodeInfo>()
  /** Ordered node names, rebuilt only when nodes come or go. */
  private order: string[] | undefined
  /** The same nodes' infos in that order (the scheduler walks them for every pod). */
  private infos: NodeInfo[] | undefined
  private readonly accounted = new Map<string, Accounted>()
  /** Pods bound to a node the cache has not seen yet (its watch event comes later). */
  private readonly orphans = new Map<string, KubeObject>()

  nodeNames(): readonly string[] {
    this.order ??= [...this.nodes.keys()].sort()
    return this.order
  }

  /** NodeInfos in `nodeNames()` order. */
  nodeList(): readonly NodeInfo[] {
    this.infos ??= this.nodeNames().map((name) => this.nodes.get(name) as NodeInfo)
    return this.infos
  }

  node(name: string): NodeInfo | undefined {
    return this.nodes.get(name)
  }

  get size(): number {
    return this.nodes.size
  }

  upsertNode(node: KubeObject): void {
    const status = (node['status'] as { allocatable?: Record<string, string> } | undefined) ?? {}
    const spec = (node['spec'] as { taints?: Taint[]; unschedulable?: boolean } | undefined) ?? {}
    const alloc = status.allocatable ?? {}
    const existing = this.nodes.get(node.metadata.name)
    const fields = {
      node,
      labels: node.metadata.labels ?? {},
      taints: spec.taints ?? [],
      unschedulable: spec.unschedulable === true,
      allocatableMilliCpu: milliCpu(alloc['cpu']),
      allocatableMemory: bytes(alloc['memory']),
      allocatableStorage: bytes(alloc['ephemeral-storage']),
      allocatablePods: Number(alloc['pods'] ?? 0),
    }
    if (existing !== undefined) {
      Object.assign(existing, fields)
      return
    }
    this.nodes.set(node.metadata.name, {
      name: node.metadata.name,
      ...fields,
      requestedMilliCpu: 0,
      requestedMemory: 0,
      requestedStorage: 0,
      nonZeroMilliCpu: 0,
      nonZeroMemory: 0,
      podCount: 0,
      usedPorts: new Map(),
      ownerCounts: new Map(),
      pods: new Map(),
    })
    this.order = undefined
    this.infos = undefined
    for (const [key, pod] of this.orphans)
      if ((pod['spec'] as { nodeName?: string }).nodeName === node.metadata.name) {
        this.orphans.delete(key)
        this.updatePod(pod)
      }
  }

  removeNode(name: string): void {
    this.nodes.delete(name)
    this.order = undefined
    this.infos = undefined
    for (const [key, a] of this.accounted) if (a.node === name) this.accounted.delete(key)
  }

  /** Accounts a pod's current state: bound and not finished holds its requests on its node. */
  updatePod(pod: KubeObject): void {
    const key = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`
    const nodeName = (pod['spec'] as { nodeName?: string } | undefined)?.nodeName
    const holds = nodeName !== undefined && nodeName !== '' && !isTerminal(pod)
    const previous = this.accounted.get(key)
    const terminating = pod.metadata.deletionTimestamp !== undefined
    if (
      previous !== undefined &&
      holds &&
      previous.node === nodeName &&
      previous.terminating === terminating
    )
      return
    if (previous !== undefined) this.release(key, previous)
    if (!holds) return
    const info = this.nodes.get(nodeName)
    if (info === undefined) {
      this.orphans.set(key, pod)
      return
    }
    const accounted: Accounted = {
      node: nodeName,
      requests: podRequests(pod),
      ports: hostPorts(pod),
      owner: terminating ? undefined : controllerUid(pod),
      terminating,
    }
    this.accounted.set(key, accounted)
    const r = accounted.requests
    info.requestedMilliCpu += r.milliCpu
    info.requestedMemory += r.memory
    info.requestedStorage += r.ephemeralStorage
    info.nonZeroMilliCpu += r.nonZeroMilliCpu
    info.nonZeroMemory += r.nonZeroMemory
    info.podCount++
    for (const p of accounted.ports)
      info.usedPorts.set(portKey(p), (info.usedPorts.get(portKey(p)) ?? 0) + 1)
    if (accounted.owner !== undefined)
      info.ownerCounts.set(accounted.owner, (info.ownerCounts.get(accounted.owner) ?? 0) + 1)
    info.pods.set(key, Number((pod['spec'] as { priority?: number }).priority ?? 0))
  }

  removePod(pod: KubeObject): void {
    const key = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`
    this.orphans.delete(key)
    const previous = this.accounted.get(key)
    if (previous !== undefined) this.release(key, previous)
  }

  private release(key: string, a: Accounted): void {
    this.accounted.delete(key)
    const info = this.nodes.get(a.node)
    if (info === undefined) return
    info.requestedMilliCpu -= a.requests.milliCpu
    info.requestedMemory -= a.requests.memory
    info.requestedStorage -= a.requests.ephemeralStorage
    info.nonZeroMilliCpu -= a.requests.nonZeroMilliCpu
    info.nonZeroMemory -= a.requests.nonZeroMemory
    info.podCount--
    for (const p of a.ports) {
      const n = (info.usedPorts.get(portKey(p)) ?? 1) - 1
      if (n <= 0) info.usedPorts.delete(portKey(p))
      else info.usedPorts.set(portKey(p), n)
    }
    if (a.owner !== undefined) {
      const n = (info.ownerCounts.get(a.owner) ?? 1) - 1
      if (n <= 0) info.ownerCounts.delete(a.owner)
      else info.ownerCounts.set(a.owner, n)
    }
    info.pods.delete(key)
  }
}
