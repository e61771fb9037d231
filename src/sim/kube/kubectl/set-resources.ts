/**
 * `kubectl set resources (TYPE NAME | TYPE/NAME) --limits=cpu=200m,memory=512Mi --requests=…`:
 * the compute resources of the selected containers of a pod spec or pod template.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { kubectlCommand } from './command'
import { aggregate } from './label'
import { editableCopy, selectContainers } from './set-env'
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

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/

/** `cpu=100m,memory=256Mi` as a resource list, or kubectl's parse failure. */
function resourceList(
  text: string,
): { ok: true; value: Record<string, string> } | { ok: false; error: string } {
  const value: Record<string, string> = {}
  if (text === '') return { ok: true, value }
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=')
    if (eq < 0 || pair.indexOf('=', eq + 1) >= 0)
      return { ok: false, error: `Invalid argument syntax ${pair}, expected <resource>=<value>` }
    const quantity = pair.slice(eq + 1)
    if (!QUANTITY.test(quantity))
      return {
        ok: false,
        error: `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      }
    value[pair.slice(0, eq)] = quantity
  }
  return { ok: true, value }
}

/** A resource list with the given entries set, keys sorted as Go marshals a map. */
function merged(current: unknown, update: Record<string, string>): Record<string, string> {
  const all = { ...(isObj(current) ? current : {}), ...update } as Record<string, string>
  return Object.fromEntries(
    Object.keys(all)
      .sort()
      .map((k) => [k, all[k] ?? '']),
  )
}

export const setResources = kubectlCommand({
  path: 'kubectl set resources',
  use: '(-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS]',
  short: 'Update resource requests/limits on objects with pod templates',
  long: `Specify compute resource requirements (CPU, memory) for any resource that defines a pod template.  If a pod is successfully scheduled, it is guaranteed the amount of resource requested, but may burst up to its specified limits.

 For each compute resource, if a limit is specified and a request is omitted, the request will default to the limit.

 Possible resources include (case insensitive): Use "kubectl api-resources" for a complete list of supported resources..`,
  example: `  # Set a deployments nginx container cpu limits to "200m" and memory to "512Mi"
  kubectl set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi
  
  # Set the resource request and limits for all containers in nginx
  kubectl set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi
  
  # Remove the resource requests for resources on containers in nginx
  kubectl set resources deployment nginx --limits=cpu=0,memory=0 --requests=cpu=0,memory=0
  
  # Print the result (in yaml format) of updating nginx container limits from a local, without hitting the server
  kubectl set resources -f path/to/file.yaml --limits=cpu=200m,memory=512Mi --local -o yaml`,
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
        {
          name: 'containers',
          shorthand: 'c',
          type: 'string',
          default: '*',
          usage:
            'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards',
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
          name: 'limits',
          type: 'string',
          usage:
            "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.",
        },
        {
          name: 'local',
          type: 'bool',
          usage: 'If true, set resources will NOT contact api-server but run locally.',
        },
        recursiveFlag,
        {
          name: 'requests',
          type: 'string',
          usage:
            "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.",
        },
        selectorFlag(),
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const dry = dryRunStrategy(values['dry-run'], ctx.shell.clock.now())
    if (!dry.ok) return dry.output
    if (values.all && values.selector !== '')
      return errorLine('cannot set --all and --selector at the same time')
    if (values.limits === '' && values.requests === '')
      return errorLine(
        'you must specify an update to requests or limits (in the form of --requests/--limits)',
      )
    const limits = resourceList(values.limits)
    if (!limits.ok) return errorLine(limits.error)
    const requests = resourceList(values.requests)
    if (!requests.ok) return errorLine(requests.error)
    let format: DataFormat | undefined
    if (values.output !== '' || values.template !== '') {
      const parsed = await dataFormat({ output: values.output, template: values.template }, ctx)
      if (!parsed.ok) return parsed.output
      format = parsed.format
    }
    const targets = await resolveTargets(args, values, ctx)
    if (!targets.ok) return targets.output
    let stdout = ''
    const errors: string[] = []
    for (const { type: t, object } of targets.found) {
      const editable = editableCopy(object)
      if (editable === undefined) {
        errors.push(
          `${t.resource}/${object.metadata.name} the object is not a pod or does not have a pod template: *v1.${t.kind}`,
        )
        continue
      }
      const containers = selectContainers(editable.spec, values.containers)
      if (containers.length === 0) {
        errors.push(`unable to find container named ${values.containers}`)
        continue
      }
      for (const c of containers) {
        const current = isObj(c['resources']) ? c['resources'] : {}
        const next: Obj = { ...current }
        if (Object.keys(limits.value).length > 0)
          next['limits'] = merged(current['limits'], limits.value)
        if (Object.keys(requests.value).length > 0)
          next['requests'] = merged(current['requests'], requests.value)
        c['resources'] = next
      }
      // An unchanged object sends no patch and prints nothing, as kubectl.
      if (JSON.stringify(editable.copy) === JSON.stringify(object)) continue
      let result = editable.copy
      if (dry.value !== 'client') {
        const r = targets.cluster.api.update(t, editable.copy, {
          dryRun: dry.value === 'server',
          fieldManager: values['field-manager'],
        })
        if (!r.ok) {
          errors.push(`failed to patch resources update to pod template ${r.error.status.message}`)
          continue
        }
        result = r.value
      }
      stdout +=
        format !== undefined
          ? printIn(format, [result]).stdout
          : operationLine(t, object.metadata.name, 'resource requirements updated', dry.value)
    }
    const stderr = targets.stderr + aggregate(errors)
    return {
      stdout,
      stderr: dry.warning + stderr,
      exitCode: errors.length > 0 || targets.stderr !== '' ? 1 : 0,
    }
  },
})
