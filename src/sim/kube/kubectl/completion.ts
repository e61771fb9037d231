/**
 * Tab completion for kubectl, as `source <(kubectl completion bash)` offers it (each command's
 * ValidArgsFunction in kubectl 1.32, pkg/util/completion): commands and subcommands, flags,
 * resource types (`kubectl get <Tab>` lists plural names, as `api-resources -o name` does), then
 * the names of the objects of that type in the namespace (again and again for get, describe,
 * delete…, leaving out those already typed), `TYPE/NAME` forms, pods and `deployments/`-style
 * prefixes for logs/exec/attach/port-forward, a container after `logs POD`, the types a verb
 * accepts (`scale` → deployment, replicaset…), nodes for cordon/drain/top node, namespaces after
 * -n or --namespace=, context names for `config use-context`, and `cp`'s `NAMESPACE/`, `POD:`
 * and local paths. The shell filters by the
 * typed prefix; undefined leaves it to file names (apply, create -f…).
 */
import type { CompletionRequest } from '../../shell/command'
import { HOME } from '../../shell/user-environment'
import type { World } from '../../world'
import type { KubeObject } from '../api/object'
import { qualifiedResource, RESOURCE_TYPES, servedType, type ResourceType } from '../api/resources'
import { loadKubeconfig } from '../kubeconfig'
import type { KubectlCommand } from './command'
import { connectTo, resolveTarget } from './connect'
import { GLOBAL_FLAG_SPECS, globalIsBoolean } from './global-flags'
import { resolveTypeWord } from './resource-args'
import { KUBECTL_COMMANDS } from './tree'

const nameOf = (c: KubectlCommand): string => c.path.split(' ').pop() ?? ''

/** Commands whose positional arguments are `TYPE NAME…`. */
const TYPED_ARGS = /TYPE/

const NAMESPACE_FLAGS = new Set(['-n', '--namespace'])

