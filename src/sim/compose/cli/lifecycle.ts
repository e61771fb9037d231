/**
 * The commands that act on existing service containers (cmd/compose/start.go, stop.go,
 * restart.go, pause.go, kill.go, remove.go): each picks the project's containers of the named
 * services (all when none), in dependency order, and reports each step on the progress display.
 */
import { FlagSet } from '../../cli-kit/flags'
import { err, ok, type Result } from '../../core/errors'
import type { ContainerRecord } from '../../docker/engine/container-record'
import { isUp } from '../../docker/engine/container-record'
import type { CommandOutput } from '../../shell/command'
import type { ComposeProject } from '../model'
import { inDependencyOrder, inReverseDependencyOrder, type Job } from '../project/concurrent'
import { startPhase } from '../project/converge'
import { removeOne, startOne, stopJob, type StopOptions } from '../project/container-ops'
import { daemonError, type ComposeError } from '../project/errors'
import { dependenciesOf, startOrder } from '../project/graph'
import { projectContainers, serviceOf } from '../project/observed'
import { progressId, type ComposeRuntime } from '../project/runtime'
import { stepMs } from '../project/timing'
import { composeCommand, DRY_RUN_FLAG, failed, type ComposeEnv } from './command'

/** The project's containers for `services` (all when empty), dependencies first. */
async function targetContainers(
  env: ComposeEnv,
  services: readonly string[],
  options: { oneoff?: boolean } = {},
): Promise<
  Result<
    { name: string; project?: ComposeProject; containers: ContainerRecord[] },
    { message: string; exitCode: number }
  >
> {
  const target = await env.projectOrName()
  if (!target.ok) return target
  const { name, project } = target.value
  if (project)
    for (const s of services)
      if (!project.services[s] && !project.disabledServices[s])
        return err({ message: `no such service: ${s}`, exitCode: 1 })
  const order = project ? startOrder(project, Object.keys(project.services)) : []
  const rank = (c: ContainerRecord): number => {
    const i = order.indexOf(serviceOf(c))
    return i < 0 ? order.length : i
  }
  const containers = projectContainers(env.engine, name, {
    oneoff: options.oneoff ? 'include' : 'exclude',
  })
    .filter((c) => services.length === 0 || services.includes(serviceOf(c)))
    .sort((a, b) => rank(a) - rank(b))
  return ok({ name, ...(project ? { project } : {}), containers })
}

async function runSteps(
  env: ComposeEnv,
  title: string,
  containers: readonly ContainerRecord[],
  step: (
    rt: ComposeRuntime,
    c: ContainerRecord,
  ) => Result<void, ComposeError> | Promise<Result<void, ComposeError>>,
): Promise<CommandOutput> {
  const writer = env.progress(title)
  const rt = env.runtime(writer)
  for (const c of containers) {
    const done = await step(rt, c)
    if (!done.ok)
      return {
        stdout: '',
        stderr: rt.warnings() + writer.finish() + `${done.error.message}\n`,
        exitCode: 1,
      }
  }
  return { stdout: '', stderr: rt.warnings() + writer.finish(), exitCode: 0 }
}

/** `-t N` when given; else each container's own stop timeout (stop_grace_period, or 10 s). */
function timeoutOf(values: { timeout: number }, changed: readonly string[]): StopOptions {
  return changed.includes('timeout') ? { timeoutS: values.timeout } : {}
}

/**
 * Stops `containers` as compose's Stop does (pkg/compose/stop.go): services in reverse dependency
 * order over the whole project, those nothing waits for together, a service's containers at
 * once, each reported as its own stop ends.
 */
function stopServices(
  rt: ComposeRuntime,
  project: ComposeProject | undefined,
  containers: readonly ContainerRecord[],
  options: StopOptions,
): Promise<Result<void, ComposeError>> {
  const services = project
    ? Object.keys(project.services)
    : [...new Set(containers.map((c) => serviceOf(c)))]
  return inReverseDependencyOrder(rt, services, dependenciesOf(project, containers), (service) =>
    containers.filter((c) => serviceOf(c) === service).map((c) => stopJob(rt, c, options)),
  )
}

const timeoutFlag = {
  name: 'timeout',
  shorthand: 't',
  type: 'int',
  usage: 'Specify a shutdown timeout in seconds',
} as const

export const start = composeCommand({
  name: 'start',
  use: '[SERVICE...]',
  short: 'Start services',
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      DRY_RUN_FLAG,
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
    ] as const),
  async run({ args }, env) {
    const t = await targetContainers(env, args)
    if (!t.ok) return failed(t.error)
    const { project, containers } = t.value
    if (!project) return runSteps(env, 'Running', containers, (rt, c) => startOne(rt, c))
    // compose's start: the services in dependency order, independent ones together, each
    // waiting for its dependencies' conditions (service_healthy…) as `up` does.
    const writer = env.progress('Running')
    const rt = env.runtime(writer)
    const started = await startPhase(rt, project, [...new Set(containers.map(serviceOf))])
    const stderr = rt.warnings() + writer.finish()
    if (!started.ok)
      return { stdout: '', stderr: `${stderr}${started.error.message}\n`, exitCode: 1 }
    return { stdout: '', stderr, exitCode: 0 }
  },
})

