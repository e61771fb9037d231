import { dockerFormat, dockerPreFormat } from '../../cli-kit/docker-format'
import { FlagSet } from '../../cli-kit/flags'
import { DOCKER_FUNCS, GoTemplate } from '../../cli-kit/go-template'
import { humanSize, humanSizeWithPrecision } from '../../cli-kit/go-units'
import { GoStruct } from '../../cli-kit/go-value'
import type { ContainerSummary, ImageSummary, Volume } from '../engine/api-types'
import { diskUsage, type DiskUsage } from '../engine/system-info'
import { dockerCommand, ok } from './command'
import { FORMAT_FLAG_USAGE } from './filters'
import { CONTAINER_HEADERS, containerContext } from './formatter/container-context'
import { formatterContext } from './formatter/context'
import { IMAGE_HEADERS, imageContext } from './formatter/image-context'
import { VOLUME_HEADERS, volumeContext } from './volume'

const SUMMARY_FORMAT = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}'
const SUMMARY_HEADERS = {
  Type: 'TYPE',
  TotalCount: 'TOTAL',
  Active: 'ACTIVE',
  Size: 'SIZE',
  Reclaimable: 'RECLAIMABLE',
}
const IMAGES_FORMAT =
  'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}'
const CONTAINERS_FORMAT =
  'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}'
const VOLUMES_FORMAT = 'table {{.Name}}\t{{.Links}}\t{{.Size}}'
const BUILD_CACHE_FORMAT =
  'table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}'
const BUILD_CACHE_HEADERS = {
  ID: 'CACHE ID',
  CacheType: 'CACHE TYPE',
  Size: 'SIZE',
  CreatedSince: 'CREATED',
  LastUsedSince: 'LAST USED',
  UsageCount: 'USAGE',
  Shared: 'SHARED',
}

/** `12.3MB (45%)`, or the size alone when there is nothing at all. */
function reclaimable(reclaim: number, total: number): string {
  return total > 0
    ? `${humanSize(reclaim)} (${Math.trunc((reclaim * 100) / total)}%)`
    : humanSize(reclaim)
}

const isActive = (c: ContainerSummary): boolean =>
  c.State === 'running' || c.State === 'paused' || c.State === 'restarting'

/** The four diskUsage*Context rows of docker/cli cli/command/formatter/disk_usage.go. */
function summaryRows(du: DiskUsage) {
  const images = du.Images
  let usedImages = 0
  for (const i of images)
    if (i.Containers !== 0 && i.Size !== -1 && i.SharedSize !== -1)
      usedImages += i.Size - i.SharedSize
  const containerSize = du.Containers.reduce((s, c) => s + (c.SizeRw ?? 0), 0)
  const containerReclaim = du.Containers.filter((c) => !isActive(c)).reduce(
    (s, c) => s + (c.SizeRw ?? 0),
    0,
  )
  const volumeSize = du.Volumes.reduce((s, v) => s + Math.max(0, v.UsageData?.Size ?? 0), 0)
  const volumeReclaim = du.Volumes.filter((v) => (v.UsageData?.RefCount ?? 0) === 0).reduce(
    (s, v) => s + Math.max(0, v.UsageData?.Size ?? 0),
    0,
  )
  const row = (
    type: string,
    total: number,
    active: number,
    size: string,
    reclaim: string,
  ): GoStruct =>
    formatterContext('*formatter.diskUsageContext', {
      Type: () => type,
      TotalCount: () => String(total),
      Active: () => String(active),
      Size: () => size,
      Reclaimable: () => reclaim,
    })
  return [
    row(
      'Images',
      images.length,
      images.filter((i) => i.Containers > 0).length,
      humanSize(du.LayersSize),
      reclaimable(du.LayersSize - usedImages, du.LayersSize),
    ),
    row(
      'Containers',
      du.Containers.length,
      du.Containers.filter(isActive).length,
      humanSize(containerSize),
      reclaimable(containerReclaim, containerSize),
    ),
    row(
      'Local Volumes',
      du.Volumes.length,
      du.Volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length,
      humanSize(volumeSize),
      reclaimable(volumeReclaim, volumeSize),
    ),
    row('Build Cache', 0, 0, '0B', '0B'),
  ]
}

