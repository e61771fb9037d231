/**
 * `kubectl config set-cluster | set-credentials | set | unset | delete-cluster | delete-user`:
 * edits of the kubeconfig through the kubeconfig module's pure functions, with kubectl 1.32's
 * messages. Also client-go's field order for the entries (`config view -o json` prints structs
 * in declaration order, not sorted like the YAML).
 */
import { FlagSet } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import {
  findNamed,
  removeCluster,
  removeUser,
  setCluster,
  setUser,
  type Kubeconfig,
  type KubeconfigCluster,
  type KubeconfigUser,
  type Named,
} from '../kubeconfig'
import { kubectlCommand, type KubectlCommand, type KubectlContext } from './command'
import { usageError } from './help'

const done = (stdout: string): CommandOutput => ({ stdout, stderr: '', exitCode: 0 })
const failed = (stderr: string, stdout = ''): CommandOutput => ({ stdout, stderr, exitCode: 1 })

/** clientcmd v1 struct field orders (json output follows them). */
const CLUSTER_ORDER = [
  'server',
  'tls-server-name',
  'insecure-skip-tls-verify',
  'certificate-authority',
  'certificate-authority-data',
  'proxy-url',
  'disable-compression',
  'extensions',
]
const USER_ORDER = [
  'client-certificate',
  'client-certificate-data',
  'client-key',
  'client-key-data',
  'token',
  'tokenFile',
  'as',
  'as-uid',
  'as-groups',
  'as-user-extra',
  'username',
  'password',
  'auth-provider',
  'exec',
  'extensions',
]
const CONTEXT_ORDER = ['cluster', 'user', 'namespace', 'extensions']

function ordered<T>(value: T, order: readonly string[]): T {
  const record = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const k of order) if (record[k] !== undefined) out[k] = record[k]
  for (const k of Object.keys(record))
    if (!(k in out) && record[k] !== undefined) out[k] = record[k]
  return out as T
}

/** The config with every entry's fields in client-go's order. */
export function inClientGoOrder(config: Kubeconfig): Kubeconfig {
  const each = <T>(items: Named<T>[], order: readonly string[]): Named<T>[] =>
    items.map((i) => ({ name: i.name, value: ordered(i.value, order) }))
  return {
    ...config,
    clusters: each(config.clusters, CLUSTER_ORDER),
    users: each(config.users, USER_ORDER),
    contexts: each(config.contexts, CONTEXT_ORDER),
  }
}

function load(ctx: KubectlContext): { config: Kubeconfig; file: string } | CommandOutput {
  const loaded = ctx.kubeconfig.load()
  return loaded.ok ? { config: loaded.value.config, file: loaded.value.writePath } : loaded.error
}

async function save(
  ctx: KubectlContext,
  config: Kubeconfig,
  message: string,
): Promise<CommandOutput> {
  const saved = await ctx.kubeconfig.save(inClientGoOrder(config))
  return saved.ok ? done(message) : saved.error
}

/** filepath.Abs against the shell's working directory. */
const absolute = (ctx: KubectlContext, path: string): string => ctx.shell.resolve(path)

/** Reads a file to embed, base64-encoded as the YAML carries []byte. */
async function embed(ctx: KubectlContext, path: string): Promise<string | CommandOutput> {
  try {
    const text = await ctx.shell.fs.readFile(absolute(ctx, path))
    return base64(text)
  } catch {
    return failed(`error: open ${path}: no such file or directory\n`)
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]]
    const n = (a << 16) | (b << 8) | c
    out += B64[(n >> 18) & 63] ?? ''
    out += B64[(n >> 12) & 63] ?? ''
    out += i + 1 < bytes.length ? (B64[(n >> 6) & 63] ?? '') : '='
    out += i + 2 < bytes.length ? (B64[n & 63] ?? '') : '='
  }
  return out
}

/** Go's base64.StdEncoding check: the offset of the first corrupt byte, or -1. */
function corruptBase64At(text: string): number {
  const body = text.replace(/=+$/, '')
  for (let i = 0; i < body.length; i++) if (!B64.includes(body[i] ?? '')) return i
  const padding = text.length - body.length
  if (text.length % 4 !== 0) return text.length - (text.length % 4)
  if (padding > 2 || (padding > 0 && body.length % 4 === 1)) return body.length
  return -1
}

// ---------------------------------------------------------------------------------------------
// set-cluster

