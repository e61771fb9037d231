/**
 * Tab completion for `docker compose` (and `docker-compose`): subcommands, their flags, the
 * services of the project in the working directory (when its file can be read; those a profile
 * disables too, as compose's completeServiceNames lists them) and `--profile` values.
 */
import type { CompletionRequest } from '../../shell/command'
import type { World } from '../../world'
import { COMMANDS, findCommand } from './commands'
import { GLOBAL_FLAGS } from './help'
import { loadProject } from '../load'

/** Global flags that take a value: the word after them is not the subcommand. */
const VALUE_FLAGS = new Set([
  '-f',
  '--file',
  '-p',
  '--project-name',
  '--profile',
  '--env-file',
  '--project-directory',
  '--ansi',
  '--progress',
  '--parallel',
])

function firstCommandWord(words: readonly string[]): number {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? ''
    if (VALUE_FLAGS.has(w)) i++
    else if (!w.startsWith('-')) return i
  }
  return -1
}

/** `words`: the words after `compose` (or `docker-compose`), the last one being completed. */
export function completeCompose(
  world: World,
  words: readonly string[],
  request: CompletionRequest,
): Promise<string[] | undefined> | string[] | undefined {
  void world
  const current = words[words.length - 1] ?? ''
  const before = words.slice(0, -1)
  if (before[before.length - 1] === '--profile') return completeProfiles(before, current, request)
  const commandIndex = firstCommandWord(before)
  if (commandIndex < 0) {
    if (current.startsWith('-'))
      return GLOBAL_FLAGS()
        .visibleFlags()
        .map((f) => `--${f.name}`)
        .filter((f) => f.startsWith(current))
    return COMMANDS.filter((c) => !c.hidden)
      .map((c) => c.name)
      .filter((n) => n.startsWith(current))
      .sort()
  }
  const command = findCommand(before[commandIndex] ?? '')
  if (!command) return []
  if (current.startsWith('-'))
    return command
      .flags()
      .visibleFlags()
      .map((f) => `--${f.name}`)
      .filter((f) => f.startsWith(current))
  if (!SERVICE_ARGS.has(command.name)) return undefined
  return projectNames(before.slice(0, commandIndex), request).then((names) =>
    names?.services.filter((n) => n.startsWith(current)),
  )
}

/** Subcommands whose arguments are service names (compose's completeServiceNames). */
const SERVICE_ARGS = new Set([
  'build',
  'create',
  'down',
  'events',
  'exec',
  'images',
  'kill',
  'logs',
  'pause',
  'port',
  'ps',
  'pull',
  'push',
  'restart',
  'rm',
  'run',
  'start',
  'stop',
  'top',
  'unpause',
  'up',
  'wait',
])

/**
 * The services (enabled and disabled by profiles) and profiles of the project the global flags
 * typed so far name, or the one in the working directory; undefined when it cannot be loaded.
 */
async function projectNames(
  globalWords: readonly string[],
  request: CompletionRequest,
): Promise<{ services: string[]; profiles: string[] } | undefined> {
  const parsed = GLOBAL_FLAGS().parse(globalWords)
  const v = parsed.ok ? parsed.values : undefined
  const loaded = await loadProject(
    {
      cwd: request.cwd,
      files: v?.file ?? [],
      ...(v !== undefined && v['project-name'] !== '' ? { projectName: v['project-name'] } : {}),
      envFiles: v?.['env-file'] ?? [],
      profiles: v?.profile ?? [],
    },
    request.fs,
    new Map(),
  )
  if (!loaded.ok) return undefined
  const project = loaded.value
  const all = [...Object.values(project.services), ...Object.values(project.disabledServices)]
  return {
    services: [...Object.keys(project.services), ...Object.keys(project.disabledServices)],
    profiles: [...new Set(all.flatMap((s) => s.profiles))].sort(),
  }
}

/** `--profile <TAB>`: the profiles the project's services declare. */
export async function completeProfiles(
  globalWords: readonly string[],
  current: string,
  request: CompletionRequest,
): Promise<string[] | undefined> {
  const names = await projectNames(globalWords, request)
  return names?.profiles.filter((p) => p.startsWith(current))
}
