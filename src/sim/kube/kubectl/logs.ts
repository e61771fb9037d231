/**
 * `kubectl logs [-f] [-p] (POD | TYPE/NAME | -l selector) [-c CONTAINER]`: the lines the kubelet
 * kept for a container (kubelet/container-logs.ts), with --tail, --since, --timestamps, --prefix,
 * --all-containers; -f follows on the virtual clock until the container ends or Ctrl-C.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { resolveResource, servedType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import { containerLogs, type LogEntry } from '../kubelet/container-logs'
import { kubectlCommand } from './command'
import { OutputStreams } from './output/streams'
import { errorLine, selectorFlag } from './write-kit'

const PODS = servedType('Pod')

/** With no terminal a follow that never ends gives up after this much virtual time. */
const INSTANT_FOLLOW_LIMIT_MS = 60 * 60 * 1000
const TERMINAL_POLL_MS = 100

const USAGE = `expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.
POD or TYPE/NAME is a required argument for the logs command
See 'kubectl logs -h' for help and examples`

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** RFC3339Nano as Go prints it: fractional seconds without trailing zeros. */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString()
  const [head = '', frac = ''] = iso.slice(0, -1).split('.')
  const nanos = `${frac}000000`.replace(/0+$/, '')
  return `${head}${nanos === '' ? '' : `.${nanos}`}Z`
}

interface ContainerNames {
  containers: string[]
  init: string[]
  ephemeral: string[]
}

function namesOf(pod: KubeObject): ContainerNames {
  const spec = isObj(pod['spec']) ? pod['spec'] : {}
  const list = (key: string): string[] =>
    (Array.isArray(spec[key]) ? spec[key].filter(isObj) : []).map((c) => String(c['name']))
  return {
    containers: list('containers'),
    init: list('initContainers'),
    ephemeral: list('ephemeralContainers'),
  }
}

/** The container kubectl picks by default, and its notice when there was a choice. */
function defaultContainer(pod: KubeObject): { name: string; notice: string } {
  const names = namesOf(pod)
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']
  const name =
    annotated !== undefined && names.containers.includes(annotated)
      ? annotated
      : (names.containers[0] ?? '')
  const all = [
    ...names.containers,
    ...names.init.map((n) => `${n} (init)`),
    ...names.ephemeral.map((n) => `${n} (ephem)`),
  ]
  const notice =
    all.length > 1 && annotated === undefined
      ? `Defaulted container "${name}" out of: ${all.join(', ')}\n`
      : ''
  return { name, notice }
}

type PodStatus = {
  phase?: string
  containerStatuses?: { name: string; state?: { running?: unknown; terminated?: unknown } }[]
}

/** The pod a TYPE/NAME stands for: the first of its pods, as kubectl's logs for object picks. */
function podsFor(cluster: KubeCluster, object: KubeObject): KubeObject[] {
  const spec = isObj(object['spec']) ? object['spec'] : {}
  const selector = isObj(spec['selector']) ? spec['selector'] : {}
  const matchLabels = (
    isObj(selector['matchLabels'])
      ? selector['matchLabels']
      : object.kind === 'Service' || object.kind === 'ReplicationController'
        ? selector
        : {}
  ) as Record<string, string>
  const text = Object.keys(matchLabels)
    .sort()
    .map((k) => `${k}=${matchLabels[k] ?? ''}`)
    .join(',')
  const listed = cluster.api.list(PODS, {
    namespace: object.metadata.namespace ?? 'default',
    ...(text === '' ? {} : { labelSelector: text }),
  })
  if (!listed.ok) return []
  const rank = (p: KubeObject): number =>
    ((p['status'] ?? {}) as PodStatus).phase === 'Running' ? 0 : 1
  return [...listed.value.items].sort(
    (a, b) => rank(a) - rank(b) || (a.metadata.name < b.metadata.name ? -1 : 1),
  )
}

interface Source {
  pod: KubeObject
  container: string
}

