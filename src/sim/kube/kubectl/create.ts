/**
 * `kubectl create -f FILENAME` and the generators under it (`create deployment`, `create service
 * clusterip`…). From files, each object is POSTed as written (`error when creating "x.yaml": …`
 * when the server refuses), in file order.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { kubectlCommand, type KubectlCommand, type KubectlContext } from './command'
import { fieldValidation, readManifests, validationEnabled } from './apply-files'
import { sortKeys } from './apply-patch'
import { createConfigMap } from './create-configmap'
import { createDeployment } from './create-deployment'
import { compactJson, LAST_APPLIED } from './create-generator'
import { createIngress } from './create-ingress'
import { createCronJob, createJob } from './create-job'
import { createNamespace, createServiceAccount } from './create-namespace'
import { createSecret } from './create-secret'
import { createService } from './create-service'
import {
  dryRunFlag,
  dryRunStrategy,
  fieldManagerFlag,
  filenameFlag,
  kustomizeFlag,
  operationLine,
  printFlags,
  recursiveFlag,
  saveConfigFlag,
  selectorFlag,
  validateFlag,
} from './write-kit'
import { dataFormat, printIn, type DataFormat } from './write-output'
import { matches, parseSelector } from '../api/label-selector'

const GENERATORS: readonly KubectlCommand[] = [
  createConfigMap,
  createCronJob,
  createDeployment,
  createIngress,
  createJob,
  createNamespace,
  createSecret,
  createService,
  createServiceAccount,
]

/** --save-config on an object read from a file: its own JSON (keys sorted, as unstructured). */
function saveConfig(object: KubeObject): KubeObject {
  const annotations = { ...(object.metadata.annotations ?? {}) }
  delete annotations[LAST_APPLIED]
  const bare = { ...object, metadata: { ...object.metadata } }
  if (Object.keys(annotations).length > 0) bare.metadata.annotations = annotations
  else delete bare.metadata.annotations
  return {
    ...object,
    metadata: {
      ...object.metadata,
      annotations: { ...annotations, [LAST_APPLIED]: `${compactJson(sortKeys(bare))}\n` },
    },
  }
}

async function createFromFiles(
  values: {
    filename: string[]
    recursive: boolean
    kustomize: string
    'dry-run': string
    'field-manager': string
    'save-config': boolean
    validate: string
    selector: string
    output: string
    template: string
    'show-managed-fields': boolean
    'allow-missing-template-keys': boolean
    raw: string
    edit: boolean
  },
  ctx: KubectlContext,
): Promise<CommandOutput> {
  const dry = dryRunStrategy(values['dry-run'], ctx.shell.clock.now())
  if (!dry.ok) return dry.output
  let stderr = dry.warning
  const fail = (text: string): CommandOutput => ({ stdout: '', stderr: stderr + text, exitCode: 1 })
  if (values.filename.length === 0 && values.kustomize === '')
    return fail(`error: must specify one of -f and -k\n`)
  if (values.kustomize !== '')
    return fail(`error: kustomize is not available in Quai's simulated kubectl\n`)
  if (!['strict', 'true', 'warn', 'ignore', 'false'].includes(values.validate.toLowerCase()))
    return fail(
      `error: invalid - validate option "${values.validate}"; must be one of: strict (or true), warn, ignore (or false)\n`,
    )
  let format: DataFormat | undefined
  if (values.output !== '' || values.template !== '') {
    const parsed = await dataFormat({ output: values.output, template: values.template }, ctx)
    if (!parsed.ok) return { ...parsed.output, stderr: stderr + parsed.output.stderr }
    format = parsed.format
  }
  const selector = values.selector === '' ? undefined : parseSelector(values.selector)
  if (selector !== undefined && !selector.ok) return fail(`error: ${selector.error}\n`)
  const read = await readManifests(ctx.shell, values.filename, {
    recursive: values.recursive,
    validate: validationEnabled(values.validate),
  })
  const connected = ctx.connect()
  if (!connected.ok) return { ...connected.error, stderr: stderr + connected.error.stderr }
  const api = connected.value.api
  let stdout = ''
  let errors = ''
  let count = 0
  const printed: KubeObject[] = []
  for (const entry of read.entries) {
    if (!entry.ok) {
      errors += `error: ${entry.error.message}\n`
      continue
    }
    const t = entry.type
    let object = entry.object
    if (selector?.ok && !matches(selector.value, object.metadata.labels)) continue
    count++
    if (t.namespaced) {
      const own = object.metadata.namespace
      if (own !== undefined && own !== '' && ctx.namespaceExplicit && own !== ctx.namespace) {
        errors += `the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.\n`
        continue
      }
      object = { ...object, metadata: { ...object.metadata, namespace: own || ctx.namespace } }
    }
    if (values['save-config']) object = saveConfig(object)
    let result = object
    if (dry.value !== 'client') {
      const created = api.create(t, object, {
        dryRun: dry.value === 'server',
        fieldManager: values['field-manager'],
        fieldValidation: fieldValidation(values.validate),
      })
      if (!created.ok) {
        stderr += `Error from server (${created.error.status.reason}): error when creating "${entry.file}": ${created.error.status.message}\n`
        continue
      }
      result = created.value
    }
    if (format === undefined) stdout += operationLine(t, result.metadata.name, 'created', dry.value)
    else printed.push(result)
  }
  if (format !== undefined && printed.length > 0) {
    const p = printIn(format, printed, {
      showManagedFields: values['show-managed-fields'],
      allowMissingTemplateKeys: values['allow-missing-template-keys'],
    })
    stdout += p.stdout
    stderr += p.stderr
  }
  if (read.fatal !== undefined) errors += `error: ${read.fatal}\n`
  else if (count === 0 && errors === '') errors += 'error: no objects passed to create\n'
  const failed = errors !== '' || stderr.includes('Error from server')
  return { stdout, stderr: stderr + errors, exitCode: failed ? 1 : 0 }
}

export const create = kubectlCommand({
  path: 'kubectl create',
  use: '-f FILENAME',
  short: 'Create a resource from a file or from stdin',
  long: `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.`,
  example: `  # Create a pod using the data in pod.json
  kubectl create -f ./pod.json
  
  # Create a pod based on the JSON passed into stdin
  cat pod.json | kubectl create -f -
  
  # Edit the data in registry.yaml in JSON then create the resource using the edited data
  kubectl create -f registry.yaml --edit -o json`,
  args: { kind: 'any' },
  subcommands: GENERATORS,
  flags: () =>
    new FlagSet(
      [
        ...printFlags(),
        dryRunFlag,
        { name: 'edit', type: 'bool', usage: 'Edit the API resource before creating' },
        fieldManagerFlag('kubectl-create'),
        filenameFlag('Filename, directory, or URL to files to use to create the resource'),
        kustomizeFlag(
          "Process the kustomization directory. This flag can't be used together with -f or -R.",
        ),
        {
          name: 'raw',
          type: 'string',
          usage:
            'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.',
        },
        recursiveFlag,
        saveConfigFlag,
        selectorFlag(),
        validateFlag,
        {
          name: 'windows-line-endings',
          type: 'bool',
          usage:
            'Only relevant if --edit=true. Defaults to the line ending native to your platform.',
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  run: ({ values, args }, ctx) => {
    if (args.length > 0)
      return {
        stdout: '',
        stderr: `error: Unexpected args: [${args.join(' ')}]\nSee 'kubectl create -h' for help and examples\n`,
        exitCode: 1,
      }
    return createFromFiles(values, ctx)
  },
})
