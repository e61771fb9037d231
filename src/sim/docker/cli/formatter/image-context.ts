import { humanDuration, humanSize, humanSizeWithPrecision } from '../../../cli-kit/go-units'
import type { GoStruct } from '../../../cli-kit/go-value'
import type { ImageSummary } from '../../engine/api-types'
import { familiarName, parseNormalizedNamed } from '../../images/reference'
import { goTimeString } from './container-context'
import { formatterContext } from './context'
import { shortId } from './text'

/** docker/cli cli/command/formatter/image.go */
export const DEFAULT_IMAGE_FORMAT =
  'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}'
export const DEFAULT_IMAGE_FORMAT_WITH_DIGEST =
  'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}'

export const IMAGE_HEADERS: Readonly<Record<string, string>> = {
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  VirtualSize: 'SIZE',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
}

export interface ImageRow {
  image: ImageSummary
  repo: string
  tag: string
  digest: string
}

function isDangling(image: ImageSummary): boolean {
  return image.RepoTags.length === 0 && image.RepoDigests.length === 0
}

/**
 * imageFormat: one row per repository tag (or per tag and digest when digests are shown), a
 * row per digest-only repository, and `<none>` rows for dangling images.
 */
export function imageRows(images: readonly ImageSummary[], showDigests: boolean): ImageRow[] {
  const rows: ImageRow[] = []
  for (const image of images) {
    if (isDangling(image)) {
      rows.push({ image, repo: '<none>', tag: '<none>', digest: '<none>' })
      continue
    }
    const tags = new Map<string, string[]>()
    const digests = new Map<string, string[]>()
    for (const ref of image.RepoTags) {
      const parsed = parseNormalizedNamed(ref)
      if (!parsed.ok || parsed.value.tag === undefined) continue
      const repo = familiarName(parsed.value)
      tags.set(repo, [...(tags.get(repo) ?? []), parsed.value.tag])
    }
    for (const ref of image.RepoDigests) {
      const parsed = parseNormalizedNamed(ref)
      if (!parsed.ok || parsed.value.digest === undefined) continue
      const repo = familiarName(parsed.value)
      digests.set(repo, [...(digests.get(repo) ?? []), parsed.value.digest])
    }
    for (const repo of [...tags.keys()].sort()) {
      const repoDigests = showDigests ? (digests.get(repo) ?? []) : []
      digests.delete(repo)
      for (const tag of tags.get(repo) ?? []) {
        if (repoDigests.length === 0) rows.push({ image, repo, tag, digest: '<none>' })
        for (const digest of repoDigests) rows.push({ image, repo, tag, digest })
      }
    }
    for (const repo of [...digests.keys()].sort()) {
      if (showDigests)
        for (const digest of digests.get(repo) ?? [])
          rows.push({ image, repo, tag: '<none>', digest })
      else rows.push({ image, repo, tag: '<none>', digest: '' })
    }
  }
  return rows
}

/** docker/cli formatter.imageContext */
export function imageContext(row: ImageRow, options: { trunc: boolean; nowMs: number }): GoStruct {
  const i = row.image
  return formatterContext('*formatter.imageContext', {
    ID: () => (options.trunc ? shortId(i.Id) : i.Id),
    Repository: () => row.repo,
    Tag: () => row.tag,
    Digest: () => row.digest,
    CreatedSince: () =>
      i.Created === 0 ? '' : `${humanDuration(options.nowMs - i.Created * 1000)} ago`,
    CreatedAt: () => goTimeString(i.Created * 1000),
    Size: () => humanSizeWithPrecision(i.Size, 3),
    Containers: () => (i.Containers === -1 ? 'N/A' : String(i.Containers)),
    VirtualSize: () => humanSize(i.Size),
    SharedSize: () => (i.SharedSize === -1 ? 'N/A' : humanSize(i.SharedSize)),
    UniqueSize: () =>
      i.Size === -1 || i.SharedSize === -1 ? 'N/A' : humanSize(i.Size - i.SharedSize),
  })
}