export const stop = composeCommand({
  name: 'stop',
  use: '[OPTIONS] [SERVICE...]',
  short: 'Stop services',
  args: { kind: 'any' },
  flags: () => new FlagSet([DRY_RUN_FLAG, timeoutFlag] as const),
  async run({ values, args, changed }, env) {
    const t = await targetContainers(env, args)
    if (!t.ok) return failed(t.error)
    const writer = env.progress('Stopping')
    const rt = env.runtime(writer)
    const stopped = await stopServices(
      rt,
      t.value.project,
      t.value.containers,
      timeoutOf(values, changed),
    )
    const stderr = rt.warnings() + writer.finish()
    if (!stopped.ok)
      return { stdout: '', stderr: `${stderr}${stopped.error.message}\n`, exitCode: 1 }
    return { stdout: '', stderr, exitCode: 0 }
  },
})

export const restart = composeCommand({
  name: 'restart',
  use: '[OPTIONS] [SERVICE...]',
  short: 'Restart service containers',
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      DRY_RUN_FLAG,
      { name: 'no-deps', type: 'bool', usage: "Don't restart dependent services" },
      timeoutFlag,
    ] as const),
  async run({ values, args, changed }, env) {
    const t = await targetContainers(env, args)
    if (!t.ok) return failed(t.error)
    const stop = timeoutOf(values, changed)
    const { project, containers } = t.value
    const writer = env.progress('Restarting')
    const rt = env.runtime(writer)
    // Services in dependency order, independent ones together, a service's containers at once.
    const restarted = await inDependencyOrder(
      rt,
      [...new Set(containers.map(serviceOf))],
      dependenciesOf(project, containers),
      (service) =>
        containers.filter((c) => serviceOf(c) === service).map((c) => restartJob(rt, c, stop)),
    )
    const stderr = rt.warnings() + writer.finish()
    if (!restarted.ok)
      return { stdout: '', stderr: `${stderr}${restarted.error.message}\n`, exitCode: 1 }
    return { stdout: '', stderr, exitCode: 0 }
  },
})

/** One container's restart: `Restarting`, the daemon's stop (its grace period) and start. */
function* restartJob(rt: ComposeRuntime, c: ContainerRecord, stop: StopOptions): Job {
  const id = progressId.container(c.name)
  rt.progress.event(id, 'working', 'Restarting')
  const grace = stop.timeoutS ?? c.config.StopTimeout ?? 10
  const waits = rt.engine.stopWaitsForTimeout(c.id)
  if (waits) rt.engine.announceStopSignal(c.id)
  yield (waits ? Math.max(grace, 0) * 1000 : stepMs('stop', c.name)) + stepMs('start', c.name)
  if (waits && isUp(c)) rt.engine.stopContainer(c.id, { signal: 'SIGKILL' })
  const restarted = rt.engine.restartContainer(c.id)
  if (!restarted.ok) return err(daemonError(restarted.error.message))
  rt.progress.event(id, 'done', 'Started')
  return ok(undefined)
}

function simpleStep(
  verb: 'Pausing' | 'Unpausing' | 'Killing',
  doneText: 'Paused' | 'Unpaused' | 'Killed',
  act: (rt: ComposeRuntime, c: ContainerRecord) => Result<unknown, { message: string }>,
) {
  return (rt: ComposeRuntime, c: ContainerRecord): Result<void, ComposeError> => {
    const id = progressId.container(c.name)
    rt.progress.event(id, 'working', verb)
    const done = act(rt, c)
    if (!done.ok) return err(daemonError(done.error.message))
    rt.progress.event(id, 'done', doneText)
    return ok(undefined)
  }
}

export const pause = composeCommand({
  name: 'pause',
  use: '[SERVICE...]',
  short: 'Pause services',
  args: { kind: 'any' },
  flags: () => new FlagSet([DRY_RUN_FLAG] as const),
  async run({ args }, env) {
    const t = await targetContainers(env, args)
    if (!t.ok) return failed(t.error)
    return runSteps(
      env,
      'Pausing',
      t.value.containers,
      simpleStep('Pausing', 'Paused', (rt, c) => rt.engine.pauseContainer(c.id)),
    )
  },
})

