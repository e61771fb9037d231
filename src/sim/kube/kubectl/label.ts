/**
 * `kubectl label` (and, through `metadataCommand`, `kubectl annotate`): KEY=VALUE and KEY- updates
 * on the objects named, sent as a merge patch of metadata.labels/annotations; `--overwrite`,
 * `--list`, `--all`, `-l`, `--resource-version`, `--dry-run`, `-o`.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { kubectlCommand, type KubectlContext } from './command'
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

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/

/** kubectl prints one aggregated error with `error: `, several one per line without it. */
export function aggregate(errors: readonly string[]): string {
  if (errors.length === 0) return ''
  if (errors.length === 1) return `error: ${errors[0] ?? ''}\n`
  return errors.map((e) => `${e}\n`).join('')
}

export interface MetadataVerb {
  field: 'labels' | 'annotations'
  /** `labeled`, `annotated` */
  done: string
  /** `not labeled` when nothing changed (annotate always says `annotated`). */
  unchanged: string
  /** `unlabeled` when only removals changed something. */
  removed: string
  /** `label`, `annotation` */
  noun: string
}

const LABEL: MetadataVerb = {
  field: 'labels',
  done: 'labeled',
  unchanged: 'not labeled',
  removed: 'unlabeled',
  noun: 'label',
}

/** Splits positional arguments into resource words and KEY=VALUE / KEY- updates. */
export function splitUpdates(args: readonly string[]): { resources: string[]; updates: string[] } {
  const resources: string[] = []
  const updates: string[] = []
  for (const a of args) {
    if (a.includes('=') || a.endsWith('-')) updates.push(a)
    else resources.push(a)
  }
  return { resources, updates }
}

