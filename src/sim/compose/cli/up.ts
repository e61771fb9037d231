/**
 * `docker compose up` (cmd/compose/up.go, pkg/compose/up.go): build or pull what is missing,
 * converge (create phase), start in dependency order, then either return (`-d`, `--wait`) or
 * attach: stream every service's log lines with their prefixes until the containers end or
 * Ctrl-C, which stops the services (`Gracefully stopping... (press Ctrl+C again to force)`).
 */
import { FlagSet } from '../../cli-kit/flags'
import type { ContainerRecord } from '../../docker/engine/container-record'
import { waitOnClock } from '../../docker/cli/container-follow'
import { CommandStreams } from '../../docker/cli/streams'
import type { CommandOutput } from '../../shell/command'
import type { ComposeProject } from '../model'
import {
  createPhase,
  handleOrphans,
  startPhase,
  stopServices,
  waitRunning,
  type ConvergeOptions,
} from '../project/converge'
import { withDependencies, startOrder } from '../project/graph'
import {
  buildServices,
  needsBuild,
  needsPull,
  pullServices,
  type PullPolicy,
} from '../project/images'
import { serviceContainers } from '../project/observed'
import { ProgressWriter } from '../progress/writer'
import {
  CANCELED_STATUS,
  composeCommand,
  DRY_RUN_FLAG,
  EXIT,
  failed,
  type ComposeEnv,
} from './command'
import { readEnvFiles } from './env-files'
import { LogPrinter } from './log-printer'
import { selectServices } from './services'

const scaleFlag = {
  name: 'scale',
  type: 'stringArray',
  usage:
    'Scale SERVICE to NUM instances. Overrides the `scale` setting in the Compose file if present.',
} as const

export const UP_FLAGS = [
  {
    name: 'abort-on-container-exit',
    type: 'bool',
    usage: 'Stops all containers if any container was stopped. Incompatible with -d',
  },
  {
    name: 'abort-on-container-failure',
    type: 'bool',
    usage: 'Stops all containers if any container exited with failure. Incompatible with -d',
  },
  {
    name: 'always-recreate-deps',
    type: 'bool',
    usage: 'Recreate dependent containers. Incompatible with --no-recreate.',
  },
  {
    name: 'attach',
    type: 'stringArray',
    usage: 'Restrict attaching to the specified services. Incompatible with --attach-dependencies.',
  },
  {
    name: 'attach-dependencies',
    type: 'bool',
    usage: 'Automatically attach to log output of dependent services',
  },
  { name: 'build', type: 'bool', usage: 'Build images before starting containers' },
  {
    name: 'detach',
    shorthand: 'd',
    type: 'bool',
    usage: 'Detached mode: Run containers in the background',
  },
  DRY_RUN_FLAG,
  {
    name: 'exit-code-from',
    type: 'string',
    usage:
      'Return the exit code of the selected service container. Implies --abort-on-container-exit',
  },
  {
    name: 'force-recreate',
    type: 'bool',
    usage: "Recreate containers even if their configuration and image haven't changed",
  },
  {
    name: 'menu',
    type: 'bool',
    usage:
      'Enable interactive shortcuts when running attached. Incompatible with --detach. Can also be enable/disable by setting COMPOSE_MENU environment var.',
  },
  {
    name: 'no-attach',
    type: 'stringArray',
    usage: 'Do not attach (stream logs) to the specified services',
  },
  { name: 'no-build', type: 'bool', usage: "Don't build an image, even if it's policy" },
  { name: 'no-color', type: 'bool', usage: 'Produce monochrome output' },
  { name: 'no-deps', type: 'bool', usage: "Don't start linked services" },
  { name: 'no-log-prefix', type: 'bool', usage: "Don't print prefix in logs" },
  {
    name: 'no-recreate',
    type: 'bool',
    usage: "If containers already exist, don't recreate them. Incompatible with --force-recreate.",
  },
  { name: 'no-start', type: 'bool', usage: "Don't start the services after creating them" },
  {
    name: 'pull',
    type: 'string',
    default: 'policy',
    usage: 'Pull image before running ("always"|"missing"|"never")',
  },
  { name: 'quiet-build', type: 'bool', usage: 'Suppress the build output' },
  { name: 'quiet-pull', type: 'bool', usage: 'Pull without printing progress information' },
  {
    name: 'remove-orphans',
    type: 'bool',
    usage: 'Remove containers for services not defined in the Compose file',
  },
  {
    name: 'renew-anon-volumes',
    shorthand: 'V',
    type: 'bool',
    usage: 'Recreate anonymous volumes instead of retrieving data from the previous containers',
  },
  scaleFlag,
  {
    name: 'timeout',
    shorthand: 't',
    type: 'int',
    usage:
      'Use this timeout in seconds for container shutdown when attached or when containers are already running',
  },
  { name: 'timestamps', type: 'bool', usage: 'Show timestamps' },
  {
    name: 'wait',
    type: 'bool',
    usage: 'Wait for services to be running|healthy. Implies detached mode.',
  },
  {
    name: 'wait-timeout',
    type: 'int',
    usage: 'Maximum duration in seconds to wait for the project to be running|healthy',
  },
  {
    name: 'watch',
    shorthand: 'w',
    type: 'bool',
    usage: 'Watch source code and rebuild/refresh containers when files are updated.',
  },
  {
    name: 'yes',
    shorthand: 'y',
    type: 'bool',
    usage: 'Assume "yes" as answer to all prompts and run non-interactively',
  },
] as const

