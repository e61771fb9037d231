/**
 * Tab completion for `docker compose` (and `docker-compose`): subcommands, their flags, and the
 * services of the project in the working directory (when its file can be read).
 */
import type { CompletionRequest } from '../../shell/command'
import type { World } from '../../world'
import { COMMANDS, findCommand } from './commands'
import { GLOBAL_FLAGS } from './help'

/** `words`: the words after `compose` (or `docker-compose`), the last one being completed. */
export function completeCompose(
  world: World,
  words: readonly string[],
  request: CompletionRequest,
): string[] | undefined {
  void world
  void request
  const current = words[words.length - 1] ?? ''
  const before = words.slice(0, -1)
  const commandIndex = before.findIndex((w) => !w.startsWith('-'))
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
  return undefined
}
