/**
 * The container logs a cluster's kubelets keep (/var/log/pods on each node): per container
 * instance, so `kubectl logs` reads the current one and `--previous` the one before the last
 * restart. Lines carry the instant they were written; a line "written" in the future (a start-up
 * sequence still unrolling on the virtual clock) is not visible until the clock reaches it.
 */
import { err, ok, type Result } from '../../core/errors'
import type { KubeCluster } from '../cluster'
import { servedType } from '../api/resources'
import { apiError, notFound, type ApiError } from '../api/status'

export interface LogEntry {
  /** Epoch milliseconds. */
  readonly time: number
  readonly stream: 'stdout' | 'stderr'
  readonly text: string
}

interface ContainerLog {
  current: LogEntry[]
  previous: LogEntry[] | undefined
}

export class ContainerLogStore {
  private readonly logs = new Map<string, ContainerLog>()

  /** A new instance of the container starts: the current log becomes the previous one. */
  rotate(podUid: string, container: string): void {
    const key = `${podUid}/${container}`
    const log = this.logs.get(key)
    if (log === undefined) this.logs.set(key, { current: [], previous: undefined })
    else this.logs.set(key, { current: [], previous: log.current })
  }

  append(podUid: string, container: string, entries: readonly LogEntry[]): void {
    const key = `${podUid}/${container}`
    let log = this.logs.get(key)
    if (log === undefined) {
      log = { current: [], previous: undefined }
      this.logs.set(key, log)
    }
    log.current.push(...entries)
  }

  read(podUid: string, container: string, previous: boolean): LogEntry[] | undefined {
    const log = this.logs.get(`${podUid}/${container}`)
    if (log === undefined) return undefined
    return previous ? log.previous : log.current
  }

  forget(podUid: string): void {
    for (const key of [...this.logs.keys()]) if (key.startsWith(`${podUid}/`)) this.logs.delete(key)
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

type StatusLike = {
  containerStatuses?: {
    name: string
    state?: { waiting?: { reason?: string } }
  }[]
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
    containers?: { name: string }[]
    initContainers?: { name: string }[]
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
  const now = cluster.clock.now()
  return ok(entries.filter((e) => e.time <= now))
}
