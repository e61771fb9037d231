/**
 * Runs K-CTL-WRITE's commands directly, without the kubectl dispatcher: a Session for the shell
 * side (fs, clock, random), a KubeCluster for the API, and a KubectlContext joining them.
 */
import { kubectlFlagError } from '../../../../src/sim/cli-kit/flags'
import { err, ok } from '../../../../src/sim/core/errors'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { servedType } from '../../../../src/sim/kube/api/resources'
import { KubeCluster } from '../../../../src/sim/kube/cluster'
import type { KubectlCommand, KubectlContext } from '../../../../src/sim/kube/kubectl/command'
import { VirtualClock } from '../../../../src/sim/core/clock'
import { SeededRandom } from '../../../../src/sim/core/random'
import { VirtualFs } from '../../../../src/sim/fs/virtual-fs'
import {
  CommandRegistry,
  type CommandContext,
  type CommandOutput,
} from '../../../../src/sim/shell/command'
import { World } from '../../../../src/sim/world'

/** The shell side a command sees, without a Session (the harness stays independent of it). */
export interface ShellSide {
  fs: VirtualFs
  clock: VirtualClock
  random: SeededRandom
  world: World
}

export interface WriteHarness {
  shell: ShellSide
  cluster: KubeCluster
  /** Runs `argv` (words after the command path) through `command`, with kubectl's -n. */
  run(command: KubectlCommand, argv: readonly string[], namespace?: string): Promise<CommandOutput>
  put(object: KubeObject): KubeObject
}

export function shellContext(session: ShellSide, stdin = ''): CommandContext {
  const controller = new AbortController()
  return {
    cwd: '/home/student',
    env: new Map([['HOME', '/home/student']]),
    stdin,
    fs: session.fs,
    clock: session.clock,
    random: session.random,
    tty: undefined,
    signal: controller.signal,
    history: [],
    commands: new CommandRegistry(),
    resolve: (p) => (p.startsWith('/') ? p : `/home/student/${p}`),
    sleep: (ms) => {
      session.clock.advance(ms)
      return Promise.resolve(true)
    },
  }
}

export async function writeHarness(options: { connected?: boolean } = {}): Promise<WriteHarness> {
  const clock = new VirtualClock()
  const fs = new VirtualFs()
  await fs.mkdir('/home/student', { recursive: true })
  const session: ShellSide = {
    fs,
    clock,
    random: new SeededRandom(1),
    world: new World(clock, 1, fs),
  }
  const cluster = new KubeCluster({ clock: session.clock, seed: 1, freeze: true })
  for (const ns of ['default', 'kube-system'])
    cluster.store.create(servedType('Namespace'), {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    })
  const harness: WriteHarness = {
    shell: session,
    cluster,
    async run(command, argv, namespace) {
      const parsed = command.flags().parse(argv)
      if (!parsed.ok)
        return { stdout: '', stderr: kubectlFlagError(parsed.error, command.path), exitCode: 1 }
      const ctx: KubectlContext = {
        world: session.world,
        shell: shellContext(session),
        globals: namespace === undefined ? {} : { namespace },
        namespace: namespace ?? 'default',
        namespaceExplicit: namespace !== undefined,
        connect: () =>
          options.connected === false
            ? err({
                stdout: '',
                stderr:
                  'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
                exitCode: 1,
              })
            : ok(cluster),
        kubeconfig: {
          load: () =>
            err({ stdout: '', stderr: 'error: no kubeconfig in this harness\n', exitCode: 1 }),
          save: () =>
            Promise.resolve(
              err({ stdout: '', stderr: 'error: no kubeconfig in this harness\n', exitCode: 1 }),
            ),
        },
        commandPath: command.path,
        help: () => '',
      }
      const r = await command.run(
        {
          values: parsed.values,
          args: parsed.args,
          changed: parsed.changed,
          argsLenAtDash: parsed.argsLenAtDash,
        },
        ctx,
      )
      return { ...r, stderr: parsed.warnings.join('') + r.stderr }
    },
    put(object) {
      const t = servedType(object.kind)
      return cluster.store.create(t, object)
    },
  }
  return harness
}
