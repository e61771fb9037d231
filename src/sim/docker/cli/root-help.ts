import type { CommandGroup } from './tree'
import { GROUPS, TOP_LEVEL } from './tree'

function commandList(entries: ReadonlyArray<readonly [string, string]>): string {
  return entries.map(([name, short]) => `  ${name.padEnd(11)} ${short}`).join('\n')
}

/** `docker --help`, listing the commands this simulation implements, in docker 28's layout. */
export function rootHelp(): string {
  const common = [...TOP_LEVEL].map(([name, cmd]) => [name, cmd.short] as const)
  const management = GROUPS.map((g) => [g.name, g.short] as const)
  return [
    'Usage:  docker [OPTIONS] COMMAND',
    '',
    'A self-sufficient runtime for containers',
    '',
    'Common Commands:',
    commandList(common),
    '',
    'Management Commands:',
    commandList(management),
    '',
    'Global Options:',
    '  -D, --debug              Enable debug mode',
    '  -h, --help               Print usage',
    '  -v, --version            Print version information and quit',
    '',
    "Run 'docker COMMAND --help' for more information on a command.",
    '',
    'For more help on how to use Docker, head to https://docs.docker.com/go/guides/',
    '',
  ].join('\n')
}

/** `docker container` with no subcommand. */
export function groupHelp(group: CommandGroup): string {
  const seen = new Set<string>()
  const entries: Array<readonly [string, string]> = []
  for (const [name, command] of group.commands) {
    if (seen.has(command.path)) continue
    seen.add(command.path)
    entries.push([name, command.short])
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : 1))
  return [
    `Usage:  docker ${group.name} COMMAND`,
    '',
    group.short,
    '',
    'Commands:',
    commandList(entries),
    '',
    `Run 'docker ${group.name} COMMAND --help' for more information on a command.`,
    '',
  ].join('\n')
}
