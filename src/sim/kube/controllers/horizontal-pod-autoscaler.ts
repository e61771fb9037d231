/**
 * The HorizontalPodAutoscaler controller (pkg/controller/podautoscaler, 1.32, autoscaling/v2).
 * Every 15 s of virtual time (first one 15 s after the HPA appears, as its rate-limited queue
 * does) it reads the target's scale, asks the resource metrics API for the pods' use, computes
 * the replica count, stabilizes and bounds it, writes it through the target's spec.replicas (the
 * scale subresource) and records status, conditions and events with upstream's texts. Without
 * metrics-server the metric fails: ScalingActive False / FailedGetResourceMetric.
 */
import type { Controller, ControllerContext } from '../cluster'
import type { KubeObject } from '../api/object'
import { formatLabelSelector, matches, parseSelector } from '../api/label-selector'
import { resourceForKind, qualifiedResource } from '../api/resources'
import { servedType } from '../api/resources'
import { keyOf, rfc3339, splitKey } from './common/meta'
import { DelayedRequeue } from './common/retry'
import {
  normalizeWithBehavior,
  normalizeWithoutBehavior,
  type ConditionChange,
  type Recommendation,
  type ScaleEvent,
  type ScalingRules,
} from './hpa/normalize'
import { milliQuantity, resourceReplicas, type ResourceName } from './hpa/replica-calculator'
import { parseQuantity } from '../scheduler/quantity'

const HPAS = servedType('HorizontalPodAutoscaler')
const PODS = servedType('Pod')
const SOURCE = { component: 'horizontal-pod-autoscaler' }
/** --horizontal-pod-autoscaler-sync-period. */
export const HPA_SYNC_MS = 15_000

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'])

type Obj = Record<string, unknown>

interface Condition {
  type: string
  status: string
  lastTransitionTime?: string
  reason?: string
  message?: string
}

interface MetricSpec {
  type?: string
  resource?: {
    name?: string
    target?: { type?: string; averageUtilization?: number; averageValue?: string }
  }
}

interface HpaSpec {
  scaleTargetRef?: { apiVersion?: string; kind?: string; name?: string }
  minReplicas?: number
  maxReplicas?: number
  metrics?: MetricSpec[]
  behavior?: { scaleUp?: ScalingRules; scaleDown?: ScalingRules }
}

interface HpaStatus {
  currentReplicas?: number
  desiredReplicas?: number
  lastScaleTime?: string
  currentMetrics?: unknown[] | null
  conditions?: Condition[]
}

interface Scale {
  target: KubeObject
  replicas: number
  selector: string
}

type Step = { ok: true; value: Scale } | { ok: false; message: string }

/** A metric that could not be computed: the condition's reason and text, the wrapped error. */
class MetricFailure {
  constructor(
    readonly reason: string,
    readonly message: string,
    readonly wrapped: string,
  ) {}
}