const setClusterCommand = kubectlCommand({
  path: 'kubectl config set-cluster',
  use: 'NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com]',
  short: 'Set a cluster entry in kubeconfig',
  long: `Set a cluster entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.`,
  example: `# Set only the server field on the e2e cluster entry without touching other values
kubectl config set-cluster e2e --server=https://1.2.3.4

# Embed certificate authority data for the e2e cluster entry
kubectl config set-cluster e2e --embed-certs --certificate-authority=~/.kube/e2e/kubernetes.ca.crt

# Disable cert checking for the e2e cluster entry
kubectl config set-cluster e2e --insecure-skip-tls-verify=true

# Set the custom TLS server name to use for validation for the e2e cluster entry
kubectl config set-cluster e2e --tls-server-name=my-cluster-name

# Set the proxy URL for the e2e cluster entry
kubectl config set-cluster e2e --proxy-url=https://1.2.3.4`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      {
        name: 'certificate-authority',
        type: 'string',
        usage: 'Path to certificate-authority file for the cluster entry in kubeconfig',
      },
      {
        name: 'embed-certs',
        type: 'bool',
        usage: 'embed-certs for the cluster entry in kubeconfig',
      },
      {
        name: 'insecure-skip-tls-verify',
        type: 'bool',
        usage: 'insecure-skip-tls-verify for the cluster entry in kubeconfig',
      },
      { name: 'proxy-url', type: 'string', usage: 'proxy-url for the cluster entry in kubeconfig' },
      { name: 'server', type: 'string', usage: 'server for the cluster entry in kubeconfig' },
      {
        name: 'tls-server-name',
        type: 'string',
        usage: 'tls-server-name for the cluster entry in kubeconfig',
      },
    ] as const),
  async run({ values, args, changed }, ctx) {
    if (args.length !== 1)
      return failed(`error: Unexpected args: [${args.join(' ')}]\n`, ctx.help())
    const name = args[0] ?? ''
    if (values['embed-certs'] && values['certificate-authority'] === '')
      return failed('error: you must specify a --certificate-authority to embed\n')
    const loaded = load(ctx)
    if ('exitCode' in loaded) return loaded
    const cluster: KubeconfigCluster = {
      ...(findNamed(loaded.config.clusters, name) ?? { server: '' }),
    }
    if (changed.includes('server')) {
      cluster.server = values.server
      // A new --server drops the TLS server name the file had (set again just below if given).
      delete cluster['tls-server-name']
    }
    if (changed.includes('tls-server-name') && values['tls-server-name'] !== '')
      cluster['tls-server-name'] = values['tls-server-name']
    if (changed.includes('insecure-skip-tls-verify')) {
      if (values['insecure-skip-tls-verify']) {
        cluster['insecure-skip-tls-verify'] = true
        // Insecure mode clears any certificate authority.
        delete cluster['certificate-authority']
        delete cluster['certificate-authority-data']
      } else delete cluster['insecure-skip-tls-verify']
    }
    if (changed.includes('certificate-authority')) {
      const path = values['certificate-authority']
      if (values['embed-certs']) {
        const data = await embed(ctx, path)
        if (typeof data !== 'string') return data
        cluster['certificate-authority-data'] = data
        delete cluster['insecure-skip-tls-verify']
        delete cluster['certificate-authority']
      } else if (path !== '') {
        // A certificate authority ends insecure mode.
        cluster['certificate-authority'] = absolute(ctx, path)
        delete cluster['insecure-skip-tls-verify']
        delete cluster['certificate-authority-data']
      }
    }
    if (changed.includes('proxy-url') && values['proxy-url'] !== '')
      cluster['proxy-url'] = values['proxy-url']
    return save(ctx, setCluster(loaded.config, name, cluster), `Cluster "${name}" set.\n`)
  },
})

// ---------------------------------------------------------------------------------------------
// set-credentials

