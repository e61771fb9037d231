import type { VirtualClock } from './core/clock'
import { SeededRandom } from './core/random'
import { ContainerCommandRunner } from './docker/cli/container-runner'
import { DockerEngine } from './docker/engine/engine'
import { catalogRegistry } from './docker/engine/registry'
import type { VirtualFs } from './fs/virtual-fs'
import { KubeWorld } from './kube/kube-world'

/**
 * The simulated machine behind the shell: its Docker daemon and its Kubernetes clusters.
 * Each subsystem draws from its own seeded stream, so adding a `$RANDOM` to a lesson does not
 * change the container ids that follow.
 */
export class World {
  readonly docker: DockerEngine
  /** Kubernetes clusters (minikube profiles) and where kubectl reaches them. */
  readonly kube: KubeWorld

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
  }
}
