import type { KubectlCommand } from './command'
import { READ_COMMANDS } from './tree-read'
import { WRITE_COMMANDS } from './tree-write'

/** Every top-level kubectl command, by name and alias. */
export const KUBECTL_COMMANDS: readonly KubectlCommand[] = [...READ_COMMANDS, ...WRITE_COMMANDS]
