/**
 * `kubectl apply -f FILE|DIR|-`: for each object, create it with its configuration saved in the
 * last-applied annotation, or patch the live one with the three-way strategic merge patch
 * client-side apply computes (`unchanged` when there is nothing to send). `--server-side` sends
 * the object as an apply patch instead. Objects go in file order; failures are reported after the
 * objects that went through, as kubectl's aggregated errors are.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { parseSelector, matches } from '../api/label-selector'
import type { KubeObject } from '../api/object'
import { groupVersion, type ResourceType } from '../api/resources'
import type { ApiError } from '../api/status'
import type { KubeCluster } from '../cluster'
import { kubectlCommand, type KubectlContext } from './command'
import { fieldValidation, readManifests, validationEnabled } from './apply-files'
import { sortKeys, threeWayPatch } from './apply-patch'
import { applyViewLastApplied } from './apply-view-last-applied'
import { compactJson, LAST_APPLIED } from './create-generator'
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
  validateFlag,
  type DryRun,
} from './write-kit'
import { dataFormat, printIn, type DataFormat } from './write-output'

type Obj = Record<string, unknown>

/** The configuration kubectl saves: the object as given, its own annotation removed, namespaced. */
export function lastAppliedOf(object: KubeObject, namespace: string | undefined): string {
  const annotations = { ...(object.metadata.annotations ?? {}) }
  delete annotations[LAST_APPLIED]
  const saved = {
    ...object,
    metadata: {
      ...object.metadata,
      annotations,
      ...(namespace === undefined ? {} : { namespace }),
    },
  }
  return `${compactJson(sortKeys(saved))}\n`
}

/** The object with its last-applied annotation, as apply sends it. */
function withAnnotation(object: KubeObject, namespace: string | undefined): KubeObject {
  const config = lastAppliedOf(object, namespace)
  return {
    ...object,
    metadata: {
      ...object.metadata,
      ...(namespace === undefined ? {} : { namespace }),
      annotations: { ...(object.metadata.annotations ?? {}), [LAST_APPLIED]: config },
    },
  }
}

const resourceName = (t: ResourceType): string => `${groupVersion(t)}, Resource=${t.resource}`

/** The long framing kubectl gives a failed apply patch. */
function patchFailure(
  e: ApiError,
  patch: Obj,
  live: KubeObject,
  t: ResourceType,
  source: string,
): string {
  const ns = live.metadata.namespace ?? ''
  return (
    `Error from server (${e.status.reason}): error when applying patch:\n${compactJson(sortKeys(patch))}\n` +
    `to:\nResource: "${resourceName(t)}", GroupVersionKind: "${groupVersion(t)}, Kind=${t.kind}"\n` +
    `Name: "${live.metadata.name}", Namespace: "${ns}"\n` +
    `for: "${source}": error when patching "${source}": ${e.status.message}\n`
  )
}

interface ApplyFlags {
  dryRun: DryRun
  serverSide: boolean
  forceConflicts: boolean
  fieldManager: string
  validation: 'Strict' | 'Warn' | 'Ignore'
}

interface Applied {
  stdout: string
  stderr: string
  object?: KubeObject
  failed: boolean
}

