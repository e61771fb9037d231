/**
 * `kubectl rollout history` (the REVISION / CHANGE-CAUSE table, or one revision's template) and
 * `kubectl rollout undo [--to-revision=N]` (the revision's pod template copied back into the
 * deployment, as kubectl's DeploymentRollbacker does).
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import { tabwrite, type TabwriterOptions } from '../../cli-kit/tabwriter'
import type { CommandOutput } from '../../shell/command'
import { kubectlCommand } from './command'
import { CHANGE_CAUSE, revisionsOf, templateWithoutHash } from './rollout-kit'
import { resolveTargets } from './write-targets'
import {
  dryRunFlag,
  dryRunStrategy,
  errorLine,
  filenameFlag,
  kustomizeFlag,
  objectRef,
  operationLine,
  printFlags,
  recursiveFlag,
  selectorFlag,
} from './write-kit'
import { goYaml } from './output/yaml'

/** history.go's tabbedString: `tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)`. */
const HISTORY_TABWRITER: TabwriterOptions = { minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ' }

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

export const rolloutHistory = kubectlCommand({
  path: 'kubectl rollout history',
  use: '(TYPE NAME | TYPE/NAME) [flags]',
  short: 'View rollout history',
  long: 'View previous rollout revisions and configurations.',
  example: `  # View the rollout history of a deployment
  kubectl rollout history deployment/abc
  
  # View the details of daemonset revision 3
  kubectl rollout history daemonset/abc --revision=3`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...printFlags(),
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
          usage: 'See the details, including podTemplate of the revision specified',
        },
        selectorFlag(),
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const targets = await resolveTargets(args, values, ctx)
    if (!targets.ok) return targets.output
    let stdout = ''
    let stderr = targets.stderr
    for (const { type: t, object } of targets.found) {
      if (t.kind !== 'Deployment') {
        stderr += `error: no history viewer has been implemented for ${t.kind.toLowerCase()}\n`
        continue
      }
      const revisions = revisionsOf(targets.cluster, object)
      if (values.revision > 0) {
        const found = revisions.find((r) => r.revision === values.revision)
        if (found === undefined) {
          stderr += `error: unable to find the specified revision\n`
          continue
        }
        const template = templateWithoutHash(found.rs)
        stdout += `${objectRef(t, object.metadata.name)} with revision #${values.revision}\nPod Template:\n`
        stdout += goYaml(template)
          .split('\n')
          .map((l) => (l === '' ? l : `  ${l}`))
          .join('\n')
        continue
      }
      let table = 'REVISION\tCHANGE-CAUSE\n'
      for (const r of revisions)
        table += `${r.revision}\t${r.rs.metadata.annotations?.[CHANGE_CAUSE] ?? '<none>'}\n`
      stdout += `${objectRef(t, object.metadata.name)} \n${tabwrite(table, HISTORY_TABWRITER)}\n`
    }
    return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 }
  },
})

export const rolloutUndo = kubectlCommand({
  path: 'kubectl rollout undo',
  use: '(TYPE NAME | TYPE/NAME) [flags]',
  short: 'Undo a previous rollout',
  long: 'Roll back to a previous rollout.',
  example: `  # Roll back to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Roll back to daemonset revision 3
  kubectl rollout undo daemonset/abc --to-revision=3
  
  # Roll back to the previous deployment with dry-run
  kubectl rollout undo --dry-run=server deployment/abc`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...printFlags(),
        dryRunFlag,
        filenameFlag(
          'Filename, directory, or URL to files identifying the resource to get from a server.',
        ),
        kustomizeFlag(
          "Process the kustomization directory. This flag can't be used together with -f or -R.",
        ),
        recursiveFlag,
        selectorFlag(),
        {
          name: 'to-revision',
          type: 'int64',
          usage: 'The revision to rollback to. Default to 0 (last revision).',
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const dry = dryRunStrategy(values['dry-run'], ctx.shell.clock.now())
    if (!dry.ok) return dry.output
    const targets = await resolveTargets(args, values, ctx)
    if (!targets.ok) return targets.output
    let stdout = ''
    let stderr = dry.warning + targets.stderr
    for (const { type: t, object } of targets.found) {
      if (t.kind !== 'Deployment') {
        stderr += `error: no rollbacker has been implemented for ${t.kind.toLowerCase()}\n`
        continue
      }
      const spec = (object['spec'] ?? {}) as { paused?: boolean; template?: unknown }
      if (spec.paused === true) {
        stderr += `error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n`
        continue
      }
      const revisions = revisionsOf(targets.cluster, object)
      const wanted = values['to-revision']
      let target
      if (wanted > 0) {
        target = revisions.find((r) => r.revision === wanted)
        if (target === undefined) {
          stderr += `error: unable to find specified revision ${wanted} in history\n`
          continue
        }
      } else {
        target = revisions.length >= 2 ? revisions[revisions.length - 2] : undefined
        if (target === undefined) {
          stderr += `error: no rollout history found for deployment "${object.metadata.name}"\n`
          continue
        }
      }
      const template = templateWithoutHash(target.rs)
      if (sameJson(template, spec.template)) {
        stdout += `${objectRef(t, object.metadata.name)} skipped rollback (current template already matches revision ${target.revision})\n`
        continue
      }
      if (dry.value !== 'client') {
        const r = targets.cluster.api.patch(
          t,
          object.metadata.namespace ?? '',
          object.metadata.name,
          'json',
          [{ op: 'replace', path: '/spec/template', value: template }],
          { dryRun: dry.value === 'server' },
        )
        if (!r.ok) {
          stderr += `error: ${r.error.status.message}\n`
          continue
        }
      }
      stdout += operationLine(t, object.metadata.name, 'rolled back', dry.value)
    }
    if (targets.found.length === 0 && stderr === dry.warning)
      return errorLine('no objects passed to rollback')
    return { stdout, stderr, exitCode: stderr.includes('rror') ? 1 : 0 }
  },
})
