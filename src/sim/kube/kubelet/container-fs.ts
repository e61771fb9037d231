/**
 * A pod container's filesystem, for `kubectl exec` and `kubectl cp`: the image's root filesystem
 * (the same one `docker run` gives: docker/engine/rootfs.ts under docker/engine/container-fs.ts)
 * with a writable layer kept per container instance. A file written by one exec is there for the
 * next while the container lives; when the kubelet restarts the container (a new container ID)
 * the new instance starts from the image again, as with a real runtime.
 *
 * Pods are not Docker containers of the student's daemon: each container instance is given a
 * daemon-style record of its own here, only so the Docker filesystem code can lay it out. The
 * files the kubelet manages (/etc/hosts, /etc/resolv.conf, /etc/hostname, the service account
 * mount) are written over it the way the kubelet writes them.
 */
import { ContainerFs } from '../../docker/engine/container-fs'
import type { ContainerConfig, ImageInspect } from '../../docker/engine/api-types'
import { freshRunState, type ContainerRecord } from '../../docker/engine/container-record'
import type { LocalImage } from '../../docker/engine/image-store'
import type { CatalogImage } from '../../docker/images/catalog-types'
import type { VirtualFs } from '../../fs/virtual-fs'
import type { World } from '../../world'
import type { KubeObject } from '../api/object'
import type { KubeCluster } from '../cluster'
import { CLUSTER_DOMAIN } from '../network/cluster-dns'
import { containerImage } from '../network/node-images'
import type { ObjectStore } from '../store/object-store'

const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

interface ContainerSpecView {
  name: string
  image?: string
  command?: string[]
  args?: string[]
  workingDir?: string
}

interface ContainerStatusView {
  name: string
  containerID?: string
  state?: { running?: { startedAt?: string } }
}

/** The running instance of a container: what identifies it, and where its image comes from. */
export interface ContainerInstance {
  /** The runtime's id (`docker://…`): a restart changes it. */
  readonly containerID: string
  readonly spec: ContainerSpecView
  readonly image: CatalogImage | undefined
  /** When the instance started (epoch ms). */
  readonly startedAtMs: number
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function specsOf(pod: KubeObject): ContainerSpecView[] {
  const spec = isObj(pod['spec']) ? pod['spec'] : {}
  const list = (key: string): ContainerSpecView[] =>
    (Array.isArray(spec[key]) ? spec[key].filter(isObj) : []) as unknown as ContainerSpecView[]
  return [...list('containers'), ...list('initContainers'), ...list('ephemeralContainers')]
}

/** The running instance of `name` in the pod, or undefined when it is not running. */
export function runningInstance(
  pod: KubeObject,
  name: string,
  store?: ObjectStore,
): ContainerInstance | undefined {
  const status = isObj(pod['status']) ? pod['status'] : {}
  const statuses = [
    ...(Array.isArray(status['containerStatuses']) ? status['containerStatuses'] : []),
    ...(Array.isArray(status['initContainerStatuses']) ? status['initContainerStatuses'] : []),
  ] as ContainerStatusView[]
  const found = statuses.find((s) => s.name === name)
  const startedAt = found?.state?.running?.startedAt
  const spec = specsOf(pod).find((c) => c.name === name)
  if (found === undefined || startedAt === undefined || spec === undefined) return undefined
  return {
    containerID: found.containerID ?? `${pod.metadata.uid ?? ''}/${name}`,
    spec,
    // A student's image built on (or loaded into) the node is found there, as the kubelet found it.
    image: spec.image === undefined ? undefined : containerImage(store, spec.image),
    startedAtMs: Date.parse(startedAt),
  }
}

/** The catalog image as a daemon's local image (what the rootfs code lays out). */
const localImages = new WeakMap<CatalogImage, LocalImage>()

function localImageOf(image: CatalogImage | undefined): LocalImage {
  const key = image ?? NO_IMAGE
  const known = localImages.get(key)
  if (known !== undefined) return known
  const config = configFrom(image, '')
  const local: LocalImage = {
    id: `sha256:${image?.repository ?? 'unknown'}`,
    // Only Config is read from an image's inspect data by the filesystem code.
    inspect: { Config: config } as unknown as ImageInspect,
    catalog: image,
    files: new Map(Object.entries(image?.files ?? {})),
    createdMs: 0,
    layerIds: [],
  }
  localImages.set(key, local)
  return local
}

/** Stands for "no catalog entry" as a WeakMap key. */
const NO_IMAGE = {} as CatalogImage

function configFrom(image: CatalogImage | undefined, hostname: string): ContainerConfig {
  const c = image?.config
  return {
    Hostname: hostname,
    Domainname: '',
    User: c?.User ?? '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: c?.Env ?? [DEFAULT_PATH],
    Cmd: c?.Cmd ?? null,
    Image: image === undefined ? '' : `${image.repository}:${image.tag}`,
    Volumes: null,
    WorkingDir: c?.WorkingDir ?? '',
    Entrypoint: c?.Entrypoint ?? null,
    OnBuild: null,
    Labels: {},
  }
}

/** One record per container instance, per cluster: the writable layer lives in its `files`. */
const layers = new WeakMap<KubeCluster, Map<string, ContainerRecord>>()

function recordFor(cluster: KubeCluster, pod: KubeObject, instance: ContainerInstance) {
  let map = layers.get(cluster)
  if (map === undefined) layers.set(cluster, (map = new Map()))
  const key = `${pod.metadata.uid ?? pod.metadata.name}/${instance.spec.name}`
  const known = map.get(key)
  if (known !== undefined && known.id === instance.containerID) return known
  const image = localImageOf(instance.image)
  const hostname = podHostname(pod)
  const config = configFrom(instance.image, hostname)
  // The pod's command and args replace the image's entrypoint and cmd, as the kubelet asks.
  if (instance.spec.command !== undefined) {
    config.Entrypoint = instance.spec.command
    config.Cmd = instance.spec.args ?? null
  } else if (instance.spec.args !== undefined) config.Cmd = instance.spec.args
  if (instance.spec.workingDir !== undefined) config.WorkingDir = instance.spec.workingDir
  const record: ContainerRecord = {
    id: instance.containerID,
    name: `k8s_${instance.spec.name}_${pod.metadata.name}`,
    createdMs: instance.startedAtMs,
    image,
    imageRef: config.Image,
    config,
    hostConfig: {
      Binds: null,
      NetworkMode: 'none',
      PortBindings: {},
      RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
      AutoRemove: false,
    } as unknown as ContainerRecord['hostConfig'],
    path: '',
    args: [],
    state: { ...freshRunState(), status: 'running', startedAtMs: instance.startedAtMs },
    restartCount: 0,
    stoppedByUser: false,
    networks: new Map(),
    mounts: [],
    boundPorts: {},
    logs: [],
    timers: [],
    files: new Map(),
  }
  // A restarted container's old layer is gone with it.
  map.set(key, record)
  return record
}

export const podHostname = (pod: KubeObject): string =>
  (isObj(pod['spec']) && typeof pod['spec']['hostname'] === 'string'
    ? pod['spec']['hostname']
    : undefined) ?? pod.metadata.name

/** /etc/hosts as the kubelet writes it for a pod on the pod network. */
function kubeletHosts(pod: KubeObject): string {
  const ip = isObj(pod['status']) ? pod['status']['podIP'] : undefined
  const lines = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
  ]
  if (typeof ip === 'string' && ip !== '') lines.push(`${ip}\t${podHostname(pod)}`)
  return `${lines.join('\n')}\n`
}