const setCredentialsCommand = kubectlCommand({
  path: 'kubectl config set-credentials',
  use: 'NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password] [--auth-provider=provider_name] [--auth-provider-arg=key=value] [--exec-command=exec_command] [--exec-api-version=exec_api_version] [--exec-arg=arg] [--exec-env=key=value]',
  short: 'Set a user entry in kubeconfig',
  long: `Set a user entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values.

        Client-certificate flags:
        --client-certificate=certfile --client-key=keyfile
        
        Bearer token flags:
        --token=bearer_token
        
        Basic auth flags:
        --username=basic_user --password=basic_password
        
 Bearer token and basic auth are mutually exclusive.`,
  example: `# Set only the "client-key" field on the "cluster-admin"
# entry, without touching other values
kubectl config set-credentials cluster-admin --client-key=~/.kube/admin.key

# Set basic auth for the "cluster-admin" entry
kubectl config set-credentials cluster-admin --username=admin --password=uXFGweU9l35qcif

# Embed client certificate data in the "cluster-admin" entry
kubectl config set-credentials cluster-admin --client-certificate=~/.kube/admin.crt --embed-certs=true

# Enable the Google Compute Platform auth provider for the "cluster-admin" entry
kubectl config set-credentials cluster-admin --auth-provider=gcp

# Enable the OpenID Connect auth provider for the "cluster-admin" entry with additional arguments
kubectl config set-credentials cluster-admin --auth-provider=oidc --auth-provider-arg=client-id=foo --auth-provider-arg=client-secret=bar

# Remove the "client-secret" config value for the OpenID Connect auth provider for the "cluster-admin" entry
kubectl config set-credentials cluster-admin --auth-provider=oidc --auth-provider-arg=client-secret-

# Enable new exec auth plugin for the "cluster-admin" entry
kubectl config set-credentials cluster-admin --exec-command=/path/to/the/executable --exec-api-version=client.authentication.k8s.io/v1beta1

# Enable new exec auth plugin for the "cluster-admin" entry with interactive mode
kubectl config set-credentials cluster-admin --exec-command=/path/to/the/executable --exec-api-version=client.authentication.k8s.io/v1beta1 --exec-interactive-mode=Never

# Define new exec auth plugin arguments for the "cluster-admin" entry
kubectl config set-credentials cluster-admin --exec-arg=arg1 --exec-arg=arg2

# Create or update exec auth plugin environment variables for the "cluster-admin" entry
kubectl config set-credentials cluster-admin --exec-env=key1=val1 --exec-env=key2=val2

# Remove exec auth plugin environment variables for the "cluster-admin" entry
kubectl config set-credentials cluster-admin --exec-env=var-to-remove-`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      {
        name: 'auth-provider',
        type: 'string',
        usage: 'Auth provider for the user entry in kubeconfig',
      },
      {
        name: 'auth-provider-arg',
        type: 'stringSlice',
        usage: "'key=value' arguments for the auth provider",
      },
      {
        name: 'client-certificate',
        type: 'string',
        usage: 'Path to client-certificate file for the user entry in kubeconfig',
      },
      {
        name: 'client-key',
        type: 'string',
        usage: 'Path to client-key file for the user entry in kubeconfig',
      },
      {
        name: 'embed-certs',
        type: 'bool',
        usage: 'Embed client cert/key for the user entry in kubeconfig',
      },
      {
        name: 'exec-api-version',
        type: 'string',
        usage: 'API version of the exec credential plugin for the user entry in kubeconfig',
      },
      {
        name: 'exec-arg',
        type: 'stringSlice',
        usage:
          'New arguments for the exec credential plugin command for the user entry in kubeconfig',
      },
      {
        name: 'exec-command',
        type: 'string',
        usage: 'Command for the exec credential plugin for the user entry in kubeconfig',
      },
      {
        name: 'exec-env',
        type: 'stringArray',
        usage: "'key=value' environment values for the exec credential plugin",
      },
      {
        name: 'exec-interactive-mode',
        type: 'string',
        usage: 'InteractiveMode of the exec credentials plugin for the user entry in kubeconfig',
      },
      {
        name: 'exec-provide-cluster-info',
        type: 'bool',
        usage: 'ProvideClusterInfo of the exec credentials plugin for the user entry in kubeconfig',
      },
      { name: 'password', type: 'string', usage: 'password for the user entry in kubeconfig' },
      { name: 'token', type: 'string', usage: 'token for the user entry in kubeconfig' },
      { name: 'username', type: 'string', usage: 'username for the user entry in kubeconfig' },
    ] as const),
  async run({ values, args, changed }, ctx) {
    if (args.length !== 1)
      return failed(`error: unexpected args: [${args.join(' ')}]\n`, ctx.help())
    const name = args[0] ?? ''
    const methods: string[] = []
    if (values.token !== '') methods.push('--token')
    if (values.username !== '' || values.password !== '') methods.push('--username/--password')
    if (methods.length > 1)
      return failed(
        `error: you cannot specify more than one authentication method at the same time: ${methods.join(', ')}\n`,
      )
    if (values['embed-certs'] && values['client-certificate'] === '' && values['client-key'] === '')
      return failed('error: you must specify a --client-certificate or --client-key to embed\n')
    const loaded = load(ctx)
    if ('exitCode' in loaded) return loaded
    const user: KubeconfigUser = { ...(findNamed(loaded.config.users, name) ?? {}) }
    for (const [flag, field] of [
      ['client-certificate', 'client-certificate'],
      ['client-key', 'client-key'],
    ] as const) {
      if (!changed.includes(flag)) continue
      const path = values[flag]
      if (values['embed-certs']) {
        const data = await embed(ctx, path)
        if (typeof data !== 'string') return data
        user[`${field}-data`] = data
        delete user[field]
      } else {
        user[field] = absolute(ctx, path)
        delete user[`${field}-data`]
      }
    }
    if (changed.includes('token')) user.token = values.token
    if (changed.includes('username')) user.username = values.username
    if (changed.includes('password')) user.password = values.password
    if (changed.includes('auth-provider') || changed.includes('auth-provider-arg')) {
      const previous = (user['auth-provider'] ?? {}) as {
        name?: string
        config?: Record<string, string>
      }
      const config: Record<string, string> = { ...(previous.config ?? {}) }
      for (const arg of values['auth-provider-arg']) {
        if (arg.endsWith('-') && !arg.includes('=')) delete config[arg.slice(0, -1)]
        else {
          const eq = arg.indexOf('=')
          if (eq > 0) config[arg.slice(0, eq)] = arg.slice(eq + 1)
        }
      }
      user['auth-provider'] = {
        name: changed.includes('auth-provider') ? values['auth-provider'] : (previous.name ?? ''),
        ...(Object.keys(config).length > 0 ? { config } : {}),
      }
    }
    if (changed.some((c) => c.startsWith('exec-'))) {
      const previous = (user.exec ?? {}) as Record<string, unknown>
      const exec: Record<string, unknown> = {
        command: changed.includes('exec-command')
          ? values['exec-command']
          : (previous['command'] ?? ''),
        apiVersion: changed.includes('exec-api-version')
          ? values['exec-api-version']
          : (previous['apiVersion'] ?? ''),
      }
      const execArgs = changed.includes('exec-arg') ? values['exec-arg'] : previous['args']
      if (Array.isArray(execArgs) && execArgs.length > 0) exec['args'] = execArgs
      const env = new Map(
        ((previous['env'] ?? []) as { name: string; value: string }[]).map((e) => [
          e.name,
          e.value,
        ]),
      )
      for (const entry of values['exec-env']) {
        if (entry.endsWith('-') && !entry.includes('=')) env.delete(entry.slice(0, -1))
        else {
          const eq = entry.indexOf('=')
          if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1))
        }
      }
      if (env.size > 0) exec['env'] = [...env].map(([n, v]) => ({ name: n, value: v }))
      if (values['exec-provide-cluster-info']) exec['provideClusterInfo'] = true
      exec['interactiveMode'] = changed.includes('exec-interactive-mode')
        ? values['exec-interactive-mode']
        : (previous['interactiveMode'] ?? 'IfAvailable')
      user.exec = exec
    }
    return save(ctx, setUser(loaded.config, name, user), `User "${name}" set.\n`)
  },
})

