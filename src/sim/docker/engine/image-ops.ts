/**
 * Image operations of the simulated daemon beyond pulling: delete (`docker rmi`), tag, history
 * and prune, following moby daemon/images (image_delete.go, image_tag.go, image_history.go,
 * image_prune.go) on the graphdriver image store docker 28 uses by default.
 */
import { err, ok, type Result } from '../../core/errors'
import { layerDigests, lookupImage as lookupCatalogImage } from '../images/catalog'
import type { CatalogImage } from '../images/catalog-types'
import {
  familiarName,
  familiarString,
  parseNormalizedNamed,
  tagNameOnly,
  type NamedReference,
} from '../images/reference'
import { sha256Digest } from '../images/sha256'
import { isUp, type ContainerRecord } from './container-record'
import type { DockerEngine } from './engine'
import { DaemonError, daemonErrors } from './errors'
import type { LocalImage } from './image-store'
import type { HistoryResponseItem, ImageDeleteResponseItem } from './report-types'

/** `nginx` → `nginx:latest`, as the daemon names a missing image in "No such image". */
export function withDefaultTag(ref: string): string {
  const parsed = parseNormalizedNamed(ref)
  return parsed.ok ? familiarString(tagNameOnly(parsed.value)) : ref
}

/** The image a reference names: a tag, a digest reference, a full id or a unique id prefix. */
export function lookupImage(engine: DockerEngine, ref: string): LocalImage | undefined {
  const found = engine.findImage(ref)
  if (found) return found
  const parsed = parseNormalizedNamed(ref)
  if (!parsed.ok || parsed.value.digest === undefined) return undefined
  const wanted = `${familiarName(parsed.value)}@${parsed.value.digest}`
  return engine.images.all().find((i) => engine.images.digestsOf(i.id).includes(wanted))
}

/** Tags and digest references of an image, as familiar strings. */
function referencesOf(engine: DockerEngine, imageId: string): string[] {
  return [...engine.images.tagsOf(imageId), ...engine.images.digestsOf(imageId)]
}

const repoOf = (ref: string): string => ref.replace(/@.*$/, '').replace(/:[^:/]*$/, '')
const isDigestRef = (ref: string): boolean => ref.includes('@')

/** isSingleReference: every reference in one repository, and at most one of them a tag. */
function isSingleReference(refs: readonly string[]): boolean {
  if (refs.length <= 1) return refs.length === 1
  const tags = refs.filter((r) => !isDigestRef(r))
  if (tags.length > 1) return false
  const repos = new Set(refs.filter(isDigestRef).map(repoOf))
  const single = tags[0] ?? refs[0] ?? ''
  return repos.size === 1 && repos.has(repoOf(single))
}

function isImageIdPrefix(imageId: string, ref: string): boolean {
  return imageId.startsWith(ref) || imageId.slice('sha256:'.length).startsWith(ref)
}

interface Conflict {
  hard: boolean
  used: boolean
  error: DaemonError
}

function usersOf(engine: DockerEngine, imageId: string): ContainerRecord[] {
  return engine.allContainers().filter((c) => c.image.id === imageId)
}

/** checkImageDeleteConflict: child images and running containers are hard conflicts. */
function deleteConflict(
  engine: DockerEngine,
  image: LocalImage,
  soft: boolean,
  checkReferences: boolean,
): Conflict | undefined {
  const conflict = (hard: boolean, used: boolean, reason: string): Conflict => ({
    hard,
    used,
    error: daemonErrors.imageDeleteConflict(image.id, hard, reason),
  })
  if (engine.images.all().some((i) => i.inspect.Parent === image.id))
    return conflict(true, false, 'image has dependent child images')
  const users = usersOf(engine, image.id)
  const running = users.find(isUp)
  if (running)
    return conflict(true, true, `image is being used by running container ${short(running.id)}`)
  if (!soft) return undefined
  if (checkReferences && referencesOf(engine, image.id).length > 0)
    return conflict(false, false, 'image is referenced in multiple repositories')
  const stopped = users.find((c) => !isUp(c))
  if (stopped)
    return conflict(false, true, `image is being used by stopped container ${short(stopped.id)}`)
  return undefined
}

const short = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12)

function untag(engine: DockerEngine, image: LocalImage, ref: string): ImageDeleteResponseItem {
  if (isDigestRef(ref)) engine.images.untagDigest(ref)
  else engine.images.untag(ref)
  engine.events.emit('image', 'untag', image.id, { name: image.id })
  return { Untagged: ref }
}

/**
 * `DELETE /images/{name}` (`docker rmi`): untags a repository reference, then deletes the image
 * once nothing refers to it; refuses with the daemon's conflict messages.
 */
