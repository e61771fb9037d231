/**
 * From the metrics' proposal to the replica count the HPA sets (horizontal.go): without
 * spec.behavior, scale-down takes the highest recommendation of the last 5 minutes and scale-up
 * is capped at max(2 × current, 4); with spec.behavior, each direction's stabilization window and
 * rate policies (Pods / Percent per period, selectPolicy Max / Min / Disabled). Each step names
 * the AbleToScale and ScalingLimited conditions it leads to.
 */

/** --horizontal-pod-autoscaler-downscale-stabilization. */
export const DOWNSCALE_STABILIZATION_MS = 5 * 60_000

export interface Recommendation {
  replicas: number
  at: number
}

export interface ScaleEvent {
  change: number
  at: number
}

export interface ConditionChange {
  readonly status: 'True' | 'False'
  readonly reason: string
  readonly message: string
}

export interface Normalized {
  readonly replicas: number
  readonly ableToScale: ConditionChange
  readonly scalingLimited: ConditionChange
}

interface ScalingPolicy {
  type?: string
  value?: number
  periodSeconds?: number
}

export interface ScalingRules {
  stabilizationWindowSeconds?: number
  selectPolicy?: string
  policies?: ScalingPolicy[]
}

const READY: ConditionChange = {
  status: 'True',
  reason: 'ReadyForNewScale',
  message: 'recommended size matches current size',
}
const WITHIN_RANGE = {
  reason: 'DesiredWithinRange',
  message: 'the desired count is within the acceptable range',
}
const TOO_FEW = {
  reason: 'TooFewReplicas',
  message: 'the desired replica count is less than the minimum replica count',
}
const TOO_MANY = {
  reason: 'TooManyReplicas',
  message: 'the desired replica count is more than the maximum replica count',
}
const UP_LIMIT = {
  reason: 'ScaleUpLimit',
  message: 'the desired replica count is increasing faster than the maximum scale rate',
}
const DOWN_LIMIT = {
  reason: 'ScaleDownLimit',
  message: 'the desired replica count is decreasing faster than the maximum scale rate',
}

const limited = (
  replicas: number,
  stabilized: number,
  why: { reason: string; message: string },
): ConditionChange => ({ status: replicas === stabilized ? 'False' : 'True', ...why })

/** stabilizeRecommendation + convertDesiredReplicasWithRules (no spec.behavior). */
export function normalizeWithoutBehavior(
  history: Recommendation[],
  now: number,
  current: number,
  proposed: number,
  min: number,
  max: number,
): Normalized {
  let stabilized = proposed
  let oldIndex = -1
  const cutoff = now - DOWNSCALE_STABILIZATION_MS
  history.forEach((r, i) => {
    if (r.at < cutoff) oldIndex = i
    else if (r.replicas > stabilized) stabilized = r.replicas
  })
  if (oldIndex >= 0) history[oldIndex] = { replicas: proposed, at: now }
  else history.push({ replicas: proposed, at: now })
  const ableToScale: ConditionChange =
    stabilized !== proposed
      ? {
          status: 'True',
          reason: 'ScaleDownStabilized',
          message:
            'recent recommendations were higher than current one, applying the highest recent recommendation',
        }
      : READY
  const scaleUpLimit = Math.max(2 * current, 4)
  const [maxAllowed, maxWhy] = max > scaleUpLimit ? [scaleUpLimit, UP_LIMIT] : [max, TOO_MANY]
  let replicas = stabilized
  let why = WITHIN_RANGE
  if (stabilized < min) [replicas, why] = [min, TOO_FEW]
  else if (stabilized > maxAllowed) [replicas, why] = [maxAllowed, maxWhy]
  return { replicas, ableToScale, scalingLimited: limited(replicas, stabilized, why) }
}

const DEFAULT_UP: Required<ScalingRules> = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
}
const DEFAULT_DOWN: Required<ScalingRules> = {
  stabilizationWindowSeconds: DOWNSCALE_STABILIZATION_MS / 1000,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
}

