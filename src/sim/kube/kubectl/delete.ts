/**
 * `kubectl delete (-f FILE | TYPE [NAME | -l label | --all] | TYPE/NAME)`: deletes each object
 * (`deployment.apps "web" deleted`), then — unless --wait=false — waits on the virtual clock until
 * every one is really gone (graceful pod termination, finalizers, namespace cleanup).
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import { goDurationString } from '../../cli-kit/go-units'
import type { CommandOutput } from '../../shell/command'
import { qualifiedSingular } from '../api/resources'
import { kubectlCommand } from './command'
import { resolveTargets } from './write-targets'
import {
  dryRunFlag,
  dryRunStrategy,
  errorLine,
  filenameFlag,
  kustomizeFlag,
  objectRef,
  recursiveFlag,
  selectorFlag,
  waitUntil,
} from './write-kit'

export const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n'

type Cascade = 'Background' | 'Foreground' | 'Orphan'

/** cmdutil.GetCascadingStrategy, with the deprecated boolean spellings. */
function cascadeOf(
  value: string,
): { ok: true; value: Cascade; warning: string } | { ok: false; error: string } {
  switch (value) {
    case 'background':
      return { ok: true, value: 'Background', warning: '' }
    case 'foreground':
      return { ok: true, value: 'Foreground', warning: '' }
    case 'orphan':
      return { ok: true, value: 'Orphan', warning: '' }
  }
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value))
    return {
      ok: true,
      value: 'Background',
      warning: `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=background.\n`,
    }
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value))
    return {
      ok: true,
      value: 'Orphan',
      warning: `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=orphan.\n`,
    }
  return {
    ok: false,
    error: `invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`,
  }
}

/** --timeout=0: kubectl waits "a week" for large objects; Quai waits that long on its clock. */
const DEFAULT_WAIT_MS = 7 * 24 * 3600 * 1000

