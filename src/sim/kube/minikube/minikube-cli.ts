/**
 * `minikube …`: cobra's lookup of the command by its non-flag words (global flags such as
 * `-p dev` may come anywhere), one parse of the command's flags with the global ones, help and
 * usage errors in minikube's words (exit 14, reason.ExProgramUsage), then the command.
 */
import { FlagSet, kubectlFlagError, type FlagSpec } from '../../cli-kit/flags'
import type {
  CommandContext,
  CommandOutput,
  CompletionRequest,
  ShellCommand,
} from '../../shell/command'
import type { World } from '../../world'
import { addonsCommand } from './addons'
import { ADDONS } from './addons-catalog'
import { newContext, type MinikubeCommand } from './command'
import { commandHelp, OPTIONS_HELP, REAL_COMMANDS, rootHelp } from './help'
import {
  deleteCommand,
  pauseCommand,
  statusCommand,
  stopCommand,
  unpauseCommand,
} from './lifecycle'
import {
  configCommand,
  ipCommand,
  kubectlCommand,
  profileCommand,
  serviceCommand,
  updateContextCommand,
  versionCommand,
} from './misc'
import { nodeCommand } from './node'
import { machinesOf, minikubeRegistry } from './profiles'
import { startCommand } from './start'
import { auditLog, shouldAudit } from './audit'
import { dashboardCommand } from './dashboard'
import { dockerEnvCommand } from './docker-env'
import { imageCommand } from './image'
import { logsCommand } from './logs'
import { sshCommand } from './ssh'
import { tunnelCommand } from './tunnel'

export const MINIKUBE_COMMANDS: readonly MinikubeCommand[] = [
  startCommand,
  statusCommand,
  stopCommand,
  deleteCommand,
  pauseCommand,
  unpauseCommand,
  addonsCommand,
  configCommand,
  profileCommand,
  updateContextCommand,
  serviceCommand,
  kubectlCommand,
  nodeCommand,
  ipCommand,
  versionCommand,
  sshCommand,
  tunnelCommand,
  dashboardCommand,
  logsCommand,
  dockerEnvCommand,
  imageCommand,
]

const GLOBAL_FLAGS: FlagSpec[] = [
  {
    name: 'profile',
    shorthand: 'p',
    type: 'string',
    default: 'minikube',
    usage: 'The name of the minikube VM being used.',
  },
  {
    name: 'user',
    type: 'string',
    default: '',
    usage: 'Specifies the user executing the operation.',
  },
  {
    name: 'v',
    shorthand: 'v',
    type: 'int',
    default: 0,
    usage: 'number for the log level verbosity',
  },
  {
    name: 'bootstrapper',
    shorthand: 'b',
    type: 'string',
    default: 'kubeadm',
    usage: 'The name of the cluster bootstrapper.',
  },
  { name: 'alsologtostderr', type: 'bool', usage: 'log to standard error as well as files' },
  { name: 'logtostderr', type: 'bool', usage: 'log to standard error instead of files' },
  { name: 'rootless', type: 'bool', usage: 'Force to use rootless driver' },
  {
    name: 'skip-audit',
    type: 'bool',
    usage: 'Skip recording the current command in the audit logs.',
  },
  { name: 'help', shorthand: 'h', type: 'bool', usage: 'help' },
]
const VALUE_GLOBALS = new Set(['-p', '--profile', '--user', '-v', '--v', '-b', '--bootstrapper'])

const fail = (stderr: string, exitCode = 14): CommandOutput => ({ stdout: '', stderr, exitCode })
const print = (stdout: string): CommandOutput => ({ stdout, stderr: '', exitCode: 0 })

interface Found {
  command: MinikubeCommand | undefined
  path: string
  rest: string[]
  /** The first word that named no command (an unknown command, or an argument). */
  unknown: string | undefined
}

function find(args: readonly string[]): Found {
  let commands: readonly MinikubeCommand[] = MINIKUBE_COMMANDS
  let command: MinikubeCommand | undefined
  let path = 'minikube'
  const rest = [...args]
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? ''
    if (a === '--') break
    if (a.startsWith('-')) {
      if (VALUE_GLOBALS.has(a)) i++
      continue
    }
    const sub = commands.find((c) => c.name === a || (c.aliases ?? []).includes(a))
    if (sub === undefined) return { command, path, rest, unknown: a }
    command = sub
    path = `${path} ${sub.name}`
    rest.splice(i, 1)
    i--
    commands = sub.subcommands ?? []
    if (commands.length === 0) break
  }
  return { command, path, rest, unknown: undefined }
}