export async function completeKubectl(
  world: World,
  request: CompletionRequest,
): Promise<string[] | undefined> {
  const words = request.words.slice(1, -1)
  let namespace: string | undefined
  let command: KubectlCommand | undefined
  let commands: readonly KubectlCommand[] = KUBECTL_COMMANDS
  const positional: string[] = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? ''
    if (w.startsWith('-')) {
      if (NAMESPACE_FLAGS.has(w)) namespace = words[++i]
      else if (w.startsWith('--namespace=')) namespace = w.slice('--namespace='.length)
      else if (
        !w.includes('=') &&
        GLOBAL_FLAG_SPECS.some((f) => `--${f.name}` === w || `-${f.shorthand ?? ''}` === w) &&
        !globalIsBoolean(w.replace(/^-+/, ''))
      )
        i++
      // `-o wide`, `-f file.yaml`: the command's own flag takes the next word as its value.
      else if (takesValue(command, w)) i++
      continue
    }
    const sub =
      positional.length === 0
        ? commands.find((c) => nameOf(c) === w || (c.aliases ?? []).includes(w))
        : undefined
    if (sub !== undefined) {
      command = sub
      commands = sub.subcommands ?? []
      continue
    }
    positional.push(w)
  }
  const previous = words[words.length - 1] ?? ''
  const last = request.words[request.words.length - 1] ?? ''
  const cluster = async (): Promise<
    { c: ReturnType<typeof connectTo>; ns: string } | undefined
  > => {
    const loaded = await loadKubeconfig(request.fs, {
      home: HOME,
      resolve: (p) => (p.startsWith('/') ? p : `${request.cwd}/${p}`),
    })
    if (!loaded.ok) return undefined
    const target = resolveTarget(loaded.value.config, namespace === undefined ? {} : { namespace })
    return { c: connectTo(world.kube, target), ns: target.namespace }
  }
  const namespaces = async (): Promise<string[]> => {
    const found = await cluster()
    if (found === undefined || !found.c.ok) return []
    const listed = found.c.value.api.list(servedType('Namespace'))
    return listed.ok ? listed.value.items.map((o) => o.metadata.name) : []
  }
  if (NAMESPACE_FLAGS.has(previous)) return namespaces()
  // The value of another flag (`-f <Tab>`): file names, as cobra's default.
  if (takesValue(command, previous)) return undefined
  // `--namespace=<Tab>`: the shell completes the whole word, flag included.
  if (last.startsWith('--namespace=')) return (await namespaces()).map((n) => `--namespace=${n}`)
  if (last.startsWith('-')) {
    const own = command?.flags().flags ?? []
    const names = [...own, ...GLOBAL_FLAG_SPECS].filter(
      (f) => !('hidden' in f && f.hidden === true),
    )
    // cobra gives every command its own --help flag, and completes it like the others.
    return [...new Set([...names.map((f) => `--${f.name}`), '--help'])].sort()
  }
  if (command === undefined || (commands.length > 0 && positional.length === 0))
    return commands
      .filter((c) => c.hidden !== true)
      .map(nameOf)
      .sort()
  /** The objects of type `word` (any spelling kubectl accepts) in the namespace. */
  const objectsOf = async (word: string): Promise<KubeObject[]> => {
    const types = resolveTypeWord(word)
    if (!types.ok || types.value.length !== 1) return []
    const t: ResourceType | undefined = types.value[0]
    const found = await cluster()
    if (t === undefined || found === undefined || !found.c.ok) return []
    const listed = found.c.value.api.list(t, t.namespaced ? { namespace: found.ns } : {})
    return listed.ok ? listed.value.items : []
  }
  const names = async (word: string): Promise<string[]> =>
    (await objectsOf(word)).map((o) => o.metadata.name)
  const how = ARGUMENTS[command.path.replace(/^kubectl /, '')]
  if (how === undefined) {
    if (/context/.test(nameOf(command))) return undefined
    if (!TYPED_ARGS.test(command.use)) return undefined
    return typeAndName(positional, last, ALL_TYPES, true, names)
  }
  switch (how.kind) {
    case 'none':
      return undefined
    case 'copy': {
      if (positional.length > 0) return undefined
      const found = await cluster()
      const api = found !== undefined && found.c.ok ? found.c.value.api : undefined
      const podsIn = (ns: string): KubeObject[] => {
        const listed = api?.list(servedType('Pod'), { namespace: ns })
        return listed?.ok === true ? listed.value.items : []
      }
      return copyCandidates(last, {
        namespaces: async () => (await namespaces()).sort(),
        pods: async (ns) =>
          podsIn(ns ?? found?.ns ?? 'default')
            .map((o) => o.metadata.name)
            .sort(),
        files: async () => {
          const entries: string[] = []
          for (const name of (await request.fs.readdir(request.cwd)).sort()) {
            const st = await request.fs.stat(`${request.cwd.replace(/\/$/, '')}/${name}`)
            entries.push(st.isDirectory ? `${name}/` : name)
          }
          return entries
        },
      })
    }
    case 'contexts': {
      if (positional.length > 0) return []
      const loaded = await loadKubeconfig(request.fs, { home: HOME, resolve: (p) => p })
      return loaded.ok ? loaded.value.config.contexts.map((c) => c.name) : []
    }
    case 'names':
      return positional.length === 0 ? names(how.type) : []
    case 'types': {
      const missing = (how.required ?? []).filter(
        (f) => !words.some((w) => w === f || w.startsWith(`${f}=`)),
      )
      return [...missing, ...(await typeAndName(positional, last, how.types, how.repeat, names))]
    }
    case 'pods': {
      if (positional.length === 1 && how.containers) {
        const pod = (await objectsOf('pods')).find((p) => p.metadata.name === positional[0])
        const spec = pod?.['spec'] as { containers?: { name: string }[] } | undefined
        return (spec?.containers ?? []).map((c) => c.name)
      }
      if (positional.length > 0) return []
      const slash = last.indexOf('/')
      if (slash >= 0) {
        const type = last.slice(0, slash)
        return (await names(type)).map((n) => `${type}/${n}`)
      }
      return [...(await names('pods')), ...WITH_PODS.map((t) => `${t}/`)]
    }
  }
}

/** What a command's arguments complete to, where it is not `TYPE NAME…` of any type. */
type Arguments =
  | { kind: 'none' }
  | { kind: 'contexts' }
  | { kind: 'names'; type: string }
  | {
      kind: 'types'
      types: readonly string[]
      repeat: boolean
      /** Flags cobra offers with the arguments until they are given (MarkFlagRequired). */
      required?: readonly string[]
    }
  | { kind: 'pods'; containers: boolean }
  | { kind: 'copy' }

const ROLLOUT = ['deployment', 'daemonset', 'statefulset']
const SCALABLE = ['deployment', 'replicaset', 'replicationcontroller', 'statefulset']

