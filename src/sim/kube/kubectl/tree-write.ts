import type { KubectlCommand } from './command'
import { annotate } from './annotate'
import { apply } from './apply'
import { attach } from './attach'
import { autoscale } from './autoscale'
import { cordon, uncordon } from './cordon'
import { cp } from './cp'
import { create } from './create'
import { deleteCommand } from './delete'
import { diff } from './diff'
import { drain } from './drain'
import { edit } from './edit'
import { exec } from './exec'
import { expose } from './expose'
import { label } from './label'
import { logs } from './logs'
import { patch } from './patch'
import { portForward } from './port-forward'
import { replace } from './replace'
import { rollout } from './rollout'
import { run } from './run'
import { scale } from './scale'
import { set } from './set'
import { taint } from './taint'
import { top } from './top'
import { wait } from './wait'

/** Commands that change the cluster: apply, create, run, expose, scale, delete, rollout, logs, exec… */
export const WRITE_COMMANDS: readonly KubectlCommand[] = [
  annotate,
  apply,
  attach,
  autoscale,
  cordon,
  cp,
  create,
  deleteCommand,
  diff,
  drain,
  edit,
  exec,
  expose,
  label,
  logs,
  patch,
  portForward,
  replace,
  rollout,
  run,
  scale,
  set,
  taint,
  top,
  uncordon,
  wait,
]