export function removeImage(
  engine: DockerEngine,
  ref: string,
  options: { force?: boolean } = {},
): Result<ImageDeleteResponseItem[], DaemonError> {
  const force = options.force ?? false
  const image = lookupImage(engine, ref)
  if (!image) return err(daemonErrors.noSuchImage(withDefaultTag(ref)))
  const records: ImageDeleteResponseItem[] = []
  let quiet = false
  if (!isImageIdPrefix(image.id, ref)) {
    if (!force && isSingleReference(referencesOf(engine, image.id))) {
      const user = usersOf(engine, image.id)[0]
      if (user) return err(daemonErrors.imageReferenceInUse(ref, user.id, image.id))
    }
    const parsed = parseNormalizedNamed(ref)
    if (!parsed.ok) return err(daemonErrors.invalidParameter(parsed.error.message))
    const removed = familiarString(tagNameOnly(parsed.value))
    records.push(untag(engine, image, removed))
    // A removed tag takes the repository's digest references with it when no tag is left there.
    if (!isDigestRef(removed)) {
      const repo = repoOf(removed)
      const refs = referencesOf(engine, image.id)
      if (!refs.some((r) => !isDigestRef(r) && repoOf(r) === repo))
        for (const digest of refs.filter((r) => isDigestRef(r) && repoOf(r) === repo))
          records.push(untag(engine, image, digest))
    }
    if (referencesOf(engine, image.id).length > 0) {
      engine.services.changed()
      return ok(records)
    }
    quiet = true
  } else if (isSingleReference(referencesOf(engine, image.id))) {
    const conflict = deleteConflict(engine, image, !force, false)
    if (conflict) return err(conflict.error)
    for (const r of referencesOf(engine, image.id)) records.push(untag(engine, image, r))
  }
  const conflict = deleteConflict(engine, image, !force, true)
  if (conflict) {
    const dangling = referencesOf(engine, image.id).length === 0
    if (quiet && (!dangling || conflict.used)) {
      engine.services.changed()
      return ok(records)
    }
    return err(conflict.error)
  }
  records.push(...deleteImage(engine, image).records)
  engine.services.changed()
  return ok(records)
}

/** Removes the image and the layers no other image shares: Untagged/Deleted records, bytes freed. */
function deleteImage(
  engine: DockerEngine,
  image: LocalImage,
): { records: ImageDeleteResponseItem[]; reclaimed: number } {
  const records: ImageDeleteResponseItem[] = []
  for (const r of referencesOf(engine, image.id)) records.push(untag(engine, image, r))
  const others = engine.images.all().filter((i) => i.id !== image.id)
  const kept = new Set(others.flatMap((i) => chainIds(i.layerIds)))
  const chains = chainIds(image.layerIds)
  const sizes = layerSizes(image)
  engine.images.remove(image.id)
  engine.events.emit('image', 'delete', image.id, { name: image.id })
  records.push({ Deleted: image.id })
  let reclaimed = 0
  for (let i = chains.length - 1; i >= 0; i--) {
    const chain = chains[i] ?? ''
    if (kept.has(chain)) continue
    records.push({ Deleted: chain })
    reclaimed += sizes[i] ?? 0
  }
  return { records, reclaimed }
}

/** Layer chain ids: the first layer's diff id, then sha256 of "<parent chain> <diff id>". */
export function chainIds(layerIds: readonly string[]): string[] {
  const chains: string[] = []
  for (const layer of layerIds) {
    const parent = chains[chains.length - 1]
    chains.push(parent === undefined ? layer : sha256Digest(`${parent} ${layer}`))
  }
  return chains
}

/** Each layer's uncompressed size, bottom first: from the catalog, the rest shared out evenly. */
export function layerSizes(image: LocalImage): number[] {
  const known = new Map(
    (image.catalog ? layerDigests(image.catalog) : []).map((l) => [l.digest, l.sizeBytes]),
  )
  const knownTotal = image.layerIds.reduce((sum, id) => sum + (known.get(id) ?? 0), 0)
  const unknown = image.layerIds.filter((id) => !known.has(id)).length
  const share = unknown === 0 ? 0 : Math.max(0, image.inspect.Size - knownTotal) / unknown
  return image.layerIds.map((id) => known.get(id) ?? Math.round(share))
}

/** `POST /images/{name}/tag`: points `target` (already validated by the client) at the image. */
export function tagImage(
  engine: DockerEngine,
  source: string,
  target: NamedReference,
): Result<LocalImage, DaemonError> {
  const image = lookupImage(engine, source)
  if (!image) return err(daemonErrors.noSuchImage(withDefaultTag(source)))
  const familiar = familiarString(tagNameOnly(target))
  engine.images.tag(familiar, image.id)
  engine.events.emit('image', 'tag', image.id, { name: familiar })
  engine.services.changed()
  return ok(image)
}

