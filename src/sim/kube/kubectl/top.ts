/**
 * `kubectl top pod|node`: resource use as metrics-server reports it, which needs the
 * metrics-server addon running (else `error: Metrics API not available`). A pod's use is what a
 * scenario set in the cluster's usage table (controllers/hpa/pod-usage.ts); a pod nobody loads
 * idles at its image's idle figures (the catalog's memoryMiB / cpuPercent). A node adds its
 * pods to what its system daemons use.
 */
import { KUBECTL_TABWRITER, tabwrite } from '../../cli-kit/tabwriter'
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import { resolveImage } from '../../docker/images/catalog'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import { podUsage } from '../controllers/hpa/pod-usage'
import { metricsApiAvailable } from '../minikube/addon-workloads'
import { kubectlCommand, type KubectlContext } from './command'
import { subcommandParent } from './create-service'
import { parseQuantity } from './describe/quantity'
import { errorLine, fail, selectorFlag } from './write-kit'

const PODS = servedType('Pod')
const NODES = servedType('Node')
const MIB = 1024 * 1024

/** What a node's kubelet, runtime and system pods use with nothing else running. */
const NODE_BASE = { cpu: 95, memory: 610 * MIB }

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

interface Usage {
  cpu: number
  memory: number
}

/** One container's idle use, from its image's profile. */
function idleOf(image: string | undefined): Usage {
  const resolved = image === undefined ? undefined : resolveImage(image)
  if (resolved?.kind !== 'found') return { cpu: 1, memory: 4 * MIB }
  const p = resolved.image.profile
  return {
    cpu: Math.max(1, Math.round((p.cpuPercent?.idle ?? 0) * 10)),
    memory: Math.max(1, p.memoryMiB?.idle ?? 4) * MIB,
  }
}

/** Per container of a running pod: the scenario's figures shared out, or each image's idle. */
function containerUsage(cluster: KubeCluster, pod: KubeObject): { name: string; usage: Usage }[] {
  const spec = isObj(pod['spec']) ? pod['spec'] : {}
  const containers = (Array.isArray(spec['containers']) ? spec['containers'] : []).filter(isObj)
  const set = podUsage(cluster.store).of(pod)
  const out = containers.map((c) => ({
    name: String(c['name']),
    usage: idleOf(c['image'] as string),
  }))
  if (set.cpu > 0 || set.memory > 0) {
    const first = out[0]
    if (first !== undefined)
      first.usage = {
        cpu: set.cpu > 0 ? set.cpu : first.usage.cpu,
        memory: set.memory > 0 ? set.memory : first.usage.memory,
      }
  }
  return out
}

/** A quantity's value as a number (`2` → 2, `2200Mi` → 2306867200). */
function quantityNumber(text: string | undefined, fallback: number): number {
  const q = parseQuantity(text)
  if (q === undefined) return fallback
  const value = Number(q.mantissa) * 10 ** q.scale
  return value > 0 ? value : fallback
}

const sum = (list: readonly Usage[]): Usage =>
  list.reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }), {
    cpu: 0,
    memory: 0,
  })

const running = (pod: KubeObject): boolean =>
  isObj(pod['status']) && pod['status']['phase'] === 'Running'

const cores = (milli: number): string => `${Math.round(milli)}m`
const mebibytes = (bytes: number): string => `${Math.floor(bytes / MIB)}Mi`

function sortRows<T extends { usage: Usage; name: string }>(rows: T[], by: string): T[] {
  if (by === 'cpu') return [...rows].sort((a, b) => b.usage.cpu - a.usage.cpu)
  if (by === 'memory') return [...rows].sort((a, b) => b.usage.memory - a.usage.memory)
  return rows
}

/** kubectl top's tables end every cell with a tab: trailing padding included. */
const table = (rows: string[][], noHeaders: boolean): string =>
  tabwrite(
    rows
      .slice(noHeaders ? 1 : 0)
      .map((r) => `${r.join('\t')}\t\n`)
      .join(''),
    KUBECTL_TABWRITER,
  )

