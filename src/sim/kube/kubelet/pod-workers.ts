/**
 * The kubelet's per-pod state machines (pkg/kubelet/pod_workers.go and kuberuntime): for each
 * pod bound to a running node, its sandbox (pod IP), its containers' images (pulled, or in
 * back-off), their processes (running, exited, restarted with CrashLoopBackOff back-off), their
 * probes, and graceful termination. Every step happens at a virtual instant: `sync` plays what
 * is due by now, reports the status through the API and asks to be woken for the next step.
 */
import type { ControllerContext } from '../cluster'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import { renderLogLines } from '../../docker/images/log-template'
import type { CatalogImage } from '../../docker/images/catalog-types'
import { allocatePodIP, NODE_KERNEL, type ClusterRuntime, type NodeMachine } from '../nodes'
import type { ContainerLogStore, LogEntry } from './container-logs'
import {
  familiarReference,
  goDuration,
  NodeImages,
  preloadedImages,
  pullDurationMs,
  pullFromCatalog,
  type PullAnswer,
} from './images'
import { containerBehaviour, type ContainerSpecLike, type ProcessBehaviour } from './process'
import { podStatus, type PodWorker, type ContainerWorker } from './pod-status'
import { probeOutcome, type ProbeSpec } from './probes'
import { Wakeups } from './wakeups'
import { nodeImage } from '../network/node-images'
import { podApp } from '../network/pod-apps'
import { sameJson } from '../controllers/common/same-json'

const PODS = servedType('Pod')

/** kubelet's back-off for image pulls and container restarts: 10s doubling to 5m. */
const BACKOFF_INITIAL_MS = 10_000
const BACKOFF_MAX_MS = 300_000
/** The pod worker syncs again soon after a failed pull, which finds the image in back-off. */
const RESYNC_AFTER_ERROR_MS = 1_000

interface PodSpecLike {
  nodeName?: string
  hostNetwork?: boolean
  restartPolicy?: string
  containers?: (ContainerSpecLike & {
    imagePullPolicy?: string
    readinessProbe?: ProbeSpec
    livenessProbe?: ProbeSpec
    startupProbe?: ProbeSpec
    ports?: { containerPort: number }[]
  })[]
}

const backoffAfter = (previous: number): number =>
  previous === 0 ? BACKOFF_INITIAL_MS : Math.min(BACKOFF_MAX_MS, previous * 2)

/** `web-7d4b9c8f5-x2k9q_default(uid)`: kubelet's format.Pod. */
const formatPod = (pod: KubeObject): string =>
  `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid ?? ''})`

/** IfNotPresent unless the tag is latest or absent (API defaulting does the same). */
function pullPolicy(image: string, given: string | undefined): string {
  if (given !== undefined) return given
  if (image.includes('@')) return 'IfNotPresent'
  const tag = /:([^/:]+)$/.exec(image)?.[1]
  return tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent'
}

export class PodWorkers {
  private readonly workers = new Map<string, PodWorker>()
  private readonly images = new Map<string, NodeImages>()
  private readonly wakeups = new Map<string, Wakeups>()
  /** The pod whose status this kubelet is writing right now. */
  private reporting: string | undefined

  constructor(
    private readonly ctx: ControllerContext,
    private readonly runtime: ClusterRuntime,
    private readonly logs: ContainerLogStore,
  ) {}

  podsOn(node: string): string[] {
    const keys: string[] = []
    for (const [key, w] of this.workers) if (w.node === node) keys.push(key)
    return keys
  }

  /** Keys whose alarms have gone off on `node`. */
  dueOn(node: string): string[] {
    return this.wakeups.get(node)?.due() ?? []
  }

  /** The machine stopped: every container on it is gone, with no chance to report. */
  machineStopped(machine: NodeMachine): void {
    for (const [key, w] of [...this.workers])
      if (w.node === machine.name) {
        const now = this.ctx.clock.now()
        for (const c of w.containers)
          if (c.state === 'running') this.finish(w, c, now, c.behaviour?.sigtermExit ?? 137)
        w.stoppedWhileDown = true
        this.workers.set(key, w)
      }
    this.wakeups.get(machine.name)?.clear()
  }

