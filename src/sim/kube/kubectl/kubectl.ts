/**
 * `kubectl …`: cobra's command lookup (global flags may come anywhere before `--`), one parse of
 * the command's flags together with the global ones, help and usage errors in kubectl's words,
 * then the command with a KubectlContext whose `connect()` resolves the kubeconfig to a cluster.
 */
import { kubectlWrapLimit } from '../../cli-kit/flag-help'
import { FlagSet, kubectlFlagError, wordSepNormalize, type FlagSpec } from '../../cli-kit/flags'
import { err, ok, type Result } from '../../core/errors'
import type { CommandContext, CommandOutput, ShellCommand } from '../../shell/command'
import { HOME } from '../../shell/user-environment'
import type { World } from '../../world'
import {
  emptyKubeconfig,
  loadKubeconfig,
  writeKubeconfig,
  type Kubeconfig,
  type LoadedKubeconfig,
} from '../kubeconfig'
import type { KubectlCommand, KubectlContext, KubectlGlobals } from './command'
import { completeKubectl } from './completion'
import { connectTo, resolveTarget } from './connect'
import { GLOBAL_FLAG_SPECS, globalIsBoolean, globalsFrom } from './global-flags'
import { commandHelp, REAL_COMMANDS, rootHelp, unknownCommand, unknownHelpTopic } from './help'
import { KUBECTL_COMMANDS } from './tree'

const fail = (stderr: string, exitCode = 1): CommandOutput => ({ stdout: '', stderr, exitCode })
const print = (stdout: string, exitCode = 0): CommandOutput => ({ stdout, stderr: '', exitCode })

/** A command kubectl has and Quai does not simulate: say so rather than "unknown command". */
const notSimulated = (name: string): string =>
  `Quai: 'kubectl ${name}' is a real kubectl command, but this simulated kubectl does not implement it.\nRun 'kubectl --help' for the commands you can use here.\n`

const nameOf = (command: KubectlCommand): string => command.path.split(' ').pop() ?? ''

function findNext(commands: readonly KubectlCommand[], name: string): KubectlCommand | undefined {
  return commands.find((c) => nameOf(c) === name || (c.aliases ?? []).includes(name))
}

/**
 * cobra stripFlags: the words that are not flags or flag values. A flag's value is skipped when
 * the flag is written `--name value` / `-x value` and is not a boolean global.
 */
function stripFlags(args: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    if (a === '--') break
    if (a.startsWith('--') && !a.includes('=')) {
      if (!globalIsBoolean(wordSepNormalize(a.slice(2)))) i++
    } else if (a.startsWith('-') && a.length === 2 && a !== '-') {
      if (!globalIsBoolean(a.slice(1))) i++
    } else if (!a.startsWith('-') || a === '-') {
      out.push(a)
    }
  }
  return out
}

/** The args without the first occurrence of `word` outside flag values (cobra argsMinusFirstX). */
function argsMinus(args: readonly string[], word: string): string[] {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    if (a === '--') break
    if (a.startsWith('--') && !a.includes('=')) {
      if (!globalIsBoolean(wordSepNormalize(a.slice(2)))) i++
      continue
    }
    if (a.startsWith('-') && a.length === 2) {
      if (!globalIsBoolean(a.slice(1))) i++
      continue
    }
    if (a === word) return [...args.slice(0, i), ...args.slice(i + 1)]
  }
  return [...args]
}

interface Found {
  command: KubectlCommand | undefined
  path: string
  args: string[]
}

/** cobra Find: walks down the tree by the first non-flag word. */
function find(args: readonly string[]): Found {
  let commands: readonly KubectlCommand[] = KUBECTL_COMMANDS
  let command: KubectlCommand | undefined
  let path = 'kubectl'
  let rest = [...args]
  for (;;) {
    const words = stripFlags(rest)
    const next = words[0]
    if (next === undefined) break
    const sub = findNext(commands, next)
    if (sub === undefined) break
    command = sub
    path = `${path} ${nameOf(sub)}`
    rest = argsMinus(rest, next)
    commands = sub.subcommands ?? []
  }
  return { command, path, args: rest }
}

/** The command's flags with the globals (cobra's merged persistent flags) and a help flag. */
function mergedFlags(command: KubectlCommand | undefined): FlagSet<readonly FlagSpec[]> {
  const own = command?.flags()
  const specs: FlagSpec[] = [...(own?.specs ?? [])]
  for (const g of GLOBAL_FLAG_SPECS) if (!specs.some((s) => s.name === g.name)) specs.push(g)
  if (!specs.some((s) => s.name === 'help'))
    specs.push({ name: 'help', shorthand: 'h', type: 'bool', usage: 'help', hidden: true })
  return new FlagSet(specs, {
    normalizeName: wordSepNormalize,
    ...(own?.options.interspersed === undefined ? {} : { interspersed: own.options.interspersed }),
  })
}

