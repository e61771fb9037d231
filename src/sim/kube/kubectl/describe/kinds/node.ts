/**
 * NodeDescriber: conditions, addresses, capacity, system info, the node's lease, the pods running
 * on it with their requests and limits as a share of allocatable, and its events (recorded both
 * against the node's uid and, by the kubelet, against its name).
 */
import type { Node, Pod } from '../../../api/object'
import { err, ok } from '../../../../core/errors'
import { getOf, listOf } from '../client'
import type { Describer } from '../describer'
import { describeEvents, searchEvents } from '../events'
import {
  formatTime,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTaintsMultiline,
  since,
  sortedKeys,
  type Taint,
} from '../format'
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from '../prefix-writer'
import {
  addResourceList,
  maxResourceList,
  milliValue,
  parseResourceList,
  quantityString,
  value,
  ZERO,
  type ResourceList,
} from '../quantity'

interface Lease {
  spec?: { holderIdentity?: string; acquireTime?: string; renewTime?: string }
}

const ROLE_PREFIX = 'node-role.kubernetes.io/'

/** findNodeRoles: from `node-role.kubernetes.io/<role>` and `kubernetes.io/role=<role>` labels. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length)
      if (role.length > 0) roles.add(role)
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v)
  }
  return [...roles].sort()
}

/** resourcehelper.PodRequestsAndLimits: containers summed, init containers as a floor, plus overhead. */
export function podRequestsAndLimits(pod: Pod): { requests: ResourceList; limits: ResourceList } {
  const requests: ResourceList = {}
  const limits: ResourceList = {}
  for (const c of pod.spec?.containers ?? []) {
    addResourceList(requests, parseResourceList(c.resources?.requests))
    addResourceList(limits, parseResourceList(c.resources?.limits))
  }
  const sidecarReqs: ResourceList = {}
  const sidecarLims: ResourceList = {}
  const initReqs: ResourceList = {}
  const initLims: ResourceList = {}
  for (const c of pod.spec?.initContainers ?? []) {
    const reqs = parseResourceList(c.resources?.requests)
    const lims = parseResourceList(c.resources?.limits)
    if ((c as { restartPolicy?: string }).restartPolicy === 'Always') {
      // Sidecars run alongside the app containers: they add up.
      addResourceList(requests, reqs)
      addResourceList(limits, lims)
      addResourceList(sidecarReqs, reqs)
      addResourceList(sidecarLims, lims)
      maxResourceList(initReqs, { ...sidecarReqs })
      maxResourceList(initLims, { ...sidecarLims })
    } else {
      const r: ResourceList = {}
      addResourceList(r, reqs)
      addResourceList(r, sidecarReqs)
      maxResourceList(initReqs, r)
      const l: ResourceList = {}
      addResourceList(l, lims)
      addResourceList(l, sidecarLims)
      maxResourceList(initLims, l)
    }
  }
  maxResourceList(requests, initReqs)
  maxResourceList(limits, initLims)
  const overhead = parseResourceList(pod.spec?.overhead)
  addResourceList(requests, overhead)
  for (const [name, q] of Object.entries(overhead))
    if (limits[name] !== undefined) addResourceList(limits, { [name]: q })
  return { requests, limits }
}

const pct = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.trunc((part / whole) * 100)

