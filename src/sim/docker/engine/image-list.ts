/**
 * `GET /images/json` with its filters, as moby daemon/images/images.go Images applies them:
 * dangling, label, before, since, until and reference (which also narrows RepoTags to the tags
 * that match). The docker CLI sends `docker images nginx` as `reference=nginx`.
 */
import { err, ok, type Result } from '../../core/errors'
import { parseGoDuration } from '../../cli-kit/go-units'
import type { ImageSummary } from './api-types'
import type { DockerEngine } from './engine'
import { DaemonError, daemonErrors } from './errors'
import { lookupImage, withDefaultTag } from './image-ops'

export type ImageFilters = ReadonlyMap<string, readonly string[]>

const ACCEPTED = new Set(['dangling', 'label', 'label!', 'before', 'since', 'reference', 'until'])

/** Go's path.Match, enough for reference patterns: `*`, `?` and `[…]` within a segment. */
export function pathMatch(pattern: string, subject: string): boolean {
  let re = '^'
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i)
    if (ch === '*') re += '[^/]*'
    else if (ch === '?') re += '[^/]'
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1)
      if (close === -1) return false
      re += `[${pattern
        .slice(i + 1, close)
        .replace(/^\^/, '^')
        .replace(/\\/g, '\\\\')}]`
      i = close
    } else re += ch.replace(/[.+^${}()|\\\]]/g, '\\$&')
  }
  try {
    return new RegExp(`${re}$`).test(subject)
  } catch {
    return false
  }
}

/** reference.FamiliarMatch: the pattern against `repo:tag`, then against the bare repository. */
function familiarMatch(pattern: string, ref: string): boolean {
  if (pathMatch(pattern, ref)) return true
  const repo = ref.replace(/@.*$/, '').replace(/:[^:/]*$/, '')
  return pathMatch(pattern, repo)
}

function labelsMatch(labels: Readonly<Record<string, string>> | null, wanted: string): boolean {
  const present = labels ?? {}
  const eq = wanted.indexOf('=')
  if (eq === -1) return wanted in present
  return present[wanted.slice(0, eq)] === wanted.slice(eq + 1)
}

/** A timestamp as the daemon's filters take it: RFC 3339, Unix seconds, or a Go duration ago. */
export function filterTimestamp(value: string, nowMs: number): number | undefined {
  const duration = parseGoDuration(value)
  if (duration.ok) return nowMs - Number(duration.value / 1_000_000n)
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
}

function parseBoolFilter(key: string, values: readonly string[]): Result<boolean, DaemonError> {
  const value = values[values.length - 1] ?? ''
  if (['true', '1'].includes(value.toLowerCase())) return ok(true)
  if (['false', '0'].includes(value.toLowerCase())) return ok(false)
  return err(daemonErrors.invalidParameter(`invalid filter '${key}=${values.join(',')}'`))
}

/** The image list, newest first, filtered as the daemon filters it. */
export function listImagesFiltered(
  engine: DockerEngine,
  filters: ImageFilters,
): Result<ImageSummary[], DaemonError> {
  for (const key of filters.keys())
    if (!ACCEPTED.has(key)) return err(daemonErrors.invalidParameter(`invalid filter '${key}'`))
  let danglingOnly: boolean | undefined
  const dangling = filters.get('dangling')
  if (dangling !== undefined) {
    const parsed = parseBoolFilter('dangling', dangling)
    if (!parsed.ok) return parsed
    danglingOnly = parsed.value
  }
  const anchor = (key: string): Result<number | undefined, DaemonError> => {
    let ms: number | undefined
    for (const ref of filters.get(key) ?? []) {
      const image = lookupImage(engine, ref)
      if (!image) return err(daemonErrors.noSuchImage(withDefaultTag(ref)))
      ms = image.createdMs
    }
    return ok(ms)
  }
  const before = anchor('before')
  if (!before.ok) return before
  const since = anchor('since')
  if (!since.ok) return since
  let until: number | undefined
  for (const value of filters.get('until') ?? []) {
    until = filterTimestamp(value, engine.services.clock.now())
    if (until === undefined)
      return err(
        daemonErrors.invalidParameter(`failed to parse value as time or duration: "${value}"`),
      )
  }
  const references = filters.get('reference') ?? []
  const out: ImageSummary[] = []
  for (const summary of engine.listImages()) {
    const createdMs = summary.Created * 1000
    if (before.value !== undefined && !(createdMs < before.value)) continue
    if (since.value !== undefined && !(createdMs > since.value)) continue
    if (until !== undefined && !(createdMs < until)) continue
    if (!(filters.get('label') ?? []).every((l) => labelsMatch(summary.Labels, l))) continue
    if ((filters.get('label!') ?? []).some((l) => labelsMatch(summary.Labels, l))) continue
    let tags = summary.RepoTags
    let digests = summary.RepoDigests
    if (references.length > 0) {
      tags = tags.filter((t) => references.some((p) => familiarMatch(p, t)))
      digests = digests.filter((d) => references.some((p) => familiarMatch(p, d)))
      if (tags.length === 0 && digests.length === 0) continue
    }
    const untagged = tags.length === 0 && digests.length === 0
    if (untagged && danglingOnly === false) continue
    if (danglingOnly === true && tags.length > 0) continue
    out.push({ ...summary, RepoTags: tags, RepoDigests: digests, Containers: -1, SharedSize: -1 })
  }
  return ok(out)
}
