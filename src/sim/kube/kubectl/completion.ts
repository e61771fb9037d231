/**
 * Tab completion for kubectl, as `source <(kubectl completion bash)` offers it: commands and
 * subcommands, flags, resource types (`kubectl get <Tab>` lists plural names, as `api-resources
 * -o name` does), then the names of the objects of that type in the namespace, namespaces after
 * -n, and context names for `config use-context`. The shell filters by the typed prefix.
 */
import type { CompletionRequest } from '../../shell/command'
import { HOME } from '../../shell/user-environment'
import type { World } from '../../world'
import { qualifiedResource, RESOURCE_TYPES, servedType } from '../api/resources'
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
  if (NAMESPACE_FLAGS.has(previous)) {
    const found = await cluster()
    if (found === undefined || !found.c.ok) return []
    const listed = found.c.value.api.list(servedType('Namespace'))
    return listed.ok ? listed.value.items.map((o) => o.metadata.name) : []
  }
  if (last.startsWith('-')) {
    const own = command?.flags().flags ?? []
    const names = [...own, ...GLOBAL_FLAG_SPECS].filter(
      (f) => !('hidden' in f && f.hidden === true),
    )
    return [...new Set(names.map((f) => `--${f.name}`))].sort()
  }
  if (command === undefined || (commands.length > 0 && positional.length === 0))
    return commands
      .filter((c) => c.hidden !== true)
      .map(nameOf)
      .sort()
  if (/context/.test(nameOf(command)) && positional.length === 0) {
    const loaded = await loadKubeconfig(request.fs, { home: HOME, resolve: (p) => p })
    return loaded.ok ? loaded.value.config.contexts.map((c) => c.name) : []
  }
  if (!TYPED_ARGS.test(command.use)) return undefined
  if (positional.length === 0) return RESOURCE_TYPES.map(qualifiedResource).sort()
  const types = resolveTypeWord(positional[0] ?? '')
  if (!types.ok || types.value.length !== 1) return []
  const t = types.value[0]
  const found = await cluster()
  if (t === undefined || found === undefined || !found.c.ok) return []
  const listed = found.c.value.api.list(t, t.namespaced ? { namespace: found.ns } : {})
  return listed.ok ? listed.value.items.map((o) => o.metadata.name) : []
}
