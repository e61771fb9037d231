/**
 * The Kubernetes API of one Quai session over HTTP on a loopback address, so the real kubectl
 * (`kubectl --kubeconfig FILE get pods`) sees the student's simulated cluster. Only the transport
 * and the cluster's start-up live here; src/sim/api/kube answers every request.
 */
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { facadeKubeconfigText, serverUrl } from '../sim/api/kube/kubeconfig'
import { handleKubeApi } from '../sim/api/kube/handler'
import { createCluster } from '../sim/kube/bootstrap'
import type { KubeCluster } from '../sim/kube/cluster'
import type { Session } from '../sim/shell/session'
import { startLoopbackServer, type ListenAddress, type LoopbackServer } from './api-server'

/** Where minikube's docker driver serves the first profile's API server. */
export const MINIKUBE_SERVER = 'https://192.168.49.2:8443'

/** The cluster a request goes to, looked up per request (minikube may stop or start one). */
export type ClusterPicker = () => KubeCluster | undefined

/** The first cluster the session's machine serves (the `minikube` profile, when it runs). */
export const firstCluster =
  (session: Session): ClusterPicker =>
  () =>
    session.world.kube.at(MINIKUBE_SERVER) ?? session.world.kube.all()[0]?.[1]

const NO_CLUSTER = `${JSON.stringify({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'no cluster is running in this Quai session (run minikube start)',
  reason: 'ServiceUnavailable',
  code: 503,
})}\n`

/** Serves the picked cluster's API on `address` (loopback only, port 0: any free port). */
export function startKubeApiServer(
  pick: ClusterPicker,
  address: Partial<ListenAddress> = {},
): Promise<LoopbackServer> {
  return startLoopbackServer(
    'Kubernetes API',
    (request) => {
      const cluster = pick()
      if (cluster === undefined)
        return { status: 503, headers: { 'Content-Type': 'application/json' }, body: NO_CLUSTER }
      return handleKubeApi(cluster, request)
    },
    address,
  )
}

/** How long before "now" the served cluster was started, so it is up when the server opens. */
export const BOOT_LEAD_MS = 60_000

/**
 * A minikube-like cluster of `nodes` nodes in `session`, served at minikube's address in the
 * session's world. The caller created the session's clock BOOT_LEAD_MS in the past; moving it to
 * `nowMs` lets the control plane pull, start and settle its pods before the first request.
 */
export function bootKubeCluster(session: Session, nodes: number, nowMs: number): KubeCluster {
  const cluster = createCluster({ clock: session.clock, seed: session.world.kube.seed, nodes })
  session.world.kube.serve(MINIKUBE_SERVER, cluster)
  session.clock.advance(Math.max(0, nowMs - session.clock.now()))
  return cluster
}

/** Writes the kubeconfig for the server at host:port to `path` (default: a file in the temp dir). */
export function writeFacadeKubeconfig(host: string, port: number, path?: string): string {
  const file = path ?? join(tmpdir(), `quai-kubeconfig-${port}.yaml`)
  writeFileSync(file, facadeKubeconfigText(serverUrl(host, port)), { mode: 0o600 })
  return file
}
