import type { CommandContext, CommandOutput, ShellCommand } from '../../shell/command'
import type { World } from '../../world'

/**
 * `docker compose ARGS` (docker.ts hands the words after `compose` here) and the v1 spelling
 * `docker-compose ARGS`. Entry point; the compose helper replaces this body.
 */
export function runCompose(
  args: readonly string[],
  world: World,
  ctx: CommandContext,
): Promise<CommandOutput> {
  void args
  void world
  void ctx
  return Promise.resolve({ stdout: '', stderr: 'docker compose: not yet available\n', exitCode: 1 })
}

export function dockerComposeV1Command(world: World): ShellCommand {
  return {
    name: 'docker-compose',
    summary: 'Docker Compose (the v1 spelling of `docker compose`)',
    run: (args, ctx) => runCompose(args, world, ctx),
  }
}
