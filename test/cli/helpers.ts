import { execFileSync, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Session } from '../../src/sim/shell/session'
import { runScript } from '../../src/cli/script'

export const ROOT = join(import.meta.dirname, '..', '..')
export const LAUNCHER = join(ROOT, 'bin', 'quai.mjs')
const BUNDLE = join(ROOT, 'out', 'cli', 'quai.mjs')

export interface Outcome {
  stdout: string
  stderr: string
  exitCode: number
}

/** `npm run build:cli` runs before the tests; build here too when run on their own. */
export function ensureBundle(): void {
  if (!existsSync(BUNDLE)) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')])
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/**
 * Runs the built `quai` like a user would. `stdin`, when given, arrives as a redirected file
 * (`quai < FILE`); otherwise stdin is /dev/null.
 */
export function runQuai(
  args: readonly string[],
  options: { stdin?: string; cwd?: string } = {},
): Outcome {
  const dir = tempDir('quai-stdin-')
  try {
    let input: number | 'ignore' = 'ignore'
    if (options.stdin !== undefined) {
      writeFileSync(join(dir, 'stdin'), options.stdin)
      input = openSync(join(dir, 'stdin'), 'r')
    }
    const result = spawnSync(process.execPath, [LAUNCHER, ...args], {
      cwd: options.cwd ?? ROOT,
      encoding: 'utf8',
      stdio: [input, 'pipe', 'pipe'],
      timeout: 20_000,
    })
    if (typeof input === 'number') closeSync(input)
    if (result.error) throw result.error
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.status ?? -1 }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Real bash with nothing inherited: an empty environment but HOME, PATH and a UTF-8 C locale,
 * in a fresh directory, so a line cannot see this machine's state. `asScript` runs the text as
 * `bash script.sh` instead of `bash -c`.
 */
export function runRealBash(
  text: string,
  options: { stdin?: string; asScript?: boolean } = {},
): Outcome {
  const dir = tempDir('quai-bash-')
  try {
    if (options.asScript) writeFileSync(join(dir, 'script.sh'), text)
    const args = options.asScript ? ['script.sh'] : ['-c', text]
    const env = [`HOME=${dir}`, 'LC_ALL=C.UTF-8', 'PATH=/usr/bin:/bin']
    const result = spawnSync(
      '/usr/bin/env',
      ['-i', ...env, 'bash', '--norc', '--noprofile', ...args],
      {
        cwd: dir,
        encoding: 'utf8',
        input: options.stdin ?? '',
        timeout: 10_000,
      },
    )
    if (result.error) throw result.error
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.status ?? -1 }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** What `quai -c LINE` prints, run in-process on a fresh session (what the bundle does). */
export async function runQuaiLine(line: string, stdin?: string): Promise<Outcome> {
  const session = await Session.create({ seed: 1, timing: 'instant' })
  let stdout = ''
  let stderr = ''
  const sink = {
    stdout: (text: string) => void (stdout += text),
    stderr: (text: string) => void (stderr += text),
  }
  const exitCode = await runScript(session, line, sink, stdin === undefined ? {} : { stdin })
  return { stdout, stderr, exitCode }
}
