/**
 * `kubectl rollout restart|pause|resume`: a patch of the pod template's restartedAt annotation or
 * of spec.paused, with kubectl's messages for the cases it refuses.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { qualifiedResource } from '../api/resources'
import { kubectlCommand, type KubectlContext } from './command'
import { resolveTargets } from './write-targets'
import {
  dryRunFlag,
  dryRunStrategy,
  fieldManagerFlag,
  filenameFlag,
  kustomizeFlag,
  operationLine,
  printFlags,
  recursiveFlag,
  selectorFlag,
} from './write-kit'
import { aggregate } from './label'

const rfc3339 = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')

type Action = 'restart' | 'pause' | 'resume'

const RESTARTABLE = new Set(['Deployment', 'DaemonSet', 'StatefulSet'])

async function runAction(
  action: Action,
  values: {
    filename: string[]
    recursive: boolean
    selector: string
    'dry-run'?: string
    'field-manager': string
  },
  args: readonly string[],
  ctx: KubectlContext,
): Promise<CommandOutput> {
  const dry = dryRunStrategy(values['dry-run'] ?? 'none', ctx.shell.clock.now())
  if (!dry.ok) return dry.output
  // `rollout restart deployment` (a type alone) restarts every deployment in the namespace.
  const targets = await resolveTargets(args, values, ctx, {
    typeAloneSelectsAll: action === 'restart',
  })
  if (!targets.ok) return targets.output
  let stdout = ''
  const errors: string[] = []
  for (const { type: t, object } of targets.found) {
    const name = object.metadata.name
    const spec = (object['spec'] ?? {}) as { paused?: boolean }
    const ref = `${qualifiedResource(t)} "${name}"`
    let patch: Record<string, unknown>
    let verb: string
    if (action === 'restart') {
      if (!RESTARTABLE.has(t.kind)) {
        errors.push(`${ref} restarting is not supported`)
        continue
      }
      if (spec.paused === true) {
        errors.push(`${ref} can't restart paused deployment (run rollout resume first)`)
        continue
      }
      patch = {
        spec: {
          template: {
            metadata: {
              annotations: { 'kubectl.kubernetes.io/restartedAt': rfc3339(ctx.shell.clock.now()) },
            },
          },
        },
      }
      verb = 'restarted'
    } else {
      if (t.kind !== 'Deployment') {
        errors.push(`${ref} ${action === 'pause' ? 'pausing' : 'resuming'} is not supported`)
        continue
      }
      const pausing = action === 'pause'
      if ((spec.paused === true) === pausing) {
        errors.push(`${ref} is ${pausing ? 'already paused' : 'not paused'}`)
        continue
      }
      patch = { spec: { paused: pausing ? true : null } }
      verb = pausing ? 'paused' : 'resumed'
    }
    if (dry.value !== 'client') {
      const r = targets.cluster.api.patch(
        t,
        object.metadata.namespace ?? '',
        name,
        'strategic',
        patch,
        {
          dryRun: dry.value === 'server',
          fieldManager: values['field-manager'],
        },
      )
      if (!r.ok) {
        errors.push(r.error.status.message)
        continue
      }
    }
    stdout += operationLine(t, name, verb, dry.value)
  }
  const stderr = dry.warning + targets.stderr + aggregate(errors)
  return { stdout, stderr, exitCode: errors.length > 0 || targets.stderr !== '' ? 1 : 0 }
}

const actionFlags = (withDryRun: boolean) =>
  [
    ...printFlags(),
    ...(withDryRun ? [dryRunFlag] : []),
    fieldManagerFlag('kubectl-rollout'),
    filenameFlag(
      'Filename, directory, or URL to files identifying the resource to get from a server.',
    ),
    kustomizeFlag(
      "Process the kustomization directory. This flag can't be used together with -f or -R.",
    ),
    recursiveFlag,
    selectorFlag(),
  ] as const

export const rolloutRestart = kubectlCommand({
  path: 'kubectl rollout restart',
  use: 'RESOURCE',
  short: 'Restart a resource',
  long: `Restart a resource.

        Resource rollout will be restarted.`,
  example: `  # Restart all deployments in the test-namespace namespace
  kubectl rollout restart deployment -n test-namespace
  
  # Restart a deployment
  kubectl rollout restart deployment/nginx
  
  # Restart a daemon set
  kubectl rollout restart daemonset/abc
  
  # Restart deployments with the app=nginx label
  kubectl rollout restart deployment --selector=app=nginx`,
  args: { kind: 'any' },
  flags: () => new FlagSet([...actionFlags(true)] as const, { normalizeName: wordSepNormalize }),
  run: ({ values, args }, ctx) => runAction('restart', values, args, ctx),
})

export const rolloutPause = kubectlCommand({
  path: 'kubectl rollout pause',
  use: 'RESOURCE',
  short: 'Mark the provided resource as paused',
  long: `Mark the provided resource as paused.

 Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.`,
  example: `  # Mark the nginx deployment as paused
  # Any current state of the deployment will continue its function; new updates
  # to the deployment will not have an effect as long as the deployment is paused
  kubectl rollout pause deployment/nginx`,
  args: { kind: 'any' },
  flags: () => new FlagSet([...actionFlags(false)] as const, { normalizeName: wordSepNormalize }),
  run: ({ values, args }, ctx) => runAction('pause', values, args, ctx),
})

export const rolloutResume = kubectlCommand({
  path: 'kubectl rollout resume',
  use: 'RESOURCE',
  short: 'Resume a paused resource',
  long: `Resume a paused resource.

 Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.`,
  example: `  # Resume an already paused deployment
  kubectl rollout resume deployment/nginx`,
  args: { kind: 'any' },
  flags: () => new FlagSet([...actionFlags(false)] as const, { normalizeName: wordSepNormalize }),
  run: ({ values, args }, ctx) => runAction('resume', values, args, ctx),
})
