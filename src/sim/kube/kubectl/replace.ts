/**
 * `kubectl replace -f FILE`: a PUT of each manifest as written (the whole object replaces the
 * stored one); `--force` deletes the object and creates it again.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { qualifiedSingular } from '../api/resources'
import { fieldValidation, readManifests, validationEnabled } from './apply-files'
import { kubectlCommand } from './command'
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
  saveConfigFlag,
  serverErrorFor,
  validateFlag,
} from './write-kit'
import { dataFormat, printIn, type DataFormat } from './write-output'

const deletedLine = (qualified: string, name: string, suffix: string): string =>
  `${qualified} "${name}" deleted${suffix}\n`

export const replace = kubectlCommand({
  path: 'kubectl replace',
  use: '-f FILENAME',
  short: 'Replace a resource by file name or stdin',
  long: `Replace a resource by file name or stdin.

 JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by

        $ kubectl get TYPE NAME -o yaml`,
  example: `  # Replace a pod using the data in pod.json
  kubectl replace -f ./pod.json
  
  # Replace a pod based on the JSON passed into stdin
  cat pod.json | kubectl replace -f -
  
  # Update a single-container pod's image version (tag) to v4
  kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -
  
  # Force replace, delete and then re-create the resource
  kubectl replace --force -f ./pod.json`,
  args: { kind: 'none' },
  flags: () =>
    new FlagSet(
      [
        ...printFlags(),
        {
          name: 'cascade',
          type: 'string',
          default: 'background',
          noOptDefVal: 'background',
          usage:
            'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
        },
        dryRunFlag,
        fieldManagerFlag('kubectl-replace'),
        filenameFlag('The files that contain the configurations to replace.'),
        {
          name: 'force',
          type: 'bool',
          usage:
            'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
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
          name: 'raw',
          type: 'string',
          usage:
            'Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file.',
        },
        recursiveFlag,
        saveConfigFlag,
        {
          name: 'subresource',
          type: 'string',
          usage:
            'If specified, replace will operate on the subresource of the requested object. This flag is beta and may change in the future.',
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
  async run({ values }, ctx): Promise<CommandOutput> {
    if (values.filename.length === 0 && values.kustomize === '')
      return errorLine('must specify one of -f and -k')
    const dry = dryRunStrategy(values['dry-run'], ctx.shell.clock.now())
    if (!dry.ok) return dry.output
    let format: DataFormat | undefined
    if (values.output !== '' || values.template !== '') {
      const parsed = await dataFormat({ output: values.output, template: values.template }, ctx)
      if (!parsed.ok) return parsed.output
      format = parsed.format
    }
    const read = await readManifests(ctx.shell, values.filename, {
      recursive: values.recursive,
      validate: validationEnabled(values.validate),
    })
    if (read.fatal !== undefined && read.entries.length === 0) return errorLine(read.fatal)
    const connected = ctx.connect()
    if (!connected.ok) return connected.error
    const api = connected.value.api
    const write = {
      dryRun: dry.value !== 'none',
      fieldManager: values['field-manager'],
      fieldValidation: fieldValidation(values.validate),
    }
    let stdout = ''
    let stderr = dry.warning
    const show = (t: Parameters<typeof operationLine>[0], o: KubeObject): void => {
      stdout +=
        format !== undefined
          ? printIn(format, [o]).stdout
          : operationLine(t, o.metadata.name, 'replaced', dry.value)
    }
    for (const entry of read.entries) {
      if (!entry.ok) {
        stderr += `error: ${entry.error.message}\n`
        continue
      }
      const t = entry.type
      const ns = t.namespaced ? (entry.object.metadata.namespace ?? ctx.namespace) : ''
      const object: KubeObject = {
        ...entry.object,
        metadata: { ...entry.object.metadata, ...(t.namespaced ? { namespace: ns } : {}) },
      }
      const name = object.metadata.name
      if (values.force) {
        // delete then create: the object comes back new (uid, creationTimestamp).
        const gone = api.delete(t, ns, name, {
          dryRun: write.dryRun,
          ...(values['grace-period'] >= 0 ? { gracePeriodSeconds: values['grace-period'] } : {}),
        })
        if (!gone.ok) {
          stderr += serverErrorFor(gone.error, 'replacing', entry.file)
          continue
        }
        stdout += deletedLine(qualifiedSingular(t), name, dry.value === 'none' ? '' : ' (dry run)')
        const { resourceVersion: _rv, uid: _uid, ...metadata } = object.metadata
        const created = dry.value === 'none' ? api.create(t, { ...object, metadata }, write) : gone
        if (!created.ok) {
          stderr += serverErrorFor(created.error, 'replacing', entry.file)
          continue
        }
        show(t, dry.value === 'none' ? created.value : object)
        continue
      }
      const r = api.update(t, object, write)
      if (!r.ok) {
        stderr += serverErrorFor(r.error, 'replacing', entry.file)
        continue
      }
      show(t, r.value)
    }
    if (read.fatal !== undefined) stderr += `error: ${read.fatal}\n`
    return { stdout, stderr, exitCode: stderr === dry.warning ? 0 : 1 }
  },
})
