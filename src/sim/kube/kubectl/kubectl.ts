import type { ShellCommand } from '../../shell/command'
import type { World } from '../../world'

/** `kubectl …` (entry point; the kubectl helper replaces this body). */
export function kubectlShellCommand(world: World): ShellCommand {
  void world
  return {
    name: 'kubectl',
    summary: 'the Kubernetes command-line client, talking to Quai’s simulated clusters',
    run: () =>
      Promise.resolve({
        stdout: '',
        stderr:
          'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
        exitCode: 1,
      }),
  }
}