function connectWithMetrics(
  ctx: KubectlContext,
): { ok: true; cluster: KubeCluster } | { ok: false; output: CommandOutput } {
  const connected = ctx.connect()
  if (!connected.ok) return { ok: false, output: connected.error }
  if (!metricsApiAvailable(connected.value))
    return { ok: false, output: errorLine('Metrics API not available') }
  return { ok: true, cluster: connected.value }
}

const protobufFlag = {
  name: 'use-protocol-buffers',
  type: 'bool',
  default: true,
  usage: 'Enables using protocol-buffers to access Metrics API.',
} as const

export const topPod = kubectlCommand({
  path: 'kubectl top pod',
  use: '[NAME | -l label]',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  long: `Display resource (CPU/memory) usage of pods.

 The 'top pod' command allows you to see the resource consumption of pods.

 Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.`,
  example: `  # Show metrics for all pods in the default namespace
  kubectl top pod
  
  # Show metrics for all pods in the given namespace
  kubectl top pod --namespace=NAMESPACE
  
  # Show metrics for a given pod and its containers
  kubectl top pod POD_NAME --containers
  
  # Show metrics for the pods defined by label name=myLabel
  kubectl top pod -l name=myLabel`,
  args: { kind: 'max', count: 1 },
  flags: () =>
    new FlagSet(
      [
        {
          name: 'all-namespaces',
          shorthand: 'A',
          type: 'bool',
          usage:
            'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
        },
        {
          name: 'containers',
          type: 'bool',
          usage: 'If present, print usage of containers within a pod.',
        },
        {
          name: 'field-selector',
          type: 'string',
          usage:
            "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
        },
        { name: 'no-headers', type: 'bool', usage: 'If present, print output without headers.' },
        selectorFlag(),
        {
          name: 'sort-by',
          type: 'string',
          usage:
            "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'.",
        },
        { name: 'sum', type: 'bool', usage: 'Print the sum of the resource usage' },
        protobufFlag,
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  run({ values, args }, ctx): CommandOutput {
    if (values['sort-by'] !== '' && !['cpu', 'memory'].includes(values['sort-by']))
      return errorLine(`--sort-by accepts only cpu or memory`)
    const connected = connectWithMetrics(ctx)
    if (!connected.ok) return connected.output
    const cluster = connected.cluster
    const all = values['all-namespaces']
    let pods: KubeObject[]
    if (args[0] !== undefined) {
      const got = cluster.api.get(PODS, ctx.namespace, args[0])
      if (!got.ok || !running(got.value))
        return fail(
          `Error from server (NotFound): podmetrics.metrics.k8s.io "${ctx.namespace}/${args[0]}" not found\n`,
        )
      pods = [got.value]
    } else {
      const listed = cluster.api.list(PODS, {
        ...(all ? {} : { namespace: ctx.namespace }),
        ...(values.selector === '' ? {} : { labelSelector: values.selector }),
        ...(values['field-selector'] === '' ? {} : { fieldSelector: values['field-selector'] }),
      })
      if (!listed.ok) return errorLine(listed.error.status.message)
      pods = listed.value.items.filter(running)
    }
    if (pods.length === 0)
      return fail(
        all ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`,
        0,
      )
    const rows = sortRows(
      pods.map((pod) => {
        const containers = containerUsage(cluster, pod)
        return {
          pod,
          name: pod.metadata.name,
          containers,
          usage: sum(containers.map((c) => c.usage)),
        }
      }),
      values['sort-by'],
    )
    const header = [
      ...(all ? ['NAMESPACE'] : []),
      ...(values.containers ? ['POD'] : []),
      'NAME',
      'CPU(cores)',
      'MEMORY(bytes)',
    ]
    const lines: string[][] = [header]
    for (const row of rows) {
      const ns = all ? [row.pod.metadata.namespace ?? ''] : []
      if (values.containers)
        for (const c of row.containers)
          lines.push([...ns, row.name, c.name, cores(c.usage.cpu), mebibytes(c.usage.memory)])
      else lines.push([...ns, row.name, cores(row.usage.cpu), mebibytes(row.usage.memory)])
    }
    if (values.sum) {
      const total = sum(rows.map((r) => r.usage))
      const pad = header.length - 2
      lines.push([...Array<string>(pad).fill(''), '________', '________'])
      lines.push([...Array<string>(pad).fill(''), cores(total.cpu), mebibytes(total.memory)])
    }
    return { stdout: table(lines, values['no-headers']), stderr: '', exitCode: 0 }
  },
})

export const topNode = kubectlCommand({
  path: 'kubectl top node',
  use: '[NAME | -l label]',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  long: `Display resource (CPU/memory) usage of nodes.

 The top-node command allows you to see the resource consumption of nodes.`,
  example: `  # Show metrics for all nodes
  kubectl top node
  
  # Show metrics for a given node
  kubectl top node NODE_NAME`,
  args: { kind: 'max', count: 1 },
  flags: () =>
    new FlagSet(
      [
        { name: 'no-headers', type: 'bool', usage: 'If present, print output without headers' },
        selectorFlag(),
        {
          name: 'show-capacity',
          type: 'bool',
          usage:
            'Print node resources based on Capacity instead of Allocatable(default) of the nodes.',
        },
        {
          name: 'sort-by',
          type: 'string',
          usage:
            "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'.",
        },
        protobufFlag,
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  run({ values, args }, ctx): CommandOutput {
    const connected = connectWithMetrics(ctx)
    if (!connected.ok) return connected.output
    const cluster = connected.cluster
    let nodes: KubeObject[]
    if (args[0] !== undefined) {
      const got = cluster.api.get(NODES, '', args[0])
      if (!got.ok)
        return fail(`Error from server (NotFound): nodes.metrics.k8s.io "${args[0]}" not found\n`)
      nodes = [got.value]
    } else {
      const listed = cluster.api.list(
        NODES,
        values.selector === '' ? {} : { labelSelector: values.selector },
      )
      nodes = listed.ok ? listed.value.items : []
    }
    if (nodes.length === 0) return fail('No resources found\n', 0)
    const pods = cluster.store.list(PODS).filter(running)
    const rows = sortRows(
      nodes.map((node) => {
        const own = pods.filter(
          (p) => isObj(p['spec']) && p['spec']['nodeName'] === node.metadata.name,
        )
        const usage = sum([
          NODE_BASE,
          ...own.flatMap((p) => containerUsage(cluster, p).map((c) => c.usage)),
        ])
        const status = isObj(node['status']) ? node['status'] : {}
        const pool = (
          isObj(status[values['show-capacity'] ? 'capacity' : 'allocatable'])
            ? status[values['show-capacity'] ? 'capacity' : 'allocatable']
            : {}
        ) as Record<string, string>
        const cpuTotal = quantityNumber(pool['cpu'], 1) * 1000
        const memTotal = quantityNumber(pool['memory'], 1024 * MIB)
        return { name: node.metadata.name, usage, cpuTotal, memTotal }
      }),
      values['sort-by'],
    )
    const lines: string[][] = [['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']]
    for (const r of rows)
      lines.push([
        r.name,
        cores(r.usage.cpu),
        `${Math.floor((r.usage.cpu / r.cpuTotal) * 100)}%`,
        mebibytes(r.usage.memory),
        `${Math.floor((r.usage.memory / r.memTotal) * 100)}%`,
      ])
    return { stdout: table(lines, values['no-headers']), stderr: '', exitCode: 0 }
  },
})

export const top = kubectlCommand({
  path: 'kubectl top',
  use: '',
  short: 'Display resource (CPU/memory) usage',
  long: `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.`,
  args: { kind: 'any' },
  subcommands: [topNode, topPod],
  flags: () => new FlagSet([] as const, { normalizeName: wordSepNormalize }),
  run: ({ args }, ctx) => subcommandParent('kubectl top', ctx, args),
})