/** `--scale web=3` values, or compose's message for a bad one. */
export function parseScale(values: readonly string[]): Map<string, number> | string {
  const scale = new Map<string, number>()
  for (const value of values) {
    const eq = value.indexOf('=')
    const count = Number(value.slice(eq + 1))
    if (eq < 0 || !/^\d+$/.test(value.slice(eq + 1)))
      return eq < 0
        ? `invalid scale: ${value}`
        : `strconv.Atoi: parsing ${JSON.stringify(value.slice(eq + 1))}: invalid syntax`
    scale.set(value.slice(0, eq), count)
  }
  return scale
}

/** Images: build what must be built, pull what is missing; the output for stderr, or a failure. */
export async function prepareImages(
  env: ComposeEnv,
  project: ComposeProject,
  services: readonly string[],
  options: { build: boolean; noBuild: boolean; pull: string; quietPull?: boolean },
): Promise<{ stderr: string; failure?: { message: string; exitCode: number } }> {
  let stderr = ''
  const configs = services.flatMap((s) => project.services[s] ?? [])
  const pullWriter = env.progress('Pulling')
  const pullRt = env.runtime(pullWriter)
  const policy: PullPolicy =
    options.pull === 'always' || options.pull === 'missing' || options.pull === 'never'
      ? options.pull
      : 'policy'
  const toPull = configs.filter((s) => needsPull(pullRt, project, s, policy))
  if (toPull.length > 0) {
    const pulled = await pullServices(pullRt, project, toPull)
    if (!options.quietPull) stderr += pullWriter.finish()
    if (!pulled.ok)
      return { stderr, failure: { message: pulled.error.message, exitCode: EXIT.pull } }
  }
  const buildWriter = env.progress('Building')
  const buildRt = env.runtime(buildWriter)
  const toBuild = options.noBuild
    ? []
    : configs.filter((s) => needsBuild(buildRt, project, s, options.build))
  if (toBuild.length > 0) {
    let log = ''
    const built = await buildServices(buildRt, project, toBuild, { output: (t) => (log += t) })
    stderr += log + buildWriter.finish()
    if (!built.ok)
      return { stderr, failure: { message: built.error.message, exitCode: EXIT.build } }
  }
  return { stderr }
}

