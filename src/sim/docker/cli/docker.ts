import { dockerFlagError } from '../../cli-kit/flags'
import type { CommandContext, CommandOutput, ShellCommand } from '../../shell/command'
import type { World } from '../../world'
import type { DockerCommand } from './command'
import { argumentError, commandHelp } from './help'
import { completeDocker } from './completion'
import { groupHelp, isRealSubcommand, notSimulated, REAL_TOP_LEVEL, rootHelp } from './root-help'
import { GROUPS, TOP_LEVEL } from './tree'
import { runCompose } from '../../compose/cli/docker-compose'
import { CONTEXT_GROUP } from './context'
import {
  connectionError,
  daemonAt,
  firstRequest,
  resolveEndpoint,
  type DaemonOptions,
  type Endpoint,
} from './daemon-host'
import { CLIENT_VERSION } from './version'

export const DOCKER_CLIENT_VERSION = '28.2.2'
export const DOCKER_CLIENT_BUILD = 'e6534b4'

const fail = (stderr: string, exitCode = 1): CommandOutput => ({ stdout: '', stderr, exitCode })

const USAGE_TAIL = `\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n`

/**
 * What the client prints when no daemon answers, per command: `docker run` wraps it as its
 * usage errors (status 125), pull says which tag first, version and info print their client
 * half before failing, start names what it could not start.
 */
function unreachable(
  path: string,
  args: readonly string[],
  endpoint: Endpoint,
  message: string,
): CommandOutput {
  const c = CLIENT_VERSION
  switch (path) {
    case 'docker container run':
      return fail(`docker: ${message}\n\nRun 'docker run --help' for more information\n`, 125)
    case 'docker image pull': {
      const ref = args[0] ?? ''
      const tagged = ref.includes('@') || ref.lastIndexOf(':') > ref.lastIndexOf('/')
      return {
        stdout: tagged ? '' : 'Using default tag: latest\n',
        stderr: `${message}\n`,
        exitCode: 1,
      }
    }
    case 'docker version': {
      const rows: [string, string][] = [
        ['Version:', c.Version],
        ['API version:', c.ApiVersion],
        ['Go version:', c.GoVersion],
        ['Git commit:', c.GitCommit],
        ['Built:', c.BuildTime],
        ['OS/Arch:', `${c.Os}/${c.Arch}`],
        ['Context:', endpoint.context],
      ]
      const client = rows.map(([k, v]) => ` ${k.padEnd(19)}${v}\n`).join('')
      return { stdout: `Client:\n${client}`, stderr: `${message}\n`, exitCode: 1 }
    }
    case 'docker system info':
      return {
        stdout: `Client:\n Version:    ${c.Version}\n Context:    ${endpoint.context}\n Debug Mode: false\n\nServer:\n`,
        stderr: `${message}\n`,
        exitCode: 1,
      }
    case 'docker container start':
      return fail(`${message}\nError: failed to start containers: ${args.join(', ')}\n`)
    default:
      return fail(`${message}\n`)
  }
}

async function runCommand(
  command: DockerCommand,
  path: string,
  argv: readonly string[],
  world: World,
  ctx: CommandContext,
  daemon: DaemonOptions | undefined,
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
  // The client connects once the command line is understood (help and usage errors need no daemon).
  let engine = world.docker
  if (daemon !== undefined) {
    const endpoint = await resolveEndpoint(daemon, ctx)
    if (!endpoint.ok) return endpoint.output
    const reached = daemonAt(world, endpoint.value)
    if (reached === undefined) {
      const message = connectionError(endpoint.value.host, firstRequest(command.path, argv))
      return unreachable(command.path, parsed.args, endpoint.value, message)
    }
    engine = reached.engine
  }
  const result = await command.run(
    { values: parsed.values, args: parsed.args, changed: parsed.changed },
    { engine, shell: ctx },
  )
  return warnings === '' ? result : { ...result, stderr: warnings + result.stderr }
}

