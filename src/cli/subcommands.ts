import { apiSubcommand } from './api-subcommand'
import type { SubcommandSummary } from './options'

export interface SubcommandContext {
  seed: number
}

/**
 * `quai NAME ARG…` for a registered NAME runs that tool instead of a script called NAME.
 * Each subcommand parses its own arguments and returns its exit status.
 */
export interface Subcommand extends SubcommandSummary {
  run(args: readonly string[], context: SubcommandContext): Promise<number>
}

/**
 * The dispatch table. `quai api --docker ADDR --kube ADDR` (serving the Docker Engine and
 * Kubernetes APIs of one session on loopback for the real clients) registers here.
 */
export const subcommands: readonly Subcommand[] = [apiSubcommand]
