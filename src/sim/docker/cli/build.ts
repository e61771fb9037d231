/**
 * `docker build`, `docker image build`, `docker buildx build`: docker 28 with the buildx plugin,
 * which makes BuildKit the builder (docker/buildx commands/build.go). The client reads the
 * context and the Dockerfile from the student's filesystem and prints the progress the builder
 * reports: the plain form to a pipe, the redrawn `[+] Building` view on a terminal.
 */
import { FlagSet } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { toTerminalNewlines } from '../../shell/pty'
import { buildImage, type BuildOutcome } from '../build/build'
import { EMPTY_CONTEXT, parseIgnoreFile, readContext, type ContextFiles } from '../build/context'
import {
  renderErrorLogs,
  renderFailure,
  renderPlain,
  renderTtyFrame,
  renderWarnings,
} from '../build/progress'
import type { BuildTrace } from '../build/trace'
import { familiarString, parseNormalizedNamed, tagNameOnly } from '../images/reference'
import { dockerCommand, type DockerContext } from './command'

const SLEEP_BUDGET_MS = 4000

const stringArray = <const N extends string>(name: N, usage: string, shorthand?: string) =>
  ({
    name,
    type: 'stringArray',
    usage,
    default: [] as string[],
    ...(shorthand ? { shorthand } : {}),
  }) as const

