/**
 * `kubectl autoscale (TYPE NAME | TYPE/NAME) [--min=N] --max=N [--cpu-percent=P]`: a
 * HorizontalPodAutoscaler targeting a scalable workload. kubectl 1.32 builds an autoscaling/v1
 * object (what `--dry-run=client` prints); the server stores it as autoscaling/v2, the version
 * Quai serves, converting targetCPUUtilizationPercentage into a cpu Utilization metric as the real
 * API server's conversion does.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { servedType, type ResourceType } from '../api/resources'
import { kubectlCommand } from './command'
import { resolveTargets } from './write-targets'
import {
  dryRunFlag,
  dryRunStrategy,
  errorLine,
  fieldManagerFlag,
  filenameFlag,
  kustomizeFlag,
  operationLine,
  printFlags,
  recursiveFlag,
  requiredFlagMissing,
  saveConfigFlag,
  serverError,
} from './write-kit'
import { dataFormat, printIn, type DataFormat } from './write-output'

/** Types with a scale subresource. */
const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers'])

const groupVersionOf = (t: ResourceType): string =>
  t.group === '' ? t.version : `${t.group}/${t.version}`

interface Limits {
  min: number
  max: number
  cpuPercent: number
}

/** The autoscaling/v1 object kubectl 1.32 generates, fields in Go struct order. */
function v1Autoscaler(name: string, t: ResourceType, target: string, l: Limits): KubeObject {
  return {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v1',
    metadata: { name, creationTimestamp: null } as unknown as KubeObject['metadata'],
    spec: {
      scaleTargetRef: { kind: t.kind, name: target, apiVersion: groupVersionOf(t) },
      ...(l.min > 0 ? { minReplicas: l.min } : {}),
      maxReplicas: l.max,
      ...(l.cpuPercent >= 0 ? { targetCPUUtilizationPercentage: l.cpuPercent } : {}),
    },
    status: { currentReplicas: 0, desiredReplicas: 0 },
  }
}

/** The same autoscaler as the server stores it (autoscaling/v2). */
function v2Autoscaler(
  name: string,
  namespace: string,
  t: ResourceType,
  target: string,
  l: Limits,
): KubeObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, namespace },
    spec: {
      scaleTargetRef: { apiVersion: groupVersionOf(t), kind: t.kind, name: target },
      ...(l.min > 0 ? { minReplicas: l.min } : {}),
      maxReplicas: l.max,
      ...(l.cpuPercent >= 0
        ? {
            metrics: [
              {
                type: 'Resource',
                resource: {
                  name: 'cpu',
                  target: { type: 'Utilization', averageUtilization: l.cpuPercent },
                },
              },
            ],
          }
        : {}),
    },
  }
}

export const autoscale = kubectlCommand({
  path: 'kubectl autoscale',
  use: '(-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU]',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  long: `Creates an autoscaler that automatically chooses and sets the number of pods that run in a Kubernetes cluster.

 Looks up a deployment, replica set, stateful set, or replication controller by name and creates an autoscaler that uses the given resource as a reference. An autoscaler can automatically increase or decrease number of pods deployed within the system as needed.`,
  example: `  # Auto scale a deployment "foo", with the number of pods between 2 and 10, no target CPU utilization specified so a default autoscaling policy will be used
  kubectl autoscale deployment foo --min=2 --max=10
  
  # Auto scale a replication controller "foo", with the number of pods between 1 and 5, target CPU utilization at 80%
  kubectl autoscale rc foo --max=5 --cpu-percent=80`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...printFlags(),
        {
          name: 'cpu-percent',
          type: 'int',
          default: -1,
          usage:
            "The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used.",
        },
        dryRunFlag,
        fieldManagerFlag('kubectl-autoscale'),
        filenameFlag('Filename, directory, or URL to files identifying the resource to autoscale.'),
        kustomizeFlag(
          "Process the kustomization directory. This flag can't be used together with -f or -R.",
        ),
        {
          name: 'max',
          type: 'int',
          default: -1,
          usage:
            'The upper limit for the number of pods that can be set by the autoscaler. Required.',
        },
        {
          name: 'min',
          type: 'int',
          default: -1,
          usage:
            "The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value.",
        },
        {
          name: 'name',
          type: 'string',
          usage:
            'The name for the newly created object. If not specified, the name of the input resource will be used.',
        },
        recursiveFlag,
        saveConfigFlag,
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args, changed }, ctx): Promise<CommandOutput> {
    if (!changed.includes('max')) return requiredFlagMissing(ctx.shell.clock.now(), 'max')
    const dry = dryRunStrategy(values['dry-run'], ctx.shell.clock.now())
    if (!dry.ok) return dry.output
    const limits: Limits = { min: values.min, max: values.max, cpuPercent: values['cpu-percent'] }
    if (limits.max < 1)
      return errorLine(`--max=MAXPODS is required and must be at least 1, max: ${limits.max}`)
    if (limits.max < limits.min)
      return errorLine(
        `--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${limits.max}, min: ${limits.min}`,
      )
    let format: DataFormat | undefined
    if (values.output !== '' || values.template !== '') {
      const parsed = await dataFormat({ output: values.output, template: values.template }, ctx)
      if (!parsed.ok) return parsed.output
      format = parsed.format
    }
    const targets = await resolveTargets(args, values, ctx)
    if (!targets.ok) return targets.output
    // kubectl stops at the first failure: a missing name ends the command.
    const first = targets.missing[0]
    if (first !== undefined) return serverError(first.error)
    const hpaType = servedType('HorizontalPodAutoscaler')
    let stdout = ''
    for (const { type: t, object } of targets.found) {
      if (!SCALABLE.has(t.resource))
        return errorLine(
          `cannot autoscale a ${t.kind}: could not find scale subresource for ${t.group}/${t.version}, Resource=${t.resource} in discovery information`,
        )
      const target = object.metadata.name
      const name = values.name !== '' ? values.name : target
      if (dry.value === 'client') {
        const hpa = v1Autoscaler(name, t, target, limits)
        stdout +=
          format !== undefined
            ? printIn(format, [hpa]).stdout
            : operationLine(hpaType, name, 'created', dry.value)
        continue
      }
      const namespace = object.metadata.namespace ?? ctx.namespace
      const created = targets.cluster.api.create(
        hpaType,
        v2Autoscaler(name, namespace, t, target, limits),
        { dryRun: dry.value === 'server', fieldManager: values['field-manager'] },
      )
      if (!created.ok) return serverError(created.error, stdout)
      stdout +=
        format !== undefined
          ? printIn(format, [created.value]).stdout
          : operationLine(hpaType, name, 'autoscaled', dry.value)
    }
    if (stdout === '') return errorLine('no objects passed to autoscale')
    return { stdout, stderr: dry.warning, exitCode: 0 }
  },
})