const withDefaults = (
  rules: ScalingRules | undefined,
  defaults: Required<ScalingRules>,
): Required<ScalingRules> => ({
  stabilizationWindowSeconds:
    rules?.stabilizationWindowSeconds ?? defaults.stabilizationWindowSeconds,
  selectPolicy: rules?.selectPolicy ?? defaults.selectPolicy,
  policies: rules?.policies ?? defaults.policies,
})

const changeIn = (events: readonly ScaleEvent[], periodSeconds: number, now: number): number =>
  events.filter((e) => e.at > now - periodSeconds * 1000).reduce((n, e) => n + e.change, 0)

/** calculateScaleUpLimitWithScalingRules / calculateScaleDownLimitWithBehaviors. */
function rateLimit(
  up: boolean,
  current: number,
  ups: readonly ScaleEvent[],
  downs: readonly ScaleEvent[],
  rules: Required<ScalingRules>,
  now: number,
): number {
  if (rules.selectPolicy === 'Disabled') return current
  // Scaling up, "Min" picks the smallest proposal; scaling down, the largest one.
  const pickLowest = up === (rules.selectPolicy === 'Min')
  let result = pickLowest ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY
  for (const p of rules.policies) {
    const period = p.periodSeconds ?? 0
    const start = current - changeIn(ups, period, now) + changeIn(downs, period, now)
    const value = p.value ?? 0
    let proposed = start
    if (p.type === 'Pods') proposed = up ? start + value : start - value
    else if (p.type === 'Percent')
      proposed = up ? Math.ceil(start * (1 + value / 100)) : Math.trunc(start * (1 - value / 100))
    result = pickLowest ? Math.min(result, proposed) : Math.max(result, proposed)
  }
  return result
}

/** normalizeDesiredReplicasWithBehaviors. */
export function normalizeWithBehavior(
  history: Recommendation[],
  ups: readonly ScaleEvent[],
  downs: readonly ScaleEvent[],
  behavior: { scaleUp?: ScalingRules; scaleDown?: ScalingRules },
  now: number,
  current: number,
  proposed: number,
  min: number,
  max: number,
): Normalized {
  const upRules = withDefaults(behavior.scaleUp, DEFAULT_UP)
  const downRules = withDefaults(behavior.scaleDown, DEFAULT_DOWN)
  const upCutoff = now - upRules.stabilizationWindowSeconds * 1000
  const downCutoff = now - downRules.stabilizationWindowSeconds * 1000
  let upRecommendation = proposed
  let downRecommendation = proposed
  let oldIndex = -1
  history.forEach((r, i) => {
    if (r.at > upCutoff) upRecommendation = Math.min(r.replicas, upRecommendation)
    if (r.at > downCutoff) downRecommendation = Math.max(r.replicas, downRecommendation)
    if (r.at < upCutoff && r.at < downCutoff) oldIndex = i
  })
  const stabilized = Math.min(Math.max(current, upRecommendation), downRecommendation)
  if (oldIndex >= 0) history[oldIndex] = { replicas: proposed, at: now }
  else history.push({ replicas: proposed, at: now })
  const ableToScale: ConditionChange =
    stabilized === proposed
      ? READY
      : proposed >= current
        ? {
            status: 'True',
            reason: 'ScaleUpStabilized',
            message:
              'recent recommendations were lower than current one, applying the lowest recent recommendation',
          }
        : {
            status: 'True',
            reason: 'ScaleDownStabilized',
            message:
              'recent recommendations were higher than current one, applying the highest recent recommendation',
          }
  let replicas = stabilized
  let why = WITHIN_RANGE
  if (stabilized > current) {
    const limit = Math.max(rateLimit(true, current, ups, downs, upRules, now), current)
    const [allowed, reason] = max > limit ? [limit, UP_LIMIT] : [max, TOO_MANY]
    if (stabilized > allowed) [replicas, why] = [allowed, reason]
  } else if (stabilized < current) {
    const limit = Math.min(rateLimit(false, current, ups, downs, downRules, now), current)
    const [allowed, reason] = min < limit ? [limit, DOWN_LIMIT] : [min, TOO_FEW]
    if (stabilized < allowed) [replicas, why] = [allowed, reason]
  }
  return { replicas, ableToScale, scalingLimited: limited(replicas, stabilized, why) }
}
