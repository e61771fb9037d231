/**
 * kubectl's help texts: the root help (kubectl 1.32's command groups, including the commands Quai
 * does not simulate, since the real help lists them), cobra's help template as kubectl customizes
 * it (templates.MainHelpTemplate/MainUsageTemplate), usage errors and "Did you mean this?".
 */
import { kubectlFlagUsages } from '../../cli-kit/flag-help'
import type { FlagSet, FlagSpec } from '../../cli-kit/flags'
import type { KubectlCommand } from './command'

const ROOT_LONG = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

`

/** The command groups and the usage footer, as `kubectl --help` prints them. */
const ROOT_LISTING = `Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  run             Run a particular image on the cluster
  set             Set specific features on objects

Basic Commands (Intermediate):
  explain         Get documentation for a resource
  get             Display one or many resources
  edit            Edit a resource on the server
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Deploy Commands:
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment, replica set, or replication controller
  autoscale       Auto-scale a deployment, replica set, stateful set, or replication controller

Cluster Management Commands:
  certificate     Modify certificate resources
  cluster-info    Display cluster information
  top             Display resource (CPU/memory) usage
  cordon          Mark node as unschedulable
  uncordon        Mark node as schedulable
  drain           Drain node in preparation for maintenance
  taint           Update the taints on one or more nodes

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources
  logs            Print the logs for a container in a pod
  attach          Attach to a running container
  exec            Execute a command in a container
  port-forward    Forward one or more local ports to a pod
  proxy           Run a proxy to the Kubernetes API server
  cp              Copy files and directories to and from containers
  auth            Inspect authorization
  debug           Create debugging sessions for troubleshooting workloads and nodes
  events          List events

Advanced Commands:
  diff            Diff the live version against a would-be applied version
  apply           Apply a configuration to a resource by file name or stdin
  patch           Update fields of a resource
  replace         Replace a resource by file name or stdin
  wait            Experimental: Wait for a specific condition on one or many resources
  kustomize       Build a kustomization target from a directory or URL

Settings Commands:
  label           Update the labels on a resource
  annotate        Update the annotations on a resource
  completion      Output shell completion code for the specified shell (bash, zsh, fish, or powershell)

Subcommands provided by plugins:

Other Commands:
  api-resources   Print the supported API resources on the server
  api-versions    Print the supported API versions on the server, in the form of "group/version"
  config          Modify kubeconfig files
  plugin          Provides utilities for interacting with plugins
  version         Print the client and server version information

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`

/** `kubectl`, `kubectl --help`, `kubectl help`. */
export const rootHelp = (): string => ROOT_LONG + ROOT_LISTING

/** `kubectl help foo`: cobra's "Unknown help topic" then the root usage (no description). */
export const unknownHelpTopic = (topic: readonly string[]): string =>
  `Unknown help topic [${topic.map((t) => '`' + t + '`').join(' ')}]\n\n` + '\n' + ROOT_LISTING

/**
 * Every command kubectl 1.32 has, in the order kubectl adds them (cobra suggests in that order:
 * `kubectl gett` proposes `set` before `get`).
 */
export const REAL_COMMANDS: readonly string[] = [
  'create',
  'expose',
  'run',
  'set',
  'explain',
  'get',
  'edit',
  'delete',
  'rollout',
  'scale',
  'autoscale',
  'certificate',
  'cluster-info',
  'top',
  'cordon',
  'uncordon',
  'drain',
  'taint',
  'describe',
  'logs',
  'attach',
  'exec',
  'port-forward',
  'proxy',
  'cp',
  'auth',
  'debug',
  'events',
  'diff',
  'apply',
  'patch',
  'replace',
  'wait',
  'kustomize',
  'label',
  'annotate',
  'completion',
  'alpha',
  'api-resources',
  'api-versions',
  'config',
  'plugin',
  'version',
  'options',
]

/** Levenshtein distance, case-insensitive (cobra's ld with ignoreCase). */
function distance(a: string, b: string): number {
  const s = a.toLowerCase()
  const t = b.toLowerCase()
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let j = 1; j <= t.length; j++)
    for (let i = 1; i <= s.length; i++) {
      const row = d[i] as number[]
      const prev = d[i - 1] as number[]
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      )
    }
  return (d[s.length] as number[])[t.length] as number
}

/** cobra SuggestionsFor: within 2 edits, or a prefix of the command name. */
export function suggestionsFor(typed: string, names: readonly string[]): string[] {
  return names.filter(
    (name) => distance(typed, name) <= 2 || name.toLowerCase().startsWith(typed.toLowerCase()),
  )
}

/** `error: unknown command "foo" for "kubectl"` with cobra's suggestions, as kubectl prints it. */
export function unknownCommand(
  typed: string,
  parentPath: string,
  names: readonly string[],
): string {
  const suggestions = suggestionsFor(typed, names)
  const hint =
    suggestions.length === 0
      ? ''
      : `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`
  return `Error: unknown command "${typed}" for "${parentPath}"${hint}\n`
}

/** cmdutil.UsageErrorf: `error: <message>` and where to find help. */
export const usageError = (commandPath: string, message: string): string =>
  `error: ${message}\nSee '${commandPath} -h' for help and examples\n`

/** Examples are written flush left; help indents every line by two spaces. */
const indentExample = (example: string): string =>
  example
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')

/**
 * `kubectl X --help`: Long (or Short), Aliases, Examples, Available Commands, Options, Usage and
 * the pointer to `kubectl options`. `wrapLimit` is kubectlWrapLimit(terminal columns).
 */
export function commandHelp(
  command: KubectlCommand,
  path: string,
  wrapLimit = 0,
  flags: FlagSet<readonly FlagSpec[]> = command.flags(),
): string {
  let out = `${(command.long ?? command.short).replace(/\s+$/, '')}\n\n`
  const name = path.split(' ').pop() ?? path
  if (command.aliases !== undefined && command.aliases.length > 0)
    out += `Aliases:\n${[name, ...command.aliases].join(', ')}\n\n`
  if (command.example !== undefined) out += `Examples:\n${indentExample(command.example)}\n\n`
  const subs = (command.subcommands ?? []).filter((c) => c.hidden !== true)
  if (subs.length > 0) {
    const names = subs.map((c) => c.path.split(' ').pop() ?? c.path)
    const width = Math.max(...names.map((n) => n.length)) + 2
    out += 'Available Commands:\n'
    subs.forEach((c, i) => {
      out += `  ${(names[i] ?? '').padEnd(width)} ${c.short}\n`
    })
    out += '\n'
  }
  const options = kubectlFlagUsages(flags, wrapLimit)
  if (options !== '') out += `Options:\n${options}`
  out += `Usage:\n  ${path} ${command.use} [options]\n\n`
  if (subs.length > 0)
    out += `Use "${path} <command> --help" for more information about a given command.\n`
  out +=
    'Use "kubectl options" for a list of global command-line options (applies to all commands).\n'
  return out
}
