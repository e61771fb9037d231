/**
 * `kubectl cp SRC DEST` (cp.go): one side a local path, the other `[namespace/]pod:path`. Real
 * kubectl pipes a tar stream through `kubectl exec … tar`: the container needs `tar` (scratch and
 * distroless images fail with the runtime's error, exit 126), tar's own complaints come through
 * (BusyBox's or GNU's words, by image), and a copy out of a pod strips the path to the file's
 * name as tar stores it. A local file into an existing pod directory keeps its name; a directory
 * copied becomes DEST, merged into what is there.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import { cannotExec } from '../../docker/cli/container-shell'
import { shellFamily } from '../../docker/engine/rootfs'
import type { VirtualFs } from '../../fs/virtual-fs'
import type { CommandOutput } from '../../shell/command'
import { kubectlCommand, type KubectlContext } from './command'
import { containerFlag, terminated } from './exec'
import { openPodProcess, type PodProcess } from './pod-process'
import { defaultContainer, hasContainer, podPhase, resolvePod } from './pod-target'
import { errorLine, fail } from './write-kit'

interface FileSpec {
  namespace?: string
  pod?: string
  path: string
}

const CANONICAL = 'filespec must match the canonical format: [[namespace/]pod:]file/path'

/** extractFileSpec: `path`, `pod:path` or `namespace/pod:path`. */
function fileSpec(arg: string): FileSpec | undefined {
  const colon = arg.indexOf(':')
  if (colon === 0) return undefined
  if (colon === -1) return { path: arg }
  const pieces = arg.slice(0, colon).split('/')
  const path = arg.slice(colon + 1)
  if (pieces.length === 1) return { pod: pieces[0] ?? '', path }
  if (pieces.length === 2) return { namespace: pieces[0] ?? '', pod: pieces[1] ?? '', path }
  return undefined
}

/** path.Clean for slash paths. */
function clean(path: string): string {
  const absolute = path.startsWith('/')
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop()
      else if (!absolute) parts.push('..')
    } else parts.push(part)
  }
  const joined = parts.join('/')
  return absolute ? `/${joined}` : joined === '' ? '.' : joined
}

const dirOf = (path: string): string => {
  const c = clean(path)
  const cut = c.lastIndexOf('/')
  return cut === -1 ? '.' : cut === 0 ? '/' : c.slice(0, cut)
}
const baseOf = (path: string): string => clean(path).split('/').pop() ?? ''
const join = (dir: string, name: string): string => (name === '' ? dir : clean(`${dir}/${name}`))

interface Entry {
  /** Relative to the copied path ('' for itself). */
  rel: string
  dir: boolean
  content: string
}

/** The tree at `path`, itself first, as a tar stream of it would list it. */
async function collect(fs: VirtualFs, path: string): Promise<Entry[]> {
  if (!(await fs.stat(path)).isDirectory)
    return [{ rel: '', dir: false, content: await fs.readFile(path) }]
  const out: Entry[] = [{ rel: '', dir: true, content: '' }]
  const walk = async (dir: string, rel: string): Promise<void> => {
    for (const name of (await fs.readdir(dir)).sort()) {
      const full = `${dir === '/' ? '' : dir}/${name}`
      const sub = rel === '' ? name : `${rel}/${name}`
      if ((await fs.stat(full)).isDirectory) {
        out.push({ rel: sub, dir: true, content: '' })
        await walk(full, sub)
      } else out.push({ rel: sub, dir: false, content: await fs.readFile(full) })
    }
  }
  await walk(path, '')
  return out
}

async function isDirectory(fs: VirtualFs, path: string): Promise<boolean> {
  return (await fs.exists(path)) && (await fs.stat(path)).isDirectory
}

interface Opened {
  proc: PodProcess
  /** "Defaulted container" and other notes kubectl printed on the way in. */
  notice: string
}

