/**
 * Tab completion for `docker`, after docker/cli's cobra completions (cli/command/completion):
 * command and subcommand names, the current command's flags, and the daemon's objects where a
 * command takes them — running containers for `stop`/`exec`/`logs -f`…, image tags for `run`,
 * `rmi`, `tag`, `history`, network and volume names.
 */
import { completeCompose } from '../../compose/cli/completion'
import type { CompletionRequest } from '../../shell/command'
import type { World } from '../../world'
import type { DockerCommand } from './command'
import { GROUPS, TOP_LEVEL } from './tree'

type Candidates = string[] | undefined

/** Global options that take a value (`docker -H unix:///… ps`). */
const GLOBAL_WITH_VALUE = new Set([
  '--config',
  '-c',
  '--context',
  '-H',
  '--host',
  '-l',
  '--log-level',
  '--tlscacert',
  '--tlscert',
  '--tlskey',
])
const GLOBAL_FLAGS = [
  '--config',
  '--context',
  '--debug',
  '--help',
  '--host',
  '--log-level',
  '--tls',
  '--tlscacert',
  '--tlscert',
  '--tlskey',
  '--tlsverify',
  '--version',
]

type Objects =
  'containers' | 'running' | 'paused' | 'stopped' | 'images' | 'networks' | 'volumes' | 'any-object'

/** What each command's positional arguments are, by the command's canonical path. */
const POSITIONALS: Readonly<Record<string, readonly Objects[] | Objects>> = {
  'docker container run': ['images'],
  'docker container create': ['images'],
  'docker container exec': ['running'],
  'docker container attach': 'running',
  'docker container stop': 'running',
  'docker container kill': 'running',
  'docker container pause': 'running',
  'docker container top': ['running'],
  'docker container stats': 'running',
  'docker container port': ['running'],
  'docker container unpause': 'paused',
  'docker container start': 'stopped',
  'docker container restart': 'containers',
  'docker container rm': 'containers',
  'docker container logs': ['containers'],
  'docker container inspect': 'containers',
  'docker container rename': ['containers'],
  'docker container commit': ['containers'],
  'docker container diff': ['containers'],
  'docker container export': ['containers'],
  'docker container wait': 'containers',
  'docker container update': 'containers',
  'docker image rm': 'images',
  'docker image tag': ['images', 'images'],
  'docker image history': ['images'],
  'docker image inspect': 'images',
  'docker image push': ['images'],
  'docker image save': 'images',
  'docker image pull': ['images'],
  'docker network connect': ['networks', 'containers'],
  'docker network disconnect': ['networks', 'containers'],
  'docker network rm': 'networks',
  'docker network inspect': 'networks',
  'docker volume rm': 'volumes',
  'docker volume inspect': 'volumes',
  'docker inspect': 'any-object',
}

/** Flags whose value is one of the daemon's objects. */
const FLAG_VALUES: Readonly<Record<string, Objects>> = {
  network: 'networks',
  net: 'networks',
  'volumes-from': 'containers',
}

function objects(world: World, kind: Objects): string[] {
  const engine = world.docker
  const containers = engine.allContainers()
  switch (kind) {
    case 'containers':
      return containers.map((c) => c.name)
    case 'running':
      return containers
        .filter((c) => c.state.status === 'running' || c.state.status === 'restarting')
        .map((c) => c.name)
    case 'paused':
      return containers.filter((c) => c.state.status === 'paused').map((c) => c.name)
    case 'stopped':
      return containers
        .filter((c) => ['created', 'exited', 'dead'].includes(c.state.status))
        .map((c) => c.name)
    case 'images':
      return engine.images.all().flatMap((i) => engine.images.tagsOf(i.id))
    case 'networks':
      return engine.networks.all().map((n) => n.resource.Name)
    case 'volumes':
      return engine.volumes.all().map((v) => v.volume.Name)
    case 'any-object':
      return [
        ...objects(world, 'containers'),
        ...objects(world, 'images'),
        ...objects(world, 'networks'),
        ...objects(world, 'volumes'),
      ]
  }
}

