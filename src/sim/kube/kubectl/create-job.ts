/** `kubectl create job NAME --image=… [-- COMMAND]` or `--from=cronjob/NAME`, and `create cronjob`. */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import { kubectlCommand } from './command'
import { createAndPrint, generatorFlags, nameFromArgs } from './create-generator'
import { errorLine, requiredFlagMissing, serverError } from './write-kit'

const meta = (fields: Record<string, unknown>): KubeObject['metadata'] =>
  fields as unknown as KubeObject['metadata']

/** The pod template both generators build: one container named after the object. */
function podTemplate(name: string, image: string, command: readonly string[], restart: string) {
  return {
    metadata: { creationTimestamp: null },
    spec: {
      containers: [
        {
          name,
          image,
          ...(command.length > 0 ? { command: [...command] } : {}),
          resources: {},
        },
      ],
      restartPolicy: restart,
    },
  }
}

export const createJob = kubectlCommand({
  path: 'kubectl create job',
  use: 'NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]',
  short: 'Create a job with the specified name',
  long: 'Create a job with the specified name.',
  example: `  # Create a job
  kubectl create job my-job --image=busybox
  
  # Create a job with a command
  kubectl create job my-job --image=busybox -- date
  
  # Create a job from a cron job named "a-cronjob"
  kubectl create job test-job --from=cronjob/a-cronjob`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...generatorFlags(),
        {
          name: 'from',
          type: 'string',
          usage: 'The name of the resource to create a Job from (only cronjob is supported).',
        },
        { name: 'image', type: 'string', usage: 'Image name to run.' },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  run({ values, args, argsLenAtDash }, ctx) {
    const named = nameFromArgs(args, argsLenAtDash, 'kubectl create job')
    if (!named.ok) return named.output
    const command = args.slice(1)
    if (values.image === '' && values.from === '')
      return errorLine('either --image or --from must be specified')
    if (values.image !== '' && values.from !== '')
      return errorLine('--image and --from are mutually exclusive')
    if (values.from !== '' && command.length > 0)
      return errorLine('cannot specify --from and command')
    const namespace = ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}
    if (values.image !== '') {
      const object: KubeObject = {
        kind: 'Job',
        apiVersion: 'batch/v1',
        metadata: meta({ name: named.name, ...namespace, creationTimestamp: null }),
        spec: { template: podTemplate(named.name, values.image, command, 'Never') },
        status: {},
      }
      return createAndPrint(object, values, ctx, 'job')
    }
    const [kind = '', source = ''] = values.from.split('/')
    if (
      !['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch'].includes(
        kind.toLowerCase(),
      ) ||
      source === ''
    )
      return errorLine(`from must be an existing cronjob: ${values.from}`)
    const connected = ctx.connect()
    if (!connected.ok) return connected.error
    const found = connected.value.api.get(servedType('CronJob'), ctx.namespace, source)
    if (!found.ok) return serverError(found.error)
    const cron = found.value
    const template = ((cron['spec'] as Record<string, unknown> | undefined)?.['jobTemplate'] ??
      {}) as {
      metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }
      spec?: unknown
    }
    const object: KubeObject = {
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: meta({
        name: named.name,
        ...namespace,
        creationTimestamp: null,
        ...(template.metadata?.labels ? { labels: template.metadata.labels } : {}),
        annotations: {
          ...(template.metadata?.annotations ?? {}),
          'cronjob.kubernetes.io/instantiate': 'manual',
        },
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'CronJob',
            name: cron.metadata.name,
            uid: cron.metadata.uid,
            controller: true,
          },
        ],
      }),
      spec: template.spec ?? {},
      status: {},
    }
    return createAndPrint(object, values, ctx, 'job')
  },
})

export const createCronJob = kubectlCommand({
  path: 'kubectl create cronjob',
  use: "NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]",
  aliases: ['cj'],
  short: 'Create a cron job with the specified name',
  long: 'Create a cron job with the specified name.',
  example: `  # Create a cron job
  kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *"
  
  # Create a cron job with a command
  kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...generatorFlags(),
        { name: 'image', type: 'string', usage: 'Image name to run.' },
        {
          name: 'restart',
          type: 'string',
          usage: "job's restart policy. supported values: OnFailure, Never",
        },
        {
          name: 'schedule',
          type: 'string',
          usage: 'A schedule in the Cron format the job should be run with.',
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  run({ values, args, argsLenAtDash, changed }, ctx) {
    const missing = ['image', 'schedule'].filter((f) => !changed.includes(f))
    if (missing.length > 0) return requiredFlagMissing(ctx.shell.clock.now(), ...missing)
    const named = nameFromArgs(args, argsLenAtDash, 'kubectl create cronjob')
    if (!named.ok) return named.output
    const restart = values.restart === '' ? 'OnFailure' : values.restart
    if (restart !== 'OnFailure' && restart !== 'Never')
      return errorLine(`invalid restart policy: ${restart}`)
    const object: KubeObject = {
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: meta({
        name: named.name,
        ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}),
        creationTimestamp: null,
      }),
      spec: {
        schedule: values.schedule,
        jobTemplate: {
          metadata: { name: named.name, creationTimestamp: null },
          spec: { template: podTemplate(named.name, values.image, args.slice(1), restart) },
        },
      },
      status: {},
    }
    return createAndPrint(object, values, ctx, 'cronjob')
  },
})
