/**
 * What kubectl's mutating verbs share: the --dry-run flag and its deprecation warnings, the
 * operation lines (`deployment.apps/web created (dry run)`), the framing of API failures
 * (`Error from server (NotFound): …`), klog-style lines kubectl writes on stderr, and the common
 * flag declarations whose usage text must match kubectl 1.32 word for word.
 */
import type { BuiltinFlagSpec } from '../../cli-kit/flags'
import type { CommandContext, CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import {
  qualifiedSingular,
  resourceForKind,
  resourceForKindName,
  type ResourceType,
} from '../api/resources'
import type { ApiError } from '../api/status'

export type DryRun = 'none' | 'client' | 'server'

export const out = (stdout: string, stderr = '', exitCode = 0): CommandOutput => ({
  stdout,
  stderr,
  exitCode,
})

export const fail = (stderr: string, exitCode = 1, stdout = ''): CommandOutput => ({
  stdout,
  stderr,
  exitCode,
})

/** kubectl's `error: …` line (cmdutil.CheckErr for a plain error), exit 1. */
export const errorLine = (message: string, stdout = ''): CommandOutput =>
  fail(`error: ${message}\n`, 1, stdout)

// ---- flags every writer declares -----------------------------------------------------------

export const dryRunFlag = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefVal: 'unchanged',
  usage:
    'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
} as const satisfies BuiltinFlagSpec

export const outputFlag = (formats = PRINT_FORMATS) =>
  ({
    name: 'output',
    shorthand: 'o',
    type: 'string',
    usage: `Output format. One of: (${formats.join(', ')}).`,
  }) as const satisfies BuiltinFlagSpec

export const PRINT_FORMATS = [
  'json',
  'yaml',
  'name',
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
]

export const allowMissingTemplateKeysFlag = {
  name: 'allow-missing-template-keys',
  type: 'bool',
  default: true,
  usage:
    'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
} as const satisfies BuiltinFlagSpec

export const showManagedFieldsFlag = {
  name: 'show-managed-fields',
  type: 'bool',
  usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
} as const satisfies BuiltinFlagSpec

export const templateFlag = {
  name: 'template',
  type: 'string',
  usage:
    'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
} as const satisfies BuiltinFlagSpec

export const fieldManagerFlag = (manager: string) =>
  ({
    name: 'field-manager',
    type: 'string',
    default: manager,
    usage: 'Name of the manager used to track field ownership.',
  }) as const satisfies BuiltinFlagSpec

export const saveConfigFlag = {
  name: 'save-config',
  type: 'bool',
  usage:
    'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
} as const satisfies BuiltinFlagSpec

export const validateFlag = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  noOptDefVal: 'strict',
  usage:
    'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
} as const satisfies BuiltinFlagSpec

export const selectorFlag = (usage = SELECTOR_USAGE) =>
  ({ name: 'selector', shorthand: 'l', type: 'string', usage }) as const satisfies BuiltinFlagSpec

export const SELECTOR_USAGE =
  "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."

export const filenameFlag = (usage: string) =>
  ({
    name: 'filename',
    shorthand: 'f',
    type: 'stringSlice',
    usage,
  }) as const satisfies BuiltinFlagSpec

export const recursiveFlag = {
  name: 'recursive',
  shorthand: 'R',
  type: 'bool',
  usage:
    'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
} as const satisfies BuiltinFlagSpec

export const kustomizeFlag = (usage: string) =>
  ({ name: 'kustomize', shorthand: 'k', type: 'string', usage }) as const satisfies BuiltinFlagSpec

/** The flags of kubectl's PrintFlags (json/yaml/name/templates). */
export const printFlags = (formats = PRINT_FORMATS) =>
  [allowMissingTemplateKeysFlag, outputFlag(formats), showManagedFieldsFlag, templateFlag] as const

// ---- --dry-run --------------------------------------------------------------------------------

/**
 * cmdutil.GetDryRunStrategy: `--dry-run` alone and `--dry-run=true` are the deprecated spellings
 * of client, `false` of none; anything else is refused.
 */
