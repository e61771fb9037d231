/**
 * Images on a node, as the kubelet's image manager sees them through cri-dockerd: what a pull
 * finds in the offline catalog, how long it takes (from the image's size, on the virtual clock,
 * one pull at a time per node as with serializeImagePulls), and the names containerStatuses
 * report (`image: nginx:latest`, `imageID: docker-pullable://nginx@sha256:…`).
 */
import { imageId, repoDigest, resolveImage } from '../../docker/images/catalog'
import type { CatalogImage } from '../../docker/images/catalog-types'

export type PullAnswer =
  | {
      readonly ok: true
      readonly image: CatalogImage
      /** The familiar `name:tag` the runtime reports as the container's image. */
      readonly reference: string
      readonly imageID: string
      readonly sizeBytes: number
    }
  | { readonly ok: false; readonly message: string }

/**
 * The catalog is fixed, so each reference's answer (its digest is a SHA-256) is worked out once:
 * 30,000 replicas of one image ask the same question. Bounded, in case of a script typing many.
 */
const answers = new Map<string, PullAnswer>()
const familiars = new Map<string, string>()
const MAX_CACHED = 1024

function cached<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  let value = cache.get(key)
  if (value === undefined) {
    value = compute(key)
    if (cache.size >= MAX_CACHED) cache.clear()
    cache.set(key, value)
  }
  return value
}

/** What `docker pull` via cri-dockerd answers for the reference a pod names. */
export function pullFromCatalog(reference: string): PullAnswer {
  return cached(answers, reference, answerPull)
}

function answerPull(reference: string): PullAnswer {
  const resolved = resolveImage(reference)
  switch (resolved.kind) {
    case 'found':
      return {
        ok: true,
        image: resolved.image,
        reference: resolved.familiar,
        imageID: `docker-pullable://${repoDigest(resolved.image)}`,
        sizeBytes: resolved.image.sizeBytes,
      }
    case 'invalid-reference':
      return { ok: false, message: `Error response from daemon: ${resolved.message}` }
    default:
      return { ok: false, message: `Error response from daemon: ${resolved.message}` }
  }
}

/** The familiar reference a pod's image string names (`nginx` → `nginx:latest`). */
export function familiarReference(reference: string): string {
  return cached(familiars, reference, familiarOf)
}

function familiarOf(reference: string): string {
  const resolved = resolveImage(reference)
  if (resolved.kind === 'invalid-reference') return reference
  return resolved.familiar
}

/** The image id `docker images` shows for a catalog image. */
export const catalogImageId = (image: CatalogImage): string => imageId(image)

/**
 * Images minikube's preload tarball puts on every node (its `images` list for v1.32.0), so the
 * control plane and addons start without pulling.
 */
export function preloadedImages(kubernetesVersion: string): string[] {
  return [
    `registry.k8s.io/kube-apiserver:${kubernetesVersion}`,
    `registry.k8s.io/kube-controller-manager:${kubernetesVersion}`,
    `registry.k8s.io/kube-scheduler:${kubernetesVersion}`,
    `registry.k8s.io/kube-proxy:${kubernetesVersion}`,
    'registry.k8s.io/etcd:3.5.16-0',
    'registry.k8s.io/coredns/coredns:v1.11.3',
    'registry.k8s.io/pause:3.10',
    'gcr.io/k8s-minikube/storage-provisioner:v5',
    'docker.io/kindest/kindnetd:v20241108-5c6d2daf',
  ].map(familiarReference)
}

/** A node's image store and its (serialised) puller. */
export class NodeImages {
  private readonly present = new Set<string>()
  private readonly queued = new Set<string>()
  /** When the puller is next free (pulls queue one behind the other). */
  private pullerFreeAt = 0

  constructor(preloaded: readonly string[]) {
    for (const ref of preloaded) this.present.add(ref)
  }

  has(reference: string): boolean {
    return this.present.has(reference)
  }

  /**
   * Whether the layers will be on the node when a pull booked now starts: present already, or an
   * earlier pull of the same image is queued ahead of it (pulls are serialised, so replicas of
   * one image wait for the first download, then only check the manifest).
   */
  willHave(reference: string): boolean {
    return this.present.has(reference) || this.queued.has(reference)
  }

  /** A pull of `reference` that will succeed is queued. */
  queue(reference: string): void {
    this.queued.add(reference)
  }

  add(reference: string): void {
    this.present.add(reference)
  }

  /**
   * Books a pull requested at `now`: it starts when the puller is free and takes `durationMs`.
   * Returns when it ends.
   */
  book(now: number, durationMs: number): number {
    const start = Math.max(now, this.pullerFreeAt)
    this.pullerFreeAt = start + durationMs
    return this.pullerFreeAt
  }
}

/**
 * How long a pull takes: a registry round trip, plus the layers at a home connection's ~40 MB/s
 * unless they are already on the node (a re-pull of `:latest` only checks the manifest).
 */
export function pullDurationMs(sizeBytes: number, cached: boolean, jitter: number): number {
  const base = cached ? 350 : 450 + sizeBytes / 40_000
  return Math.round(base * (0.9 + 0.2 * jitter))
}

/** Go's time.Duration.String() for a whole number of milliseconds: `812ms`, `2.51s`, `1m4.2s`. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s'
  if (ms < 1000) return `${ms}ms`
  const totalSeconds = ms / 1000
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = ms % 60_000
  const secText = `${Math.floor(seconds / 1000)}${
    seconds % 1000 === 0
      ? ''
      : `.${String(seconds % 1000)
          .padStart(3, '0')
          .replace(/0+$/, '')}`
  }s`
  if (hours > 0) return `${hours}h${minutes}m${secText}`
  if (minutes > 0) return `${minutes}m${secText}`
  return secText
}
