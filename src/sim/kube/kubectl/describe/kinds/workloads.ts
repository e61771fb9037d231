/** Describers of the pod controllers: Deployment, ReplicaSet, ReplicationController, DaemonSet, StatefulSet. */
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from '../../../api/object'
import { describePodTemplate } from '../containers'
import { describing } from '../describer'
import { eventsSection as events } from '../events'
import {
  controllerOf,
  formatLabels,
  formatTime,
  printAnnotationsMultiline,
  printLabelsMultiline,
  sortedKeys,
} from '../format'
import { formatLabelSelector, selectorString } from '../label-selector'
import { LEVEL_0, LEVEL_1, tabbedString } from '../prefix-writer'
import { quantity, quantityString } from '../quantity'
import { phasesLine, podPhasesFor, replicaSetsOf } from '../related'

/** IntOrString.String(). */
const intOrString = (v: number | string | undefined): string => (v === undefined ? '0' : String(v))

const rsLine = (sets: readonly ReplicaSet[]): string => {
  const list = sets
    .map(
      (rs) =>
        `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`,
    )
    .join(', ')
  return list === '' ? '<none>' : list
}

export const describeDeployment = describing<Deployment>((d, ctx) => {
  const meta = d.metadata ?? {}
  const spec = d.spec
  const status = d.status ?? {}
  const sets = replicaSetsOf(ctx.client, d)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(meta.creationTimestamp)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`)
    w.write(
      LEVEL_0,
      `Replicas:\t${spec?.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    )
    w.write(LEVEL_0, `StrategyType:\t${spec?.strategy?.type ?? ''}\n`)
    w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`)
    const ru = spec?.strategy?.rollingUpdate
    if (ru)
      w.write(
        LEVEL_0,
        `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`,
      )
    describePodTemplate(spec?.template, w)
    const conditions = status.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
      w.write(LEVEL_1, '----\t------\t------\n')
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
    }
    if (sets.old.length > 0 || sets.new !== undefined) {
      w.write(LEVEL_0, `OldReplicaSets:\t${rsLine(sets.old)}\n`)
      w.write(LEVEL_0, `NewReplicaSet:\t${rsLine(sets.new === undefined ? [] : [sets.new])}\n`)
    }
    events(ctx, d, w)
  })
})

export const describeReplicaSet = describing<ReplicaSet>((rs, ctx) => {
  const meta = rs.metadata ?? {}
  const phases = podPhasesFor(ctx.client, meta.namespace ?? '', rs.spec?.selector, meta.uid)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    const controlledBy = controllerOf(meta)
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
    w.write(
      LEVEL_0,
      `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`,
    )
    w.write(LEVEL_0, 'Pods Status:\t')
    w.write(LEVEL_0, `${phasesLine(phases)}\n`)
    describePodTemplate(rs.spec?.template, w)
    const conditions = rs.status?.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
      w.write(LEVEL_1, '----\t------\t------\n')
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
    }
    events(ctx, rs, w)
  })
})

interface ReplicationController {
  metadata?: {
    name?: string
    namespace?: string
    uid?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
  }
  spec?: {
    replicas?: number
    selector?: Record<string, string>
    template?: Parameters<typeof describePodTemplate>[0]
  }
  status?: { replicas?: number; conditions?: { type: string; status: string; reason?: string }[] }
}

export const describeReplicationController = describing<ReplicationController>((rc, ctx) => {
  const meta = rc.metadata ?? {}
  const selector = rc.spec?.selector ?? {}
  const phases = podPhasesFor(ctx.client, meta.namespace ?? '', { matchLabels: selector }, meta.uid)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    w.write(LEVEL_0, `Selector:\t${formatLabels(selector)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(
      LEVEL_0,
      `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired\n`,
    )
    w.write(LEVEL_0, `Pods Status:\t${phasesLine(phases)}\n`)
    describePodTemplate(rc.spec?.template, w)
    const conditions = rc.status?.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
      w.write(LEVEL_1, '----\t------\t------\n')
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
    }
    events(ctx, rc, w)
  })
})

export const describeDaemonSet = describing<DaemonSet>((ds, ctx) => {
  const meta = ds.metadata ?? {}
  const status = ds.status
  const phases = podPhasesFor(ctx.client, meta.namespace ?? '', ds.spec?.selector, meta.uid)
  return tabbedString((w) => {
    // kubectl 1.32's DaemonSet describer prints no Namespace line.
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec?.selector)}\n`)
    const nodeSelector = ds.spec?.template.spec?.nodeSelector
    w.write(
      LEVEL_0,
      `Node-Selector:\t${sortedKeys(nodeSelector).length === 0 ? '<none>' : formatLabels(nodeSelector)}\n`,
    )
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status?.desiredNumberScheduled ?? 0}\n`)
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status?.currentNumberScheduled ?? 0}\n`)
    w.write(
      LEVEL_0,
      `Number of Nodes Scheduled with Up-to-date Pods: ${status?.updatedNumberScheduled ?? 0}\n`,
    )
    w.write(
      LEVEL_0,
      `Number of Nodes Scheduled with Available Pods: ${status?.numberAvailable ?? 0}\n`,
    )
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status?.numberMisscheduled ?? 0}\n`)
    w.write(LEVEL_0, `Pods Status:\t${phasesLine(phases)}\n`)
    describePodTemplate(ds.spec?.template, w)
    events(ctx, ds, w)
  })
})

export const describeStatefulSet = describing<StatefulSet>((ss, ctx) => {
  const meta = ss.metadata ?? {}
  const spec = ss.spec
  const phases = podPhasesFor(ctx.client, meta.namespace ?? '', spec?.selector, meta.uid)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(meta.creationTimestamp)}\n`)
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(
      LEVEL_0,
      `Replicas:\t${spec?.replicas ?? 0} desired | ${ss.status?.replicas ?? 0} total\n`,
    )
    w.write(LEVEL_0, `Update Strategy:\t${spec?.updateStrategy?.type ?? ''}\n`)
    const ru = spec?.updateStrategy?.rollingUpdate
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`)
      if (ru.maxUnavailable !== undefined)
        w.write(LEVEL_1, `MaxUnavailable:\t${String(ru.maxUnavailable)}\n`)
    }
    w.write(LEVEL_0, `Pods Status:\t${phasesLine(phases)}\n`)
    describePodTemplate(spec?.template, w)
    const claims = spec?.volumeClaimTemplates ?? []
    if (claims.length === 0) w.write(LEVEL_0, 'Volume Claims:\t<none>\n')
    else {
      w.write(LEVEL_0, 'Volume Claims:\n')
      for (const pvc of claims) {
        w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`)
        w.write(
          LEVEL_1,
          `StorageClass:\t${pvc.spec?.storageClassName ?? pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? ''}\n`,
        )
        printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ')
        printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ')
        const capacity = pvc.spec?.resources?.requests?.['storage']
        w.write(
          LEVEL_1,
          `Capacity:\t${capacity === undefined ? '<default>' : capacityString(capacity)}\n`,
        )
        w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`)
      }
    }
    events(ctx, ss, w)
  })
})

const capacityString = (text: unknown): string => quantityString(quantity(text))