export const deleteCommand = kubectlCommand({
  path: 'kubectl delete',
  use: '([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])',
  short:
    'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  long: `Delete resources by file names, stdin, resources and names, or by resources and label selector.

 JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.

 Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.

 IMPORTANT: Force deleting pods does not wait for confirmation that the pod's processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.

 Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.

 After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don't want to wait, you might want to run "kubectl api-resources" to refresh the discovery cache.`,
  example: `  # Delete a pod using the type and name specified in pod.json
  kubectl delete -f ./pod.json
  
  # Delete resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
  kubectl delete -k dir
  
  # Delete resources from all files that end with '.json'
  kubectl delete -f '*.json'
  
  # Delete a pod based on the type and name in the JSON passed into stdin
  cat pod.json | kubectl delete -f -
  
  # Delete pods and services with same names "baz" and "foo"
  kubectl delete pod,service baz foo
  
  # Delete pods and services with label name=myLabel
  kubectl delete pods,services -l name=myLabel
  
  # Delete a pod with minimal delay
  kubectl delete pod foo --now
  
  # Force delete a pod on a dead node
  kubectl delete pod foo --force
  
  # Delete all pods
  kubectl delete pods --all
  
  # Delete all pods only if the user confirms the deletion
  kubectl delete pods --all --interactive`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        {
          name: 'all',
          type: 'bool',
          usage: 'Delete all resources, in the namespace of the specified resource types.',
        },
        {
          name: 'all-namespaces',
          shorthand: 'A',
          type: 'bool',
          usage:
            'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
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
        {
          name: 'field-selector',
          type: 'string',
          usage:
            "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
        },
        filenameFlag('containing the resource to delete.'),
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
        {
          name: 'ignore-not-found',
          type: 'bool',
          usage:
            'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.',
        },
        {
          name: 'interactive',
          shorthand: 'i',
          type: 'bool',
          usage: 'If true, delete resource only when user confirms.',
        },
        kustomizeFlag(
          "Process a kustomization directory. This flag can't be used together with -f or -R.",
        ),
        {
          name: 'now',
          type: 'bool',
          usage:
            'If true, resources are signaled for immediate shutdown (same as --grace-period=1).',
        },
        {
          name: 'output',
          shorthand: 'o',
          type: 'string',
          usage: 'Output mode. Use "-o name" for shorter output (resource/name).',
        },
        {
          name: 'raw',
          type: 'string',
          usage:
            'Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file.',
        },
        recursiveFlag,
        selectorFlag(),
        {
          name: 'timeout',
          type: 'duration',
          usage:
            'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
        },
        {
          name: 'wait',
          type: 'bool',
          default: true,
          usage:
            'If true, wait for resources to be gone before returning. This waits for finalizers.',
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const now = ctx.shell.clock.now()
    const cascade = cascadeOf(values.cascade)
    if (!cascade.ok) return errorLine(cascade.error)
    let stderr = cascade.warning
    const dry = dryRunStrategy(values['dry-run'], now)
    if (!dry.ok) return dry.output
    stderr += dry.warning
    if (values.output !== '' && values.output !== 'name')
      return {
        stdout: '',
        stderr: `${stderr}error: Unexpected -o output mode: ${values.output}. We only support '-o name'.\n`,
        exitCode: 1,
      }
    if (values.all && values.selector !== '')
      return {
        stdout: '',
        stderr: `${stderr}error: setting 'all' parameter but found a non empty selector. \n`,
        exitCode: 1,
      }
    let grace = values['grace-period']
    if (values.now) {
      if (grace !== -1)
        return {
          stdout: '',
          stderr: `${stderr}error: --now and --grace-period cannot be specified together\n`,
          exitCode: 1,
        }
      grace = 1
    }
    if (grace === 0 && !values.force) grace = 1
    if (values.force && grace < 0) grace = 0
    const force = grace === 0 && values.force
    if (force) stderr += FORCE_WARNING
    const ignoreNotFound = values['ignore-not-found'] || values.all
    const hasNames = args.some((a) => a.includes('/')) || args.length > 1
    if (values.all && hasNames)
      return {
        stdout: '',
        stderr: `${stderr}error: name cannot be provided when a selector is specified\n`,
        exitCode: 1,
      }
    const targets = await resolveTargets(args, values, ctx, { ignoreNotFound })
    if (!targets.ok) return { ...targets.output, stderr: stderr + targets.output.stderr }
    const api = targets.cluster.api
    let stdout = ''
    let errors = targets.stderr
    const gone: { check: () => boolean }[] = []
    for (const { type: t, object } of targets.found) {
      const ns = object.metadata.namespace ?? ''
      const name = object.metadata.name
      const r = api.delete(t, ns, name, {
        dryRun: dry.value !== 'none',
        ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
        propagationPolicy: cascade.value,
      })
      if (!r.ok) {
        if (!(ignoreNotFound && r.error.status.reason === 'NotFound'))
          errors += `Error from server (${r.error.status.reason}): ${r.error.status.message}\n`
        continue
      }
      const verb = force ? 'force deleted' : 'deleted'
      const suffix =
        dry.value === 'client' ? ' (dry run)' : dry.value === 'server' ? ' (server dry run)' : ''
      stdout +=
        values.output === 'name'
          ? `${objectRef(t, name)}\n`
          : `${qualifiedSingular(t)} "${name}" ${verb}${suffix}\n`
      const uid = object.metadata.uid
      gone.push({
        check: () => {
          const live = api.get(t, ns, name)
          return !live.ok || live.value.metadata.uid !== uid
        },
      })
    }
    if (targets.found.length === 0 && targets.selected && errors === '')
      stdout += 'No resources found\n'
    if (values.wait && dry.value === 'none' && gone.length > 0) {
      const timeoutMs = values.timeout > 0 ? values.timeout / 1e6 : DEFAULT_WAIT_MS
      const outcome = await waitUntil(ctx.shell, () => gone.every((g) => g.check()), timeoutMs)
      if (outcome === 'interrupted') return { stdout, stderr: stderr + errors, exitCode: 130 }
      if (outcome === 'timeout')
        errors += `error: timed out waiting for the condition after ${goDurationString(BigInt(Math.round(timeoutMs * 1e6)))}\n`
    }
    return { stdout, stderr: stderr + errors, exitCode: errors === '' ? 0 : 1 }
  },
})