/**
 * `POST /images/prune`: dangling images, or with `all` every image no container uses; `labels`
 * (`key` or `key=value`, all required), `notLabels` and `untilMs` narrow the candidates.
 */
export function pruneImages(
  engine: DockerEngine,
  options: {
    all: boolean
    labels?: readonly string[]
    notLabels?: readonly string[]
    untilMs?: number
  },
): { deleted: ImageDeleteResponseItem[]; reclaimed: number } {
  const deleted: ImageDeleteResponseItem[] = []
  let reclaimed = 0
  const used = new Set(engine.allContainers().map((c) => c.image.id))
  const hasLabel = (labels: Readonly<Record<string, string>> | null, wanted: string): boolean => {
    const eq = wanted.indexOf('=')
    const present = labels ?? {}
    return eq === -1 ? wanted in present : present[wanted.slice(0, eq)] === wanted.slice(eq + 1)
  }
  const candidates = engine
    .listImages()
    .filter((s) => !used.has(s.Id) && (options.all || s.RepoTags.length === 0))
    .filter((s) => (options.labels ?? []).every((l) => hasLabel(s.Labels, l)))
    .filter((s) => !(options.notLabels ?? []).some((l) => hasLabel(s.Labels, l)))
    .filter((s) => options.untilMs === undefined || s.Created * 1000 < options.untilMs)
  for (const summary of candidates) {
    const image = engine.images.get(summary.Id)
    if (!image) continue
    if (engine.images.all().some((i) => i.inspect.Parent === image.id)) continue
    const result = deleteImage(engine, image)
    deleted.push(...result.records)
    reclaimed += result.reclaimed
  }
  if (candidates.length > 0) engine.services.changed()
  engine.events.emit('image', 'prune', '', { reclaimed: String(reclaimed) })
  return { deleted, reclaimed }
}

/** `GET /images/{name}/history`, newest first, built from the catalog entry's layers and config. */
export function imageHistory(
  engine: DockerEngine,
  ref: string,
): Result<HistoryResponseItem[], DaemonError> {
  const image = lookupImage(engine, ref)
  if (!image) return err(daemonErrors.noSuchImage(withDefaultTag(ref)))
  const steps = image.catalog ? catalogHistory(image.catalog) : []
  const sizes = layerSizes(image)
  const stepLayers = steps.filter((s) => !s.empty).length
  // Layers a build or commit added on top of the catalog image.
  for (let i = stepLayers; i < image.layerIds.length; i++)
    steps.push({
      createdBy: '',
      comment: '',
      empty: false,
      createdMs: image.createdMs,
    })
  let layer = 0
  const items: HistoryResponseItem[] = steps.map((step) => {
    const size = step.empty ? 0 : (sizes[layer++] ?? 0)
    return {
      Id: '<missing>',
      Created: Math.floor(step.createdMs / 1000),
      CreatedBy: step.createdBy,
      Tags: null,
      Size: size,
      Comment: step.comment,
    }
  })
  items.reverse()
  const top = items[0]
  if (top) {
    top.Id = image.id
    const tags = engine.images.tagsOf(image.id)
    top.Tags = tags.length > 0 ? tags : null
  }
  return ok(items)
}

interface HistoryStep {
  createdBy: string
  comment: string
  empty: boolean
  createdMs: number
}

const BUILDKIT = 'buildkit.dockerfile.v0'

/** A plausible Dockerfile history for a catalog image: its parent's steps, then its own. */
function catalogHistory(image: CatalogImage, depth = 0): HistoryStep[] {
  const createdMs = Date.parse(image.created) || 0
  const layers = layerDigests(image)
  const parent = image.parent !== undefined && depth < 8 ? parentOf(image) : undefined
  const inherited = parent ? catalogHistory(parent, depth + 1) : []
  const inheritedLayers = inherited.filter((s) => !s.empty).length
  const parentEnv = new Set(parent?.config.Env ?? [])
  // A derived catalog entry may claim a date before its parent's: no step is newer than the image.
  const steps: HistoryStep[] = inherited.map((s) => ({
    ...s,
    createdMs: Math.min(s.createdMs, createdMs),
  }))
  const step = (createdBy: string, empty: boolean, comment = BUILDKIT): HistoryStep => ({
    createdBy,
    comment,
    empty,
    createdMs,
  })
  const cfg = image.config
  for (const [key, value] of Object.entries(cfg.Labels ?? {}))
    steps.push(step(`LABEL ${key}=${value}`, true))
  // A base image's PATH comes with its root filesystem, not from an ENV step.
  for (const env of cfg.Env)
    if (!parentEnv.has(env) && !(parent === undefined && env.startsWith('PATH=')))
      steps.push(step(`ENV ${env}`, true))
  const own = layers.length - inheritedLayers
  let big = 0
  let small = 0
  for (let i = 0; i < own; i++) {
    if (inheritedLayers === 0 && i === 0) {
      steps.push(baseLayerStep(image, createdMs))
      continue
    }
    const size = layers[inheritedLayers + i]?.sizeBytes ?? 0
    steps.push(step(size < 100_000 ? copyStep(image, small++) : runStep(image, big++), false))
  }
  if (
    cfg.WorkingDir !== '' &&
    cfg.WorkingDir !== '/' &&
    cfg.WorkingDir !== parent?.config.WorkingDir
  )
    steps.push(step(`WORKDIR ${cfg.WorkingDir}`, true))
  if (cfg.Volumes && Object.keys(cfg.Volumes).length > 0)
    steps.push(step(`VOLUME [${Object.keys(cfg.Volumes).join(' ')}]`, true))
  if (cfg.Entrypoint) steps.push(step(`ENTRYPOINT ${execForm(cfg.Entrypoint)}`, true))
  if (cfg.ExposedPorts && Object.keys(cfg.ExposedPorts).length > 0)
    steps.push(
      step(
        `EXPOSE map[${Object.keys(cfg.ExposedPorts)
          .sort()
          .map((p) => `${p}:{}`)
          .join(' ')}]`,
        true,
      ),
    )
  if (cfg.StopSignal) steps.push(step(`STOPSIGNAL ${cfg.StopSignal}`, true))
  if (cfg.Cmd) steps.push(step(`CMD ${execForm(cfg.Cmd)}`, true))
  return steps
}

