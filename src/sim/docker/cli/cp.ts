/**
 * `docker cp` (docker/cli cli/command/container/cp.go, moby/go-archive copy.go) between the
 * student's filesystem and a container's (running or not). Sources and destinations follow
 * docker's rules: a file into an existing directory keeps its name, a directory onto a missing
 * path becomes that path, `dir/.` copies a directory's contents. On a terminal docker reports
 * the size of the tar stream it moved: "Successfully copied 2.05kB to …" for a small file.
 */
import { FlagSet } from '../../cli-kit/flags'
import { humanSizeWithPrecision } from '../../cli-kit/go-units'
import type { VirtualFs } from '../../fs/virtual-fs'
import type { CommandOutput } from '../../shell/command'
import { ContainerFs } from '../engine/container-fs'
import { daemonFailure, dockerCommand, type DockerContext } from './command'

const fail = (stderr: string): CommandOutput => ({ stdout: '', stderr: `${stderr}\n`, exitCode: 1 })

/** splitCpArg: `name:path` names a container unless the path is absolute or starts with `.`. */
function splitCpArg(arg: string): { container: string; path: string } {
  if (arg.startsWith('/')) return { container: '', path: arg }
  const colon = arg.indexOf(':')
  if (colon === -1 || arg.startsWith('.')) return { container: '', path: arg }
  return { container: arg.slice(0, colon), path: arg.slice(colon + 1) }
}

function normalize(path: string): string {
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return `/${parts.join('/')}`
}

const baseName = (path: string): string => normalize(path).split('/').pop() ?? ''
const parentOf = (path: string): string => {
  const p = normalize(path)
  const cut = p.lastIndexOf('/')
  return cut <= 0 ? '/' : p.slice(0, cut)
}

async function kindOf(fs: VirtualFs, path: string): Promise<'dir' | 'file' | undefined> {
  if (!(await fs.exists(path))) return undefined
  return (await fs.stat(path)).isDirectory ? 'dir' : 'file'
}

interface Entry {
  rel: string
  dir: boolean
  content: string
}

/** The tree at `path` (itself first), as the archive would list it. */
async function collect(fs: VirtualFs, path: string): Promise<Entry[]> {
  if ((await kindOf(fs, path)) === 'file')
    return [{ rel: '', dir: false, content: await fs.readFile(path) }]
  const out: Entry[] = [{ rel: '', dir: true, content: '' }]
  const walk = async (dir: string, rel: string): Promise<void> => {
    for (const name of (await fs.readdir(dir)).sort()) {
      const full = `${dir === '/' ? '' : dir}/${name}`
      const childRel = rel === '' ? name : `${rel}/${name}`
      if ((await kindOf(fs, full)) === 'dir') {
        out.push({ rel: childRel, dir: true, content: '' })
        await walk(full, childRel)
      } else out.push({ rel: childRel, dir: false, content: await fs.readFile(full) })
    }
  }
  await walk(path, '')
  return out
}

/** Bytes of the tar stream Go's archive/tar writes for these entries (headers, padding, end). */
function tarSize(entries: readonly Entry[]): number {
  let size = 1024
  for (const e of entries) {
    size += 512
    if (!e.dir) size += Math.ceil(new TextEncoder().encode(e.content).length / 512) * 512
  }
  return size
}

/** Where the copy lands, by docker's rules; a message when it cannot. */
async function destination(
  fs: VirtualFs,
  dest: string,
  rawDest: string,
  srcIsDir: boolean,
  srcName: string,
  contentsOnly: boolean,
): Promise<string | { error: string }> {
  const kind = await kindOf(fs, dest)
  if (kind === 'dir') return contentsOnly ? dest : `${dest === '/' ? '' : dest}/${srcName}`
  if (kind === 'file') return srcIsDir ? { error: 'cannot copy a directory to a file' } : dest
  if (rawDest.endsWith('/') && !srcIsDir) return { error: 'no such directory' }
  if ((await kindOf(fs, parentOf(dest))) !== 'dir')
    return { error: `lstat ${parentOf(dest)}: no such file or directory` }
  return dest
}

async function write(fs: VirtualFs, target: string, entries: readonly Entry[]): Promise<void> {
  for (const e of entries) {
    const path = e.rel === '' ? target : `${target === '/' ? '' : target}/${e.rel}`
    if (e.dir) await fs.mkdir(path, { recursive: true })
    else await fs.writeFile(path, e.content)
  }
}