  /**
   * The container's main process ended on its own at `now` (an attached shell the student
   * exited): the next sync plays the exit as if it had been planned. False when not running.
   */
  mainProcessExited(key: string, container: string, code: number): boolean {
    const c = this.workers.get(key)?.containers.find((x) => x.name === container)
    if (c === undefined || c.state !== 'running') return false
    c.exitAt = this.ctx.clock.now()
    c.exitCode = code
    return true
  }

  nodeImages(node: string): NodeImages {
    let images = this.images.get(node)
    if (images === undefined) {
      images = new NodeImages(preloadedImages(this.runtime.shape.kubernetesVersion))
      this.images.set(node, images)
    }
    return images
  }

  sync(key: string): void {
    const [namespace = '', name = ''] = key.split('/')
    const pod = this.ctx.store.get(PODS, namespace, name)
    let worker = this.workers.get(key)
    if (worker !== undefined && (pod === undefined || worker.uid !== pod.metadata.uid)) {
      this.workers.delete(key)
      this.logs.forget(worker.uid)
      worker = undefined
    }
    if (pod === undefined) return
    const spec = (pod['spec'] as PodSpecLike | undefined) ?? {}
    const machine = this.runtime.machines.get(spec.nodeName ?? '')
    if (machine === undefined || !machine.running || machine.paused) return
    const now = this.ctx.clock.now()
    if (worker === undefined) {
      const phase = (pod['status'] as { phase?: string } | undefined)?.phase
      if (phase === 'Succeeded' || phase === 'Failed') {
        if (pod.metadata.deletionTimestamp !== undefined)
          this.ctx.api.delete(PODS, namespace, name, { gracePeriodSeconds: 0 })
        return
      }
      worker = this.createWorker(key, pod, spec, machine, now)
      this.workers.set(key, worker)
    }
    if (worker.stoppedWhileDown) this.restartAfterNodeDown(pod, worker, now)
    if (pod.metadata.deletionTimestamp !== undefined) this.terminate(pod, worker, now)
    else for (const c of worker.containers) this.advance(pod, spec, worker, c, now)
    if (worker.deleted) return
    this.report(pod, worker, now)
    this.scheduleNext(key, worker, machine.name)
  }

  private createWorker(
    key: string,
    pod: KubeObject,
    spec: PodSpecLike,
    machine: NodeMachine,
    now: number,
  ): PodWorker {
    return {
      key,
      uid: pod.metadata.uid ?? '',
      node: machine.name,
      hostIP: machine.ip,
      ip: spec.hostNetwork === true ? machine.ip : allocatePodIP(machine),
      startTime: now,
      restartPolicy: spec.restartPolicy ?? 'Always',
      containers: (spec.containers ?? []).map((c): ContainerWorker => ({
        name: c.name,
        spec: c,
        image: c.image ?? '',
        reference: familiarReference(c.image ?? ''),
        policy: pullPolicy(c.image ?? '', c.imagePullPolicy),
        state: 'waiting',
        waitingReason: 'ContainerCreating',
        restartCount: 0,
        ready: false,
        started: false,
        pullBackoffMs: 0,
        crashBackoffMs: 0,
        probeFailures: 0,
        readinessSuccesses: 0,
      })),
      conditionTimes: new Map(),
      deleted: false,
      stoppedWhileDown: false,
    }
  }

  private record(
    pod: KubeObject,
    c: ContainerWorker | undefined,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    node: string,
  ): void {
    this.ctx.events.record(
      pod,
      type,
      reason,
      message,
      { component: 'kubelet', host: node },
      c === undefined ? undefined : `spec.containers{${c.name}}`,
    )
  }

  /** Plays one container's lifecycle forward to `now`. */
  private advance(
    pod: KubeObject,
    spec: PodSpecLike,
    w: PodWorker,
    c: ContainerWorker,
    now: number,
  ): void {
    for (let guard = 0; guard < 64; guard++) {
      if (!this.step(pod, spec, w, c, now)) return
    }
  }

