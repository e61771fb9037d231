import type { FlagSet, FlagSpec, FlagValues } from '../../cli-kit/flags'
import type { CommandContext, CommandOutput } from '../../shell/command'
import type { DockerEngine } from '../engine/engine'

/** What a docker subcommand gets besides its parsed flags. */
export interface DockerContext {
  readonly engine: DockerEngine
  readonly shell: CommandContext
}

/** How many positional arguments cobra lets through (its Args validators and their messages). */
export type ArgRule =
  | { kind: 'none' }
  | { kind: 'min'; count: number }
  | { kind: 'max'; count: number }
  | { kind: 'exact'; count: number }
  | { kind: 'range'; min: number; max: number }

/** One docker subcommand: declaration (use line, help, flags, aliases) plus its run function. */
export interface DockerCommand<Specs extends readonly FlagSpec[] = readonly FlagSpec[]> {
  /** Full path as docker prints it: `docker container ls`. */
  readonly path: string
  /** `[OPTIONS]` and the rest of cobra's Use, after the path: `[OPTIONS] CONTAINER [CONTAINER...]`. */
  readonly use: string
  readonly short: string
  /** cobra's Long, shown by --help in place of `short` when a command has more to say (cp). */
  readonly long?: string
  /** Every path that reaches this command, as `Aliases:` lists them (docker ps, docker container ps…). */
  readonly aliases?: readonly string[]
  readonly args: ArgRule
  flags(): FlagSet<Specs>
  run(
    parsed: { values: FlagValues<Specs>; args: string[]; changed: readonly string[] },
    ctx: DockerContext,
  ): Promise<CommandOutput> | CommandOutput
}

/** Lets a command's flag table type its run function. */
export function dockerCommand<const Specs extends readonly FlagSpec[]>(
  command: DockerCommand<Specs>,
): DockerCommand {
  return command as unknown as DockerCommand
}

export const ok = (stdout: string): CommandOutput => ({ stdout, stderr: '', exitCode: 0 })

/** A daemon error as the docker CLI prints it: `Error response from daemon: …`, status 1. */
export const daemonFailure = (message: string, stdout = ''): CommandOutput => ({
  stdout,
  stderr: `Error response from daemon: ${message}\n`,
  exitCode: 1,
})
