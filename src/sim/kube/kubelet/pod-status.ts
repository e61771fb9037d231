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
  lastReported?: string
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

const terminatedJson = (t: Terminated): Record<string, unknown> => ({
  containerID: t.containerID,
  exitCode: t.exitCode,
  finishedAt: rfc3339(t.finishedAt),
  reason: t.reason,
  startedAt: rfc3339(t.startedAt),
})

function containerStatus(c: ContainerWorker): Record<string, unknown> {
  const state =
    c.state === 'running'
      ? { running: { startedAt: rfc3339(c.startedAt ?? 0) } }
      : c.state === 'terminated' && c.terminated !== undefined
        ? { terminated: terminatedJson(c.terminated) }
        : {
            waiting: {
              ...(c.waitingMessage === undefined ? {} : { message: c.waitingMessage }),
              reason: c.waitingReason ?? 'ContainerCreating',
            },
          }
  const pulled = c.pulled?.ok === true ? c.pulled : undefined
  return {
    ...(c.containerID === undefined ? {} : { containerID: c.containerID }),
    image: pulled?.reference ?? c.image,
    imageID: c.containerID === undefined ? '' : (pulled?.imageID ?? ''),
    lastState:
      c.lastTerminated === undefined ? {} : { terminated: terminatedJson(c.lastTerminated) },
    name: c.name,
    ready: c.ready,
    restartCount: c.restartCount,
    started: c.state === 'running' && c.started,
    state,
  }
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
    w.conditionTimes.set(type, { status, at })
    return {
      lastProbeTime: null,
      lastTransitionTime: rfc3339(at),
      ...(message === undefined ? {} : { message }),
      ...(reason === undefined ? {} : { reason }),
      status,
      type,
    }
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
    qosClass: qosClass(pod),
    startTime: rfc3339(w.startTime),
  }
}

export { podRequests }
