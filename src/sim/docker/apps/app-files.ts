/**
 * The files an app process reads, taken from its container's filesystem when it starts (image,
 * layer, volumes and bind mounts as ContainerFs lays them out), so that answering a connection
 * later needs no asynchronous file access: like a real server, the app has loaded its code once.
 */
import type { VirtualFs } from '../../fs/virtual-fs'

export interface DirEntry {
  name: string
  dir: boolean
  link: boolean
}

export interface AppFiles {
  /** The process's working directory. */
  readonly cwd: string
  /** A file's text, by absolute path or relative to cwd. */
  read(path: string): string | undefined
  /** A directory's entries, or undefined when it is not one. */
  list(path: string): DirEntry[] | undefined
  /** Modification time, for Last-Modified. */
  mtimeMs(path: string): number | undefined
}

/** Trees an app never serves nor reads its code from. */
const SKIPPED = ['/proc', '/sys', '/dev', '/usr', '/lib', '/bin', '/sbin', '/etc', '/var/lib']

const under = (path: string, root: string): boolean =>
  root === '/' || path === root || path.startsWith(`${root}/`)

/** Keeps a snapshot small: a server's own tree, never the distribution's. */
const MAX_FILES = 2000

export function resolvePath(cwd: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`
  const parts: string[] = []
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return `/${parts.join('/')}`
}

export async function snapshotFiles(fs: VirtualFs, cwd: string): Promise<AppFiles> {
  const files = new Map<string, { text: string; mtimeMs: number }>()
  const dirs = new Map<string, DirEntry[]>()
  const kept = (path: string): boolean =>
    under(path, cwd) || !SKIPPED.some((root) => under(path, root))
  let count = 0
  for (const path of fs.getAllPaths().sort()) {
    if (!kept(path)) continue
    const st = await fs.lstat(path)
    const slash = path.lastIndexOf('/')
    const parent = slash <= 0 ? '/' : path.slice(0, slash)
    if (path !== '/') {
      const siblings = dirs.get(parent) ?? []
      siblings.push({
        name: path.slice(slash + 1),
        dir: st.isDirectory,
        link: st.isSymbolicLink,
      })
      dirs.set(parent, siblings)
    }
    if (st.isDirectory && !dirs.has(path)) dirs.set(path, [])
    if (st.isFile && count < MAX_FILES) {
      count++
      files.set(path, { text: await fs.readFile(path), mtimeMs: st.mtime.getTime() })
    }
  }
  return {
    cwd,
    read: (path) => files.get(resolvePath(cwd, path))?.text,
    list: (path) => dirs.get(resolvePath(cwd, path)),
    mtimeMs: (path) => files.get(resolvePath(cwd, path))?.mtimeMs,
  }
}

/** A fixed set of files (tests, and apps whose files are known without a container). */
export function filesOf(cwd: string, entries: Record<string, string>): AppFiles {
  const files = new Map(Object.entries(entries).map(([p, t]) => [resolvePath(cwd, p), t]))
  return {
    cwd,
    read: (path) => files.get(resolvePath(cwd, path)),
    list: (path) => {
      const dir = resolvePath(cwd, path)
      const prefix = dir === '/' ? '/' : `${dir}/`
      const names = new Map<string, boolean>()
      for (const file of files.keys())
        if (file.startsWith(prefix)) {
          const rest = file.slice(prefix.length)
          const name = rest.split('/')[0] ?? ''
          names.set(name, (names.get(name) ?? false) || rest.includes('/'))
        }
      if (names.size === 0) return undefined
      return [...names].map(([name, dir]) => ({ name, dir, link: false }))
    },
    mtimeMs: () => undefined,
  }
}

/**
 * An image's tree as it lies (files and directories, the empty ones too), for apps started from
 * an image alone (a Kubernetes pod's container: apps/image-app.ts).
 */
export function filesOfTree(
  cwd: string,
  files: ReadonlyMap<string, string>,
  dirs: ReadonlySet<string>,
): AppFiles {
  const entries = new Map<string, Map<string, boolean>>()
  const add = (path: string, dir: boolean): void => {
    if (path === '/') return
    const slash = path.lastIndexOf('/')
    const parent = slash <= 0 ? '/' : path.slice(0, slash)
    let siblings = entries.get(parent)
    if (siblings === undefined) entries.set(parent, (siblings = new Map()))
    siblings.set(path.slice(slash + 1), dir || siblings.get(path.slice(slash + 1)) === true)
  }
  for (const dir of dirs) {
    add(dir, true)
    if (!entries.has(dir)) entries.set(dir, new Map())
  }
  for (const file of files.keys()) add(file, false)
  return {
    cwd,
    read: (path) => files.get(resolvePath(cwd, path)),
    list: (path) => {
      const found = entries.get(resolvePath(cwd, path))
      return found === undefined
        ? undefined
        : [...found].map(([name, dir]) => ({ name, dir, link: false }))
    },
    mtimeMs: () => undefined,
  }
}
