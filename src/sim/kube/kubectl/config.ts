/**
 * `kubectl config …`: reading and editing the kubeconfig (view, current-context, get-contexts,
 * get-clusters, get-users, use-context, set-context, delete-context, rename-context), through
 * the same loading rules as every other command (--kubeconfig, $KUBECONFIG, ~/.kube/config).
 */
import { FlagSet } from '../../cli-kit/flags'
import { KUBECTL_TABWRITER, tabwrite } from '../../cli-kit/tabwriter'
import type { CommandOutput } from '../../shell/command'
import {
  findNamed,
  kubeconfigObject,
  removeContext,
  setContext,
  useContext,
  type Kubeconfig,
  type KubeconfigUser,
} from '../kubeconfig'
import { kubectlCommand, type KubectlCommand, type KubectlContext } from './command'
import { CONFIG_EDIT_COMMANDS, inClientGoOrder } from './config-edit'
import { usageError } from './help'
import { parseOutputFormat } from './output/format'
import { marshalIndent } from './output/json'
import { printData } from './output/objects'
import type { KubeObject } from '../api/object'

const done = (stdout: string): CommandOutput => ({ stdout, stderr: '', exitCode: 0 })
const failed = (stderr: string, stdout = ''): CommandOutput => ({ stdout, stderr, exitCode: 1 })

/** The loaded kubeconfig or kubectl's failure to read it. */
function load(ctx: KubectlContext): { config: Kubeconfig } | { failure: CommandOutput } {
  const loaded = ctx.kubeconfig.load()
  return loaded.ok ? { config: loaded.value.config } : { failure: loaded.error }
}

/** `config view` hides secrets unless --raw (clientcmdapi.ShortenConfig / RedactSecrets). */
function redacted(config: Kubeconfig): Kubeconfig {
  const DATA = ['certificate-authority-data']
  return {
    ...config,
    clusters: config.clusters.map((c) => {
      const value = { ...c.value } as Record<string, unknown>
      for (const k of DATA) if (typeof value[k] === 'string') value[k] = 'DATA+OMITTED'
      return { name: c.name, value: value as unknown as typeof c.value }
    }),
    users: config.users.map((u) => {
      const value: KubeconfigUser = { ...u.value }
      for (const k of ['client-certificate-data', 'client-key-data'])
        if (typeof value[k] === 'string') value[k] = 'DATA+OMITTED'
      for (const k of ['token', 'password']) if (typeof value[k] === 'string') value[k] = 'REDACTED'
      return { name: u.name, value }
    }),
  }
}

/** --minify: only what the current context uses. */
function minify(config: Kubeconfig): Kubeconfig | string {
  const context = findNamed(config.contexts, config.currentContext)
  if (config.currentContext === '') return 'current-context must exist in order to minify'
  if (context === undefined) return `cannot locate context ${config.currentContext}`
  return {
    ...config,
    contexts: config.contexts.filter((c) => c.name === config.currentContext),
    clusters: config.clusters.filter((c) => c.name === context.cluster),
    users: config.users.filter((u) => u.name === context.user),
  }
}

const VIEW_FLAGS = [
  {
    name: 'allow-missing-template-keys',
    type: 'bool',
    default: true,
    usage:
      'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
  },
  {
    name: 'flatten',
    type: 'bool',
    usage:
      'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)',
  },
  {
    name: 'merge',
    type: 'bool',
    default: true,
    usage: 'Merge the full hierarchy of kubeconfig files',
  },
  {
    name: 'minify',
    type: 'bool',
    usage: 'Remove all information not used by current-context from the output',
  },
  {
    name: 'output',
    shorthand: 'o',
    type: 'string',
    default: 'yaml',
    usage:
      'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
  },
  { name: 'raw', type: 'bool', usage: 'Display raw byte data and sensitive data' },
  {
    name: 'show-managed-fields',
    type: 'bool',
    usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
  },
  {
    name: 'template',
    type: 'string',
    usage:
      'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
  },
] as const

const VIEW_FORMATS = [
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'name',
  'template',
  'templatefile',
  'yaml',
]

