/**
 * `kubectl rollout status (TYPE NAME | TYPE/NAME)`: kubectl's status viewers for deployments,
 * daemon sets and stateful sets, printed each time the object changes while it waits on the
 * virtual clock (`--watch=false` prints once; `--timeout` gives up).
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { kubectlCommand } from './command'
import { OutputStreams } from './output/streams'
import { resolveTargets } from './write-targets'
import { errorLine, filenameFlag, kustomizeFlag, recursiveFlag, selectorFlag } from './write-kit'

type Obj = Record<string, unknown>
const num = (o: Obj, k: string): number => (typeof o[k] === 'number' ? (o[k] as number) : 0)

export type StatusView = { text: string; done: boolean } | { error: string }

/** DeploymentStatusViewer / DaemonSetStatusViewer / StatefulSetStatusViewer. */
export function rolloutStatus(o: KubeObject): StatusView {
  const spec = (o['spec'] ?? {}) as Obj
  const status = (o['status'] ?? {}) as Obj
  const name = o.metadata.name
  const generation = o.metadata.generation ?? 0
  const observed = num(status, 'observedGeneration')
  switch (o.kind) {
    case 'Deployment': {
      if (generation > observed)
        return { text: 'Waiting for deployment spec update to be observed...\n', done: false }
      const conditions = Array.isArray(status['conditions']) ? (status['conditions'] as Obj[]) : []
      const progressing = conditions.find((c) => c['type'] === 'Progressing')
      if (progressing?.['reason'] === 'ProgressDeadlineExceeded')
        return { error: `deployment "${name}" exceeded its progress deadline` }
      const replicas = typeof spec['replicas'] === 'number' ? spec['replicas'] : 1
      const updated = num(status, 'updatedReplicas')
      if (updated < replicas)
        return {
          text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`,
          done: false,
        }
      const total = num(status, 'replicas')
      if (total > updated)
        return {
          text: `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...\n`,
          done: false,
        }
      const available = num(status, 'availableReplicas')
      if (available < updated)
        return {
          text: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`,
          done: false,
        }
      return { text: `deployment "${name}" successfully rolled out\n`, done: true }
    }
    case 'DaemonSet': {
      const strategy = (spec['updateStrategy'] ?? {}) as Obj
      if (strategy['type'] === 'OnDelete')
        return { error: `rollout status is only available for RollingUpdate strategy type` }
      if (generation > observed)
        return { text: 'Waiting for daemon set spec update to be observed...\n', done: false }
      const desired = num(status, 'desiredNumberScheduled')
      const updated = num(status, 'updatedNumberScheduled')
      if (updated < desired)
        return {
          text: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`,
          done: false,
        }
      const available = num(status, 'numberAvailable')
      if (available < desired)
        return {
          text: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...\n`,
          done: false,
        }
      return { text: `daemon set "${name}" successfully rolled out\n`, done: true }
    }
    case 'StatefulSet': {
      if (observed === 0 || generation > observed)
        return { text: 'Waiting for statefulset spec update to be observed...\n', done: false }
      const replicas = typeof spec['replicas'] === 'number' ? spec['replicas'] : 1
      const ready = num(status, 'readyReplicas')
      if (ready < replicas)
        return { text: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false }
      const updateRevision = String(status['updateRevision'] ?? '')
      const currentRevision = String(status['currentRevision'] ?? '')
      if (updateRevision !== currentRevision)
        return {
          text: `Waiting for statefulset rolling update to complete ${num(status, 'updatedReplicas')} pods at revision ${updateRevision}...\n`,
          done: false,
        }
      return {
        text: `statefulset rolling update complete ${num(status, 'currentReplicas')} pods at revision ${currentRevision}...\n`,
        done: true,
      }
    }
  }
  return { error: `no status viewer has been implemented for ${o.kind}` }
}

export const rolloutStatusCommand = kubectlCommand({
  path: 'kubectl rollout status',
  use: '(TYPE NAME | TYPE/NAME) [flags]',
  short: 'Show the status of the rollout',
  long: `Show the status of the rollout.

 By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.`,
  example: `  # Watch the rollout status of a deployment
  kubectl rollout status deployment/nginx`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        filenameFlag(
          'Filename, directory, or URL to files identifying the resource to get from a server.',
        ),
        kustomizeFlag(
          "Process the kustomization directory. This flag can't be used together with -f or -R.",
        ),
        recursiveFlag,
        {
          name: 'revision',
          type: 'int64',
          usage:
            'Pin to a specific revision for showing its status. Defaults to 0 (last revision).',
        },
        selectorFlag(),
        {
          name: 'timeout',
          type: 'duration',
          usage:
            'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).',
        },
        {
          name: 'watch',
          shorthand: 'w',
          type: 'bool',
          default: true,
          usage: "Watch the status of the rollout until it's done.",
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const targets = await resolveTargets(args, values, ctx)
    if (!targets.ok) return targets.output
    if (targets.stderr !== '') return { stdout: '', stderr: targets.stderr, exitCode: 1 }
    const target = targets.found[0]
    if (target === undefined) return errorLine('no objects passed to rollout status')
    const streams = new OutputStreams(ctx.shell.tty)
    const api = targets.cluster.api
    const ns = target.object.metadata.namespace ?? ''
    const name = target.object.metadata.name
    const deadline = values.timeout > 0 ? ctx.shell.clock.now() + values.timeout / 1e6 : Infinity
    let last = ''
    const startedAt = ctx.shell.clock.now()
    for (;;) {
      const live = api.get(target.type, ns, name)
      if (!live.ok) {
        streams.err(
          `Error from server (${live.error.status.reason}): ${live.error.status.message}\n`,
        )
        return streams.result(1)
      }
      const view = rolloutStatus(live.value)
      if ('error' in view) {
        streams.err(`error: ${view.error}\n`)
        return streams.result(1)
      }
      if (view.text !== last) streams.out(view.text)
      last = view.text
      if (view.done || !values.watch) return streams.result(0)
      if (ctx.shell.signal.aborted) return streams.result(130)
      const now = ctx.shell.clock.now()
      if (now >= deadline) {
        streams.err('error: timed out waiting for the condition\n')
        return streams.result(1)
      }
      const due = ctx.shell.clock.nextDueAt()
      let step: number
      if (ctx.shell.tty !== undefined) step = 100
      else if (due === undefined || due - startedAt > 24 * 3600 * 1000) {
        // Nothing will ever change on the clock: the rollout cannot progress.
        streams.err('error: timed out waiting for the condition\n')
        return streams.result(1)
      } else step = Math.max(due - now, 1)
      streams.goLive()
      if (!(await ctx.shell.sleep(Math.min(step, Math.max(deadline - now, 1)))))
        return streams.result(130)
    }
  },
})
