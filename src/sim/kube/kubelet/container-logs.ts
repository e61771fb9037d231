/**
 * The container logs a cluster's kubelets keep (/var/log/pods on each node): per container
 * instance, so `kubectl logs` reads the current one and `--previous` the one before the last
 * restart. Lines carry the instant they were written; a line "written" in the future (a start-up
 * sequence still unrolling on the virtual clock) is not visible until the clock reaches it.
 * A container running a student's app server also shows what that app wrote (network/pod-apps):
 * its start-up lines and its access lines, merged in time with the kubelet's own.
 */
import { err, ok, type Result } from '../../core/errors'
import type { KubeCluster } from '../cluster'
import { servedType } from '../api/resources'
import { apiError, notFound, type ApiError } from '../api/status'
import { podAppLogs, type AppContainerSpec } from '../network/pod-apps'

export interface LogEntry {
  /** Epoch milliseconds. */
  readonly time: number
  readonly stream: 'stdout' | 'stderr'
  readonly text: string
}

/** Lines, or the recipe for them: rendering waits until someone reads the log. */
type Chunk = readonly LogEntry[] | (() => readonly LogEntry[])

interface ContainerLog {
  current: Chunk[]
  previous: Chunk[] | undefined
}

/** Renders a log's pending chunks in place and returns its lines. */
function materialize(chunks: Chunk[]): LogEntry[] {
  const out: LogEntry[] = []
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]
    if (chunk === undefined) continue
    const lines = typeof chunk === 'function' ? chunk() : chunk
    chunks[i] = lines
    for (const line of lines) out.push(line)
  }
  return out
}

export class ContainerLogStore {
  /** Pod uid → container name → log: a pod's logs go together when it does. */
  private readonly logs = new Map<string, Map<string, ContainerLog>>()

  /** A new instance of the container starts: the current log becomes the previous one. */
  rotate(podUid: string, container: string): void {
    const pod = this.pod(podUid)
    const log = pod.get(container)
    pod.set(container, { current: [], previous: log?.current })
  }

  /** Adds lines, or a function that renders them when the log is first read. */
  append(
    podUid: string,
    container: string,
    entries: readonly LogEntry[] | (() => readonly LogEntry[]),
  ): void {
    const pod = this.pod(podUid)
    let log = pod.get(container)
    if (log === undefined) {
      log = { current: [], previous: undefined }
      pod.set(container, log)
    }
    log.current.push(entries)
  }

  read(podUid: string, container: string, previous: boolean): LogEntry[] | undefined {
    const log = this.logs.get(podUid)?.get(container)
    if (log === undefined) return undefined
    const chunks = previous ? log.previous : log.current
    return chunks === undefined ? undefined : materialize(chunks)
  }

  forget(podUid: string): void {
    this.logs.delete(podUid)
  }

  private pod(podUid: string): Map<string, ContainerLog> {
    let pod = this.logs.get(podUid)
    if (pod === undefined) {
      pod = new Map()
      this.logs.set(podUid, pod)
    }
    return pod
  }
}

const stores = new WeakMap<KubeCluster, ContainerLogStore>()

export function logStore(cluster: KubeCluster): ContainerLogStore {
  let store = stores.get(cluster)
  if (store === undefined) {
    store = new ContainerLogStore()
    stores.set(cluster, store)
  }
  return store
}

const PODS = servedType('Pod')

interface ContainerStateLike {
  waiting?: { reason?: string }
  running?: { startedAt?: string }
  terminated?: { startedAt?: string }
}

type StatusLike = {
  containerStatuses?: {
    name: string
    state?: ContainerStateLike
    lastState?: ContainerStateLike
  }[]
}

/** When the instance (current, or the one before) started, from the pod's status. */
function instanceStart(state: ContainerStateLike | undefined): number | undefined {
  const at = state?.running?.startedAt ?? state?.terminated?.startedAt
  if (at === undefined) return undefined
  const ms = Date.parse(at)
  return Number.isNaN(ms) ? undefined : ms
}

/** Two time-ordered logs as one; at the same instant the kubelet's lines come first. */
function mergeByTime(a: readonly LogEntry[], b: readonly LogEntry[]): LogEntry[] {
  if (b.length === 0) return [...a]
  const out: LogEntry[] = []
  let j = 0
  for (const entry of a) {
    while (j < b.length && (b[j]?.time ?? 0) < entry.time) out.push(b[j++] as LogEntry)
    out.push(entry)
  }
  while (j < b.length) out.push(b[j++] as LogEntry)
  return out
}

/**
 * What `GET pods/<pod>/log?container=<c>[&previous=true]` answers: the lines written so far, or
 * the API server's refusal in its own words.
 */
export function containerLogs(
  cluster: KubeCluster,
  namespace: string,
  podName: string,
  container: string,
  options: { previous?: boolean } = {},
): Result<LogEntry[], ApiError> {
  const pod = cluster.store.get(PODS, namespace, podName)
  if (pod === undefined) return err(notFound(PODS, podName))
  const spec = pod['spec'] as {
    containers?: AppContainerSpec[]
    initContainers?: AppContainerSpec[]
  }
  const names = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c) => c.name)
  if (!names.includes(container))
    return err(apiError('BadRequest', `container ${container} is not valid for pod ${podName}`))
  const entries = logStore(cluster).read(
    pod.metadata.uid ?? '',
    container,
    options.previous === true,
  )
  if (options.previous === true && entries === undefined)
    return err(
      apiError(
        'BadRequest',
        `previous terminated container "${container}" in pod "${podName}" not found`,
      ),
    )
  if (entries === undefined) {
    const status = (pod['status'] as StatusLike | undefined)?.containerStatuses?.find(
      (c) => c.name === container,
    )
    const reason = status?.state?.waiting?.reason ?? 'ContainerCreating'
    const why =
      reason === 'ErrImagePull' || reason === 'ImagePullBackOff'
        ? 'trying and failing to pull image'
        : reason
    return err(
      apiError(
        'BadRequest',
        `container "${container}" in pod "${podName}" is waiting to start: ${why}`,
      ),
    )
  }
  const status = (pod['status'] as StatusLike | undefined)?.containerStatuses?.find(
    (c) => c.name === container,
  )
  const started = instanceStart(options.previous === true ? status?.lastState : status?.state)
  const containerSpec = spec.containers?.find((c) => c.name === container)
  const app =
    started === undefined || containerSpec === undefined
      ? []
      : podAppLogs(cluster.store, pod, containerSpec, started)
  const now = cluster.clock.now()
  return ok(mergeByTime(entries, app).filter((e) => e.time <= now))
}
