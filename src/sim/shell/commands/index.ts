import type { ShellCommand } from '../command'
import { clear } from './clear'
import { help } from './help'
import { history } from './history'
import { hostname } from './hostname'
import { whoami } from './whoami'

/** The shell commands Quai provides itself, over the interpreter's own. */
export const builtinCommands: readonly ShellCommand[] = [clear, help, history, hostname, whoami]
