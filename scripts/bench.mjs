// `npm run bench`: how fast the shell answers. Prints measured figures next to their targets
// and whether each is met; never fails the run (figures depend on the machine).
//   1. session.run(line) p50/p99 over 10,000 ordinary lines in one session (src/cli/bench.ts,
//      bundled by scripts/build-cli.mjs into out/cli/bench.mjs).
//   2. keystroke-to-echo p95 in Chromium through the web host (when out/web is built).
//   3. Docker (src/cli/bench-docker.ts) and Kubernetes (src/cli/bench-kube.ts: 1,000 nodes, a
//      Deployment scaled to 30,000 replicas, `kubectl get pods -A` against JSON.stringify).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { serveStatic } from './start/static-server.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const LINES = 10_000
const RUN_P99_TARGET_MS = 2
const KEYSTROKE_P95_TARGET_MS = 16
const KEYSTROKES = 200
const DOCKER_P99_TARGET_MS = 2
const COMPOSE_CONFIG_P99_TARGET_MS = 20
const KUBE_NODES = 1_000
const KUBE_REPLICAS = 30_000
const KUBE_SCALE_CPU_TARGET_MS = 1_000
const CHROMIUM = '/usr/bin/chromium'
const WEB_ROOT = join(root, 'out', 'web')

const ms = (value) => (Number.isFinite(value) ? value.toFixed(3) : '—')

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const line = (cells) =>
    cells
      .map((c, i) => String(c).padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  console.log(line(header))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  for (const row of rows) console.log(line(row))
}

async function measureShell() {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0) throw new Error('npm run build:cli failed')
  const { benchmarkShell } = await import(pathToFileURL(join(root, 'out', 'cli', 'bench.mjs')).href)
  return benchmarkShell(LINES)
}

/** Issue #3's Docker figures (src/cli/bench-docker.ts); needs the bundle measureShell builds. */
async function measureDocker() {
  const { benchmarkDocker } = await import(
    pathToFileURL(join(root, 'out', 'cli', 'bench-docker.mjs')).href
  )
  return benchmarkDocker()
}

/** Compose figures (src/cli/bench-compose.ts); needs the bundle measureShell builds. */
async function measureCompose() {
  const { benchmarkCompose } = await import(
    pathToFileURL(join(root, 'out', 'cli', 'bench-compose.mjs')).href
  )
  return benchmarkCompose()
}

/** Issue #4's Kubernetes figures (src/cli/bench-kube.ts); needs the bundle measureShell builds. */
async function measureKube() {
  const { benchmarkKube } = await import(
    pathToFileURL(join(root, 'out', 'cli', 'bench-kube.mjs')).href
  )
  return benchmarkKube({ nodes: KUBE_NODES, replicas: KUBE_REPLICAS })
}

// ---------------------------------------------------------------------------------------------
// HOOK: keystroke-to-echo latency p95 in Chromium through the web host.
// Needs the web host's build (out/web/index.html, `npm run build:web`) exposing its xterm
// Terminal as `window.__quaiTerm`, and Debian's Chromium at /usr/bin/chromium. Returns
// { p95, samples } or { skipped: reason }.
// ---------------------------------------------------------------------------------------------

/** In the page: the absolute buffer row of the cursor. */
function cursorRow() {
  const buffer = window.__quaiTerm.buffer.active
  return buffer.baseY + buffer.cursorY
}

/**
 * In the page: arms a probe that times one keystroke, from its keydown to its echo in the buffer.
 * The line being typed runs from `startRow` to the cursor's row, joined: the shell may move to
 * the next row by itself at the right margin (as readline does), so xterm's wrap flags are not
 * enough. Only letters are typed, so trimmed rows join back exactly.
 */
