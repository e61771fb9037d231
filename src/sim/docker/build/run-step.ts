/**
 * A RUN step: its command runs through a bash interpreter (just-bash) whose filesystem is the
 * stage's own, so `RUN echo hi > /x` leaves /x in the image. The programs the interpreter lacks
 * are the image's (see programs.ts and toolbox.ts); anything else is "not found", in the words of
 * the image's /bin/sh (dash on Debian: `/bin/sh: 1: foo: not found`, BusyBox ash on Alpine:
 * `/bin/sh: foo: not found`).
 */
import {
  Bash,
  InMemoryFs,
  decodeBytesToUtf8,
  defineCommand,
  getCommandNames,
  type CustomCommand,
} from 'just-bash'
import type { CatalogImage } from '../images/catalog-types'
import { PROGRAMS, type ProgramResult, type StepState } from './programs'
import { FsBuilder, type StageFs } from './stage-fs'
import { distroOf, intrinsicTools, knownToolNames, type Distro } from './toolbox'

export interface RunRequest {
  readonly fs: StageFs
  /** The process's argv: `["/bin/sh", "-c", "npm install"]` or an exec form's. */
  readonly argv: readonly string[]
  readonly env: ReadonlyMap<string, string>
  readonly cwd: string
  /** The catalog image the stage descends from (its distribution and runtime). */
  readonly catalog: CatalogImage | undefined
  /** Programs earlier steps installed. */
  readonly installed: ReadonlySet<string>
  readonly nowIso: string
}

export interface RunOutcome {
  readonly exitCode: number
  readonly output: ReadonlyArray<{ stream: 'stdout' | 'stderr'; text: string }>
  readonly fs: StageFs
  /** Programs this step installed (kept for later steps and written as /usr/bin stubs). */
  readonly installed: ReadonlySet<string>
  readonly durationMs: number
  readonly addedBytes: number
}

const under = (path: string, trees: readonly string[]): boolean =>
  trees.some((t) => path === t || path.startsWith(`${t}/`))
/** Kernel trees: never part of a layer. */
const isVirtual = (path: string): boolean => under(path, ['/dev', '/proc', '/sys'])
/** Where the interpreter writes its command stubs: only the image's own files there count. */
const isStubTree = (path: string): boolean => under(path, ['/bin', '/usr/bin'])

/**
 * The names the step's shell resolves through the image: every program some image has, minus
 * those the interpreter implements itself (which every image with a shell has too), except the
 * few whose image version behaves differently (bash is absent from Alpine, `tar -x` of a
 * stand-in download, `sha256sum -c`).
 */
const OVERRIDDEN = new Set(['bash', 'sha256sum', 'tar'])
const INTERPRETED = new Set(getCommandNames())
const IMAGE_PROGRAMS = [...new Set([...knownToolNames(), ...Object.keys(PROGRAMS), 'bash'])].filter(
  (name) => OVERRIDDEN.has(name) || !INTERPRETED.has(name),
)

const SHELLS = new Set([
  '/bin/sh',
  'sh',
  '/bin/bash',
  'bash',
  '/bin/ash',
  'ash',
  '/bin/dash',
  'dash',
])

