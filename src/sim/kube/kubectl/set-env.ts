/**
 * `kubectl set env (TYPE NAME | TYPE/NAME) KEY=VALUE … KEY-`: the containers' environment in a pod
 * spec or pod template, `--from=configmap/x|secret/x` as key references, `--list` to print it.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { kubectlCommand } from './command'
import { aggregate } from './label'
import { parseResourceArgs } from './resource-args'
import { podSpecPath } from './set-image'
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
  serverErrorText,
} from './write-kit'
import { dataFormat, printIn, type DataFormat } from './write-output'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

interface EnvVar {
  name: string
  value?: string
  valueFrom?: Obj
}

/** A copy of the object whose pod spec the verb may change (store objects are frozen). */
export function editableCopy(object: KubeObject): { copy: KubeObject; spec: Obj } | undefined {
  const path = podSpecPath(object.kind)
  if (path === undefined) return undefined
  const copy = JSON.parse(JSON.stringify(object)) as KubeObject
  let at: unknown = copy
  for (const key of path) at = isObj(at) ? at[key] : undefined
  return isObj(at) ? { copy, spec: at } : undefined
}

/** The containers a `-c` glob selects (`*` by default). */
export function selectContainers(spec: Obj, selector: string): Obj[] {
  const containers = Array.isArray(spec['containers']) ? spec['containers'].filter(isObj) : []
  const pattern = new RegExp(
    `^${selector
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  )
  return containers.filter((c) => pattern.test(String(c['name'])))
}

/** `warning: Deployment/web does not have any containers matching "x"`, as 1.32 words it. */
export const noContainersWarning = (object: KubeObject, selector: string): string =>
  `Warning: ${object.kind}/${object.metadata.name} does not have any containers matching "${selector}"\n`

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/

/** `KEY=VALUE` and `KEY-` as kubectl's envutil.ParseEnv reads them. */
function parseEnv(
  specs: readonly string[],
): { ok: true; env: EnvVar[]; remove: string[] } | { ok: false; error: string } {
  const env: EnvVar[] = []
  const remove: string[] = []
  for (const spec of specs) {
    const eq = spec.indexOf('=')
    if (eq > 0) {
      const name = spec.slice(0, eq)
      if (!ENV_NAME.test(name))
        return {
          ok: false,
          error: `"${name}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
        }
      env.push({ name, value: spec.slice(eq + 1) })
    } else if (spec.endsWith('-') && eq === -1) remove.push(spec.slice(0, -1))
    else return { ok: false, error: `unknown environment variable: ${spec}` }
  }
  return { ok: true, env, remove }
}

const isEnvArg = (a: string): boolean => a.includes('=') || (a.endsWith('-') && a !== '-')

/** envutil.GetEnvVarRefString: how --list shows a reference. */
function refString(from: Obj): string {
  const ref = (key: string): Obj | undefined => (isObj(from[key]) ? from[key] : undefined)
  const cm = ref('configMapKeyRef')
  if (cm !== undefined) return `configmap ${String(cm['name'])}, key ${String(cm['key'])}`
  const secret = ref('secretKeyRef')
  if (secret !== undefined) return `secret ${String(secret['name'])}, key ${String(secret['key'])}`
  const field = ref('fieldRef')
  if (field !== undefined) return `field path ${String(field['fieldPath'])}`
  const resource = ref('resourceFieldRef')
  if (resource !== undefined) {
    const prefix =
      typeof resource['containerName'] === 'string' && resource['containerName'] !== ''
        ? `${resource['containerName']}/`
        : ''
    return `resource field ${prefix}${String(resource['resource'])}`
  }
  return 'invalid valueFrom'
}

/** updateEnv: set replaces in place or appends, then removals go. */
function updateEnv(existing: EnvVar[], env: readonly EnvVar[], remove: readonly string[]) {
  const out = [...existing]
  for (const e of env) {
    const at = out.findIndex((x) => x.name === e.name)
    if (at >= 0) out[at] = e
    else out.push(e)
  }
  return out.filter((e) => !remove.includes(e.name))
}

