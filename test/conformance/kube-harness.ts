/**
 * Runs a kubectl command line two ways against one simulated cluster: through Quai's own kubectl
 * (`session.run`) and through the real kubectl (1.32) talking to the Kubernetes API facade that
 * serves the same cluster. The real client is the oracle: whatever it prints for a state is what
 * Quai's kubectl must print.
 *
 * One HTTP server serves the whole suite; it answers from whichever session's cluster is current,
 * so kubectl's discovery cache (in the suite's own HOME) is filled once.
 */
import { execFile } from 'node:child_process'
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startKubeApiServer } from '../../src/cli/kube-api-host'
import type { LoopbackServer } from '../../src/cli/api-server'
import { facadeKubeconfigText, serverUrl } from '../../src/sim/api/kube/kubeconfig'
import { VirtualClock } from '../../src/sim/core/clock'
import { createCluster } from '../../src/sim/kube/bootstrap'
import type { KubeCluster } from '../../src/sim/kube/cluster'
import { Session } from '../../src/sim/shell/session'
import { MINIKUBE_SERVER, minikubeKubeconfig } from '../sim/kube/fixtures'

export interface Outcome {
  stdout: string
  stderr: string
  exitCode: number
}

export const KUBECTL = '/usr/bin/kubectl'

export function kubectlPresent(): boolean {
  try {
    accessSync(KUBECTL, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * The real kubectl computes ages in describe from its own wall clock, the server (Quai) from the
 * virtual one: sessions start this long before the host's present and are brought to it before
 * comparing. Half a minute past a whole minute keeps "10m" stable either side of the runs.
 */
export const SETUP_LEAD_MS = 10 * 60 * 1000 + 30 * 1000

export const SEED = 7

export function setupStart(): number {
  return Math.floor((Date.now() - SETUP_LEAD_MS) / 1000) * 1000
}

export interface KubeTwin {
  readonly session: Session
  readonly cluster: KubeCluster
}

/** A session on a minikube-like cluster, `setup` run through Quai's kubectl (each line must succeed). */
export async function preparedCluster(
  startMs: number,
  setup: readonly string[],
  options: { nodes?: number } = {},
): Promise<KubeTwin> {
  const session = await Session.create({ seed: SEED, clock: new VirtualClock(startMs) })
  const cluster = createCluster({
    seed: session.world.kube.seed,
    clock: session.clock,
    nodes: options.nodes ?? 1,
  })
  session.world.kube.serve(MINIKUBE_SERVER, cluster)
  const home = session.env['HOME'] ?? '/home/student'
  await session.fs.mkdir(`${home}/.kube`, { recursive: true })
  await session.fs.writeFile(`${home}/.kube/config`, minikubeKubeconfig(home, startMs))
  for (const line of setup) {
    const result = await session.run(line, { history: false })
    if (result.exitCode !== 0)
      throw new Error(
        `setup line failed: ${line}\n${result.stdout}${result.stderr}(exit ${result.exitCode})`,
      )
  }
  return { session, cluster }
}

/** Moves the virtual clock to `targetMs` (the host's present), firing what falls due. */
export function bringTo(session: Session, targetMs: number): void {
  session.clock.advance(Math.max(0, targetMs - session.clock.now()))
}

export interface KubeHarness {
  /** Makes `cluster` the one the server answers from. */
  use(cluster: KubeCluster | undefined): void
  quai(session: Session, line: string): Promise<Outcome>
  real(line: string): Promise<Outcome>
  close(): Promise<void>
}

export async function startHarness(): Promise<KubeHarness> {
  let current: KubeCluster | undefined
  const server: LoopbackServer = await startKubeApiServer(() => current)
  const home = mkdtempSync(join(tmpdir(), 'quai-kube-conformance-'))
  const kubeconfig = join(home, 'kubeconfig')
  writeFileSync(kubeconfig, facadeKubeconfigText(serverUrl(server.host, server.port)))
  const env = {
    PATH: '/usr/bin:/bin',
    HOME: home,
    KUBECONFIG: kubeconfig,
    TZ: 'UTC',
    LANG: 'C.UTF-8',
  }
  return {
    use(cluster) {
      current = cluster
    },
    async quai(session, line) {
      const r = await session.run(line, { history: false })
      return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
    },
    real(line) {
      return new Promise((resolve) => {
        // Asynchronous on purpose: the facade answers from this same event loop.
        execFile(
          '/bin/bash',
          ['-c', line],
          { env, cwd: home, timeout: 20_000, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
          (error, stdout, stderr) => {
            const code =
              error === null
                ? 0
                : typeof error.code === 'number'
                  ? error.code
                  : (error.signal ?? -1)
            resolve({ stdout, stderr, exitCode: typeof code === 'number' ? code : -1 })
          },
        )
      })
    },
    async close() {
      await server.close()
      rmSync(home, { recursive: true, force: true })
    },
  }
}