// ---------------------------------------------------------------------------------------------
// set / unset PROPERTY_NAME

type FieldKind = 'string' | 'bool' | 'bytes'

const CLUSTER_FIELDS: Record<string, FieldKind> = {
  server: 'string',
  'tls-server-name': 'string',
  'insecure-skip-tls-verify': 'bool',
  'certificate-authority': 'string',
  'certificate-authority-data': 'bytes',
  'proxy-url': 'string',
  'disable-compression': 'bool',
}
const CONTEXT_FIELDS: Record<string, FieldKind> = {
  cluster: 'string',
  user: 'string',
  namespace: 'string',
}
const USER_FIELDS: Record<string, FieldKind> = {
  'client-certificate': 'string',
  'client-certificate-data': 'bytes',
  'client-key': 'string',
  'client-key-data': 'bytes',
  token: 'string',
  tokenFile: 'string',
  as: 'string',
  'as-uid': 'string',
  username: 'string',
  password: 'string',
}
const LISTS = {
  clusters: { fields: CLUSTER_FIELDS, goType: 'api.Cluster' },
  contexts: { fields: CONTEXT_FIELDS, goType: 'api.Context' },
  users: { fields: USER_FIELDS, goType: 'api.AuthInfo' },
} as const
type ListName = keyof typeof LISTS

