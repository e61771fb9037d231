/** Every `docker compose` subcommand Quai runs, as `docker compose --help` lists them. */
import type { ComposeCommand } from './command'
import { cp, exec, images, port, top, wait } from './container-commands'
import { down } from './down'
import { events } from './events'
import { build, create, pull, push } from './image-commands'
import { kill, pause, restart, rm, start, stop, unpause } from './lifecycle'
import { logs } from './logs'
import { ls } from './ls'
import { ps } from './ps'
import { run } from './run'
import { up } from './up'
import { version } from './version'

export const COMMANDS: readonly ComposeCommand[] = [
  build,
  cp,
  create,
  down,
  events,
  exec,
  images,
  kill,
  logs,
  ls,
  pause,
  port,
  ps,
  pull,
  push,
  restart,
  rm,
  run,
  start,
  stop,
  top,
  unpause,
  up,
  version,
  wait,
]

export function findCommand(name: string): ComposeCommand | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases?.includes(name))
}