export const up = composeCommand({
  name: 'up',
  use: '[OPTIONS] [SERVICE...]',
  short: 'Create and start containers',
  args: { kind: 'any' },
  flags: () => new FlagSet(UP_FLAGS),
  async run({ values, args, changed }, env): Promise<CommandOutput> {
    const loaded = await env.loadProject()
    if (!loaded.ok) return failed(loaded.error)
    const syntax = (message: string): CommandOutput => failed({ message, exitCode: 1 })
    const detach = values.detach || values.wait
    const abortOnExit = values['abort-on-container-exit'] || values['exit-code-from'] !== ''
    if (detach && abortOnExit)
      return syntax('--abort-on-container-exit and --detach are incompatible')
    if (values['force-recreate'] && values['no-recreate'])
      return syntax('--force-recreate and --no-recreate are incompatible')
    if (values.build && values['no-build']) return syntax('--build and --no-build are incompatible')
    const scale = parseScale(values.scale)
    if (typeof scale === 'string') return syntax(scale)
    const selected = selectServices(loaded.value, args)
    if (!selected.ok) return failed(selected.error)
    const project = selected.value.project
    for (const name of scale.keys())
      if (!project.services[name])
        return failed({ message: `no such service: ${name}`, exitCode: 1 })
    const exitFrom = values['exit-code-from']
    if (exitFrom !== '' && !project.services[exitFrom])
      return failed({ message: `no such service: ${exitFrom}`, exitCode: 1 })
    const wanted = values['no-deps']
      ? selected.value.services
      : withDependencies(project, selected.value.services)
    const order = startOrder(project, wanted)
    let stderr = ''
    for (const w of project.warnings) stderr += `${w.startsWith('WARN[') ? w : `WARN[0000] ${w}`}\n`
    const images = await prepareImages(env, project, order, {
      build: values.build,
      noBuild: values['no-build'],
      pull: values.pull,
      quietPull: values['quiet-pull'],
    })
    stderr += images.stderr
    if (images.failure)
      return {
        stdout: '',
        stderr: stderr + `${images.failure.message}\n`,
        exitCode: images.failure.exitCode,
      }
    const writer = env.progress('Running')
    const rt = env.runtime(writer)
    const timeoutS = changed.includes('timeout') ? values.timeout : undefined
    const waitTimeoutS = changed.includes('wait-timeout') ? values['wait-timeout'] : undefined
    const options: ConvergeOptions = {
      ...(timeoutS === undefined ? {} : { timeoutS }),
      forceRecreate: values['force-recreate'],
      noRecreate: values['no-recreate'],
      scale,
      renewAnonVolumes: values['renew-anon-volumes'],
      envFiles: await readEnvFiles(env.shell, project, order),
    }
    const finish = (message?: string, exitCode = 1): CommandOutput => ({
      stdout: '',
      stderr:
        stderr + rt.warnings() + writer.finish() + (message === undefined ? '' : `${message}\n`),
      exitCode: message === undefined ? 0 : exitCode,
    })
    const orphans = await handleOrphans(rt, project, values['remove-orphans'])
    if (!orphans.ok) return finish(orphans.error.message)
    const created = await createPhase(rt, project, order, options)
    if (!created.ok) return finish(created.error.message)
    if (values['no-start']) return finish()
    // Attached, compose starts the containers outside its progress display (Up runs only the
    // create step under progress.Run): no Starting/Started lines, `Attaching to` follows.
    const startRt = detach
      ? rt
      : env.runtime(
          new ProgressWriter({
            mode: 'quiet',
            title: 'Running',
            width: 80,
            color: false,
            now: () => env.shell.clock.now(),
          }),
        )
    const started = await startPhase(
      startRt,
      project,
      order,
      waitTimeoutS !== undefined && waitTimeoutS > 0 ? waitTimeoutS * 1000 : undefined,
    )
    if (!started.ok) return finish(started.error.message)
    if (values.wait) {
      const waited = await waitRunning(rt, project, order, waitTimeoutS)
      if (!waited.ok) return finish(waited.error.message)
    }
    if (detach) return finish()
    return attach(env, project, order, {
      prelude: finish().stderr,
      attachTo: values.attach,
      noAttach: values['no-attach'],
      selected: selected.value.services,
      attachDependencies: values['attach-dependencies'],
      abortOnExit,
      abortOnFailure: values['abort-on-container-failure'],
      exitCodeFrom: exitFrom,
      color: env.color && !values['no-color'],
      prefix: !values['no-log-prefix'],
      timestamps: values.timestamps,
      ...(timeoutS === undefined ? {} : { timeoutS }),
    })
  },
})

interface AttachOptions {
  prelude: string
  attachTo: readonly string[]
  noAttach: readonly string[]
  selected: readonly string[]
  attachDependencies: boolean
  abortOnExit: boolean
  abortOnFailure: boolean
  exitCodeFrom: string
  color: boolean
  prefix: boolean
  timestamps: boolean
  /** `-t`: the stop grace period when Ctrl-C or an abort stops the services. */
  timeoutS?: number
}

