/**
 * Workload tables: deployments (READY `ready/desired`, UP-TO-DATE, AVAILABLE), replica sets and
 * replication controllers (DESIRED, CURRENT, READY), daemon sets, stateful sets, jobs (STATUS,
 * COMPLETIONS, DURATION), cron jobs and horizontal pod autoscalers, with the wide CONTAINERS,
 * IMAGES and SELECTOR columns.
 */
import { kubeHumanDuration } from '../../cli-kit/go-units'
import { formatLabelSelector, formatSelector, fromLabelSelector } from '../api/label-selector'
import type { KubeObject, LabelSelector } from '../api/object'
import {
  AGE_COLUMN,
  ageOf,
  arr,
  col,
  CONTAINERS_COLUMN,
  containerCells,
  field,
  formatLabels,
  IMAGES_COLUMN,
  NAME_COLUMN,
  num,
  parseTime,
  rec,
  since,
  str,
  type Printer,
} from './table'

const templateContainers = (o: KubeObject, ...path: string[]): [string, string] =>
  containerCells(arr(field(o, ...path, 'spec', 'containers')))

const selectorColumn = (description: string): ReturnType<typeof col> =>
  col('Selector', 'string', description, 1)

/** metav1.LabelSelectorAsSelector(…).String(), `<invalid>` when it does not parse. */
function selectorString(selector: unknown): string {
  const parsed = fromLabelSelector(selector as LabelSelector | undefined)
  return parsed.ok ? formatSelector(parsed.value) : '<invalid>'
}

export const DEPLOYMENT_PRINTER: Printer = {
  columns: [
    NAME_COLUMN,
    col('Ready', 'string', 'Number of the pod with ready state'),
    col(
      'Up-to-date',
      'string',
      'Total number of non-terminating pods targeted by this deployment that have the desired template spec.',
    ),
    col(
      'Available',
      'string',
      'Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.',
    ),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    selectorColumn(
      "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.",
    ),
  ],
  row(o, nowMs) {
    const [names, images] = templateContainers(o, 'spec', 'template')
    return {
      cells: [
        o.metadata.name,
        `${num(field(o, 'status', 'readyReplicas'))}/${num(field(o, 'spec', 'replicas'))}`,
        num(field(o, 'status', 'updatedReplicas')),
        num(field(o, 'status', 'availableReplicas')),
        ageOf(o, nowMs),
        names,
        images,
        selectorString(field(o, 'spec', 'selector')),
      ],
    }
  },
}

