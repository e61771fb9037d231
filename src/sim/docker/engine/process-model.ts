import type { BehaviourProfile, LogLine } from '../images/catalog-types'

/**
 * What a container's main process will do, decided at start from its image's behaviour profile,
 * its command and its environment. The runtime then plays this plan on the virtual clock.
 */
export type ProcessPlan =
  | { kind: 'service'; logs: LogLine[] }
  | { kind: 'exits'; logs: LogLine[]; afterMs: number; code: number }
  | { kind: 'waits-for-input' }
  | { kind: 'command'; argv: string[] }

const GENERIC_PROFILE: BehaviourProfile = {
  startup: [],
  memoryMiB: { idle: 8 },
  cpuPercent: { idle: 0.1 },
}

function envSatisfies(env: readonly string[], entry: string): boolean {
  if (entry.includes('=')) return env.includes(entry)
  return env.some((e) => e.startsWith(`${entry}=`) && e.length > entry.length + 1)
}

const sameArgv = (a: readonly string[] | null, b: readonly string[] | null): boolean =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? [])

const SHELLS = new Set(['sh', 'bash', '/bin/sh', '/bin/bash', 'ash', 'zsh'])

/** Arguments that make a server print something and exit instead of serving. */
const ONE_SHOT_ARGS = new Set([
  '--version',
  '-v',
  '-V',
  '--help',
  '-h',
  '-t',
  '-T',
  'version',
  'help',
])

const programName = (word: string | undefined): string =>
  (word ?? '').split(' ')[0]?.split('/').pop() ?? ''

/**
 * A command that still starts the image's server: its own entrypoint kept, and either only
 * options (an image's entrypoint script puts the server in front of `--appendonly yes` or
 * `--default-authentication-plugin=…`), or the server program itself with options of its own
 * (`redis-server --save 60 1`, `postgres -c max_connections=200`, `redpanda start --smp 1`, as
 * compose passes it in one word). `--version` and the like still run as a plain command.
 */
function runsImageServer(options: {
  imageCmd: readonly string[] | null
  imageEntrypoint: readonly string[] | null
  cmd: readonly string[] | null
  entrypoint: readonly string[] | null
}): boolean {
  if (!sameArgv(options.entrypoint, options.imageEntrypoint)) return false
  const cmd = options.cmd ?? []
  const first = cmd[0]
  if (first === undefined || cmd.some((word) => ONE_SHOT_ARGS.has(word))) return false
  const server = programName(options.imageCmd?.[0])
  const entrypointScript = (options.imageEntrypoint ?? []).some((w) => /entrypoint/.test(w))
  if (entrypointScript && first.startsWith('-')) return true
  return server !== '' && !SHELLS.has(server) && programName(first) === server
}

export function planProcess(options: {
  profile: BehaviourProfile | undefined
  imageCmd: readonly string[] | null
  imageEntrypoint: readonly string[] | null
  cmd: readonly string[] | null
  entrypoint: readonly string[] | null
  env: readonly string[]
  interactive: boolean
  firstStart: boolean
}): ProcessPlan {
  const profile = options.profile ?? GENERIC_PROFILE
  if (profile.tool !== undefined)
    return { kind: 'command', argv: [...(options.entrypoint ?? []), ...(options.cmd ?? [])] }
  const defaultCommand =
    (sameArgv(options.cmd, options.imageCmd) &&
      sameArgv(options.entrypoint, options.imageEntrypoint)) ||
    // Only a server's profile: a runtime's (node, python) exits, its scripts run as commands.
    (options.profile !== undefined && profile.exit === undefined && runsImageServer(options))
  if (!defaultCommand) {
    const argv = [...(options.entrypoint ?? []), ...(options.cmd ?? [])]
    const first = argv[0] ?? ''
    if (SHELLS.has(first) && argv.length === 1)
      return options.interactive
        ? { kind: 'waits-for-input' }
        : { kind: 'exits', logs: [], afterMs: 0, code: 0 }
    return { kind: 'command', argv }
  }
  for (const requirement of profile.requires ?? []) {
    if (!requirement.anyOfEnv.some((entry) => envSatisfies(options.env, entry)))
      return {
        kind: 'exits',
        logs: requirement.failure.logs,
        afterMs: 0,
        code: requirement.failure.code,
      }
  }
  const exit = profile.exit
  if (exit) {
    if (exit.unlessInteractive && options.interactive) return { kind: 'waits-for-input' }
    return {
      kind: 'exits',
      logs: exit.logs ?? profile.startup,
      afterMs: exit.afterMs,
      code: exit.code,
    }
  }
  const logs = !options.firstStart && profile.restart ? profile.restart : profile.startup
  return { kind: 'service', logs }
}
