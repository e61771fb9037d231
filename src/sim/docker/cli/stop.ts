/**
 * `docker stop`, `docker restart` and `docker kill` (docker/cli cli/command/container/stop.go,
 * restart.go, kill.go, docker 28.2.2): each container in turn, its name printed as given when
 * the daemon agreed, the daemon's errors together at the end.
 */
import { err } from '../../core/errors'
import { FlagSet } from '../../cli-kit/flags'
import { daemonErrors } from '../engine/errors'
import type { DockerEngine } from '../engine/engine'
import type { CommandContext } from '../../shell/command'
import { dockerCommand } from './command'
import { eachContainer, signalProblem } from './container-each'

/** The daemon's default stop timeout (container.DefaultStopTimeout). */
const DEFAULT_STOP_TIMEOUT_S = 10

/**
 * Sends the stop signal to the containers whose main process ignores it, then waits out the
 * timeout on the clock, as the daemon does before its SIGKILL (once for all of them: docker/cli
 * stops containers in parallel). The stop itself then reports exit status 137.
 */
async function waitForStopTimeouts(
  engine: DockerEngine,
  shell: CommandContext,
  refs: readonly string[],
  signal: string,
  timeoutFlag: number | undefined,
): Promise<Set<string>> {
  const waiting = new Set<string>()
  let longest = 0
  for (const ref of refs) {
    if (signalProblem(signal) !== undefined) continue
    if (!engine.stopWaitsForTimeout(ref, signal === '' ? undefined : signal)) continue
    const c = engine.findContainer(ref)
    const seconds = timeoutFlag ?? c?.config.StopTimeout ?? DEFAULT_STOP_TIMEOUT_S
    if (seconds < 0) continue
    engine.announceStopSignal(ref, signal === '' ? undefined : signal)
    waiting.add(ref)
    longest = Math.max(longest, seconds)
  }
  if (waiting.size > 0 && longest > 0) await shell.sleep(longest * 1000)
  return waiting
}

const signalFlag = {
  name: 'signal',
  shorthand: 's',
  type: 'string',
  usage: 'Signal to send to the container',
} as const

const timeoutFlags = [
  signalFlag,
  {
    name: 'timeout',
    shorthand: 't',
    type: 'int',
    usage: 'Seconds to wait before killing the container',
  },
  {
    name: 'time',
    type: 'int',
    usage: 'Seconds to wait before killing the container',
    deprecated: 'use --timeout instead',
  },
] as const

/** The daemon parses the signal before it touches the container. */
const badSignal = (signal: string) => {
  const problem = signalProblem(signal)
  return problem === undefined ? undefined : err(daemonErrors.invalidParameter(problem))
}

export const containerStop = dockerCommand({
  path: 'docker container stop',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  aliases: ['docker container stop', 'docker stop'],
  args: { kind: 'min', count: 1 },
  flags: () => new FlagSet(timeoutFlags),
  async run({ values, args, changed }, { engine, shell }) {
    const timeout = changed.includes('timeout')
      ? values.timeout
      : changed.includes('time')
        ? values.time
        : undefined
    const killed = await waitForStopTimeouts(engine, shell, args, values.signal, timeout)
    return eachContainer(
      args,
      (ref) =>
        badSignal(values.signal) ??
        engine.stopContainer(
          ref,
          killed.has(ref)
            ? { signal: 'SIGKILL' }
            : values.signal === ''
              ? {}
              : { signal: values.signal },
        ),
    )
  },
})

export const containerRestart = dockerCommand({
  path: 'docker container restart',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  aliases: ['docker container restart', 'docker restart'],
  args: { kind: 'min', count: 1 },
  flags: () => new FlagSet(timeoutFlags),
  async run({ values, args, changed }, { engine, shell }) {
    const timeout = changed.includes('timeout')
      ? values.timeout
      : changed.includes('time')
        ? values.time
        : undefined
    await waitForStopTimeouts(engine, shell, args, values.signal, timeout)
    return eachContainer(args, (ref) => badSignal(values.signal) ?? engine.restartContainer(ref))
  },
})

export const containerKill = dockerCommand({
  path: 'docker container kill',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  aliases: ['docker container kill', 'docker kill'],
  args: { kind: 'min', count: 1 },
  flags: () => new FlagSet([signalFlag] as const),
  run({ values, args }, { engine }) {
    const signal = values.signal === '' ? 'SIGKILL' : values.signal
    return eachContainer(args, (ref) => badSignal(signal) ?? engine.killContainer(ref, signal))
  },
})