export const unpause = composeCommand({
  name: 'unpause',
  use: '[SERVICE...]',
  short: 'Unpause services',
  args: { kind: 'any' },
  flags: () => new FlagSet([DRY_RUN_FLAG] as const),
  async run({ args }, env) {
    const t = await targetContainers(env, args)
    if (!t.ok) return failed(t.error)
    return runSteps(
      env,
      'Unpausing',
      t.value.containers,
      simpleStep('Unpausing', 'Unpaused', (rt, c) => rt.engine.unpauseContainer(c.id)),
    )
  },
})

export const kill = composeCommand({
  name: 'kill',
  use: '[OPTIONS] [SERVICE...]',
  short: 'Force stop service containers',
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      DRY_RUN_FLAG,
      {
        name: 'remove-orphans',
        type: 'bool',
        usage: 'Remove containers for services not defined in the Compose file',
      },
      {
        name: 'signal',
        shorthand: 's',
        type: 'string',
        default: 'SIGKILL',
        usage: 'SIGNAL to send to the container',
      },
    ] as const),
  async run({ values, args }, env) {
    const t = await targetContainers(env, args)
    if (!t.ok) return failed(t.error)
    const running = t.value.containers.filter((c) => isUp(c))
    if (running.length === 0) return failed({ message: 'no containers to kill', exitCode: 1 })
    return runSteps(
      env,
      'Killing',
      running,
      simpleStep('Killing', 'Killed', (rt, c) => rt.engine.killContainer(c.id, values.signal)),
    )
  },
})

export const rm = composeCommand({
  name: 'rm',
  use: '[OPTIONS] [SERVICE...]',
  short: 'Removes stopped service containers',
  long: `Removes stopped service containers

By default, anonymous volumes attached to containers will not be removed. You
can override this with -v. To list all volumes, use "docker volume ls".

Any data which is not in a volume will be lost.`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      DRY_RUN_FLAG,
      { name: 'force', shorthand: 'f', type: 'bool', usage: "Don't ask to confirm removal" },
      {
        name: 'stop',
        shorthand: 's',
        type: 'bool',
        usage: 'Stop the containers, if required, before removing',
      },
      {
        name: 'volumes',
        shorthand: 'v',
        type: 'bool',
        usage: 'Remove any anonymous volumes attached to containers',
      },
    ] as const),
  async run({ values, args }, env): Promise<CommandOutput> {
    const t = await targetContainers(env, args, { oneoff: true })
    if (!t.ok) return failed(t.error)
    let stderr = ''
    if (values.stop) {
      const writer = env.progress('Stopping')
      const rt = env.runtime(writer)
      const stopped = await stopServices(rt, t.value.project, t.value.containers, {})
      stderr += rt.warnings() + writer.finish()
      if (!stopped.ok)
        return { stdout: '', stderr: `${stderr}${stopped.error.message}\n`, exitCode: 1 }
    }
    const stoppedOnes = t.value.containers.filter((c) => !isUp(c))
    if (stoppedOnes.length === 0)
      return { stdout: '', stderr: `${stderr}No stopped containers\n`, exitCode: 0 }
    const message = `Going to remove ${stoppedOnes.map((c) => c.name).join(', ')}`
    let stdout = ''
    if (values.force) stdout = `${message}\n`
    else {
      const answer = await confirm(env, message)
      stdout = answer.echo
      if (!answer.yes) return { stdout, stderr, exitCode: 0 }
    }
    const removed = await runSteps(env, 'Removing', stoppedOnes, (rt, c) =>
      removeOne(rt, c, { volumes: values.volumes, stopFirst: false }),
    )
    return { ...removed, stdout: stdout + removed.stdout, stderr: stderr + removed.stderr }
  },
})

/** compose's utils.StringToBool, how it reads a piped answer. */
const YES = new Set(['y', 'yes', 'true', '1'])

/**
 * compose's prompt: on a terminal survey's `? MESSAGE (y/N) ` read from the keyboard (Enter
 * keeps No); without one (`Pipe`) the bare message on stdout, the answer read from stdin.
 */
async function confirm(env: ComposeEnv, message: string): Promise<{ yes: boolean; echo: string }> {
  const tty = env.shell.tty
  if (tty === undefined) {
    const answer = (env.shell.stdin.split('\n')[0] ?? '').trim().toLowerCase()
    return { yes: YES.has(answer), echo: message }
  }
  tty.write(`? ${message} (y/N) `)
  const line = await new Promise<string>((resolve) => {
    let typed = ''
    const stop = tty.onInput((data) => {
      for (const ch of data) {
        if (ch === '\r' || ch === '\n') {
          stop()
          resolve(typed)
          return
        }
        if (ch === '\u007f') typed = typed.slice(0, -1)
        else if (ch >= ' ') typed += ch
      }
    })
    tty.signal.addEventListener('abort', () => {
      stop()
      resolve('')
    })
  })
  const yes = ['y', 'yes'].includes(line.trim().toLowerCase())
  tty.write(`\r\u001b[K? ${message} ${yes ? 'Yes' : 'No'}\r\n`)
  return { yes, echo: '' }
}
