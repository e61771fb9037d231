/**
 * Compose runs a project's steps as goroutines: every container of a service at once, and the
 * services by dependency order, each as soon as the ones it waits for are done
 * (pkg/compose/dependencies.go). Quai plays them on the virtual clock: a job is a generator that
 * yields how many milliseconds it waits (a stop's grace period, the daemon's time for a step);
 * the scheduler resumes the job due first and lets the clock pass only between due times, so two
 * containers ignoring SIGTERM for 10 s stop in 10 s, not 20, and each progress line comes when
 * its own step ends. Jobs due at the same time resume in the order they were started, so the
 * same commands print the same bytes.
 */
import { err, ok, type Result } from '../../core/errors'
import type { ComposeError } from './errors'
import type { ComposeRuntime } from './runtime'
import { pass } from './timing'

/**
 * What a job waits for: milliseconds on the clock, or `settle` (the daemon's running commands
 * catch up with the clock: a healthcheck's result, a process that exits at once).
 */
export type Wait = number | 'settle'

/** A concurrent step: yields what it waits for, returns its outcome. */
export type Job = Generator<Wait, Result<void, ComposeError>, void>

/** Plays one generator alone on the clock (a step outside any scheduler). */
export async function drive<T>(rt: ComposeRuntime, steps: Generator<Wait, T, void>): Promise<T> {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    if (step.value === 'settle') await rt.engine.settle()
    else await pass(rt, step.value)
  }
}

interface Pending {
  at: number
  seq: number
  settle: boolean
  job: Job
  done: (result: Result<void, ComposeError>) => void
}

class Scheduler {
  private now = 0
  private seq = 0
  private readonly queue: Pending[] = []
  private failure: ComposeError | undefined

  constructor(private readonly rt: ComposeRuntime) {}

  /** Starts `job` now; `done` gets its outcome when it returns. */
  spawn(job: Job, done: (result: Result<void, ComposeError>) => void): void {
    this.resume({ at: this.now, seq: this.seq++, settle: false, job, done })
  }

  /** Plays the jobs to their end, or to the first failure (errgroup's first error). */
  async run(): Promise<Result<void, ComposeError>> {
    while (this.queue.length > 0 && this.failure === undefined) {
      const next = this.queue.shift() as Pending
      if (next.at > this.now) {
        await pass(this.rt, next.at - this.now)
        this.now = next.at
      }
      if (next.settle) await this.rt.engine.settle()
      this.resume(next)
    }
    return this.failure === undefined ? ok(undefined) : err(this.failure)
  }

  private resume(pending: Pending): void {
    const step = pending.job.next()
    if (step.done) {
      if (!step.value.ok) this.failure ??= step.value.error
      else pending.done(step.value)
      return
    }
    const settle = step.value === 'settle'
    const wait = settle ? 0 : Math.max(0, step.value as number)
    const entry = { ...pending, at: this.now + wait, settle, seq: this.seq++ }
    const at = this.queue.findIndex((p) => p.at > entry.at)
    if (at === -1) this.queue.push(entry)
    else this.queue.splice(at, 0, entry)
  }
}

/** Runs `jobs` together; the outcome is the first failure, if any. */
export function runTogether(
  rt: ComposeRuntime,
  jobs: readonly Job[],
): Promise<Result<void, ComposeError>> {
  const scheduler = new Scheduler(rt)
  for (const job of jobs) scheduler.spawn(job, () => undefined)
  return scheduler.run()
}

/** A step that happens at once, as a job (an event compose logs between two it spawns). */
export function* instantJob(step: () => Result<void, ComposeError> | void): Job {
  return step() ?? ok(undefined)
}

/**
 * compose's graph traversal (dependencies.go): a service's jobs start once every service it
 * waits for is done; services waiting for nothing start at once, by name; each newly ready
 * service starts as the one it waited for ends. `limit` (`--parallel`, COMPOSE_PARALLEL_LIMIT)
 * caps how many services run at once (errgroup's SetLimit); 0 or less is no cap.
 */
function walk(
  rt: ComposeRuntime,
  waitsFor: ReadonlyMap<string, ReadonlySet<string>>,
  jobsOf: (service: string) => Job[],
  limit: number,
): Promise<Result<void, ComposeError>> {
  const unblocks = new Map<string, string[]>([...waitsFor.keys()].map((s) => [s, []]))
  for (const [s, waits] of waitsFor) for (const w of waits) unblocks.get(w)?.push(s)
  const finished = new Set<string>()
  const queued = new Set<string>()
  // Services ready to start; those a finished service unblocks go first, so a chain runs on
  // before the next independent service (as the old one-after-the-other walk did).
  const ready: string[] = []
  let running = 0
  const scheduler = new Scheduler(rt)
  const pump = (): void => {
    while (ready.length > 0 && (limit <= 0 || running < limit)) start(ready.shift() as string)
  }
  const finish = (service: string): void => {
    running--
    finished.add(service)
    const next = [...(unblocks.get(service) ?? [])]
      .sort()
      .filter((s) => !queued.has(s) && [...(waitsFor.get(s) ?? [])].every((w) => finished.has(w)))
    for (const s of next) queued.add(s)
    ready.unshift(...next)
    pump()
  }
  const start = (service: string): void => {
    running++
    const jobs = jobsOf(service)
    let left = jobs.length
    if (left === 0) return finish(service)
    for (const job of jobs)
      scheduler.spawn(job, () => {
        if (--left === 0) finish(service)
      })
  }
  const roots = [...waitsFor.keys()].sort().filter((s) => waitsFor.get(s)?.size === 0)
  for (const s of roots) queued.add(s)
  ready.push(...roots)
  pump()
  return scheduler.run()
}

/** The wanted services, each with the ones it depends on among them. */
function dependencyMap(
  services: readonly string[],
  dependencies: (service: string) => readonly string[],
): Map<string, Set<string>> {
  const wanted = new Set(services)
  return new Map(
    [...wanted].map((s) => [s, new Set(dependencies(s).filter((d) => d !== s && wanted.has(d)))]),
  )
}

/**
 * InDependencyOrder: each service's jobs start once every service it depends on is done
 * (dependencies first), services that depend on nothing start at once. Only the dependencies
 * among `services` count.
 */
export function inDependencyOrder(
  rt: ComposeRuntime,
  services: readonly string[],
  dependencies: (service: string) => readonly string[],
  jobsOf: (service: string) => Job[],
): Promise<Result<void, ComposeError>> {
  return walk(rt, dependencyMap(services, dependencies), jobsOf, rt.parallel ?? -1)
}

/**
 * InReverseDependencyOrder: each service's jobs start once every service depending on it is
 * done (dependents stop first), services that nothing waits for start at once. `dependencies`
 * gives the services each one depends on; only those in `services` count.
 */
export function inReverseDependencyOrder(
  rt: ComposeRuntime,
  services: readonly string[],
  dependencies: (service: string) => readonly string[],
  jobsOf: (service: string) => Job[],
): Promise<Result<void, ComposeError>> {
  const deps = dependencyMap(services, dependencies)
  const dependents = new Map<string, Set<string>>([...deps.keys()].map((s) => [s, new Set()]))
  for (const [s, ds] of deps) for (const d of ds) dependents.get(d)?.add(s)
  return walk(rt, dependents, jobsOf, rt.parallel ?? -1)
}