export function horizontalPodAutoscalerController(): Controller {
  let ctx: ControllerContext
  const requeue = new DelayedRequeue()
  const recommendations = new Map<string, Recommendation[]>()
  const scaleUps = new Map<string, ScaleEvent[]>()
  const scaleDowns = new Map<string, ScaleEvent[]>()

  const event = (hpa: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string) =>
    ctx.events.record(hpa, type, reason, message, SOURCE)

  function setCondition(status: HpaStatus, type: string, change: ConditionChange): void {
    const conditions = [...(status.conditions ?? [])]
    const at = conditions.findIndex((c) => c.type === type)
    const existing = at === -1 ? undefined : conditions[at]
    const next: Condition = {
      type,
      status: change.status,
      lastTransitionTime:
        existing !== undefined && existing.status === change.status
          ? existing.lastTransitionTime
          : rfc3339(ctx.clock.now()),
      reason: change.reason,
      message: change.message,
    }
    if (at === -1) conditions.push(next)
    else conditions[at] = next
    status.conditions = conditions
  }

  /** The scale subresource of the target: its replicas and selector. */
  function getScale(namespace: string, ref: HpaSpec['scaleTargetRef']): Step {
    const apiVersion = ref?.apiVersion ?? ''
    const kind = ref?.kind ?? ''
    const name = ref?.name ?? ''
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : ''
    const t = resourceForKind(apiVersion, kind)
    if (t === undefined)
      return { ok: false, message: `no matches for kind "${kind}" in group "${group}"` }
    if (!SCALABLE.has(kind))
      return { ok: false, message: 'the server could not find the requested resource' }
    const target = ctx.store.get(t, namespace, name)
    if (target === undefined)
      return { ok: false, message: `${qualifiedResource(t)} "${name}" not found` }
    const spec = (target['spec'] ?? {}) as Obj
    const selector =
      kind === 'ReplicationController'
        ? Object.entries((spec['selector'] ?? {}) as Record<string, string>)
            .map(([k, v]) => `${k}=${v}`)
            .sort()
            .join(',')
        : formatLabelSelector(spec['selector'] as Parameters<typeof formatLabelSelector>[0])
    return {
      ok: true,
      value: {
        target,
        replicas: typeof spec['replicas'] === 'number' ? spec['replicas'] : 1,
        selector,
      },
    }
  }

  /** computeReplicasForMetric for a Resource metric; statuses[i] filled on success. */
  function resourceMetric(
    hpa: KubeObject,
    metric: MetricSpec,
    scale: Scale,
    pods: KubeObject[],
  ): { replicas: number; name: string; status: Obj } | MetricFailure {
    const resource = metric.resource?.name as ResourceName
    const target = metric.resource?.target ?? {}
    const averageMilli =
      target.averageValue === undefined
        ? undefined
        : Math.ceil((parseQuantity(target.averageValue) ?? 0) * 1000 - 1e-9)
    const fail = (message: string): MetricFailure => {
      event(hpa, 'Warning', 'FailedGetResourceMetric', message)
      return new MetricFailure(
        'FailedGetResourceMetric',
        message,
        `failed to get ${resource} resource metric value: ${message}`,
      )
    }
    if (averageMilli === undefined && target.averageUtilization === undefined)
      return fail(
        'invalid resource metric source: neither an average utilization target nor an average value (usage) target was set',
      )
    const proposal = resourceReplicas({
      store: ctx.store,
      pods,
      resource,
      currentReplicas: scale.replicas,
      now: ctx.clock.now(),
      ...(averageMilli !== undefined
        ? { targetAverageMilli: averageMilli }
        : { targetUtilization: target.averageUtilization ?? 0 }),
    })
    if (!proposal.ok)
      return fail(
        `failed to get ${resource} ${averageMilli !== undefined ? 'usage' : 'utilization'}: ${proposal.error}`,
      )
    const current: Obj = {}
    if (proposal.value.utilization !== undefined)
      current['averageUtilization'] = proposal.value.utilization
    current['averageValue'] = milliQuantity(proposal.value.rawAverage)
    return {
      replicas: proposal.value.replicas,
      name:
        averageMilli !== undefined
          ? `${resource} resource`
          : `${resource} resource utilization (percentage of request)`,
      status: { type: 'Resource', resource: { name: resource, current } },
    }
  }

  function reconcile(key: string): void {
    const { namespace, name } = splitKey(key)
    const hpa = ctx.store.get(HPAS, namespace, name)
    if (hpa === undefined) {
      recommendations.delete(key)
      scaleUps.delete(key)
      scaleDowns.delete(key)
      return
    }
    requeue.at(ctx, key, ctx.clock.now() + HPA_SYNC_MS)
    const spec = (hpa['spec'] ?? {}) as HpaSpec
    const original = (hpa['status'] ?? {}) as HpaStatus
    const status: HpaStatus = { ...original }
    const write = (): void => {
      // As autoscaling/v2 marshals it: currentReplicas and lastScaleTime omitted when empty.
      const next: Obj = {
        ...(status.lastScaleTime === undefined ? {} : { lastScaleTime: status.lastScaleTime }),
        ...(status.currentReplicas ? { currentReplicas: status.currentReplicas } : {}),
        desiredReplicas: status.desiredReplicas ?? 0,
        currentMetrics: status.currentMetrics ?? null,
        ...(status.conditions === undefined ? {} : { conditions: status.conditions }),
      }
      if (JSON.stringify(next) === JSON.stringify(hpa['status'] ?? {})) return
      ctx.api.updateStatus(HPAS, { ...hpa, status: next })
    }

    const scale = getScale(namespace, spec.scaleTargetRef)
    if (!scale.ok) {
      event(hpa, 'Warning', 'FailedGetScale', scale.message)
      setCondition(status, 'AbleToScale', {
        status: 'False',
        reason: 'FailedGetScale',
        message: `the HPA controller was unable to get the target's current scale: ${scale.message}`,
      })
      return write()
    }
    setCondition(status, 'AbleToScale', {
      status: 'True',
      reason: 'SucceededGetScale',
      message: "the HPA controller was able to get the target's current scale",
    })
    const current = scale.value.replicas
    const now = ctx.clock.now()
    if (!recommendations.has(key)) recommendations.set(key, [{ replicas: current, at: now }])
    const min = spec.minReplicas ?? 1
    const max = spec.maxReplicas ?? 0
    let desired = 0
    let reason = ''
    let rescale = true
    let statuses: unknown[] | null = status.currentMetrics ?? null

    if (current === 0 && min !== 0) {
      rescale = false
      setCondition(status, 'ScalingActive', {
        status: 'False',
        reason: 'ScalingDisabled',
        message: 'scaling is disabled since the replica count of the target is zero',
      })
    } else if (current > max) {
      reason = 'Current number of replicas above Spec.MaxReplicas'
      desired = max
    } else if (current < min) {
      reason = 'Current number of replicas below Spec.MinReplicas'
      desired = min
    } else {
      const computed = computeReplicasForMetrics(hpa, spec, scale.value, status)
      statuses = computed.statuses
      if (computed.error !== undefined && computed.replicas === -1) {
        status.currentReplicas = current
        status.currentMetrics = statuses
        write()
        event(hpa, 'Warning', 'FailedComputeMetricsReplicas', computed.error)
        return
      }
      if (computed.replicas > desired) desired = computed.replicas
      if (desired > current) reason = `${computed.metric} above target`
      if (desired < current) reason = 'All metrics below target'
      const history = recommendations.get(key) ?? []
      const normalized =
        spec.behavior === undefined
          ? normalizeWithoutBehavior(history, now, current, desired, min, max)
          : normalizeWithBehavior(
              history,
              scaleUps.get(key) ?? [],
              scaleDowns.get(key) ?? [],
              spec.behavior,
              now,
              current,
              desired,
              min,
              max,
            )
      setCondition(status, 'AbleToScale', normalized.ableToScale)
      setCondition(status, 'ScalingLimited', normalized.scalingLimited)
      desired = normalized.replicas
      rescale = desired !== current
    }

    if (rescale) {
      const target = scale.value.target
      const t = resourceForKind(target.apiVersion, target.kind) ?? HPAS
      const updated = ctx.api.update(t, {
        ...target,
        spec: { ...((target['spec'] ?? {}) as Obj), replicas: desired },
      })
      if (!updated.ok) {
        event(
          hpa,
          'Warning',
          'FailedRescale',
          `New size: ${desired}; reason: ${reason}; error: ${updated.error.message}`,
        )
        setCondition(status, 'AbleToScale', {
          status: 'False',
          reason: 'FailedUpdateScale',
          message: `the HPA controller was unable to update the target scale: ${updated.error.message}`,
        })
        status.currentReplicas = current
        status.currentMetrics = statuses
        return write()
      }
      setCondition(status, 'AbleToScale', {
        status: 'True',
        reason: 'SucceededRescale',
        message: `the HPA controller was able to update the target scale to ${desired}`,
      })
      event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`)
      if (spec.behavior !== undefined) {
        const events = desired > current ? scaleUps : scaleDowns
        const list = events.get(key) ?? []
        list.push({ change: Math.abs(desired - current), at: now })
        events.set(key, list)
      }
      status.lastScaleTime = rfc3339(now)
    } else desired = current
    status.currentReplicas = current
    status.desiredReplicas = desired
    status.currentMetrics = statuses
    write()
  }

  /** computeReplicasForMetrics: the highest proposal; -1 when every metric failed. */
  function computeReplicasForMetrics(
    hpa: KubeObject,
    spec: HpaSpec,
    scale: Scale,
    status: HpaStatus,
  ): { replicas: number; metric: string; statuses: unknown[]; error?: string } {
    if (scale.selector === '') {
      event(hpa, 'Warning', 'SelectorRequired', 'selector is required')
      setCondition(status, 'ScalingActive', {
        status: 'False',
        reason: 'InvalidSelector',
        message: "the HPA target's scale is missing a selector",
      })
      return { replicas: -1, metric: '', statuses: [], error: 'selector is required' }
    }
    const parsed = parseSelector(scale.selector)
    const namespace = hpa.metadata.namespace ?? 'default'
    const pods = ctx.store
      .list(PODS, namespace)
      .filter((p) => parsed.ok && matches(parsed.value, p.metadata.labels))
    const metrics = spec.metrics ?? []
    const statuses: unknown[] = metrics.map(() => ({ type: '' }))
    let replicas = 0
    let metric = ''
    let invalid = 0
    let firstError: MetricFailure | undefined
    metrics.forEach((m, i) => {
      let result: { replicas: number; name: string; status: Obj } | MetricFailure
      if (m.type === 'Resource') result = resourceMetric(hpa, m, scale, pods)
      else {
        const message = `unable to get metric ${m.type ?? ''}: no custom metrics API (custom.metrics.k8s.io) registered`
        const reason = `FailedGet${m.type ?? ''}Metric`
        event(hpa, 'Warning', reason, message)
        result = new MetricFailure(reason, message, message)
      }
      if (result instanceof MetricFailure) {
        invalid++
        firstError ??= result
        return
      }
      statuses[i] = result.status
      if (replicas === 0 || result.replicas > replicas) {
        replicas = result.replicas
        metric = result.name
      }
    })
    const error =
      firstError === undefined
        ? undefined
        : `invalid metrics (${invalid} invalid out of ${metrics.length}), first error is: ${firstError.wrapped}`
    if (firstError !== undefined && (invalid >= metrics.length || replicas < scale.replicas)) {
      setCondition(status, 'ScalingActive', {
        status: 'False',
        reason: firstError.reason,
        message: `the HPA was unable to compute the replica count: ${firstError.message}`,
      })
      return { replicas: -1, metric: '', statuses, ...(error === undefined ? {} : { error }) }
    }
    setCondition(status, 'ScalingActive', {
      status: 'True',
      reason: 'ValidMetricFound',
      message: `the HPA was able to successfully calculate a replica count from ${metric}`,
    })
    return { replicas, metric, statuses, ...(error === undefined ? {} : { error }) }
  }

  return {
    name: 'horizontal-pod-autoscaler',
    start(context) {
      ctx = context
      for (const hpa of ctx.store.list(HPAS))
        requeue.at(ctx, keyOf(hpa), ctx.clock.now() + HPA_SYNC_MS)
      ctx.watch(HPAS, (e) => {
        if (e.type === 'DELETED') {
          ctx.enqueue(keyOf(e.object))
          return
        }
        // The queue's fixed-interval rate limiter: a change is looked at on the next tick.
        requeue.at(ctx, keyOf(e.object), ctx.clock.now() + HPA_SYNC_MS)
      })
    },
    reconcile,
  }
}
