/**
 * `kubectl diff -f FILE|DIR|-`: for each object, the live version and the version apply would
 * leave (the same three-way patch as client-side apply, sent as a server dry run; a dry-run
 * create for an object that does not exist yet; `--server-side` sends an apply patch) are written
 * as YAML to /tmp/LIVE-N and /tmp/MERGED-N under kubectl's file names, then `diff -u -N LIVE
 * MERGED` (or $KUBECTL_EXTERNAL_DIFF) runs through the shell. Secret data is masked. Exit 0: no
 * differences, 1: differences, >1: kubectl or diff failed.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { parseSelector, matches } from '../api/label-selector'
import type { KubeObject } from '../api/object'
import type { ResourceType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import { kubectlCommand, type KubectlContext } from './command'
import { fieldValidation, readManifests } from './apply-files'
import { threeWayPatch } from './apply-patch'
import { LAST_APPLIED } from './create-generator'
import { goYaml } from './output/yaml'
import {
  fieldManagerFlag,
  filenameFlag,
  klog,
  kustomizeFlag,
  recursiveFlag,
  selectorFlag,
} from './write-kit'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** CheckDiffErr: kubectl's own failures exit one above the usual, so 1 keeps meaning "differs". */
const diffFailure = (message: string, stdout = ''): CommandOutput => ({
  stdout,
  stderr: message.startsWith('error: ') ? `${message}\n` : `error: ${message}\n`,
  exitCode: 2,
})

const usageFailure = (message: string): CommandOutput =>
  diffFailure(`${message}\nSee 'kubectl diff -h' for help and examples`)

/** `apps.v1.Deployment.default.web`: InfoObject.Name. */
function fileName(t: ResourceType, namespace: string, name: string): string {
  return `${t.group === '' ? '' : `${t.group}.`}${t.version}.${t.kind}.${namespace}.${name}`
}

const SENSITIVE = '***'

/** Masker: Secret values become asterisks, marked before/after where they changed. */
function maskSecrets(
  live: KubeObject | undefined,
  merged: KubeObject | undefined,
): [KubeObject | undefined, KubeObject | undefined] {
  const from = live !== undefined && isObj(live['data']) ? { ...live['data'] } : undefined
  const to = merged !== undefined && isObj(merged['data']) ? { ...merged['data'] } : undefined
  for (const k of Object.keys(from ?? {})) {
    if (from === undefined) break
    if (to !== undefined && k in to) {
      if (from[k] !== to[k]) {
        from[k] = `${SENSITIVE} (before)`
        to[k] = `${SENSITIVE} (after)`
        continue
      }
      to[k] = SENSITIVE
    }
    from[k] = SENSITIVE
  }
  for (const k of Object.keys(to ?? {}))
    if (to !== undefined && !(k in (from ?? {}))) to[k] = SENSITIVE
  return [
    live === undefined || from === undefined ? live : { ...live, data: from },
    merged === undefined || to === undefined ? merged : { ...merged, data: to },
  ]
}

function withoutManagedFields(o: KubeObject): KubeObject {
  if (o.metadata.managedFields === undefined) return o
  const { managedFields: _dropped, ...metadata } = o.metadata
  return { ...o, metadata }
}

interface DiffFlags {
  serverSide: boolean
  forceConflicts: boolean
  fieldManager: string
  validation: 'Strict' | 'Warn' | 'Ignore'
}

/** InfoObject.Merged: the object as the server would store it if applied, by a dry run. */
function merged(
  cluster: KubeCluster,
  t: ResourceType,
  local: KubeObject,
  namespace: string,
  live: KubeObject | undefined,
  flags: DiffFlags,
): { ok: true; object: KubeObject } | { ok: false; message: string } {
  const api = cluster.api
  const body = {
    ...local,
    metadata: { ...local.metadata, ...(t.namespaced ? { namespace } : {}) },
  }
  const serverError = (e: { status: { reason: string; message: string } }) => ({
    ok: false as const,
    message: `Error from server (${e.status.reason}): ${e.status.message}`,
  })
  if (flags.serverSide) {
    const r = api.patch(t, namespace, local.metadata.name, 'apply', body, {
      dryRun: true,
      fieldManager: flags.fieldManager,
      fieldValidation: flags.validation,
      force: flags.forceConflicts,
    })
    return r.ok ? { ok: true, object: r.value } : serverError(r.error)
  }
  if (live === undefined) {
    const r = api.create(t, body, { dryRun: true, fieldManager: flags.fieldManager })
    return r.ok ? { ok: true, object: r.value } : serverError(r.error)
  }
  // GetModifiedConfiguration(…, annotate=false): the local object without the saved configuration.
  const annotations = { ...(local.metadata.annotations ?? {}) }
  delete annotations[LAST_APPLIED]
  // An empty map, not none: what the saved configuration had stays, as with apply.
  const modified = { ...body, metadata: { ...body.metadata, annotations } } as unknown as Obj
  const saved = live.metadata.annotations?.[LAST_APPLIED]
  let original: Obj | undefined
  if (saved !== undefined)
    try {
      const parsed = JSON.parse(saved) as unknown
      if (isObj(parsed)) original = parsed
    } catch {
      original = undefined
    }
  const patch = threeWayPatch(
    original,
    modified,
    live as unknown as Obj,
    local.apiVersion,
    local.kind,
  )
  // The patcher sends nothing when there is nothing to change: the live object stands.
  if (Object.keys(patch).length === 0) return { ok: true, object: live }
  const r = api.patch(t, namespace, local.metadata.name, 'strategic', patch, {
    dryRun: true,
    fieldManager: flags.fieldManager,
    fieldValidation: flags.validation,
  })
  return r.ok ? { ok: true, object: withoutEmptyAnnotations(r.value) } : serverError(r.error)
}