const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort()

/** A group's subcommands by their own names (aliases such as `list` are left out, as cobra does). */
function subcommandNames(commands: ReadonlyMap<string, DockerCommand>): string[] {
  return [...commands].filter(([name, c]) => c.path.endsWith(` ${name}`)).map(([name]) => name)
}

/** The flags of a command as they complete: `--name`, and `-x` for a lone dash. */
function flagCandidates(command: DockerCommand, typed: string): string[] {
  const flags = command.flags().visibleFlags()
  const long = flags.map((f) => `--${f.name}`)
  const short =
    typed === '-' ? flags.filter((f) => f.shorthand !== '').map((f) => `-${f.shorthand}`) : []
  return sorted([...long, ...short, '--help'])
}

/** Whether `word` is a flag of the command that consumes the next word as its value. */
function takesValue(command: DockerCommand, word: string): string | undefined {
  if (!word.startsWith('-') || word.includes('=') || word === '-' || word === '--') return undefined
  const set = command.flags()
  const flag = word.startsWith('--')
    ? set.lookup(word.slice(2))
    : set.shorthandLookup(word.charAt(word.length - 1))
  if (flag === undefined || flag.noOptDefVal !== '') return undefined
  return flag.name
}

function completeCommand(
  world: World,
  command: DockerCommand,
  args: readonly string[],
  typed: string,
): Candidates {
  const previous = args[args.length - 1]
  const valueOf = previous === undefined ? undefined : takesValue(command, previous)
  if (valueOf !== undefined) {
    const kind = FLAG_VALUES[valueOf]
    return kind === undefined ? undefined : sorted(objects(world, kind))
  }
  if (typed.startsWith('-')) return flagCandidates(command, typed)
  const positionals: string[] = []
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? ''
    if (word === '--') {
      positionals.push(...args.slice(i + 1))
      break
    }
    if (word.startsWith('-') && word !== '-') {
      if (takesValue(command, word) !== undefined) i++
      continue
    }
    positionals.push(word)
  }
  const spec = POSITIONALS[command.path]
  if (spec === undefined) return command.args.kind === 'none' ? [] : undefined
  const kind = typeof spec === 'string' ? spec : spec[positionals.length]
  if (kind === undefined) return undefined
  return sorted(objects(world, kind))
}

/** The candidates for the last word of `docker …`; undefined lets the shell offer file names. */
export function completeDocker(
  world: World,
  request: CompletionRequest,
): Candidates | Promise<Candidates> {
  const words = request.words.slice(1)
  const typed = words[words.length - 1] ?? ''
  const before = words.slice(0, -1)
  let i = 0
  while (i < before.length && (before[i] ?? '').startsWith('-')) {
    if (GLOBAL_WITH_VALUE.has(before[i] ?? '')) i++
    i++
  }
  if (i > before.length) return undefined
  const name = before[i]
  if (name === undefined) {
    if (GLOBAL_WITH_VALUE.has(before[before.length - 1] ?? '')) return undefined
    if (typed.startsWith('-')) return GLOBAL_FLAGS
    return sorted([...TOP_LEVEL.keys(), ...GROUPS.map((g) => g.name)])
  }
  const rest = before.slice(i + 1)
  // The compose plugin completes its own words (subcommands, services, profiles).
  if (name === 'compose') return completeCompose(world, [...rest, typed], request)
  const top = TOP_LEVEL.get(name)
  if (top) return completeCommand(world, top, rest, typed)
  const group = GROUPS.find((g) => g.name === name)
  if (!group) return []
  const sub = rest[0]
  if (sub === undefined)
    return typed.startsWith('-') ? ['--help'] : sorted(subcommandNames(group.commands))
  const command = group.commands.get(sub)
  return command ? completeCommand(world, command, rest.slice(1), typed) : []
}
