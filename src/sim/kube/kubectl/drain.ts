/**
 * `kubectl drain NODE`: cordons the node, then evicts its pods and waits (on the virtual clock)
 * until they are gone. Like kubectl's drain helper it refuses DaemonSet-managed pods (unless
 * --ignore-daemonsets, which only warns), pods with emptyDir data (--delete-emptydir-data) and
 * pods no controller would recreate (--force); mirror pods are skipped silently.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import { kubectlCommand } from './command'
import { cordonNodes, findNodes } from './cordon'
import {
  dryRunFlag,
  dryRunStrategy,
  dryRunSuffix,
  fail,
  selectorFlag,
  waitUntil,
} from './write-kit'

const PODS = servedType('Pod')
const DAEMONSETS = servedType('DaemonSet')

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

type Verdict =
  | { kind: 'delete'; warning?: string }
  | { kind: 'skip'; warning?: string }
  | { kind: 'error'; message: string }

interface DrainOptions {
  force: boolean
  ignoreDaemonSets: boolean
  deleteEmptyDir: boolean
}

const finished = (pod: KubeObject): boolean => {
  const phase = isObj(pod['status']) ? pod['status']['phase'] : undefined
  return phase === 'Succeeded' || phase === 'Failed'
}

const controllerOf = (pod: KubeObject) =>
  (pod.metadata.ownerReferences ?? []).find((r) => r.controller === true)

/** The drain helper's filters, in its order: the first one that keeps the pod decides. */
function verdict(cluster: KubeCluster, pod: KubeObject, o: DrainOptions): Verdict {
  const owner = controllerOf(pod)
  if (owner?.kind === 'DaemonSet' && !finished(pod)) {
    const ds = cluster.api.get(DAEMONSETS, pod.metadata.namespace ?? '', owner.name)
    if (!ds.ok) {
      if (ds.error.status.reason === 'NotFound' && o.force)
        return { kind: 'delete', warning: ds.error.status.message }
      return { kind: 'error', message: ds.error.status.message }
    }
    if (!o.ignoreDaemonSets)
      return {
        kind: 'error',
        message: 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)',
      }
    return { kind: 'skip', warning: 'ignoring DaemonSet-managed Pods' }
  }
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined)
    return { kind: 'skip' }
  const spec = isObj(pod['spec']) ? pod['spec'] : {}
  const volumes = Array.isArray(spec['volumes']) ? spec['volumes'].filter(isObj) : []
  let warning: string | undefined
  if (volumes.some((v) => v['emptyDir'] !== undefined) && !finished(pod)) {
    if (!o.deleteEmptyDir)
      return {
        kind: 'error',
        message: 'Pods with local storage (use --delete-emptydir-data to override)',
      }
    warning = 'deleting Pods with local storage'
  }
  if (!finished(pod) && owner === undefined) {
    if (!o.force)
      return {
        kind: 'error',
        message: 'cannot delete Pods that declare no controller (use --force to override)',
      }
    warning = 'deleting Pods that declare no controller'
  }
  return warning === undefined ? { kind: 'delete' } : { kind: 'delete', warning }
}

/** Messages grouped with their pods, in the order first seen: `msg: ns/a, ns/b`. */
function grouped(entries: readonly { message: string; pod: string }[]): string[] {
  const groups = new Map<string, string[]>()
  for (const e of entries) groups.set(e.message, [...(groups.get(e.message) ?? []), e.pod])
  return [...groups].map(([message, pods]) => `${message}: ${pods.join(', ')}`)
}