async function run(
  world: World,
  args: readonly string[],
  ctx: CommandContext,
): Promise<CommandOutput> {
  const found = find(args)
  const { command, path } = found
  if (command === undefined) {
    if (found.unknown !== undefined) {
      if (found.unknown === 'options') return print(OPTIONS_HELP)
      if (found.unknown === 'help') return print(rootHelp())
      if (REAL_COMMANDS.includes(found.unknown))
        return fail(
          `Quai: 'minikube ${found.unknown}' is a real minikube command, but this simulated minikube does not implement it.\nRun 'minikube --help' for the commands you can use here.\n`,
          1,
        )
      return fail(
        `Error: unknown command "${found.unknown}" for "minikube"\nRun 'minikube --help' for usage.\n`,
      )
    }
  }
  const own = command?.flags?.() ?? []
  const specs = [
    ...own,
    ...GLOBAL_FLAGS.filter(
      (g) =>
        !own.some(
          (o) => o.name === g.name || (o.shorthand !== undefined && o.shorthand === g.shorthand),
        ),
    ),
  ]
  const parsed = new FlagSet(specs).parse(found.rest)
  if (!parsed.ok) {
    if (parsed.error.code === 'help-requested')
      return print(command === undefined ? rootHelp() : commandHelp(command, path))
    return fail(kubectlFlagError(parsed.error, path))
  }
  const values = parsed.values as Record<string, unknown>
  if (values['help'] === true || command === undefined)
    return print(command === undefined ? rootHelp() : commandHelp(command, path))
  if (command.run === undefined) {
    // A command group without a subcommand shows its help, as cobra does.
    return print(commandHelp(command, path))
  }
  const profile = parsed.changed.includes('profile') ? String(values['profile']) : undefined
  const mctx = newContext(world, ctx, profile)
  const name = path.slice('minikube '.length)
  // The audit log records the command as it starts; its end time once it returns.
  const entry =
    shouldAudit(name) && values['skip-audit'] !== true
      ? {
          command: name,
          args: args.filter((a) => !name.split(' ').includes(a)).join(' '),
          profile: mctx.profileName,
          user: ctx.env.get('USER') ?? 'student',
          startMs: ctx.clock.now(),
          endMs: ctx.clock.now(),
        }
      : undefined
  if (entry !== undefined) auditLog(world.kube).push(entry)
  const result = await command.run(
    {
      values,
      args: parsed.args,
      changed: parsed.changed,
      argsLenAtDash: parsed.argsLenAtDash,
    },
    mctx,
  )
  if (entry !== undefined) entry.endMs = ctx.clock.now()
  return result
}

/** Candidates for the word being completed: commands, subcommands, flags, profiles, nodes. */
function complete(world: World, request: CompletionRequest): string[] {
  const words = request.words.slice(1)
  const current = words[words.length - 1] ?? ''
  const before = words.slice(0, -1)
  const registry = minikubeRegistry(world.kube)
  const prev = before[before.length - 1]
  if (prev === '-p' || prev === '--profile')
    return [...registry.profiles.keys()].filter((p) => p.startsWith(current)).sort()
  const found = find(before)
  if (current.startsWith('-')) {
    const specs = [...(found.command?.flags?.() ?? []), ...GLOBAL_FLAGS]
    return specs
      .map((s) => `--${s.name}`)
      .filter((f) => f.startsWith(current))
      .sort()
  }
  const subs = found.command === undefined ? MINIKUBE_COMMANDS : (found.command.subcommands ?? [])
  if (
    subs.length > 0 &&
    found.unknown === undefined &&
    (found.command === undefined || found.command.subcommands !== undefined)
  )
    return subs
      .map((c) => c.name)
      .filter((n) => n.startsWith(current))
      .sort()
  if (
    found.path === 'minikube node stop' ||
    found.path === 'minikube node start' ||
    found.path === 'minikube node delete'
  ) {
    const profileFlag = before.findIndex((w) => w === '-p' || w === '--profile')
    const name = profileFlag >= 0 ? (before[profileFlag + 1] ?? '') : registry.activeProfile
    const profile = registry.profiles.get(name)
    return profile === undefined
      ? []
      : machinesOf(profile)
          .map((m) => m.name)
          .filter((n) => n.startsWith(current))
  }
  if (found.path === 'minikube addons enable' || found.path === 'minikube addons disable')
    return ADDONS.map((a) => a.name).filter((n) => n.startsWith(current))
  if (found.path === 'minikube profile')
    return [...registry.profiles.keys(), 'list'].filter((n) => n.startsWith(current)).sort()
  return []
}

/** `minikube …` (the shell's entry point). */
export function minikubeShellCommand(world: World): ShellCommand {
  return {
    name: 'minikube',
    summary: 'local Kubernetes clusters, simulated',
    run: (args, ctx) => run(world, args, ctx),
    complete: (request) => complete(world, request),
  }
}