/** Image rows of the verbose view: the first tag only, or `<none>`. */
function imageRowsFirstTag(images: readonly ImageSummary[], nowMs: number, trunc: boolean) {
  return images.map((image) => {
    const first = image.RepoTags[0]
    const colon = first === undefined ? -1 : first.lastIndexOf(':')
    const repo = first === undefined || colon === -1 ? '<none>' : first.slice(0, colon)
    const tag = first === undefined || colon === -1 ? '<none>' : first.slice(colon + 1)
    return imageContext({ image, repo, tag, digest: '' }, { trunc, nowMs })
  })
}

/** Container rows of the verbose view: the writable layer's size, without the virtual one. */
function containerRows(containers: readonly ContainerSummary[], nowMs: number, trunc: boolean) {
  return containers.map((c) => {
    const ctx = containerContext(c, { trunc, nowMs })
    return new GoStruct(
      ctx.typeName,
      ctx.fields,
      { ...ctx.methods, Size: () => humanSizeWithPrecision(c.SizeRw ?? 0, 3) },
      ctx.options,
    )
  })
}

function table(format: string, rows: GoStruct[], headers: Readonly<Record<string, string>>) {
  const result = dockerFormat(format, rows, headers)
  return result.ok ? result.output : ''
}

/** `docker system df [-v]` (docker/cli cli/command/system/df.go). */
export const systemDf = dockerCommand({
  path: 'docker system df',
  use: '[OPTIONS]',
  short: 'Show docker disk usage',
  args: { kind: 'none' },
  flags: () =>
    new FlagSet([
      { name: 'format', type: 'string', usage: FORMAT_FLAG_USAGE },
      {
        name: 'verbose',
        shorthand: 'v',
        type: 'bool',
        usage: 'Show detailed information on space usage',
      },
    ] as const),
  run({ values }, { engine, shell }) {
    const du = diskUsage(engine)
    const nowMs = shell.clock.now()
    const format = values.format === '' ? 'table' : values.format
    if (!values.verbose) {
      const result = dockerFormat(
        format === 'table' ? SUMMARY_FORMAT : format,
        summaryRows(du),
        SUMMARY_HEADERS,
      )
      if (!result.ok) return { stdout: '', stderr: `${result.error}\n`, exitCode: 1 }
      return ok(result.output)
    }
    const trunc = dockerPreFormat(format).table
    const volumes: Volume[] = du.Volumes
    if (format === 'table')
      return ok(
        'Images space usage:\n\n' +
          table(IMAGES_FORMAT, imageRowsFirstTag(du.Images, nowMs, trunc), IMAGE_HEADERS) +
          '\nContainers space usage:\n\n' +
          table(CONTAINERS_FORMAT, containerRows(du.Containers, nowMs, trunc), CONTAINER_HEADERS) +
          '\nLocal Volumes space usage:\n\n' +
          table(VOLUMES_FORMAT, volumes.map(volumeContext), VOLUME_HEADERS) +
          '\nBuild cache usage: 0B\n\n' +
          table(BUILD_CACHE_FORMAT, [], BUILD_CACHE_HEADERS),
      )
    const parsed = GoTemplate.parse(
      format === 'json' ? '{{json .}}' : dockerPreFormat(format).template,
      {
        funcs: DOCKER_FUNCS,
      },
    )
    if (!parsed.ok)
      return {
        stdout: '',
        stderr: `template parsing error: ${parsed.error.message}\n`,
        exitCode: 1,
      }
    const data = new GoStruct(
      '*formatter.diskUsageContext',
      {
        Images: imageRowsFirstTag(du.Images, nowMs, trunc),
        Containers: containerRows(du.Containers, nowMs, trunc),
        Volumes: volumes.map(volumeContext),
        BuildCache: [],
      },
      {},
    )
    const result = parsed.template.execute(data)
    if (!result.ok)
      return {
        stdout: result.output,
        stderr: `template parsing error: ${result.error.message}\n`,
        exitCode: 1,
      }
    return ok(result.output)
  },
})
