/**
 * `docker stop`, `docker restart` and `docker kill` (docker/cli cli/command/container/stop.go,
 * restart.go, kill.go, docker 28.2.2): each container in turn, its name printed as given when
 * the daemon agreed, the daemon's errors together at the end.
 */
import { err } from '../../core/errors'
import { FlagSet } from '../../cli-kit/flags'
import { daemonErrors } from '../engine/errors'
import { dockerCommand } from './command'
import { eachContainer, signalProblem } from './container-each'

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
  run({ values, args }, { engine }) {
    return eachContainer(
      args,
      (ref) =>
        badSignal(values.signal) ??
        engine.stopContainer(ref, values.signal === '' ? {} : { signal: values.signal }),
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
  run({ values, args }, { engine }) {
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
