import type { KubectlCommand } from './command'
import { apply } from './apply'
import { create } from './create'
import { deleteCommand } from './delete'

/** Commands that change the cluster: apply, create, run, expose, scale, delete, rollout, logs, exec… */
export const WRITE_COMMANDS: readonly KubectlCommand[] = [apply, create, deleteCommand]
