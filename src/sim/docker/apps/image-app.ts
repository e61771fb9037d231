/**
 * The app a container of an image runs when no Docker daemon of the student's starts it: a
 * Kubernetes pod's container, whose process the kubelet starts from the image and the pod spec.
 * Everything is known synchronously from the image (its files, its ENTRYPOINT/CMD/Env/WorkingDir)
 * and the spec, so a connection to the pod can read the app the first time it is needed.
 */
import { intrinsicTools } from '../build/toolbox'
import { processWords } from '../build/shell-lex'
import type { LocalImage } from '../engine/image-store'
import { imageRootFs } from '../engine/rootfs'
import { filesOfTree } from './app-files'
import type { AppContext, AppServer } from './app-server'
import { envLookup } from './listen-ports'
import { readNodeApp } from './node-apps'
import { readPythonApp } from './python-apps'
import { readStaticServer } from './static-server'

/** The same readers, in the same order, as app-service.ts uses for `docker run`. */
const READERS = [readStaticServer, readPythonApp, readNodeApp]

export interface ImageProcess {
  image: LocalImage
  /** The pod's `command`: replaces the image's ENTRYPOINT (and drops its CMD). */
  command?: readonly string[]
  /** The pod's `args`: replaces the image's CMD. */
  args?: readonly string[]
  /** `KEY=value` entries set on top of the image's Env (later ones win). */
  env: readonly string[]
  workingDir?: string
  startedMs: number
  containerIp?: string
  tty?: boolean
}

/**
 * The argv the runtime executes, as the kubelet builds it: `command` replaces ENTRYPOINT,
 * `args` replaces CMD, and a `command` given alone drops the image's CMD.
 */
export function containerArgv(
  entrypoint: readonly string[] | null,
  cmd: readonly string[] | null,
  command: readonly string[] | undefined,
  args: readonly string[] | undefined,
): string[] {
  const first = command ?? entrypoint ?? []
  const rest = args ?? (command !== undefined ? [] : (cmd ?? []))
  return [...first, ...rest]
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh'])
const base = (program: string | undefined): string => program?.split('/').pop() ?? ''

/** The program an entrypoint script or init wrapper hands over to (`tini -- node app.js`). */
function withoutWrappers(argv: readonly string[]): readonly string[] {
  let rest = argv
  for (let guard = 0; guard < 4; guard++) {
    const name = base(rest[0])
    if (/entrypoint(\.sh)?$/.test(name) || name === 'dumb-init') rest = rest.slice(1)
    else if (name === 'tini') rest = rest.slice(rest[1] === '--' ? 2 : 1)
    else if (name === 'gosu' || name === 'su-exec') rest = rest.slice(2)
    else break
  }
  return rest
}

/** `sh -c "exec python app.py"`: a script that is one plain command runs just that program. */
function shellScriptCommand(argv: readonly string[]): readonly string[] {
  if (argv.length !== 3 || argv[1] !== '-c' || !SHELLS.has(base(argv[0]))) return argv
  const script = (argv[2] ?? '').trim()
  if (/[;&|<>()`$\n]/.test(script.replace(/'[^']*'|"[^"$`]*"/g, ''))) return argv
  try {
    const words = processWords(script.replace(/^exec\s+/, ''), new Map())
    return words.length > 0 ? words : argv
  } catch {
    return argv
  }
}

const BIN_DIRS = ['/usr/local/bin', '/usr/bin', '/bin', '/usr/local/sbin', '/usr/sbin', '/sbin']

/** Whether the image has `program`: its runtime's tools, its own command, or a binary a build added. */
function imageHas(image: LocalImage, program: string, files: ReadonlyMap<string, string>): boolean {
  if (intrinsicTools(image.catalog).has(program)) return true
  const config = image.inspect.Config
  if ([config.Entrypoint?.[0], config.Cmd?.[0]].some((p) => base(p) === program)) return true
  return BIN_DIRS.some((dir) => files.has(`${dir}/${program}`))
}

/** The app server the container's main process is, or undefined when it serves no app. */
export function readImageApp(started: ImageProcess): AppServer | undefined {
  const config = started.image.inspect.Config
  const argv = withoutWrappers(
    shellScriptCommand(
      withoutWrappers(containerArgv(config.Entrypoint, config.Cmd, started.command, started.args)),
    ),
  )
  const rootfs = imageRootFs(started.image)
  const rootFiles = rootfs.files
  if (argv.length === 0 || !imageHas(started.image, base(argv[0]), rootFiles)) return undefined
  const cwd = started.workingDir || config.WorkingDir || '/'
  const context: AppContext = {
    argv,
    env: envLookup([...(config.Env ?? []), ...started.env]),
    files: filesOfTree(cwd, rootFiles, rootfs.dirs),
    startedMs: started.startedMs,
    containerIp: started.containerIp,
    tty: started.tty ?? false,
  }
  for (const read of READERS) {
    const server = read(context)
    if (server !== undefined) return server
  }
  return undefined
}
