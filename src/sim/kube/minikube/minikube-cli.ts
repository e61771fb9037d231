import type { ShellCommand } from '../../shell/command'
import type { World } from '../../world'

/** `minikube …` (entry point; the minikube helper replaces this body). */
export function minikubeShellCommand(world: World): ShellCommand {
  void world
  return {
    name: 'minikube',
    summary: 'local Kubernetes clusters, simulated',
    run: () =>
      Promise.resolve({ stdout: '', stderr: 'minikube: not yet available\n', exitCode: 1 }),
  }
}
