// The builds scripts/start.mjs may need, each run only when its output is missing or older than
// its sources: a fresh clone builds once, a `git pull` rebuilds, a second start is immediate.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SHARED_INPUTS = ['src', 'package.json', 'package-lock.json']

/** Outputs, inputs and command of each build: `npm run build`, `build:web` and `build:cli`. */
export const BUILDS = {
  desktop: {
    label: 'the desktop app (electron-vite build)',
    outputs: ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'],
    inputs: [...SHARED_INPUTS, 'electron.vite.config.ts'],
    command: (root) => [packageBin(root, 'electron-vite'), 'build'],
  },
  web: {
    label: 'the web version (vite build --config vite.web.config.mts)',
    outputs: ['out/web/index.html', 'out/web/sw.js'],
    inputs: [...SHARED_INPUTS, 'vite.web.config.mts', 'scripts/vite'],
    command: (root) => [packageBin(root, 'vite'), 'build', '--config', 'vite.web.config.mts'],
  },
  cli: {
    label: 'the terminal host (scripts/build-cli.mjs)',
    outputs: ['out/cli/quai.mjs'],
    inputs: [...SHARED_INPUTS, 'scripts/build-cli.mjs'],
    command: (root) => [join(root, 'scripts', 'build-cli.mjs')],
  },
}

/** A package's JS entry point for its command, run with this Node (no npm, no shell). */
function packageBin(root, name) {
  const dir = join(root, 'node_modules', name)
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[name]
  if (typeof bin !== 'string') throw new Error(`${name} declares no command`)
  return join(dir, bin)
}

function newestModification(path) {
  if (!existsSync(path)) return 0
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = stats.mtimeMs
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    newest = Math.max(newest, newestModification(join(path, entry.name)))
  }
  return newest
}

/** Why the build must run; undefined when all its outputs exist and are newer than its inputs. */
export function staleness(root, build) {
  const outputs = build.outputs.map((output) => join(root, output))
  const missing = outputs.find((output) => !existsSync(output))
  if (missing !== undefined) return 'not built yet'
  const oldestOutput = Math.min(...outputs.map((output) => statSync(output).mtimeMs))
  const newestInput = Math.max(
    ...build.inputs.map((input) => newestModification(join(root, input))),
  )
  return newestInput > oldestOutput ? 'sources changed since the last build' : undefined
}

/** Runs the build when needed, its output shown in this terminal; rejects if it fails. */
export async function ensureBuilt(root, build, log) {
  const reason = staleness(root, build)
  if (reason === undefined) return
  log(`quai: building ${build.label}: ${reason}...`)
  const [script, ...args] = build.command(root)
  const code = await new Promise((resolveBuild, rejectBuild) => {
    // stdout is left to the address the web host prints; build logs go to stderr.
    const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 2, 2] })
    child.on('error', rejectBuild)
    child.on('exit', (exitCode) => resolveBuild(exitCode ?? 1))
  })
  if (code !== 0) throw new Error(`building ${build.label} failed (exit ${code})`)
}
