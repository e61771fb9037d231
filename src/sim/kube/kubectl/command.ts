/**
 * One kubectl command: its cobra declaration (use line, help, examples, flags) and its run
 * function. The dispatcher (kubectl.ts) strips kubectl's global flags (-n, --context,
 * --kubeconfig, -s…) wherever they appear, finds the command in the tree, parses its own flags
 * with a FlagSet, and hands it a KubectlContext. Commands read and write only through the cluster's
 * ApiServer and format what it returns.
 */
import type { FlagSet, FlagSpec, FlagValues } from '../../cli-kit/flags'
import type { Result } from '../../core/errors'
import type { CommandContext, CommandOutput } from '../../shell/command'
import type { World } from '../../world'
import type { KubeCluster } from '../cluster'
import type { Kubeconfig, LoadedKubeconfig } from '../kubeconfig'

/** The global flags every kubectl command accepts (kubectl options). */
export interface KubectlGlobals {
  /** -n/--namespace as given, undefined when not given. */
  readonly namespace?: string
  readonly context?: string
  readonly kubeconfig?: string
  /** -s/--server */
  readonly server?: string
  readonly cluster?: string
  readonly user?: string
  /** -v/--v log level. */
  readonly verbosity?: number
}

export interface KubectlContext {
  readonly world: World
  readonly shell: CommandContext
  readonly globals: KubectlGlobals
  /**
   * The namespace a command works in: -n, else the current context's namespace, else `default`.
   */
  readonly namespace: string
  /** Whether the namespace came from -n (some messages differ). */
  readonly namespaceExplicit: boolean
  /**
   * The cluster the kubeconfig points at, or the failure kubectl prints when it cannot reach one
   * (`The connection to the server localhost:8080 was refused - did you specify the right host or
   * port?`, exit 1).
   */
  connect(): Result<KubeCluster, CommandOutput>
  /** The kubeconfig as kubectl loaded it (config commands read and write it). */
  readonly kubeconfig: KubeconfigAccess
  /** The command's path as typed with its canonical name (`kubectl config view`). */
  readonly commandPath: string
  /** This command's `--help` text (some commands print it on a usage error). */
  help(): string
}

export interface KubeconfigAccess {
  /**
   * The merged configuration, or the text kubectl prints when the files cannot be read
   * (`error: stat /nope: no such file or directory`): only commands that need them fail.
   */
  load(): Result<LoadedKubeconfig, CommandOutput>
  /** Writes a changed configuration back where kubectl would (clientcmd.ModifyConfig). */
  save(config: Kubeconfig): Promise<Result<void, CommandOutput>>
}

/** How many positional arguments the command takes, as cobra checks them. */
export type ArgRule =
  | { kind: 'any' }
  | { kind: 'none' }
  | { kind: 'min'; count: number }
  | { kind: 'max'; count: number }
  | { kind: 'exact'; count: number }
  | { kind: 'range'; min: number; max: number }

export interface ParsedCommand<Specs extends readonly FlagSpec[]> {
  values: FlagValues<Specs>
  args: string[]
  changed: readonly string[]
  /** Positionals before `--` (kubectl exec/run use what follows as the command), or -1. */
  argsLenAtDash: number
}

export interface KubectlCommand<Specs extends readonly FlagSpec[] = readonly FlagSpec[]> {
  /** `kubectl rollout status` */
  readonly path: string
  /** cobra Use after the command path (help's Usage line appends ` [options]`): `(TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]` */
  readonly use: string
  readonly aliases?: readonly string[]
  readonly short: string
  readonly long?: string
  readonly example?: string
  readonly args: ArgRule
  /** Subcommands (`kubectl create deployment`, `kubectl rollout status`, `kubectl config view`). */
  readonly subcommands?: readonly KubectlCommand[]
  /** Left out of help listings and suggestions (cobra Hidden). */
  readonly hidden?: boolean
  flags(): FlagSet<Specs>
  /**
   * What a flag parsing error prints, when the command sets its own (cobra SetFlagErrorFunc:
   * `kubectl diff` exits 2 with a usage error); cobra's `Error: … See '… --help'` otherwise.
   */
  readonly flagError?: (message: string) => CommandOutput
  run(parsed: ParsedCommand<Specs>, ctx: KubectlContext): Promise<CommandOutput> | CommandOutput
}

/** Lets a command's flag table type its run function. */
export function kubectlCommand<const Specs extends readonly FlagSpec[]>(
  command: KubectlCommand<Specs>,
): KubectlCommand {
  return command as unknown as KubectlCommand
}
