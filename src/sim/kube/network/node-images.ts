/**
 * Images a node's container runtime holds beyond what it can pull from the offline catalog: the
 * ones the student built with the node's Docker (`eval $(minikube docker-env)`, then `docker
 * build`: they are in the node's engine, minikube/node-daemon.ts) or copied there (`minikube
 * image load myapp:1`). The kubelet finds them as "already
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

/** The Docker engine inside the cluster's node (minikube/node-daemon.ts), once it exists. */
const nodeEngines = new WeakMap<ObjectStore, NodeEngine>()

/** What this module needs of the node's engine. */
export interface NodeEngine {
  findImage(ref: string): LocalImage | undefined
  readonly images: {
    add(image: LocalImage): void
    tag(familiarTag: string, imageId: string): void
    all(): LocalImage[]
    tagsOf(imageId: string): string[]
  }
}

/** The node's daemon exists: what it holds (built there, loaded) is on the node. */
export function attachNodeEngine(store: ObjectStore, engine: NodeEngine): void {
  nodeEngines.set(store, engine)
}

/**
 * An image the node's daemon made rather than pulled (`docker build` with docker-env): pulled
 * images carry a registry digest, builds and commits have none.
 */
const madeOnNode = (local: LocalImage) => local.inspect.RepoDigests.length === 0

/** Puts `local` on the cluster's node under `reference` (replacing what that tag named). */
export function addNodeImage(store: ObjectStore, reference: string, local: LocalImage): boolean {
  const familiar = familiarOf(reference)
  if (familiar === undefined) return false
  let images = stores.get(store)
  if (images === undefined) stores.set(store, (images = new Map()))
  images.set(familiar, { reference: familiar, image: nodeImageOf(local, familiar), id: local.id })
  // `minikube image load` copies into the node's image store: `docker images` there shows it.
  const engine = nodeEngines.get(store)
  if (engine !== undefined) {
    engine.images.add(local)
    engine.images.tag(familiar, local.id)
  }
  return true
}

/** The image the node holds under `reference`, beyond the catalog. */
export function nodeImage(store: ObjectStore, reference: string): NodeImage | undefined {
  const familiar = familiarOf(reference)
  if (familiar === undefined) return undefined
  const local = nodeEngines.get(store)?.findImage(familiar)
  if (local !== undefined && madeOnNode(local))
    return { reference: familiar, image: nodeImageOf(local, familiar), id: local.id }
  return stores.get(store)?.get(familiar)
}

/** Every image the node holds beyond the catalog, by familiar reference. */
export function nodeImages(store: ObjectStore): NodeImage[] {
  const found = new Map((stores.get(store) ?? new Map<string, NodeImage>()).entries())
  const engine = nodeEngines.get(store)
  for (const local of engine?.images.all() ?? []) {
    if (!madeOnNode(local)) continue
    for (const tag of engine?.images.tagsOf(local.id) ?? [])
      found.set(tag, { reference: tag, image: nodeImageOf(local, tag), id: local.id })
  }
  return [...found.values()]
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
