import type { FsStat } from 'just-bash'
import type { VirtualFs } from '../../fs/virtual-fs'
import { HOME, UID, USER } from '../user-environment'

/**
 * What `ls -l`, `stat`, `du` and `tree` show about a file that the in-memory filesystem does not
 * record: owner, link count, disk blocks, inode. Values are what a fresh ext4 Debian machine
 * would show, so that listings look like the real thing.
 */

export type FileKind = 'file' | 'directory' | 'symlink' | 'char-device'

export interface FileFacts {
  /** Absolute, normalised path. */
  path: string
  kind: FileKind
  /** Permission bits, including setuid, setgid and sticky. */
  perms: number
  size: number
  mtimeMs: number
  uid: number
  gid: number
  owner: string
  group: string
  links: number
  /** Space used on disk, in 1024-byte blocks. */
  blocks: number
  inode: number
  /** For a symlink, what it points to, as written. */
  target?: string
  /** For a character device, its major and minor numbers. */
  device?: [number, number]
}

/** System errors as C's strerror words them (glibc, English). */
const STRERROR: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
  ENOSPC: 'No space left on device',
  EFBIG: 'File too large',
  EBUSY: 'Device or resource busy',
}

export function strerror(code: string): string {
  return STRERROR[code] ?? 'Input/output error'
}

/** The errno code of a filesystem error ("ENOENT: no such file…" → ENOENT). */
export function errnoOf(error: unknown): string {
  const typed: unknown =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  if (typeof typed === 'string' && /^E[A-Z]+$/.test(typed)) return typed
  const message = error instanceof Error ? error.message : String(error)
  const code = /^(E[A-Z]+)\b/.exec(message)?.[1]
  if (code !== undefined) return code
  if (/too large|limit|quota/i.test(message)) return 'ENOSPC'
  return 'EIO'
}

/** The character devices every Linux box has; the virtual filesystem keeps them as plain files. */
const DEVICES: Readonly<Record<string, [number, number]>> = {
  '/dev/null': [1, 3],
  '/dev/zero': [1, 5],
  '/dev/full': [1, 7],
  '/dev/random': [1, 8],
  '/dev/urandom': [1, 9],
  '/dev/tty': [5, 0],
}

/** Everything in the student's home and in /tmp belongs to the student; the rest to root. */
export function isStudentOwned(path: string): boolean {
  return path === HOME || path.startsWith(`${HOME}/`) || path.startsWith('/tmp/')
}

export function parentOf(path: string): string {
  const cut = path.lastIndexOf('/')
  return cut <= 0 ? '/' : path.slice(0, cut)
}

export function baseName(path: string): string {
  if (path === '/') return '/'
  return path.slice(path.lastIndexOf('/') + 1)
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`
}

/** A stable, plausible ext4 inode number for a path. */
function inodeOf(path: string): number {
  let hash = 2166136261
  for (let i = 0; i < path.length; i++) {
    hash ^= path.charCodeAt(i)
    hash = Math.imul(hash, 16777619) >>> 0
  }
  return path === '/' ? 2 : 1048576 + (hash % 2097152)
}

async function subdirectoryCount(fs: VirtualFs, path: string): Promise<number> {
  try {
    const entries = await fs.readdirWithFileTypes(path)
    return entries.filter((e) => e.isDirectory).length
  } catch {
    return 0
  }
}

/**
 * Stats a path (following a final symlink only when `follow`) and explains a failure the way the
 * kernel would: a missing middle component is ENOENT, a file used as a directory ENOTDIR.
 */
export async function statPath(
  fs: VirtualFs,
  path: string,
  follow: boolean,
): Promise<{ stat: FsStat } | { errno: string }> {
  try {
    const stat = follow ? await fs.stat(path) : await fs.lstat(path)
    return { stat }
  } catch (error) {
    const code = errnoOf(error)
    if (code !== 'ENOENT') return { errno: code }
    // Walk the components: a regular file before the end makes the path "Not a directory".
    const parts = path.split('/').filter((p) => p !== '')
    let prefix = ''
    for (const part of parts.slice(0, -1)) {
      prefix += `/${part}`
      try {
        const st = await fs.stat(prefix)
        if (!st.isDirectory) return { errno: 'ENOTDIR' }
      } catch {
        return { errno: 'ENOENT' }
      }
    }
    return { errno: 'ENOENT' }
  }
}

export async function factsFromStat(fs: VirtualFs, path: string, st: FsStat): Promise<FileFacts> {
  const mine = isStudentOwned(path)
  const device = DEVICES[path]
  const kind: FileKind = st.isSymbolicLink
    ? 'symlink'
    : st.isDirectory
      ? 'directory'
      : device
        ? 'char-device'
        : 'file'
  const size = kind === 'directory' ? 4096 : kind === 'char-device' ? 0 : st.size
  const facts: FileFacts = {
    path,
    kind,
    perms: kind === 'symlink' ? 0o777 : kind === 'char-device' ? 0o666 : st.mode & 0o7777,
    size,
    mtimeMs: st.mtime.getTime(),
    uid: mine ? UID : 0,
    gid: mine ? UID : 0,
    owner: mine ? USER : 'root',
    group: mine ? USER : 'root',
    links: kind === 'directory' ? 2 + (await subdirectoryCount(fs, path)) : 1,
    // ext4 allocates 4 KiB blocks; short symlinks live in the inode and take none.
    blocks: kind === 'directory' ? 4 : kind === 'file' ? Math.ceil(size / 4096) * 4 : 0,
    inode: inodeOf(path),
  }
  if (kind === 'symlink') facts.target = await fs.readlink(path)
  if (device) facts.device = device
  return facts
}

/** Facts about `path`, or the errno explaining why there are none. */
export async function inspect(
  fs: VirtualFs,
  path: string,
  follow: boolean,
): Promise<{ facts: FileFacts } | { errno: string }> {
  const result = await statPath(fs, path, follow)
  if ('errno' in result) return result
  return { facts: await factsFromStat(fs, path, result.stat) }
}

const TYPE_LETTER: Readonly<Record<FileKind, string>> = {
  file: '-',
  directory: 'd',
  symlink: 'l',
  'char-device': 'c',
}

/** `-rwxr-xr-x`, with s/S and t/T for setuid, setgid and sticky bits. */
export function modeString(kind: FileKind, perms: number): string {
  const bit = (mask: number, letter: string): string => (perms & mask ? letter : '-')
  const special = (exec: number, flag: number, on: string, off: string): string => {
    if (perms & flag) return perms & exec ? on : off
    return perms & exec ? 'x' : '-'
  }
  return (
    TYPE_LETTER[kind] +
    bit(0o400, 'r') +
    bit(0o200, 'w') +
    special(0o100, 0o4000, 's', 'S') +
    bit(0o040, 'r') +
    bit(0o020, 'w') +
    special(0o010, 0o2000, 's', 'S') +
    bit(0o004, 'r') +
    bit(0o002, 'w') +
    special(0o001, 0o1000, 't', 'T')
  )
}

/** Whether a regular file has any execute bit (what `ls -F` marks with `*`). */
export function isExecutable(facts: FileFacts): boolean {
  return facts.kind === 'file' && (facts.perms & 0o111) !== 0
}
