import { dockerFlagError } from '../../cli-kit/flags'
import type { CommandContext, CommandOutput, ShellCommand } from '../../shell/command'
import type { World } from '../../world'
import type { DockerCommand } from './command'
import { argumentError, commandHelp } from './help'
import { completeDocker } from './completion'
import { groupHelp, isRealSubcommand, notSimulated, REAL_TOP_LEVEL, rootHelp } from './root-help'
import { GROUPS, TOP_LEVEL } from './tree'
import { runCompose } from '../../compose/cli/docker-compose'

export const DOCKER_CLIENT_VERSION = '28.2.2'
export const DOCKER_CLIENT_BUILD = 'e6534b4'

const fail = (stderr: string, exitCode = 1): CommandOutput => ({ stdout: '', stderr, exitCode })

async function runCommand(
  command: DockerCommand,
  path: string,
  argv: readonly string[],
  world: World,
  ctx: CommandContext,
): Promise<CommandOutput> {
  const flags = command.flags()
  const parsed = flags.parse([...argv])
  const warnings = parsed.warnings.join('')
  if (!parsed.ok) {
    if (parsed.error.code === 'help-requested')
      return { stdout: commandHelp(command, path), stderr: warnings, exitCode: 0 }
    return fail(warnings + dockerFlagError(parsed.error, `${path} ${command.use}`, path), 125)
  }
  // Commands whose -h is another flag (run, create: --hostname) declare --help themselves.
  if (parsed.changed.includes('help'))
    return { stdout: commandHelp(command, path), stderr: '', exitCode: 0 }
  const argProblem = argumentError(command, path, parsed.args.length)
  if (argProblem !== undefined) return fail(argProblem)
  const result = await command.run(
    { values: parsed.values, args: parsed.args, changed: parsed.changed },
    { engine: world.docker, shell: ctx },
  )
  return warnings === '' ? result : { ...result, stderr: warnings + result.stderr }
}

/** `docker …`: global options, then a command or a management command and its subcommand. */
export function dockerShellCommand(world: World): ShellCommand {
  return {
    name: 'docker',
    summary: 'the Docker command-line client, talking to Quai’s simulated daemon',
    async run(args, ctx) {
      const argv = [...args]
      while (argv[0]?.startsWith('-')) {
        const flag = argv.shift() ?? ''
        if (flag === '--help' || flag === '-h')
          return { stdout: rootHelp(), stderr: '', exitCode: 0 }
        if (flag === '--version' || flag === '-v')
          return {
            stdout: `Docker version ${DOCKER_CLIENT_VERSION}, build ${DOCKER_CLIENT_BUILD}\n`,
            stderr: '',
            exitCode: 0,
          }
        if (flag === '-D' || flag === '--debug') continue
        return fail(
          `unknown flag: ${flag}\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n`,
          125,
        )
      }
      const name = argv.shift()
      if (name === undefined) return { stdout: rootHelp(), stderr: '', exitCode: 0 }
      // Compose is a CLI plugin: it parses its own flags.
      if (name === 'compose') return runCompose(argv, world, ctx)
      const top = TOP_LEVEL.get(name)
      if (top) return runCommand(top, `docker ${name}`, argv, world, ctx)
      const group = GROUPS.find((g) => g.name === name)
      if (!group) {
        if (REAL_TOP_LEVEL.has(name)) return fail(notSimulated(`docker ${name}`))
        return fail(
          `docker: unknown command: docker ${name}\n\nRun 'docker --help' for more information\n`,
        )
      }
      const sub = argv.shift()
      if (sub === undefined || sub === '--help' || sub === '-h')
        return { stdout: groupHelp(group), stderr: '', exitCode: 0 }
      const command = group.commands.get(sub)
      if (!command) {
        // cobra answers `docker network foo --help` with the group's help.
        if (argv.includes('--help') || argv.includes('-h'))
          return { stdout: groupHelp(group), stderr: '', exitCode: 0 }
        if (isRealSubcommand(name, sub)) return fail(notSimulated(`docker ${name} ${sub}`))
        return fail(
          `docker: unknown command: docker ${name} ${sub}\n\nUsage:  docker ${name}\n\nRun 'docker ${name} --help' for more information\n`,
        )
      }
      // Help and errors name the command by its own name (`docker image list` → `docker image ls`).
      const path = command.path.startsWith(`docker ${name} `)
        ? command.path
        : `docker ${name} ${sub}`
      return runCommand(command, path, argv, world, ctx)
    },
    complete: (request) => completeDocker(world, request),
  }
}
