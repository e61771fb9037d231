/**
 * The pods table: READY `1/1`, STATUS by kubelet's reason precedence (Init:…, waiting and
 * terminated reasons, Completed back to Running/NotReady while a container still runs,
 * Terminating), RESTARTS `2 (5m ago)`, and the wide columns IP, NODE, NOMINATED NODE, READINESS
 * GATES (pkg/printers/internalversion printPod).
 */
import type { KubeObject } from '../api/object'
import {
  AGE_COLUMN,
  ageOf,
  arr,
  col,
  NAME_COLUMN,
  parseTime,
  rec,
  since,
  str,
  type Printer,
  type PrintedRow,
} from './table'

interface ContainerState {
  waiting?: { reason?: string }
  running?: unknown
  terminated?: { reason?: string; exitCode?: number; signal?: number; finishedAt?: string }
}

interface ContainerStatus {
  name?: string
  ready?: boolean
  started?: boolean
  restartCount?: number
  state?: ContainerState
  lastState?: ContainerState
}

interface Condition {
  type?: string
  status?: string
  reason?: string
}

const isRestartableInit = (c: Record<string, unknown> | undefined): boolean =>
  c !== undefined && c['restartPolicy'] === 'Always'

const conditionTrue = (conditions: Condition[], type: string): boolean =>
  conditions.some((c) => c.type === type && c.status === 'True')

/** podInitialized: the first Initialized condition decides. */
function initializedTrue(conditions: Condition[]): boolean {
  const c = conditions.find((x) => x.type === 'Initialized')
  return c?.status === 'True'
}

export function podRow(pod: KubeObject, nowMs: number): PrintedRow {
  const spec = rec(pod['spec'])
  const status = rec(pod['status'])
  const containers = arr<Record<string, unknown>>(spec['containers'])
  const initSpecs = arr<Record<string, unknown>>(spec['initContainers'])
  const conditions = arr<Condition>(status['conditions'])
  const phase = str(status['phase'])
  let restarts = 0
  let restartableInitRestarts = 0
  let totalContainers = containers.length
  let readyContainers = 0
  let lastRestart = NaN
  let lastRestartableInitRestart = NaN
  const later = (a: number, b: number): number => (Number.isNaN(a) || b > a ? b : a)

  let reason = str(status['reason']) !== '' ? str(status['reason']) : phase
  for (const c of conditions)
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated'

  const conditionsOut: PrintedRow['conditions'] =
    phase === 'Succeeded'
      ? [
          {
            type: 'Completed',
            status: 'True',
            reason: 'Succeeded',
            message: 'The pod has completed successfully.',
          },
        ]
      : phase === 'Failed'
        ? [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }]
        : undefined

  const initByName = new Map<string, Record<string, unknown>>()
  for (const c of initSpecs) {
    initByName.set(str(c['name']), c)
    if (isRestartableInit(c)) totalContainers++
  }

  let initializing = false
  const initStatuses = arr<ContainerStatus>(status['initContainerStatuses'])
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i] as ContainerStatus
    restarts += container.restartCount ?? 0
    const finished = parseTime(container.lastState?.terminated?.finishedAt)
    if (container.lastState?.terminated !== undefined && !Number.isNaN(finished))
      lastRestart = later(lastRestart, finished)
    const restartable = isRestartableInit(initByName.get(container.name ?? ''))
    if (restartable) {
      restartableInitRestarts += container.restartCount ?? 0
      if (container.lastState?.terminated !== undefined && !Number.isNaN(finished))
        lastRestartableInitRestart = later(lastRestartableInitRestart, finished)
    }
    const terminated = container.state?.terminated
    const waiting = container.state?.waiting
    if (terminated !== undefined && (terminated.exitCode ?? 0) === 0) continue
    if (restartable && container.started === true) {
      if (container.ready) readyContainers++
      continue
    }
    if (terminated !== undefined) {
      if (!terminated.reason) {
        reason =
          terminated.signal !== undefined && terminated.signal !== 0
            ? `Init:Signal:${terminated.signal}`
            : `Init:ExitCode:${terminated.exitCode ?? 0}`
      } else reason = `Init:${terminated.reason}`
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`
    } else {
      reason = `Init:${i}/${initSpecs.length}`
    }
    initializing = true
    break
  }

  if (!initializing || initializedTrue(conditions)) {
    restarts = restartableInitRestarts
    lastRestart = lastRestartableInitRestart
    let hasRunning = false
    const statuses = arr<ContainerStatus>(status['containerStatuses'])
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i] as ContainerStatus
      restarts += container.restartCount ?? 0
      const finished = parseTime(container.lastState?.terminated?.finishedAt)
      if (container.lastState?.terminated !== undefined && !Number.isNaN(finished))
        lastRestart = later(lastRestart, finished)
      const waiting = container.state?.waiting
      const terminated = container.state?.terminated
      if (waiting?.reason) reason = waiting.reason
      else if (terminated?.reason) reason = terminated.reason
      else if (terminated !== undefined)
        reason =
          terminated.signal !== undefined && terminated.signal !== 0
            ? `Signal:${terminated.signal}`
            : `ExitCode:${terminated.exitCode ?? 0}`
      else if (container.ready && container.state?.running !== undefined) {
        hasRunning = true
        readyContainers++
      }
    }
    if (reason === 'Completed' && hasRunning)
      reason = conditionTrue(conditions, 'Ready') ? 'Running' : 'NotReady'
  }

  const deleting = typeof pod.metadata.deletionTimestamp === 'string'
  if (deleting && str(status['reason']) === 'NodeLost') reason = 'Unknown'
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating'

  let restartsText = String(restarts)
  if (restarts !== 0 && !Number.isNaN(lastRestart))
    restartsText = `${restarts} (${since(new Date(lastRestart).toISOString(), nowMs)} ago)`

  const podIPs = arr<{ ip?: string }>(status['podIPs'])
  const podIP = podIPs[0]?.ip || '<none>'
  const nodeName = str(spec['nodeName']) || '<none>'
  const nominated = str(status['nominatedNodeName']) || '<none>'
  const gates = arr<{ conditionType?: string }>(spec['readinessGates'])
  let readinessGates = '<none>'
  if (gates.length > 0) {
    let trueCount = 0
    for (const gate of gates) {
      const c = conditions.find((x) => x.type === gate.conditionType)
      if (c?.status === 'True') trueCount++
    }
    readinessGates = `${trueCount}/${gates.length}`
  }
  return {
    cells: [
      pod.metadata.name,
      `${readyContainers}/${totalContainers}`,
      reason,
      restartsText,
      ageOf(pod, nowMs),
      podIP,
      nodeName,
      nominated,
      readinessGates,
    ],
    ...(conditionsOut === undefined ? {} : { conditions: conditionsOut }),
  }
}

export const POD_PRINTER: Printer = {
  columns: [
    NAME_COLUMN,
    col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'string', 'The aggregate status of the containers in this pod.'),
    col(
      'Restarts',
      'string',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    AGE_COLUMN,
    col(
      'IP',
      'string',
      'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
      1,
    ),
    col(
      'Node',
      'string',
      'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename',
      1,
    ),
    col(
      'Nominated Node',
      'string',
      'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot promptly be placed because of the preemption.',
      1,
    ),
    col(
      'Readiness Gates',
      'string',
      'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates',
      1,
    ),
  ],
  row: podRow,
}