async function copyFromContainer(
  ctx: DockerContext,
  container: string,
  srcPath: string,
  destArg: string,
  quiet: boolean,
): Promise<CommandOutput> {
  const record = ctx.engine.findContainer(container)
  if (!record) return daemonFailure(`No such container: ${container}`)
  const cfs = await ContainerFs.open(ctx.engine, record, ctx.shell.fs)
  const src = normalize(srcPath)
  const srcKind = await kindOf(cfs.fs, src)
  if (srcKind === undefined)
    return daemonFailure(`Could not find the file ${srcPath} in container ${container}`)
  const entries = await collect(cfs.fs, src)
  if (destArg === '-')
    return fail('docker cp: writing a tar archive to stdout is not supported in Quai')
  const dest = ctx.shell.resolve(destArg)
  const target = await destination(
    ctx.shell.fs,
    dest,
    destArg,
    srcKind === 'dir',
    baseName(src),
    srcKind === 'dir' && /\/\.$/.test(srcPath),
  )
  if (typeof target !== 'string') return fail(target.error)
  await write(ctx.shell.fs, target, entries)
  // resolveLocalPath keeps a trailing `/.` or `/` the user typed.
  const shown =
    destArg.endsWith('/.') || destArg === '.'
      ? `${dest === '/' ? '' : dest}/.`
      : destArg.endsWith('/')
        ? `${dest}/`
        : dest
  const stderr = quiet
    ? ''
    : `Successfully copied ${humanSizeWithPrecision(tarSize(entries), 3)} to ${shown}\n`
  return { stdout: '', stderr, exitCode: 0 }
}

async function copyToContainer(
  ctx: DockerContext,
  srcArg: string,
  container: string,
  destPath: string,
  quiet: boolean,
): Promise<CommandOutput> {
  if (srcArg === '-')
    return fail('docker cp: reading a tar archive from stdin is not supported in Quai')
  const src = ctx.shell.resolve(srcArg)
  const srcKind = await kindOf(ctx.shell.fs, src)
  if (srcKind === undefined) return fail(`lstat ${src}: no such file or directory`)
  const record = ctx.engine.findContainer(container)
  if (!record) return daemonFailure(`No such container: ${container}`)
  const cfs = await ContainerFs.open(ctx.engine, record, ctx.shell.fs)
  const dest = normalize(destPath)
  const entries = await collect(ctx.shell.fs, src)
  const destKind = await kindOf(cfs.fs, dest)
  if (destKind === undefined && (await kindOf(cfs.fs, parentOf(dest))) !== 'dir')
    return daemonFailure(`Could not find the file ${parentOf(dest)} in container ${container}`)
  const target = await destination(
    cfs.fs,
    dest,
    destPath,
    srcKind === 'dir',
    baseName(src),
    srcKind === 'dir' && /\/\.$/.test(srcArg),
  )
  if (typeof target !== 'string') return fail(target.error)
  await write(cfs.fs, target, entries)
  await cfs.close()
  const stderr = quiet
    ? ''
    : `Successfully copied ${humanSizeWithPrecision(tarSize(entries), 3)} to ${container}:${destPath}\n`
  return { stdout: '', stderr, exitCode: 0 }
}

export const containerCp = dockerCommand({
  path: 'docker container cp',
  use: '[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
  short: 'Copy files/folders between a container and the local filesystem',
  long: "Copy files/folders between a container and the local filesystem\n\nUse '-' as the source to read a tar archive from stdin\nand extract it to a directory destination in a container.\nUse '-' as the destination to stream a tar archive of a\ncontainer source to stdout.",
  aliases: ['docker container cp', 'docker cp'],
  args: { kind: 'exact', count: 2 },
  flags: () =>
    new FlagSet([
      {
        name: 'archive',
        shorthand: 'a',
        type: 'bool',
        usage: 'Archive mode (copy all uid/gid information)',
      },
      {
        name: 'follow-link',
        shorthand: 'L',
        type: 'bool',
        usage: 'Always follow symbol link in SRC_PATH',
      },
      {
        name: 'quiet',
        shorthand: 'q',
        type: 'bool',
        usage:
          'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached',
      },
    ] as const),
  async run({ values, args, changed }, ctx) {
    const [source = '', dest = ''] = args
    if (source === '') return fail('source can not be empty')
    if (dest === '') return fail('destination can not be empty')
    // Without -q docker reports only when its output is a terminal.
    const quiet = changed.includes('quiet') ? values.quiet : ctx.shell.tty === undefined
    const from = splitCpArg(source)
    const to = splitCpArg(dest)
    if (from.container !== '' && to.container !== '')
      return fail('copying between containers is not supported')
    if (from.container !== '') return copyFromContainer(ctx, from.container, from.path, dest, quiet)
    if (to.container !== '') return copyToContainer(ctx, source, to.container, to.path, quiet)
    return fail('must specify at least one container source')
  },
})
