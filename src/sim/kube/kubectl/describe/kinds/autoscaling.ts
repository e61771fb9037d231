/** HorizontalPodAutoscalerDescriber (autoscaling/v2). */
import { describing } from '../describer'
import { eventsSection } from '../events'
import { formatTime, printAnnotationsMultiline, printLabelsMultiline } from '../format'
import {
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  LEVEL_3,
  tabbedString,
  type PrefixWriter,
} from '../prefix-writer'
import { quantity, quantityString } from '../quantity'

interface MetricTarget {
  type?: string
  value?: string
  averageValue?: string
  averageUtilization?: number
}
interface MetricValue {
  value?: string
  averageValue?: string
  averageUtilization?: number
}
interface MetricSpec {
  type: string
  resource?: { name: string; target: MetricTarget }
  containerResource?: { name: string; container: string; target: MetricTarget }
  pods?: { metric: { name: string }; target: MetricTarget }
  object?: {
    metric: { name: string }
    describedObject: { kind: string; name: string }
    target: MetricTarget
  }
  external?: { metric: { name: string }; target: MetricTarget }
}
interface MetricStatus {
  resource?: { current: MetricValue }
  containerResource?: { current: MetricValue }
  pods?: { current: MetricValue }
  object?: { current: MetricValue }
  external?: { current: MetricValue }
}
interface ScalingRules {
  stabilizationWindowSeconds?: number
  selectPolicy?: string
  policies?: { type: string; value: number; periodSeconds: number }[]
}
interface HPA {
  kind?: string
  metadata?: {
    name?: string
    namespace?: string
    uid?: string
    creationTimestamp?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
  }
  spec?: {
    scaleTargetRef: { kind: string; name: string }
    minReplicas?: number
    maxReplicas: number
    metrics?: MetricSpec[]
    behavior?: { scaleUp?: ScalingRules; scaleDown?: ScalingRules }
  }
  status?: {
    currentReplicas?: number
    desiredReplicas?: number
    currentMetrics?: MetricStatus[]
    conditions?: { type: string; status: string; reason?: string; message?: string }[]
  }
}

const q = (text: string | undefined): string => quantityString(quantity(text))

function printBehavior(w: PrefixWriter, direction: string, rules: ScalingRules | undefined): void {
  if (rules === undefined) return
  w.write(LEVEL_1, `${direction}:\n`)
  if (rules.stabilizationWindowSeconds !== undefined)
    w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`)
  if ((rules.policies ?? []).length > 0) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`)
    w.write(LEVEL_2, 'Policies:\n')
    for (const p of rules.policies ?? [])
      w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`)
  }
}

function describeMetric(
  w: PrefixWriter,
  metric: MetricSpec,
  current: MetricStatus | undefined,
): void {
  const unknown = '<unknown>'
  switch (metric.type) {
    case 'External': {
      const m = metric.external
      if (m?.target.averageValue !== undefined) {
        const cur = current?.external?.current.averageValue
        w.write(
          LEVEL_1,
          `"${m.metric.name}" (target average value):\t${cur === undefined ? unknown : q(cur)} / ${q(m.target.averageValue)}\n`,
        )
      } else {
        const cur = current?.external ? q(current.external.current.value) : unknown
        w.write(
          LEVEL_1,
          `"${m?.metric.name ?? ''}" (target value):\t${cur} / ${q(m?.target.value)}\n`,
        )
      }
      return
    }
    case 'Pods': {
      const cur = current?.pods ? q(current.pods.current.averageValue) : unknown
      w.write(
        LEVEL_1,
        `"${metric.pods?.metric.name ?? ''}" on pods:\t${cur} / ${q(metric.pods?.target.averageValue)}\n`,
      )
      return
    }
    case 'Object': {
      const m = metric.object
      w.write(
        LEVEL_1,
        `"${m?.metric.name ?? ''}" on ${m?.describedObject.kind ?? ''}/${m?.describedObject.name ?? ''} `,
      )
      if (m?.target.type === 'AverageValue') {
        const cur = current?.object ? q(current.object.current.averageValue) : unknown
        w.write(LEVEL_0, `(target average value):\t${cur} / ${q(m.target.averageValue)}\n`)
      } else {
        const cur = current?.object ? q(current.object.current.value) : unknown
        w.write(LEVEL_0, `(target value):\t${cur} / ${q(m?.target.value)}\n`)
      }
      return
    }
    case 'Resource':
    case 'ContainerResource': {
      const spec = metric.type === 'Resource' ? metric.resource : metric.containerResource
      const status = metric.type === 'Resource' ? current?.resource : current?.containerResource
      if (metric.type === 'Resource') w.write(LEVEL_1, `resource ${spec?.name ?? ''} on pods`)
      else
        w.write(
          LEVEL_1,
          `resource ${spec?.name ?? ''} of container "${metric.containerResource?.container ?? ''}" on pods`,
        )
      if (spec?.target.averageValue !== undefined) {
        const cur = status ? q(status.current.averageValue) : unknown
        w.write(LEVEL_0, `:\t${cur} / ${q(spec.target.averageValue)}\n`)
      } else {
        const util = status?.current.averageUtilization
        const cur = util === undefined ? unknown : `${util}% (${q(status?.current.averageValue)})`
        const target =
          spec?.target.averageUtilization === undefined
            ? '<auto>'
            : `${spec.target.averageUtilization}%`
        w.write(LEVEL_1, `(as a percentage of request):\t${cur} / ${target}\n`)
      }
      return
    }
    default:
      w.write(LEVEL_1, `<unknown metric type "${metric.type}">\n`)
  }
}

export const describeHorizontalPodAutoscaler = describing<HPA>((hpa, ctx) => {
  const meta = hpa.metadata ?? {}
  const spec = hpa.spec
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(meta.creationTimestamp)}\n`)
    w.write(
      LEVEL_0,
      `Reference:\t${spec?.scaleTargetRef.kind ?? ''}/${spec?.scaleTargetRef.name ?? ''}\n`,
    )
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n')
    ;(spec?.metrics ?? []).forEach((m, i) => describeMetric(w, m, hpa.status?.currentMetrics?.[i]))
    w.write(LEVEL_0, `Min replicas:\t${spec?.minReplicas ?? '<unset>'}\n`)
    w.write(LEVEL_0, `Max replicas:\t${spec?.maxReplicas ?? 0}\n`)
    if (spec?.behavior) {
      w.write(LEVEL_0, 'Behavior:\n')
      printBehavior(w, 'Scale Up', spec.behavior.scaleUp)
      printBehavior(w, 'Scale Down', spec.behavior.scaleDown)
    }
    w.write(LEVEL_0, `${spec?.scaleTargetRef.kind ?? ''} pods:\t`)
    w.write(
      LEVEL_0,
      `${hpa.status?.currentReplicas ?? 0} current / ${hpa.status?.desiredReplicas ?? 0} desired\n`,
    )
    const conditions = hpa.status?.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n')
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t------\t-------\n')
      for (const c of conditions)
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`)
    }
    eventsSection(ctx, hpa, w)
  })
})