export const logs = kubectlCommand({
  path: 'kubectl logs',
  use: '[-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]',
  short: 'Print the logs for a container in a pod',
  long: 'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.',
  example: `  # Return snapshot logs from pod nginx with only one container
  kubectl logs nginx
  
  # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name
  kubectl logs nginx --prefix
  
  # Return snapshot logs from pod nginx, limiting output to 500 bytes
  kubectl logs nginx --limit-bytes=500
  
  # Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.
  kubectl logs nginx --pod-running-timeout=20s
  
  # Return snapshot logs from pod nginx with multi containers
  kubectl logs nginx --all-containers=true
  
  # Return snapshot logs from all pods in the deployment nginx
  kubectl logs deployment/nginx --all-pods=true
  
  # Return snapshot logs from all containers in pods defined by label app=nginx
  kubectl logs -l app=nginx --all-containers=true
  
  # Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods
  kubectl logs -l app=nginx --max-log-requests=10
  
  # Return snapshot of previous terminated ruby container logs from pod web-1
  kubectl logs -p -c ruby web-1
  
  # Begin streaming the logs from pod nginx, continuing even if errors occur
  kubectl logs nginx -f --ignore-errors=true
  
  # Begin streaming the logs of the ruby container in pod web-1
  kubectl logs -f -c ruby web-1
  
  # Begin streaming the logs from all containers in pods defined by label app=nginx
  kubectl logs -f -l app=nginx --all-containers=true
  
  # Display only the most recent 20 lines of output in pod nginx
  kubectl logs --tail=20 nginx
  
  # Show all logs from pod nginx written in the last hour
  kubectl logs --since=1h nginx
  
  # Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC
  kubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true
  
  # Show logs from a kubelet with an expired serving certificate
  kubectl logs --insecure-skip-tls-verify-backend nginx
  
  # Return snapshot logs from first container of a job named hello
  kubectl logs job/hello
  
  # Return snapshot logs from container nginx-1 of a deployment named nginx
  kubectl logs deployment/nginx -c nginx-1`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        { name: 'all-containers', type: 'bool', usage: "Get all containers' logs in the pod(s)." },
        { name: 'all-pods', type: 'bool', usage: 'Get logs from all pod(s). Sets prefix to true.' },
        {
          name: 'container',
          shorthand: 'c',
          type: 'string',
          usage: 'Print the logs of this container',
        },
        {
          name: 'follow',
          shorthand: 'f',
          type: 'bool',
          usage: 'Specify if the logs should be streamed.',
        },
        {
          name: 'ignore-errors',
          type: 'bool',
          usage:
            'If watching / following pod logs, allow for any errors that occur to be non-fatal',
        },
        {
          name: 'insecure-skip-tls-verify-backend',
          type: 'bool',
          usage:
            'Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.',
        },
        {
          name: 'limit-bytes',
          type: 'int64',
          usage: 'Maximum bytes of logs to return. Defaults to no limit.',
        },
        {
          name: 'max-log-requests',
          type: 'int',
          default: 5,
          usage:
            'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.',
        },
        {
          name: 'pod-running-timeout',
          type: 'duration',
          default: 20_000_000_000,
          usage:
            'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
        },
        {
          name: 'prefix',
          type: 'bool',
          usage: 'Prefix each log line with the log source (pod name and container name)',
        },
        {
          name: 'previous',
          shorthand: 'p',
          type: 'bool',
          usage:
            'If true, print the logs for the previous instance of the container in a pod if it exists.',
        },
        selectorFlag(),
        {
          name: 'since',
          type: 'duration',
          usage:
            'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.',
        },
        {
          name: 'since-time',
          type: 'string',
          usage:
            'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.',
        },
        {
          name: 'tail',
          type: 'int64',
          default: -1,
          usage:
            'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.',
        },
        {
          name: 'timestamps',
          type: 'bool',
          usage: 'Include timestamps on each line in the log output',
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const selector = values.selector
    if ((args.length === 0 && selector === '') || args.length > 2) return errorLine(USAGE)
    if (selector !== '' && args.length > 0)
      return errorLine('only a selector (-l) or a POD name is allowed')
    if (values.since > 0 && values['since-time'] !== '')
      return errorLine('at most one of `sinceTime` or `sinceSeconds` may be specified')
    let sinceMs: number | undefined
    if (values['since-time'] !== '') {
      const t = Date.parse(values['since-time'])
      if (Number.isNaN(t) || !/^\d{4}-\d\d-\d\dT/.test(values['since-time']))
        return errorLine(
          `parsing time "${values['since-time']}" as "2006-01-02T15:04:05Z07:00": cannot parse "${values['since-time']}" as "2006"`,
        )
      sinceMs = t
    }
    const connected = ctx.connect()
    if (!connected.ok) return connected.error
    const cluster = connected.value
    const streams = new OutputStreams(ctx.shell.tty)
    let pods: KubeObject[]
    let prefix = values.prefix || values['all-pods']
    if (selector !== '') {
      const listed = cluster.api.list(PODS, { namespace: ctx.namespace, labelSelector: selector })
      if (!listed.ok) return errorLine(listed.error.status.message)
      pods = listed.value.items
      if (pods.length === 0)
        return {
          stdout: '',
          stderr: `No resources found in ${ctx.namespace} namespace.\n`,
          exitCode: 0,
        }
    } else {
      const [first = '', second] = args
      let typeWord = 'pods'
      let name = first
      if (second !== undefined) {
        typeWord = first
        name = second
      } else if (first.includes('/')) {
        typeWord = first.slice(0, first.indexOf('/'))
        name = first.slice(first.indexOf('/') + 1)
      }
      const t = resolveResource(typeWord)
      if (t === undefined) return errorLine(`the server doesn't have a resource type "${typeWord}"`)
      const found = cluster.api.get(t, ctx.namespace, name)
      if (!found.ok)
        return errorLine(
          `error from server (NotFound): ${t.resource}${t.group === '' ? '' : `.${t.group}`} "${name}" not found in namespace "${ctx.namespace}"`,
        )
      if (t.kind === 'Pod') pods = [found.value]
      else {
        const all = podsFor(cluster, found.value)
        if (all.length === 0) return errorLine(`timed out waiting for the condition`)
        if (values['all-pods']) pods = all
        else {
          pods = all.slice(0, 1)
          if (all.length > 1)
            streams.err(`Found ${all.length} pods, using pod/${all[0]?.metadata.name ?? ''}\n`)
        }
      }
    }
    if (selector !== '' && values['all-containers'] === false) prefix = prefix || false
    const sources: Source[] = []
    for (const pod of pods) {
      const names = namesOf(pod)
      if (values['all-containers']) {
        for (const c of [...names.init, ...names.containers]) sources.push({ pod, container: c })
        continue
      }
      if (values.container !== '') {
        if (![...names.containers, ...names.init, ...names.ephemeral].includes(values.container))
          return {
            ...streams.result(1),
            stderr: `${streams.result(1).stderr}error: container ${values.container} is not valid for pod ${pod.metadata.name}\n`,
          }
        sources.push({ pod, container: values.container })
        continue
      }
      const chosen = defaultContainer(pod)
      if (selector === '') streams.err(chosen.notice)
      sources.push({ pod, container: chosen.name })
    }
    const tail = values.tail < 0 && selector !== '' ? 10 : values.tail
    const now = ctx.shell.clock.now()
    const since = values.since > 0 ? now - values.since / 1e6 : sinceMs
    const shown = new Map<Source, number>()
    let budget = values['limit-bytes'] > 0 ? values['limit-bytes'] : Infinity
    const lineOf = (source: Source, e: LogEntry): string => {
      let text = e.text.endsWith('\n') ? e.text : `${e.text}\n`
      if (values.timestamps) text = `${rfc3339Nano(e.time)} ${text}`
      if (prefix) text = `[pod/${source.pod.metadata.name}/${source.container}] ${text}`
      return text
    }
    const emit = (source: Source, entries: readonly LogEntry[]): void => {
      for (const e of entries) {
        if (budget <= 0) return
        let text = lineOf(source, e)
        if (text.length > budget) text = text.slice(0, budget)
        budget -= text.length
        if (e.stream === 'stderr') streams.out(text)
        else streams.out(text)
      }
    }
    let failed = false
    for (const source of sources) {
      const r = containerLogs(
        cluster,
        source.pod.metadata.namespace ?? ctx.namespace,
        source.pod.metadata.name,
        source.container,
        {
          previous: values.previous,
        },
      )
      if (!r.ok) {
        streams.err(`Error from server (${r.error.status.reason}): ${r.error.status.message}\n`)
        failed = true
        continue
      }
      let entries = r.value
      if (since !== undefined) entries = entries.filter((e) => e.time >= since)
      if (tail >= 0) entries = entries.slice(Math.max(0, entries.length - tail))
      emit(source, entries)
      shown.set(source, r.value.length)
    }
    if (!values.follow || failed) return streams.result(failed ? 1 : 0)
    // -f: keep reading each container's log until it stops running or the user interrupts.
    const startedAt = ctx.shell.clock.now()
    const running = (source: Source): boolean => {
      const live = cluster.api.get(
        PODS,
        source.pod.metadata.namespace ?? ctx.namespace,
        source.pod.metadata.name,
      )
      if (!live.ok || live.value.metadata.uid !== source.pod.metadata.uid) return false
      const status = (live.value['status'] ?? {}) as PodStatus
      const c = status.containerStatuses?.find((s) => s.name === source.container)
      return c?.state?.terminated === undefined
    }
    for (;;) {
      for (const source of shown.keys()) {
        const r = containerLogs(
          cluster,
          source.pod.metadata.namespace ?? ctx.namespace,
          source.pod.metadata.name,
          source.container,
        )
        if (!r.ok) continue
        const seen = shown.get(source) ?? 0
        if (r.value.length > seen) {
          emit(source, r.value.slice(seen))
          shown.set(source, r.value.length)
        }
      }
      if (![...shown.keys()].some(running)) return streams.result(0)
      if (ctx.shell.signal.aborted) return streams.result(130)
      let step = TERMINAL_POLL_MS
      if (ctx.shell.tty === undefined) {
        const due = ctx.shell.clock.nextDueAt()
        if (due === undefined || due - startedAt > INSTANT_FOLLOW_LIMIT_MS) return streams.result(0)
        step = due - ctx.shell.clock.now()
      }
      streams.goLive()
      if (!(await ctx.shell.sleep(Math.max(step, 1)))) return streams.result(130)
    }
  },
})
