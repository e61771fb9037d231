import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ensureBundle } from '../cli/helpers'

/**
 * `npm start` (scripts/start.mjs) on machines that cannot show the desktop window: a fake
 * electron package stands in for node_modules/electron (QUAI_ELECTRON_DIR), and the launcher
 * must fall back to serving the built web app on 127.0.0.1, or to the terminal host.
 */
const ROOT = join(import.meta.dirname, '..', '..')
const LAUNCHER = join(ROOT, 'scripts', 'start.mjs')
const URL_LINE = /Quai is running at (http:\/\/127\.0\.0\.1:\d+\/)/
/** Building the web app on a cold machine, then starting, in this time at most. */
const START_TIMEOUT_MS = 90_000

interface Launch {
  child: ChildProcessWithoutNullStreams
  stdout: () => string
  stderr: () => string
  exited: Promise<number | null>
}

const launches: Launch[] = []
const tempDirs: string[] = []

afterEach(async () => {
  // Stopped by PID, through the launcher's own SIGTERM handling; killed if it does not stop.
  for (const launch of launches.splice(0)) {
    if (launch.child.exitCode !== null || launch.child.signalCode !== null) continue
    launch.child.kill('SIGTERM')
    const stopped = await Promise.race([
      launch.exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000)),
    ])
    if (!stopped) launch.child.kill('SIGKILL')
  }
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A stand-in for node_modules/electron: its package.json, and the files given. */
function fakeElectronPackage(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'quai-fake-electron-'))
  tempDirs.push(dir)
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), content)
    if (name.startsWith('dist/')) chmodSync(join(dir, name), 0o755)
  }
  return dir
}