export async function runMetadataVerb(
  verb: MetadataVerb,
  values: {
    overwrite: boolean
    list: boolean
    all: boolean
    'all-namespaces': boolean
    selector: string
    'field-selector': string
    filename: string[]
    recursive: boolean
    'dry-run': string
    'resource-version': string
    output: string
    template: string
    'show-managed-fields': boolean
    'allow-missing-template-keys': boolean
    'field-manager': string
  },
  args: readonly string[],
  ctx: KubectlContext,
): Promise<CommandOutput> {
  const dry = dryRunStrategy(values['dry-run'], ctx.shell.clock.now())
  if (!dry.ok) return dry.output
  const warning = dry.warning
  const { resources, updates } = splitUpdates(args)
  if (resources.length === 0 && values.filename.length === 0)
    return errorLine(
      verb.field === 'labels'
        ? 'one or more resources must be specified as <resource> <name> or <resource>/<name>'
        : 'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    )
  if (updates.length === 0 && !values.list)
    return errorLine(`at least one ${verb.noun} update is required`)
  const add = new Map<string, string>()
  const remove: string[] = []
  for (const u of updates) {
    if (u.includes('=')) {
      const eq = u.indexOf('=')
      const key = u.slice(0, eq)
      const value = u.slice(eq + 1)
      if (verb.field === 'labels' && !LABEL_VALUE.test(value))
        return errorLine(
          `invalid label value: "${u}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
        )
      add.set(key, value)
    } else remove.push(u.slice(0, -1))
  }
  for (const key of remove)
    if (add.has(key))
      return errorLine(
        `can not both modify and remove ${verb.noun === 'label' ? 'a label' : 'an annotation'} in the same command`,
      )
  let format: DataFormat | undefined
  if (values.output !== '' || values.template !== '') {
    const parsed = await dataFormat({ output: values.output, template: values.template }, ctx)
    if (!parsed.ok) return parsed.output
    format = parsed.format
  }
  const targets = await resolveTargets(resources, values, ctx, {
    emptyMessage:
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
  })
  if (!targets.ok) return { ...targets.output, stderr: warning + targets.output.stderr }
  let stdout = ''
  let stderr = warning
  const errors: string[] = []
  const printed = []
  for (const { type: t, object } of targets.found) {
    const current = (object.metadata[verb.field] ?? {}) as Record<string, string>
    if (values.list) {
      for (const key of Object.keys(current).sort()) stdout += `${key}=${current[key] ?? ''}\n`
      continue
    }
    if (!values.overwrite) {
      const clashes = [...add.entries()]
        .filter(([k, v]) => k in current && current[k] !== v)
        .map(([k]) => `'${k}' already has a value (${current[k] ?? ''})`)
      if (clashes.length > 0) {
        errors.push(
          verb.field === 'labels'
            ? `${clashes[0] ?? ''}, and --overwrite is false`
            : `--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}`,
        )
        continue
      }
    }
    const patch: Record<string, string | null> = {}
    let removedSomething = false
    for (const key of remove) {
      if (key in current) {
        patch[key] = null
        removedSomething = true
      } else if (verb.field === 'labels') stdout += `${verb.noun} "${key}" not found.\n`
    }
    let changedSomething = false
    for (const [k, v] of add)
      if (current[k] !== v) {
        patch[k] = v
        changedSomething = true
      }
    const name = object.metadata.name
    const metadataPatch: Record<string, unknown> = { [verb.field]: patch }
    if (values['resource-version'] !== '')
      metadataPatch['resourceVersion'] = values['resource-version']
    let result = object
    if (Object.keys(patch).length > 0 && dry.value !== 'client') {
      const r = targets.cluster.api.patch(
        t,
        object.metadata.namespace ?? '',
        name,
        'merge',
        { metadata: metadataPatch },
        { dryRun: dry.value === 'server', fieldManager: values['field-manager'] },
      )
      if (!r.ok) {
        errors.push(r.error.status.message)
        continue
      }
      result = r.value
    }
    if (format !== undefined) {
      printed.push(result)
      continue
    }
    const message =
      verb.field === 'annotations'
        ? verb.done
        : changedSomething
          ? verb.done
          : removedSomething
            ? verb.removed
            : verb.unchanged
    stdout += operationLine(t, name, message, dry.value)
  }
  if (format !== undefined && printed.length > 0) {
    const p = printIn(format, printed, {
      showManagedFields: values['show-managed-fields'],
      allowMissingTemplateKeys: values['allow-missing-template-keys'],
    })
    stdout += p.stdout
    stderr += p.stderr
  }
  stderr += targets.stderr + aggregate(errors)
  return { stdout, stderr, exitCode: targets.stderr !== '' || errors.length > 0 ? 1 : 0 }
}

/** The flags label and annotate share (their usage texts differ in the noun only). */
export function metadataFlags(noun: 'label' | 'annotation', plural: 'labels' | 'annotations') {
  return [
    ...printFlags(),
    {
      name: 'all',
      type: 'bool',
      usage: 'Select all resources, in the namespace of the specified resource types',
    },
    {
      name: 'all-namespaces',
      shorthand: 'A',
      type: 'bool',
      usage: 'If true, check the specified action in all namespaces.',
    },
    dryRunFlag,
    fieldManagerFlag(`kubectl-${noun === 'label' ? 'label' : 'annotate'}`),
    {
      name: 'field-selector',
      type: 'string',
      usage:
        "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    },
    filenameFlag(
      `Filename, directory, or URL to files identifying the resource to update the ${plural}`,
    ),
    kustomizeFlag(
      "Process the kustomization directory. This flag can't be used together with -f or -R.",
    ),
    {
      name: 'list',
      type: 'bool',
      usage: `If true, display the ${plural} for a given resource.`,
    },
    {
      name: 'local',
      type: 'bool',
      usage: `If true, ${noun} will NOT contact api-server but run locally.`,
    },
    {
      name: 'overwrite',
      type: 'bool',
      usage: `If true, allow ${plural} to be overwritten, otherwise reject ${noun} updates that overwrite existing ${plural}.`,
    },
    recursiveFlag,
    {
      name: 'resource-version',
      type: 'string',
      usage:
        'If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.',
    },
    selectorFlag(
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
    ),
  ] as const
}

export const label = kubectlCommand({
  path: 'kubectl label',
  use: '[--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  short: 'Update the labels on a resource',
  long: `Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.
  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.`,
  example: `  # Update pod 'foo' with the label 'unhealthy' and the value 'true'
  kubectl label pods foo unhealthy=true
  
  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
  kubectl label --overwrite pods foo status=unhealthy
  
  # Update all pods in the namespace
  kubectl label pods --all status=unhealthy
  
  # Update a pod identified by the type and name in "pod.json"
  kubectl label -f pod.json status=unhealthy
  
  # Update pod 'foo' only if the resource is unchanged from version 1
  kubectl label pods foo status=unhealthy --resource-version=1
  
  # Update pod 'foo' by removing a label named 'bar' if it exists
  # Does not require the --overwrite flag
  kubectl label pods foo bar-`,
  args: { kind: 'any' },
  flags: () => new FlagSet(metadataFlags('label', 'labels'), { normalizeName: wordSepNormalize }),
  run: ({ values, args }, ctx) => runMetadataVerb(LABEL, values, args, ctx),
})
