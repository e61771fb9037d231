/**
 * Following a container's output until its process ends, as an attached `docker run` or
 * `docker start -a` does (docker/cli hijack.go + waitExitOrRemoved). The process runs on the
 * virtual clock: with instant timing the clock is moved straight to each next event; on a
 * terminal the host moves it in real time and lines appear as they are written.
 */
import type { ContainerRecord } from '../engine/container-record'
import type { DockerContext } from './command'
import type { CommandStreams } from './streams'

export type FollowResult = { kind: 'exited'; exitCode: number } | { kind: 'detached' }

/**
 * With instant timing a process that never ends (nginx) cannot be waited for: after an hour of
 * virtual time, or when nothing more is scheduled, the CLI lets go and the container runs on.
 */
const INSTANT_WAIT_LIMIT_MS = 60 * 60 * 1000
/** On a terminal, how often the screen catches up with the log. */
const TERMINAL_POLL_MS = 100

const sameArgv = (a: readonly string[] | null, b: readonly string[] | null): boolean =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? [])

/** The image's own command (a catalog service), as opposed to one given on the command line. */
export function runsDefaultCommand(record: ContainerRecord): boolean {
  const image = record.image.inspect.Config
  return (
    sameArgv(record.config.Cmd, image.Cmd) && sameArgv(record.config.Entrypoint, image.Entrypoint)
  )
}

/** The process ended: exited, dead, or exited and about to be restarted by its policy. */
export function processEnded(record: ContainerRecord): boolean {
  const status = record.state.status
  return status === 'exited' || status === 'dead' || status === 'restarting'
}

/**
 * Waits on the virtual clock until `done()`, calling `tick()` after every step. Returns false
 * when the user interrupted, or when (instant timing) nothing more can happen.
 */
export async function waitOnClock(
  ctx: DockerContext,
  done: () => boolean,
  tick: () => void = () => undefined,
  /** Called before each wait: a command that has to wait starts showing its output live. */
  beforeWait: () => void = () => undefined,
): Promise<'done' | 'interrupted' | 'gave-up'> {
  const { engine, shell } = ctx
  const startedAt = shell.clock.now()
  for (let round = 0; round < 100_000; round++) {
    tick()
    if (done()) return 'done'
    await engine.settle()
    tick()
    if (done()) return 'done'
    if (shell.signal.aborted) return 'interrupted'
    let step = TERMINAL_POLL_MS
    if (!shell.tty) {
      const due = shell.clock.nextDueAt()
      if (due === undefined || due - startedAt > INSTANT_WAIT_LIMIT_MS) return 'gave-up'
      step = due - shell.clock.now()
    }
    beforeWait()
    if (!(await shell.sleep(Math.max(step, 1)))) return 'interrupted'
  }
  return 'gave-up'
}

/**
 * Prints the log entries from index `from` on as they come, until the process exits (its code)
 * or the user interrupts. Ctrl-C is forwarded as SIGINT (docker's sig-proxy): a service stops on
 * it; a command running as PID 1 ignores it, so the CLI just stops following.
 */
export async function followContainer(
  ctx: DockerContext,
  record: ContainerRecord,
  streams: CommandStreams,
  from: number,
  /** --sig-proxy=false: Ctrl-C only stops the CLI, the container keeps running. */
  options: { sigProxy: boolean } = { sigProxy: true },
): Promise<FollowResult> {
  // A container with a TTY merges stderr into stdout and ends lines with CR LF.
  const tty = record.config.Tty
  let shown = from
  const flush = (): void => {
    while (shown < record.logs.length) {
      const entry = record.logs[shown++]
      if (!entry) continue
      if (tty) streams.out(`${entry.text}\r\n`)
      else if (entry.stream === 'stdout') streams.out(`${entry.text}\n`)
      else streams.err(`${entry.text}\n`)
    }
  }
  const outcome = await waitOnClock(
    ctx,
    () => processEnded(record),
    flush,
    () => streams.goLive(),
  )
  flush()
  if (outcome === 'done') return { kind: 'exited', exitCode: record.state.exitCode }
  if (outcome === 'interrupted' && options.sigProxy && runsDefaultCommand(record)) {
    ctx.engine.stopContainer(record.id, { signal: 'SIGINT' })
    flush()
    return { kind: 'exited', exitCode: record.state.exitCode }
  }
  return { kind: 'detached' }
}