const isList = (s: string): s is ListName => s in LISTS

const parseBool = (v: string): boolean | undefined => {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false
  return undefined
}

const unableToParse = (property: string): string =>
  `error: unable to parse ${property} after [] at api.Config\n`

/** client-go prints the map it could not descend into with its entries' addresses. */
function mapError(names: readonly string[]): string {
  const entries = [...names]
    .sort()
    .map((n, i) => `${n}:0xc0000d${(0x3e00 + i * 0x80).toString(16)}`)
  return `error: can't set a map to a value: map[${entries.join(' ')}]\n`
}

function entries(config: Kubeconfig, list: ListName): Named<Record<string, unknown>>[] {
  return config[list] as unknown as Named<Record<string, unknown>>[]
}

function withEntries(
  config: Kubeconfig,
  list: ListName,
  items: Named<Record<string, unknown>>[],
): Kubeconfig {
  return { ...config, [list]: items }
}

/** A fresh entry as clientcmd creates one (Cluster and Context have always-written fields). */
const freshEntry = (list: ListName): Record<string, unknown> =>
  list === 'clusters' ? { server: '' } : list === 'contexts' ? { cluster: '', user: '' } : {}

const setCommand = kubectlCommand({
  path: 'kubectl config set',
  use: 'PROPERTY_NAME PROPERTY_VALUE',
  short: 'Set an individual value in a kubeconfig file',
  long: `Set an individual value in a kubeconfig file.

 PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.

 PROPERTY_VALUE is the new value you want to set. Binary fields such as 'certificate-authority-data' expect a base64 encoded string unless the --set-raw-bytes flag is used.

 Specifying an attribute name that already exists will merge new fields on top of existing values.`,
  example: `# Set the server field on the my-cluster cluster to https://1.2.3.4
kubectl config set clusters.my-cluster.server https://1.2.3.4

# Set the certificate-authority-data field on the my-cluster cluster
kubectl config set clusters.my-cluster.certificate-authority-data $(echo "cert_data_here" | base64 -i -)

# Set the cluster field in the my-context context to my-cluster
kubectl config set contexts.my-context.cluster my-cluster

# Set the client-key-data field in the cluster-admin user using --set-raw-bytes option
kubectl config set users.cluster-admin.client-key-data cert_data_here --set-raw-bytes=true`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      {
        name: 'set-raw-bytes',
        type: 'bool',
        usage:
          'When writing a []byte PROPERTY_VALUE, write the given string directly without base64 decoding.',
      },
    ] as const),
  async run({ values, args }, ctx) {
    if (args.length !== 2)
      return failed(`error: Unexpected args: [${args.join(' ')}]\n`, ctx.help())
    const [property = '', value = ''] = args
    const loaded = load(ctx)
    if ('exitCode' in loaded) return loaded
    const config = loaded.config
    const done = `Property "${property}" set.\n`
    const parts = property.split('.')
    const [head = '', key, field, ...extra] = parts
    if (property === 'current-context') return save(ctx, { ...config, currentContext: value }, done)
    if (head === 'preferences' && key === 'colors' && parts.length === 2) {
      const b = parseBool(value)
      if (b === undefined)
        return failed(
          `error: strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax\n`,
        )
      return save(ctx, { ...config, preferences: { ...config.preferences, colors: b } }, done)
    }
    if (!isList(head) || key === undefined) return failed(unableToParse(property))
    const list = LISTS[head]
    const kind = field === undefined ? undefined : list.fields[field]
    if (kind === undefined || extra.length > 0)
      return failed(mapError(entries(config, head).map((e) => e.name)))
    let stored: unknown = value
    if (kind === 'bool') {
      const b = parseBool(value)
      if (b === undefined)
        return failed(
          `error: strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax\n`,
        )
      stored = b
    } else if (kind === 'bytes') {
      if (values['set-raw-bytes']) stored = base64(value)
      else {
        const at = corruptBase64At(value)
        if (at >= 0)
          return failed(
            `error: error decoding input value: illegal base64 data at input byte ${at}\n`,
          )
      }
    }
    const items = entries(config, head)
    const existing = items.find((e) => e.name === key)
    const next = { ...(existing?.value ?? freshEntry(head)), [field ?? '']: stored }
    const updated = existing
      ? items.map((e) => (e.name === key ? { name: key, value: next } : e))
      : [...items, { name: key, value: next }]
    return save(ctx, withEntries(config, head, updated), done)
  },
})