function applyOne(
  cluster: KubeCluster,
  t: ResourceType,
  object: KubeObject,
  namespace: string | undefined,
  source: string,
  flags: ApplyFlags,
): Applied {
  const name = object.metadata.name
  const api = cluster.api
  const live = api.get(t, namespace ?? '', name)
  const dryServer = flags.dryRun === 'server'
  if (flags.serverSide) {
    const body = {
      ...object,
      metadata: { ...object.metadata, ...(namespace ? { namespace } : {}) },
    }
    if (flags.dryRun === 'client')
      return {
        stdout: operationLine(t, name, 'serverside-applied', flags.dryRun),
        stderr: '',
        object: body,
        failed: false,
      }
    const r = api.patch(t, namespace ?? '', name, 'apply', body, {
      dryRun: dryServer,
      fieldManager:
        flags.fieldManager === 'kubectl-client-side-apply' ? 'kubectl' : flags.fieldManager,
      fieldValidation: flags.validation,
      force: flags.forceConflicts,
    })
    if (!r.ok)
      return {
        stdout: '',
        stderr: `Error from server (${r.error.status.reason}): ${r.error.status.message}\n`,
        failed: true,
      }
    return {
      stdout: operationLine(t, name, 'serverside-applied', flags.dryRun),
      stderr: '',
      object: r.value,
      failed: false,
    }
  }
  if (!live.ok) {
    if (live.error.status.reason !== 'NotFound')
      return {
        stdout: '',
        stderr: `Error from server (${live.error.status.reason}): ${live.error.status.message}\n`,
        failed: true,
      }
    const toCreate = withAnnotation(object, namespace)
    if (flags.dryRun === 'client')
      return {
        stdout: operationLine(t, name, 'created', flags.dryRun),
        stderr: '',
        object: toCreate,
        failed: false,
      }
    const created = api.create(t, toCreate, {
      dryRun: dryServer,
      fieldManager: flags.fieldManager,
      fieldValidation: flags.validation,
    })
    if (!created.ok)
      return {
        stdout: '',
        stderr: `Error from server (${created.error.status.reason}): error when creating "${source}": ${created.error.status.message}\n`,
        failed: true,
      }
    return {
      stdout: operationLine(t, name, 'created', flags.dryRun),
      stderr: '',
      object: created.value,
      failed: false,
    }
  }
  const current = live.value
  // Client dry run stops before computing anything against the live object.
  if (flags.dryRun === 'client')
    return {
      stdout: operationLine(t, name, 'configured', flags.dryRun),
      stderr: '',
      object: withAnnotation(object, namespace),
      failed: false,
    }
  const saved = current.metadata.annotations?.[LAST_APPLIED]
  let warning = ''
  let original: Obj | undefined
  if (saved === undefined)
    warning = `Warning: resource ${t.group === '' ? t.resource : `${t.resource}`}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`
  else
    try {
      const parsed = JSON.parse(saved) as unknown
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
        original = parsed as Obj
    } catch {
      original = undefined
    }
  const modified = withAnnotation(object, namespace) as unknown as Obj
  const patch = threeWayPatch(
    original,
    modified,
    current as unknown as Obj,
    object.apiVersion,
    object.kind,
  )
  if (Object.keys(patch).length === 0)
    return {
      stdout: operationLine(t, name, 'unchanged', flags.dryRun),
      stderr: warning,
      object: current,
      failed: false,
    }
  const patched = api.patch(t, namespace ?? '', name, 'strategic', patch, {
    dryRun: dryServer,
    fieldManager: flags.fieldManager,
    fieldValidation: flags.validation,
  })
  if (!patched.ok)
    return {
      stdout: '',
      stderr: warning + patchFailure(patched.error, patch, current, t, source),
      failed: true,
    }
  return {
    stdout: operationLine(t, name, 'configured', flags.dryRun),
    stderr: warning,
    object: patched.value,
    failed: false,
  }
}

async function runApply(
  values: {
    filename: string[]
    recursive: boolean
    kustomize: string
    'dry-run': string
    'server-side': boolean
    'force-conflicts': boolean
    'field-manager': string
    validate: string
    selector: string
    output: string
    template: string
    'show-managed-fields': boolean
    'allow-missing-template-keys': boolean
    prune: boolean
    all: boolean
  },
  changed: readonly string[],
  ctx: KubectlContext,
): Promise<CommandOutput> {
  const now = ctx.shell.clock.now()
  if (!['strict', 'true', 'warn', 'ignore', 'false'].includes(values.validate.toLowerCase()))
    return errorLine(
      `invalid - validate option "${values.validate}"; must be one of: strict (or true), warn, ignore (or false)`,
    )
  const dry = dryRunStrategy(values['dry-run'], now)
  if (!dry.ok) return dry.output
  let stderr = dry.warning
  if (values.filename.length === 0 && values.kustomize === '')
    return { stdout: '', stderr: `${stderr}error: must specify one of -f and -k\n`, exitCode: 1 }
  if (values.kustomize !== '')
    return {
      stdout: '',
      stderr: `${stderr}error: kustomize is not available in Quai's simulated kubectl\n`,
      exitCode: 1,
    }
  if (values.prune && values.selector === '' && !values.all)
    return {
      stdout: '',
      stderr: `${stderr}error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector\n`,
      exitCode: 1,
    }
  let format: DataFormat | undefined
  if (values.output !== '' || values.template !== '') {
    const parsed = await dataFormat({ output: values.output, template: values.template }, ctx)
    if (!parsed.ok) return { ...parsed.output, stderr: stderr + parsed.output.stderr }
    format = parsed.format
  }
  const selector = values.selector === '' ? undefined : parseSelector(values.selector)
  if (selector !== undefined && !selector.ok)
    return { stdout: '', stderr: `${stderr}error: ${selector.error}\n`, exitCode: 1 }
  const read = await readManifests(ctx.shell, values.filename, {
    recursive: values.recursive,
    validate: validationEnabled(values.validate),
  })
  const connected = ctx.connect()
  if (!connected.ok) return { ...connected.error, stderr: stderr + connected.error.stderr }
  const cluster = connected.value
  const flags: ApplyFlags = {
    dryRun: dry.value,
    serverSide: values['server-side'],
    forceConflicts: values['force-conflicts'],
    fieldManager: changed.includes('field-manager')
      ? values['field-manager']
      : 'kubectl-client-side-apply',
    validation: fieldValidation(values.validate),
  }
  let stdout = ''
  const errors: string[] = []
  const printed: KubeObject[] = []
  let applied = 0
  for (const entry of read.entries) {
    if (!entry.ok) {
      errors.push(`error: ${entry.error.message}\n`)
      continue
    }
    const object = entry.object
    if (selector !== undefined && selector.ok && !matches(selector.value, object.metadata.labels))
      continue
    const t = entry.type
    let namespace: string | undefined
    if (t.namespaced) {
      const own = object.metadata.namespace
      if (own !== undefined && own !== '' && ctx.namespaceExplicit && own !== ctx.namespace) {
        errors.push(
          `the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.\n`,
        )
        continue
      }
      namespace = own !== undefined && own !== '' ? own : ctx.namespace
    }
    applied++
    const r = applyOne(cluster, t, object, namespace, entry.file, flags)
    stderr += r.stderr
    if (r.failed) continue
    if (format === undefined) stdout += r.stdout
    else if (r.object !== undefined) printed.push(r.object)
  }
  if (format !== undefined && printed.length > 0) {
    const p = printIn(format, printed, {
      showManagedFields: values['show-managed-fields'],
      allowMissingTemplateKeys: values['allow-missing-template-keys'],
    })
    stdout += p.stdout
    stderr += p.stderr
  }
  if (read.fatal !== undefined) errors.push(`error: ${read.fatal}\n`)
  else if (applied === 0 && errors.length === 0 && !stderr.includes('Error from server'))
    errors.push('error: no objects passed to apply\n')
  const failed = errors.length > 0 || stderr.includes('Error from server')
  return { stdout, stderr: stderr + errors.join(''), exitCode: failed ? 1 : 0 }
}