/** The attached part of `up`: log lines until every container ends, an abort, or Ctrl-C. */
async function attach(
  env: ComposeEnv,
  project: ComposeProject,
  order: readonly string[],
  options: AttachOptions,
): Promise<CommandOutput> {
  const streams = new CommandStreams(env.shell.tty)
  streams.err(options.prelude)
  const attached = order.filter((s) => {
    if (options.noAttach.includes(s)) return false
    if (options.attachTo.length > 0) return options.attachTo.includes(s)
    // Without --attach-dependencies, only the services named (all when none were).
    return (
      options.selected.length === 0 || options.attachDependencies || options.selected.includes(s)
    )
  })
  // containers.sorted(): by name, which also fixes each one's colour.
  const containers: ContainerRecord[] = attached
    .flatMap((s) => serviceContainers(env.engine, project.name, s))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
  const printer = new LogPrinter({
    project: project.name,
    color: options.color,
    prefix: options.prefix,
    timestamps: options.timestamps,
  })
  printer.register(containers)
  streams.out(`Attaching to ${containers.map((c) => printer.nameOf(c)).join(', ')}\n`)
  // Each container's log from where it is now (what it wrote since start is shown too).
  const shown = new Map(containers.map((c) => [c.id, 0]))
  const reported = new Set<string>()
  let abortedBy: ContainerRecord | undefined
  const flush = (): void => {
    // Once compose aborts (an exit, or Ctrl-C), its printer shows no more logs or exits.
    if (abortedBy !== undefined) return
    const pending: Array<{ c: ContainerRecord; index: number }> = []
    for (const c of containers) {
      const from = shown.get(c.id) ?? 0
      for (let i = from; i < c.logs.length; i++) pending.push({ c, index: i })
      shown.set(c.id, c.logs.length)
    }
    pending.sort((a, b) => (a.c.logs[a.index]?.timeMs ?? 0) - (b.c.logs[b.index]?.timeMs ?? 0))
    for (const { c, index } of pending) {
      const entry = c.logs[index]
      if (entry) streams.out(printer.line(c, entry))
    }
    for (const c of containers) {
      if (reported.has(c.id) || (c.state.status !== 'exited' && c.state.status !== 'dead')) continue
      reported.add(c.id)
      streams.out(printer.status(c, `exited with code ${c.state.exitCode}`))
      if (options.abortOnExit || (options.abortOnFailure && c.state.exitCode !== 0)) {
        abortedBy = c
        return
      }
    }
  }
  const ended = (): boolean =>
    abortedBy !== undefined ||
    containers.every((c) => c.state.status === 'exited' || c.state.status === 'dead')
  const outcome = await waitOnClock({ engine: env.engine, shell: env.shell }, ended, flush, () =>
    streams.goLive(),
  )
  flush()
  // The stop compose runs on Ctrl-C (Stop: `[+] Stopping`) or on an abort (inside
  // progress.Run: `[+] Running`).
  const stopAll = async (title: string): Promise<string> => {
    const writer = env.progress(title)
    const rt = env.runtime(writer)
    await stopServices(
      rt,
      project,
      order,
      options.timeoutS === undefined ? {} : { timeoutS: options.timeoutS },
    )
    return writer.finish()
  }
  if (outcome === 'interrupted') {
    streams.err('Gracefully stopping... (press Ctrl+C again to force)\n')
    streams.err(await stopAll('Stopping'))
    streams.err(CANCELED_STATUS)
    return streams.result(EXIT.canceled)
  }
  if (abortedBy !== undefined) {
    streams.err('Aborting on container exit...\n')
    streams.err(await stopAll('Running'))
    const from =
      options.exitCodeFrom === ''
        ? abortedBy
        : serviceContainers(env.engine, project.name, options.exitCodeFrom)[0]
    return streams.result(from?.state.exitCode ?? 0)
  }
  if (options.exitCodeFrom !== '') {
    const from = serviceContainers(env.engine, project.name, options.exitCodeFrom)[0]
    return streams.result(from?.state.exitCode ?? 0)
  }
  return streams.result(0)
}
