/**
 * The builder's own state inside the daemon (BuildKit with the docker driver): its cache of build
 * steps (a step whose parent, instruction and inputs are unchanged is CACHED) and the base images
 * it pulled. With docker 28's default (graphdriver) image store, images a build pulls stay in the
 * builder's cache and do not appear in `docker images`; a base the image store already holds is
 * used from there.
 */
import { imageId, layerDigests, repoDigest, resolveImage, type LayerInfo } from '../images/catalog'
import type { CatalogImage } from '../images/catalog-types'
import {
  familiarString,
  parseNormalizedNamed,
  referenceString,
  tagNameOnly,
  type NamedReference,
} from '../images/reference'
import type { DockerEngine } from '../engine/engine'
import type { LocalImage } from '../engine/image-store'
import { ZERO_TIME } from '../engine/time'
import type { StageFs } from './stage-fs'

/** A finished step as the cache keeps it. */
export interface CachedStep {
  readonly fs: StageFs
  /** Programs the step (and those before it) installed. */
  readonly installed: ReadonlySet<string>
  readonly createdMs: number
  /** Bytes the step's layer holds. */
  readonly bytes: number
}

export class BuilderState {
  readonly steps = new Map<string, CachedStep>()
  /** Catalog images pulled by builds, by image id. */
  readonly pulled = new Map<string, LocalImage>()
  /** Content last sent per context file, for the "transferring context" sizes. */
  readonly sent = new Map<string, string>()

  /** `docker builder prune`: forgets every cached step; returns the bytes it held. */
  prune(): number {
    let bytes = 0
    for (const step of this.steps.values()) bytes += step.bytes
    this.steps.clear()
    this.pulled.clear()
    this.sent.clear()
    return bytes
  }
}

const states = new WeakMap<DockerEngine, BuilderState>()

export function builderOf(engine: DockerEngine): BuilderState {
  let state = states.get(engine)
  if (!state) {
    state = new BuilderState()
    states.set(engine, state)
  }
  return state
}

export type BaseResolution =
  | {
      ok: true
      image: LocalImage
      /** `docker.io/library/node:20-alpine`. */
      canonical: string
      /** The manifest digest the FROM vertex names, when it came from a registry. */
      digest: string | undefined
      /** In the image store: no download, no digest in the vertex name. */
      local: boolean
      /** Layers to download (empty when the builder already has them). */
      download: LayerInfo[]
      catalog: CatalogImage | undefined
    }
  | { ok: false; canonical: string; vertexError: string | undefined; message: string }

/** BuildKit's words for a base image it cannot resolve (the registry's answers). */
function registryError(kind: string, ref: NamedReference, message: string): string {
  const canonical = referenceString(ref)
  switch (kind) {
    case 'tag-not-found':
      return `${canonical}: not found`
    case 'platform-mismatch':
      return 'no match for platform in manifest: not found'
    case 'registry-unreachable': {
      const host = ref.domain
      return `failed to do request: Head "https://${host}/v2/${ref.path}/manifests/${ref.tag ?? 'latest'}": dial tcp: lookup ${host.replace(/:\d+$/, '')}: no such host`
    }
    case 'repository-not-found':
      return 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'
    default:
      return message
  }
}

/** Finds a base image: the image store's, the builder's cache, or the offline registry's. */
export function resolveBase(engine: DockerEngine, name: string, pull: boolean): BaseResolution {
  const parsed = parseNormalizedNamed(name)
  if (!parsed.ok)
    return {
      ok: false,
      canonical: name,
      vertexError: undefined,
      message: `failed to parse stage name "${name}": ${parsed.error.message}`,
    }
  const ref = parsed.value.digest === undefined ? tagNameOnly(parsed.value) : parsed.value
  const canonical = referenceString(ref)
  const local = pull ? undefined : engine.findImage(familiarString(ref))
  if (local)
    return {
      ok: true,
      image: local,
      canonical,
      digest: undefined,
      local: true,
      download: [],
      catalog: local.catalog,
    }
  const resolved = resolveImage(familiarString(ref))
  if (resolved.kind !== 'found') {
    const vertexError = registryError(resolved.kind, ref, resolved.message)
    return {
      ok: false,
      canonical,
      vertexError,
      message: `${name}: failed to resolve source metadata for ${canonical}: ${vertexError}`,
    }
  }
  const builder = builderOf(engine)
  const id = imageId(resolved.image)
  const digest = repoDigest(resolved.image).split('@')[1]
  const cached = builder.pulled.get(id)
  if (cached)
    return {
      ok: true,
      image: cached,
      canonical,
      digest,
      local: false,
      download: [],
      catalog: resolved.image,
    }
  const image = catalogImage(resolved.image, id)
  builder.pulled.set(id, image)
  return {
    ok: true,
    image,
    canonical,
    digest,
    local: false,
    download: layerDigests(resolved.image),
    catalog: resolved.image,
  }
}

/** A catalog image as the builder holds it (the same fields a pull gives the image store). */
function catalogImage(image: CatalogImage, id: string): LocalImage {
  const cfg = image.config
  const created = Date.parse(image.created)
  const layers = layerDigests(image).map((l) => l.digest)
  return {
    id,
    catalog: image,
    files: new Map(Object.entries(image.files)),
    createdMs: Number.isNaN(created) ? 0 : created,
    layerIds: layers,
    inspect: {
      Id: id,
      RepoTags: [],
      RepoDigests: [repoDigest(image)],
      Parent: '',
      Comment: 'buildkit.dockerfile.v0',
      Created: image.created,
      DockerVersion: '',
      Author: '',
      Config: {
        Hostname: '',
        Domainname: '',
        User: cfg.User,
        AttachStdin: false,
        AttachStdout: false,
        AttachStderr: false,
        ...(cfg.ExposedPorts ? { ExposedPorts: cfg.ExposedPorts } : {}),
        Tty: false,
        OpenStdin: false,
        StdinOnce: false,
        Env: cfg.Env,
        Cmd: cfg.Cmd ?? null,
        ...(cfg.Healthcheck ? { Healthcheck: cfg.Healthcheck } : {}),
        Image: '',
        Volumes: cfg.Volumes ?? null,
        WorkingDir: cfg.WorkingDir,
        Entrypoint: cfg.Entrypoint ?? null,
        OnBuild: null,
        Labels: cfg.Labels ?? {},
        ...(cfg.StopSignal ? { StopSignal: cfg.StopSignal } : {}),
      },
      Architecture: image.architecture,
      Os: image.os,
      Size: image.sizeBytes,
      RootFS: { Type: 'layers', Layers: layers },
      Metadata: { LastTagTime: ZERO_TIME },
    },
  }
}