export const imageBuild = dockerCommand({
  path: 'docker buildx build',
  use: '[OPTIONS] PATH | URL | -',
  short: 'Start a build',
  aliases: ['docker build', 'docker builder build', 'docker image build', 'docker buildx b'],
  args: { kind: 'min', count: 0 },
  flags: () =>
    new FlagSet([
      {
        name: 'add-host',
        type: 'stringSlice',
        usage: 'Add a custom host-to-IP mapping (format: "host:ip")',
      },
      {
        name: 'allow',
        type: 'stringSlice',
        usage: 'Allow extra privileged entitlement (e.g., "network.host", "security.insecure")',
      },
      stringArray('annotation', 'Add annotation to the image'),
      stringArray('attest', 'Attestation parameters (format: "type=sbom,generator=image")'),
      stringArray('build-arg', 'Set build-time variables'),
      stringArray('build-context', 'Additional build contexts (e.g., name=path)'),
      {
        name: 'builder',
        type: 'string',
        usage: 'Override the configured builder instance',
        default: 'default',
      },
      stringArray(
        'cache-from',
        'External cache sources (e.g., "user/app:cache", "type=local,src=path/to/dir")',
      ),
      stringArray(
        'cache-to',
        'Cache export destinations (e.g., "user/app:cache", "type=local,dest=path/to/dir")',
      ),
      {
        name: 'call',
        type: 'string',
        default: 'build',
        usage: 'Set method for evaluating build ("check", "outline", "targets")',
      },
      {
        name: 'cgroup-parent',
        type: 'string',
        usage: 'Set the parent cgroup for the "RUN" instructions during build',
      },
      { name: 'check', type: 'bool', usage: 'Shorthand for "--call=check"' },
      { name: 'debug', shorthand: 'D', type: 'bool', usage: 'Enable debug logging' },
      {
        name: 'file',
        shorthand: 'f',
        type: 'string',
        usage: 'Name of the Dockerfile (default: "PATH/Dockerfile")',
      },
      { name: 'iidfile', type: 'string', usage: 'Write the image ID to a file' },
      stringArray('label', 'Set metadata for an image'),
      { name: 'load', type: 'bool', usage: 'Shorthand for "--output=type=docker"' },
      { name: 'metadata-file', type: 'string', usage: 'Write build result metadata to a file' },
      {
        name: 'network',
        type: 'string',
        default: 'default',
        usage: 'Set the networking mode for the "RUN" instructions during build',
      },
      { name: 'no-cache', type: 'bool', usage: 'Do not use cache when building the image' },
      stringArray('no-cache-filter', 'Do not cache specified stages'),
      stringArray('output', 'Output destination (format: "type=local,dest=path")', 'o'),
      stringArray('platform', 'Set target platform for build'),
      {
        name: 'progress',
        type: 'string',
        default: 'auto',
        usage:
          'Set type of progress output ("auto", "quiet", "plain", "tty", "rawjson"). Use plain to show container output',
      },
      { name: 'provenance', type: 'string', usage: 'Shorthand for "--attest=type=provenance"' },
      { name: 'pull', type: 'bool', usage: 'Always attempt to pull all referenced images' },
      { name: 'push', type: 'bool', usage: 'Shorthand for "--output=type=registry"' },
      {
        name: 'quiet',
        shorthand: 'q',
        type: 'bool',
        usage: 'Suppress the build output and print image ID on success',
      },
      { name: 'sbom', type: 'string', usage: 'Shorthand for "--attest=type=sbom"' },
      stringArray(
        'secret',
        'Secret to expose to the build (format: "id=mysecret[,src=/local/secret]")',
      ),
      { name: 'shm-size', type: 'bytes', usage: 'Shared memory size for build containers' },
      stringArray(
        'ssh',
        'SSH agent socket or keys to expose to the build (format: "default|<id>[=<socket>|<key>[,<key>]]")',
      ),
      stringArray('tag', 'Name and optionally a tag (format: "name:tag")', 't'),
      { name: 'target', type: 'string', usage: 'Set the target build stage to build' },
      {
        name: 'ulimit',
        type: 'stringArray',
        typeName: 'ulimit',
        defValue: '[]',
        usage: 'Ulimit options',
      },
      // Hidden flags buildx still accepts from the legacy builder's command line.
      {
        name: 'compress',
        type: 'bool',
        usage: 'Compress the build context using gzip',
        hidden: true,
      },
      { name: 'isolation', type: 'string', usage: 'Container isolation technology', hidden: true },
      { name: 'security-opt', type: 'stringSlice', usage: 'Security options', hidden: true },
      {
        name: 'squash',
        type: 'bool',
        usage: 'Squash newly built layers into a single new layer',
        hidden: true,
      },
      { name: 'memory', shorthand: 'm', type: 'string', usage: 'Memory limit', hidden: true },
      { name: 'memory-swap', type: 'string', usage: 'Swap limit', hidden: true },
      {
        name: 'cpu-shares',
        shorthand: 'c',
        type: 'int64',
        usage: 'CPU shares (relative weight)',
        hidden: true,
      },
      { name: 'cpu-period', type: 'int64', usage: 'Limit the CPU CFS period', hidden: true },
      { name: 'cpu-quota', type: 'int64', usage: 'Limit the CPU CFS quota', hidden: true },
      {
        name: 'cpuset-cpus',
        type: 'string',
        usage: 'CPUs in which to allow execution',
        hidden: true,
      },
      {
        name: 'cpuset-mems',
        type: 'string',
        usage: 'MEMs in which to allow execution',
        hidden: true,
      },
      {
        name: 'rm',
        type: 'bool',
        default: true,
        usage: 'Remove intermediate containers',
        hidden: true,
      },
      {
        name: 'force-rm',
        type: 'bool',
        usage: 'Always remove intermediate containers',
        hidden: true,
      },
      {
        name: 'disable-content-trust',
        type: 'bool',
        default: true,
        usage: 'Skip image verification',
        hidden: true,
      },
    ] as const),
  async run({ values, args }, ctx) {
    const fail = (message: string): CommandOutput => ({
      stdout: '',
      stderr: `ERROR: ${message}\n`,
      exitCode: 1,
    })
    if (args.length !== 1)
      return fail(
        `'docker buildx build' requires 1 argument\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nRun 'docker buildx build --help' for more information`,
      )
    const progress = values.quiet ? 'quiet' : values.progress
    if (values.quiet && values.progress !== 'auto' && values.progress !== 'quiet')
      return fail(`progress=${values.progress} and quiet cannot be used together`)
    if (!['auto', 'quiet', 'plain', 'tty', 'rawjson'].includes(progress))
      return fail(`invalid progress mode ${progress}`)
    const tags: string[] = []
    for (const tag of values.tag) {
      const parsed = parseNormalizedNamed(tag)
      if (!parsed.ok) return fail(`invalid tag ${JSON.stringify(tag)}: ${parsed.error.message}`)
      tags.push(familiarString(tagNameOnly(parsed.value)))
    }
    const buildArgs = new Map<string, string>()
    for (const arg of values['build-arg']) {
      const eq = arg.indexOf('=')
      const key = eq < 0 ? arg : arg.slice(0, eq)
      if (key === '') return fail(`invalid key-value pair ${JSON.stringify(arg)}: empty key`)
      if (eq >= 0) buildArgs.set(key, arg.slice(eq + 1))
      else {
        const fromEnv = ctx.shell.env.get(key)
        if (fromEnv !== undefined) buildArgs.set(key, fromEnv)
      }
    }
    const labels: Record<string, string> = {}
    for (const label of values.label) {
      const eq = label.indexOf('=')
      labels[eq < 0 ? label : label.slice(0, eq)] = eq < 0 ? '' : label.slice(eq + 1)
    }
    const inputs = await loadInputs(args[0] ?? '', values.file, ctx)
    if (typeof inputs === 'string') return fail(inputs)
    // The build's own timeline: every step takes its virtual time, but the session's clock moves
    // by at most SLEEP_BUDGET_MS of it (the shell interpreter stops a command line whose virtual
    // run time passes its execution deadline).
    const startMs = ctx.shell.clock.now()
    let elapsedMs = 0
    let budgetMs = SLEEP_BUDGET_MS
    const now = (): number => startMs + elapsedMs
    const sleep = async (ms: number): Promise<boolean> => {
      elapsedMs += ms
      const real = Math.min(ms, budgetMs)
      budgetMs -= real
      return real > 0 ? ctx.shell.sleep(real) : true
    }
    const tty = ctx.shell.tty
    const live = progress === 'tty' || (progress === 'auto' && tty !== undefined)
    const width = tty?.cols ?? 80
    const height = tty?.rows ?? 24
    let drawn: number | undefined
    let lastDraw = -Infinity
    const draw = (trace: BuildTrace, final: boolean): void => {
      if (tty === undefined) return
      const at = now()
      if (!final && at - lastDraw < 100) return
      lastDraw = at
      const frame = renderTtyFrame(trace, { width, height, nowMs: at, final, previousLines: drawn })
      drawn = frame.lines
      tty.write(toTerminalNewlines(frame.text))
    }
    const outcome: BuildOutcome = await buildImage(
      {
        dockerfile: inputs.dockerfile,
        context: inputs.context,
        ignoreFileBytes: inputs.ignoreFileBytes,
        buildArgs,
        target: values.target === '' ? undefined : values.target,
        tags,
        labels,
        noCache: values['no-cache'],
        pull: values.pull,
      },
      {
        engine: ctx.engine,
        now,
        sleep,
        onProgress: live ? (trace) => draw(trace, false) : undefined,
      },
    )
    const { trace, failure, image } = outcome
    let stderr = ''
    if (live && tty !== undefined) draw(trace, true)
    else if (
      progress === 'plain' ||
      progress === 'auto' ||
      progress === 'tty' ||
      progress === 'rawjson'
    )
      stderr += renderPlain(trace)
    if (failure !== undefined) {
      if (progress !== 'quiet') stderr += renderErrorLogs(trace) + renderWarnings(trace.warnings)
      stderr += renderFailure(failure)
      return { stdout: '', stderr, exitCode: 1 }
    }
    if (progress !== 'quiet') stderr += renderWarnings(trace.warnings)
    if (image !== undefined && values.iidfile !== '')
      await ctx.shell.fs.writeFile(ctx.shell.resolve(values.iidfile), image.id)
    return { stdout: progress === 'quiet' && image ? `${image.id}\n` : '', stderr, exitCode: 0 }
  },
})