const viewCommand = kubectlCommand({
  path: 'kubectl config view',
  use: '[flags]',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  long: `Display merged kubeconfig settings or a specified kubeconfig file.

 You can use --output jsonpath={...} to extract specific values using a jsonpath expression.`,
  example: `# Show merged kubeconfig settings
kubectl config view

# Show merged kubeconfig settings, raw certificate data, and exposed secrets
kubectl config view --raw

# Get the password for the e2e user
kubectl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'`,
  args: { kind: 'any' },
  flags: () => new FlagSet(VIEW_FLAGS),
  async run({ values, args }, ctx) {
    if (args.length > 0)
      return failed(usageError(ctx.commandPath, `unexpected arguments: [${args.join(' ')}]`))
    const loaded = load(ctx)
    if ('failure' in loaded) return loaded.failure
    let config = loaded.config
    if (values.minify) {
      const m = minify(config)
      if (typeof m === 'string') return failed(`error: ${m}\n`)
      config = m
    }
    if (!values.raw) config = redacted(config)
    config = inClientGoOrder(config)
    // clientcmd's v1.Config marshals in struct order, not sorted like a Kubernetes object.
    if (values.output === 'json')
      return done(`${marshalIndent(kubeconfigObject(config), '    ')}\n`)
    const format = await parseOutputFormat(values.output, values.template, ctx.shell, VIEW_FORMATS)
    if (!format.ok) return failed(`error: ${format.error}\n`)
    if (format.value.kind === 'table') return failed('error: unexpected output format\n')
    const object = kubeconfigObject(config) as unknown as KubeObject
    return printData(format.value, [object], {
      single: true,
      showManagedFields: true,
      allowMissingTemplateKeys: values['allow-missing-template-keys'],
      noHeaders: false,
    })
  },
})

const currentContextCommand = kubectlCommand({
  path: 'kubectl config current-context',
  use: '[flags]',
  short: 'Display the current-context',
  long: 'Display the current-context.',
  example: `# Display the current-context
kubectl config current-context`,
  args: { kind: 'any' },
  flags: () => new FlagSet([] as const),
  run(_parsed, ctx) {
    const loaded = load(ctx)
    if ('failure' in loaded) return loaded.failure
    if (loaded.config.currentContext === '') return failed('error: current-context is not set\n')
    return done(`${loaded.config.currentContext}\n`)
  },
})

const getContextsCommand = kubectlCommand({
  path: 'kubectl config get-contexts',
  use: '[(-o|--output=)name)] [flags]',
  short: 'Describe one or many contexts',
  long: 'Display one or many contexts from the kubeconfig file.',
  example: `# List all the contexts in your kubeconfig file
kubectl config get-contexts

# Describe one context in your kubeconfig file
kubectl config get-contexts my-context`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      {
        name: 'no-headers',
        type: 'bool',
        usage:
          "When using the default or custom-column output format, don't print headers (default print headers).",
      },
      { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (name).' },
    ] as const),
  run({ values, args }, ctx) {
    const loaded = load(ctx)
    if ('failure' in loaded) return loaded.failure
    const config = loaded.config
    if (values.output !== '' && values.output !== 'name')
      return failed(`error: output must be one of '' or 'name'\n`)
    const wanted = args.length === 0 ? config.contexts.map((c) => c.name).sort() : args
    let table = values['no-headers'] ? '' : 'CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n'
    let names = ''
    let errors = ''
    for (const name of wanted) {
      const c = findNamed(config.contexts, name)
      if (c === undefined) {
        errors += `context ${name} not found\n`
        continue
      }
      names += `${name}\n`
      const current = name === config.currentContext ? '*' : ''
      table += `${current}\t${name}\t${c.cluster}\t${c.user}\t${c.namespace ?? ''}\n`
    }
    const stdout = values.output === 'name' ? names : tabwrite(table, KUBECTL_TABWRITER)
    if (errors === '') return done(stdout)
    // One missing context is an `error:`; several are listed plainly (kubectl's aggregate).
    return failed(args.length === 1 ? `error: ${errors}` : errors, stdout)
  },
})

