/**
 * The pod status a kubelet reports (kubelet_pods.go generateAPIPodStatus): phase, the five
 * conditions in the order 1.32 lists them, containerStatuses, IPs, QoS class. Condition times
 * move only when a condition's status does.
 */
import type { KubeObject } from '../api/object'
import { podRequests } from '../scheduler/pod-resources'
import type { PullAnswer } from './images'
import type { ContainerSpecLike, ProcessBehaviour } from './process'
import type { ProbeSpec } from './probes'
import { rfc3339 } from './time'

export interface Terminated {
  exitCode: number
  reason: string
  startedAt: number
  finishedAt: number
  containerID: string
}

export interface ContainerWorker {
  name: string
  spec: ContainerSpecLike & {
    readinessProbe?: ProbeSpec
    livenessProbe?: ProbeSpec
    resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> }
  }
  /** As the pod spec names it (`nginx`). */
  image: string
  /** As the runtime reports it (`nginx:latest`). */
  reference: string
  policy: string
  state: 'waiting' | 'running' | 'terminated'
  waitingReason?: string | undefined
  waitingMessage?: string | undefined
  terminated?: Terminated | undefined
  lastTerminated?: Terminated | undefined
  restartCount: number
  everStarted?: boolean
  ready: boolean
  started: boolean
  containerID?: string
  startedAt?: number
  pulled?: PullAnswer
  pull?: { requestedAt: number; durationMs: number; doneAt: number; answer: PullAnswer } | undefined
  pullBackoffMs: number
  pullRetryAt?: number | undefined
  errorAt?: number
  crashBackoffMs: number
  restartAt?: number | undefined
  behaviour?: ProcessBehaviour
  exitAt?: number | undefined
  exitCode?: number | undefined
  killAt?: number
  killCode?: number
  probeFailures: number
  readinessSuccesses: number
  readinessFailures?: number
  livenessNextAt?: number | undefined
  readinessNextAt?: number | undefined
}

export interface PodWorker {
  key: string
  uid: string
  node: string
  hostIP: string
  ip: string
  startTime: number
  restartPolicy: string
  containers: ContainerWorker[]
  conditionTimes: Map<string, { status: string; at: number }>
  deleted: boolean
  stoppedWhileDown: boolean
  killRequestedAt?: number
  /** The status last written (compared as its JSON would be). */
  lastReported?: Record<string, unknown>
  /** qosClass of the spec object it was computed from (a pod's spec changes seldom, reports often). */
  qos?: { readonly spec: unknown; readonly value: string }
  scheduledFor?: number
}

