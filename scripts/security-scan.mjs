// `npm run security:scan`: @doyensec/electronegativity on the built Electron app (out/main,
// out/preload, out/renderer), as the Electron version package.json pins. The scanner always exits
// 0, so this wrapper reads its results and fails on any finding that security/
// electronegativity-allow.json does not list with a reason, and on any file it could not parse.
// Offline-safe: the scanner's translation download fails (a printed warning) and the one check
// that needs the network is skipped through the allow-list.
// Its BrowserWindow checks (contextIsolation, sandbox, nodeIntegration…) match only a literal
// `new BrowserWindow({…})`; the bundle's `new electron.BrowserWindow(windowOptions(…))` is out of
// their sight, so test/main/window-options.test.ts and main-process.test.ts pin those settings.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, extname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { transform } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const ALLOW_LIST = join(root, 'security', 'electronegativity-allow.json')
const REPORT = join(root, 'out', 'security', 'electronegativity.json')
const APP_PARTS = ['main', 'preload', 'renderer']
/** The scanner's parsers date from 2021: newer syntax (class private fields…) is lowered first. */
const SCANNABLE_SYNTAX = 'es2019'

function fail(message) {
  process.stderr.write(`security-scan: ${message}\n`)
  process.exit(1)
}

async function readAllowList() {
  const raw = JSON.parse(await readFile(ALLOW_LIST, 'utf8'))
  const entries = [...(raw.allowed ?? []), ...(raw.skippedChecks ?? [])]
  const unexplained = entries.filter(
    (entry) => typeof entry.reason !== 'string' || !entry.reason.trim(),
  )
  if (unexplained.length > 0)
    fail(`every allow-list entry needs a reason: ${JSON.stringify(unexplained)}`)
  return { allowed: raw.allowed ?? [], skippedChecks: raw.skippedChecks ?? [] }
}

async function jsFilesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && ['.js', '.mjs', '.cjs'].includes(extname(entry.name)))
    .map((entry) => join(entry.parentPath, entry.name))
}

/** The app as it is packaged (main/, preload/, renderer/ side by side), with scannable syntax. */
async function stageApp() {
  const stage = await mkdtemp(join(tmpdir(), 'quai-electronegativity-'))
  for (const part of APP_PARTS) {
    const built = join(root, 'out', part)
    try {
      await cp(built, join(stage, part), { recursive: true })
    } catch {
      await rm(stage, { recursive: true, force: true })
      fail(`out/${part} is missing: run \`npm run build\` first`)
    }
  }
  for (const file of await jsFilesUnder(stage)) {
    const lowered = await transform(await readFile(file, 'utf8'), {
      loader: 'js',
      target: SCANNABLE_SYNTAX,
      logLevel: 'error',
    })
    await writeFile(file, lowered.code)
  }
  return stage
}

function electronVersion() {
  const manifest = require(join(root, 'package.json'))
  const version = manifest.devDependencies?.electron
  if (!/^\d+\.\d+\.\d+$/.test(version ?? '')) fail(`package.json pins no exact electron version`)
  return version
}

function isAllowed(allowed, finding) {
  return allowed.find((entry) => entry.id === finding.id && entry.file === finding.file)
}

async function main() {
  const allowList = await readAllowList()
  const version = electronVersion()
  const stage = await stageApp()
  const run = require('@doyensec/electronegativity')
  const scanner = require('@doyensec/electronegativity/package.json')
  let result
  try {
    result = await run({
      input: stage,
      isRelative: true,
      // The CLI's `-e`: the version the checks assume.
      electronVersionOverride: version,
      excludeFromScan: allowList.skippedChecks.map((entry) => entry.check.toLowerCase()),
      parserPlugins: [],
    })
  } finally {
    await rm(stage, { recursive: true, force: true })
  }

  const findings = [
    ...result.issues.map((issue) => ({
      id: issue.id,
      file: issue.file,
      line: issue.location?.line ?? 0,
      column: issue.location?.column ?? 0,
      severity: issue.severity?.name ?? '?',
      confidence: issue.confidence?.name ?? '?',
      description: issue.description,
    })),
    ...result.errors
      .filter((error) => !error.tolerable)
      .map((error) => ({
        id: 'PARSE_ERROR',
        file: relative(stage, error.file),
        line: 0,
        column: 0,
        severity: '-',
        confidence: '-',
        description: `not checked: ${error.message}`,
      })),
  ]

  await mkdir(dirname(REPORT), { recursive: true })
  await writeFile(
    REPORT,
    `${JSON.stringify({ scanner: scanner.version, electron: version, findings }, null, 2)}\n`,
  )

  const log = (line) => process.stdout.write(`${line}\n`)
  const checks = result.globalChecks + result.atomicChecks
  const skipped = allowList.skippedChecks.map((entry) => entry.check).join(', ') || 'none'
  log(
    `electronegativity ${scanner.version} on out/{${APP_PARTS.join(',')}} as Electron ` +
      `${version}: ${checks} checks (${result.globalChecks} global, ${result.atomicChecks} ` +
      `atomic); skipped: ${skipped}`,
  )
  const refused = []
  for (const finding of findings) {
    const entry = isAllowed(allowList.allowed, finding)
    const where = `${finding.file}:${finding.line}:${finding.column}`
    log(
      `  ${entry ? 'allowed' : 'FAILED '}  ${finding.id} ` +
        `(${finding.severity} | ${finding.confidence}) ${where}: ${finding.description}`,
    )
    if (entry) log(`           reason: ${entry.reason}`)
    else refused.push(finding)
  }
  for (const entry of allowList.allowed)
    if (!findings.some((finding) => isAllowed([entry], finding)))
      log(`  note: allow-list entry ${entry.id} ${entry.file} matched nothing: obsolete?`)
  log(`report: ${relative(root, REPORT)}`)
  if (refused.length > 0)
    fail(
      `${refused.length} finding(s) not in security/electronegativity-allow.json: fix ` +
        'them, or add each with its id, file and the reason it is acceptable',
    )
  log(`security-scan: no finding outside the allow-list (${findings.length} allowed)`)
}

await main()