/** keyToEnvName: a data key as an environment name. */
const keyToEnvName = (key: string): string => key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase()

export const setEnv = kubectlCommand({
  path: 'kubectl set env',
  use: 'RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N',
  short: 'Update environment variables on a pod template',
  long: `Update environment variables on a pod template.

 List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.

 If "--env -" is passed, environment variables can be read from STDIN using the standard env syntax.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  example: `  # Update deployment 'registry' with a new environment variable
  kubectl set env deployment/registry STORAGE_DIR=/local
  
  # List the environment variables defined on a deployments 'sample-build'
  kubectl set env deployment/sample-build --list
  
  # List the environment variables defined on all pods
  kubectl set env pods --all --list
  
  # Output modified deployment in YAML, and does not alter the object on the server
  kubectl set env deployment/sample-build STORAGE_DIR=/data -o yaml
  
  # Update all containers in all replication controllers in the project to have ENV=prod
  kubectl set env rc --all ENV=prod
  
  # Import environment from a secret
  kubectl set env --from=secret/mysecret deployment/myapp
  
  # Import environment from a config map with a prefix
  kubectl set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp
  
  # Import specific keys from a config map
  kubectl set env --keys=my-example-key --from=configmap/myconfigmap deployment/myapp
  
  # Remove the environment variable ENV from container 'c1' in all deployment configs
  kubectl set env deployments --all --containers="c1" ENV-
  
  # Remove the environment variable ENV from a deployment definition on disk and
  # update the deployment config on the server
  kubectl set env -f deploy.json ENV-
  
  # Set some of the local shell environment into a deployment config on the server
  env | grep RAILS_ | kubectl set env -e - deployment/registry`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...printFlags(),
        {
          name: 'all',
          type: 'bool',
          usage: 'If true, select all resources in the namespace of the specified resource types',
        },
        {
          name: 'containers',
          shorthand: 'c',
          type: 'string',
          default: '*',
          usage:
            'The names of containers in the selected pod templates to change - may use wildcards',
        },
        dryRunFlag,
        {
          name: 'env',
          shorthand: 'e',
          type: 'stringArray',
          usage: 'Specify a key-value pair for an environment variable to set into each container.',
        },
        fieldManagerFlag('kubectl-set'),
        filenameFlag('Filename, directory, or URL to files the resource to update the env'),
        {
          name: 'from',
          type: 'string',
          usage: 'The name of a resource from which to inject environment variables',
        },
        {
          name: 'keys',
          type: 'stringSlice',
          usage: 'Comma-separated list of keys to import from specified resource',
        },
        kustomizeFlag(
          "Process the kustomization directory. This flag can't be used together with -f or -R.",
        ),
        {
          name: 'list',
          type: 'bool',
          usage:
            'If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.',
        },
        {
          name: 'local',
          type: 'bool',
          usage: 'If true, set env will NOT contact api-server but run locally.',
        },
        {
          name: 'overwrite',
          type: 'bool',
          default: true,
          usage:
            'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.',
        },
        { name: 'prefix', type: 'string', usage: 'Prefix to append to variable names' },
        recursiveFlag,
        {
          name: 'resolve',
          type: 'bool',
          usage: 'If true, show secret or configmap references when listing variables',
        },
        selectorFlag(),
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    if (values.all && values.selector !== '')
      return errorLine('cannot set --all and --selector at the same time')
    const firstEnv = args.findIndex(isEnvArg)
    const resources = firstEnv < 0 ? args : args.slice(0, firstEnv)
    const envArgs = firstEnv < 0 ? [] : args.slice(firstEnv)
    if (envArgs.some((a) => !isEnvArg(a)))
      return errorLine(
        `all resources must be specified before environment changes: ${args.join(' ')}`,
      )
    const dry = dryRunStrategy(values['dry-run'], ctx.shell.clock.now())
    if (!dry.ok) return dry.output
    if (values.local && dry.value === 'server')
      return errorLine(
        'cannot specify --local and --dry-run=server - did you mean --dry-run=client?',
      )
    if (values.filename.length === 0 && resources.length === 0)
      return errorLine(
        'one or more resources must be specified as <resource> <name> or <resource>/<name>',
      )
    if (values.list && values.output !== '')
      return errorLine('--list and --output may not be specified together')
    if (values.keys.length > 0 && values.from === '')
      return errorLine('when specifying --keys, a configmap or secret must be provided with --from')
    const parsedEnv = parseEnv([...values.env, ...envArgs])
    if (!parsedEnv.ok) return errorLine(parsedEnv.error)
    const env = parsedEnv.env
    let format: DataFormat | undefined
    if (values.output !== '' || values.template !== '') {
      const parsed = await dataFormat({ output: values.output, template: values.template }, ctx)
      if (!parsed.ok) return parsed.output
      format = parsed.format
    }
    if (values.from !== '') {
      const from = parseResourceArgs([values.from])
      if (!from.ok) return errorLine(from.error)
      const connected = ctx.connect()
      if (!connected.ok) return connected.error
      for (const request of from.value.requests) {
        for (const name of request.names) {
          const got = connected.value.api.get(request.type, ctx.namespace, name)
          if (!got.ok) return { stdout: '', stderr: serverErrorText(got.error), exitCode: 1 }
          const source = got.value
          const kind = source.kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef'
          if (source.kind !== 'ConfigMap' && source.kind !== 'Secret')
            return errorLine('unsupported resource specified in --from')
          const data = isObj(source['data']) ? source['data'] : {}
          // Go ranges over a map in random order; Quai lists the keys sorted, deterministic.
          for (const key of Object.keys(data).sort())
            if (values.keys.length === 0 || values.keys.includes(key))
              env.push({
                name: keyToEnvName(key),
                valueFrom: { [kind]: { name: source.metadata.name, key } },
              })
        }
      }
    }
    if (values.prefix !== '') for (const e of env) e.name = `${values.prefix}${e.name}`
    const targets = await resolveTargets(resources, values, ctx)
    if (!targets.ok) return targets.output
    let stdout = ''
    let stderr = ''
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
      if (containers.length === 0) stderr += noContainersWarning(object, values.containers)
      let refused: string | undefined
      for (const c of containers) {
        const current = (Array.isArray(c['env']) ? c['env'] : []) as EnvVar[]
        if (!values.overwrite)
          for (const e of env) {
            const found = current.find((x) => x.name === e.name)
            if (found !== undefined && found.value !== e.value)
              refused = `'${found.name}' already has a value (${found.value ?? ''}), and --overwrite is false`
          }
        const next = updateEnv(current, env, parsedEnv.remove)
        if (next.length > 0) c['env'] = next
        else delete c['env']
        if (values.list) {
          stdout += `# ${object.kind} ${object.metadata.name}, container ${String(c['name'])}\n`
          for (const e of next)
            stdout +=
              e.valueFrom === undefined
                ? `${e.name}=${e.value ?? ''}\n`
                : `# ${e.name} from ${refString(e.valueFrom)}\n`
        }
      }
      if (values.list) continue
      if (refused !== undefined) {
        errors.push(refused)
        continue
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
          errors.push(`failed to patch env update to pod template: ${r.error.status.message}`)
          continue
        }
        result = r.value
      }
      stdout +=
        format !== undefined
          ? printIn(format, [result]).stdout
          : operationLine(t, object.metadata.name, 'env updated', dry.value)
    }
    const failures = targets.stderr + stderr + aggregate(errors)
    return {
      stdout,
      stderr: dry.warning + failures,
      exitCode: errors.length > 0 || targets.stderr !== '' ? 1 : 0,
    }
  },
})
