/**
 * The HPA's replica count for a Resource metric (pkg/controller/podautoscaler/replica_calculator.go,
 * 1.32): pods are sorted into ready, unready (CPU only: not Ready, or Ready too recently for a
 * full metric window), missing (no metric yet) and ignored (deleted or failed); the usage ratio of
 * the ready ones, within the 10% tolerance, keeps the count, else ceil(ratio × ready pods); missing
 * and unready pods are then assumed at the least favourable value so they never cause a flip.
 * Values are in milli-units (millicores, millibytes), as Quantity.MilliValue gives them.
 */
import { err, ok, type Result } from '../../../core/errors'
import type { KubeObject } from '../../api/object'
import { isPodReady, podPhase } from '../common/pods'
import { timeMs } from '../common/meta'
import { parseQuantity } from '../../scheduler/quantity'
import { metricsApiServed, podUsage } from './pod-usage'
import type { ObjectStore } from '../../store/object-store'

/** --horizontal-pod-autoscaler-tolerance. */
export const TOLERANCE = 0.1
/** --horizontal-pod-autoscaler-cpu-initialization-period. */
const CPU_INITIALIZATION_MS = 5 * 60_000
/** --horizontal-pod-autoscaler-initial-readiness-delay. */
const INITIAL_READINESS_DELAY_MS = 30_000
/** minikube runs metrics-server with --metric-resolution=60s: each sample spans a minute. */
export const METRIC_WINDOW_MS = 60_000

export type ResourceName = 'cpu' | 'memory'

interface PodMetric {
  readonly value: number
  readonly timestamp: number
}

/** The metrics client's GetResourceMetric: pod name → summed container use. */
export function fetchResourceMetrics(
  store: ObjectStore,
  pods: readonly KubeObject[],
  resource: ResourceName,
  now: number,
): Result<Map<string, PodMetric>, string> {
  if (!metricsApiServed(store))
    return err(
      'unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)',
    )
  const table = podUsage(store)
  const metrics = new Map<string, PodMetric>()
  for (const pod of pods) {
    if (podPhase(pod) !== 'Running') continue
    const usage = table.of(pod)
    const value = resource === 'cpu' ? usage.cpu : usage.memory * 1000
    metrics.set(pod.metadata.name, { value: Math.round(value), timestamp: now })
  }
  if (metrics.size === 0) return err('no metrics returned from resource metrics API')
  return ok(metrics)
}

interface Groups {
  ready: number
  unready: Set<string>
  missing: Set<string>
  ignored: Set<string>
}

function readyCondition(pod: KubeObject): { status?: string; lastTransitionTime?: string } {
  const conditions = (
    pod['status'] as
      { conditions?: { type: string; status?: string; lastTransitionTime?: string }[] } | undefined
  )?.conditions
  return (conditions ?? []).find((c) => c.type === 'Ready') ?? {}
}

function groupPods(
  pods: readonly KubeObject[],
  metrics: ReadonlyMap<string, PodMetric>,
  resource: ResourceName,
  now: number,
): Groups {
  const groups: Groups = { ready: 0, unready: new Set(), missing: new Set(), ignored: new Set() }
  for (const pod of pods) {
    const name = pod.metadata.name
    if (pod.metadata.deletionTimestamp !== undefined || podPhase(pod) === 'Failed') {
      groups.ignored.add(name)
      continue
    }
    if (podPhase(pod) === 'Pending') {
      groups.unready.add(name)
      continue
    }
    const metric = metrics.get(name)
    if (metric === undefined) {
      groups.missing.add(name)
      continue
    }
    if (resource === 'cpu') {
      const condition = readyCondition(pod)
      const start = timeMs((pod['status'] as { startTime?: string } | undefined)?.startTime)
      const transition = timeMs(condition.lastTransitionTime) ?? 0
      let unready: boolean
      if (condition.status === undefined || start === undefined) unready = true
      else if (start + CPU_INITIALIZATION_MS > now)
        unready = !isPodReady(pod) || metric.timestamp < transition + METRIC_WINDOW_MS
      else unready = condition.status === 'False' && start + INITIAL_READINESS_DELAY_MS > transition
      if (unready) {
        groups.unready.add(name)
        continue
      }
    }
    groups.ready++
  }
  return groups
}

/** calculatePodRequests: each pod's summed container requests, or the first one missing. */
function podRequests(
  pods: readonly KubeObject[],
  resource: ResourceName,
): Result<Map<string, number>, string> {
  const requests = new Map<string, number>()
  for (const pod of pods) {
    let sum = 0
    const containers =
      (
        pod['spec'] as {
          containers?: { name: string; resources?: { requests?: Record<string, unknown> } }[]
        }
      ).containers ?? []
    for (const c of containers) {
      const request = c.resources?.requests?.[resource]
      if (request === undefined)
        return err(
          `missing request for ${resource} in container ${c.name} of Pod ${pod.metadata.name}`,
        )
      sum += Math.ceil((parseQuantity(request) ?? 0) * 1000 - 1e-9)
    }
    requests.set(pod.metadata.name, sum)
  }
  return ok(requests)
}