/** The exec kubectl cp runs: the pod, its container, the running process and its `tar`. */
async function openTarget(
  ctx: KubectlContext,
  spec: FileSpec,
  container: string,
): Promise<{ ok: true; opened: Opened } | { ok: false; output: CommandOutput }> {
  const connected = ctx.connect()
  if (!connected.ok) return { ok: false, output: connected.error }
  const cluster = connected.value
  const scoped = spec.namespace === undefined ? ctx : { ...ctx, namespace: spec.namespace }
  const found = resolvePod(cluster, scoped, spec.pod ?? '')
  if (!found.ok) return found
  const pod = found.pod
  const phase = podPhase(pod)
  if (phase === 'Succeeded' || phase === 'Failed')
    return {
      ok: false,
      output: errorLine(
        `cannot exec into a container in a completed pod; current phase is ${phase}`,
      ),
    }
  let notice = ''
  let name = container
  if (name === '') {
    const chosen = defaultContainer(pod)
    name = chosen.name
    notice = chosen.notice
  } else if (!hasContainer(pod, name))
    return {
      ok: false,
      output: fail(
        `Error from server (BadRequest): container ${name} is not valid for pod ${pod.metadata.name}\n`,
      ),
    }
  const proc = await openPodProcess(ctx.world, cluster, pod, name, {
    tty: false,
    realtime: false,
    clock: ctx.shell.clock,
  })
  if (proc === undefined)
    return {
      ok: false,
      output: fail(
        `${notice}error: unable to upgrade connection: container not found ("${name}")\n`,
      ),
    }
  return { ok: true, opened: { proc, notice } }
}

/** The runtime's refusal when the image has no `tar`, as exec reports it. */
async function withoutTar(
  opened: Opened,
  noticeOnStdout: boolean,
): Promise<CommandOutput | undefined> {
  const refused = await cannotExec(opened.proc, opened.proc.podFs.record, 'tar')
  if (refused === undefined) return undefined
  await opened.proc.podFs.close()
  return {
    stdout: `${noticeOnStdout ? opened.notice : ''}${refused.message}\r\n`,
    stderr: `${noticeOnStdout ? '' : opened.notice}${terminated(126)}`,
    exitCode: 126,
  }
}

const busybox = (proc: PodProcess): boolean => shellFamily(proc.podFs.record.image) === 'alpine'

async function copyToPod(
  ctx: KubectlContext,
  src: FileSpec,
  dest: FileSpec,
  container: string,
): Promise<CommandOutput> {
  const local = ctx.shell.resolve(src.path)
  if (!(await ctx.shell.fs.exists(local)))
    return errorLine(`${src.path} doesn't exist in local filesystem`)
  const target = await openTarget(ctx, dest, container)
  if (!target.ok) return target.output
  const { proc, notice } = target.opened
  const refused = await withoutTar(target.opened, false)
  if (refused !== undefined) return refused
  const podFs = proc.podFs.fs
  const inPod = (p: string): string => (p.startsWith('/') ? clean(p) : join(proc.cwd, p))
  let destPath = dest.path
  // `test -d DEST`: into an existing directory, under the source's own name.
  if (await isDirectory(podFs, inPod(destPath))) destPath = join(destPath, baseOf(local))
  const destDir = inPod(dirOf(destPath))
  if (!(await isDirectory(podFs, destDir))) {
    await proc.podFs.close()
    const shown = dirOf(destPath)
    return busybox(proc)
      ? fail(
          `${notice}tar: can't change directory to '${shown}': No such file or directory\n${terminated(1)}`,
          1,
        )
      : fail(
          `${notice}tar: ${shown}: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n${terminated(2)}`,
          2,
        )
  }
  const root = inPod(destPath)
  for (const entry of await collect(ctx.shell.fs, local)) {
    const path = join(root, entry.rel)
    if (entry.dir) await podFs.mkdir(path, { recursive: true })
    else {
      await podFs.mkdir(dirOf(path), { recursive: true })
      await podFs.writeFile(path, entry.content)
    }
  }
  await proc.podFs.close()
  return { stdout: '', stderr: notice, exitCode: 0 }
}