function armProbe({ expected, startRow }) {
  const term = window.__quaiTerm
  const currentLine = () => {
    const buffer = term.buffer.active
    let text = ''
    for (let row = startRow; row <= buffer.baseY + buffer.cursorY; row++)
      text += buffer.getLine(row)?.translateToString(true) ?? ''
    return text
  }
  window.__quaiProbe = new Promise((resolve, reject) => {
    let pressedAt
    const disposables = []
    const finish = (value) => {
      for (const d of disposables) d()
      resolve(value)
    }
    const check = () => {
      if (pressedAt !== undefined && currentLine().endsWith(expected))
        finish(performance.now() - pressedAt)
    }
    const onKeyDown = (event) => {
      // event.timeStamp shares performance.now()'s time origin.
      pressedAt = event.timeStamp
      check()
    }
    document.addEventListener('keydown', onKeyDown, { capture: true })
    disposables.push(() => document.removeEventListener('keydown', onKeyDown, { capture: true }))
    const written = term.onWriteParsed(check)
    disposables.push(() => written.dispose())
    const timer = setTimeout(() => {
      for (const d of disposables) d()
      const buffer = term.buffer.active
      const at = `row ${buffer.baseY + buffer.cursorY}, column ${buffer.cursorX}`
      reject(
        new Error(`"${expected.slice(-1)}" did not appear within 2 s (${at}): ${currentLine()}`),
      )
    }, 2_000)
    disposables.push(() => clearTimeout(timer))
  })
}

