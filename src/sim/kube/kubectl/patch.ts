/**
 * `kubectl patch (TYPE NAME | -f FILE) -p PATCH [--type strategic|merge|json]`: the patch (JSON or
 * YAML) is sent as is; kubectl says `patched (no change)` when the object came back unchanged.
 */
import { parseDocument } from 'yaml'
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
  serverErrorText,
} from './write-kit'
import { dataFormat, printIn, type DataFormat } from './write-output'

const PATCH_TYPES = ['json', 'merge', 'strategic'] as const
type KubectlPatchType = (typeof PATCH_TYPES)[number]

/**
 * yaml.ToJSON's failure in go-yaml's words, for the mistakes students make: a `key: a: b` line
 * and an unclosed flow collection.
 */
function goYamlError(code: string, source: string, line: number): string {
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY')
    return 'yaml: mapping values are not allowed in this context'
  if (code === 'MISSING_CHAR' || code === 'BAD_INDENT' || code === 'UNEXPECTED_TOKEN') {
    const close = source.trimStart().startsWith('[') ? ']' : '}'
    return `yaml: line ${line}: did not find expected ',' or '${close}'`
  }
  return `yaml: line ${line}: did not find expected node content`
}

/** The patch text as the JSON value kubectl sends (yaml.ToJSON), or kubectl's failure. */
export function patchBody(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  const doc = parseDocument(text, { prettyErrors: false })
  const first = doc.errors[0]
  if (first !== undefined) {
    const line = first.linePos?.[0].line ?? 1
    return { ok: false, error: `unable to parse "${text}": ${goYamlError(first.code, text, line)}` }
  }
  return { ok: true, value: doc.toJS() as unknown }
}

/** The object without what every write changes (resourceVersion, managedFields), as JSON. */
function comparable(object: KubeObject): string {
  const { resourceVersion: _rv, managedFields: _mf, ...metadata } = object.metadata
  return JSON.stringify({ ...object, metadata })
}

/** Where the API's failure names a malformed patch, kubectl words it as its decoder does. */
function patchFailure(type: KubectlPatchType, body: unknown, message: string): string {
  if (type === 'strategic' && (typeof body !== 'object' || body === null || Array.isArray(body)))
    return 'invalid JSON document'
  if (type === 'merge' && Array.isArray(body))
    return 'json: cannot unmarshal array into Go value of type unstructured.detector'
  if (type === 'json' && !Array.isArray(body))
    return 'json: cannot unmarshal object into Go value of type jsonpatch.Patch'
  return message
}

export const patch = kubectlCommand({
  path: 'kubectl patch',
  use: '(-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
  short: 'Update fields of a resource',
  long: `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

 JSON and YAML formats are accepted.

 Note: Strategic merge patch is not supported for custom resources.`,
  example: `  # Partially update a node using a strategic merge patch, specifying the patch as JSON
  kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'
  
  # Partially update a node using a strategic merge patch, specifying the patch as YAML
  kubectl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'
  
  # Partially update a node identified by the type and name specified in "node.json" using strategic merge patch
  kubectl patch -f node.json -p '{"spec":{"unschedulable":true}}'
  
  # Update a container's image; spec.containers[*].name is required because it's a merge key
  kubectl patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'
  
  # Update a container's image using a JSON patch with positional arrays
  kubectl patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'
  
  # Update a deployment's replicas through the 'scale' subresource using a merge patch
  kubectl patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...printFlags(),
        dryRunFlag,
        fieldManagerFlag('kubectl-patch'),
        filenameFlag('Filename, directory, or URL to files identifying the resource to update'),
        kustomizeFlag(
          "Process the kustomization directory. This flag can't be used together with -f or -R.",
        ),
        {
          name: 'local',
          type: 'bool',
          usage:
            'If true, patch will operate on the content of the file, not the server-side resource.',
        },
        {
          name: 'patch',
          shorthand: 'p',
          type: 'string',
          usage: 'The patch to be applied to the resource JSON file.',
        },
        {
          name: 'patch-file',
          type: 'string',
          usage: 'A file containing a patch to be applied to the resource.',
        },
        recursiveFlag,
        {
          name: 'subresource',
          type: 'string',
          usage:
            'If specified, patch will operate on the subresource of the requested object. Must be one of [status scale]. This flag is beta and may change in the future.',
        },
        {
          name: 'type',
          type: 'string',
          default: 'strategic',
          usage: 'The type of patch being provided; one of [json merge strategic]',
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const type = values.type as KubectlPatchType
    if (!PATCH_TYPES.includes(type))
      return errorLine(`--type must be one of [json merge strategic], not "${values.type}"`)
    let text = values.patch
    if (values['patch-file'] !== '') {
      if (text !== '') return errorLine('cannot specify --patch and --patch-file together')
      try {
        text = await ctx.shell.fs.readFile(ctx.shell.resolve(values['patch-file']))
      } catch {
        return errorLine(
          `unable to read patch file: open ${values['patch-file']}: no such file or directory`,
        )
      }
    }
    if (text === '')
      return errorLine('must specify --patch or --patch-file containing the contents of the patch')
    const body = patchBody(text)
    if (!body.ok) return errorLine(body.error)
    const dry = dryRunStrategy(values['dry-run'], ctx.shell.clock.now())
    if (!dry.ok) return dry.output
    let format: DataFormat | undefined
    if (values.output !== '' || values.template !== '') {
      const parsed = await dataFormat({ output: values.output, template: values.template }, ctx)
      if (!parsed.ok) return parsed.output
      format = parsed.format
    }
    const targets = await resolveTargets(args, values, ctx)
    if (!targets.ok) return targets.output
    let stdout = ''
    let serverSide = ''
    const errors: string[] = []
    for (const { type: t, object } of targets.found) {
      // A client dry run still needs the patched object: the server computes it without storing.
      const r = targets.cluster.api.patch(
        t,
        object.metadata.namespace ?? '',
        object.metadata.name,
        type,
        body.value,
        { dryRun: dry.value !== 'none', fieldManager: values['field-manager'] },
      )
      if (!r.ok) {
        const message = patchFailure(type, body.value, r.error.status.message)
        if (message === r.error.status.message) serverSide += serverErrorText(r.error)
        else errors.push(message)
        continue
      }
      const unchanged = comparable(r.value) === comparable(object)
      stdout +=
        format !== undefined
          ? printIn(format, [r.value]).stdout
          : operationLine(
              t,
              object.metadata.name,
              unchanged ? 'patched (no change)' : 'patched',
              dry.value,
            )
    }
    const stderr = targets.stderr + serverSide + aggregate(errors)
    return { stdout, stderr: dry.warning + stderr, exitCode: stderr === '' ? 0 : 1 }
  },
})
