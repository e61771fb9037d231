/**
 * The Kubernetes side of the simulated machine: the clusters that exist (one per minikube
 * profile), each reachable at the API server URL minikube writes into ~/.kube/config. kubectl
 * finds its cluster the way the real one does, through the kubeconfig's server URL; a URL with no
 * cluster behind it is a refused connection.
 */
import type { VirtualClock } from '../core/clock'
import type { KubeCluster } from './cluster'

export class KubeWorld {
  private readonly clusters = new Map<string, KubeCluster>()
  private readonly listeners = new Set<() => void>()

  constructor(
    readonly clock: VirtualClock,
    /** Seeds new clusters: each profile derives its own from it. */
    readonly seed: number,
  ) {}

  /** Makes a cluster answer at `server` (`https://192.168.49.2:8443`). */
  serve(server: string, cluster: KubeCluster): void {
    this.clusters.set(server, cluster)
    this.changed()
  }

  /** Stops answering at `server` (minikube stop/delete). */
  unserve(server: string): void {
    this.clusters.delete(server)
    this.changed()
  }

  at(server: string): KubeCluster | undefined {
    return this.clusters.get(server)
  }

  all(): [string, KubeCluster][] {
    return [...this.clusters.entries()]
  }

  /** Panels and the state publisher hear of clusters coming and going. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private changed(): void {
    for (const l of this.listeners) l()
  }
}