export async function measureKeystrokeToEcho(webRoot = WEB_ROOT) {
  if (!existsSync(join(webRoot, 'index.html')))
    return { skipped: `${join(webRoot, 'index.html')} is missing (run \`npm run build:web\`)` }
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} is missing (apt-get install chromium)` }
  const { chromium } = await import('@playwright/test')
  const { server, url } = await serveStatic(webRoot)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
  try {
    const page = await browser.newPage()
    await page.goto(url)
    try {
      await page.waitForFunction(() => window.__quaiTerm !== undefined, undefined, {
        timeout: 15_000,
      })
    } catch {
      return { skipped: 'the web host does not expose window.__quaiTerm' }
    }
    const textarea = page.locator('.xterm-helper-textarea')
    await textarea.focus()
    // Wait for the shell's first prompt (the cursor moves off column 0).
    await page.waitForFunction(() => window.__quaiTerm.buffer.active.cursorX > 0, undefined, {
      timeout: 15_000,
    })
    const startRow = await page.evaluate(cursorRow)
    const samples = []
    let typed = ''
    for (let i = 0; i < KEYSTROKES; i++) {
      const key = String.fromCharCode(97 + (i % 26))
      typed += key
      await page.evaluate(armProbe, { expected: typed, startRow })
      await page.keyboard.press(key)
      samples.push(await page.evaluate(() => window.__quaiProbe))
    }
    samples.sort((a, b) => a - b)
    return { p95: samples[Math.ceil(0.95 * samples.length) - 1], samples: samples.length }
  } finally {
    await browser.close()
    server.close()
  }
}
// ------------------------------------------------------------------------- end of the hook ---

async function main() {
  const verdict = (value, target) => (value < target ? 'yes' : 'NO')

  const shell = await measureShell()
  const keystroke = await measureKeystrokeToEcho().catch((error) => ({
    skipped: `failed: ${error instanceof Error ? error.message : String(error)}`,
  }))

  console.log(`\nQuai benchmark (Node ${process.version}, ${LINES} lines in one session)\n`)
  printTable(
    ['measure', 'measured (ms)', 'target (ms)', 'met'],
    [
      ['session.run p50', ms(shell.overall.p50), '', ''],
      [
        'session.run p99',
        ms(shell.overall.p99),
        `< ${RUN_P99_TARGET_MS}`,
        verdict(shell.overall.p99, RUN_P99_TARGET_MS),
      ],
      ['session.run mean', ms(shell.overall.mean), '', ''],
      ['session.run max', ms(shell.overall.max), '', ''],
      keystroke.skipped === undefined
        ? [
            `keystroke-to-echo p95 (${keystroke.samples} keys)`,
            ms(keystroke.p95),
            `< ${KEYSTROKE_P95_TARGET_MS}`,
            verdict(keystroke.p95, KEYSTROKE_P95_TARGET_MS),
          ]
        : ['keystroke-to-echo p95', 'not run', `< ${KEYSTROKE_P95_TARGET_MS}`, '—'],
    ],
  )
  if (keystroke.skipped !== undefined)
    console.log(`\nkeystroke-to-echo not run: ${keystroke.skipped}`)

  console.log('\nsession.run by line (slowest p99 first)\n')
  printTable(
    ['line', 'p50', 'p99', 'max'],
    shell.byLine.map(({ line, stats }) => [line, ms(stats.p50), ms(stats.p99), ms(stats.max)]),
  )

  const docker = await measureDocker()
  const pj = docker.psVersusJson
  console.log(`\nDocker (${pj.containers} containers for ps; a 50-container world for the rest)\n`)
  printTable(
    ['measure', 'measured', 'target', 'met'],
    [
      ['docker ps -a, median ms (command)', ms(pj.psMedianMs), '', ''],
      ['docker ps -a, median ms (session.run)', ms(pj.psThroughShellMedianMs), '', ''],
      ['JSON.stringify(list), median ms', ms(pj.jsonMedianMs), '', ''],
      ['ps -a / JSON.stringify', pj.ratio.toFixed(2), '≤ 3', pj.ratio <= 3 ? 'yes' : 'NO'],
      [
        'typical docker line p99 (session.run)',
        ms(docker.typicalOverall.p99),
        `< ${DOCKER_P99_TARGET_MS}`,
        verdict(docker.typicalOverall.p99, DOCKER_P99_TARGET_MS),
      ],
      ['typical docker line p50 (session.run)', ms(docker.typicalOverall.p50), '', ''],
      [
        'typical docker command p99 (no bash)',
        ms(docker.typicalCommandOnly.p99),
        `< ${DOCKER_P99_TARGET_MS}`,
        verdict(docker.typicalCommandOnly.p99, DOCKER_P99_TARGET_MS),
      ],
    ],
  )
  console.log('\ndocker lines by p99 (session.run, slowest first)\n')
  printTable(
    ['line', 'p50', 'p99', 'max'],
    docker.typical.map(({ line, stats }) => [line, ms(stats.p50), ms(stats.p99), ms(stats.max)]),
  )

  const compose = await measureCompose()
  console.log('\nDocker Compose\n')
  printTable(
    ['measure', 'measured', 'target', 'met'],
    [
      ...(compose.config === undefined
        ? [['compose config per corpus file', 'not run (no corpus)', '', '—']]
        : [
            [
              `compose config p99, CPU ms (${compose.config.files} corpus files × ${compose.config.rounds})`,
              ms(compose.config.overallCpu.p99),
              `< ${COMPOSE_CONFIG_P99_TARGET_MS}`,
              verdict(compose.config.overallCpu.p99, COMPOSE_CONFIG_P99_TARGET_MS),
            ],
            ['compose config p50, CPU ms', ms(compose.config.overallCpu.p50), '', ''],
            ['compose config p99, wall ms', ms(compose.config.overall.p99), '', ''],
            ['compose config p50, wall ms', ms(compose.config.overall.p50), '', ''],
            ...compose.config.slowest.map(({ file, cpu }) => [
              `  ${file} p99, CPU ms`,
              ms(cpu.p99),
              '',
              '',
            ]),
          ]),
      ...compose.up50.upMs.map((t, i) => [
        `up -d, ${compose.up50.services} services, wall ms (round ${i + 1})`,
        ms(t),
        '',
        '',
      ]),
      ...compose.up50.downMs.map((t, i) => [
        `down -t 0, ${compose.up50.services} services, wall ms (round ${i + 1})`,
        ms(t),
        '',
        '',
      ]),
    ],
  )

  const kube = await measureKube()
  const gp = kube.getPods
  console.log(
    `\nKubernetes (${kube.nodes} nodes; a Deployment scaled 0 → ${kube.replicas} replicas)\n`,
  )
  printTable(
    ['measure', 'measured', 'target', 'met'],
    [
      ['cluster build, CPU ms (setup)', ms(kube.setupCpuMs), '', ''],
      [
        `scale 0 → ${kube.replicas} until all Running, CPU ms`,
        ms(kube.scaleCpuMs),
        `< ${KUBE_SCALE_CPU_TARGET_MS}`,
        kube.running === kube.replicas ? verdict(kube.scaleCpuMs, KUBE_SCALE_CPU_TARGET_MS) : 'NO',
      ],
      ['  wall ms', ms(kube.scaleWallMs), '', ''],
      ['  pods Running / virtual seconds', `${kube.running} / ${kube.virtualSeconds}`, '', ''],
      [
        `kubectl get pods -A (${gp.pods} pods), median ms (command)`,
        ms(gp.commandMedianMs),
        '',
        '',
      ],
      ['kubectl get pods -A, median ms (session.run)', ms(gp.shellMedianMs), '', ''],
      ['JSON.stringify(PodList), median ms', ms(gp.jsonMedianMs), '', ''],
      ['get pods -A / JSON.stringify', gp.ratio.toFixed(2), '≤ 3', gp.ratio <= 3 ? 'yes' : 'NO'],
    ],
  )
}

// Run when invoked (`npm run bench`), not when imported for its measurements.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
