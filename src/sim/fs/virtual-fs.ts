import { VirtualClock } from '../core/clock'
import { SeededRandom } from '../core/random'
import { withVirtualGlobals } from '../core/virtual-globals'
import { QuaiError } from '../core/errors'
import { InMemoryFs } from 'just-bash'
import type { FileContent, MkdirOptions, RmOptions, CpOptions } from 'just-bash'

/**
 * The student's filesystem: an in-memory tree (just-bash's, which the interpreter already knows)
 * with a size limit, a revision counter the panels can watch, and a lossless JSON form.
 * Nothing here can reach the host's files: there is no host path anywhere in it.
 */
export class NoSpaceLeftError extends QuaiError<'ENOSPC', { path: string }> {
  constructor(path: string) {
    super('ENOSPC', `${path}: No space left on device`, { path })
  }
}

/** Writing into a directory that does not exist (or is not a directory): bash's ENOENT/ENOTDIR. */
export class MissingDirectoryError extends QuaiError<'ENOENT' | 'ENOTDIR', { path: string }> {
  constructor(code: 'ENOENT' | 'ENOTDIR', path: string) {
    super(code, code === 'ENOENT' ? 'No such file or directory' : 'Not a directory', { path })
  }
}

export const DEFAULT_FS_LIMIT_BYTES = 64 * 1024 * 1024

export type FsNodeSnapshot =
  | { path: string; type: 'directory'; mode: number; mtimeMs: number }
  | { path: string; type: 'file'; mode: number; mtimeMs: number; base64: string }
  | { path: string; type: 'symlink'; mode: number; mtimeMs: number; target: string }

export interface FsSnapshot {
  limitBytes: number
  nodes: FsNodeSnapshot[]
}

/**
 * Trees the interpreter lays out itself on every start (command stubs, devices): snapshots leave
 * them out, so a restored session has exactly one copy, written by its own interpreter.
 */
const SYSTEM_TREES = ['/bin', '/usr/bin', '/dev', '/proc']

function isSystemPath(path: string): boolean {
  return SYSTEM_TREES.some((tree) => path === tree || path.startsWith(`${tree}/`))
}

export class VirtualFs extends InMemoryFs {
  /** Bumped on every change, so observers can tell the tree changed without diffing it. */
  revision = 0

  constructor(readonly limitBytes: number = DEFAULT_FS_LIMIT_BYTES) {
    super({}, { maxTotalBytes: limitBytes })
  }

  /** Runs a mutation; a full disk surfaces as a typed error naming the path, as bash reports it. */
  private async change(path: string, mutate: () => Promise<void>): Promise<void> {
    try {
      await mutate()
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('ENOSPC'))
        throw new NoSpaceLeftError(path)
      throw error
    } finally {
      this.revision++
    }
  }

  /** Unlike the library's tree, a write never creates missing parent directories (as on Linux). */
  private async assertParentDirectory(path: string): Promise<void> {
    const parent = path.slice(0, path.lastIndexOf('/')) || '/'
    if (!(await this.exists(parent))) throw new MissingDirectoryError('ENOENT', path)
    if (!(await this.stat(parent)).isDirectory) throw new MissingDirectoryError('ENOTDIR', path)
  }

  override async writeFile(
    path: string,
    content: FileContent,
    options?: Parameters<InMemoryFs['writeFile']>[2],
  ): Promise<void> {
    await this.assertParentDirectory(path)
    await this.change(path, () => super.writeFile(path, content, options))
  }

  override async appendFile(
    path: string,
    content: FileContent,
    options?: Parameters<InMemoryFs['appendFile']>[2],
  ): Promise<void> {
    await this.assertParentDirectory(path)
    await this.change(path, () => super.appendFile(path, content, options))
  }

  override async mkdir(path: string, options?: MkdirOptions): Promise<void> {
    await this.change(path, () => super.mkdir(path, options))
  }

  override async rm(path: string, options?: RmOptions): Promise<void> {
    await this.change(path, () => super.rm(path, options))
  }

  override async cp(src: string, dest: string, options?: CpOptions): Promise<void> {
    await this.change(dest, () => super.cp(src, dest, options))
  }

  override async mv(src: string, dest: string): Promise<void> {
    await this.change(dest, () => super.mv(src, dest))
  }

  override async chmod(path: string, mode: number): Promise<void> {
    await this.change(path, () => super.chmod(path, mode))
  }

  override async symlink(target: string, linkPath: string): Promise<void> {
    await this.change(linkPath, () => super.symlink(target, linkPath))
  }

  override async link(existingPath: string, newPath: string): Promise<void> {
    await this.change(newPath, () => super.link(existingPath, newPath))
  }

  override async utimes(path: string, atime: Date, mtime: Date): Promise<void> {
    await this.change(path, () => super.utimes(path, atime, mtime))
  }

  async snapshot(): Promise<FsSnapshot> {
    const nodes: FsNodeSnapshot[] = []
    for (const path of [...this.getAllPaths()].sort()) {
      if (isSystemPath(path)) continue
      const st = await this.lstat(path)
      const common = { path, mode: st.mode, mtimeMs: st.mtime.getTime() }
      if (st.isSymbolicLink)
        nodes.push({ ...common, type: 'symlink', target: await this.readlink(path) })
      else if (st.isDirectory) nodes.push({ ...common, type: 'directory' })
      else
        nodes.push({
          ...common,
          type: 'file',
          base64: bytesToBase64(await this.readFileBuffer(path)),
        })
    }
    return { limitBytes: this.limitBytes, nodes }
  }

  static async fromSnapshot(snapshot: FsSnapshot): Promise<VirtualFs> {
    const fs = new VirtualFs(snapshot.limitBytes)
    // Parents sort before children, so each node's directory exists when it is written.
    for (const node of snapshot.nodes) {
      if (node.type === 'directory') fs.mkdirSync(node.path, { recursive: true })
      else if (node.type === 'file')
        fs.writeFileSync(node.path, base64ToBytes(node.base64), undefined, {
          mode: node.mode,
          mtime: new Date(node.mtimeMs),
        })
      else {
        // A link's own time cannot be set after the fact (utimes follows it): create it then.
        const at = new VirtualClock(node.mtimeMs)
        await withVirtualGlobals(at, new SeededRandom(0), () => fs.symlink(node.target, node.path))
      }
    }
    // Directory times last: writing children moves them.
    for (const node of snapshot.nodes) {
      if (node.type === 'directory') {
        await fs.chmod(node.path, node.mode)
        await fs.utimes(node.path, new Date(node.mtimeMs), new Date(node.mtimeMs))
      }
    }
    fs.revision = 0
    return fs
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function bytesToBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0
    const b = bytes[i + 1] ?? 0
    const c = bytes[i + 2] ?? 0
    const n = (a << 16) | (b << 8) | c
    out += B64.charAt((n >> 18) & 63) + B64.charAt((n >> 12) & 63)
    out += i + 1 < bytes.length ? B64.charAt((n >> 6) & 63) : '='
    out += i + 2 < bytes.length ? B64.charAt(n & 63) : '='
  }
  return out
}

export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '')
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let bits = 0
  let value = 0
  let o = 0
  for (const ch of clean) {
    value = (value << 6) | B64.indexOf(ch)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (value >> bits) & 0xff
    }
  }
  return out
}
