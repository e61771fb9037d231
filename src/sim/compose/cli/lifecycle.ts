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
import { removeOne, startOne, stopOne } from '../project/container-ops'
import { daemonError, type ComposeError } from '../project/errors'
import { startOrder } from '../project/graph'
import { projectContainers, serviceOf } from '../project/observed'
import { progressId, type ComposeRuntime } from '../project/runtime'
import { composeCommand, DRY_RUN_FLAG, failed, type ComposeEnv } from './command'

/** The project's containers for `services` (all when empty), dependencies first. */
async function targetContainers(
  env: ComposeEnv,
  services: readonly string[],
  options: { oneoff?: boolean } = {},
): Promise<
  Result<{ name: string; containers: ContainerRecord[] }, { message: string; exitCode: number }>
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
  return ok({ name, containers })
}

function runSteps(
  env: ComposeEnv,
  title: string,
  containers: readonly ContainerRecord[],
  step: (rt: ComposeRuntime, c: ContainerRecord) => Result<void, ComposeError>,
): CommandOutput {
  const writer = env.progress(title)
  const rt = env.runtime(writer)
  for (const c of containers) {
    const done = step(rt, c)
    if (!done.ok)
      return {
        stdout: '',
        stderr: rt.warnings() + writer.finish() + `${done.error.message}\n`,
        exitCode: 1,
      }
  }
  return { stdout: '', stderr: rt.warnings() + writer.finish(), exitCode: 0 }
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
    return runSteps(env, 'Running', t.value.containers, (rt, c) => startOne(rt, c))
  },
})

export const stop = composeCommand({
  name: 'stop',
  use: '[OPTIONS] [SERVICE...]',
  short: 'Stop services',
  args: { kind: 'any' },
  flags: () => new FlagSet([DRY_RUN_FLAG, timeoutFlag] as const),
  async run({ args }, env) {
    const t = await targetContainers(env, args)
    if (!t.ok) return failed(t.error)
    // Dependents stop first.
    const running = t.value.containers.filter(isUp).reverse()
    return runSteps(env, 'Stopping', running, (rt, c) => stopOne(rt, c))
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
  async run({ args }, env) {
    const t = await targetContainers(env, args)
    if (!t.ok) return failed(t.error)
    return runSteps(env, 'Restarting', t.value.containers, (rt, c) => {
      const id = progressId.container(c.name)
      rt.progress.event(id, 'working', 'Restarting')
      const restarted = rt.engine.restartContainer(c.id)
      if (!restarted.ok) return err(daemonError(restarted.error.message))
      rt.progress.event(id, 'done', 'Started')
      return ok(undefined)
    })
  },
})

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
      const stopped = runSteps(
        env,
        'Stopping',
        t.value.containers.filter(isUp).reverse(),
        (rt, c) => stopOne(rt, c),
      )
      if (stopped.exitCode !== 0) return stopped
      stderr += stopped.stderr
    }
    const stoppedOnes = t.value.containers.filter((c) => !isUp(c))
    if (stoppedOnes.length === 0)
      return { stdout: '', stderr: `${stderr}No stopped containers\n`, exitCode: 0 }
    if (!values.force) {
      // Without a terminal to answer the prompt, compose needs -f (as `rm` in a script does).
      const names = stoppedOnes.map((c) => c.name).join(', ')
      return {
        stdout: '',
        stderr: `${stderr}Going to remove ${names}\nAre you sure? [y/N] `,
        exitCode: 0,
      }
    }
    const removed = runSteps(env, 'Removing', stoppedOnes, (rt, c) =>
      removeOne(rt, c, { volumes: values.volumes, stopFirst: false }),
    )
    return { ...removed, stderr: stderr + removed.stderr }
  },
})