/** The help text of `command`, its Options being its own flags only. */
function helpOf(command: KubectlCommand, path: string, ctx: CommandContext): string {
  return commandHelp(command, path, kubectlWrapLimit(ctx.tty?.cols))
}

/** `kubectl help [command…]`. */
function helpCommand(words: readonly string[], ctx: CommandContext): CommandOutput {
  if (words.length === 0) return print(rootHelp())
  const found = find(words)
  if (found.command === undefined || stripFlags(found.args).length > 0)
    return print(unknownHelpTopic(words))
  return print(helpOf(found.command, found.path, ctx))
}

interface Loaded {
  result: Result<LoadedKubeconfig, CommandOutput>
}

async function loadFor(globals: KubectlGlobals, ctx: CommandContext): Promise<Loaded> {
  const home = ctx.env.get('HOME') ?? HOME
  const env = ctx.env.get('KUBECONFIG')
  const loaded = await loadKubeconfig(ctx.fs, {
    ...(globals.kubeconfig === undefined ? {} : { explicit: globals.kubeconfig }),
    ...(env === undefined ? {} : { envValue: env }),
    home,
    resolve: (p) => ctx.resolve(p),
  })
  return { result: loaded.ok ? ok(loaded.value) : err(fail(`error: ${loaded.error.message}\n`)) }
}

/** Builds the context a command runs in: kubeconfig, namespace, the way to its cluster. */
export async function kubectlContext(
  world: World,
  ctx: CommandContext,
  globals: KubectlGlobals,
  commandPath: string,
  help: () => string,
): Promise<KubectlContext> {
  const { result } = await loadFor(globals, ctx)
  const config: Kubeconfig = result.ok ? result.value.config : emptyKubeconfig()
  const target = resolveTarget(config, globals)
  return {
    world,
    shell: ctx,
    globals,
    namespace: target.namespace,
    namespaceExplicit: target.namespaceExplicit,
    commandPath,
    help,
    connect: () => (result.ok ? connectTo(world.kube, target) : result),
    kubeconfig: {
      load: () => result,
      save: async (next) => {
        const path = result.ok ? result.value.writePath : undefined
        if (path === undefined) return result.ok ? ok(undefined) : result
        const written = await writeKubeconfig(ctx.fs, path, next)
        return written.ok ? ok(undefined) : err(fail(`error: ${written.error.message}\n`))
      },
    },
  }
}

async function run(
  world: World,
  args: readonly string[],
  ctx: CommandContext,
): Promise<CommandOutput> {
  const found = find(args)
  const { command, path } = found
  const flags = mergedFlags(command)
  const parsed = flags.parse(found.args)
  const warnings = parsed.warnings.join('')
  if (!parsed.ok) {
    if (parsed.error.code === 'help-requested')
      return command === undefined ? print(rootHelp()) : print(helpOf(command, path, ctx))
    const own = command?.flagError?.(parsed.error.message)
    if (own !== undefined) return { ...own, stderr: warnings + own.stderr }
    return fail(warnings + kubectlFlagError(parsed.error, path))
  }
  const values = parsed.values as Record<string, unknown>
  if (values['help'] === true)
    return command === undefined ? print(rootHelp()) : print(helpOf(command, path, ctx))
  if (command === undefined) {
    const first = parsed.args[0]
    if (first === undefined) return print(rootHelp())
    if (first === 'help') return helpCommand(parsed.args.slice(1), ctx)
    if (REAL_COMMANDS.includes(first)) return fail(notSimulated(first))
    return fail(unknownCommand(first, 'kubectl', REAL_COMMANDS))
  }
  const globals = globalsFrom(values, parsed.changed)
  const kctx = await kubectlContext(world, ctx, globals, path, () => helpOf(command, path, ctx))
  const result = await command.run(
    {
      values: parsed.values,
      args: parsed.args,
      changed: parsed.changed,
      argsLenAtDash: parsed.argsLenAtDash,
    },
    kctx,
  )
  return warnings === '' ? result : { ...result, stderr: warnings + result.stderr }
}

/** `kubectl …` (the shell's entry point). */
export function kubectlShellCommand(world: World): ShellCommand {
  return {
    name: 'kubectl',
    summary: 'the Kubernetes command-line client, talking to Quai’s simulated clusters',
    run: (args, ctx) => run(world, args, ctx),
    complete: (request) => completeKubectl(world, request),
  }
}