/** The global options that take a value, in cobra's spellings (`-H x`, `-Hx`, `--host=x`). */
const VALUED: Record<string, 'host' | 'context' | 'other'> = {
  '-H': 'host',
  '--host': 'host',
  '-c': 'context',
  '--context': 'context',
  '-l': 'other',
  '--log-level': 'other',
  '--config': 'other',
  '--tlscacert': 'other',
  '--tlscert': 'other',
  '--tlskey': 'other',
}

function globalValue(
  flag: string,
  argv: string[],
): { name: 'host' | 'context' | 'other'; value: string } | { missing: string } | undefined {
  const eq = flag.indexOf('=')
  const key = eq < 0 ? flag : flag.slice(0, eq)
  const name = VALUED[key]
  if (name !== undefined && eq >= 0) return { name, value: flag.slice(eq + 1) }
  if (name !== undefined) {
    const value = argv.shift()
    if (value !== undefined) return { name, value }
    return {
      missing: key.startsWith('--')
        ? `flag needs an argument: ${key}`
        : `flag needs an argument: '${key.slice(1)}' in ${key}`,
    }
  }
  // `-Htcp://…`: a shorthand with its value attached.
  const short = VALUED[flag.slice(0, 2)]
  if (!flag.startsWith('--') && short !== undefined && flag.length > 2)
    return { name: short, value: flag.slice(2) }
  return undefined
}

/**
 * Compose uses the docker CLI's client: it sees the global -H/--context as the environment
 * the client would have resolved them from.
 */
function composeContext(ctx: CommandContext, daemon: DaemonOptions): CommandContext {
  if (daemon.hosts.length === 0 && daemon.context === undefined) return ctx
  const env = new Map(ctx.env)
  if (daemon.context !== undefined) {
    env.delete('DOCKER_HOST')
    env.set('DOCKER_CONTEXT', daemon.context)
  }
  const host = daemon.hosts[0]
  if (host !== undefined) env.set('DOCKER_HOST', host === '' ? 'unix:///var/run/docker.sock' : host)
  return { ...ctx, env }
}

/** `docker …`: global options, then a command or a management command and its subcommand. */
export function dockerShellCommand(world: World): ShellCommand {
  return {
    name: 'docker',
    summary: 'the Docker command-line client, talking to Quai’s simulated daemon',
    async run(args, ctx) {
      const argv = [...args]
      const hosts: string[] = []
      let context: string | undefined
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
        if (flag === '-D' || flag === '--debug' || flag === '--tls' || flag === '--tlsverify')
          continue
        const valued = globalValue(flag, argv)
        if (valued === undefined) return fail(`unknown flag: ${flag}${USAGE_TAIL}`, 125)
        if ('missing' in valued) return fail(`${valued.missing}${USAGE_TAIL}`, 125)
        if (valued.name === 'host') hosts.push(valued.value)
        else if (valued.name === 'context') context = valued.value
      }
      const daemon: DaemonOptions = { hosts, context }
      const name = argv.shift()
      if (name === undefined) return { stdout: rootHelp(), stderr: '', exitCode: 0 }
      // Compose is a CLI plugin: it parses its own flags.
      if (name === 'compose') {
        const endpoint = await resolveEndpoint(daemon, ctx)
        if (!endpoint.ok) return endpoint.output
        return runCompose(argv, world, composeContext(ctx, daemon))
      }
      const top = TOP_LEVEL.get(name)
      if (top) return runCommand(top, `docker ${name}`, argv, world, ctx, daemon)
      const group = name === 'context' ? CONTEXT_GROUP : GROUPS.find((g) => g.name === name)
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
      // `docker context …` reads the client's own store: it needs no daemon.
      return runCommand(command, path, argv, world, ctx, name === 'context' ? undefined : daemon)
    },
    complete: (request) => completeDocker(world, request),
  }
}
