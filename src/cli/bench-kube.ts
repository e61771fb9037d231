/**
 * Kubernetes figures for `npm run bench` (issue #4's speed targets), on a 1,000-node cluster:
 *   - scaling a Deployment from 0 to 30,000 replicas until every pod is scheduled and Running on
 *     the virtual clock, in CPU time (process.cpuUsage: the simulation is synchronous);
 *   - `kubectl get pods -A` against `JSON.stringify` of the same pod list (what the API server
 *     would send), medians of a few rounds measured side by side.
 * Building the cluster is setup, but is measured too (minikube start with many nodes pays it).
 * Bundled into out/cli/bench-kube.mjs by scripts/build-cli.mjs.
 */
import { pathToFileURL } from 'node:url'
import { createCluster } from '../sim/kube/bootstrap'
import type { KubeCluster } from '../sim/kube/cluster'
import type { KubeObject } from '../sim/kube/api/object'
import { servedType } from '../sim/kube/api/resources'
import { Session } from '../sim/shell/session'

const SERVER = 'https://192.168.49.2:8443'
const DEPLOYMENTS = servedType('Deployment')
const PODS = servedType('Pod')

export interface KubeBenchmarkOptions {
  nodes?: number
  replicas?: number
  rounds?: number
}

export interface KubeBenchmark {
  nodes: number
  replicas: number
  /** Building the cluster (createCluster with `nodes` nodes), wall and CPU milliseconds. */
  setupWallMs: number
  setupCpuMs: number
  /** Scale 0 → replicas and advance the clock until every pod is Running. */
  scaleCpuMs: number
  scaleWallMs: number
  /** Virtual seconds the clock moved until the last pod was Running. */
  virtualSeconds: number
  running: number
  /** `kubectl get pods -A` over every pod of the cluster. */
  getPods: {
    pods: number
    rounds: number
    commandMedianMs: number
    shellMedianMs: number
    jsonMedianMs: number
    /** commandMedianMs / jsonMedianMs: the target is ≤ 3. */
    ratio: number
    outputBytes: number
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? Number.NaN
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

/** A shell session whose ~/.kube/config points kubectl at `cluster`, as minikube leaves it. */
async function kubeconfig(session: Session): Promise<void> {
  const home = session.env['HOME'] ?? '/home/student'
  await session.fs.mkdir(`${home}/.kube`, { recursive: true })
  await session.fs.writeFile(
    `${home}/.kube/config`,
    [
      'apiVersion: v1',
      'clusters:',
      '- cluster:',
      `    server: ${SERVER}`,
      '  name: minikube',
      'contexts:',
      '- context:',
      '    cluster: minikube',
      '    namespace: default',
      '    user: minikube',
      '  name: minikube',
      'current-context: minikube',
      'kind: Config',
      'preferences: {}',
      'users:',
      '- name: minikube',
      '  user: {}',
      '',
    ].join('\n'),
  )
}

function deployment(replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
      },
    },
  }
}

const isRunning = (pod: KubeObject): boolean =>
  (pod['status'] as { phase?: string } | undefined)?.phase === 'Running'

function countRunning(cluster: KubeCluster): number {
  let n = 0
  for (const pod of cluster.store.list(PODS, 'default')) if (isRunning(pod)) n++
  return n
}

/** Ready replicas per the Deployment's status: O(1), where counting pods would cost O(pods). */
function readyReplicas(cluster: KubeCluster): number {
  const d = cluster.store.get(DEPLOYMENTS, 'default', 'web')
  return (d?.['status'] as { readyReplicas?: number } | undefined)?.readyReplicas ?? 0
}

/**
 * Scales `web` to `replicas` and moves the clock a second at a time until every replica is ready
 * (a ready pod is Running; the caller counts them afterwards, outside the measurement).
 */