/** /etc/resolv.conf for dnsPolicy ClusterFirst: CoreDNS's ClusterIP and the search list. */
function kubeletResolvConf(pod: KubeObject): string {
  const ns = pod.metadata.namespace ?? 'default'
  return `nameserver 10.96.0.10\nsearch ${ns}.svc.${CLUSTER_DOMAIN} svc.${CLUSTER_DOMAIN} ${CLUSTER_DOMAIN}\noptions ndots:5\n`
}

/** A pod container's filesystem, open for one exec or copy. */
export interface PodContainerFs {
  readonly fs: VirtualFs
  /** The daemon-style record the layer lives in (its image and config, for the shell code). */
  readonly record: ContainerRecord
  readonly containerFs: ContainerFs
  /** Writes the changes back to the instance's layer. */
  close(): Promise<void>
}

/** Opens the running instance of `container` in `pod`; undefined when it is not running. */
export async function openPodContainerFs(
  world: World,
  cluster: KubeCluster,
  pod: KubeObject,
  container: string,
): Promise<PodContainerFs | undefined> {
  const instance = runningInstance(pod, container, cluster.store)
  if (instance === undefined) return undefined
  const record = recordFor(cluster, pod, instance)
  const containerFs = await ContainerFs.open(world.docker, record)
  const fs = containerFs.fs
  fs.writeFileSync('/etc/hosts', kubeletHosts(pod))
  fs.writeFileSync('/etc/resolv.conf', kubeletResolvConf(pod))
  fs.writeFileSync('/etc/hostname', `${podHostname(pod)}\n`)
  const sa = '/var/run/secrets/kubernetes.io/serviceaccount'
  fs.mkdirSync(sa, { recursive: true })
  fs.writeFileSync(`${sa}/namespace`, pod.metadata.namespace ?? 'default')
  // The kubelet's files are not changes the container made.
  fs.revision = 0
  return { fs, record, containerFs, close: () => containerFs.close() }
}
