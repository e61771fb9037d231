/**
 * `minikube tunnel` on a Linux host with the docker driver (no port forwarding needed there):
 * a route 10.96.0.0/12 → the node, and the load-balancer emulator that sets every LoadBalancer
 * Service's `status.loadBalancer.ingress` to its ClusterIP (pkg/minikube/tunnel). Every 5 s it
 * patches what is new and prints its status block (reporter.go), until Ctrl-C; then it removes
 * the ingress it set. Without a terminal nothing would ever press Ctrl-C, so a script's tunnel
 * gives up after a minute of virtual time.
 */
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import {
  isProfile,
  loadHealthy,
  type Invocation,
  type MinikubeCommand,
  type MinikubeContext,
} from './command'
import { controlPlaneIp, type MinikubeProfile } from './profiles'
import { hookServiceReach, setTunnel } from './service-reach'

const SERVICES = servedType('Service')
const TICK_MS = 5_000
const SCRIPT_LIMIT_MS = 60_000

interface LbStatus {
  loadBalancer?: { ingress?: { ip?: string }[] }
}

const specOf = (svc: KubeObject): { type?: string; clusterIP?: string } =>
  (svc['spec'] ?? {}) as { type?: string; clusterIP?: string }

/** The emulator's pass: each LoadBalancer gets its ClusterIP as ingress; their names. */
function patchServices(profile: MinikubeProfile): string[] {
  const names: string[] = []
  for (const svc of profile.cluster.store.list(SERVICES)) {
    const spec = specOf(svc)
    if (spec.type !== 'LoadBalancer') continue
    names.push(svc.metadata.name)
    const ip = spec.clusterIP ?? ''
    const ingress = (svc['status'] as LbStatus | undefined)?.loadBalancer?.ingress ?? []
    if (ip === '' || (ingress.length === 1 && ingress[0]?.ip === ip)) continue
    profile.cluster.api.updateStatus(SERVICES, {
      ...svc,
      status: { ...(svc['status'] as object), loadBalancer: { ingress: [{ ip }] } },
    })
  }
  profile.cluster.settle()
  return names
}

/** On the way out: the ingress the tunnel set is removed again. */
function cleanupServices(profile: MinikubeProfile): void {
  for (const svc of profile.cluster.store.list(SERVICES)) {
    if (specOf(svc).type !== 'LoadBalancer') continue
    const ingress = (svc['status'] as LbStatus | undefined)?.loadBalancer?.ingress ?? []
    if (ingress.length === 0) continue
    profile.cluster.api.updateStatus(SERVICES, {
      ...svc,
      status: { ...(svc['status'] as object), loadBalancer: {} },
    })
  }
  profile.cluster.settle()
}

function statusBlock(profile: MinikubeProfile, pid: number, services: string[]): string {
  return `Status:\t
\tmachine: ${profile.name}
\tpid: ${pid}
\troute: 10.96.0.0/12 -> ${controlPlaneIp(profile)}
\tminikube: Running
\tservices: [${services.join(', ')}]
    errors: 
\t\tminikube: no errors
\t\trouter: no errors
\t\tloadbalancer emulator: no errors
`
}

async function tunnel(_inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const profile = loadHealthy(mctx)
  if (!isProfile(profile)) return profile
  const { out, shell } = mctx
  hookServiceReach(mctx.world)
  setTunnel(mctx.world, profile.name, true)
  const pid = 20_000 + shell.random.nextInt(40_000)
  const startedAt = shell.clock.now()
  out.live()
  try {
    for (;;) {
      if (profile.state !== 'Running') break
      out.out(statusBlock(profile, pid, patchServices(profile)))
      if (shell.tty === undefined && shell.clock.now() - startedAt >= SCRIPT_LIMIT_MS) break
      if (!(await shell.sleep(TICK_MS))) break
    }
  } finally {
    setTunnel(mctx.world, profile.name, false)
    if (profile.state === 'Running') cleanupServices(profile)
  }
  return out.result(shell.signal.aborted ? 130 : 0)
}

export const tunnelCommand: MinikubeCommand = {
  name: 'tunnel',
  short: 'Connect to LoadBalancer services',
  long: 'tunnel creates a route to services deployed with type LoadBalancer and sets their Ingress to their ClusterIP. for a detailed example see https://minikube.sigs.k8s.io/docs/tasks/loadbalancer',
  use: 'tunnel [flags]',
  flags: () => [
    {
      name: 'bind-address',
      type: 'string',
      default: '',
      usage:
        "set tunnel bind address, empty or '*' indicates the tunnel should be available for all interfaces",
    },
    {
      name: 'cleanup',
      shorthand: 'c',
      type: 'bool',
      default: true,
      usage: 'call with cleanup=true to remove old tunnels',
    },
  ],
  run: tunnel,
}
