import type { KubectlCommand } from './command'

/** Commands that read and inspect: get, describe, explain, api-resources, config, version… */
export const READ_COMMANDS: readonly KubectlCommand[] = []
