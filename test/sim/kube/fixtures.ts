/**
 * Shared fixtures for Kubernetes tests: a cluster as `minikube start` leaves it, alone or behind a
 * shell session whose kubeconfig points kubectl at it.
 */
import { VirtualClock } from '../../../src/sim/core/clock'
import { createCluster, type CreateClusterOptions } from '../../../src/sim/kube/bootstrap'
import type { KubeCluster } from '../../../src/sim/kube/cluster'
import { Session } from '../../../src/sim/shell/session'

/** Where minikube's docker driver serves the first profile's API server. */
export const MINIKUBE_SERVER = 'https://192.168.49.2:8443'

export interface ClusterFixtureOptions extends Partial<Omit<CreateClusterOptions, 'clock'>> {
  clock?: VirtualClock
}

/** A fresh cluster on its own clock (seed 1, frozen store objects unless told otherwise). */
export function cluster(options: ClusterFixtureOptions = {}): KubeCluster {
  return createCluster({
    freeze: true,
    seed: 1,
    ...options,
    clock: options.clock ?? new VirtualClock(),
  })
}

/** minikube's `last-update` extension stamp: Go's time.RFC1123 in UTC. */
function rfc1123(ms: number): string {
  const d = new Date(ms)
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ]
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${days[d.getUTCDay()]}, ${two(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC`
}

/** ~/.kube/config as `minikube start` writes it for the `minikube` profile. */
export function minikubeKubeconfig(home: string, nowMs: number, server = MINIKUBE_SERVER): string {
  const extension = (name: string): string =>
    [
      `    extensions:`,
      `    - extension:`,
      `        last-update: ${rfc1123(nowMs)}`,
      `        provider: minikube.sigs.k8s.io`,
      `        version: v1.35.0`,
      `      name: ${name}`,
    ].join('\n')
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority: ${home}/.minikube/ca.crt`,
    extension('cluster_info'),
    `    server: ${server}`,
    '  name: minikube',
    'contexts:',
    '- context:',
    '    cluster: minikube',
    extension('context_info'),
    '    namespace: default',
    '    user: minikube',
    '  name: minikube',
    'current-context: minikube',
    'kind: Config',
    'preferences: {}',
    'users:',
    '- name: minikube',
    '  user:',
    `    client-certificate: ${home}/.minikube/profiles/minikube/client.crt`,
    `    client-key: ${home}/.minikube/profiles/minikube/client.key`,
    '',
  ].join('\n')
}

export interface ClusterSession {
  readonly session: Session
  readonly cluster: KubeCluster
}

/**
 * A shell session whose machine runs a minikube cluster at https://192.168.49.2:8443, with
 * ~/.kube/config pointing kubectl at it. Same seed, same bytes.
 */
export async function clusterSession(
  options: Omit<ClusterFixtureOptions, 'clock'> = {},
): Promise<Session> {
  return (await clusterSessionWithCluster(options)).session
}

/** clusterSession, also handing back the cluster (for clock/state assertions). */
export async function clusterSessionWithCluster(
  options: Omit<ClusterFixtureOptions, 'clock'> = {},
): Promise<ClusterSession> {
  const seed = options.seed ?? 1
  const session = await Session.create({ seed })
  const created = createCluster({
    freeze: true,
    ...options,
    seed: session.world.kube.seed,
    clock: session.clock,
  })
  session.world.kube.serve(MINIKUBE_SERVER, created)
  const home = session.env['HOME'] ?? '/home/student'
  await session.fs.mkdir(`${home}/.kube`, { recursive: true })
  await session.fs.writeFile(`${home}/.kube/config`, minikubeKubeconfig(home, session.clock.now()))
  for (const dir of [`${home}/.minikube/profiles/minikube`])
    await session.fs.mkdir(dir, { recursive: true })
  return { session, cluster: created }
}