  /** One transition that is due; false when nothing more is due at `now`. */
  private step(
    pod: KubeObject,
    spec: PodSpecLike,
    w: PodWorker,
    c: ContainerWorker,
    now: number,
  ): boolean {
    const node = w.node
    switch (c.state) {
      case 'waiting': {
        if (c.pull !== undefined) {
          if (c.pull.doneAt > now) return false
          return this.finishPull(pod, w, c)
        }
        if (c.restartAt !== undefined) {
          if (c.restartAt > now) return false
          c.restartAt = undefined
          return this.ensureImageAndStart(pod, w, c, now)
        }
        if (c.pullRetryAt !== undefined && c.pullRetryAt > now) {
          if (
            c.waitingReason !== 'ImagePullBackOff' &&
            (c.errorAt ?? 0) + RESYNC_AFTER_ERROR_MS <= now
          ) {
            c.waitingReason = 'ImagePullBackOff'
            c.waitingMessage = `Back-off pulling image "${c.image}"`
            this.record(pod, c, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`, node)
            this.record(pod, c, 'Warning', 'Failed', 'Error: ImagePullBackOff', node)
          }
          return false
        }
        if (c.waitingReason === 'CrashLoopBackOff') return false
        return this.ensureImageAndStart(pod, w, c, now)
      }
      case 'running': {
        if (c.exitAt !== undefined && c.exitAt <= now) {
          const at = c.exitAt
          this.finish(w, c, at, c.exitCode ?? 0)
          return this.afterExit(pod, spec, w, c, at)
        }
        return this.probe(pod, w, c, now)
      }
      case 'terminated':
        if (c.restartAt !== undefined && c.restartAt <= now) {
          c.restartAt = undefined
          return this.ensureImageAndStart(pod, w, c, now)
        }
        return false
    }
  }

  /** EnsureImageExists, then create and start (kuberuntime_container.go startContainer). */
  private ensureImageAndStart(
    pod: KubeObject,
    w: PodWorker,
    c: ContainerWorker,
    now: number,
  ): boolean {
    const images = this.nodeImages(w.node)
    const built = nodeImage(this.ctx.store, c.image)
    const present = images.has(c.reference) || built !== undefined
    if (c.policy === 'Never' && !present) {
      const message = `Container image "${c.image}" is not present with pull policy of Never`
      if (c.waitingReason !== 'ErrImageNeverPull') {
        this.record(pod, c, 'Warning', 'ErrImageNeverPull', message, w.node)
        this.record(pod, c, 'Warning', 'Failed', 'Error: ErrImageNeverPull', w.node)
      }
      this.wait(c, 'ErrImageNeverPull', message)
      return false
    }
    if (present && c.policy !== 'Always') {
      this.record(
        pod,
        c,
        'Normal',
        'Pulled',
        `Container image "${c.image}" already present on machine`,
        w.node,
      )
      c.pulled ??=
        built === undefined
          ? this.answerFor(c)
          : {
              ok: true,
              image: built.image,
              reference: built.reference,
              imageID: `docker://${built.id}`,
              sizeBytes: built.image.sizeBytes,
            }
      this.start(pod, w, c, now)
      return true
    }
    this.record(pod, c, 'Normal', 'Pulling', `Pulling image "${c.image}"`, w.node)
    const answer = this.answerFor(c)
    const size = answer.ok ? answer.sizeBytes : 0
    const duration = pullDurationMs(size, images.willHave(c.reference), this.ctx.random.next())
    const doneAt = images.book(now, duration)
    if (answer.ok) images.queue(c.reference)
    c.pull = { requestedAt: now, durationMs: duration, doneAt, answer }
    if (c.state !== 'waiting' || c.waitingReason === 'CrashLoopBackOff')
      this.wait(c, 'ContainerCreating', undefined)
    return true
  }

  private answerFor(c: ContainerWorker): PullAnswer {
    const answer = pullFromCatalog(c.image)
    if (answer.ok || !this.nodeImages('').has(c.reference)) return answer
    // A preloaded system image the catalog does not describe: present, generic.
    return { ok: false, message: answer.message }
  }

  private finishPull(pod: KubeObject, w: PodWorker, c: ContainerWorker): boolean {
    const pull = c.pull
    if (pull === undefined) return false
    c.pull = undefined
    if (pull.answer.ok) {
      this.nodeImages(w.node).add(c.reference)
      c.pulled = pull.answer
      c.pullBackoffMs = 0
      c.pullRetryAt = undefined
      this.record(
        pod,
        c,
        'Normal',
        'Pulled',
        `Successfully pulled image "${c.image}" in ${goDuration(pull.durationMs)} (${goDuration(pull.doneAt - pull.requestedAt)} including waiting). Image size: ${pull.answer.sizeBytes} bytes.`,
        w.node,
      )
      this.start(pod, w, c, pull.doneAt)
      return true
    }
    const message = pull.answer.message
    this.record(
      pod,
      c,
      'Warning',
      'Failed',
      `Failed to pull image "${c.image}": ${message}`,
      w.node,
    )
    this.record(pod, c, 'Warning', 'Failed', 'Error: ErrImagePull', w.node)
    c.pullBackoffMs = backoffAfter(c.pullBackoffMs)
    c.pullRetryAt = pull.doneAt + c.pullBackoffMs
    c.errorAt = pull.doneAt
    this.wait(c, 'ErrImagePull', message)
    return true
  }

  private wait(c: ContainerWorker, reason: string, message: string | undefined): void {
    if (c.state === 'running') return
    if (c.state === 'terminated') {
      c.lastTerminated = c.terminated
      c.terminated = undefined
    }
    c.state = 'waiting'
    c.waitingReason = reason
    c.waitingMessage = message
  }

  /** Created, then Started: a new container instance with a new id and a fresh log. */
  private start(pod: KubeObject, w: PodWorker, c: ContainerWorker, at: number): void {
    const image = c.pulled?.ok === true ? c.pulled.image : undefined
    const behaviour = containerBehaviour(c.spec, image)
    if (c.terminated !== undefined) {
      c.lastTerminated = c.terminated
      c.terminated = undefined
    }
    if (c.everStarted) c.restartCount++
    c.everStarted = true
    c.containerID = `docker://${this.ctx.random.hex(64)}`
    c.state = 'running'
    c.waitingReason = undefined
    c.waitingMessage = undefined
    c.startedAt = at
    c.behaviour = behaviour
    c.exitAt = behaviour.exit === undefined ? undefined : at + behaviour.exit.afterMs
    c.exitCode = behaviour.exit?.code
    c.probeFailures = 0
    c.readinessSuccesses = 0
    c.livenessNextAt = c.spec.livenessProbe ? at + probeDelay(c.spec.livenessProbe) : undefined
    c.readinessNextAt = c.spec.readinessProbe ? at + probeDelay(c.spec.readinessProbe) : undefined
    c.started = true
    c.ready = c.spec.readinessProbe === undefined
    this.record(pod, c, 'Normal', 'Created', `Created container: ${c.name}`, w.node)
    this.record(pod, c, 'Normal', 'Started', `Started container ${c.name}`, w.node)
    this.logs.rotate(w.uid, c.name)
    this.writeLogs(w, c, behaviour.logs, at, image)
  }

  /**
   * The container's start-up lines, rendered only when someone reads the log: most of 30,000
   * replicas never have their logs read.
   */
  private writeLogs(
    w: PodWorker,
    c: ContainerWorker,
    lines: ProcessBehaviour['logs'],
    at: number,
    image: CatalogImage | undefined,
  ): void {
    if (lines.length === 0) return
    const hostname = w.key.split('/')[1] ?? ''
    const ip = w.ip
    const ncpu = this.runtime.shape.cpus
    const envSpec = c.spec.env
    this.logs.append(w.uid, c.name, () => {
      let time = at
      const env: Record<string, string> = {}
      for (const e of image?.config.Env ?? []) {
        const i = e.indexOf('=')
        if (i > 0) env[e.slice(0, i)] = e.slice(i + 1)
      }
      for (const e of envSpec ?? []) env[e.name] = e.value ?? ''
      const entries: LogEntry[] = []
      for (const line of lines) {
        time += line.delayMs ?? 0
        for (const rendered of renderLogLines([{ ...line, delayMs: 0 }], {
          now: time,
          env,
          hostname,
          ip,
          kernel: NODE_KERNEL,
          ncpu,
        }))
          entries.push({ time, stream: rendered.stream, text: rendered.text })
      }
      return entries
    })
  }

  /** The process ended at `at` with `code`. */
  private finish(w: PodWorker, c: ContainerWorker, at: number, code: number): void {
    c.state = 'terminated'
    c.terminated = {
      exitCode: code,
      reason: code === 0 ? 'Completed' : 'Error',
      startedAt: c.startedAt ?? at,
      finishedAt: at,
      containerID: c.containerID ?? '',
    }
    c.exitAt = undefined
    c.ready = false
    c.started = false
    c.livenessNextAt = undefined
    c.readinessNextAt = undefined
    void w
  }

  /** restartPolicy decides; repeated failures wait out CrashLoopBackOff (doBackOff). */
  private afterExit(
    pod: KubeObject,
    spec: PodSpecLike,
    w: PodWorker,
    c: ContainerWorker,
    at: number,
  ): boolean {
    const code = c.terminated?.exitCode ?? 0
    const policy = spec.restartPolicy ?? 'Always'
    if (policy === 'Never' || (policy === 'OnFailure' && code === 0)) return false
    const ranFor = at - (c.startedAt ?? at)
    // A container that ran long enough resets its back-off (2 × the maximum, as upstream).
    if (ranFor >= 2 * BACKOFF_MAX_MS) c.crashBackoffMs = 0
    if (c.crashBackoffMs === 0) {
      c.crashBackoffMs = BACKOFF_INITIAL_MS
      c.restartAt = at
      return true
    }
    const delay = c.crashBackoffMs
    c.crashBackoffMs = Math.min(BACKOFF_MAX_MS, c.crashBackoffMs * 2)
    c.restartAt = at + delay
    this.wait(
      c,
      'CrashLoopBackOff',
      `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${formatPod(pod)}`,
    )
    this.record(
      pod,
      c,
      'Warning',
      'BackOff',
      `Back-off restarting failed container ${c.name} in pod ${formatPod(pod)}`,
      w.node,
    )
    return true
  }

  /** Readiness and liveness probes that are due (prober/worker.go), against the image's ports. */
  private probe(pod: KubeObject, w: PodWorker, c: ContainerWorker, now: number): boolean {
    const image = c.pulled?.ok === true ? c.pulled.image : undefined
    const readiness = c.spec.readinessProbe
    if (readiness !== undefined && c.readinessNextAt !== undefined && c.readinessNextAt <= now) {
      const at = c.readinessNextAt
      c.readinessNextAt = at + (readiness.periodSeconds ?? 10) * 1000
      const app = podApp(this.ctx.store, pod, c.spec, c.startedAt ?? at)
      const outcome = probeOutcome(readiness, image, w.ip, app, at)
      if (outcome === undefined) {
        c.readinessSuccesses++
        if (c.readinessSuccesses >= (readiness.successThreshold ?? 1)) c.ready = true
      } else {
        c.readinessSuccesses = 0
        c.readinessFailures = (c.readinessFailures ?? 0) + 1
        if (c.readinessFailures >= (readiness.failureThreshold ?? 3)) c.ready = false
        this.record(pod, c, 'Warning', 'Unhealthy', `Readiness probe failed: ${outcome}`, w.node)
      }
      return true
    }
    const liveness = c.spec.livenessProbe
    if (liveness !== undefined && c.livenessNextAt !== undefined && c.livenessNextAt <= now) {
      const at = c.livenessNextAt
      c.livenessNextAt = at + (liveness.periodSeconds ?? 10) * 1000
      const app = podApp(this.ctx.store, pod, c.spec, c.startedAt ?? at)
      const outcome = probeOutcome(liveness, image, w.ip, app, at)
      if (outcome === undefined) {
        c.probeFailures = 0
        return true
      }
      c.probeFailures++
      this.record(pod, c, 'Warning', 'Unhealthy', `Liveness probe failed: ${outcome}`, w.node)
      if (c.probeFailures < (liveness.failureThreshold ?? 3)) return true
      this.record(
        pod,
        c,
        'Normal',
        'Killing',
        `Container ${c.name} failed liveness probe, will be restarted`,
        w.node,
      )
      this.finish(w, c, at, c.behaviour?.sigtermExit ?? 137)
      const spec = (pod['spec'] as PodSpecLike | undefined) ?? {}
      this.afterExit(
        pod,
        { ...spec, restartPolicy: spec.restartPolicy === 'Never' ? 'Never' : 'Always' },
        w,
        c,
        at,
      )
      return true
    }
    return false
  }

  /**
   * Graceful termination (killPod): each running container is told to stop; one whose PID 1
   * handles SIGTERM exits at once, one that ignores it is killed when the grace period ends.
   * Then the pod's final status, and the API object goes with grace period 0.
   */
  private terminate(pod: KubeObject, w: PodWorker, now: number): void {
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000
    if (w.killRequestedAt === undefined) {
      w.killRequestedAt = now
      for (const c of w.containers) {
        if (c.state !== 'running') continue
        this.record(pod, c, 'Normal', 'Killing', `Stopping container ${c.name}`, w.node)
        const code = c.behaviour?.sigtermExit
        c.killAt = code === undefined ? now + grace : now
        c.killCode = code ?? 137
      }
      for (const c of w.containers) {
        c.restartAt = undefined
        c.pull = undefined
        c.pullRetryAt = undefined
      }
    }
    for (const c of w.containers)
      if (c.state === 'running' && c.killAt !== undefined && c.killAt <= now)
        this.finish(w, c, c.killAt, c.killCode ?? 137)
    if (w.containers.some((c) => c.state === 'running')) return
    this.report(pod, w, now, true)
    w.deleted = true
    this.workers.delete(w.key)
    this.logs.forget(w.uid)
    this.ctx.api.delete(PODS, pod.metadata.namespace ?? 'default', pod.metadata.name, {
      gracePeriodSeconds: 0,
    })
  }

  /**
   * The node came back after its containers died with it: the kubelet starts them again (a
   * restart each, as `kubectl get pods` shows after `minikube stop` / `minikube start`).
   */
  private restartAfterNodeDown(pod: KubeObject, w: PodWorker, now: number): void {
    w.stoppedWhileDown = false
    const spec = (pod['spec'] as PodSpecLike | undefined) ?? {}
    for (const c of w.containers) {
      if (c.state !== 'terminated' || c.terminated === undefined) continue
      if (spec.restartPolicy === 'Never') continue
      if (spec.restartPolicy === 'OnFailure' && c.terminated.exitCode === 0) continue
      c.restartAt = now
    }
  }

  private report(pod: KubeObject, w: PodWorker, now: number, final = false): void {
    const status = podStatus(pod, w, now, final)
    if (w.lastReported !== undefined && sameJson(status, w.lastReported)) return
    w.lastReported = status
    this.reporting = w.key
    try {
      this.ctx.api.updateStatus(PODS, { ...pod, status })
    } finally {
      this.reporting = undefined
    }
  }

  /**
   * Whether a pod event is this kubelet's own status report being stored: syncing again would
   * find nothing new (the report was made from the worker's state, the spec is unchanged).
   */
  isOwnReport(key: string): boolean {
    return this.reporting === key
  }

  private scheduleNext(key: string, w: PodWorker, node: string): void {
    let next = Number.POSITIVE_INFINITY
    for (const c of w.containers)
      for (const t of [
        c.pull?.doneAt,
        c.restartAt,
        c.exitAt,
        c.killAt !== undefined && c.state === 'running' ? c.killAt : undefined,
        c.pullRetryAt,
        c.pullRetryAt !== undefined && c.waitingReason === 'ErrImagePull'
          ? (c.errorAt ?? 0) + RESYNC_AFTER_ERROR_MS
          : undefined,
        c.state === 'running' ? c.readinessNextAt : undefined,
        c.state === 'running' ? c.livenessNextAt : undefined,
      ])
        if (t !== undefined && t > this.ctx.clock.now() && t < next) next = t
    if (!Number.isFinite(next) || w.scheduledFor === next) return
    w.scheduledFor = next
    this.wakeupsFor(node).at(next, key)
  }

  private wakeupsFor(node: string): Wakeups {
    let wakeups = this.wakeups.get(node)
    if (wakeups === undefined) {
      wakeups = new Wakeups(
        (delay) => this.ctx.enqueueAfter(`wake/${node}`, delay),
        () => this.ctx.clock.now(),
      )
      this.wakeups.set(node, wakeups)
    }
    return wakeups
  }
}

function probeDelay(probe: ProbeSpec): number {
  return (probe.initialDelaySeconds ?? 0) * 1000
}