/** describeNodeResource: the pods table and `Allocated resources:`. */
function describeNodeResource(
  pods: readonly Pod[],
  node: Node,
  w: PrefixWriter,
  nowMs: number,
): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(
    LEVEL_1,
    'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n',
  )
  w.write(
    LEVEL_1,
    '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n',
  )
  const allocatable = parseResourceList(
    Object.keys(node.status?.allocatable ?? {}).length > 0
      ? node.status?.allocatable
      : node.status?.capacity,
  )
  const cpu = milliValue(allocatable['cpu'] ?? ZERO)
  const memory = value(allocatable['memory'] ?? ZERO)
  // A node reporting no CPU or memory divides by zero in Go: the float is ±Inf or NaN, which
  // int64() turns into the minimum int64 on amd64.
  const goPct = (part: number, whole: number): string =>
    whole === 0 ? '-9223372036854775808' : String(pct(part, whole))
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod)
    const cr = requests['cpu'] ?? ZERO
    const cl = limits['cpu'] ?? ZERO
    const mr = requests['memory'] ?? ZERO
    const ml = limits['memory'] ?? ZERO
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${quantityString(cr)} (${goPct(milliValue(cr), cpu)}%)\t${quantityString(cl)} (${goPct(milliValue(cl), cpu)}%)\t${quantityString(mr)} (${goPct(value(mr), memory)}%)\t${quantityString(ml)} (${goPct(value(ml), memory)}%)\t${since(pod.metadata?.creationTimestamp, nowMs)}\n`,
    )
  }
  w.write(
    LEVEL_0,
    'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n',
  )
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n')
  w.write(LEVEL_1, '--------\t--------\t------\n')
  const reqs: ResourceList = {}
  const lims: ResourceList = {}
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod)
    addResourceList(reqs, requests)
    addResourceList(lims, limits)
  }
  const row = (name: string, scaled: (q: typeof ZERO) => number): void => {
    const r = reqs[name] ?? ZERO
    const l = lims[name] ?? ZERO
    const whole = scaled(allocatable[name] ?? ZERO)
    w.write(
      LEVEL_1,
      `${name}\t${quantityString(r)} (${pct(scaled(r), whole)}%)\t${quantityString(l)} (${pct(scaled(l), whole)}%)\n`,
    )
  }
  row('cpu', milliValue)
  row('memory', value)
  row('ephemeral-storage', value)
  const names = sortedKeys(allocatable)
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) row(name, value)
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods'])
  for (const name of names.filter(
    (n) => !n.startsWith('hugepages-') && !standard.has(n) && n.includes('/'),
  ))
    w.write(
      LEVEL_1,
      `${name}\t${quantityString(reqs[name] ?? ZERO)}\t${quantityString(lims[name] ?? ZERO)}\n`,
    )
}

export const describeNode: Describer = (ctx, t, _namespace, name) => {
  const got = ctx.client.get(t, '', name)
  if (!got.ok) return err(got.error)
  const node = got.value as unknown as Node
  const nodeName = node.metadata?.name ?? name
  const pods = listOf<Pod>(
    ctx.client,
    'Pod',
    undefined,
    (p) =>
      p.spec?.nodeName === nodeName &&
      p.status?.phase !== 'Succeeded' &&
      p.status?.phase !== 'Failed',
    { fieldSelector: `spec.nodeName=${nodeName},status.phase!=Succeeded,status.phase!=Failed` },
  )
  const events = ctx.settings.showEvents
    ? [
        ...searchEvents(ctx.client, {
          name: nodeName,
          namespace: '',
          kind: 'Node',
          uid: node.metadata?.uid ?? '',
        }),
        ...searchEvents(ctx.client, { name: nodeName, namespace: '', kind: 'Node', uid: nodeName }),
      ]
    : undefined
  const lease = getOf<Lease>(ctx.client, 'Lease', 'kube-node-lease', nodeName)
  const meta = node.metadata ?? {}
  const status = node.status ?? {}
  const info = status.nodeInfo
  return ok(
    tabbedString((w) => {
      w.write(LEVEL_0, `Name:\t${nodeName}\n`)
      const roles = nodeRoles(node)
      w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`)
      printLabelsMultiline(w, 'Labels', meta.labels)
      printAnnotationsMultiline(w, 'Annotations', meta.annotations)
      w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(meta.creationTimestamp)}\n`)
      printTaintsMultiline(w, 'Taints', node.spec?.taints as Taint[] | undefined)
      w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true ? 'true' : 'false'}\n`)
      if (lease === undefined)
        w.write(
          LEVEL_0,
          `Lease:\tFailed to get lease: leases.coordination.k8s.io "${nodeName}" not found\n`,
        )
      else {
        w.write(LEVEL_0, 'Lease:\n')
        const spec = lease.spec ?? {}
        w.write(LEVEL_1, `HolderIdentity:\t${spec.holderIdentity ?? '<unset>'}\n`)
        w.write(
          LEVEL_1,
          `AcquireTime:\t${spec.acquireTime ? formatTime(spec.acquireTime) : '<unset>'}\n`,
        )
        w.write(LEVEL_1, `RenewTime:\t${spec.renewTime ? formatTime(spec.renewTime) : '<unset>'}\n`)
      }
      const conditions = status.conditions ?? []
      if (conditions.length > 0) {
        w.write(
          LEVEL_0,
          'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n',
        )
        w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
        for (const c of conditions)
          w.write(
            LEVEL_1,
            `${c.type} \t${c.status} \t${formatTime(c.lastHeartbeatTime)} \t${formatTime(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
          )
      }
      w.write(LEVEL_0, 'Addresses:\n')
      for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`)
      const printList = (list: Record<string, unknown> | undefined): void => {
        for (const k of sortedKeys(list))
          w.write(LEVEL_0, `  ${k}:\t${quantityString(parseResourceList(list)[k] ?? ZERO)}\n`)
      }
      if (Object.keys(status.capacity ?? {}).length > 0) {
        w.write(LEVEL_0, 'Capacity:\n')
        printList(status.capacity)
      }
      if (Object.keys(status.allocatable ?? {}).length > 0) {
        w.write(LEVEL_0, 'Allocatable:\n')
        printList(status.allocatable)
      }
      w.write(LEVEL_0, 'System Info:\n')
      w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`)
      w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`)
      w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`)
      w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`)
      w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`)
      w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`)
      w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`)
      w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`)
      w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`)
      w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`)
      if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`)
      if ((node.spec?.podCIDRs ?? []).length > 0)
        w.write(LEVEL_0, `PodCIDRs:\t${(node.spec?.podCIDRs ?? []).join(',')}\n`)
      if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`)
      describeNodeResource(pods, node, w, ctx.settings.nowMs)
      if (events !== undefined) describeEvents(events, w, ctx.settings.nowMs)
    }),
  )
}
