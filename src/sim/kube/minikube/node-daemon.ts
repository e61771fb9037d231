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
import { DockerEngine } from '../../docker/engine/engine'
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

interface PodShape {
  metadata: { name?: string; namespace?: string; uid?: string }
  spec?: {
    nodeName?: string
    containers?: { name: string; image?: string; command?: string[]; args?: string[] }[]
  }
  status?: {
    containerStatuses?: {
      name: string
      restartCount?: number
      state?: { running?: object; waiting?: object; terminated?: object }
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

/** The containers cri-dockerd would be running for the node's pods, by name. */
function desired(cluster: KubeCluster, nodeName: string) {
  const wanted = new Map<
    string,
    { image: string; pod: PodShape; container: string; cmd?: string[]; entrypoint?: string[] }
  >()
  for (const object of cluster.objects(PODS)) {
    const pod = object as unknown as PodShape
    if (pod.spec?.nodeName !== nodeName) continue
    const statuses = pod.status?.containerStatuses ?? []
    const started = statuses.filter(
      (s) => s.state?.running !== undefined || s.state?.terminated !== undefined,
    )
    if (started.length === 0) continue
    wanted.set(criName('POD', pod, 0), { image: PAUSE_IMAGE, pod, container: 'POD' })
    for (const status of started) {
      const spec = pod.spec.containers?.find((c) => c.name === status.name)
      if (spec?.image === undefined) continue
      wanted.set(criName(status.name, pod, status.restartCount ?? 0), {
        image: spec.image,
        pod,
        container: status.name,
        ...(spec.command === undefined ? {} : { entrypoint: spec.command }),
        ...(spec.args === undefined ? {} : { cmd: spec.args }),
      })
    }
  }
  return wanted
}

/** Brings the node engine's k8s_ containers in line with the cluster's pods on the node. */
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
    if (engine.findContainer(name)?.name === name) continue
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
    )
    if (created.ok) engine.startContainer(created.value.Id)
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