export const drain = kubectlCommand({
  path: 'kubectl drain',
  use: 'NODE',
  short: 'Drain node in preparation for maintenance',
  long: `Drain node in preparation for maintenance.

 The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.

 'drain' waits for graceful termination. You should not operate on the machine until the command completes.

 When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again.

 https://kubernetes.io/images/docs/kubectl_drain.svg Workflowhttps://kubernetes.io/images/docs/kubectl_drain.svg`,
  example: `  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it
  kubectl drain foo --force
  
  # As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes
  kubectl drain foo --grace-period=900`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        {
          name: 'chunk-size',
          type: 'int64',
          default: 500,
          usage:
            'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.',
        },
        {
          name: 'delete-emptydir-data',
          type: 'bool',
          usage:
            'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).',
        },
        {
          name: 'disable-eviction',
          type: 'bool',
          usage:
            'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.',
        },
        dryRunFlag,
        {
          name: 'force',
          type: 'bool',
          usage: 'Continue even if there are pods that do not declare a controller.',
        },
        {
          name: 'grace-period',
          type: 'int',
          default: -1,
          usage:
            'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.',
        },
        { name: 'ignore-daemonsets', type: 'bool', usage: 'Ignore DaemonSet-managed pods.' },
        {
          name: 'pod-selector',
          type: 'string',
          usage: 'Label selector to filter pods on the node',
        },
        selectorFlag(),
        {
          name: 'skip-wait-for-delete-timeout',
          type: 'int',
          usage:
            'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.',
        },
        {
          name: 'timeout',
          type: 'duration',
          usage: 'The length of time to wait before giving up, zero means infinite',
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const dry = dryRunStrategy(values['dry-run'], ctx.shell.clock.now())
    if (!dry.ok) return dry.output
    if (args.length === 0 && values.selector === '')
      return fail(
        `error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n`,
      )
    if (args.length > 0 && values.selector !== '')
      return fail('error: cannot specify both a node name and a --selector option\n')
    const found = findNodes(ctx, args, values.selector)
    if (!found.ok) return found.output
    if (found.stderr !== '') return fail(dry.warning + found.stderr)
    const { cluster, nodes } = found
    const cordoned = cordonNodes(cluster, nodes, true, dry.value)
    let stdout = cordoned.stdout
    let stderr = dry.warning + cordoned.stderr
    const options: DrainOptions = {
      force: values.force,
      ignoreDaemonSets: values['ignore-daemonsets'],
      deleteEmptyDir: values['delete-emptydir-data'],
    }
    const drained = new Set<string>()
    for (const node of nodes) {
      const name = node.metadata.name
      const listed = cluster.api.list(PODS, {
        fieldSelector: `spec.nodeName=${name}`,
        ...(values['pod-selector'] === '' ? {} : { labelSelector: values['pod-selector'] }),
      })
      const pods = listed.ok ? listed.value.items : []
      const toDelete: KubeObject[] = []
      const errors: { message: string; pod: string }[] = []
      const warnings: { message: string; pod: string }[] = []
      for (const pod of pods) {
        const v = verdict(cluster, pod, options)
        const ref = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`
        if (v.kind === 'error') errors.push({ message: v.message, pod: ref })
        else {
          if (v.warning !== undefined) warnings.push({ message: v.warning, pod: ref })
          if (v.kind === 'delete') toDelete.push(pod)
        }
      }
      if (errors.length > 0) {
        const lines = grouped(errors).map((l) =>
          l.toLowerCase().startsWith('cannot delete') ? l : `cannot delete ${l}`,
        )
        const joined = lines.length === 1 ? (lines[0] ?? '') : `[${lines.join(', ')}]`
        stderr += `error: unable to drain node "${name}" due to error: ${joined}, continuing command...\n`
        stderr += `There are pending nodes to be drained:\n`
        for (const n of nodes) if (!drained.has(n.metadata.name)) stderr += ` ${n.metadata.name}\n`
        stderr += lines.map((l) => `${l}\n`).join('')
        return { stdout, stderr, exitCode: 1 }
      }
      if (warnings.length > 0) stderr += `Warning: ${grouped(warnings).join('; ')}\n`
      if (dry.value === 'client') {
        for (const pod of toDelete)
          stdout += `evicting pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name} (dry run)\n`
      } else {
        for (const pod of toDelete) {
          stdout += `evicting pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name}\n`
          cluster.api.delete(PODS, pod.metadata.namespace ?? '', pod.metadata.name, {
            ...(values['grace-period'] >= 0 ? { gracePeriodSeconds: values['grace-period'] } : {}),
            ...(dry.value === 'server' ? { dryRun: true } : {}),
          })
        }
        const gone = (pod: KubeObject): boolean => {
          const live = cluster.store.get(PODS, pod.metadata.namespace ?? '', pod.metadata.name)
          return live === undefined || live.metadata.uid !== pod.metadata.uid
        }
        const timeoutMs = values.timeout > 0 ? values.timeout / 1e6 : Number.POSITIVE_INFINITY
        const outcome =
          dry.value === 'server'
            ? 'done'
            : await waitUntil(ctx.shell, () => toDelete.every(gone), timeoutMs)
        if (outcome === 'interrupted') return { stdout, stderr, exitCode: 130 }
        for (const pod of toDelete)
          if (dry.value === 'server' || gone(pod)) stdout += `pod/${pod.metadata.name} evicted\n`
        if (outcome === 'timeout') {
          const pending = toDelete.filter((p) => !gone(p))
          stderr += `There are pending pods in node "${name}" when an error occurred: drain did not complete within ${values.timeout / 1e9}s\n`
          for (const p of pending) stderr += `pod/${p.metadata.name}\n`
          stderr += `error: unable to drain node "${name}" due to error: drain did not complete within ${values.timeout / 1e9}s, continuing command...\nThere are pending nodes to be drained:\n ${name}\ndrain did not complete within ${values.timeout / 1e9}s\n`
          return { stdout, stderr, exitCode: 1 }
        }
      }
      drained.add(name)
      stdout += `node/${name} drained${dryRunSuffix(dry.value)}\n`
    }
    return { stdout, stderr, exitCode: 0 }
  },
})
