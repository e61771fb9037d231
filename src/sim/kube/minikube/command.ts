/**
 * A minikube command as cobra declares it (name, short and long help, flags, subcommands) and
 * what it runs with: the world, the shell, the profile (-p) and the output.
 */
import type { FlagSpec } from '../../cli-kit/flags'
import type { CommandContext, CommandOutput } from '../../shell/command'
import type { World } from '../../world'
import { exampleCommand, MinikubeOut } from './output'
import { minikubeRegistry, type MinikubeProfile, type MinikubeRegistry } from './profiles'

export interface Invocation {
  readonly values: Record<string, unknown>
  readonly args: readonly string[]
  readonly changed: readonly string[]
  /** Positionals before `--`, or -1 (`minikube ssh -- ls`). */
  readonly argsLenAtDash: number
}

export interface MinikubeContext {
  readonly world: World
  readonly shell: CommandContext
  readonly registry: MinikubeRegistry
  /** -p/--profile, else the configured profile, else `minikube`. */
  readonly profileName: string
  readonly out: MinikubeOut
}

export interface MinikubeCommand {
  readonly name: string
  readonly aliases?: readonly string[]
  readonly short: string
  readonly long?: string
  /** The use line after `minikube …`: `start [flags]`. */
  readonly use?: string
  readonly flags?: () => FlagSpec[]
  readonly subcommands?: readonly MinikubeCommand[]
  run?(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput>
}

export function newContext(
  world: World,
  shell: CommandContext,
  profile: string | undefined,
): MinikubeContext {
  const registry = minikubeRegistry(world.kube)
  return {
    world,
    shell,
    registry,
    profileName: profile ?? registry.activeProfile,
    out: new MinikubeOut(shell),
  }
}

/**
 * mustload.Partial: the profile, or minikube's "not found" answer (stdout, exit 85):
 * `🤷  Profile "x" not found. Run "minikube profile list" to view all profiles.`
 */
export function loadProfile(mctx: MinikubeContext): MinikubeProfile | CommandOutput {
  const profile = mctx.registry.profiles.get(mctx.profileName)
  if (profile !== undefined) return profile
  const { out } = mctx
  out.step(
    'shrug',
    `Profile "${mctx.profileName}" not found. Run "minikube profile list" to view all profiles.`,
  )
  out.step('workaround', `To start a cluster, run: "${exampleCommand(mctx.profileName, 'start')}"`)
  return out.result(85)
}

/** mustload.Running: the profile with its control plane up, else minikube's answer. */
export function loadRunning(mctx: MinikubeContext): MinikubeProfile | CommandOutput {
  const profile = loadProfile(mctx)
  if (!isProfile(profile)) return profile
  if (profile.state === 'Stopped') {
    const { out } = mctx
    out.step('shrug', 'The control plane node must be running for this command')
    out.step('workaround', `To start a cluster, run: "${exampleCommand(profile.name, 'start')}"`)
    return out.result(89)
  }
  return profile
}

/** mustload.Healthy: running and not paused. */
export function loadHealthy(mctx: MinikubeContext): MinikubeProfile | CommandOutput {
  const profile = loadRunning(mctx)
  if (!isProfile(profile)) return profile
  if (profile.state === 'Paused') {
    const { out } = mctx
    out.step('shrug', `The control plane for "${profile.name}" is paused!`)
    out.step('workaround', `To start a cluster, run: "${exampleCommand(profile.name, 'unpause')}"`)
    return out.result(118)
  }
  return profile
}

export function isProfile(v: MinikubeProfile | CommandOutput): v is MinikubeProfile {
  return 'cluster' in v
}
