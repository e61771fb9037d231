import type { KubectlCommand } from './command'

/** Commands that change the cluster: apply, create, run, expose, scale, delete, rollout, logs, exec… */
export const WRITE_COMMANDS: readonly KubectlCommand[] = []
