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

/** A concurrent step: yields the milliseconds it waits, returns its outcome. */
export type Job = Generator<number, Result<void, ComposeError>, void>

interface Pending {
  at: number
  seq: number
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
    this.resume({ at: this.now, seq: this.seq++, job, done })
  }

  /** Plays the jobs to their end, or to the first failure (errgroup's first error). */
  async run(): Promise<Result<void, ComposeError>> {
    while (this.queue.length > 0 && this.failure === undefined) {
      const next = this.queue.shift() as Pending
      if (next.at > this.now) {
        await pass(this.rt, next.at - this.now)
        this.now = next.at
      }
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
    const entry = { ...pending, at: this.now + Math.max(0, step.value), seq: this.seq++ }
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
  const wanted = [...new Set(services)].sort()
  const dependents = new Map<string, Set<string>>(wanted.map((s) => [s, new Set()]))
  for (const s of wanted) for (const d of dependencies(s)) if (d !== s) dependents.get(d)?.add(s)
  const finished = new Set<string>()
  const started = new Set<string>()
  const scheduler = new Scheduler(rt)
  const start = (service: string): void => {
    started.add(service)
    const jobs = jobsOf(service)
    let left = jobs.length
    const finish = (): void => {
      finished.add(service)
      for (const d of [...dependencies(service)].sort())
        if (!started.has(d) && [...(dependents.get(d) ?? [])].every((x) => finished.has(x)))
          start(d)
    }
    if (left === 0) return finish()
    for (const job of jobs)
      scheduler.spawn(job, () => {
        if (--left === 0) finish()
      })
  }
  for (const s of wanted) if (dependents.get(s)?.size === 0 && !started.has(s)) start(s)
  return scheduler.run()
}