const replicaColumns = (what: string): Printer['columns'] => [
  NAME_COLUMN,
  col('Desired', 'integer', `Replicas is the number of desired ${what}.`),
  col('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
  col(
    'Ready',
    'integer',
    'readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition.',
  ),
  AGE_COLUMN,
  CONTAINERS_COLUMN,
  IMAGES_COLUMN,
  selectorColumn('Selector is a label query over pods that should match the replica count.'),
]

export const REPLICA_SET_PRINTER: Printer = {
  columns: replicaColumns('pods'),
  row(o, nowMs) {
    const [names, images] = templateContainers(o, 'spec', 'template')
    return {
      cells: [
        o.metadata.name,
        num(field(o, 'spec', 'replicas')),
        num(field(o, 'status', 'replicas')),
        num(field(o, 'status', 'readyReplicas')),
        ageOf(o, nowMs),
        names,
        images,
        formatLabelSelector(field(o, 'spec', 'selector') as LabelSelector | undefined),
      ],
    }
  },
}

export const REPLICATION_CONTROLLER_PRINTER: Printer = {
  columns: replicaColumns('replicas'),
  row(o, nowMs) {
    const [names, images] = templateContainers(o, 'spec', 'template')
    return {
      cells: [
        o.metadata.name,
        num(field(o, 'spec', 'replicas')),
        num(field(o, 'status', 'replicas')),
        num(field(o, 'status', 'readyReplicas')),
        ageOf(o, nowMs),
        names,
        images,
        formatLabels(field(o, 'spec', 'selector') as Record<string, string> | undefined),
      ],
    }
  },
}

export const DAEMON_SET_PRINTER: Printer = {
  columns: [
    NAME_COLUMN,
    col(
      'Desired',
      'integer',
      'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod).',
    ),
    col(
      'Current',
      'integer',
      'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.',
    ),
    col(
      'Ready',
      'integer',
      'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.',
    ),
    col('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'),
    col(
      'Available',
      'integer',
      'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)',
    ),
    col(
      'Node Selector',
      'string',
      "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/",
    ),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    selectorColumn(
      "A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
    ),
  ],
  row(o, nowMs) {
    const [names, images] = templateContainers(o, 'spec', 'template')
    const s = rec(o['status'])
    return {
      cells: [
        o.metadata.name,
        num(s['desiredNumberScheduled']),
        num(s['currentNumberScheduled']),
        num(s['numberReady']),
        num(s['updatedNumberScheduled']),
        num(s['numberAvailable']),
        formatLabels(
          field(o, 'spec', 'template', 'spec', 'nodeSelector') as
            Record<string, string> | undefined,
        ),
        ageOf(o, nowMs),
        names,
        images,
        formatLabelSelector(field(o, 'spec', 'selector') as LabelSelector | undefined),
      ],
    }
  },
}

export const STATEFUL_SET_PRINTER: Printer = {
  columns: [
    NAME_COLUMN,
    col('Ready', 'string', 'Number of the pod with ready state'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
  ],
  row(o, nowMs) {
    const [names, images] = templateContainers(o, 'spec', 'template')
    return {
      cells: [
        o.metadata.name,
        `${num(field(o, 'status', 'readyReplicas'))}/${num(field(o, 'spec', 'replicas'))}`,
        ageOf(o, nowMs),
        names,
        images,
      ],
    }
  },
}

const jobCondition = (o: KubeObject, type: string): boolean => {
  const c = arr<{ type?: string; status?: string }>(field(o, 'status', 'conditions')).find(
    (x) => x.type === type,
  )
  return c?.status === 'True'
}

export const JOB_PRINTER: Printer = {
  columns: [
    NAME_COLUMN,
    col('Status', 'string', 'Status of the job.'),
    col(
      'Completions',
      'string',
      'The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.',
    ),
    col('Duration', 'string', 'Time required to complete the job.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    selectorColumn(
      'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
    ),
  ],
  row(o, nowMs) {
    const succeeded = num(field(o, 'status', 'succeeded'))
    const completionsSpec = field(o, 'spec', 'completions')
    let completions: string
    if (typeof completionsSpec === 'number') completions = `${succeeded}/${completionsSpec}`
    else {
      const parallelism = num(field(o, 'spec', 'parallelism'))
      completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`
    }
    const start = parseTime(field(o, 'status', 'startTime'))
    const end = parseTime(field(o, 'status', 'completionTime'))
    const duration = Number.isNaN(start)
      ? ''
      : kubeHumanDuration((Number.isNaN(end) ? nowMs : end) - start)
    let status = 'Running'
    if (jobCondition(o, 'Complete')) status = 'Complete'
    else if (jobCondition(o, 'Failed')) status = 'Failed'
    else if (typeof o.metadata.deletionTimestamp === 'string') status = 'Terminating'
    else if (jobCondition(o, 'Suspended')) status = 'Suspended'
    else if (jobCondition(o, 'FailureTarget')) status = 'FailureTarget'
    const [names, images] = templateContainers(o, 'spec', 'template')
    return {
      cells: [
        o.metadata.name,
        status,
        completions,
        duration,
        ageOf(o, nowMs),
        names,
        images,
        formatLabelSelector(field(o, 'spec', 'selector') as LabelSelector | undefined),
      ],
    }
  },
}

export const CRON_JOB_PRINTER: Printer = {
  columns: [
    NAME_COLUMN,
    col(
      'Schedule',
      'string',
      'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.',
    ),
    col(
      'Timezone',
      'string',
      'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones',
    ),
    col(
      'Suspend',
      'boolean',
      'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.',
    ),
    col('Active', 'integer', 'A list of pointers to currently running jobs.'),
    col(
      'Last Schedule',
      'string',
      'Information when was the last time the job was successfully scheduled.',
    ),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    selectorColumn(
      'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
    ),
  ],
  row(o, nowMs) {
    const last = field(o, 'status', 'lastScheduleTime')
    const suspend = field(o, 'spec', 'suspend')
    const [names, images] = templateContainers(o, 'spec', 'jobTemplate', 'spec', 'template')
    return {
      cells: [
        o.metadata.name,
        str(field(o, 'spec', 'schedule')),
        str(field(o, 'spec', 'timeZone')) || '<none>',
        typeof suspend === 'boolean' ? (suspend ? 'True' : 'False') : '<unset>',
        arr(field(o, 'status', 'active')).length,
        typeof last === 'string' ? since(last, nowMs) : '<none>',
        ageOf(o, nowMs),
        names,
        images,
        formatLabelSelector(
          field(o, 'spec', 'jobTemplate', 'spec', 'selector') as LabelSelector | undefined,
        ),
      ],
    }
  },
}

interface MetricTarget {
  averageUtilization?: number
  averageValue?: string
  value?: string
}

/** formatHPAMetrics for the metric kinds a lesson meets (resource utilization and values). */
function hpaTargets(o: KubeObject): string {
  const specs = arr<Record<string, unknown>>(field(o, 'spec', 'metrics'))
  const statuses = arr<Record<string, unknown>>(field(o, 'status', 'currentMetrics'))
  if (specs.length === 0) return '<none>'
  const list: string[] = []
  specs.forEach((spec, i) => {
    const status = statuses[i]
    if (spec['type'] === 'Resource' || spec['type'] === 'ContainerResource') {
      const key = spec['type'] === 'Resource' ? 'resource' : 'containerResource'
      const r = rec(spec[key])
      const target = rec(r['target']) as MetricTarget
      const current = rec(rec(status?.[key])['current']) as MetricTarget
      const name = str(r['name'])
      if (target.averageValue !== undefined) {
        list.push(`${name}: ${current.averageValue ?? '<unknown>'}/${target.averageValue}`)
      } else {
        const now =
          current.averageUtilization !== undefined ? `${current.averageUtilization}%` : '<unknown>'
        const want =
          target.averageUtilization !== undefined ? `${target.averageUtilization}%` : '<auto>'
        list.push(`${name}: ${now}/${want}`)
      }
    } else list.push('<unknown type>')
  })
  if (list.length > 2) return `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...`
  return list.join(', ')
}

export const HPA_PRINTER: Printer = {
  columns: [
    NAME_COLUMN,
    col(
      'Reference',
      'string',
      'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.',
    ),
    col(
      'Targets',
      'string',
      'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).',
    ),
    col(
      'MinPods',
      'string',
      'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.',
    ),
    col(
      'MaxPods',
      'string',
      'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas.',
    ),
    col(
      'Replicas',
      'string',
      'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.',
    ),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const ref = rec(field(o, 'spec', 'scaleTargetRef'))
    const min = field(o, 'spec', 'minReplicas')
    return {
      cells: [
        o.metadata.name,
        `${str(ref['kind'])}/${str(ref['name'])}`,
        hpaTargets(o),
        typeof min === 'number' ? String(min) : '<unset>',
        num(field(o, 'spec', 'maxReplicas')),
        num(field(o, 'status', 'currentReplicas')),
        ageOf(o, nowMs),
      ],
    }
  },
}
