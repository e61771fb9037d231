/**
 * Compose figures for `npm run bench`:
 *   - `docker compose config` of every corpus compose file (../shared/corpus/compose, when
 *     present): p50/p99 per file over several rounds, the target being p99 < 20 ms per file;
 *   - `docker compose up -d` then `down` of a 50-service project (wall milliseconds; the virtual
 *     time the steps take is instant in the benchmark's session).
 * Bundled into out/cli/bench-compose.mjs with the shell benchmark.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Session } from '../sim/shell/session'
import { summarize, type Percentiles } from './bench'

/** ../shared beside the repository; `npm run bench` runs from the repository's root. */
const CORPUS = join(process.cwd(), '..', 'shared', 'corpus', 'compose')

export interface ComposeBenchmark {
  /** Absent when the corpus is not on this machine. */
  config?: {
    files: number
    rounds: number
    /** Wall milliseconds per `config` (scheduling noise included on a loaded machine). */
    overall: Percentiles
    /** CPU milliseconds of the process per `config`: the work itself. */
    overallCpu: Percentiles
    slowest: { file: string; stats: Percentiles; cpu: Percentiles }[]
  }
  up50: { services: number; upMs: number[]; downMs: number[] }
}

/** Runs `docker ARGV` through the registered command (no bash parse), failing loudly. */
function directDocker(session: Session) {
  const docker = session.commands.get('docker')
  if (docker === undefined) throw new Error('no docker command')
  return async (argv: string[]): Promise<number> => {
    const started = performance.now()
    const out = await docker.run(argv, session.commandContext())
    const elapsed = performance.now() - started
    if (out.exitCode !== 0) throw new Error(`docker ${argv.join(' ')}: ${out.stderr}`)
    return elapsed
  }
}

async function benchConfig(rounds: number): Promise<ComposeBenchmark['config']> {
  if (!existsSync(CORPUS)) return undefined
  const files = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
  const all: number[] = []
  const allCpu: number[] = []
  const byFile: { file: string; stats: Percentiles; cpu: Percentiles }[] = []
  for (const file of files) {
    const session = await Session.create({ seed: 1, timing: 'instant' })
    const dir = `/home/student/${file.replace(/\.ya?ml$/, '').toLowerCase()}`
    await session.fs.mkdir(dir, { recursive: true })
    await session.fs.writeFile(`${dir}/compose.yaml`, readFileSync(`${CORPUS}/${file}`, 'utf8'))
    const env = `${CORPUS}/${file.replace(/\.ya?ml$/, '.env')}`
    if (existsSync(env)) await session.fs.writeFile(`${dir}/.env`, readFileSync(env, 'utf8'))
    await session.run(`cd ${dir}`)
    const docker = session.commands.get('docker')
    if (docker === undefined) throw new Error('no docker command')
    const samples: number[] = []
    const cpu: number[] = []
    for (let i = 0; i < rounds + 3; i++) {
      const started = performance.now()
      const cpuStart = process.cpuUsage()
      // Files compose itself rejects still count: the loader's work is what is measured.
      await docker.run(['compose', 'config'], session.commandContext())
      const used = process.cpuUsage(cpuStart)
      if (i < 3) continue
      samples.push(performance.now() - started)
      cpu.push((used.user + used.system) / 1000)
    }
    all.push(...samples)
    allCpu.push(...cpu)
    byFile.push({ file, stats: summarize(samples), cpu: summarize(cpu) })
  }
  byFile.sort((a, b) => b.cpu.p99 - a.cpu.p99)
  return {
    files: files.length,
    rounds,
    overall: summarize(all),
    overallCpu: summarize(allCpu),
    slowest: byFile.slice(0, 5),
  }
}

/** A project of `count` services: web servers, caches and workers, some depending on others. */
function fiftyServices(count: number): string {
  const images = ['nginx', 'redis', 'httpd', 'alpine']
  let text = 'services:\n'
  for (let i = 0; i < count; i++) {
    const image = images[i % images.length] ?? 'nginx'
    text += `  s${i}:\n    image: ${image}\n`
    if (image === 'alpine') text += '    command: sleep 3600\n'
    if (i >= 4 && i % 5 === 0) text += `    depends_on:\n      - s${i - 4}\n`
  }
  return text
}

async function benchUp(count: number, rounds: number): Promise<ComposeBenchmark['up50']> {
  const upMs: number[] = []
  const downMs: number[] = []
  for (let round = 0; round < rounds; round++) {
    const session = await Session.create({ seed: 1, timing: 'instant' })
    for (const image of ['nginx', 'redis', 'httpd', 'alpine']) session.world.docker.pull(image)
    await session.fs.mkdir('/home/student/big', { recursive: true })
    await session.fs.writeFile('/home/student/big/compose.yaml', fiftyServices(count))
    await session.run('cd /home/student/big')
    const docker = directDocker(session)
    upMs.push(await docker(['compose', 'up', '-d']))
    downMs.push(await docker(['compose', 'down', '-t', '0']))
  }
  return { services: count, upMs, downMs }
}

export async function benchmarkCompose(): Promise<ComposeBenchmark> {
  const config = await benchConfig(20)
  const up50 = await benchUp(50, 3)
  return config === undefined ? { up50 } : { config, up50 }
}