const namesCommand = (kind: 'clusters' | 'users', short: string, example: string): KubectlCommand =>
  kubectlCommand({
    path: `kubectl config get-${kind}`,
    use: '[flags]',
    short,
    long: `${short}.`,
    example,
    args: { kind: 'any' },
    flags: () => new FlagSet([] as const),
    run(_parsed, ctx) {
      const loaded = load(ctx)
      if ('failure' in loaded) return loaded.failure
      const list = kind === 'clusters' ? loaded.config.clusters : loaded.config.users
      return done(`NAME\n${list.map((c) => `${c.name}\n`).join('')}`)
    },
  })

const useContextCommand = kubectlCommand({
  path: 'kubectl config use-context',
  use: 'CONTEXT_NAME [flags]',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  long: 'Set the current-context in a kubeconfig file.',
  example: `# Use the context for the minikube cluster
kubectl config use-context minikube`,
  args: { kind: 'any' },
  flags: () => new FlagSet([] as const),
  async run({ args }, ctx) {
    if (args.length !== 1)
      return {
        stdout: ctx.help(),
        stderr: `error: Unexpected args: [${args.join(' ')}]\n`,
        exitCode: 1,
      }
    const loaded = load(ctx)
    if ('failure' in loaded) return loaded.failure
    const name = args[0] ?? ''
    if (findNamed(loaded.config.contexts, name) === undefined)
      return failed(`error: no context exists with the name: "${name}"\n`)
    const saved = await ctx.kubeconfig.save(useContext(loaded.config, name))
    if (!saved.ok) return saved.error
    return done(`Switched to context "${name}".\n`)
  },
})

const setContextCommand = kubectlCommand({
  path: 'kubectl config set-context',
  use: '[NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [flags]',
  short: 'Set a context entry in kubeconfig',
  long: `Set a context entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.`,
  example: `# Set the user field on the gce context entry without touching other values
kubectl config set-context gce --user=cluster-admin`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([{ name: 'current', type: 'bool', usage: 'Modify the current context' }] as const),
  async run({ values, args }, ctx) {
    const loaded = load(ctx)
    if ('failure' in loaded) return loaded.failure
    const config = loaded.config
    let name = args[0] ?? ''
    if (values.current) {
      if (args.length > 0)
        return failed('error: you cannot specify both a context name and --current\n')
      name = config.currentContext
    }
    if (name === '')
      return failed('error: you must specify a non-empty context name or --current\n')
    const existing = findNamed(config.contexts, name)
    const g = ctx.globals
    const next = {
      cluster: g.cluster ?? existing?.cluster ?? '',
      user: g.user ?? existing?.user ?? '',
      ...(g.namespace !== undefined
        ? { namespace: g.namespace }
        : existing?.namespace !== undefined
          ? { namespace: existing.namespace }
          : {}),
      ...(existing?.extensions === undefined ? {} : { extensions: existing.extensions }),
    }
    const saved = await ctx.kubeconfig.save(setContext(config, name, next))
    if (!saved.ok) return saved.error
    return done(`Context "${name}" ${existing === undefined ? 'created' : 'modified'}.\n`)
  },
})

const deleteContextCommand = kubectlCommand({
  path: 'kubectl config delete-context',
  use: 'CONTEXT_NAME [flags]',
  short: 'Delete the specified context from the kubeconfig',
  long: 'Delete the specified context from the kubeconfig.',
  example: `# Delete the context for the minikube cluster
kubectl config delete-context minikube`,
  args: { kind: 'any' },
  flags: () => new FlagSet([] as const),
  async run({ args }, ctx) {
    if (args.length === 0) return { stdout: ctx.help(), stderr: '', exitCode: 0 }
    if (args.length > 1) return failed(`error: Unexpected args: [${args.join(' ')}]\n`)
    const loaded = load(ctx)
    if ('failure' in loaded) return loaded.failure
    const name = args[0] ?? ''
    const path = ctx.kubeconfig.load()
    const file = path.ok ? path.value.writePath : ''
    if (findNamed(loaded.config.contexts, name) === undefined)
      return failed(`error: cannot delete context ${name}, not in ${file}\n`)
    let stderr = ''
    if (loaded.config.currentContext === name)
      stderr =
        'warning: this removed your active context, use "kubectl config use-context" to select a different one\n'
    const saved = await ctx.kubeconfig.save(removeContext(loaded.config, name))
    if (!saved.ok) return saved.error
    return { stdout: `deleted context ${name} from ${file}\n`, stderr, exitCode: 0 }
  },
})