interface Utilization {
  ratio: number
  utilization: number
  rawAverage: number
}

/** GetResourceUtilizationRatio (integer percent, as upstream truncates it). */
function utilizationRatio(
  metrics: ReadonlyMap<string, PodMetric>,
  requests: ReadonlyMap<string, number>,
  target: number,
): Result<Utilization, string> {
  let metricsTotal = 0
  let requestsTotal = 0
  let entities = 0
  for (const [name, metric] of metrics) {
    const request = requests.get(name)
    if (request === undefined) continue
    metricsTotal += metric.value
    requestsTotal += request
    entities++
  }
  if (requestsTotal === 0) return err('no metrics returned matched known pods')
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal)
  return ok({
    ratio: utilization / target,
    utilization,
    rawAverage: Math.trunc(metricsTotal / entities),
  })
}

export interface Proposal {
  readonly replicas: number
  /** averageUtilization (percent), when the target is a utilization. */
  readonly utilization?: number
  /** averageValue, in milli-units. */
  readonly rawAverage: number
}

/** GetResourceReplicas (target: averageUtilization) or GetRawResourceReplicas (averageValue). */
export function resourceReplicas(args: {
  store: ObjectStore
  pods: readonly KubeObject[]
  resource: ResourceName
  currentReplicas: number
  now: number
  targetUtilization?: number
  targetAverageMilli?: number
}): Result<Proposal, string> {
  const { pods, resource, currentReplicas, now } = args
  const fetched = fetchResourceMetrics(args.store, pods, resource, now)
  if (!fetched.ok) return err(`unable to get metrics for resource ${resource}: ${fetched.error}`)
  if (pods.length === 0) return err('no pods returned by selector while calculating replica count')
  const metrics = new Map(fetched.value)
  const groups = groupPods(pods, metrics, resource, now)
  for (const name of [...groups.ignored, ...groups.unready]) metrics.delete(name)
  if (metrics.size === 0)
    return err('did not receive metrics for targeted pods (pods might be unready)')

  let requests: Map<string, number> | undefined
  let ratioOf: (m: ReadonlyMap<string, PodMetric>) => Result<Utilization, string>
  let fallback: (pod: string) => number
  if (args.targetUtilization !== undefined) {
    const target = args.targetUtilization
    const found = podRequests(pods, resource)
    if (!found.ok) return found
    requests = found.value
    const known = requests
    ratioOf = (m) => utilizationRatio(m, known, target)
    fallback = (pod) => ((known.get(pod) ?? 0) * Math.max(100, target)) / 100
  } else {
    const target = args.targetAverageMilli ?? 0
    ratioOf = (m) => {
      let total = 0
      for (const metric of m.values()) total += metric.value
      const average = Math.trunc(total / m.size)
      return ok({ ratio: average / target, utilization: average, rawAverage: average })
    }
    fallback = () => target
  }

  const first = ratioOf(metrics)
  if (!first.ok) return first
  const { ratio, utilization, rawAverage } = first.value
  const proposal = (replicas: number): Result<Proposal, string> =>
    ok({
      replicas,
      ...(args.targetUtilization !== undefined ? { utilization } : {}),
      rawAverage,
    })
  const scaleUpWithUnready = groups.unready.size > 0 && ratio > 1.0
  if (!scaleUpWithUnready && groups.missing.size === 0) {
    if (Math.abs(1.0 - ratio) <= TOLERANCE) return proposal(currentReplicas)
    return proposal(Math.ceil(ratio * groups.ready))
  }
  for (const name of groups.missing)
    metrics.set(name, { value: ratio < 1.0 ? fallback(name) : 0, timestamp: now })
  if (scaleUpWithUnready)
    for (const name of groups.unready) metrics.set(name, { value: 0, timestamp: now })
  const second = ratioOf(metrics)
  if (!second.ok) return second
  const newRatio = second.value.ratio
  if (
    Math.abs(1.0 - newRatio) <= TOLERANCE ||
    (ratio < 1.0 && newRatio > 1.0) ||
    (ratio > 1.0 && newRatio < 1.0)
  )
    return proposal(currentReplicas)
  const replicas = Math.ceil(newRatio * metrics.size)
  if (
    (newRatio < 1.0 && replicas > currentReplicas) ||
    (newRatio > 1.0 && replicas < currentReplicas)
  )
    return proposal(currentReplicas)
  return proposal(replicas)
}

/** resource.NewMilliQuantity(v, DecimalSI).String(): `250m`, `1`, `1500m`, `64M`. */
export function milliQuantity(milli: number): string {
  if (milli === 0) return '0'
  const suffixes: [number, string][] = [
    [21, 'E'],
    [18, 'P'],
    [15, 'T'],
    [12, 'G'],
    [9, 'M'],
    [6, 'k'],
    [3, ''],
  ]
  for (const [exp, suffix] of suffixes) {
    const unit = 10 ** exp
    if (milli % unit === 0) return `${milli / unit}${suffix}`
  }
  return `${milli}m`
}
