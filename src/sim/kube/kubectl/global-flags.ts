/**
 * kubectl's persistent flags (`kubectl options`): accepted before or after any command, parsed
 * together with the command's own flags as cobra does, and shown by `kubectl options`.
 */
import type { FlagSpec } from '../../cli-kit/flags'
import { HOME } from '../../shell/user-environment'
import type { KubectlGlobals } from './command'

const s = (name: string, usage: string, shorthand?: string): FlagSpec => ({
  name,
  type: 'string',
  usage,
  ...(shorthand === undefined ? {} : { shorthand }),
})
const b = (name: string, usage: string): FlagSpec => ({ name, type: 'bool', usage })

/** In `kubectl options` order (pflag sorts by name). */
export const GLOBAL_FLAG_SPECS: readonly FlagSpec[] = [
  s(
    'as',
    'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.',
  ),
  {
    name: 'as-group',
    type: 'stringArray',
    usage:
      'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.',
  },
  s('as-uid', 'UID to impersonate for the operation.'),
  {
    name: 'cache-dir',
    type: 'string',
    usage: 'Default cache directory',
    default: `${HOME}/.kube/cache`,
  },
  s('certificate-authority', 'Path to a cert file for the certificate authority'),
  s('client-certificate', 'Path to a client certificate file for TLS'),
  s('client-key', 'Path to a client key file for TLS'),
  s('cluster', 'The name of the kubeconfig cluster to use'),
  s('context', 'The name of the kubeconfig context to use'),
  b(
    'disable-compression',
    'If true, opt-out of response compression for all requests to the server',
  ),
  b(
    'insecure-skip-tls-verify',
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure",
  ),
  s('kubeconfig', 'Path to the kubeconfig file to use for CLI requests.'),
  {
    name: 'log-flush-frequency',
    type: 'duration',
    default: 5_000_000_000,
    usage: 'Maximum number of seconds between log flushes',
  },
  b('match-server-version', 'Require server version to match client version'),
  s('namespace', 'If present, the namespace scope for this CLI request', 'n'),
  s('password', 'Password for basic authentication to the API server'),
  {
    name: 'profile',
    type: 'string',
    default: 'none',
    usage: 'Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)',
  },
  {
    name: 'profile-output',
    type: 'string',
    default: 'profile.pprof',
    usage: 'Name of the file to write the profile to',
  },
  {
    name: 'request-timeout',
    type: 'string',
    default: '0',
    usage:
      "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.",
  },
  s('server', 'The address and port of the Kubernetes API server', 's'),
  s(
    'tls-server-name',
    'Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used',
  ),
  s('token', 'Bearer token for authentication to the API server'),
  s('user', 'The name of the kubeconfig user to use'),
  s('username', 'Username for basic authentication to the API server'),
  { name: 'v', shorthand: 'v', type: 'int', usage: 'number for the log level verbosity' },
  {
    name: 'vmodule',
    type: 'string',
    typeName: 'pattern=N,...',
    usage:
      'comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)',
  },
  b(
    'warnings-as-errors',
    'Treat warnings received from the server as errors and exit with a non-zero exit code',
  ),
]

export const GLOBAL_FLAG_NAMES: ReadonlySet<string> = new Set(GLOBAL_FLAG_SPECS.map((f) => f.name))

/** The globals out of a parse of command + global flags. */
export function globalsFrom(
  values: Record<string, unknown>,
  changed: readonly string[],
): KubectlGlobals {
  const text = (name: string): string | undefined =>
    changed.includes(name) ? String(values[name] ?? '') : undefined
  const g: {
    -readonly [K in keyof KubectlGlobals]: KubectlGlobals[K]
  } = {}
  const namespace = text('namespace')
  if (namespace !== undefined) g.namespace = namespace
  const context = text('context')
  if (context !== undefined) g.context = context
  const kubeconfig = text('kubeconfig')
  if (kubeconfig !== undefined) g.kubeconfig = kubeconfig
  const server = text('server')
  if (server !== undefined) g.server = server
  const cluster = text('cluster')
  if (cluster !== undefined) g.cluster = cluster
  const user = text('user')
  if (user !== undefined) g.user = user
  if (changed.includes('v')) g.verbosity = Number(values['v'] ?? 0)
  return g
}

/**
 * Whether a global flag takes no value (`--insecure-skip-tls-verify`): cobra needs to know while
 * it looks for the command name among the words, to skip a flag's value but not the next word.
 */
export function globalIsBoolean(name: string): boolean {
  const spec = GLOBAL_FLAG_SPECS.find((f) => f.name === name || f.shorthand === name)
  return spec !== undefined && spec.type === 'bool'
}
