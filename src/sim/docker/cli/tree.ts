import type { DockerCommand } from './command'
import { containerLs } from './ps'

/** A management command (`docker container`, `docker image`…) and its subcommands by name. */
export interface CommandGroup {
  readonly name: string
  readonly short: string
  readonly commands: ReadonlyMap<string, DockerCommand>
}

/**
 * Every docker command Quai knows, by the names that reach it. Subcommand files register here;
 * `docker ps` and `docker container ls` are one DockerCommand reached by two paths.
 */
export const GROUPS: CommandGroup[] = [
  {
    name: 'container',
    short: 'Manage containers',
    commands: new Map([
      ['ls', containerLs],
      ['list', containerLs],
      ['ps', containerLs],
    ]),
  },
]

/** Top-level shortcuts (`docker ps`, `docker run`…). */
export const TOP_LEVEL: ReadonlyMap<string, DockerCommand> = new Map([['ps', containerLs]])
