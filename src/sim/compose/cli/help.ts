/**
 * `docker compose --help` and each subcommand's `--help`, in the docker CLI plugin layout
 * (docker/cli's usage template, as compose v2 prints it).
 */
import { flagUsagesWrapped } from '../../cli-kit/flag-help'
import { FlagSet } from '../../cli-kit/flags'
import type { ArgRule, ComposeCommand } from './command'

export const GLOBAL_FLAGS = () =>
  new FlagSet(
    [
      {
        name: 'all-resources',
        type: 'bool',
        usage: 'Include all resources, even those not used by services',
      },
      {
        name: 'ansi',
        type: 'string',
        default: 'auto',
        usage: 'Control when to print ANSI control characters ("never"|"always"|"auto")',
      },
      { name: 'compatibility', type: 'bool', usage: 'Run compose in backward compatibility mode' },
      { name: 'dry-run', type: 'bool', usage: 'Execute command in dry run mode' },
      { name: 'env-file', type: 'stringArray', usage: 'Specify an alternate environment file' },
      { name: 'file', shorthand: 'f', type: 'stringArray', usage: 'Compose configuration files' },
      {
        name: 'parallel',
        type: 'int',
        default: -1,
        usage: 'Control max parallelism, -1 for unlimited',
      },
      { name: 'profile', type: 'stringArray', usage: 'Specify a profile to enable' },
      {
        name: 'progress',
        type: 'string',
        usage: 'Set type of progress output (auto, tty, plain, json, quiet)',
      },
      {
        name: 'project-directory',
        type: 'string',
        usage:
          'Specify an alternate working directory\n(default: the path of the, first specified, Compose file)',
      },
      { name: 'project-name', shorthand: 'p', type: 'string', usage: 'Project name' },
      {
        name: 'version',
        shorthand: 'v',
        type: 'bool',
        usage: 'Show the Docker Compose version information',
        hidden: true,
      },
      { name: 'verbose', type: 'bool', usage: 'Show more output', hidden: true },
      {
        name: 'no-ansi',
        type: 'bool',
        usage: 'Do not print ANSI control characters (DEPRECATED)',
        hidden: true,
      },
      {
        name: 'workdir',
        type: 'string',
        usage: 'DEPRECATED! USE --project-directory INSTEAD.',
        hidden: true,
      },
    ] as const,
    { interspersed: false },
  )

/** `docker compose --help`. */
export function rootHelp(commands: readonly ComposeCommand[]): string {
  // `config` is C-LOAD's command (config.ts), listed with the others.
  const visible = [
    ...commands.filter((c) => !c.hidden),
    { name: 'config', short: 'Parse, resolve and render compose file in canonical format' },
  ].sort((a, b) => (a.name < b.name ? -1 : 1))
  // cobra's NamePadding: the longest name, at least 11, plus the template's one space.
  const width = Math.max(11, ...visible.map((c) => c.name.length)) + 1
  const list = visible.map((c) => `  ${c.name.padEnd(width)}${c.short}`).join('\n')
  return [
    'Usage:  docker compose [OPTIONS] COMMAND',
    '',
    'Define and run multi-container applications with Docker',
    '',
    'Options:',
    flagUsagesWrapped(GLOBAL_FLAGS(), 79).replace(/\n$/, ''),
    '',
    'Management Commands:',
    '  bridge      Convert compose files into another model',
    '',
    'Commands:',
    list,
    '',
    "Run 'docker compose COMMAND --help' for more information on a command.",
    '',
  ].join('\n')
}

/** `docker compose <cmd> --help`. */
export function commandHelp(command: ComposeCommand): string {
  const path = `docker compose ${command.name}`
  const parts = [`Usage:  ${path} ${command.use}`, '', command.long ?? command.short, '']
  if (command.aliases && command.aliases.length > 0)
    parts.push(
      'Aliases:',
      `  ${[path, ...command.aliases.map((a) => `docker compose ${a}`)].join(', ')}`,
      '',
    )
  const options = flagUsagesWrapped(command.flags(), 79)
  if (options.trim() !== '') parts.push('Options:', options.replace(/\n$/, ''), '')
  return parts.join('\n')
}

/** cobra's argument-count messages (args.go); undefined when the count is fine. */
export function argumentProblem(
  command: ComposeCommand,
  args: readonly string[],
): string | undefined {
  const rule: ArgRule = command.args
  const count = args.length
  const path = `docker compose ${command.name}`
  if (rule.kind === 'none' && count > 0)
    return `unknown command ${JSON.stringify(args[0])} for ${JSON.stringify(path)}`
  if (rule.kind === 'min' && count < rule.count)
    return `requires at least ${rule.count} arg(s), only received ${count}`
  if (rule.kind === 'max' && count > rule.count)
    return `accepts at most ${rule.count} arg(s), received ${count}`
  if (rule.kind === 'exact' && count !== rule.count)
    return `accepts ${rule.count} arg(s), received ${count}`
  if (rule.kind === 'range' && (count < rule.min || count > rule.max))
    return `accepts between ${rule.min} and ${rule.max} arg(s), received ${count}`
  return undefined
}
