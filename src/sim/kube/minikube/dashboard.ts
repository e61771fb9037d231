/**
 * `minikube dashboard [--url]`: enables the dashboard addon if needed, waits for its Service to
 * have a ready backend, runs `kubectl proxy` on a free port of 127.0.0.1 and prints the proxy URL
 * (cmd/minikube/cmd/dashboard.go: the progress lines on stderr, the URL on stdout), then stays
 * until Ctrl-C. A panel of the host app can open the dashboard: `onDashboardRequested` tells it.
 */
import type { CommandOutput } from '../../shell/command'
import { servedType } from '../api/resources'
import type { KubeWorld } from '../kube-world'
import { installAddon } from './addon-workloads'
import { announceAddon } from './addons'
import {
  isProfile,
  loadHealthy,
  type Invocation,
  type MinikubeCommand,
  type MinikubeContext,
} from './command'
import type { MinikubeProfile } from './profiles'
import { hookServiceReach, setProxy } from './service-reach'

const ENDPOINTS = servedType('Endpoints')
const NAMESPACE = 'kubernetes-dashboard'
const SERVICE = 'kubernetes-dashboard'
const HEALTH_POLL_MS = 1_000
const HEALTH_LIMIT_MS = 10 * 60 * 1000
const SCRIPT_LIMIT_MS = 60_000

/** What a panel hears when the dashboard is opened: the profile and the proxy URL. */
export interface DashboardRequest {
  readonly profile: string
  readonly url: string
}

const listeners = new WeakMap<KubeWorld, Set<(request: DashboardRequest) => void>>()

/** Subscribes to `minikube dashboard` openings; returns the unsubscribe function. */
export function onDashboardRequested(
  world: KubeWorld,
  listener: (request: DashboardRequest) => void,
): () => void {
  let set = listeners.get(world)
  if (set === undefined) {
    set = new Set()
    listeners.set(world, set)
  }
  set.add(listener)
  return () => set.delete(listener)
}

function hasReadyEndpoint(profile: MinikubeProfile): boolean {
  const ep = profile.cluster.store.get(ENDPOINTS, NAMESPACE, SERVICE) as
    { subsets?: { addresses?: unknown[] }[] } | undefined
  return (ep?.subsets ?? []).some((s) => (s.addresses ?? []).length > 0)
}

async function dashboard(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const profile = loadHealthy(mctx)
  if (!isProfile(profile)) return profile
  const { out, shell } = mctx
  out.live()
  if (!profile.addons.has('dashboard')) {
    out.err('enabling', 'Enabling dashboard ...')
    announceAddon(mctx, 'dashboard', 'enable')
    profile.addons.add('dashboard')
    installAddon(profile.cluster, 'dashboard')
  }
  out.err('verifying', 'Verifying dashboard health ...')
  const began = shell.clock.now()
  while (!hasReadyEndpoint(profile)) {
    if (shell.clock.now() - began >= HEALTH_LIMIT_MS)
      return out.exit(
        { id: 'SVC_TIMEOUT', code: 119 },
        `dashboard service is not running: Temporary Error: kubernetes-dashboard:http/ has no ready endpoints`,
      )
    if (!(await shell.sleep(HEALTH_POLL_MS))) return out.result(130)
  }
  out.err('launch', 'Launching proxy ...')
  const port = 34_000 + shell.random.nextInt(12_000)
  const url = `http://127.0.0.1:${port}/api/v1/namespaces/${NAMESPACE}/services/http:${SERVICE}:/proxy/`
  hookServiceReach(mctx.world)
  setProxy(mctx.world, port, { profile: profile.name, namespace: NAMESPACE, service: SERVICE })
  out.err('verifying', 'Verifying proxy health ...')
  if (inv.values['url'] === true) out.out(`${url}\n`)
  else out.step('celebrate', `Opening ${url} in your default browser...`)
  for (const l of listeners.get(mctx.world.kube) ?? []) l({ profile: profile.name, url })
  try {
    const waitFrom = shell.clock.now()
    for (;;) {
      if (shell.tty === undefined && shell.clock.now() - waitFrom >= SCRIPT_LIMIT_MS) break
      if (!(await shell.sleep(HEALTH_POLL_MS))) break
    }
  } finally {
    setProxy(mctx.world, port, undefined)
  }
  return out.result(shell.signal.aborted ? 130 : 0)
}

export const dashboardCommand: MinikubeCommand = {
  name: 'dashboard',
  short: 'Access the Kubernetes dashboard running within the minikube cluster',
  long: 'Access the Kubernetes dashboard running within the minikube cluster',
  use: 'dashboard [flags]',
  flags: () => [
    { name: 'url', type: 'bool', usage: 'Display dashboard URL instead of opening a browser' },
    {
      name: 'port',
      type: 'int',
      default: 0,
      usage: 'Exposed port of the proxyfied dashboard. Set to 0 to pick a random port.',
    },
  ],
  run: dashboard,
}
