/** PodDescriber: the pod, its containers, volumes, QoS class and events. */
import { ok, err } from '../../../../core/errors'
import type { Container, Pod } from '../../../api/object'
import {
  describeContainers,
  describeResources,
  describeTopologySpreadConstraints,
  describeVolumes,
  type EnvResolver,
} from '../containers'
import type { DescribeContext } from '../client'
import type { Describer } from '../describer'
import { describeEvents, searchEvents } from '../events'
import {
  controllerOf,
  formatTime,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
  since,
  type Toleration,
} from '../format'
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from '../prefix-writer'
import { addQuantity, compareQuantity, parseQuantity, type Quantity } from '../quantity'

const QOS_RESOURCES = new Set(['cpu', 'memory'])

/** qos.GetPodQOS: the status field when set, else computed from requests and limits. */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass
  const requests = new Map<string, Quantity>()
  const limits = new Map<string, Quantity>()
  let guaranteed = true
  const all: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]
  for (const c of all) {
    for (const [name, text] of Object.entries(c.resources?.requests ?? {})) {
      const q = parseQuantity(text)
      if (!QOS_RESOURCES.has(name) || q === undefined || q.mantissa <= 0n) continue
      const have = requests.get(name)
      requests.set(name, have === undefined ? q : addQuantity(have, q))
    }
    const found = new Set<string>()
    for (const [name, text] of Object.entries(c.resources?.limits ?? {})) {
      const q = parseQuantity(text)
      if (!QOS_RESOURCES.has(name) || q === undefined || q.mantissa <= 0n) continue
      found.add(name)
      const have = limits.get(name)
      limits.set(name, have === undefined ? q : addQuantity(have, q))
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort'
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name)
      if (lim === undefined || compareQuantity(lim, req) !== 0) {
        guaranteed = false
        break
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable'
}

/**
 * EnvValueRetriever: kubectl converts the field path with its client scheme, which only knows
 * metadata.name and metadata.namespace; anything else prints as an empty value.
 */
const envResolver =
  (pod: Pod): EnvResolver =>
  (fieldPath) => {
    if (fieldPath === 'metadata.name') return pod.metadata?.name ?? ''
    if (fieldPath === 'metadata.namespace') return pod.metadata?.namespace ?? ''
    return ''
  }

function describePodIPs(pod: Pod, w: PrefixWriter): void {
  const ips = pod.status?.podIPs ?? []
  if (ips.length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n')
    return
  }
  w.write(LEVEL_0, 'IPs:\n')
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`)
}

export function formatPod(
  pod: Pod,
  ctx: DescribeContext,
  events: ReturnType<typeof searchEvents> | undefined,
): string {
  const meta = pod.metadata ?? {}
  const spec = pod.spec
  const status = pod.status ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    if (spec?.priority !== undefined && spec.priority !== null)
      w.write(LEVEL_0, `Priority:\t${spec.priority}\n`)
    if (spec?.priorityClassName)
      w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`)
    if (spec?.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`)
    if (spec?.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`)
    if (!spec?.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n')
    else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`)
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatTime(status.startTime)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(
        LEVEL_0,
        `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, ctx.settings.nowMs)})\n`,
      )
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`)
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`)
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`)
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`)
    const seccomp = spec?.securityContext?.seccompProfile
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`)
      if (seccomp.type === 'Localhost')
        w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`)
    describePodIPs(pod, w)
    const controlledBy = controllerOf(meta)
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
    if (status.nominatedNodeName)
      w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`)
    const podResources = (spec as { resources?: Container['resources'] } | undefined)?.resources
    if (podResources) {
      w.write(LEVEL_0, 'Resources:\n')
      describeResources(podResources, w, LEVEL_1)
    }
    const resolve = envResolver(pod)
    if ((spec?.initContainers ?? []).length > 0)
      describeContainers(
        'Init Containers',
        spec?.initContainers ?? [],
        status.initContainerStatuses,
        resolve,
        w,
        '',
      )
    describeContainers(
      'Containers',
      spec?.containers ?? [],
      status.containerStatuses,
      resolve,
      w,
      '',
    )
    const ephemeral = spec?.ephemeralContainers ?? []
    if (ephemeral.length > 0)
      describeContainers(
        'Ephemeral Containers',
        ephemeral as Container[],
        status.ephemeralContainerStatuses,
        resolve,
        w,
        '',
      )
    const gates = spec?.readinessGates ?? []
    if (gates.length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n')
      for (const g of gates) {
        const c = (status.conditions ?? []).find((x) => x.type === g.conditionType)
        w.write(LEVEL_1, `${g.conditionType} \t${c === undefined ? '<none>' : c.status} \n`)
      }
    }
    const conditions = status.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n')
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`)
    }
    describeVolumes(spec?.volumes, w, '')
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`)
    printLabelsMultiline(w, 'Node-Selectors', spec?.nodeSelector)
    printTolerationsMultiline(w, 'Tolerations', spec?.tolerations as Toleration[] | undefined)
    describeTopologySpreadConstraints(
      spec?.topologySpreadConstraints as Parameters<typeof describeTopologySpreadConstraints>[0],
      w,
      '',
    )
    if (events !== undefined) describeEvents(events, w, ctx.settings.nowMs)
  })
}

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'

export const describePod: Describer = (ctx, t, namespace, name) => {
  const got = ctx.client.get(t, namespace, name)
  if (!got.ok) {
    // A pod that is gone may still have events: kubectl prints them instead of failing.
    if (ctx.settings.showEvents) {
      const events = searchEvents(ctx.client, { name, namespace })
      if (events.length > 0)
        return ok(
          tabbedString((w) => {
            w.write(LEVEL_0, `Pod '${name}': error '${got.error.message}', but found events.\n`)
            describeEvents(events, w, ctx.settings.nowMs)
          }),
        )
    }
    return err(got.error)
  }
  const pod = got.value as unknown as Pod
  let events: ReturnType<typeof searchEvents> | undefined
  if (ctx.settings.showEvents) {
    const mirror = pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION]
    const uid = mirror ?? pod.metadata?.uid
    events = searchEvents(ctx.client, {
      name: pod.metadata?.name ?? name,
      namespace: pod.metadata?.namespace ?? namespace,
      ...(uid ? { uid } : {}),
    })
  }
  return ok(formatPod(pod, ctx, events))
}
