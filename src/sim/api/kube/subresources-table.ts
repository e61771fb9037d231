/**
 * The subresources discovery announces for each served type, as kube-apiserver 1.32 registers
 * them. kubectl relies on a few: `scale` (kubectl scale finds the Scale kind through discovery),
 * `log`, `eviction` (drain), `status`. exec/attach/portforward are announced as the real server
 * does, but need connection upgrades this facade does not speak (see handler.ts).
 */
import type { ResourceType } from '../../kube/api/resources'

export interface SubresourceSpec {
  readonly name: string
  readonly group: string
  readonly version: string
  readonly kind: string
  readonly verbs: readonly string[]
}

const GPU = ['get', 'patch', 'update'] as const

const own = (t: ResourceType, name: string, verbs: readonly string[] = GPU): SubresourceSpec => ({
  name,
  group: t.group,
  version: t.version,
  kind: t.kind,
  verbs,
})

const scale = (): SubresourceSpec => ({
  name: 'scale',
  group: 'autoscaling',
  version: 'v1',
  kind: 'Scale',
  verbs: GPU,
})

const core = (name: string, kind: string, verbs: readonly string[]): SubresourceSpec => ({
  name,
  group: '',
  version: 'v1',
  kind,
  verbs,
})

/** The subresources of `t`, in the order discovery lists them (alphabetical). */
export function subresourcesOf(t: ResourceType): SubresourceSpec[] {
  switch (t.resource) {
    case 'pods':
      return [
        core('attach', 'PodAttachOptions', ['create', 'get']),
        core('binding', 'Binding', ['create']),
        own(t, 'ephemeralcontainers'),
        { name: 'eviction', group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] },
        core('exec', 'PodExecOptions', ['create', 'get']),
        core('log', 'Pod', ['get']),
        core('portforward', 'PodPortForwardOptions', ['create', 'get']),
        own(t, 'status'),
      ]
    case 'namespaces':
      return [own(t, 'finalize', ['update']), own(t, 'status')]
    case 'deployments':
    case 'replicasets':
    case 'statefulsets':
    case 'replicationcontrollers':
      return [scale(), own(t, 'status')]
    case 'nodes':
    case 'services':
    case 'persistentvolumes':
    case 'persistentvolumeclaims':
    case 'daemonsets':
    case 'jobs':
    case 'cronjobs':
    case 'horizontalpodautoscalers':
    case 'ingresses':
    case 'resourcequotas':
      return [own(t, 'status')]
    default:
      return []
  }
}

export function subresourceOf(t: ResourceType, name: string): SubresourceSpec | undefined {
  return subresourcesOf(t).find((s) => s.name === name)
}