/** The catalog parent whose layers this image starts with (the rule of catalog.ts layersOf). */
function parentOf(image: CatalogImage): CatalogImage | undefined {
  const parent = image.parent === undefined ? undefined : lookupCatalogImage(image.parent)
  return parent !== undefined && parent !== image && parent.layerCount < image.layerCount
    ? parent
    : undefined
}

/** Go's `%q`-joined exec form as the BuildKit history writes it: `["nginx" "-g" "daemon off;"]`. */
function execForm(argv: readonly string[]): string {
  return `[${argv.map((a) => JSON.stringify(a)).join(' ')}]`
}

function baseLayerStep(image: CatalogImage, createdMs: number): HistoryStep {
  const at = Math.floor(createdMs / 1000)
  if (image.base === 'debian')
    return {
      createdBy: `# debian.sh --arch 'amd64' out/ '${debianSuite(image)}' '@${at}'`,
      comment: 'debuerreotype 0.15',
      empty: false,
      createdMs,
    }
  const archive =
    image.base === 'alpine'
      ? `alpine-minirootfs-${versionOf(image)}-x86_64.tar.gz`
      : image.base === 'ubuntu'
        ? `ubuntu-noble-oci-amd64-root.tar.gz`
        : image.base === 'busybox'
          ? 'busybox.tar.xz'
          : 'rootfs.tar.gz'
  return { createdBy: `ADD ${archive} / # buildkit`, comment: BUILDKIT, empty: false, createdMs }
}

function debianSuite(image: CatalogImage): string {
  const text = image.files['/etc/os-release'] ?? ''
  return /VERSION_CODENAME=(\w+)/.exec(text)?.[1] ?? 'bookworm'
}

function versionOf(image: CatalogImage): string {
  return /^\d+(\.\d+)*/.exec(image.tag)?.[0] ?? image.tag
}

const packageName = (image: CatalogImage): string =>
  image.repository.split('/').pop() ?? image.repository

/** A small layer: the entrypoint script first, then numbered entrypoint.d helpers. */
function copyStep(image: CatalogImage, index: number): string {
  const entry = image.config.Entrypoint?.[0]
  if (index === 0 && entry !== undefined && entry.startsWith('/') && entry.endsWith('.sh'))
    return `COPY ${entry.split('/').pop() ?? entry} ${entry} # buildkit`
  return `COPY ${10 * (index + 1)}-${packageName(image)}-setup.sh /docker-entrypoint.d # buildkit`
}

/** A big layer: the package install, then its dependencies, then the build's own files. */
function runStep(image: CatalogImage, index: number): string {
  const name = packageName(image)
  const pm = image.profile.packageManager
  const install = (packages: string): string =>
    pm === 'apk'
      ? `apk add --no-cache ${packages}`
      : pm === 'microdnf'
        ? `microdnf install -y ${packages} && microdnf clean all`
        : `apt-get update; apt-get install -y --no-install-recommends ${packages}; rm -rf /var/lib/apt/lists/*`
  if (index === 0) return `RUN /bin/sh -c set -eux; ${install(name)} # buildkit`
  if (index === 1) return `RUN /bin/sh -c set -eux; ${install('ca-certificates tzdata')} # buildkit`
  return `RUN /bin/sh -c set -eux; mkdir -p /usr/src/${name}; chown -R ${name}:${name} /usr/src/${name} # buildkit`
}