export function notFound(distro: Distro, name: string): string {
  return distro === 'alpine' ? `/bin/sh: ${name}: not found\n` : `/bin/sh: 1: ${name}: not found\n`
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

export async function runStep(request: RunRequest): Promise<RunOutcome> {
  const distro = distroOf(request.catalog)
  const step: StepState = {
    distro,
    catalog: request.catalog,
    tools: new Set([...intrinsic(request.catalog), ...request.installed]),
    installed: new Set(),
    elapsedMs: 0,
    addedBytes: 0,
    nowIso: request.nowIso,
  }
  const fs = new InMemoryFs()
  for (const dir of [...request.fs.dirs].sort())
    if (!isVirtual(dir)) fs.mkdirSync(dir, { recursive: true })
  for (const [path, content] of request.fs.files)
    if (!isVirtual(path) && !isStubTree(path)) fs.writeFileSync(path, content)
  if (!(await fs.exists(request.cwd))) await fs.mkdir(request.cwd, { recursive: true })
  const env = Object.fromEntries(request.env)
  env.HOME ??= '/root'
  env.PATH ??= '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  env.HOSTNAME ??= 'buildkitsandbox'
  // The programs run scripts through the interpreter they are part of.
  const holder: { bash?: Bash } = {}
  const exec = async (command: string, cwd: string): Promise<ProgramResult> => {
    if (holder.bash === undefined) return { stdout: '', stderr: '', exitCode: 1 }
    const r = await holder.bash.exec(command, { cwd, rawScript: true })
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
  }
  const present = async (name: string): Promise<boolean> => {
    if (step.tools.has(name)) return true
    for (const dir of ['/usr/local/bin', '/usr/local/sbin'])
      if (await fs.exists(`${dir}/${name}`)) return true
    return [...request.fs.files.keys()].some(
      (p) => p === `/usr/bin/${name}` || p === `/bin/${name}`,
    )
  }
  const commands: CustomCommand[] = []
  for (const name of IMAGE_PROGRAMS) {
    commands.push(
      defineCommand(name, async (args, ctx) => {
        if (!(await present(name)))
          return { stdout: '', stderr: notFound(distro, name), exitCode: 127 }
        const program = PROGRAMS[name]
        if (program !== undefined) {
          const result = await program({
            args,
            cwd: ctx.cwd,
            env: ctx.env,
            fs: ctx.fs,
            step,
            exec: (line) => exec(line, ctx.cwd),
          })
          if (result.exitCode !== -1) return result
        }
        const builtin = await ctx.origCommand?.(args)
        if (builtin) return builtin
        step.elapsedMs += 150
        return { stdout: '', stderr: '', exitCode: 0 }
      }),
    )
  }
  const bash = new Bash({
    fs,
    cwd: request.cwd,
    env,
    defenseInDepth: false,
    executionLimits: { maxCommandCount: 50_000, maxLoopIterations: 50_000, maxCallDepth: 100 },
    processInfo: { pid: 1, ppid: 0, uid: 0, gid: 0 },
    customCommands: commands,
  })
  holder.bash = bash
  // The image's own programs and scripts in /bin and /usr/bin go over the interpreter's stubs.
  const stubs = new Map<string, string>()
  for (const path of fs.getAllPaths())
    if (isStubTree(path) && (await fs.lstat(path)).isFile) stubs.set(path, await fs.readFile(path))
  for (const [path, content] of request.fs.files)
    if (isStubTree(path)) fs.writeFileSync(path, content)
  const argv = [...request.argv]
  const script =
    argv.length >= 3 && SHELLS.has(argv[0] ?? '') && argv[1] === '-c'
      ? (argv[2] ?? '')
      : argv.map(shellQuote).join(' ')
  let result: ProgramResult
  try {
    const r = await bash.exec(script, { cwd: request.cwd, rawScript: true })
    result = { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    result = { stdout: '', stderr: `/bin/sh: ${message}\n`, exitCode: 2 }
  }
  const stderr = result.stderr.replace(
    /^bash: (.+?): (?:command not found|No such file or directory)$/gm,
    (_, name: string) => notFound(distro, name).replace(/\n$/, ''),
  )
  const after = new FsBuilder(request.fs)
  for (const path of [...after.files.keys()]) if (!isVirtual(path)) after.files.delete(path)
  for (const dir of [...after.dirs]) if (!isVirtual(dir)) after.dirs.delete(dir)
  after.dirs.add('/')
  for (const path of fs.getAllPaths()) {
    if (isVirtual(path)) continue
    const st = await fs.lstat(path)
    if (st.isDirectory) {
      if (!isStubTree(path) || request.fs.dirs.has(path)) after.dirs.add(path)
      continue
    }
    if (!st.isFile) continue
    const content = decodeBytesToUtf8(await fs.readFileBytes(path))
    if (isStubTree(path) && !request.fs.files.has(path) && stubs.get(path) === content) continue
    after.files.set(path, content)
  }
  for (const dir of ['/bin', '/usr/bin']) if (request.fs.dirs.has(dir)) after.dirs.add(dir)
  for (const bin of step.installed)
    if (!after.files.has(`/usr/local/bin/${bin}`))
      after.write(
        `/usr/bin/${bin}`,
        `#!/bin/sh\n# ${bin}: installed by a RUN step of docker build\n`,
      )
  const output = [
    ...lines(result.stdout).map((text) => ({ stream: 'stdout' as const, text })),
    ...lines(stderr).map((text) => ({ stream: 'stderr' as const, text })),
  ]
  return {
    exitCode: result.exitCode,
    output,
    fs: after.freeze(),
    installed: step.installed,
    durationMs: 120 + step.elapsedMs + output.length * 2,
    addedBytes: step.addedBytes,
  }
}

function lines(text: string): string[] {
  if (text === '') return []
  return text.replace(/\n$/, '').split('\n')
}

const intrinsicByImage = new WeakMap<CatalogImage, Set<string>>()

function intrinsic(catalog: CatalogImage | undefined): Set<string> {
  if (catalog === undefined) return new Set()
  let found = intrinsicByImage.get(catalog)
  if (!found) {
    found = intrinsicTools(catalog)
    intrinsicByImage.set(catalog, found)
  }
  return found
}