export const apply = kubectlCommand({
  path: 'kubectl apply',
  use: '(-f FILENAME | -k DIRECTORY)',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

 JSON and YAML formats are accepted.

 Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.`,
  example: `  # Apply the configuration in pod.json to a pod
  kubectl apply -f ./pod.json
  
  # Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
  kubectl apply -k dir/
  
  # Apply the JSON passed into stdin to a pod
  cat pod.json | kubectl apply -f -
  
  # Apply the configuration from all files that end with '.json'
  kubectl apply -f '*.json'
  
  # Note: --prune is still in Alpha
  # Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx
  kubectl apply --prune -f manifest.yaml -l app=nginx
  
  # Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file
  kubectl apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap`,
  args: { kind: 'none' },
  subcommands: [applyViewLastApplied],
  flags: () =>
    new FlagSet(
      [
        ...printFlags(),
        {
          name: 'all',
          type: 'bool',
          usage: 'Select all resources in the namespace of the specified resource types.',
        },
        {
          name: 'cascade',
          type: 'string',
          default: 'background',
          noOptDefVal: 'background',
          usage:
            'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
        },
        dryRunFlag,
        fieldManagerFlag('kubectl-client-side-apply'),
        filenameFlag('The files that contain the configurations to apply.'),
        {
          name: 'force',
          type: 'bool',
          usage:
            'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
        },
        {
          name: 'force-conflicts',
          type: 'bool',
          usage: 'If true, server-side apply will force the changes against conflicts.',
        },
        {
          name: 'grace-period',
          type: 'int',
          default: -1,
          usage:
            'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
        },
        kustomizeFlag(
          "Process a kustomization directory. This flag can't be used together with -f or -R.",
        ),
        {
          name: 'openapi-patch',
          type: 'bool',
          default: true,
          usage:
            'If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec. Otherwise, fall back to use baked-in types.',
        },
        {
          name: 'overwrite',
          type: 'bool',
          default: true,
          usage:
            'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration',
        },
        {
          name: 'prune',
          type: 'bool',
          usage:
            'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.',
        },
        {
          name: 'prune-allowlist',
          type: 'stringArray',
          usage: 'Overwrite the default allowlist with <group/version/kind> for --prune',
        },
        recursiveFlag,
        selectorFlag(),
        {
          name: 'server-side',
          type: 'bool',
          usage: 'If true, apply runs in the server instead of the client.',
        },
        {
          name: 'subresource',
          type: 'string',
          usage:
            'If specified, apply will operate on the subresource of the requested object.  Only allowed when using --server-side. This flag is beta and may change in the future.',
        },
        {
          name: 'timeout',
          type: 'duration',
          usage:
            'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
        },
        validateFlag,
        {
          name: 'wait',
          type: 'bool',
          usage:
            'If true, wait for resources to be gone before returning. This waits for finalizers.',
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  run: ({ values, changed }, ctx) => runApply(values, changed, ctx),
})