export function dryRunStrategy(
  value: string,
  clockMs: number,
): { ok: true; value: DryRun; warning: string } | { ok: false; output: CommandOutput } {
  switch (value) {
    case 'client':
    case 'server':
    case 'none':
      return { ok: true, value, warning: '' }
    case 'unchanged':
      return {
        ok: true,
        value: 'client',
        warning: klog(
          'W',
          clockMs,
          'helpers.go:702',
          '--dry-run is deprecated and can be replaced with --dry-run=client.',
        ),
      }
  }
  const asBool = parseGoBool(value)
  if (asBool === undefined)
    return {
      ok: false,
      output: errorLine(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`),
    }
  return {
    ok: true,
    value: asBool ? 'client' : 'none',
    warning: klog(
      'W',
      clockMs,
      'helpers.go:716',
      `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=${asBool ? 'client' : 'none'}.`,
    ),
  }
}

function parseGoBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false
  return undefined
}

/** The suffix operation lines carry in a dry run. */
export const dryRunSuffix = (dryRun: DryRun): string =>
  dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''

// ---- klog ---------------------------------------------------------------------------------------

/** The process id klog prints; fixed, so output is the same on every run. */
export const KUBECTL_PID = 4321

/**
 * A klog header line as kubectl writes warnings and some failures to stderr:
 * `W0105 09:00:00.000000    4321 helpers.go:702] text`.
 */
export function klog(
  severity: 'I' | 'W' | 'E',
  clockMs: number,
  site: string,
  text: string,
): string {
  const d = new Date(clockMs)
  const two = (n: number): string => String(n).padStart(2, '0')
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, '0')
  const stamp = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros}`
  return `${severity}${stamp} ${String(KUBECTL_PID).padStart(7, ' ')} ${site}] ${text}\n`
}

/** cobra's required-flag failure, which kubectl reports through klog (run.go). */
export function requiredFlagMissing(clockMs: number, ...flags: string[]): CommandOutput {
  const names = flags.map((f) => `\\"${f}\\"`).join(' ')
  return fail(
    klog('E', clockMs, 'run.go:72', `"command failed" err="required flag(s) ${names} not set"`),
  )
}

// ---- names and messages -----------------------------------------------------------------------

/** The type an object names through its apiVersion and kind (served types only). */
export function typeOfObject(object: Pick<KubeObject, 'apiVersion' | 'kind'>): ResourceType {
  const t = resourceForKind(object.apiVersion, object.kind) ?? resourceForKindName(object.kind)
  if (t !== undefined) return t
  // A kind Quai does not serve still prints the way kubectl would name it.
  const [group = '', version = ''] = object.apiVersion.includes('/')
    ? object.apiVersion.split('/')
    : ['', object.apiVersion]
  const singular = object.kind.toLowerCase()
  return {
    group,
    version,
    kind: object.kind,
    resource: `${singular}s`,
    singular,
    shortNames: [],
    namespaced: true,
    verbs: [],
    categories: [],
  }
}

/** `deployment.apps/web`: how kubectl names an object in its operation lines and `-o name`. */
export const objectRef = (t: ResourceType, name: string): string =>
  `${qualifiedSingular(t)}/${name}`

/** `deployment.apps/web created (dry run)` */
export const operationLine = (
  t: ResourceType,
  name: string,
  verb: string,
  dryRun: DryRun,
): string => `${objectRef(t, name)} ${verb}${dryRunSuffix(dryRun)}\n`

/** `Error from server (NotFound): pods "x" not found` */
export const serverErrorText = (e: ApiError): string =>
  `Error from server (${e.status.reason}): ${e.status.message}\n`

export const serverError = (e: ApiError, stdout = ''): CommandOutput =>
  fail(serverErrorText(e), 1, stdout)

/** The same framed with the file it came from: `Error from server (X): error when creating "f": …` */
export const serverErrorFor = (e: ApiError, action: string, source: string): string =>
  `Error from server (${e.status.reason}): error when ${action} "${source}": ${e.status.message}\n`

/** Joins outputs in order: stdout and stderr concatenated, the last non-zero exit wins. */
export function concat(parts: readonly CommandOutput[]): CommandOutput {
  let exitCode = 0
  for (const p of parts) if (p.exitCode !== 0) exitCode = p.exitCode
  return {
    stdout: parts.map((p) => p.stdout).join(''),
    stderr: parts.map((p) => p.stderr).join(''),
    exitCode,
  }
}

// ---- waiting on the virtual clock -------------------------------------------------------------

export type WaitOutcome = 'done' | 'timeout' | 'interrupted'

/**
 * Waits until `done()` holds, the virtual clock having moved `timeoutMs` (Infinity: no limit), or
 * Ctrl-C. The cluster changes only when a clock timer fires, so the wait jumps from timer to
 * timer instead of polling.
 */
export async function waitUntil(
  shell: CommandContext,
  done: () => boolean,
  timeoutMs: number,
): Promise<WaitOutcome> {
  const deadline = shell.clock.now() + timeoutMs
  for (;;) {
    if (done()) return 'done'
    if (shell.signal.aborted) return 'interrupted'
    const now = shell.clock.now()
    if (now >= deadline) return 'timeout'
    const due = shell.clock.nextDueAt()
    const step = Math.min(
      due === undefined ? deadline - now : Math.max(due - now, 0),
      deadline - now,
    )
    if (!Number.isFinite(step)) return 'timeout'
    const slept = await shell.sleep(Math.max(step, 1))
    if (!slept) return 'interrupted'
  }
}
