/**
 * `kubectl set image (TYPE NAME | TYPE/NAME) CONTAINER=IMAGE …`: the containers' images in a pod
 * spec or pod template (`*` for all of them), sent as a strategic merge patch.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { kubectlCommand } from './command'
import { aggregate } from './label'
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
  selectorFlag,
} from './write-kit'
import { dataFormat, printIn, type DataFormat } from './write-output'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Where a kind keeps its pod spec, as a path of keys. */
export function podSpecPath(kind: string): string[] | undefined {
  switch (kind) {
    case 'Pod':
      return ['spec']
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
    case 'ReplicationController':
      return ['spec', 'template', 'spec']
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec']
  }
  return undefined
}

export function podSpecOf(object: KubeObject): Obj | undefined {
  const path = podSpecPath(object.kind)
  if (path === undefined) return undefined
  let at: unknown = object
  for (const key of path) at = isObj(at) ? at[key] : undefined
  return isObj(at) ? at : undefined
}

/** `{spec: {template: {spec: inner}}}` for a kind: the patch around a pod-spec fragment. */
export function wrapPodSpec(kind: string, inner: Obj): Obj {
  const path = podSpecPath(kind) ?? ['spec']
  let out: Obj = inner
  for (const key of [...path].reverse()) out = { [key]: out }
  return out
}

export const setImage = kubectlCommand({
  path: 'kubectl set image',
  use: '(-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  short: 'Update the image of a pod template',
  long: `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  example: `  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
  kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1
  
  # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
  kubectl set image deployments,rc nginx=nginx:1.9.1 --all
  
  # Update image of all containers of daemonset abc to 'nginx:1.9.1'
  kubectl set image daemonset abc *=nginx:1.9.1
  
  # Print result (in yaml format) of updating nginx container image from local file, without hitting the server
  kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...printFlags(),
        {
          name: 'all',
          type: 'bool',
          usage: 'Select all resources, in the namespace of the specified resource types',
        },
        dryRunFlag,
        fieldManagerFlag('kubectl-set'),
        filenameFlag(
          'Filename, directory, or URL to files identifying the resource to get from a server.',
        ),
        kustomizeFlag(
          "Process the kustomization directory. This flag can't be used together with -f or -R.",
        ),
        {
          name: 'local',
          type: 'bool',
          usage: 'If true, set image will NOT contact api-server but run locally.',
        },
        recursiveFlag,
        selectorFlag(),
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const resources = args.filter((a) => !a.includes('='))
    const updates = args.filter((a) => a.includes('='))
    if (updates.length === 0) return errorLine('at least one image update is required')
    const images = new Map<string, string>()
    for (const u of updates) {
      const eq = u.indexOf('=')
      images.set(u.slice(0, eq), u.slice(eq + 1))
    }
    const dry = dryRunStrategy(values['dry-run'], ctx.shell.clock.now())
    if (!dry.ok) return dry.output
    let format: DataFormat | undefined
    if (values.output !== '' || values.template !== '') {
      const parsed = await dataFormat({ output: values.output, template: values.template }, ctx)
      if (!parsed.ok) return parsed.output
      format = parsed.format
    }
    const targets = await resolveTargets(resources, values, ctx)
    if (!targets.ok) return targets.output
    let stdout = ''
    const errors: string[] = []
    for (const { type: t, object } of targets.found) {
      const spec = podSpecOf(object)
      if (spec === undefined) {
        errors.push(
          `error: ${t.resource}/${object.metadata.name} the object is not a pod or does not have a pod template: *v1.${t.kind}`,
        )
        continue
      }
      const containers = [
        ...(Array.isArray(spec['initContainers']) ? spec['initContainers'].filter(isObj) : []),
        ...(Array.isArray(spec['containers']) ? spec['containers'].filter(isObj) : []),
      ]
      const initNames = new Set(
        (Array.isArray(spec['initContainers']) ? spec['initContainers'].filter(isObj) : []).map(
          (c) => String(c['name']),
        ),
      )
      const changedMain: Obj[] = []
      const changedInit: Obj[] = []
      let missing: string | undefined
      for (const [name, image] of images) {
        const matching = name === '*' ? containers : containers.filter((c) => c['name'] === name)
        if (matching.length === 0) {
          missing = name
          continue
        }
        for (const c of matching) {
          if (c['image'] === image) continue
          const entry = { name: c['name'], image }
          if (initNames.has(String(c['name']))) changedInit.push(entry)
          else changedMain.push(entry)
        }
      }
      if (missing !== undefined) {
        errors.push(`unable to find container named "${missing}"`)
        continue
      }
      if (changedMain.length === 0 && changedInit.length === 0) continue
      let result = object
      if (dry.value !== 'client') {
        const inner: Obj = {
          ...(changedMain.length > 0 ? { containers: changedMain } : {}),
          ...(changedInit.length > 0 ? { initContainers: changedInit } : {}),
        }
        const r = targets.cluster.api.patch(
          t,
          object.metadata.namespace ?? '',
          object.metadata.name,
          'strategic',
          wrapPodSpec(t.kind, inner),
          { dryRun: dry.value === 'server', fieldManager: values['field-manager'] },
        )
        if (!r.ok) {
          errors.push(r.error.status.message)
          continue
        }
        result = r.value
      }
      stdout +=
        format !== undefined
          ? printIn(format, [result]).stdout
          : operationLine(t, object.metadata.name, 'image updated', dry.value)
    }
    const stderr = targets.stderr + aggregate(errors)
    return { stdout, stderr: dry.warning + stderr, exitCode: stderr === '' ? 0 : 1 }
  },
})