const renameContextCommand = kubectlCommand({
  path: 'kubectl config rename-context',
  use: 'CONTEXT_NAME NEW_NAME [flags]',
  short: 'Rename a context from the kubeconfig file',
  long: `Renames a context from the kubeconfig file.

 CONTEXT_NAME is the context name that you want to change.

 NEW_NAME is the new name you want to set.

 Note: If the context being renamed is the 'current-context', this field will also be updated.`,
  example: `# Rename the context 'old-name' to 'new-name' in your kubeconfig file
kubectl config rename-context old-name new-name`,
  args: { kind: 'any' },
  flags: () => new FlagSet([] as const),
  async run({ args }, ctx) {
    if (args.length !== 2)
      return {
        stdout: ctx.help(),
        stderr: `error: Unexpected args: [${args.join(' ')}]\n`,
        exitCode: 1,
      }
    const [from = '', to = ''] = args
    const loaded = load(ctx)
    if ('failure' in loaded) return loaded.failure
    const config = loaded.config
    const context = findNamed(config.contexts, from)
    const path = ctx.kubeconfig.load()
    const file = path.ok ? path.value.writePath : ''
    if (context === undefined)
      return failed(`error: cannot rename the context "${from}", it's not in ${file}\n`)
    if (findNamed(config.contexts, to) !== undefined)
      return failed(
        `error: cannot rename the context "${from}", the context "${to}" already exists in ${file}\n`,
      )
    let next = setContext(removeContext(config, from), to, context)
    if (config.currentContext === from) next = useContext(next, to)
    const saved = await ctx.kubeconfig.save(next)
    if (!saved.ok) return saved.error
    return done(`Context "${from}" renamed to "${to}".\n`)
  },
})

const SUBCOMMANDS: readonly KubectlCommand[] = [
  currentContextCommand,
  CONFIG_EDIT_COMMANDS['deleteCluster'] as KubectlCommand,
  deleteContextCommand,
  CONFIG_EDIT_COMMANDS['deleteUser'] as KubectlCommand,
  namesCommand(
    'clusters',
    'Display clusters defined in the kubeconfig',
    `# List the clusters that kubectl knows about
kubectl config get-clusters`,
  ),
  getContextsCommand,
  namesCommand(
    'users',
    'Display users defined in the kubeconfig',
    `# List the users that kubectl knows about
kubectl config get-users`,
  ),
  renameContextCommand,
  CONFIG_EDIT_COMMANDS['set'] as KubectlCommand,
  CONFIG_EDIT_COMMANDS['setCluster'] as KubectlCommand,
  setContextCommand,
  CONFIG_EDIT_COMMANDS['setCredentials'] as KubectlCommand,
  CONFIG_EDIT_COMMANDS['unset'] as KubectlCommand,
  useContextCommand,
  viewCommand,
]

export const configCommand = kubectlCommand({
  path: 'kubectl config',
  use: 'SUBCOMMAND',
  short: 'Modify kubeconfig files',
  long: `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.`,
  args: { kind: 'any' },
  subcommands: SUBCOMMANDS,
  flags: () => new FlagSet([] as const),
  run({ args }, ctx) {
    // cmdutil.DefaultSubCommandRun: the help goes to stderr.
    if (args.length === 0) return { stdout: '', stderr: ctx.help(), exitCode: 1 }
    return failed(
      `error: unknown command "${args[0] ?? ''}"\nSee 'kubectl config -h' for help and examples\n`,
    )
  },
})
