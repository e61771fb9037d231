/** `kubectl rollout SUBCOMMAND`: status, history, undo, restart, pause, resume. */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import { kubectlCommand } from './command'
import { subcommandParent } from './create-service'
import { rolloutPause, rolloutRestart, rolloutResume } from './rollout-actions'
import { rolloutHistory, rolloutUndo } from './rollout-history'
import { rolloutStatusCommand } from './rollout-status'

export const rollout = kubectlCommand({
  path: 'kubectl rollout',
  use: 'SUBCOMMAND',
  short: 'Manage the rollout of a resource',
  long: `Manage the rollout of one or many resources.
        
 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets`,
  example: `  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo
  
  # Restart a deployment
  kubectl rollout restart deployment/abc
  
  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx`,
  args: { kind: 'any' },
  subcommands: [
    rolloutHistory,
    rolloutPause,
    rolloutRestart,
    rolloutResume,
    rolloutStatusCommand,
    rolloutUndo,
  ],
  flags: () => new FlagSet([] as const, { normalizeName: wordSepNormalize }),
  run: ({ args }, ctx) => subcommandParent('kubectl rollout', ctx, args),
})