function launch(args: string[], env: Record<string, string | undefined>, stdin?: string): Launch {
  const { DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...inherited } = process.env
  const child = spawn(process.execPath, [LAUNCHER, ...args], {
    cwd: ROOT,
    env: { ...inherited, BROWSER: 'none', ...env },
    stdio: 'pipe',
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  if (stdin !== undefined) child.stdin.end(stdin)
  else child.stdin.end()
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const started: Launch = { child, stdout: () => stdout, stderr: () => stderr, exited }
  launches.push(started)
  return started
}

/** Resolves with the address the launcher prints, or rejects with what it said instead. */
async function servedAt(started: Launch): Promise<string> {
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    const match = URL_LINE.exec(started.stdout())
    if (match?.[1] !== undefined) return match[1]
    if (started.child.exitCode !== null) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no address printed.\nstdout:\n${started.stdout()}\nstderr:\n${started.stderr()}`)
}

/** A raw request, path sent exactly as written (fetch would normalise `..` away). */
function rawRequest(
  url: string,
  path: string,
  options: { method?: string; host?: string } = {},
): Promise<number> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        hostname,
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `${hostname}:${port}` },
      },
      (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      },
    )
    outgoing.on('error', reject)
    outgoing.end()
  })
}

const withDisplay = { DISPLAY: ':99', ELECTRON_OVERRIDE_DIST_PATH: undefined }

describe('npm start with a display but no Electron', () => {
  it(
    'says why, then serves the web app on 127.0.0.1 with the right types',
    async () => {
      const electron = fakeElectronPackage({
        'install.js': "console.error('TypeError: fetch failed'); process.exit(1)\n",
      })
      const started = launch(['--no-open', '--port', '0'], {
        ...withDisplay,
        QUAI_ELECTRON_DIR: electron,
      })
      const url = await servedAt(started)

      const explanation = started.stderr().replace(/\s+/g, ' ')
      expect(explanation).toContain(
        'quai: the desktop window cannot open: the Electron 45.5.0 binary',
      )
      expect(explanation).toContain('fetching it failed (TypeError: fetch failed)')
      expect(explanation).toContain('ELECTRON_MIRROR')
      expect(explanation).toContain('npm start -- --terminal')

      const page = await fetch(url)
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
      const html = await page.text()
      expect(html).toContain('<div id="root"></div>')
      const script = /<script type="module" crossorigin src="\.\/(assets\/index-[\w-]+\.js)"/.exec(
        html,
      )?.[1]
      const style =
        /<link rel="stylesheet" crossorigin href="\.\/(assets\/index-[\w-]+\.css)"/.exec(html)?.[1]
      expect(script, html).toBeDefined()
      expect(style, html).toBeDefined()

      const asset = await fetch(new URL(script ?? '', url))
      expect(asset.status).toBe(200)
      expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
      expect((await asset.text()).length).toBeGreaterThan(1000)
      const css = await fetch(new URL(style ?? '', url))
      expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8')
      const worker = await fetch(new URL('sw.js', url))
      expect(worker.status).toBe(200)
      expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
      expect(await worker.text()).toContain('quai-offline-')

      expect(await rawRequest(url, '/../package.json')).toBe(404)
      expect(await rawRequest(url, '/assets/..%2f..%2fpackage.json')).toBe(404)
      expect(await rawRequest(url, '/nothing-here.js')).toBe(404)
      expect(await rawRequest(url, '/', { method: 'POST' })).toBe(405)
      expect(await rawRequest(url, '/', { host: 'quai.example.com' })).toBe(421)
    },
    START_TIMEOUT_MS + 10_000,
  )

  it('stops a download that hangs after QUAI_ELECTRON_FETCH_TIMEOUT seconds', async () => {
    const electron = fakeElectronPackage({ 'install.js': 'setInterval(() => {}, 1000)\n' })
    const started = launch(['--no-open', '--no-build', '--port', '0'], {
      ...withDisplay,
      QUAI_ELECTRON_DIR: electron,
      QUAI_ELECTRON_FETCH_TIMEOUT: '1',
    })
    await servedAt(started)
    expect(started.stderr().replace(/\s+/g, ' ')).toContain('fetching it took over 1 s (stopped)')
  })

  it('does not try to fetch when ELECTRON_SKIP_BINARY_DOWNLOAD is set', async () => {
    const electron = fakeElectronPackage({
      'install.js': "require('fs').writeFileSync(__dirname + '/ran', ''); process.exit(1)\n",
    })
    const started = launch(['--no-open', '--no-build', '--port', '0'], {
      ...withDisplay,
      QUAI_ELECTRON_DIR: electron,
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    })
    await servedAt(started)
    expect(started.stderr().replace(/\s+/g, ' ')).toContain(
      'ELECTRON_SKIP_BINARY_DOWNLOAD forbids fetching it',
    )
    expect(started.stderr()).not.toContain('fetching Electron')
    expect(existsSync(join(electron, 'ran'))).toBe(false)
  })
})

describe.skipIf(process.platform === 'win32')('npm start with an Electron binary', () => {
  it('starts it on the app folder and exits with it', async () => {
    const electron = fakeElectronPackage({
      'path.txt': 'electron',
      'dist/electron': '#!/bin/sh\necho "fake electron: $*"\nexit 0\n',
    })
    const started = launch(['--no-build'], { ...withDisplay, QUAI_ELECTRON_DIR: electron })
    expect(await started.exited).toBe(0)
    expect(started.stdout()).toContain(`fake electron: `)
    expect(started.stdout().trim().endsWith(ROOT)).toBe(true)
    expect(started.stdout()).not.toMatch(URL_LINE)
  })

  it('falls back to the browser when it dies at once', async () => {
    const electron = fakeElectronPackage({
      'path.txt': 'electron',
      'dist/electron': '#!/bin/sh\necho "cannot open display" >&2\nexit 1\n',
    })
    const started = launch(['--no-open', '--no-build', '--port', '0'], {
      ...withDisplay,
      QUAI_ELECTRON_DIR: electron,
    })
    await servedAt(started)
    expect(started.stderr().replace(/\s+/g, ' ')).toContain('Electron stopped at once (exit code 1')
  })
})

describe('npm start with no display', () => {
  beforeAll(ensureBundle, 120_000)

  it('runs the terminal host in the same terminal', async () => {
    const started = launch(['--no-build'], {}, 'echo "terminal host: $USER@$(hostname)"\n')
    expect(await started.exited).toBe(0)
    expect(started.stdout()).toBe('terminal host: student@quai\n')
    expect(started.stderr()).toContain('no display here')
  })

  it('does the same with --terminal, display or not', async () => {
    const started = launch(['--terminal', '--no-build'], withDisplay, 'pwd\n')
    expect(await started.exited).toBe(0)
    expect(started.stdout()).toBe('/home/student\n')
  })
})
