import type { FlagSet, FlagSpec, FlagValues } from '../../cli-kit/flags'
import type { Result } from '../../core/errors'
import type { DockerEngine } from '../../docker/engine/engine'
import type { CommandContext, CommandOutput } from '../../shell/command'
import type { World } from '../../world'
import type { ComposeProject } from '../model'
import type { ProgressWriter } from '../progress/writer'
import type { ComposeRuntime } from '../project/runtime'

/** `docker compose`'s own flags, before the subcommand. */
export interface GlobalOptions {
  files: string[]
  projectName: string
  projectDirectory: string
  envFiles: string[]
  profiles: string[]
  ansi: 'never' | 'always' | 'auto'
  progress: string
  dryRun: boolean
  parallel: number
}

/** Why a command stopped: compose's message and its exit status (compose's failure categories). */
export interface ComposeFailure {
  message: string
  exitCode: number
}

/** Exit statuses of compose's failure categories (pkg/compose/metrics.go). */
export const EXIT = {
  fileNotFound: 14,
  parse: 15,
  syntax: 16,
  build: 17,
  pull: 18,
  canceled: 130,
} as const

/** What a compose subcommand gets besides its flags. */
export interface ComposeEnv {
  readonly world: World
  readonly engine: DockerEngine
  readonly shell: CommandContext
  readonly global: GlobalOptions
  /** The project from the compose files (discovered, or `-f`). */
  loadProject(): Promise<Result<ComposeProject, ComposeFailure>>
  /**
   * The project's name: from the files when there are some, else `-p` (commands such as `down`,
   * `ps` and `logs` work on a project by name without its files).
   */
  projectOrName(): Promise<Result<{ name: string; project?: ComposeProject }, ComposeFailure>>
  /** A progress display on stderr with `title` (`Running`, `Pulling`…). */
  progress(title: string): ProgressWriter
  /** A runtime for project operations, with its own progress display. */
  runtime(progress: ProgressWriter): ComposeRuntime & { warnings(): string }
  /** Whether output may be coloured (`--ansi`, else a terminal). */
  readonly color: boolean
}

export type ArgRule =
  | { kind: 'any' }
  | { kind: 'none' }
  | { kind: 'min'; count: number }
  | { kind: 'max'; count: number }
  | { kind: 'exact'; count: number }
  | { kind: 'range'; min: number; max: number }

export interface ComposeCommand<Specs extends readonly FlagSpec[] = readonly FlagSpec[]> {
  readonly name: string
  /** After `docker compose <name> `: `[OPTIONS] [SERVICE...]`. */
  readonly use: string
  readonly short: string
  readonly long?: string
  readonly aliases?: readonly string[]
  readonly args: ArgRule
  /** Hidden from `docker compose --help`. */
  readonly hidden?: boolean
  flags(): FlagSet<Specs>
  run(
    parsed: { values: FlagValues<Specs>; args: string[]; changed: readonly string[] },
    env: ComposeEnv,
  ): Promise<CommandOutput> | CommandOutput
}

export function composeCommand<const Specs extends readonly FlagSpec[]>(
  command: ComposeCommand<Specs>,
): ComposeCommand {
  return command as unknown as ComposeCommand
}

export const DRY_RUN_FLAG = {
  name: 'dry-run',
  type: 'bool',
  usage: 'Execute command in dry run mode',
} as const

/**
 * Ctrl-C ends a command through its canceled context: compose's AdaptCmd turns that into
 * `StatusError{130, "canceled"}`, and the plugin prints the status on stderr.
 */
export const CANCELED_STATUS = 'canceled\n'

export const failed = (failure: ComposeFailure, stdout = ''): CommandOutput => ({
  stdout,
  stderr: `${failure.message}\n`,
  exitCode: failure.exitCode,
})