/** The API server's encoding leaves out an empty annotations map (omitempty). */
function withoutEmptyAnnotations(o: KubeObject): KubeObject {
  const annotations = o.metadata.annotations
  if (annotations === undefined || Object.keys(annotations).length > 0) return o
  const { annotations: _empty, ...metadata } = o.metadata
  return { ...o, metadata }
}

/** Go's os.MkdirTemp("", "LIVE-"): a random decimal suffix. */
function tempDir(ctx: KubectlContext, prefix: string): string {
  return `/tmp/${prefix}-${ctx.shell.random.nextInt(4_294_967_295) + 1}`
}

const VALID_EXTERNAL_ARG = /^[a-zA-Z0-9-=]+$/

/** DiffProgram.getCommand: `diff -u -N FROM TO`, or $KUBECTL_EXTERNAL_DIFF's program and safe args. */
function diffCommand(
  ctx: KubectlContext,
  from: string,
  to: string,
): { program: string; line: string; warnings: string } {
  const external = ctx.shell.env.get('KUBECTL_EXTERNAL_DIFF') ?? ''
  if (external === '') return { program: 'diff', line: `diff -u -N ${from} ${to}`, warnings: '' }
  const [program = '', ...rest] = external.split(' ')
  const args: string[] = [from, to]
  let warnings = ''
  for (const arg of rest) {
    if (VALID_EXTERNAL_ARG.test(arg)) args.push(arg)
    else
      warnings += klog(
        'W',
        ctx.shell.clock.now(),
        'diff.go:183',
        `invalid argument is ignored: ${arg}, only Alphanumeric (case-insensitive), dash and equal are allowed`,
      )
  }
  return { program, line: [program, ...args].join(' '), warnings }
}

