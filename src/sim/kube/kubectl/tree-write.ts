import type { KubectlCommand } from './command'
import { annotate } from './annotate'
import { apply } from './apply'
import { create } from './create'
import { deleteCommand } from './delete'
import { expose } from './expose'
import { label } from './label'
import { logs } from './logs'
import { rollout } from './rollout'
import { run } from './run'
import { scale } from './scale'
import { set } from './set'

/** Commands that change the cluster: apply, create, run, expose, scale, delete, rollout, logs, exec… */
export const WRITE_COMMANDS: readonly KubectlCommand[] = [
  annotate,
  apply,
  create,
  deleteCommand,
  expose,
  label,
  logs,
  rollout,
  run,
  scale,
  set,
]
