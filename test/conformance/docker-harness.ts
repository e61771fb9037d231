/**
 * Runs a docker command line two ways against one simulated daemon: through Quai's own docker CLI
 * (`session.run`) and through the real docker CLI (28.2.2) talking to the Engine API facade that
 * serves the same session. The real client is the oracle: whatever it prints for a state is what
 * Quai's CLI must print.
 */
import { execFile } from 'node:child_process'
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { startDockerApiServer, type DockerApiServer } from '../../src/cli/api-server'
import { VirtualClock } from '../../src/sim/core/clock'
import { Session } from '../../src/sim/shell/session'

export interface Outcome {
  stdout: string
  stderr: string
  exitCode: number
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** /usr/local/bin/docker, else `docker` on PATH; undefined when neither exists. */
export function findDockerBinary(): string | undefined {
  if (executable('/usr/local/bin/docker')) return '/usr/local/bin/docker'
  for (const dir of (process.env.PATH ?? '').split(delimiter))
    if (dir !== '' && executable(join(dir, 'docker'))) return join(dir, 'docker')
  return undefined
}

/**
 * The real CLI computes "2 hours ago" from its own wall clock, so the sessions are set up two
 * hours in the past and brought to the host's present before comparing; nothing moves the
 * virtual clock between the two runs of a command.
 */
export const SETUP_LEAD_MS = 2 * 60 * 60 * 1000

export const SEED = 7

/** The instant a scenario's setup starts: whole seconds, two hours ago. */
export function setupStart(): number {
  return Math.floor((Date.now() - SETUP_LEAD_MS) / 1000) * 1000
}

export interface Twin {
  session: Session
  server: DockerApiServer
  quai(line: string): Promise<Outcome>
  real(line: string): Promise<Outcome>
  close(): Promise<void>
}

/** A fresh session with `setup` run through Quai's own CLI (each line must succeed). */
export async function preparedSession(startMs: number, setup: readonly string[]): Promise<Session> {
  const session = await Session.create({ seed: SEED, clock: new VirtualClock(startMs) })
  for (const line of setup) {
    const result = await session.run(line)
    if (result.exitCode !== 0)
      throw new Error(
        `setup line failed: ${line}\n${result.stdout}${result.stderr}(exit ${result.exitCode})`,
      )
  }
  await session.world.docker.settle()
  return session
}

/** Moves the virtual clock to `targetMs` (the host's present), firing what falls due. */
export function bringTo(session: Session, targetMs: number): void {
  session.clock.advance(targetMs - session.clock.now())
}

export async function serveSession(docker: string, session: Session): Promise<Twin> {
  const server = await startDockerApiServer(session)
  const home = mkdtempSync(join(tmpdir(), 'quai-conformance-'))
  const env = {
    PATH: `${dirname(docker)}${delimiter}/usr/bin:/bin`,
    HOME: home,
    DOCKER_HOST: `tcp://127.0.0.1:${server.port}`,
    DOCKER_CONFIG: join(home, '.docker'),
    TZ: 'UTC',
    LANG: 'C.UTF-8',
  }
  return {
    session,
    server,
    async quai(line) {
      const r = await session.run(line, { history: false })
      return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
    },
    real(line) {
      return new Promise((resolve) => {
        // Asynchronous on purpose: the facade answers from this same event loop.
        execFile(
          '/bin/bash',
          ['-c', line],
          { env, cwd: home, timeout: 15_000, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
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
