/**
 * `kubectl scale --replicas=N (TYPE NAME | TYPE/NAME | -f FILE | -l label | --all)`: a merge
 * patch of the scale subresource (spec.replicas) for deployments, replica sets, stateful sets and
 * replication controllers; `--current-replicas` as a precondition.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { kubectlCommand } from './command'
import { aggregate } from './label'
import { resolveTargets } from './write-targets'
import {
  dryRunFlag,
  dryRunStrategy,
  errorLine,
  filenameFlag,
  kustomizeFlag,
  operationLine,
  printFlags,
  recursiveFlag,
  requiredFlagMissing,
  selectorFlag,
  waitUntil,
} from './write-kit'
import { dataFormat, printIn, type DataFormat } from './write-output'

const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers'])

export const scale = kubectlCommand({
  path: 'kubectl scale',
  use: '[--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  long: `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.`,
  example: `  # Scale a replica set named 'foo' to 3
  kubectl scale --replicas=3 rs/foo
  
  # Scale a resource identified by type and name specified in "foo.yaml" to 3
  kubectl scale --replicas=3 -f foo.yaml
  
  # If the deployment named mysql's current size is 2, scale mysql to 3
  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql
  
  # Scale multiple replication controllers
  kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3
  
  # Scale stateful set named 'web' to 3
  kubectl scale --replicas=3 statefulset/web`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...printFlags(),
        {
          name: 'all',
          type: 'bool',
          usage: 'Select all resources in the namespace of the specified resource types',
        },
        {
          name: 'current-replicas',
          type: 'int',
          default: -1,
          usage:
            'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.',
        },
        dryRunFlag,
        filenameFlag(
          'Filename, directory, or URL to files identifying the resource to set a new size',
        ),
        kustomizeFlag(
          "Process the kustomization directory. This flag can't be used together with -f or -R.",
        ),
        recursiveFlag,
        { name: 'replicas', type: 'int', usage: 'The new desired number of replicas. Required.' },
        {
          name: 'resource-version',
          type: 'string',
          usage:
            'Precondition for resource version. Requires that the current resource version match this value in order to scale.',
        },
        selectorFlag(),
        {
          name: 'timeout',
          type: 'duration',
          usage:
            "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).",
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args, changed }, ctx): Promise<CommandOutput> {
    if (!changed.includes('replicas')) return requiredFlagMissing(ctx.shell.clock.now(), 'replicas')
    const dry = dryRunStrategy(values['dry-run'], ctx.shell.clock.now())
    if (!dry.ok) return dry.output
    if (values.replicas < 0)
      return errorLine(
        'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
      )
    let format: DataFormat | undefined
    if (values.output !== '' || values.template !== '') {
      const parsed = await dataFormat({ output: values.output, template: values.template }, ctx)
      if (!parsed.ok) return parsed.output
      format = parsed.format
    }
    const targets = await resolveTargets(args, values, ctx)
    if (!targets.ok) return targets.output
    if (targets.found.length === 0 && targets.missing.length > 0)
      return errorLine(
        `no objects passed to scale ${targets.missing.map((m) => m.error.status.message).join(', ')}`,
      )
    let stdout = ''
    const errors: string[] = []
    const printed = []
    const settled: (() => boolean)[] = []
    for (const { type: t, object } of targets.found) {
      if (!SCALABLE.has(t.resource)) {
        errors.push('the server could not find the requested resource')
        continue
      }
      const spec = (object['spec'] ?? {}) as { replicas?: number }
      const currentReplicas = spec.replicas ?? 1
      if (values['current-replicas'] >= 0 && values['current-replicas'] !== currentReplicas) {
        errors.push(`Expected replicas to be ${values['current-replicas']}, was ${currentReplicas}`)
        continue
      }
      if (
        values['resource-version'] !== '' &&
        values['resource-version'] !== object.metadata.resourceVersion
      ) {
        errors.push(
          `Operation cannot be fulfilled on ${t.group === '' ? t.resource : `${t.resource}.${t.group}`} "${object.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
        )
        continue
      }
      let result = object
      if (dry.value !== 'client') {
        const r = targets.cluster.api.patch(
          t,
          object.metadata.namespace ?? '',
          object.metadata.name,
          'merge',
          { spec: { replicas: values.replicas } },
          { dryRun: dry.value === 'server' },
        )
        if (!r.ok) {
          errors.push(r.error.status.message)
          continue
        }
        result = r.value
        const api = targets.cluster.api
        const ns = object.metadata.namespace ?? ''
        const name = object.metadata.name
        settled.push(() => {
          const live = api.get(t, ns, name)
          if (!live.ok) return true
          const status = (live.value['status'] ?? {}) as { replicas?: number }
          return (status.replicas ?? 0) === values.replicas
        })
      }
      if (format !== undefined) printed.push(result)
      else stdout += operationLine(t, object.metadata.name, 'scaled', dry.value)
    }
    if (format !== undefined && printed.length > 0) stdout += printIn(format, printed).stdout
    // --timeout waits for status.replicas to reach the new size.
    if (values.timeout > 0 && settled.length > 0)
      await waitUntil(ctx.shell, () => settled.every((s) => s()), values.timeout / 1e6)
    const stderr = targets.stderr + aggregate(errors)
    return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 }
  },
})
