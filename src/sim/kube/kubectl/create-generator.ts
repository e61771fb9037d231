/**
 * The part every `kubectl create <generator>` (deployment, service, configmap, secret…) shares
 * once it has built its object: the --save-config annotation, --dry-run, the POST through the
 * API server (`error: failed to create deployment: …` when it fails) and the printing (-o, or
 * `deployment.apps/web created`).
 */
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import type { KubectlContext } from './command'
import {
  dryRunFlag,
  dryRunStrategy,
  errorLine,
  fieldManagerFlag,
  operationLine,
  printFlags,
  saveConfigFlag,
  serverError,
  typeOfObject,
  validateFlag,
} from './write-kit'
import { dataFormat, printIn, type DataFormat } from './write-output'

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

/** The flags all generators declare (kubectl's create sub-commands add the print flags too). */
export const generatorFlags = () =>
  [
    ...printFlags(),
    dryRunFlag,
    fieldManagerFlag('kubectl-create'),
    saveConfigFlag,
    validateFlag,
  ] as const

export interface GeneratorFlagValues {
  output: string
  template: string
  'dry-run': string
  'save-config': boolean
  'show-managed-fields': boolean
  'allow-missing-template-keys': boolean
  'field-manager': string
}

/** NameFromCommandArgs: exactly one NAME, or cobra's usage hint. */
export function nameFromArgs(
  args: readonly string[],
  argsLenAtDash: number,
  commandPath: string,
): { ok: true; name: string } | { ok: false; output: CommandOutput } {
  const count = argsLenAtDash === -1 ? args.length : argsLenAtDash
  if (count === 1 && args[0] !== undefined) return { ok: true, name: args[0] }
  return {
    ok: false,
    output: {
      stdout: '',
      stderr: `error: exactly one NAME is required, got ${count}\nSee '${commandPath} -h' for help and examples\n`,
      exitCode: 1,
    },
  }
}

/** Go's encoding/json marshalling of an object, compact (what the annotation stores). */
export const compactJson = (value: unknown): string =>
  JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )

/**
 * util.CreateOrUpdateAnnotation: with --save-config the object carries its own JSON (as it is
 * before the annotation) in kubectl.kubernetes.io/last-applied-configuration.
 */
export function withLastApplied(object: KubeObject): KubeObject {
  const { annotations, ...meta } = object.metadata
  const bare = { ...object, metadata: { ...meta } }
  if (annotations !== undefined) {
    const rest = { ...annotations }
    delete rest[LAST_APPLIED]
    if (Object.keys(rest).length > 0) bare.metadata = { ...meta, annotations: rest } as never
  }
  const text = `${compactJson(bare)}\n`
  return {
    ...object,
    metadata: { ...object.metadata, annotations: { ...(annotations ?? {}), [LAST_APPLIED]: text } },
  }
}

/** Drops the fields a client-side object carries as null (creationTimestamp) before sending it. */
export function forServer(object: KubeObject, namespace: string, namespaced: boolean): KubeObject {
  const metadata: Record<string, unknown> = { ...object.metadata }
  if (metadata['creationTimestamp'] === null) delete metadata['creationTimestamp']
  if (namespaced) metadata['namespace'] = object.metadata.namespace ?? namespace
  return { ...object, metadata: metadata as unknown as KubeObject['metadata'] }
}

/**
 * Creates `object` (or pretends to) and prints the outcome. `what` names the object in the
 * failure line (`failed to create deployment`); '' prints the server's error as it is.
 */
export async function createAndPrint(
  object: KubeObject,
  values: GeneratorFlagValues,
  ctx: KubectlContext,
  what: string,
): Promise<CommandOutput> {
  const dry = dryRunStrategy(values['dry-run'], ctx.shell.clock.now())
  if (!dry.ok) return dry.output
  const warning = dry.warning
  const withWarning = (r: CommandOutput): CommandOutput => ({ ...r, stderr: warning + r.stderr })
  let format: DataFormat | undefined
  if (values.output !== '' || values.template !== '') {
    const parsed = await dataFormat({ output: values.output, template: values.template }, ctx)
    if (!parsed.ok) return withWarning(parsed.output)
    format = parsed.format
  }
  const t = typeOfObject(object)
  const annotated = values['save-config'] ? withLastApplied(object) : object
  const printed = (o: KubeObject): CommandOutput =>
    withWarning(
      format !== undefined
        ? printIn(format, [o], {
            showManagedFields: values['show-managed-fields'],
            allowMissingTemplateKeys: values['allow-missing-template-keys'],
          })
        : {
            stdout: operationLine(t, o.metadata.name, 'created', dry.value),
            stderr: '',
            exitCode: 0,
          },
    )
  if (dry.value === 'client') return printed(annotated)
  const connected = ctx.connect()
  if (!connected.ok) return withWarning(connected.error)
  const created = connected.value.api.create(t, forServer(annotated, ctx.namespace, t.namespaced), {
    dryRun: dry.value === 'server',
    fieldManager: values['field-manager'],
  })
  if (!created.ok) {
    // kubectl's wording varies by generator: `create namespace` returns the server's error as
    // is, `create secret` wraps it without a colon (real kubectl 1.32, seen through the facade).
    if (what === '') return withWarning(serverError(created.error))
    const separator = what === 'secret' ? '' : ':'
    return withWarning(
      errorLine(`failed to create ${what}${separator} ${created.error.status.message}`),
    )
  }
  return printed(created.value)
}
