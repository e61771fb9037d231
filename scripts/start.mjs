#!/usr/bin/env node
// `npm start`: puts a working Quai in front of the student, whatever the machine allows.
//   1. the desktop window (Electron), when its binary is there or can be fetched;
//   2. otherwise the same app in the browser, served from out/web on 127.0.0.1;
//   3. with no display at all (Linux without DISPLAY/WAYLAND_DISPLAY), or with --terminal, the
//      terminal host (bin/quai.mjs) in this terminal.
// Each path builds what it needs first when the build is missing or out of date.
// Plain ESM for Node 20: nothing here needs TypeScript tooling at run time.
import { spawn } from 'node:child_process'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { BUILDS, ensureBuilt } from './start/builds.mjs'
import {
  electronPackageDir,
  fetchElectron,
  findElectronBinary,
  runElectron,
} from './start/electron.mjs'
import { openBrowser } from './start/open-browser.mjs'
import { serveStatic } from './start/static-server.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** A stable port keeps the page's origin, and so the work the browser saved for it, across runs. */
const PREFERRED_PORT = 4310
/** A window that closes this fast did not really open. */
const EARLY_EXIT_MS = 5_000
const DEFAULT_FETCH_TIMEOUT_S = 180

const USAGE = `Usage: npm start [-- OPTIONS]

Opens Quai: the desktop window when Electron is available, otherwise the web version in your
browser, or the terminal version when there is no display.

  --web          serve the web version on 127.0.0.1 and skip Electron
  --terminal     run the terminal version in this terminal
  --port N       port of the web version (default ${PREFERRED_PORT}; 0 picks a free one)
  --no-open      print the web version's address without opening a browser
  --no-build     use out/ as it is, even when it is missing or out of date
  -h, --help     this text

Environment: ELECTRON_MIRROR (where Electron is fetched from), ELECTRON_SKIP_BINARY_DOWNLOAD=1
(never fetch it), QUAI_ELECTRON_FETCH_TIMEOUT (seconds, default ${DEFAULT_FETCH_TIMEOUT_S}),
BROWSER=none (same as --no-open).`

const log = (line) => process.stderr.write(`${line}\n`)

/** One paragraph, wrapped for an 80-column terminal. */
function paragraph(text, width = 78) {
  const lines = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(line)
  return lines.join('\n')
}

function parseOptions() {
  try {
    const { values } = parseArgs({
      options: {
        web: { type: 'boolean', default: false },
        terminal: { type: 'boolean', default: false },
        port: { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        'no-build': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
    const port = values.port === undefined ? PREFERRED_PORT : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new Error(`--port: not a port number: ${values.port}`)
    return { ...values, port }
  } catch (error) {
    log(`quai: ${error.message}\n\n${USAGE}`)
    process.exit(2)
  }
}

function hasDisplay() {
  if (process.platform !== 'linux' && process.platform !== 'freebsd') return true
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
}

async function build(name, options) {
  if (!options['no-build']) await ensureBuilt(root, BUILDS[name], log)
}

async function startTerminalHost(options) {
  await build('cli', options)
  const child = spawn(process.execPath, [join(root, 'bin', 'quai.mjs')], {
    cwd: process.cwd(),
    stdio: 'inherit',
  })
  // Ctrl-C belongs to the shell inside: the launcher only waits for it to end.
  const ignore = () => undefined
  process.on('SIGINT', ignore)
  const code = await new Promise((resolveRun) => {
    child.on('error', () => resolveRun(1))
    child.on('exit', (exitCode) => resolveRun(exitCode ?? 1))
  })
  process.off('SIGINT', ignore)
  return code
}

async function startWebHost(options) {
  await build('web', options)
  const { server, url, fellBack } = await serveStatic(join(root, 'out', 'web'), {
    port: options.port,
  })
  if (fellBack)
    log(
      `quai: port ${options.port} is busy, using another one; work saved in the browser under ` +
        `port ${options.port} shows up again when Quai runs there.`,
    )
  // stdout carries only the address, for scripts that wait for it.
  process.stdout.write(`Quai is running at ${url}\n`)
  log('quai: open that address in a browser; Ctrl-C stops Quai.')
  if (!options['no-open'] && process.env.BROWSER !== 'none') openBrowser(url)
  const stop = () => {
    server.close()
    server.closeAllConnections()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return new Promise(() => undefined)
}

/** Tries the desktop window; resolves with an exit code, or a reason why it could not open. */
async function startDesktop(options) {
  const packageDir = electronPackageDir(root)
  let binary = findElectronBinary(packageDir)
  if (binary === undefined) {
    const seconds = Number(process.env.QUAI_ELECTRON_FETCH_TIMEOUT ?? DEFAULT_FETCH_TIMEOUT_S)
    const timeoutMs = (Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * 1000
    const shownDir = relative(root, packageDir) || packageDir
    const fetched = await fetchElectron(packageDir, { timeoutMs, log, shownDir })
    if (!fetched.ok) return { reason: fetched.reason }
    binary = findElectronBinary(packageDir)
    if (binary === undefined) return { reason: 'Electron’s installer ran but left no binary' }
  }
  await build('desktop', options)
  const run = await runElectron(binary, root)
  if (run.error !== undefined) return { reason: `Electron could not be started (${run.error})` }
  if (run.code !== 0 && run.ranMs < EARLY_EXIT_MS)
    return { reason: `Electron stopped at once (exit code ${run.code}; its messages are above)` }
  return { code: run.code }
}

function explainWebFallback(reason) {
  const text = [
    `quai: the desktop window cannot open: ${reason}.`,
    'To get the window, run `npm start` again with network access; where the download is',
    'blocked, set ELECTRON_MIRROR to a mirror of the Electron releases (for example',
    '`ELECTRON_MIRROR=https://your.mirror/electron/ npm start`).',
    'Meanwhile Quai opens in your browser instead: the same simulation, running entirely in',
    'the page, with your work kept by the browser. `npm start -- --terminal` runs it in this',
    'terminal, and `npm start -- --web` skips this attempt next time.',
  ]
  log(`\n${paragraph(text.join(' '))}\n`)
}

async function main() {
  const options = parseOptions()
  if (options.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (options.terminal) return startTerminalHost(options)
  if (!options.web && !hasDisplay()) {
    log(
      paragraph(
        'quai: no display here (DISPLAY and WAYLAND_DISPLAY are unset), so Quai runs in this ' +
          'terminal; `npm start -- --web` serves the browser version instead.',
      ),
    )
    return startTerminalHost(options)
  }
  if (!options.web) {
    const desktop = await startDesktop(options)
    if (desktop.code !== undefined) return desktop.code
    explainWebFallback(desktop.reason)
  }
  return startWebHost(options)
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(`quai: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