const unsetCommand = kubectlCommand({
  path: 'kubectl config unset',
  use: 'PROPERTY_NAME',
  short: 'Unset an individual value in a kubeconfig file',
  long: `Unset an individual value in a kubeconfig file.

 PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.`,
  example: `# Unset the current-context
kubectl config unset current-context

# Unset namespace in foo context
kubectl config unset contexts.foo.namespace`,
  args: { kind: 'any' },
  flags: () => new FlagSet([] as const),
  async run({ args }, ctx) {
    if (args.length !== 1)
      return failed(`error: Unexpected args: [${args.join(' ')}]\n`, ctx.help())
    const property = args[0] ?? ''
    const loaded = load(ctx)
    if ('exitCode' in loaded) return loaded
    const config = loaded.config
    const done = `Property "${property}" unset.\n`
    const [head = '', key, field] = property.split('.')
    if (property === 'current-context') return save(ctx, { ...config, currentContext: '' }, done)
    if (property === 'preferences') return save(ctx, { ...config, preferences: {} }, done)
    if (property === 'preferences.colors') {
      const { colors: _dropped, ...rest } = config.preferences
      void _dropped
      return save(ctx, { ...config, preferences: rest }, done)
    }
    if (!isList(head)) return failed(unableToParse(property))
    const items = entries(config, head)
    if (key === undefined) return save(ctx, withEntries(config, head, []), done)
    if (field === undefined)
      return save(
        ctx,
        withEntries(
          config,
          head,
          items.filter((e) => e.name !== key),
        ),
        done,
      )
    const updated = items.map((e) => {
      if (e.name !== key) return e
      const value: Record<string, unknown> = { ...e.value }
      // Fields client-go always writes go back to their zero value.
      if (field in freshEntry(head)) value[field] = ''
      else delete value[field]
      return { name: e.name, value }
    })
    return save(ctx, withEntries(config, head, updated), done)
  },
})

// ---------------------------------------------------------------------------------------------
// delete-cluster, delete-user

const deleteClusterCommand = kubectlCommand({
  path: 'kubectl config delete-cluster',
  use: 'NAME',
  short: 'Delete the specified cluster from the kubeconfig',
  long: 'Delete the specified cluster from the kubeconfig.',
  example: `# Delete the minikube cluster
kubectl config delete-cluster minikube`,
  args: { kind: 'any' },
  flags: () => new FlagSet([] as const),
  async run({ args }, ctx) {
    // kubectl prints its help, successfully, unless exactly one name is given.
    if (args.length !== 1) return done(ctx.help())
    const name = args[0] ?? ''
    const loaded = load(ctx)
    if ('exitCode' in loaded) return loaded
    if (findNamed(loaded.config.clusters, name) === undefined)
      return failed(`error: cannot delete cluster ${name}, not in ${loaded.file}\n`)
    return save(
      ctx,
      removeCluster(loaded.config, name),
      `deleted cluster ${name} from ${loaded.file}\n`,
    )
  },
})

const deleteUserCommand = kubectlCommand({
  path: 'kubectl config delete-user',
  use: 'NAME',
  short: 'Delete the specified user from the kubeconfig',
  long: 'Delete the specified user from the kubeconfig.',
  example: `# Delete the minikube user
kubectl config delete-user minikube`,
  args: { kind: 'any' },
  flags: () => new FlagSet([] as const),
  async run({ args }, ctx) {
    if (args.length !== 1) return failed(usageError(ctx.commandPath, 'user to delete is required'))
    const name = args[0] ?? ''
    const loaded = load(ctx)
    if ('exitCode' in loaded) return loaded
    if (findNamed(loaded.config.users, name) === undefined)
      return failed(`error: cannot delete user ${name}, not in ${loaded.file}\n`)
    return save(ctx, removeUser(loaded.config, name), `deleted user ${name} from ${loaded.file}\n`)
  },
})

export const CONFIG_EDIT_COMMANDS: Readonly<Record<string, KubectlCommand>> = {
  deleteCluster: deleteClusterCommand,
  deleteUser: deleteUserCommand,
  set: setCommand,
  setCluster: setClusterCommand,
  setCredentials: setCredentialsCommand,
  unset: unsetCommand,
}
