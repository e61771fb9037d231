/**
 * `kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label |
 * --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]`:
 * waits on the virtual clock until every named object meets the condition (`pod/x condition
 * met`), or --timeout (default 30s) passes: `timed out waiting for the condition on pods/x`.
 */
import { JSONPath } from '../../cli-kit/jsonpath'
import type { GoValue } from '../../cli-kit/go-value'
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import type { ResourceType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import { kubectlCommand } from './command'
import { resolveTargets } from './write-targets'
import {
  errorLine,
  filenameFlag,
  objectRef,
  printFlags,
  recursiveFlag,
  selectorFlag,
  waitUntil,
} from './write-kit'
import { dataFormat, printIn } from './write-output'

type Condition =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; type: string; value: string }
  | { kind: 'jsonpath'; path: JSONPath; value: string | undefined }

/** --for as kubectl's conditionFuncFor reads it. */
function parseCondition(
  text: string,
): { ok: true; value: Condition } | { ok: false; message: string } {
  const lower = text.toLowerCase()
  if (lower === 'delete') return { ok: true, value: { kind: 'delete' } }
  if (lower === 'create') return { ok: true, value: { kind: 'create' } }
  if (lower.startsWith('condition=')) {
    const rest = text.slice('condition='.length)
    const eq = rest.indexOf('=')
    return {
      ok: true,
      value: {
        kind: 'condition',
        type: eq === -1 ? rest : rest.slice(0, eq),
        value: eq === -1 ? 'true' : rest.slice(eq + 1),
      },
    }
  }
  if (lower.startsWith('jsonpath=')) {
    const rest = text.slice('jsonpath='.length)
    const close = rest.lastIndexOf('}')
    const expr = close === -1 ? rest : rest.slice(0, close + 1)
    const after = close === -1 ? '' : rest.slice(close + 1)
    if (after !== '' && !after.startsWith('='))
      return {
        ok: false,
        message: `jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'`,
      }
    const parsed = JSONPath.parse(expr.startsWith('{') ? expr : `{${expr}}`)
    if (!parsed.ok) return { ok: false, message: `unrecognized condition: "${text}"` }
    return {
      ok: true,
      value: {
        kind: 'jsonpath',
        path: parsed.jsonpath,
        value: after === '' ? undefined : after.slice(1),
      },
    }
  }
  return { ok: false, message: `unrecognized condition: "${text}"` }
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Whether the live object (undefined: gone) meets the condition. */
function meets(condition: Condition, live: KubeObject | undefined): boolean {
  switch (condition.kind) {
    case 'delete':
      return live === undefined
    case 'create':
      return live !== undefined
    case 'condition': {
      if (live === undefined) return false
      const status = isObj(live['status']) ? live['status'] : {}
      const conditions = (Array.isArray(status['conditions']) ? status['conditions'] : []).filter(
        isObj,
      )
      const c = conditions.find(
        (x) => String(x['type']).toLowerCase() === condition.type.toLowerCase(),
      )
      return c !== undefined && String(c['status']).toLowerCase() === condition.value.toLowerCase()
    }
    case 'jsonpath': {
      if (live === undefined) return false
      const r = condition.path.execute(live as unknown as GoValue, { allowMissingKeys: false })
      if (!r.ok) return false
      return condition.value === undefined ? r.output !== '' : r.output === condition.value
    }
  }
}

export const wait = kubectlCommand({
  path: 'kubectl wait',
  use: "([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]",
  short: 'Experimental: Wait for a specific condition on one or many resources',
  long: `Experimental: Wait for a specific condition on one or many resources.

 The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.

 Alternatively, the command can wait for the given set of resources to be created or deleted by providing the "create" or "delete" keyword as the value to the --for flag.

 A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.`,
  example: `  # Wait for the pod "busybox1" to contain the status condition of type "Ready"
  kubectl wait --for=condition=Ready pod/busybox1
  
  # The default value of status condition is true; you can wait for other targets after an equal delimiter (compared after Unicode simple case folding, which is a more general form of case-insensitivity)
  kubectl wait --for=condition=Ready=false pod/busybox1
  
  # Wait for the pod "busybox1" to contain the status phase to be "Running"
  kubectl wait --for=jsonpath='{.status.phase}'=Running pod/busybox1
  
  # Wait for pod "busybox1" to be Ready
  kubectl wait --for='jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' pod/busybox1
  
  # Wait for the service "loadbalancer" to have ingress
  kubectl wait --for=jsonpath='{.status.loadBalancer.ingress}' service/loadbalancer
  
  # Wait for the secret "busybox1" to be created, with a timeout of 30s
  kubectl create secret generic busybox1
  kubectl wait --for=create secret/busybox1 --timeout=30s
  
  # Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command
  kubectl delete pod/busybox1
  kubectl wait --for=delete pod/busybox1 --timeout=60s`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        {
          name: 'all',
          type: 'bool',
          usage: 'Select all resources in the namespace of the specified resource types',
        },
        {
          name: 'all-namespaces',
          shorthand: 'A',
          type: 'bool',
          usage:
            'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
        },
        ...printFlags(),
        {
          name: 'field-selector',
          type: 'string',
          usage:
            "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
        },
        filenameFlag('identifying the resource.'),
        {
          name: 'for',
          type: 'string',
          usage:
            "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true.  Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.",
        },
        {
          name: 'local',
          type: 'bool',
          usage: 'If true, annotation will NOT contact api-server but run locally.',
        },
        recursiveFlag,
        selectorFlag(),
        {
          name: 'timeout',
          type: 'duration',
          default: 30_000_000_000,
          usage:
            "The length of time to wait before giving up.  Zero means check once and don't wait, negative means wait for a week.",
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const condition = parseCondition(values.for)
    if (!condition.ok) return errorLine(condition.message)
    const format =
      values.output === '' && values.template === ''
        ? undefined
        : await dataFormat({ output: values.output, template: values.template }, ctx)
    if (format !== undefined && !format.ok) return format.output
    const timeoutNs = values.timeout
    const timeoutMs = timeoutNs < 0 ? 7 * 24 * 3600 * 1000 : timeoutNs / 1e6
    const cond = condition.value
    const targets = await resolveTargets(args, values, ctx, {
      ignoreNotFound: cond.kind === 'delete' || cond.kind === 'create',
    })
    if (!targets.ok) return targets.output
    const { cluster } = targets
    type Watched = { type: ResourceType; namespace: string; name: string; uid?: string }
    const watched: Watched[] = targets.found.map((t) => ({
      type: t.type,
      namespace: t.object.metadata.namespace ?? '',
      name: t.object.metadata.name,
      ...(t.object.metadata.uid === undefined ? {} : { uid: t.object.metadata.uid }),
    }))
    if (cond.kind === 'create')
      for (const m of targets.missing)
        watched.push({
          type: m.type,
          namespace: m.type.namespaced ? ctx.namespace : '',
          name: m.name,
        })
    if (watched.length === 0) {
      if (targets.stderr !== '') return { stdout: '', stderr: targets.stderr, exitCode: 1 }
      if (cond.kind === 'delete') return { stdout: '', stderr: '', exitCode: 0 }
      return errorLine('no matching resources found')
    }
    const live = (w: Watched): KubeObject | undefined => {
      const o = (cluster as KubeCluster).store.get(w.type, w.namespace, w.name)
      // A deleted and recreated object is another object: the one waited on is gone.
      if (
        cond.kind === 'delete' &&
        o !== undefined &&
        w.uid !== undefined &&
        o.metadata.uid !== w.uid
      )
        return undefined
      return o
    }
    let stdout = ''
    const failures: string[] = []
    const deadline = ctx.shell.clock.now() + timeoutMs
    for (const w of watched) {
      const left = Math.max(0, deadline - ctx.shell.clock.now())
      const outcome = await waitUntil(ctx.shell, () => meets(cond, live(w)), left)
      if (outcome === 'interrupted') return { stdout, stderr: '', exitCode: 130 }
      if (outcome === 'timeout') {
        failures.push(
          cond.kind === 'create'
            ? 'timed out waiting for the condition'
            : `timed out waiting for the condition on ${w.type.resource}${w.type.group === '' ? '' : `.${w.type.group}`}/${w.name}`,
        )
        continue
      }
      const object = live(w)
      stdout +=
        format !== undefined && object !== undefined
          ? printIn(format.format, [object]).stdout
          : `${objectRef(w.type, w.name)} condition met\n`
    }
    const stderr =
      targets.stderr +
      (failures.length === 1
        ? `error: ${failures[0] ?? ''}\n`
        : failures.map((f) => `${f}\n`).join(''))
    return { stdout, stderr, exitCode: failures.length > 0 || targets.stderr !== '' ? 1 : 0 }
  },
})