function scaleAndConverge(session: Session, cluster: KubeCluster, replicas: number): number {
  const current = cluster.store.get(DEPLOYMENTS, 'default', 'web')
  if (current === undefined) throw new Error('no deployment web')
  const scaled = cluster.api.update(DEPLOYMENTS, {
    ...current,
    spec: { ...(current['spec'] as object), replicas },
  } as KubeObject)
  if (!scaled.ok) throw new Error(`scale: ${scaled.error.message}`)
  let seconds = 0
  // Ten virtual minutes is far beyond any image pull; running out of it means a stuck pod.
  while (readyReplicas(cluster) < replicas && seconds < 600) {
    session.clock.advance(1000)
    seconds++
  }
  return seconds
}

export async function benchmarkKube(options: KubeBenchmarkOptions = {}): Promise<KubeBenchmark> {
  const nodes = options.nodes ?? 1_000
  const replicas = options.replicas ?? 30_000
  const rounds = options.rounds ?? 7
  const session = await Session.create({ seed: 3 })

  let cpu = process.cpuUsage()
  let wall = performance.now()
  // As the app runs it: no deep-freezing of stored objects (a test-only guard).
  const cluster = createCluster({ clock: session.clock, seed: session.world.kube.seed, nodes })
  const setupWallMs = performance.now() - wall
  const setupCpuMs = cpuMs(cpu)
  session.world.kube.serve(SERVER, cluster)
  await kubeconfig(session)
  const created = cluster.api.create(DEPLOYMENTS, deployment(0))
  if (!created.ok) throw new Error(`create deployment: ${created.error.message}`)

  cpu = process.cpuUsage()
  wall = performance.now()
  const virtualSeconds = scaleAndConverge(session, cluster, replicas)
  const scaleCpuMs = cpuMs(cpu)
  const scaleWallMs = performance.now() - wall
  const running = countRunning(cluster)

  const kubectl = session.commands.get('kubectl')
  if (kubectl === undefined) throw new Error('no kubectl command')
  const command: number[] = []
  const shell: number[] = []
  const json: number[] = []
  let outputBytes = 0
  for (let round = 0; round < rounds; round++) {
    // Interleaved, so all three see the same heap and JIT state.
    let t = performance.now()
    const out = await kubectl.run(['get', 'pods', '-A'], session.commandContext())
    command.push(performance.now() - t)
    if (out.exitCode !== 0) throw new Error(`kubectl get pods -A: ${out.stderr}`)
    outputBytes = out.stdout.length
    t = performance.now()
    const text = JSON.stringify({
      apiVersion: 'v1',
      kind: 'PodList',
      metadata: { resourceVersion: cluster.store.resourceVersion },
      items: cluster.store.list(PODS),
    })
    json.push(performance.now() - t)
    if (text.length === 0) throw new Error('empty list')
    t = performance.now()
    await session.run('kubectl get pods -A', { history: false })
    shell.push(performance.now() - t)
  }
  const commandMedianMs = median(command)
  const jsonMedianMs = median(json)
  return {
    nodes,
    replicas,
    setupWallMs,
    setupCpuMs,
    scaleCpuMs,
    scaleWallMs,
    virtualSeconds,
    running,
    getPods: {
      pods: cluster.store.count(PODS),
      rounds,
      commandMedianMs,
      shellMedianMs: median(shell),
      jsonMedianMs,
      ratio: commandMedianMs / jsonMedianMs,
      outputBytes,
    },
  }
}

/** `node out/cli/bench-kube.mjs [nodes] [replicas]`: the figures alone, as JSON. */
export async function main(argv: readonly string[]): Promise<void> {
  const [nodes, replicas] = argv.map(Number)
  const result = await benchmarkKube({
    ...(nodes === undefined || Number.isNaN(nodes) ? {} : { nodes }),
    ...(replicas === undefined || Number.isNaN(replicas) ? {} : { replicas }),
  })
  console.log(JSON.stringify(result, null, 2))
}

// Run directly (`node out/cli/bench-kube.mjs 1000 6000`) it prints its figures; scripts/bench.mjs
// imports it instead.
const entry = process.argv[1]
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href)
  await main(process.argv.slice(2))