async function runDiff(
  values: {
    filename: string[]
    recursive: boolean
    kustomize: string
    selector: string
    'server-side': boolean
    'force-conflicts': boolean
    'field-manager': string
    'show-managed-fields': boolean
  },
  changed: readonly string[],
  ctx: KubectlContext,
): Promise<CommandOutput> {
  if (values.filename.length === 0 && values.kustomize === '')
    return diffFailure('must specify one of -f and -k')
  if (values.filename.length > 0 && values.kustomize !== '')
    return diffFailure('only one of -f or -k can be specified')
  if (values['force-conflicts'] && !values['server-side'])
    return diffFailure('--force-conflicts only works with --server-side')
  if (values.kustomize !== '')
    return diffFailure("kustomize is not available in Quai's simulated kubectl")
  const selector = values.selector === '' ? undefined : parseSelector(values.selector)
  if (selector !== undefined && !selector.ok) return diffFailure(selector.error)
  // The builder checks the paths before asking the server anything.
  const read = await readManifests(ctx.shell, values.filename, { recursive: values.recursive })
  if (read.fatal !== undefined && read.entries.length === 0) return diffFailure(read.fatal)
  const connected = ctx.connect()
  if (!connected.ok) return { ...connected.error, exitCode: 2 }
  const cluster = connected.value
  const flags: DiffFlags = {
    serverSide: values['server-side'],
    forceConflicts: values['force-conflicts'],
    fieldManager: changed.includes('field-manager')
      ? values['field-manager']
      : values['server-side']
        ? 'kubectl'
        : 'kubectl-client-side-apply',
    validation: fieldValidation('strict'),
  }
  const live: [string, string][] = []
  const after: [string, string][] = []
  const printable = (o: KubeObject): string =>
    goYaml(values['show-managed-fields'] ? o : withoutManagedFields(o))
  for (const entry of read.entries) {
    if (!entry.ok) return diffFailure(entry.error.message)
    const object = entry.object
    if (selector !== undefined && selector.ok && !matches(selector.value, object.metadata.labels))
      continue
    const t = entry.type
    let namespace = ''
    if (t.namespaced) {
      const own = object.metadata.namespace
      if (own !== undefined && own !== '' && ctx.namespaceExplicit && own !== ctx.namespace)
        return diffFailure(
          `the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
        )
      namespace = own !== undefined && own !== '' ? own : ctx.namespace
    }
    const got = cluster.api.get(t, namespace, object.metadata.name)
    if (!got.ok && got.error.status.reason !== 'NotFound')
      return diffFailure(
        `Error from server (${got.error.status.reason}): ${got.error.status.message}`,
      )
    const current = got.ok ? got.value : undefined
    const result = merged(cluster, t, object, namespace, current, flags)
    if (!result.ok) return diffFailure(result.message)
    let [from, to]: [KubeObject | undefined, KubeObject | undefined] = [current, result.object]
    if (t.group === '' && t.version === 'v1' && t.kind === 'Secret')
      [from, to] = maskSecrets(from, to)
    const name = fileName(t, namespace, object.metadata.name)
    // Each file is created before its object is printed into it: an absent one is left empty.
    live.push([name, from === undefined ? '' : printable(from)])
    after.push([name, to === undefined ? '' : printable(to)])
  }
  if (read.fatal !== undefined) return diffFailure(read.fatal)
  const fromDir = tempDir(ctx, 'LIVE')
  const toDir = tempDir(ctx, 'MERGED')
  const fs = ctx.shell.fs
  await fs.mkdir(fromDir, { recursive: true })
  await fs.mkdir(toDir, { recursive: true })
  for (const [name, text] of live) await fs.writeFile(`${fromDir}/${name}`, text)
  for (const [name, text] of after) await fs.writeFile(`${toDir}/${name}`, text)
  const command = diffCommand(ctx, fromDir, toDir)
  let outcome: CommandOutput
  if (ctx.shell.commands.get(command.program) === undefined)
    outcome = diffFailure(
      `failed to run "${command.program}": exec: "${command.program}": executable file not found in $PATH`,
    )
  else if (ctx.shell.exec !== undefined) outcome = await ctx.shell.exec(command.line)
  else
    outcome =
      (await ctx.shell.commands
        .get(command.program)
        ?.run(command.line.split(' ').slice(1), ctx.shell)) ?? diffFailure('diff is unavailable')
  // TearDown: the temporary directories go once the program has read them.
  await fs.rm(fromDir, { recursive: true, force: true })
  await fs.rm(toDir, { recursive: true, force: true })
  return { ...outcome, stderr: command.warnings + outcome.stderr }
}

export const diff = kubectlCommand({
  path: 'kubectl diff',
  use: '-f FILENAME',
  short: 'Diff the live version against a would-be applied version',
  long: `Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.

 The output is always YAML.

 KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"

 By default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent files as empty) options.

 Exit status: 0 No differences were found. 1 Differences were found. >1 Kubectl or diff failed with an error.

 Note: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.`,
  example: `# Diff resources included in pod.json
kubectl diff -f pod.json

# Diff file read from stdin
cat service.yaml | kubectl diff -f -`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        {
          name: 'concurrency',
          type: 'int',
          default: 1,
          usage:
            'Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time.',
        },
        fieldManagerFlag('kubectl-client-side-apply'),
        filenameFlag('Filename, directory, or URL to files contains the configuration to diff'),
        {
          name: 'force-conflicts',
          type: 'bool',
          usage: 'If true, server-side apply will force the changes against conflicts.',
        },
        kustomizeFlag(
          "Process the kustomization directory. This flag can't be used together with -f or -R.",
        ),
        {
          name: 'prune',
          type: 'bool',
          usage:
            'Include resources that would be deleted by pruning. Can be used with -l and default shows all resources would be pruned',
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
          name: 'show-managed-fields',
          type: 'bool',
          usage: 'If true, include managed fields in the diff.',
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  flagError: (message) => usageFailure(message),
  async run({ values, args, changed }, ctx): Promise<CommandOutput> {
    if (values.filename.length === 0 && values.kustomize === '')
      return diffFailure('must specify one of -f and -k')
    if (args.length > 0) return usageFailure(`Unexpected args: [${args.join(' ')}]`)
    return runDiff(values, changed, ctx)
  },
})