interface Inputs {
  dockerfile: { name: string; text: string | undefined }
  context: ContextFiles
  ignoreFileBytes: number | undefined
}

/** buildx's LoadInputs: the context directory (or `-`), the Dockerfile, the .dockerignore. */
async function loadInputs(
  contextArg: string,
  file: string,
  ctx: DockerContext,
): Promise<Inputs | string> {
  const fs = ctx.shell.fs
  const readIfFile = async (path: string): Promise<string | undefined> => {
    const st = await fs.stat(path).catch(() => undefined)
    return st?.isFile ? fs.readFile(path) : undefined
  }
  if (contextArg === '-') {
    return {
      dockerfile: {
        name: 'Dockerfile',
        text: ctx.shell.stdin === '' ? undefined : ctx.shell.stdin,
      },
      context: EMPTY_CONTEXT,
      ignoreFileBytes: undefined,
    }
  }
  const root = ctx.shell.resolve(contextArg)
  const st = await fs.stat(root).catch(() => undefined)
  if (!st?.isDirectory)
    return `unable to prepare context: path ${JSON.stringify(contextArg)} not found`
  let dockerfilePath: string
  let text: string | undefined
  if (file === '-') {
    dockerfilePath = `${root}/Dockerfile`
    text = ctx.shell.stdin === '' ? undefined : ctx.shell.stdin
  } else {
    dockerfilePath =
      file === '' ? `${root === '/' ? '' : root}/Dockerfile` : ctx.shell.resolve(file)
    text = await readIfFile(dockerfilePath)
  }
  const name = dockerfilePath.slice(dockerfilePath.lastIndexOf('/') + 1)
  const ignoreText =
    (await readIfFile(`${dockerfilePath}.dockerignore`)) ??
    (await readIfFile(`${root === '/' ? '' : root}/.dockerignore`))
  const context = await readContext(fs, root, parseIgnoreFile(ignoreText ?? ''))
  return {
    dockerfile: { name, text },
    context,
    ignoreFileBytes:
      ignoreText === undefined ? undefined : new TextEncoder().encode(ignoreText).length,
  }
}
