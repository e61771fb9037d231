import type { VirtualClock } from './core/clock'
import { SeededRandom } from './core/random'
import { ContainerCommandRunner } from './docker/cli/container-runner'
import { DockerEngine } from './docker/engine/engine'
import { catalogRegistry } from './docker/engine/registry'
import type { VirtualFs } from './fs/virtual-fs'
import { KubeWorld } from './kube/kube-world'

/** The Docker daemon's own socket: where the client connects when nothing else is said. */
export const HOST_DOCKER_SOCKET = 'unix:///var/run/docker.sock'

/** A Docker daemon some address answers with (the host's, or a minikube node's). */
export interface DockerDaemon {
  readonly engine: DockerEngine
  /** What `docker info` calls the machine (its hostname), when it is not the host. */
  readonly name?: string
  /**
   * Brings the daemon up to date before a client reads it: a node's daemon lists the pods'
   * containers as they are now. Called at the start of each client command, never in background.
   */
  sync?(): void
}

/**
 * The simulated machine behind the shell: its Docker daemon and its Kubernetes clusters.
 * Each subsystem draws from its own seeded stream, so adding a `$RANDOM` to a lesson does not
 * change the container ids that follow.
 */
export class World {
  readonly docker: DockerEngine
  /** Kubernetes clusters (minikube profiles) and where kubectl reaches them. */
  readonly kube: KubeWorld
  /** Docker daemons by address (`unix:///var/run/docker.sock`, `tcp://127.0.0.1:32772`). */
  private readonly daemons = new Map<string, DockerDaemon>()

  /** `hostFs` is the machine's own filesystem: containers' bind mounts show its files. */
  constructor(
    readonly clock: VirtualClock,
    seed: number,
    hostFs?: VirtualFs,
  ) {
    // Commands other than an image's own run in an interpreter over the container's files.
    const runner = new ContainerCommandRunner(clock, hostFs)
    this.docker = new DockerEngine({
      clock,
      random: new SeededRandom((seed ^ 0xd0c4e7) >>> 0),
      registry: catalogRegistry,
      runner,
    })
    runner.attach(this.docker)
    this.kube = new KubeWorld(clock, (seed ^ 0x6b756265) >>> 0)
    this.daemons.set(HOST_DOCKER_SOCKET, { engine: this.docker })
  }

  /** The daemon answering at `address` (already normalised: see daemon-host.ts's daemonKey). */
  daemonAt(address: string): DockerDaemon | undefined {
    return this.daemons.get(address)
  }

  /** A daemon starts listening at `address` (minikube's node publishes its 2376). */
  serveDaemon(address: string, daemon: DockerDaemon): void {
    this.daemons.set(address, daemon)
  }

  /** Nothing answers at `address` any more (the node stopped or was deleted). */
  unserveDaemon(address: string): void {
    if (address !== HOST_DOCKER_SOCKET) this.daemons.delete(address)
  }
}
