/**
 * The Docker daemon inside a minikube node (the docker driver's kicbase runs dockerd, published
 * on 127.0.0.1:<port of 2376>): what `eval $(minikube docker-env)` points the docker client at.
 * It is a DockerEngine of its own holding the node's images (Kubernetes' system images, what the
 * kubelet pulled, what the student built there) and, as cri-dockerd names them, a container per
 * pod container plus a `k8s_POD_…` pause container per pod — brought in line with the cluster's
 * pods each time a docker command reads it (no background work).
 */
import { SeededRandom } from '../../core/random'
import { ContainerCommandRunner } from '../../docker/cli/container-runner'
import type { RunState } from '../../docker/engine/container-record'
import { DockerEngine, type ExternalState } from '../../docker/engine/engine'
import { catalogRegistry } from '../../docker/engine/registry'
import type { World } from '../../world'
import { servedType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import { attachNodeEngine } from '../network/node-images'
import { nodeContainer, publishedPort } from './node-containers'
import { machinesOf, type MinikubeProfile } from './profiles'

/** What minikube v1.35.0's node holds for Kubernetes v1.32.0 before any workload (docker images). */
export const NODE_SYSTEM_IMAGES = [
  'registry.k8s.io/kube-apiserver:v1.32.0',
  'registry.k8s.io/kube-controller-manager:v1.32.0',
  'registry.k8s.io/kube-scheduler:v1.32.0',
  'registry.k8s.io/kube-proxy:v1.32.0',
  'registry.k8s.io/etcd:3.5.16-0',
  'registry.k8s.io/coredns/coredns:v1.11.3',
  'registry.k8s.io/pause:3.10',
  'gcr.io/k8s-minikube/storage-provisioner:v5',
]
const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10'
/** The node's kernel: the docker driver's node shares the host's. */
const NODE_KERNEL = '6.8.0-quai'
/** cri-dockerd's name prefix for everything it runs. */
const PREFIX = 'k8s_'

const PODS = servedType('Pod')

interface Terminated {
  exitCode?: number
  startedAt?: string
  finishedAt?: string
}

interface PodShape {
  metadata: { name?: string; namespace?: string; uid?: string }
  spec?: {
    nodeName?: string
    containers?: { name: string; image?: string; command?: string[]; args?: string[] }[]
  }
  status?: {
    phase?: string
    startTime?: string
    containerStatuses?: {
      name: string
      restartCount?: number
      state?: { running?: { startedAt?: string }; waiting?: object; terminated?: Terminated }
      lastState?: { terminated?: Terminated }
    }[]
  }
}

/** One node engine per cluster: images survive `minikube stop` / `start`, as on the node's disk. */
const engines = new WeakMap<KubeCluster, DockerEngine>()

const hash = (text: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/** The node's engine (created with its system images on first use). */
export function nodeEngine(world: World, profile: MinikubeProfile): DockerEngine {
  const known = engines.get(profile.cluster)
  if (known !== undefined) return known
  const runner = new ContainerCommandRunner(world.clock, undefined)
  const engine = new DockerEngine({
    clock: world.clock,
    random: new SeededRandom((world.kube.seed ^ hash(`node-docker:${profile.name}`)) >>> 0),
    registry: catalogRegistry,
    runner,
    host: {
      cpus: profile.cpus,
      memoryBytes: profile.memoryMiB * 1024 * 1024,
      kernel: NODE_KERNEL,
      // The node's hostname, and the OS of the kicbase image (v0.0.46 is built FROM ubuntu:jammy).
      name: machinesOf(profile)[0]?.name ?? profile.name,
      operatingSystem: { name: 'Ubuntu 22.04.5 LTS (containerized)', version: '22.04' },
    },
  })
  runner.attach(engine)
  for (const image of NODE_SYSTEM_IMAGES) engine.pull(image)
  engines.set(profile.cluster, engine)
  attachNodeEngine(profile.cluster.store, engine)
  return engine
}

/** The address `minikube docker-env` prints for the profile: its node's published 2376. */
export function nodeDockerHost(world: World, profile: MinikubeProfile): string {
  const record = nodeContainer(world.docker, profile.name)
  const port = (record === undefined ? undefined : publishedPort(record, 2376)) ?? '32769'
  return `tcp://127.0.0.1:${port}`
}

/** `k8s_<container>_<pod>_<namespace>_<uid>_<attempt>`, cri-dockerd's naming. */
const criName = (container: string, pod: PodShape, attempt: number) =>
  `${PREFIX}${container}_${pod.metadata.name ?? ''}_${pod.metadata.namespace ?? ''}_${pod.metadata.uid ?? ''}_${attempt}`

/** What cri-dockerd has for one pod container (or a pod's sandbox), as the node daemon holds it. */
interface Mirrored {
  name: string
  image: string
  pod: PodShape
  container: string
  cmd?: string[]
  entrypoint?: string[]
  createdMs: number
  state: ExternalState
}

const ms = (time: string | undefined): number | undefined =>
  time === undefined ? undefined : Date.parse(time)

/** A terminated container's state; the kubelet writes both times once it has ended. */
function exited(t: Terminated, fallbackMs: number): ExternalState {
  const startedAtMs = ms(t.startedAt) ?? fallbackMs
  return {
    status: 'exited',
    exitCode: t.exitCode ?? 0,
    startedAtMs,
    finishedAtMs: ms(t.finishedAt) ?? startedAtMs,
  }
}

/**
 * A pod's containers as cri-dockerd holds them: per pod container the current attempt (running
 * or ended) and the previous one if it ended (the kubelet keeps one dead container per pod
 * container, for `kubectl logs --previous`). Attempt n is the container's nth restart.
 */
function podContainers(pod: PodShape): Mirrored[] {
  const out: Mirrored[] = []
  for (const status of pod.status?.containerStatuses ?? []) {
    const spec = pod.spec?.containers?.find((c) => c.name === status.name)
    if (spec?.image === undefined) continue
    const base = {
      image: spec.image,
      pod,
      container: status.name,
      ...(spec.command === undefined ? {} : { entrypoint: spec.command }),
      ...(spec.args === undefined ? {} : { cmd: spec.args }),
    }
    const attempt = status.restartCount ?? 0
    const previous = status.lastState?.terminated
    if (previous !== undefined && attempt > 0) {
      const state = exited(previous, 0)
      const name = criName(status.name, pod, attempt - 1)
      out.push({ ...base, name, createdMs: state.startedAtMs, state })
    }
    const running = status.state?.running
    const terminated = status.state?.terminated
    const startedAtMs = ms(running?.startedAt ?? terminated?.startedAt)
    if (startedAtMs === undefined) continue
    const state: ExternalState =
      terminated === undefined
        ? { status: 'running', startedAtMs }
        : exited(terminated, startedAtMs)
    // The status has no creation time: the runtime creates the container just before starting it.
    out.push({ ...base, name: criName(status.name, pod, attempt), createdMs: startedAtMs, state })
  }
  return out
}

/**
 * The pod's pause container: created when the kubelet set the pod up (its startTime), up while
 * the pod lives, stopped (exit 0) once a pod that will not restart anything has ended.
 */
function sandbox(pod: PodShape, containers: Mirrored[]): Mirrored {
  const createdMs =
    ms(pod.status?.startTime) ?? Math.min(...containers.map((c) => c.state.startedAtMs))
  const ended = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
  const finishedAtMs = Math.max(
    ...containers.map((c) => (c.state.status === 'exited' ? c.state.finishedAtMs : createdMs)),
  )
  return {
    name: criName('POD', pod, 0),
    image: PAUSE_IMAGE,
    pod,
    container: 'POD',
    createdMs,
    state: ended
      ? { status: 'exited', exitCode: 0, startedAtMs: createdMs, finishedAtMs }
      : { status: 'running', startedAtMs: createdMs },
  }
}

/** The containers cri-dockerd holds for the node's pods, by name. */
function desired(cluster: KubeCluster, nodeName: string): Map<string, Mirrored> {
  const wanted = new Map<string, Mirrored>()
  for (const object of cluster.objects(PODS)) {
    const pod = object as unknown as PodShape
    if (pod.spec?.nodeName !== nodeName) continue
    const containers = podContainers(pod)
    if (containers.length === 0) continue
    for (const mirrored of [sandbox(pod, containers), ...containers])
      wanted.set(mirrored.name, mirrored)
  }
  return wanted
}

const sameState = (a: RunState, b: ExternalState): boolean =>
  a.status === b.status &&
  a.startedAtMs === b.startedAtMs &&
  (b.status === 'running' || (a.exitCode === b.exitCode && a.finishedAtMs === b.finishedAtMs))

/**
 * Brings the node engine's k8s_ containers in line with the cluster's pods on the node. Their
 * processes are the kubelet's, not the daemon's: each record takes its pod container's state.
 */
export function syncNodeContainers(
  engine: DockerEngine,
  cluster: KubeCluster,
  nodeName: string,
): void {
  const wanted = desired(cluster, nodeName)
  for (const record of engine.allContainers())
    if (record.name.startsWith(PREFIX) && !wanted.has(record.name))
      engine.removeContainer(record.id, { force: true })
  for (const [name, want] of wanted) {
    const known = engine.findContainer(name)
    if (known?.name === name) {
      if (!sameState(known.state, want.state)) engine.setExternalState(known.id, want.state)
      continue
    }
    // The kubelet pulled it (or it was built here): the node's image store has it from now on.
    if (engine.findImage(want.image) === undefined && !engine.pull(want.image).ok) continue
    const created = engine.createContainer(
      {
        Image: want.image,
        ...(want.entrypoint === undefined ? {} : { Entrypoint: want.entrypoint }),
        ...(want.cmd === undefined ? {} : { Cmd: want.cmd }),
        Labels: {
          'io.kubernetes.container.name': want.container,
          'io.kubernetes.docker.type': want.container === 'POD' ? 'podsandbox' : 'container',
          'io.kubernetes.pod.name': want.pod.metadata.name ?? '',
          'io.kubernetes.pod.namespace': want.pod.metadata.namespace ?? '',
          'io.kubernetes.pod.uid': want.pod.metadata.uid ?? '',
        },
      },
      name,
      { createdMs: want.createdMs },
    )
    if (created.ok) engine.setExternalState(created.value.Id, want.state)
  }
}

/** The node's daemon starts answering at the address docker-env prints (`minikube start`). */
export function serveNodeDaemon(world: World, profile: MinikubeProfile): void {
  const engine = nodeEngine(world, profile)
  const nodeName = machinesOf(profile)[0]?.name ?? profile.name
  world.serveDaemon(nodeDockerHost(world, profile), {
    engine,
    name: nodeName,
    sync: () => syncNodeContainers(engine, profile.cluster, nodeName),
  })
}

/** Nothing answers there any more (`minikube stop`, `minikube delete`). */
export function unserveNodeDaemon(world: World, profile: MinikubeProfile): void {
  world.unserveDaemon(nodeDockerHost(world, profile))
}
