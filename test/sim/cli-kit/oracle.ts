/**
 * The real docker and kubectl clients as oracles. Both run offline here: docker's flag errors,
 * `--help` and `docker context ls --format` need no daemon; kubectl's `--dry-run=client` output,
 * `config get-contexts` and `config view` need no cluster. Each run gets its own DOCKER_CONFIG /
 * KUBECONFIG in a temporary directory, so nothing on the machine changes.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface RunResult {
  stdout: string
  stderr: string
  status: number
}

function which(binary: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' })
  const path = result.stdout.trim()
  return result.status === 0 && path !== '' ? path : undefined
}

export const DOCKER = which('docker')
export const KUBECTL = which('kubectl')

/** Logs why an oracle test is skipped, once per binary. */
const warned = new Set<string>()
export function oracleAvailable(binary: string | undefined, name: string): boolean {
  if (binary !== undefined) return true
  if (!warned.has(name)) {
    warned.add(name)
    console.warn(`skipping ${name} oracle tests: no ${name} binary on PATH`)
  }
  return false
}

function run(binary: string, args: readonly string[], env: Record<string, string>): RunResult {
  const result = spawnSync(binary, args, {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: env.HOME ?? tmpdir(), ...env },
    input: '',
    timeout: 20_000,
  })
  return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 }
}

/** Runs docker with a private, empty config directory (and optional contexts created first). */
export function runDocker(
  args: readonly string[],
  contexts: ReadonlyArray<{ name: string; description?: string; host: string }> = [],
): RunResult {
  const dir = mkdtempSync(join(tmpdir(), 'quai-docker-'))
  try {
    const env = { DOCKER_CONFIG: dir, HOME: dir }
    for (const c of contexts) {
      const create = ['context', 'create', c.name, '--docker', `host=${c.host}`]
      if (c.description !== undefined) create.push('--description', c.description)
      const made = run(DOCKER ?? 'docker', create, env)
      if (made.status !== 0) throw new Error(`docker context create failed: ${made.stderr}`)
    }
    return run(DOCKER ?? 'docker', args, env)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs kubectl against a private kubeconfig (default: an empty one). */
export function runKubectl(args: readonly string[], kubeconfig = ''): RunResult {
  const dir = mkdtempSync(join(tmpdir(), 'quai-kubectl-'))
  try {
    const config = join(dir, 'config')
    writeFileSync(config, kubeconfig)
    return run(KUBECTL ?? 'kubectl', args, { KUBECONFIG: config, HOME: dir })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
