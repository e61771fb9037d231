/**
 * Images a node's container runtime holds beyond what it can pull from the offline catalog: the
 * ones the student built with the node's Docker (`eval $(minikube docker-env)`, then `docker
 * build`) or copied there (`minikube image load myapp:1`). The kubelet finds them as "already
 * present on machine"; without them a pod naming `myapp:1` fails to pull, as on a real node.
 *
 * A built image is kept as the catalog-shaped image the kubelet and the pod network work with:
 * its config and files are the build's, its behaviour its base image's. Keyed by the cluster's
 * object store, which the kubelet (its controller context) and every client share.
 */
import type { LocalImage } from '../../docker/engine/image-store'
import { resolveImage } from '../../docker/images/catalog'
import type { BehaviourProfile, CatalogImage, ImageConfig } from '../../docker/images/catalog-types'
import type { ObjectStore } from '../store/object-store'

export interface NodeImage {
  /** The familiar reference (`myapp:1`). */
  readonly reference: string
  readonly image: CatalogImage
  /** The local image id (`sha256:…`), as `docker images` on the node shows it. */
  readonly id: string
}

const stores = new WeakMap<ObjectStore, Map<string, NodeImage>>()

/** `myapp` → `myapp:latest`; `docker.io/library/myapp:1` → `myapp:1`. */
export function familiarOf(reference: string): string | undefined {
  const resolved = resolveImage(reference)
  return resolved.kind === 'invalid-reference' ? undefined : resolved.familiar
}

const sameWords = (a: readonly string[] | null | undefined, b: readonly string[] | undefined) =>
  (a ?? []).join('\u0000') === (b ?? []).join('\u0000')

/**
 * What the image's default process does: its base's behaviour while the build kept the base's
 * command (FROM nginx + COPY index.html still runs nginx). A build with its own CMD or
 * ENTRYPOINT (`CMD ["python", "app.py"]`) runs the student's program, not the base's REPL that
 * exits at once: it keeps running, and serves what its code says (network/pod-apps.ts).
 */
function profileOf(local: LocalImage, parent: CatalogImage | undefined): BehaviourProfile {
  const config = local.inspect.Config
  const fallback: BehaviourProfile = {
    startup: [],
    memoryMiB: { idle: 8 },
    cpuPercent: { idle: 0 },
  }
  if (parent === undefined) return fallback
  if (
    sameWords(config.Cmd, parent.config.Cmd) &&
    sameWords(config.Entrypoint, parent.config.Entrypoint)
  )
    return parent.profile
  const {
    exit: _exit,
    restart: _restart,
    requires: _requires,
    services: _services,
    ...rest
  } = parent.profile
  return { ...rest, startup: [] }
}

/** The build (or pulled image) as the catalog-shaped image pods run. */
export function nodeImageOf(local: LocalImage, reference: string): CatalogImage {
  const parent = local.catalog
  const config = local.inspect.Config
  const at = reference.lastIndexOf(':')
  const slash = reference.lastIndexOf('/')
  const hasTag = at > slash
  const imageConfig: ImageConfig = {
    Env: [...(config.Env ?? [])],
    WorkingDir: config.WorkingDir,
    User: config.User,
    ...(config.Cmd === null ? {} : { Cmd: [...config.Cmd] }),
    ...(config.Entrypoint === null ? {} : { Entrypoint: [...config.Entrypoint] }),
    ...(config.ExposedPorts
      ? { ExposedPorts: config.ExposedPorts as ImageConfig['ExposedPorts'] }
      : {}),
  }
  return {
    repository: hasTag ? reference.slice(0, at) : reference,
    tag: hasTag ? reference.slice(at + 1) : 'latest',
    aliases: [],
    os: 'linux',
    architecture: 'amd64',
    created: local.inspect.Created,
    sizeBytes: local.inspect.Size,
    layerCount: local.layerIds.length,
    config: imageConfig,
    base: parent?.base ?? 'debian',
    ...(parent === undefined ? {} : { parent: `${parent.repository}:${parent.tag}` }),
    files: { ...(parent?.files ?? {}), ...Object.fromEntries(local.files) },
    profile: profileOf(local, parent),
    official: false,
    generic: parent === undefined,
  }
}

/** Puts `local` on the cluster's node under `reference` (replacing what that tag named). */
export function addNodeImage(store: ObjectStore, reference: string, local: LocalImage): boolean {
  const familiar = familiarOf(reference)
  if (familiar === undefined) return false
  let images = stores.get(store)
  if (images === undefined) stores.set(store, (images = new Map()))
  images.set(familiar, { reference: familiar, image: nodeImageOf(local, familiar), id: local.id })
  return true
}

/** The image the node holds under `reference`, beyond the catalog. */
export function nodeImage(store: ObjectStore, reference: string): NodeImage | undefined {
  const familiar = familiarOf(reference)
  return familiar === undefined ? undefined : stores.get(store)?.get(familiar)
}

/** Every image the node holds beyond the catalog, by familiar reference. */
export function nodeImages(store: ObjectStore): NodeImage[] {
  return [...(stores.get(store)?.values() ?? [])]
}

/** The image a pod's container runs: one the node holds, else the catalog's. */
export function containerImage(
  store: ObjectStore | undefined,
  reference: string,
): CatalogImage | undefined {
  const local = store === undefined ? undefined : nodeImage(store, reference)
  if (local !== undefined) return local.image
  const resolved = resolveImage(reference)
  return resolved.kind === 'found' ? resolved.image : undefined
}

/**
 * The node daemons `minikube docker-env` pointed a shell at: DOCKER_HOST value → the cluster's
 * store, per host engine. Quai's docker client has one daemon, so an image built or tagged with
 * DOCKER_HOST set to a node's address is also copied to that node (see nodeDockerBuilt).
 */
const dockerHosts = new WeakMap<object, Map<string, ObjectStore>>()

/** `minikube docker-env` printed `dockerHost` for the cluster whose store is `store`. */
export function serveNodeDocker(engine: object, dockerHost: string, store: ObjectStore): void {
  let hosts = dockerHosts.get(engine)
  if (hosts === undefined) dockerHosts.set(engine, (hosts = new Map()))
  hosts.set(dockerHost, store)
}

/** The cluster store whose node daemon DOCKER_HOST names, if `minikube docker-env` gave it. */
export function nodeDockerAt(
  engine: object,
  dockerHost: string | undefined,
): ObjectStore | undefined {
  return dockerHost === undefined || dockerHost === ''
    ? undefined
    : dockerHosts.get(engine)?.get(dockerHost)
}

/**
 * The docker client made images under `references` while DOCKER_HOST named a minikube node
 * (`eval $(minikube docker-env)` then `docker build -t myapp:1 .`): they are on that node.
 */
export function nodeDockerBuilt(
  engine: { findImage(ref: string): LocalImage | undefined },
  dockerHost: string | undefined,
  references: readonly string[],
): void {
  const store = nodeDockerAt(engine, dockerHost)
  if (store === undefined) return
  for (const reference of references) {
    const image = engine.findImage(reference)
    if (image !== undefined) addNodeImage(store, reference, image)
  }
}