/** v1qos.GetPodQOS: Guaranteed, Burstable or BestEffort. */
export function qosClass(pod: KubeObject): string {
  const containers =
    (pod['spec'] as { containers?: ContainerWorker['spec'][] } | undefined)?.containers ?? []
  let any = false
  let guaranteed = true
  for (const c of containers) {
    const requests = c.resources?.requests ?? {}
    const limits = c.resources?.limits ?? {}
    if (Object.keys(requests).length > 0 || Object.keys(limits).length > 0) any = true
    for (const r of ['cpu', 'memory']) {
      const limit = limits[r]
      if (limit === undefined) guaranteed = false
      else if (requests[r] !== undefined && String(requests[r]) !== String(limit))
        guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

function cachedQosClass(pod: KubeObject, w: PodWorker): string {
  const spec = pod['spec']
  if (w.qos === undefined || w.qos.spec !== spec) w.qos = { spec, value: qosClass(pod) }
  return w.qos.value
}

const terminatedJson = (t: Terminated): Record<string, unknown> => ({
  containerID: t.containerID,
  exitCode: t.exitCode,
  finishedAt: rfc3339(t.finishedAt),
  reason: t.reason,
  startedAt: rfc3339(t.startedAt),
})

function containerStatus(c: ContainerWorker): Record<string, unknown> {
  let state: Record<string, unknown>
  if (c.state === 'running') state = { running: { startedAt: rfc3339(c.startedAt ?? 0) } }
  else if (c.state === 'terminated' && c.terminated !== undefined)
    state = { terminated: terminatedJson(c.terminated) }
  else {
    const waiting: Record<string, unknown> = {}
    if (c.waitingMessage !== undefined) waiting['message'] = c.waitingMessage
    waiting['reason'] = c.waitingReason ?? 'ContainerCreating'
    state = { waiting }
  }
  const pulled = c.pulled?.ok === true ? c.pulled : undefined
  // Optional keys added in place (not spread in): same keys, same order.
  const status: Record<string, unknown> = {}
  if (c.containerID !== undefined) status['containerID'] = c.containerID
  status['image'] = pulled?.reference ?? c.image
  status['imageID'] = c.containerID === undefined ? '' : (pulled?.imageID ?? '')
  status['lastState'] =
    c.lastTerminated === undefined ? {} : { terminated: terminatedJson(c.lastTerminated) }
  status['name'] = c.name
  status['ready'] = c.ready
  status['restartCount'] = c.restartCount
  status['started'] = c.state === 'running' && c.started
  status['state'] = state
  return status
}

/** PodPhase from the containers (getPhase): Pending until one runs, terminal when all are done. */
function phaseOf(w: PodWorker): string {
  let running = 0
  let waiting = 0
  let succeeded = 0
  let failed = 0
  let restarting = 0
  for (const c of w.containers) {
    if (c.state === 'running') running++
    else if (c.state === 'waiting') {
      if (c.lastTerminated !== undefined || c.everStarted === true) restarting++
      else waiting++
    } else if (c.restartAt !== undefined) restarting++
    else if (c.terminated?.exitCode === 0) succeeded++
    else failed++
  }
  if (waiting > 0 && running === 0 && restarting === 0) return 'Pending'
  if (running > 0 || restarting > 0) return 'Running'
  if (waiting > 0) return 'Pending'
  if (failed > 0) return 'Failed'
  return succeeded > 0 ? 'Succeeded' : 'Pending'
}

export function podStatus(
  pod: KubeObject,
  w: PodWorker,
  now: number,
  final: boolean,
): Record<string, unknown> {
  let phase = phaseOf(w)
  // Deleted pods end in a terminal phase (1.27+): Succeeded when every container exited 0.
  if (final)
    phase = w.containers.every((c) => c.terminated?.exitCode === 0) ? 'Succeeded' : 'Failed'
  const terminal = phase === 'Succeeded' || phase === 'Failed'
  const unready = w.containers.filter((c) => !c.ready).map((c) => c.name)
  const condition = (
    type: string,
    status: string,
    reason?: string,
    message?: string,
  ): Record<string, unknown> => {
    const seen = w.conditionTimes.get(type)
    const at = seen !== undefined && seen.status === status ? seen.at : now
    if (seen === undefined) w.conditionTimes.set(type, { status, at })
    else if (seen.status !== status || seen.at !== at) {
      seen.status = status
      seen.at = at
    }
    // Optional keys added in place (not spread in): same keys, same order, no copies per report.
    const c: Record<string, unknown> = { lastProbeTime: null, lastTransitionTime: rfc3339(at) }
    if (message !== undefined) c['message'] = message
    if (reason !== undefined) c['reason'] = reason
    c['status'] = status
    c['type'] = type
    return c
  }
  const readyReason = terminal
    ? 'PodCompleted'
    : unready.length > 0
      ? 'ContainersNotReady'
      : undefined
  const readyMessage =
    !terminal && unready.length > 0
      ? `containers with unready status: [${unready.join(' ')}]`
      : undefined
  const readyStatus = unready.length === 0 && !terminal ? 'True' : 'False'
  const previous = (pod['status'] as { conditions?: Record<string, unknown>[] } | undefined) ?? {}
  const scheduled = previous.conditions?.find((c) => c['type'] === 'PodScheduled') ?? {
    lastProbeTime: null,
    lastTransitionTime: rfc3339(w.startTime),
    status: 'True',
    type: 'PodScheduled',
  }
  return {
    conditions: [
      condition('PodReadyToStartContainers', terminal && final ? 'False' : 'True'),
      condition('Initialized', 'True', terminal ? 'PodCompleted' : undefined),
      condition('Ready', readyStatus, readyReason, readyMessage),
      condition('ContainersReady', readyStatus, readyReason, readyMessage),
      scheduled,
    ],
    containerStatuses: w.containers.map(containerStatus),
    hostIP: w.hostIP,
    hostIPs: [{ ip: w.hostIP }],
    phase,
    podIP: w.ip,
    podIPs: [{ ip: w.ip }],
    qosClass: cachedQosClass(pod, w),
    startTime: rfc3339(w.startTime),
  }
}

export { podRequests }