async function copyFromPod(
  ctx: KubectlContext,
  src: FileSpec,
  dest: FileSpec,
  container: string,
): Promise<CommandOutput> {
  const target = await openTarget(ctx, src, container)
  if (!target.ok) return target.output
  const { proc, notice } = target.opened
  // tar's standard error goes to kubectl's standard output (TarPipe's ErrOut is o.Out).
  const refused = await withoutTar(target.opened, true)
  if (refused !== undefined) return refused
  const podFs = proc.podFs.fs
  const remote = src.path.startsWith('/') ? clean(src.path) : join(proc.cwd, src.path)
  const bb = busybox(proc)
  let stdout = notice
  const stripped = src.path.startsWith('/')
  if (!(await podFs.exists(remote))) {
    await proc.podFs.close()
    stdout += bb
      ? `tar: ${src.path}: No such file or directory\n`
      : `${stripped ? "tar: Removing leading `/' from member names\n" : ''}tar: ${src.path}: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n`
    const code = bb ? 1 : 2
    return { stdout, stderr: terminated(code), exitCode: code }
  }
  if (stripped)
    stdout += bb
      ? "tar: removing leading '/' from member names\n"
      : "tar: Removing leading `/' from member names\n"
  const entries = await collect(podFs, remote)
  await proc.podFs.close()
  const fs = ctx.shell.fs
  const local = ctx.shell.resolve(dest.path)
  for (const entry of entries) {
    const path = join(local, entry.rel)
    if (entry.dir) {
      if (!(await isDirectory(fs, path))) await fs.mkdir(path, { recursive: true })
      continue
    }
    if (!(await isDirectory(fs, dirOf(path)))) await fs.mkdir(dirOf(path), { recursive: true })
    if (await isDirectory(fs, path))
      return { stdout, stderr: `error: open ${clean(dest.path)}: is a directory\n`, exitCode: 1 }
    await fs.writeFile(path, entry.content)
  }
  return { stdout, stderr: '', exitCode: 0 }
}

export const cp = kubectlCommand({
  path: 'kubectl cp',
  use: '<file-spec-src> <file-spec-dest>',
  short: 'Copy files and directories to and from containers',
  long: 'Copy files and directories to and from containers.',
  example: `# !!!Important Note!!!
# Requires that the 'tar' binary is present in your container
# image.  If 'tar' is not present, 'kubectl cp' will fail.
#
# For advanced use cases, such as symlinks, wildcard expansion or
# file mode preservation, consider using 'kubectl exec'.

# Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>
tar cf - /tmp/foo | kubectl exec -i -n <some-namespace> <some-pod> -- tar xf - -C /tmp/bar

# Copy /tmp/foo from a remote pod to /tmp/bar locally
kubectl exec -n <some-namespace> <some-pod> -- tar cf - /tmp/foo | tar xf - -C /tmp/bar

# Copy /tmp/foo_dir local directory to /tmp/bar_dir in a remote pod in the default namespace
kubectl cp /tmp/foo_dir <some-pod>:/tmp/bar_dir

# Copy /tmp/foo local file to /tmp/bar in a remote pod in a specific container
kubectl cp /tmp/foo <some-pod>:/tmp/bar -c <specific-container>

# Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>
kubectl cp /tmp/foo <some-namespace>/<some-pod>:/tmp/bar

# Copy /tmp/foo from a remote pod to /tmp/bar locally
kubectl cp <some-namespace>/<some-pod>:/tmp/foo /tmp/bar`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        containerFlag,
        {
          name: 'no-preserve',
          type: 'bool',
          usage:
            "The copied file/directory's ownership and permissions will not be preserved in the container",
        },
        {
          name: 'retries',
          type: 'int',
          default: 0,
          usage:
            'Set number of retries to complete a copy operation from a container. Specify 0 to disable or any negative value for infinite retrying. The default is 0 (no retry).',
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    if (args.length !== 2) return errorLine('source and destination are required')
    const src = fileSpec(args[0] ?? '')
    const dest = fileSpec(args[1] ?? '')
    if (src === undefined || dest === undefined) return errorLine(CANONICAL)
    if (src.pod !== undefined && dest.pod !== undefined)
      return errorLine('one of src or dest must be a local file specification')
    if (src.path === '' || dest.path === '') return errorLine('filepath can not be empty')
    if (src.pod !== undefined) return copyFromPod(ctx, src, dest, values.container)
    if (dest.pod !== undefined) return copyToPod(ctx, src, dest, values.container)
    return errorLine('one of src or dest must be a remote file specification')
  },
})
