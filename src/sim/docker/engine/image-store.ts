import type { CatalogImage } from '../images/catalog-types'
import type { ImageInspect, ImageSummary } from './api-types'

/** An image present on the (simulated) host. */
export interface LocalImage {
  readonly id: string
  readonly inspect: ImageInspect
  /** Where behaviour comes from: the catalog entry it was pulled from, or its build's base. */
  readonly catalog: CatalogImage | undefined
  /** Files of the image's filesystem that differ from its base OS, by absolute path. */
  readonly files: ReadonlyMap<string, string>
  /** Directories a build made (`WORKDIR /app`, `RUN mkdir /data`), so an empty one still shows. */
  readonly directories?: ReadonlySet<string>
  readonly createdMs: number
  readonly layerIds: readonly string[]
}

/**
 * Images by id, and the tags that point at them. A tag is the familiar `repo:tag` string
 * (`nginx:latest`, `myapp:1.0`); moving a tag to a new image leaves the old one dangling.
 */
export class ImageStore {
  private readonly byId = new Map<string, LocalImage>()
  private readonly tags = new Map<string, string>()
  /** Digest references (`nginx@sha256:…`), kept apart from tags as the daemon's reference store does. */
  private readonly digests = new Map<string, string>()

  add(image: LocalImage): void {
    this.byId.set(image.id, image)
    for (const digest of image.inspect.RepoDigests) this.digests.set(digest, image.id)
  }

  tag(familiarTag: string, imageId: string): void {
    this.tags.set(familiarTag, imageId)
  }

  untag(familiarTag: string): string | undefined {
    const id = this.tags.get(familiarTag)
    this.tags.delete(familiarTag)
    return id
  }

  byTag(familiarTag: string): LocalImage | undefined {
    const id = this.tags.get(familiarTag)
    return id === undefined ? undefined : this.byId.get(id)
  }

  get(id: string): LocalImage | undefined {
    return this.byId.get(id)
  }

  /** Finds by tag, full id (with or without `sha256:`) or a unique id prefix. */
  find(ref: string): LocalImage | undefined {
    const tagged = this.byTag(ref) ?? this.byTag(`${ref}:latest`)
    if (tagged) return tagged
    const hex = ref.startsWith('sha256:') ? ref.slice(7) : ref
    if (!/^[0-9a-f]{1,64}$/.test(hex)) return undefined
    const matches = [...this.byId.values()].filter((i) => i.id.slice(7).startsWith(hex))
    return matches.length === 1 ? matches[0] : undefined
  }

  tagsOf(imageId: string): string[] {
    return [...this.tags]
      .filter(([, id]) => id === imageId)
      .map(([tag]) => tag)
      .sort()
  }

  /** `nginx@sha256:…` references to the image, sorted. */
  digestsOf(imageId: string): string[] {
    return [...this.digests]
      .filter(([, id]) => id === imageId)
      .map(([digest]) => digest)
      .sort()
  }

  untagDigest(digestRef: string): void {
    this.digests.delete(digestRef)
  }

  remove(imageId: string): void {
    this.byId.delete(imageId)
    for (const [tag, id] of [...this.tags]) if (id === imageId) this.tags.delete(tag)
    for (const [digest, id] of [...this.digests]) if (id === imageId) this.digests.delete(digest)
  }

  all(): LocalImage[] {
    return [...this.byId.values()]
  }

  summary(image: LocalImage, containers: number): ImageSummary {
    const tags = this.tagsOf(image.id)
    return {
      Id: image.id,
      ParentId: image.inspect.Parent,
      RepoTags: tags,
      RepoDigests: this.digestsOf(image.id),
      Created: Math.floor(image.createdMs / 1000),
      Size: image.inspect.Size,
      SharedSize: -1,
      Labels:
        Object.keys(image.inspect.Config.Labels).length === 0 ? null : image.inspect.Config.Labels,
      Containers: containers,
    }
  }

  inspect(image: LocalImage): ImageInspect {
    return {
      ...image.inspect,
      RepoTags: this.tagsOf(image.id),
      RepoDigests: this.digestsOf(image.id),
    }
  }
}
