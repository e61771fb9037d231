/**
 * `docker compose …` (the CLI plugin; docker.ts hands the words after `compose` here) and the
 * standalone `docker-compose …` (compose v2 installed as a binary of its own: same behaviour).
 * Global flags, then the subcommand, its flags and its run; errors in compose's words with its
 * exit statuses (16 for command-line syntax, 14/15 for project files).
 */
import { FlagError } from '../../cli-kit/flags'
import { err, ok } from '../../core/errors'
import type { CommandContext, CommandOutput, ShellCommand } from '../../shell/command'
import type { World } from '../../world'
import type { DockerEngine } from '../../docker/engine/engine'
import { connectDaemon } from '../../docker/cli/daemon-host'
import { ProgressWriter, type ProgressMode } from '../progress/writer'
import { EXIT, type ComposeEnv, type GlobalOptions } from './command'
import { COMMANDS, findCommand } from './commands'
import { composeConfig } from './config'
import { completeCompose } from './completion'
import { argumentProblem, commandHelp, GLOBAL_FLAGS, rootHelp } from './help'
import { defaultProjectLoader, type ProjectLoader } from './project-source'
import { versionText } from './version'

const syntaxError = (message: string): CommandOutput => ({
  stdout: '',
  stderr: `${message}\n`,
  exitCode: EXIT.syntax,
})

/** logrus's warning line (compose logs through logrus; Quai shows the terminal form). */
export function warnLine(message: string): string {
  return message.startsWith('WARN[') ? message : `WARN[0000] ${message}`
}

/** The spellings of true Go's strconv.ParseBool accepts. */
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True'])

/** Project names compose accepts (pkg/api NormalizeProjectName: lowercase, digits, `-`, `_`). */
const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/

function makeEnv(
  world: World,
  ctx: CommandContext,
  global: GlobalOptions,
  loader: ProjectLoader,
  statusOut?: (text: string) => void,
  engine: DockerEngine = world.docker,
): ComposeEnv {
  const color = global.ansi === 'always' || (global.ansi === 'auto' && ctx.tty !== undefined)
  let cached: ReturnType<ComposeEnv['loadProject']> | undefined
  const loadProject: ComposeEnv['loadProject'] = () => (cached ??= loader(global, ctx))
  // compose.go: `--ansi never` makes auto plain, `--ansi always` makes it tty; `none` is quiet.
  const progressMode = (): ProgressMode => {
    const p = global.progress
    if (p === 'none') return 'quiet'
    if (p === 'quiet' || p === 'plain' || p === 'json' || p === 'tty') return p
    if (global.ansi === 'never') return 'plain'
    if (global.ansi === 'always') return 'tty'
    return ctx.tty ? 'tty' : 'plain'
  }
  const progress = (title: string): ProgressWriter =>
    new ProgressWriter({
      ...(statusOut === undefined ? {} : { sink: statusOut }),
      mode: progressMode(),
      title,
      width: ctx.tty?.cols ?? 80,
      color: global.ansi !== 'never' && ctx.tty !== undefined,
      now: () => ctx.clock.now(),
      dryRun: global.dryRun,
    })
  return {
    world,
    engine,
    shell: ctx,
    global,
    color,
    loadProject,
    async projectOrName() {
      if (global.projectName !== '' && global.files.length === 0) {
        const loaded = await loadProject()
        if (!loaded.ok) {
          if (!PROJECT_NAME.test(global.projectName))
            return err({
              message: `invalid project name "${global.projectName}": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`,
              exitCode: 1,
            })
          return ok({ name: global.projectName })
        }
        return ok({ name: loaded.value.name, project: loaded.value })
      }
      const loaded = await loadProject()
      if (!loaded.ok) return loaded
      return ok({ name: loaded.value.name, project: loaded.value })
    },
    progress,
    runtime(writer) {
      let warnings = ''
      return {
        engine,
        shell: ctx,
        progress: writer,
        warn(message) {
          warnings += `${warnLine(message)}\n`
        },
        warnings: () => warnings,
        parallel: global.parallel,
      }
    },
  }
}

