/**
 * A build stage's root filesystem between steps: every regular file (text) and every directory.
 * Each step takes one and gives a new one (snapshots are never changed in place), so the build
 * cache can keep them as BuildKit keeps its snapshots.
 */
import { imageRootFs } from '../engine/rootfs'
import type { LocalImage } from '../engine/image-store'

export interface StageFs {
  readonly files: ReadonlyMap<string, string>
  readonly dirs: ReadonlySet<string>
}

export const EMPTY_FS: StageFs = { files: new Map(), dirs: new Set(['/']) }

/** The filesystem a stage starts from: its base image's (the skeleton plus the image's files). */
export function imageFs(image: LocalImage | undefined): StageFs {
  if (image === undefined) return EMPTY_FS
  const root = imageRootFs(image)
  const dirs = new Set(root.dirs)
  for (const d of image.directories ?? []) for (const p of [...parentsOf(d), d]) dirs.add(p)
  return { files: root.files, dirs }
}

export function parentsOf(path: string): string[] {
  const parts = path.split('/').filter((p) => p !== '')
  const out = ['/']
  for (let i = 1; i < parts.length; i++) out.push(`/${parts.slice(0, i).join('/')}`)
  return out
}

export function normalizePath(path: string): string {
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return `/${parts.join('/')}`
}

/** A copy of a snapshot that a step may change, then freeze. */
export class FsBuilder {
  readonly files: Map<string, string>
  readonly dirs: Set<string>

  constructor(from: StageFs) {
    this.files = new Map(from.files)
    this.dirs = new Set(from.dirs)
  }

  mkdirp(path: string): void {
    for (const p of [...parentsOf(path), normalizePath(path)]) this.dirs.add(p)
  }

  write(path: string, content: string): void {
    const p = normalizePath(path)
    for (const parent of parentsOf(p)) this.dirs.add(parent)
    this.dirs.delete(p)
    this.files.set(p, content)
  }

  freeze(): StageFs {
    return { files: new Map(this.files), dirs: new Set(this.dirs) }
  }
}

/** Bytes added or changed from one snapshot to the next (a layer's size). */
export function layerBytes(before: StageFs, after: StageFs): number {
  let bytes = 0
  for (const [path, content] of after.files)
    if (before.files.get(path) !== content) bytes += byteLength(content)
  for (const dir of after.dirs) if (!before.dirs.has(dir)) bytes += 4096
  return bytes
}

export function byteLength(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3
  }
  return n
}

/** Files under a directory (the directory itself if it is a file), keyed by path relative to it. */
export function filesUnder(fs: StageFs, root: string): Map<string, string> {
  const base = normalizePath(root)
  const out = new Map<string, string>()
  const file = fs.files.get(base)
  if (file !== undefined) {
    out.set('', file)
    return out
  }
  const prefix = base === '/' ? '/' : `${base}/`
  for (const [path, content] of fs.files)
    if (path.startsWith(prefix)) out.set(path.slice(prefix.length), content)
  return out
}

export function dirsUnder(fs: StageFs, root: string): string[] {
  const base = normalizePath(root)
  const prefix = base === '/' ? '/' : `${base}/`
  return [...fs.dirs].filter((d) => d.startsWith(prefix)).map((d) => d.slice(prefix.length))
}
