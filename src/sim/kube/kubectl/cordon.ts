/**
 * `kubectl cordon NODE…` / `kubectl uncordon NODE…` (and the first step of `drain`): sets
 * `spec.unschedulable` on each node through a patch, printing `node/NAME cordoned` or `already
 * cordoned` when there was nothing to change.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import { kubectlCommand, type KubectlContext } from './command'
import {
  dryRunFlag,
  dryRunStrategy,
  dryRunSuffix,
  fail,
  selectorFlag,
  serverErrorText,
  type DryRun,
} from './write-kit'

export const NODES = servedType('Node')

/** The nodes named (or selected), and the NotFound lines for the names that do not exist. */
export function findNodes(
  ctx: KubectlContext,
  names: readonly string[],
  selector: string,
):
  | { ok: true; cluster: KubeCluster; nodes: KubeObject[]; stderr: string }
  | { ok: false; output: CommandOutput } {
  const connected = ctx.connect()
  if (!connected.ok) return { ok: false, output: connected.error }
  const cluster = connected.value
  const nodes: KubeObject[] = []
  let stderr = ''
  if (selector !== '') {
    const listed = cluster.api.list(NODES, { labelSelector: selector })
    if (!listed.ok) return { ok: false, output: fail(`error: ${listed.error.status.message}\n`) }
    nodes.push(...listed.value.items)
  }
  for (const name of names) {
    const got = cluster.api.get(NODES, '', name)
    if (got.ok) nodes.push(got.value)
    else stderr += serverErrorText(got.error)
  }
  return { ok: true, cluster, nodes, stderr }
}

const isUnschedulable = (node: KubeObject): boolean =>
  (node['spec'] as { unschedulable?: boolean } | undefined)?.unschedulable === true

/** Cordons (`desired`) or uncordons each node; what kubectl prints for each. */
export function cordonNodes(
  cluster: KubeCluster,
  nodes: readonly KubeObject[],
  desired: boolean,
  dryRun: DryRun,
): CommandOutput {
  const verb = desired ? 'cordon' : 'uncordon'
  let stdout = ''
  let stderr = ''
  for (const node of nodes) {
    const name = node.metadata.name
    if (isUnschedulable(node) === desired) {
      stdout += `node/${name} already ${verb}ed${dryRunSuffix(dryRun)}\n`
      continue
    }
    if (dryRun !== 'client') {
      const patched = cluster.api.patch(
        NODES,
        '',
        name,
        'strategic',
        { spec: { unschedulable: desired ? true : null } },
        { dryRun: dryRun === 'server' },
      )
      if (!patched.ok) {
        stderr += `error: unable to ${verb} node "${name}": ${patched.error.status.message}\n`
        continue
      }
    }
    stdout += `node/${name} ${verb}ed${dryRunSuffix(dryRun)}\n`
  }
  return { stdout, stderr, exitCode: 0 }
}

const FLAGS = () =>
  new FlagSet([dryRunFlag, selectorFlag()] as const, { normalizeName: wordSepNormalize })

function cordonCommand(desired: boolean) {
  const verb = desired ? 'cordon' : 'uncordon'
  return kubectlCommand({
    path: `kubectl ${verb}`,
    use: 'NODE',
    short: `Mark node as ${desired ? 'unschedulable' : 'schedulable'}`,
    long: `Mark node as ${desired ? 'unschedulable' : 'schedulable'}.`,
    example: `  # Mark node "foo" as ${desired ? 'unschedulable' : 'schedulable'}
  kubectl ${verb} foo`,
    args: { kind: 'any' },
    flags: FLAGS,
    run({ values, args }, ctx): CommandOutput {
      const dry = dryRunStrategy(values['dry-run'], ctx.shell.clock.now())
      if (!dry.ok) return dry.output
      if (args.length === 0 && values.selector === '')
        return fail(
          `error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples\n`,
        )
      const found = findNodes(ctx, args, values.selector)
      if (!found.ok) return found.output
      if (found.stderr !== '') return fail(dry.warning + found.stderr)
      const result = cordonNodes(found.cluster, found.nodes, desired, dry.value)
      return { ...result, stderr: dry.warning + result.stderr }
    },
  })
}

export const cordon = cordonCommand(true)
export const uncordon = cordonCommand(false)