function parseGlobal(
  argv: readonly string[],
  env: ReadonlyMap<string, string>,
):
  | { ok: true; global: GlobalOptions; rest: string[]; version: boolean }
  | { ok: false; output: CommandOutput } {
  const parsed = GLOBAL_FLAGS().parse(argv)
  if (!parsed.ok) {
    if (parsed.error.code === 'help-requested')
      return { ok: false, output: { stdout: rootHelp(COMMANDS), stderr: '', exitCode: 0 } }
    return { ok: false, output: syntaxError(parsed.error.message) }
  }
  const v = parsed.values
  const given = (flag: string): boolean => parsed.changed.includes(flag)
  // compose.go: COMPOSE_ANSI when --ansi is not given, COMPOSE_PROGRESS as --progress's default.
  const envAnsi = env.get('COMPOSE_ANSI')
  const ansi = v['no-ansi'] ? 'never' : envAnsi !== undefined && !given('ansi') ? envAnsi : v.ansi
  if (ansi !== 'never' && ansi !== 'always' && ansi !== 'auto')
    return {
      ok: false,
      output: syntaxError(
        `invalid ansi mode ${JSON.stringify(ansi)}: must be one of "never", "always" or "auto"`,
      ),
    }
  // compose.go's PersistentPreRunE: plain errors (exit 1), not flag syntax errors.
  const progress = given('progress') ? v.progress : (env.get('COMPOSE_PROGRESS') ?? v.progress)
  const preRunError = (message: string) =>
    ({ ok: false, output: { stdout: '', stderr: `${message}\n`, exitCode: 1 } }) as const
  if (progress !== '' && !['auto', 'tty', 'plain', 'json', 'quiet', 'none'].includes(progress))
    return preRunError(`unsupported --progress value ${JSON.stringify(progress)}`)
  if (progress === 'tty' && ansi === 'never')
    return preRunError("can't use --progress tty while ANSI support is disabled")
  if (progress === 'plain' && ansi === 'always')
    return preRunError("can't use --progress plain while ANSI support is forced")
  // resolveMaxConcurrency: COMPOSE_PARALLEL_LIMIT unless --parallel is given.
  let parallel = v.parallel
  const envParallel = env.get('COMPOSE_PARALLEL_LIMIT')
  if (envParallel !== undefined && !given('parallel')) {
    if (!/^[+-]?\d+$/.test(envParallel))
      return preRunError(
        `COMPOSE_PARALLEL_LIMIT must be an integer (found: ${JSON.stringify(envParallel)})`,
      )
    parallel = Number(envParallel)
  }
  return {
    ok: true,
    rest: parsed.args,
    version: v.version,
    global: {
      files: v.file,
      projectName: v['project-name'],
      projectDirectory: v['project-directory'] || v.workdir,
      envFiles: v['env-file'],
      profiles: v.profile,
      ansi,
      progress,
      dryRun: v['dry-run'],
      parallel,
    },
  }
}

/** `docker compose ARGS` with the project loader given (tests pass one that builds in code). */
export async function runComposeWith(
  args: readonly string[],
  world: World,
  ctx: CommandContext,
  loader: ProjectLoader,
): Promise<CommandOutput> {
  const global = parseGlobal(args, ctx.env)
  if (!global.ok) return global.output
  if (global.version) return { stdout: versionText('pretty', false), stderr: '', exitCode: 0 }
  const [name, ...rest] = global.rest
  if (name === undefined) return { stdout: rootHelp(COMMANDS), stderr: '', exitCode: 0 }
  if (name === 'help') {
    const target = rest[0] === undefined ? undefined : findCommand(rest[0])
    return { stdout: target ? commandHelp(target) : rootHelp(COMMANDS), stderr: '', exitCode: 0 }
  }
  if (name === 'config' || name === 'convert')
    return composeConfig(rest, world, ctx, {
      files: global.global.files,
      ...(global.global.projectName === '' ? {} : { projectName: global.global.projectName }),
      ...(global.global.projectDirectory === ''
        ? {}
        : { projectDirectory: global.global.projectDirectory }),
      envFiles: global.global.envFiles,
      profiles: global.global.profiles,
    })
  const command = findCommand(name)
  if (!command)
    return {
      stdout: rootHelp(COMMANDS),
      stderr: `unknown docker command: "compose ${name}"\n`,
      exitCode: EXIT.syntax,
    }
  const parsed = command.flags().parse(rest)
  if (!parsed.ok) {
    if (parsed.error.code === 'help-requested')
      return { stdout: commandHelp(command), stderr: '', exitCode: 0 }
    return syntaxError(flagMessage(parsed.error))
  }
  if (parsed.changed.includes('help'))
    return { stdout: commandHelp(command), stderr: '', exitCode: 0 }
  const problem = argumentProblem(command, parsed.args)
  if (problem !== undefined) return syntaxError(problem)
  // COMPOSE_STATUS_STDOUT (strconv.ParseBool): the progress display goes to stdout, first.
  let status = ''
  const toStdout = GO_TRUE.has(ctx.env.get('COMPOSE_STATUS_STDOUT') ?? '')
  // The docker CLI's client: DOCKER_HOST, DOCKER_CONTEXT… choose the daemon (docker/cli/daemon-host.ts).
  const daemon =
    name === 'version'
      ? undefined
      : await connectDaemon(world, { hosts: [], context: undefined }, ctx)
  if (daemon?.ok === false) return daemon.output
  const env = makeEnv(
    world,
    ctx,
    global.global,
    loader,
    toStdout ? (text) => (status += text) : undefined,
    daemon?.value.engine,
  )
  const ran = await command.run(
    { values: parsed.values, args: parsed.args, changed: parsed.changed },
    env,
  )
  const result = status === '' ? ran : { ...ran, stdout: status + ran.stdout }
  const warnings = parsed.warnings.join('')
  return warnings === '' ? result : { ...result, stderr: warnings + result.stderr }
}

function flagMessage(error: FlagError): string {
  return error.message
}

export function runCompose(
  args: readonly string[],
  world: World,
  ctx: CommandContext,
): Promise<CommandOutput> {
  return runComposeWith(args, world, ctx, defaultProjectLoader)
}

export function dockerComposeV1Command(world: World): ShellCommand {
  return {
    name: 'docker-compose',
    summary: 'Docker Compose (the v1 spelling of `docker compose`)',
    run: (args, ctx) => runCompose(args, world, ctx),
    complete: (request) => completeCompose(world, request.words.slice(1), request),
  }
}
