/**
 * Docker figures for `npm run bench` (issue #3's speed targets):
 *   - with 5,000 containers, `docker ps -a` against `JSON.stringify` of the same container list,
 *     measured side by side in one run (the list is what the Engine API would send);
 *   - on a 50-container world, p99 of the commands students type most.
 * Bundled into out/cli/bench.mjs with the shell benchmark.
 */
import { Session } from '../sim/shell/session'
import { summarize, type Percentiles } from './bench'

export interface PsVersusJson {
  containers: number
  rounds: number
  /** Median milliseconds of one `docker ps -a` (the docker command alone, and through session.run). */
  psMedianMs: number
  psThroughShellMedianMs: number
  jsonMedianMs: number
  /** psMedianMs / jsonMedianMs: the target is ≤ 3. */
  ratio: number
  psOutputBytes: number
}

export interface DockerBenchmark {
  psVersusJson: PsVersusJson
  /** p50/p99 per line on a 50-container world, through session.run (bash included). */
  typical: { line: string; stats: Percentiles }[]
  typicalOverall: Percentiles
  /** The docker command alone (no bash parse), same lines. */
  typicalCommandOnly: Percentiles
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? Number.NaN
}

/** Creates `count` containers straight through the engine (setup, not what is measured). */
function populate(session: Session, count: number): void {
  const engine = session.world.docker
  const images = ['nginx', 'redis', 'alpine', 'httpd']
  for (const image of images) {
    const pulled = engine.pull(image)
    if (!pulled.ok) throw new Error(`pull ${image}: ${pulled.error.message}`)
  }
  for (let i = 0; i < count; i++) {
    const image = images[i % images.length] ?? 'nginx'
    const created = engine.createContainer(
      {
        Image: image,
        Labels: { tier: i % 2 === 0 ? 'front' : 'back' },
        ...(image === 'alpine' ? { Cmd: ['sleep', '3600'] } : {}),
      },
      `c${i}`,
    )
    if (!created.ok) throw new Error(`create c${i}: ${created.error.message}`)
    if (i % 3 !== 0) {
      const started = engine.startContainer(created.value.Id)
      if (!started.ok) throw new Error(`start c${i}: ${started.error.message}`)
    }
  }
}

/** Runs one docker command line through the registered `docker` command, without bash. */
function directDocker(session: Session): (argv: string[]) => Promise<string> {
  const docker = session.commands.get('docker')
  if (docker === undefined) throw new Error('no docker command')
  return async (argv) => {
    const out = await docker.run(argv, session.commandContext())
    if (out.exitCode !== 0) throw new Error(`docker ${argv.join(' ')}: ${out.stderr}`)
    return out.stdout
  }
}

async function psVersusJson(containers: number, rounds: number): Promise<PsVersusJson> {
  const session = await Session.create({ seed: 7 })
  populate(session, containers)
  await session.world.docker.settle()
  const docker = directDocker(session)
  const ps: number[] = []
  const shell: number[] = []
  const json: number[] = []
  let bytes = 0
  for (let round = 0; round < rounds; round++) {
    // Interleaved, so both see the same heap and JIT state.
    let t = performance.now()
    const out = await docker(['ps', '-a'])
    ps.push(performance.now() - t)
    bytes = out.length
    t = performance.now()
    const text = JSON.stringify(session.world.docker.listContainers({ all: true }))
    json.push(performance.now() - t)
    if (text.length === 0) throw new Error('empty list')
    t = performance.now()
    await session.run('docker ps -a', { history: false })
    shell.push(performance.now() - t)
  }
  const psMedianMs = median(ps)
  const jsonMedianMs = median(json)
  return {
    containers,
    rounds,
    psMedianMs,
    psThroughShellMedianMs: median(shell),
    jsonMedianMs,
    ratio: psMedianMs / jsonMedianMs,
    psOutputBytes: bytes,
  }
}

export const TYPICAL_DOCKER_LINES: readonly string[] = [
  'docker ps',
  'docker ps -a',
  'docker ps -q',
  'docker ps --filter label=tier=front',
  'docker images',
  'docker inspect c1',
  'docker inspect -f {{.State.Status}} c2',
  'docker logs c1',
  'docker logs --tail 5 c4',
  'docker port c1',
  'docker network ls',
  'docker volume ls',
  'docker stats --no-stream c1',
  'docker top c1',
  'docker run -d --name tmp alpine sleep 60',
  'docker stop tmp',
  'docker rm tmp',
  'docker version',
]

async function typical(rounds: number): Promise<Omit<DockerBenchmark, 'psVersusJson'>> {
  const session = await Session.create({ seed: 11 })
  populate(session, 50)
  await session.world.docker.settle()
  const docker = directDocker(session)
  const byLine = new Map<string, number[]>()
  const all: number[] = []
  const direct: number[] = []
  for (let round = 0; round < rounds; round++) {
    for (const line of TYPICAL_DOCKER_LINES) {
      const t = performance.now()
      const result = await session.run(line, { history: false })
      const elapsed = performance.now() - t
      if (result.exitCode !== 0) throw new Error(`${line}: ${result.stderr}`)
      all.push(elapsed)
      const samples = byLine.get(line) ?? []
      samples.push(elapsed)
      byLine.set(line, samples)
      const d = performance.now()
      // The docker command alone, for the same words (the stop/rm pair already ran via the shell).
      if (!/^docker (run|stop|rm) /.test(line)) {
        await docker(line.split(' ').slice(1))
        direct.push(performance.now() - d)
      }
    }
  }
  return {
    typical: [...byLine.entries()]
      .map(([line, samples]) => ({ line, stats: summarize(samples) }))
      .sort((a, b) => b.stats.p99 - a.stats.p99),
    typicalOverall: summarize(all),
    typicalCommandOnly: summarize(direct),
  }
}

export async function benchmarkDocker(): Promise<DockerBenchmark> {
  const psResult = await psVersusJson(5_000, 15)
  const rest = await typical(60)
  return { psVersusJson: psResult, ...rest }
}
