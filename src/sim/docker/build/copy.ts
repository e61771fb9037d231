/**
 * COPY and ADD: which files a source names (a file, a directory's contents, a wildcard) and where
 * they land (a destination ending in `/`, or an existing directory, receives them by name; a
 * directory source is copied as its contents). BuildKit's rules (dockerfile2llb convert_copy.go,
 * llb FileOp copy with AllowWildcard and AllowEmptyWildcard).
 */
import { sha256Hex } from '../images/sha256'
import { FsBuilder, normalizePath, type StageFs } from './stage-fs'

/** Files and directories a copy reads from, by path relative to the source's root. */
export interface CopySource {
  readonly files: ReadonlyMap<string, string>
  readonly dirs: ReadonlySet<string>
}

export function sourceOfStage(fs: StageFs): CopySource {
  const files = new Map<string, string>()
  for (const [path, content] of fs.files) files.set(path.slice(1), content)
  const dirs = new Set<string>()
  for (const dir of fs.dirs) if (dir !== '/') dirs.add(dir.slice(1))
  return { files, dirs }
}

export type CopyPlan =
  | { ok: true; files: Array<{ target: string; content: string }>; dirs: string[]; digest: string }
  | { ok: false; missing: string }
  | { ok: false; message: string }

const hasWildcard = (path: string): boolean => /[*?[]/.test(path)

function segmentRegExp(pattern: string): RegExp {
  let re = '^'
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i)
    if (ch === '*') re += '[^/]*'
    else if (ch === '?') re += '[^/]'
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1)
      if (end < 0) re += '\\['
      else {
        re += `[${pattern.slice(i + 1, end).replace(/^\^|^!/, '^')}]`
        i = end
      }
    } else re += /[.+^${}()|\\/]/.test(ch) ? `\\${ch}` : ch
  }
  return new RegExp(`${re}$`)
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1)

/**
 * Plans the copy of `sources` (as written, already expanded) to `dest` (absolute, as written:
 * a trailing `/` matters) in the stage `into`.
 */
export function planCopy(
  source: CopySource,
  sources: readonly string[],
  dest: string,
  into: StageFs,
): CopyPlan {
  type Match = { rel: string; kind: 'file' | 'dir' }
  const matches: Match[] = []
  for (const src of sources) {
    const rel = normalizePath(`/${src}`).slice(1)
    if (hasWildcard(rel)) {
      const re = segmentRegExp(rel)
      for (const path of [...source.dirs].sort())
        if (re.test(path)) matches.push({ rel: path, kind: 'dir' })
      for (const path of [...source.files.keys()].sort())
        if (re.test(path)) matches.push({ rel: path, kind: 'file' })
      continue
    }
    if (rel === '' || source.dirs.has(rel)) matches.push({ rel, kind: 'dir' })
    else if (source.files.has(rel)) matches.push({ rel, kind: 'file' })
    else return { ok: false, missing: `/${rel}` }
  }
  const destPath = normalizePath(dest)
  const destIsDir =
    dest.endsWith('/') || dest.endsWith('/.') || dest === '.' || into.dirs.has(destPath)
  if (sources.length > 1 && !destIsDir)
    return {
      ok: false,
      message:
        'When using COPY with more than one source file, the destination must be a directory and end with a /',
    }
  const files: Array<{ target: string; content: string }> = []
  const dirs: string[] = []
  for (const match of matches) {
    if (match.kind === 'file') {
      const content = source.files.get(match.rel) ?? ''
      const target =
        destIsDir || matches.length > 1
          ? normalizePath(`${destPath}/${baseName(match.rel)}`)
          : destPath
      files.push({ target, content })
      continue
    }
    const prefix = match.rel === '' ? '' : `${match.rel}/`
    const root =
      hasWildcard(sources.join('')) && match.rel !== ''
        ? normalizePath(`${destPath}/${baseName(match.rel)}`)
        : destPath
    dirs.push(root)
    for (const dir of source.dirs)
      if (prefix === '' || dir.startsWith(prefix))
        dirs.push(normalizePath(`${root}/${dir.slice(prefix.length)}`))
    for (const [path, content] of source.files)
      if (prefix === '' || path.startsWith(prefix))
        files.push({ target: normalizePath(`${root}/${path.slice(prefix.length)}`), content })
  }
  files.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0))
  const digest = sha256Hex(
    JSON.stringify([files.map((f) => [f.target, sha256Hex(f.content)]), [...dirs].sort()]),
  )
  return { ok: true, files, dirs, digest }
}

export function applyCopy(
  into: StageFs,
  plan: Extract<CopyPlan, { ok: true; files: unknown }>,
): StageFs {
  const fs = new FsBuilder(into)
  for (const dir of plan.dirs) fs.mkdirp(dir)
  for (const file of plan.files) fs.write(file.target, file.content)
  return fs.freeze()
}
