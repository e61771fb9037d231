// Finding, fetching and running the Electron binary for scripts/start.mjs, without
// `require('electron')`: that call downloads the binary on first use and throws when it cannot.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Where the electron package puts its binary, per platform (its install.js, getPlatformPath). */
function platformBinaryPath() {
  switch (process.platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron'
    case 'win32':
      return 'electron.exe'
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron'
    default:
      return undefined
  }
}

/** The electron package's folder; QUAI_ELECTRON_DIR points elsewhere (tests use a fake one). */
export function electronPackageDir(root) {
  return process.env.QUAI_ELECTRON_DIR ?? join(root, 'node_modules', 'electron')
}

export function electronVersion(packageDir) {
  try {
    return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version
  } catch {
    return undefined
  }
}

/** The binary's path, if there: path.txt names it in dist/ (or in ELECTRON_OVERRIDE_DIST_PATH). */
export function findElectronBinary(packageDir) {
  const pathFile = join(packageDir, 'path.txt')
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  const relative = named ?? (override ? platformBinaryPath() : undefined)
  if (!relative) return undefined
  const binary = join(override ?? join(packageDir, 'dist'), relative)
  return existsSync(binary) ? binary : undefined
}

function isSet(value) {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false'
}

/**
 * Runs the package's own installer (install.js, which downloads the binary), bounded in time.
 * Resolves to { ok: true } or { ok: false, reason } with the reason as one clause.
 */
export async function fetchElectron(packageDir, { timeoutMs, log, shownDir = packageDir }) {
  const installer = join(packageDir, 'install.js')
  if (!existsSync(installer))
    return {
      ok: false,
      reason: `the electron package is not installed in ${shownDir} (run \`npm install\`)`,
    }
  const version = electronVersion(packageDir)
  const missing = `the Electron ${version ?? ''} binary is not in ${shownDir}`.replace('  ', ' ')
  if (isSet(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD))
    return { ok: false, reason: `${missing} and ELECTRON_SKIP_BINARY_DOWNLOAD forbids fetching it` }
  if (platformBinaryPath() === undefined)
    return { ok: false, reason: `Electron has no build for this platform (${process.platform})` }
  const seconds = Math.round(timeoutMs / 1000)
  log(`quai: fetching Electron ${version ?? ''} (about 100 MB, once; at most ${seconds} s)...`)
  return new Promise((resolveFetch) => {
    const child = spawn(process.execPath, [installer], {
      cwd: packageDir,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 16_384) stderr += chunk
    })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill()
    }, timeoutMs)
    let settled = false
    const settle = (result) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolveFetch(result)
    }
    child.on('error', (error) =>
      settle({
        ok: false,
        reason: `${missing} and its installer could not run (${error.message})`,
      }),
    )
    child.on('close', (code) => {
      if (timedOut)
        settle({ ok: false, reason: `${missing} and fetching it took over ${seconds} s (stopped)` })
      else if (code === 0) settle({ ok: true })
      else {
        const firstLine = stderr
          .split('\n')
          .find((line) => line.trim() !== '')
          ?.trim()
        settle({
          ok: false,
          reason: `${missing} and fetching it failed (${firstLine ?? `exit ${code}`})`,
        })
      }
    })
  })
}

/**
 * Starts Electron on the app folder, attached to this terminal. Resolves with its exit code and
 * how long it ran, so a window that dies at once (missing system libraries, no usable display)
 * can be told apart from a student closing it.
 */
export function runElectron(binary, root) {
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env
  // Chromium refuses to start as root with its sandbox on; the page keeps Electron's own sandbox
  // (sandbox: true, contextIsolation), as in test/e2e/electron.spec.ts.
  const rootArgs = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : []
  const started = Date.now()
  return new Promise((resolveRun) => {
    const child = spawn(binary, [...rootArgs, root], { cwd: root, env, stdio: 'inherit' })
    const forward = (signal) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    let settled = false
    const done = (code, error) => {
      if (settled) return
      settled = true
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolveRun({ code, error, ranMs: Date.now() - started })
    }
    child.on('error', (error) => done(null, error.message))
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)))
  })
}