/** Keyed by the command path without `kubectl `; commands not listed take `TYPE NAME…` of any type. */
const ARGUMENTS: Readonly<Record<string, Arguments>> = {
  'rollout status': { kind: 'types', types: ROLLOUT, repeat: false },
  'rollout history': { kind: 'types', types: ROLLOUT, repeat: true },
  'rollout restart': { kind: 'types', types: ROLLOUT, repeat: true },
  'rollout undo': { kind: 'types', types: ROLLOUT, repeat: true },
  'rollout pause': { kind: 'types', types: ['deployment'], repeat: true },
  'rollout resume': { kind: 'types', types: ['deployment'], repeat: true },
  scale: { kind: 'types', types: SCALABLE, repeat: true, required: ['--replicas'] },
  autoscale: { kind: 'types', types: SCALABLE, repeat: true, required: ['--max'] },
  expose: {
    kind: 'types',
    types: ['pod', 'service', 'replicationcontroller', 'deployment', 'replicaset'],
    repeat: true,
  },
  taint: { kind: 'types', types: ['node'], repeat: true },
  'set image': {
    kind: 'types',
    types: [
      'daemonsets',
      'deployments',
      'pods',
      'cronjobs',
      'replicasets',
      'replicationcontrollers',
      'statefulsets',
    ],
    repeat: false,
  },
  logs: { kind: 'pods', containers: true },
  exec: { kind: 'pods', containers: false },
  attach: { kind: 'pods', containers: false },
  cp: { kind: 'copy' },
  'port-forward': { kind: 'pods', containers: false },
  cordon: { kind: 'names', type: 'nodes' },
  uncordon: { kind: 'names', type: 'nodes' },
  drain: { kind: 'names', type: 'nodes' },
  'top node': { kind: 'names', type: 'nodes' },
  'top pod': { kind: 'names', type: 'pods' },
  'config use-context': { kind: 'contexts' },
  'config delete-context': { kind: 'contexts' },
  'config set-context': { kind: 'contexts' },
  'config rename-context': { kind: 'contexts' },
  wait: { kind: 'none' },
  'set env': { kind: 'none' },
  'set resources': { kind: 'none' },
  explain: { kind: 'none' },
  replace: { kind: 'none' },
}

const ALL_TYPES: readonly string[] = RESOURCE_TYPES.map(qualifiedResource).sort()

/** Whether `word` is one of the command's own flags that takes a value (`-f`, `--output`). */
function takesValue(command: KubectlCommand | undefined, word: string): boolean {
  if (command === undefined || word.includes('=') || !word.startsWith('-')) return false
  const flag = command
    .flags()
    .flags.find((f) => `--${f.name}` === word || (f.shorthand !== '' && `-${f.shorthand}` === word))
  return flag !== undefined && flag.noOptDefVal === ''
}

/** The `TYPE/` prefixes logs, exec, attach and port-forward offer: types that select pods. */
const WITH_PODS = [
  'daemonsets',
  'deployments',
  'pods',
  'jobs',
  'replicasets',
  'replicationcontrollers',
  'services',
  'statefulsets',
]

interface CopySources {
  namespaces(): Promise<string[]>
  /** Pod names of a namespace (the context's when undefined). */
  pods(namespace?: string): Promise<string[]>
  /** The working directory's entries, directories with a trailing `/`. */
  files(): Promise<string[]>
}

/**
 * `kubectl cp`'s first argument, as its ValidArgsFunction offers it: nothing for what looks like a
 * path (`./`, `/`, `~`) or a `POD:path` (the shell completes files); `NS/POD:` after `NS/`;
 * otherwise `NAMESPACE/` and `POD:` for the prefix, the matching local files beside them when the
 * prefix is not empty (the shell would not list files once there are candidates), and the `./`
 * and `/` hints when it is. Undefined hands the word back to file completion.
 */
async function copyCandidates(last: string, from: CopySources): Promise<string[] | undefined> {
  if (/^[/.~]/.test(last) || last.includes(':')) return undefined
  const slash = last.indexOf('/')
  if (slash > 0) {
    const ns = last.slice(0, slash)
    const found = (await from.pods(ns)).map((p) => `${ns}/${p}:`).filter((c) => c.startsWith(last))
    return found.length === 0 ? undefined : found
  }
  const comps = [
    ...(await from.namespaces()).filter((n) => n.startsWith(last)).map((n) => `${n}/`),
    ...(await from.pods()).filter((p) => p.startsWith(last)).map((p) => `${p}:`),
  ]
  if (last === '') return [...comps, './', '/']
  if (comps.length === 0) return undefined
  return [...comps, ...(await from.files()).filter((f) => f.startsWith(last))]
}

/**
 * kubectl's ResourceTypeAndNameCompletionFunc: first a type (or `TYPE/NAME`), then names of that
 * type — for `repeat` commands again after each one, without those already on the line.
 */
async function typeAndName(
  positional: readonly string[],
  last: string,
  types: readonly string[],
  repeat: boolean,
  names: (type: string) => Promise<string[]>,
): Promise<string[]> {
  const first = positional[0]
  if (first !== undefined && !first.includes('/')) {
    if (!repeat && positional.length > 1) return []
    const typed = new Set(positional.slice(1))
    return (await names(first)).filter((n) => !typed.has(n))
  }
  const slash = last.indexOf('/')
  if (slash >= 0) {
    const type = last.slice(0, slash)
    return (await names(type)).map((n) => `${type}/${n}`)
  }
  if (first === undefined) return [...types]
  return repeat ? types.map((t) => `${t}/`) : []
}
