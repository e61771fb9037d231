import type { VirtualClock } from './core/clock'
import { SeededRandom } from './core/random'
import { DockerEngine } from './docker/engine/engine'
import { catalogRegistry } from './docker/engine/registry'

/**
 * The simulated machine behind the shell: its Docker daemon (later its Kubernetes cluster).
 * Each subsystem draws from its own seeded stream, so adding a `$RANDOM` to a lesson does not
 * change the container ids that follow.
 */
export class World {
  readonly docker: DockerEngine

  constructor(
    readonly clock: VirtualClock,
    seed: number,
  ) {
    this.docker = new DockerEngine({
      clock,
      random: new SeededRandom((seed ^ 0xd0c4e7) >>> 0),
      registry: catalogRegistry,
    })
  }
}
