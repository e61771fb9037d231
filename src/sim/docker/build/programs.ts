/**
 * The programs a RUN step can call that the shell interpreter does not have: package managers
 * (apt-get, apk, pip, npm, yarn), toolchains (go, mvn, cargo, jar), user management, downloads.
 * None reaches a network: each prints what the real tool prints on a good day (or its real error
 * for the classic mistakes: apt-get install before apt-get update, npm ci without a lock file,
 * a missing requirements.txt) and leaves in the image the files the next steps rely on
 * (node_modules, the binary `go build -o` names, target/app.jar, /etc/passwd entries).
 */
import type { IFileSystem } from 'just-bash'
import type { CatalogImage } from '../images/catalog-types'
import { binariesOf, imageAccounts, packageBytes, versionFor, type Distro } from './toolbox'

export interface ProgramResult {
  stdout: string
  stderr: string
  exitCode: number
}

/** What a program sees of the step running it. */
export interface ProgramContext {
  readonly args: readonly string[]
  readonly cwd: string
  readonly env: ReadonlyMap<string, string>
  readonly fs: IFileSystem
  readonly step: StepState
  /** Runs a shell command line in the same step (npm scripts, `bash -c`). */
  exec(command: string): Promise<ProgramResult>
}

/** What a RUN step accumulates while its programs run. */
export interface StepState {
  readonly distro: Distro
  readonly catalog: CatalogImage | undefined
  /** Programs present: the image's own, earlier installs, this step's installs. */
  readonly tools: Set<string>
  /** Binaries this step installed (written as /usr/bin stubs after the step). */
  readonly installed: Set<string>
  /** Virtual time the step's programs took. */
  elapsedMs: number
  /** Bytes the step's installs add to the image. */
  addedBytes: number
  /** The image's clock, for log file names. */
  readonly nowIso: string
}

type Program = (ctx: ProgramContext) => Promise<ProgramResult>

const ok = (stdout = '', stderr = ''): ProgramResult => ({ stdout, stderr, exitCode: 0 })
const fail = (stderr: string, exitCode = 1, stdout = ''): ProgramResult => ({
  stdout,
  stderr,
  exitCode,
})

function resolve(cwd: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`
  const parts: string[] = []
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return `/${parts.join('/')}`
}

async function readText(fs: IFileSystem, path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path)
  } catch {
    return undefined
  }
}

async function write(fs: IFileSystem, path: string, content: string): Promise<void> {
  const dir = path.slice(0, path.lastIndexOf('/')) || '/'
  await fs.mkdir(dir, { recursive: true })
  await fs.writeFile(path, content)
}

function runtimeVersion(catalog: CatalogImage | undefined, fallback: string): string {
  return /\d+\.\d+(\.\d+)?/.exec(catalog?.tag ?? '')?.[0] ?? fallback
}

function debianSuite(catalog: CatalogImage | undefined): string {
  const tag = catalog?.tag ?? ''
  for (const suite of ['trixie', 'bookworm', 'bullseye', 'buster', 'noble', 'jammy', 'focal'])
    if (tag.includes(suite)) return suite
  return catalog?.base === 'ubuntu' ? 'noble' : 'bookworm'
}

function alpineBranch(catalog: CatalogImage | undefined): string {
  const v =
    /alpine(3\.\d+)/.exec(catalog?.tag ?? '')?.[1] ?? /^(3\.\d+)/.exec(catalog?.tag ?? '')?.[1]
  return `v${v ?? '3.21'}`
}

function kb(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1000))} kB`
}

function words(args: readonly string[]): { flags: string[]; operands: string[] } {
  const flags = args.filter((a) => a.startsWith('-'))
  const operands = args.filter((a) => !a.startsWith('-'))
  return { flags, operands }
}

// ------------------------------------------------------------------------------ package managers

const DPKG_STATUS = '/var/lib/dpkg/status'
const APT_LISTS = '/var/lib/apt/lists'
const APK_DB = '/lib/apk/db/installed'

function install(step: StepState, pkg: string): void {
  for (const bin of binariesOf(pkg)) {
    step.tools.add(bin)
    step.installed.add(bin)
  }
  step.addedBytes += packageBytes(pkg)
}

async function aptListsReady(fs: IFileSystem): Promise<boolean> {
  try {
    return (await fs.readdir(APT_LISTS)).some(
      (f) => f.endsWith('_InRelease') || f.endsWith('_Packages'),
    )
  } catch {
    return false
  }
}

const aptGet: Program = async (ctx) => {
  const { step, fs } = ctx
  const { flags, operands } = words(ctx.args)
  const action = operands[0]
  const suite = debianSuite(step.catalog)
  const mirror =
    step.catalog?.base === 'ubuntu'
      ? 'http://archive.ubuntu.com/ubuntu'
      : 'http://deb.debian.org/debian'
  const security =
    step.catalog?.base === 'ubuntu'
      ? 'http://security.ubuntu.com/ubuntu'
      : 'http://deb.debian.org/debian-security'
  if (action === undefined) return fail('E: Invalid operation\n', 100)
  if (action === 'update') {
    step.elapsedMs += 1400
    const lists = [
      `Get:1 ${mirror} ${suite} InRelease [151 kB]`,
      `Get:2 ${mirror} ${suite}-updates InRelease [55.4 kB]`,
      `Get:3 ${security} ${suite}-security InRelease [48.0 kB]`,
      `Get:4 ${mirror} ${suite}/main amd64 Packages [8792 kB]`,
      `Get:5 ${mirror} ${suite}-updates/main amd64 Packages [13.5 kB]`,
      `Get:6 ${security} ${suite}-security/main amd64 Packages [245 kB]`,
      'Fetched 9305 kB in 1s (7213 kB/s)',
      'Reading package lists...',
    ]
    await write(
      fs,
      `${APT_LISTS}/${mirror.replace(/^http:\/\//, '').replace(/\//g, '_')}_dists_${suite}_InRelease`,
      '',
    )
    await write(
      fs,
      `${APT_LISTS}/${mirror.replace(/^http:\/\//, '').replace(/\//g, '_')}_dists_${suite}_main_binary-amd64_Packages.lz4`,
      '',
    )
    return ok(lists.map((l) => `${l}\n`).join(''))
  }
  if (
    [
      'clean',
      'autoclean',
      'dist-clean',
      'distclean',
      'autoremove',
      'purge',
      'remove',
      'upgrade',
      'dist-upgrade',
      'full-upgrade',
    ].includes(action)
  ) {
    const head =
      'Reading package lists...\nBuilding dependency tree...\nReading state information...\n'
    if (action.endsWith('clean')) {
      if (action === 'dist-clean' || action === 'distclean') {
        for (const f of await fs.readdir(APT_LISTS).catch(() => []))
          await fs.rm(`${APT_LISTS}/${f}`, { force: true })
      }
      return ok()
    }
    return ok(`${head}0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`)
  }
  if (action !== 'install') return fail(`E: Invalid operation ${action}\n`, 100)
  const yes =
    flags.some((f) => ['-y', '--yes', '--assume-yes', '-qy', '-yq', '-qqy', '-yqq'].includes(f)) ||
    (ctx.env.get('DEBIAN_FRONTEND') === 'noninteractive' && flags.includes('-y'))
  const packages = operands.slice(1)
  const head =
    'Reading package lists...\nBuilding dependency tree...\nReading state information...\n'
  if (packages.length === 0)
    return ok(`${head}0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`)
  if (!(await aptListsReady(fs)))
    return fail(`E: Unable to locate package ${packages[0]}\n`, 100, head)
  const status = (await readText(fs, DPKG_STATUS)) ?? ''
  const fresh = packages.filter((p) => !status.includes(`Package: ${p.replace(/=.*$/, '')}\n`))
  const already = packages.filter((p) => !fresh.includes(p))
  let out = head
  for (const p of already)
    out += `${p} is already the newest version (${versionFor(p, 'debian')}).\n`
  if (fresh.length === 0)
    return ok(`${out}0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`)
  const bytes = fresh.reduce((sum, p) => sum + packageBytes(p), 0)
  out += `The following NEW packages will be installed:\n  ${fresh.join(' ')}\n`
  out += `0 upgraded, ${fresh.length} newly installed, 0 to remove and 0 not upgraded.\n`
  out += `Need to get ${kb(bytes / 3)} of archives.\n`
  out += `After this operation, ${kb(bytes)} of additional disk space will be used.\n`
  if (!yes) return fail('Abort.\n', 1, `${out}Do you want to continue? [Y/n] `)
  fresh.forEach((p, i) => {
    out += `Get:${i + 1} ${mirror} ${suite}/main amd64 ${p} amd64 ${versionFor(p, 'debian')} [${kb(packageBytes(p) / 3)}]\n`
  })
  out += `debconf: delaying package configuration, since apt-utils is not installed\n`
  out += `Fetched ${kb(bytes / 3)} in 0s (${kb(bytes)}/s)\n`
  for (const p of fresh) {
    const v = versionFor(p, 'debian')
    out += `Selecting previously unselected package ${p}.\n`
    out += `Preparing to unpack .../${p}_${v}_amd64.deb ...\nUnpacking ${p} (${v}) ...\n`
  }
  for (const p of fresh) out += `Setting up ${p} (${versionFor(p, 'debian')}) ...\n`
  step.elapsedMs += 900 + fresh.length * 700
  const entries = fresh
    .map(
      (p) =>
        `Package: ${p}\nStatus: install ok installed\nArchitecture: amd64\nVersion: ${versionFor(p, 'debian')}\n\n`,
    )
    .join('')
  await write(fs, DPKG_STATUS, status + entries)
  for (const p of fresh) install(step, p)
  return ok(out)
}

const apk: Program = async (ctx) => {
  const { step, fs } = ctx
  const args = [...ctx.args]
  if (args.includes('--print-arch')) return ok('x86_64\n')
  const { flags, operands } = words(args)
  const action = operands[0]
  const branch = alpineBranch(step.catalog)
  const fetch = `fetch https://dl-cdn.alpinelinux.org/alpine/${branch}/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/${branch}/community/x86_64/APKINDEX.tar.gz\n`
  const db = (await readText(fs, APK_DB)) ?? ''
  const count = 15 + (db.match(/^P:/gm)?.length ?? 0)
  if (action === 'update') {
    step.elapsedMs += 600
    return ok(
      `${fetch}${branch}-0-g0000000 [https://dl-cdn.alpinelinux.org/alpine/${branch}/main]\n${branch}-0-g0000000 [https://dl-cdn.alpinelinux.org/alpine/${branch}/community]\nOK: 25250 distinct packages available\n`,
    )
  }
  if (action === 'del') {
    return ok(`OK: ${Math.max(8, Math.round(count * 0.6))} MiB in ${count} packages\n`)
  }
  if (action === 'upgrade') return ok(`${fetch}OK: ${count} MiB in ${count} packages\n`)
  if (action !== 'add')
    return fail(
      `apk-tools 2.14.6, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n`,
      1,
    )
  const virtualAt = args.findIndex((a) => a === '--virtual' || a === '-t')
  const virtual = virtualAt >= 0 ? args[virtualAt + 1] : undefined
  const packages = operands.slice(1).filter((p) => p !== virtual)
  void flags
  const fresh = packages.filter((p) => !db.includes(`P:${p}\n`))
  let out = fetch
  const total = fresh.length + (virtual !== undefined ? 1 : 0)
  fresh.forEach((p, i) => {
    out += `(${i + 1}/${total}) Installing ${p} (${versionFor(p, 'alpine')})\n`
  })
  if (virtual !== undefined) out += `(${total}/${total}) Installing ${virtual} (20260105.090000)\n`
  if (fresh.some((p) => p === 'bash')) out += 'Executing bash-5.2.37-r0.post-install\n'
  out += 'Executing busybox-1.37.0-r12.trigger\n'
  const bytes = fresh.reduce((sum, p) => sum + packageBytes(p), 0)
  out += `OK: ${Math.round(8 + (bytes + count * 400_000) / 1_048_576)} MiB in ${count + total} packages\n`
  step.elapsedMs += 500 + fresh.length * 300
  await write(
    fs,
    APK_DB,
    db + fresh.map((p) => `P:${p}\nV:${versionFor(p, 'alpine')}\n\n`).join(''),
  )
  for (const p of fresh) install(step, p)
  return ok(out)
}

function pythonVersion(step: StepState): string {
  return runtimeVersion(step.catalog, step.distro === 'alpine' ? '3.12.9' : '3.11.2')
}

const ROOT_WARNING =
  "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.\n"

const PIP_BINARIES: Record<string, string[]> = {
  flask: ['flask'],
  gunicorn: ['gunicorn'],
  uvicorn: ['uvicorn'],
  django: ['django-admin'],
  pytest: ['pytest', 'py.test'],
  celery: ['celery'],
  fastapi: ['fastapi'],
  black: ['black'],
  poetry: ['poetry'],
}

const pip: Program = async (ctx) => {
  const { step, fs } = ctx
  const args = [...ctx.args]
  if (args[0] === '--version' || args[0] === '-V') {
    const v = pythonVersion(step)
    return ok(
      `pip 24.0 from /usr/local/lib/python${v.split('.').slice(0, 2).join('.')}/site-packages/pip (python ${v.split('.').slice(0, 2).join('.')})\n`,
    )
  }
  if (args[0] !== 'install') return ok()
  const packages: Array<{ name: string; from?: string }> = []
  for (let i = 1; i < args.length; i++) {
    const a = args[i] ?? ''
    if (a === '-r' || a === '--requirement') {
      const file = args[++i] ?? ''
      const text = await readText(fs, resolve(ctx.cwd, file))
      if (text === undefined)
        return fail(
          `ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${file}'\n`,
        )
      text.split('\n').forEach((line, n) => {
        const spec = line.replace(/#.*$/, '').trim()
        if (spec !== '' && !spec.startsWith('-'))
          packages.push({ name: spec, from: `-r ${file} (line ${n + 1})` })
      })
    } else if (a.startsWith('-r') && a.length > 2) {
      i--
      args[i + 1] = a.slice(2)
      args.splice(i + 1, 0, '-r')
    } else if (!a.startsWith('-') && a !== '.') packages.push({ name: a })
  }
  const python = `python${pythonVersion(step).split('.').slice(0, 2).join('.')}`
  const managed =
    !step.catalog?.repository.includes('python') &&
    !args.includes('--break-system-packages') &&
    (step.distro === 'alpine' ||
      ['bookworm', 'trixie', 'noble'].includes(debianSuite(step.catalog)))
  if (managed && step.installed.has('pip'))
    return fail(
      `error: externally-managed-environment\n\n× This environment is externally managed\n╰─> To install Python packages system-wide, try apt install\n    python3-xyz, where xyz is the package you are trying to\n    install.\n\nnote: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.\nhint: See PEP 668 for the detailed specification.\n`,
    )
  let out = ''
  const installed: string[] = []
  for (const p of packages) {
    const name = p.name
      .replace(/[\s;].*$/, '')
      .replace(/\[.*\]/, '')
      .replace(/[=<>~!].*$/, '')
    const pinned = /==\s*([\w.]+)/.exec(p.name)?.[1]
    const version = pinned ?? versionFor(name, 'alpine').replace(/-r\d+$/, '')
    out += `Collecting ${p.name}${p.from === undefined ? '' : ` (from ${p.from})`}\n`
    out += `  Downloading ${name.replace(/-/g, '_')}-${version}-py3-none-any.whl.metadata (${(packageBytes(name) % 9) + 1}.${packageBytes(name) % 10} kB)\n`
    installed.push(`${name}-${version}`)
    step.addedBytes += packageBytes(name)
    const site = `/usr/local/lib/${python}/site-packages`
    await write(
      fs,
      `${site}/${name.replace(/-/g, '_')}-${version}.dist-info/METADATA`,
      `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`,
    )
    for (const bin of PIP_BINARIES[name.toLowerCase()] ?? []) {
      await write(
        fs,
        `/usr/local/bin/${bin}`,
        `#!/usr/local/bin/python3\n# ${bin} (${name} ${version})\n`,
      )
      step.tools.add(bin)
    }
  }
  step.elapsedMs += 800 + packages.length * 450
  if (installed.length > 0) {
    out += `Installing collected packages: ${installed.map((i) => i.replace(/-[^-]*$/, '')).join(', ')}\n`
    out += `Successfully installed ${installed.join(' ')}\n`
  }
  return ok(out, ROOT_WARNING)
}

// ------------------------------------------------------------------------------------ node

interface PackageJson {
  name?: string
  version?: string
  scripts?: Record<string, string>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

async function readPackageJson(fs: IFileSystem, dir: string): Promise<PackageJson | undefined> {
  const text = await readText(fs, `${dir.replace(/\/$/, '')}/package.json`)
  if (text === undefined) return undefined
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as PackageJson) : {}
  } catch {
    return {}
  }
}

function npmLog(step: StepState): string {
  return `npm error A complete log of this run can be found in: /root/.npm/_logs/${step.nowIso.replace(/:/g, '_').replace(/\./, '_')}-debug-0.log\n`
}

function npmNoPackageJson(ctx: ProgramContext): ProgramResult {
  const path = `${ctx.cwd.replace(/\/$/, '')}/package.json`
  return fail(
    `npm error code ENOENT\nnpm error syscall open\nnpm error path ${path}\nnpm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${path}'\nnpm error enoent This is related to npm not being able to find a file.\nnpm error enoent\n${npmLog(ctx.step)}`,
    254,
  )
}

async function installNodeModules(
  ctx: ProgramContext,
  pkg: PackageJson,
  production: boolean,
): Promise<number> {
  const deps = { ...pkg.dependencies, ...(production ? {} : pkg.devDependencies) }
  const root = `${ctx.cwd.replace(/\/$/, '')}/node_modules`
  await ctx.fs.mkdir(root, { recursive: true })
  for (const [name, range] of Object.entries(deps)) {
    const version = range.replace(/^[\^~>=<\s]+/, '') || '1.0.0'
    await write(
      ctx.fs,
      `${root}/${name}/package.json`,
      `${JSON.stringify({ name, version }, null, 2)}\n`,
    )
    const bin = NODE_BINARIES[name]
    if (bin !== undefined)
      await write(ctx.fs, `${root}/.bin/${bin}`, `#!/usr/bin/env node\n// ${name}\n`)
    ctx.step.addedBytes += packageBytes(name) * 2
  }
  const count = Object.keys(deps).length
  // A real tree pulls in transitive dependencies: about a dozen per direct one.
  return count === 0 ? 0 : count * 12 + 1
}

const NODE_BINARIES: Record<string, string> = {
  'react-scripts': 'react-scripts',
  vite: 'vite',
  typescript: 'tsc',
  next: 'next',
  webpack: 'webpack',
  '@angular/cli': 'ng',
  '@vue/cli-service': 'vue-cli-service',
  nodemon: 'nodemon',
  jest: 'jest',
  eslint: 'eslint',
}

/** npm and yarn run scripts with node_modules/.bin on the PATH. */
async function addLocalBinaries(ctx: ProgramContext): Promise<void> {
  const bin = `${ctx.cwd.replace(/\/$/, '')}/node_modules/.bin`
  for (const name of await ctx.fs.readdir(bin).catch(() => [] as string[])) ctx.step.tools.add(name)
}

function auditSummary(added: number, seconds: number): string {
  if (added === 0)
    return `\nup to date, audited 1 package in ${seconds}s\n\nfound 0 vulnerabilities\n`
  const funding = Math.max(1, Math.round(added / 9))
  const looking =
    funding === 1
      ? '1 package is looking for funding'
      : `${funding} packages are looking for funding`
  return `\nadded ${added} packages, and audited ${added + 1} packages in ${seconds}s\n\n${looking}\n  run \`npm fund\` for details\n\nfound 0 vulnerabilities\n`
}

const npm: Program = async (ctx) => {
  const { step, fs } = ctx
  const args = [...ctx.args]
  const command = args[0]
  if (command === undefined)
    return ok(
      'npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project\n',
    )
  if (command === '-v' || command === '--version') return ok('10.9.2\n')
  if (['config', 'set', 'cache', 'audit', 'fund', 'prune', 'set-script'].includes(command))
    return ok()
  const global = args.includes('-g') || args.includes('--global')
  const names = args.slice(1).filter((a) => !a.startsWith('-'))
  if (['install', 'i', 'add', 'ci'].includes(command)) {
    if (global) {
      for (const name of names) {
        const bare = name.replace(/(?<=.)@.*$/, '')
        await write(
          fs,
          `/usr/local/lib/node_modules/${bare}/package.json`,
          `${JSON.stringify({ name: bare }, null, 2)}\n`,
        )
        await write(
          fs,
          `/usr/local/bin/${bare.split('/').pop() ?? bare}`,
          `#!/usr/bin/env node\n// ${bare}\n`,
        )
        step.tools.add(bare.split('/').pop() ?? bare)
        step.addedBytes += packageBytes(bare) * 3
      }
      const added = names.length * 24
      step.elapsedMs += 1500 + added * 40
      return ok(
        `\nadded ${added} packages in ${Math.max(1, Math.round(step.elapsedMs / 1000))}s\n\n${Math.max(1, Math.round(added / 9))} packages are looking for funding\n  run \`npm fund\` for details\n`,
      )
    }
    const pkg = await readPackageJson(fs, ctx.cwd)
    if (command === 'ci') {
      if (pkg === undefined) return npmNoPackageJson(ctx)
      const lock =
        (await readText(fs, `${ctx.cwd.replace(/\/$/, '')}/package-lock.json`)) ??
        (await readText(fs, `${ctx.cwd.replace(/\/$/, '')}/npm-shrinkwrap.json`))
      if (lock === undefined)
        return fail(
          `npm error code EUSAGE\nnpm error\nnpm error The \`npm ci\` command can only install with an existing package-lock.json or\nnpm error npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or\nnpm error later to generate a package-lock.json file, then try again.\nnpm error\nnpm error Clean install a project\nnpm error\nnpm error Usage:\nnpm error npm ci\nnpm error\nnpm error Options:\nnpm error [--install-strategy <hoisted|nested|shallow|linked>] [--legacy-bundling]\nnpm error [--global-style] [--omit <dev|optional|peer> [--omit <dev|optional|peer> ...]]\nnpm error [--include <prod|dev|optional|peer> [--include <prod|dev|optional|peer> ...]]\nnpm error [--strict-peer-deps] [--foreground-scripts] [--ignore-scripts] [--no-audit]\nnpm error [--no-bin-links] [--no-fund] [--dry-run]\nnpm error [-w|--workspace <workspace-name> [-w|--workspace <workspace-name> ...]]\nnpm error [-ws|--workspaces] [--include-workspace-root] [--install-links]\nnpm error\nnpm error aliases: clean-install, ic, install-clean, isntall-clean\nnpm error\nnpm error Run "npm help ci" for more info\n${npmLog(step)}`,
        )
    }
    const production =
      args.includes('--production') ||
      args.includes('--omit=dev') ||
      args.includes('--only=production') ||
      ctx.env.get('NODE_ENV') === 'production'
    const manifest: PackageJson = pkg ?? {}
    if (names.length > 0) {
      manifest.dependencies = { ...manifest.dependencies }
      for (const n of names)
        manifest.dependencies[n.replace(/(?<=.)@.*$/, '')] =
          `^${versionFor(n, 'alpine').replace(/-r\d+$/, '')}`
      await write(
        fs,
        `${ctx.cwd.replace(/\/$/, '')}/package.json`,
        `${JSON.stringify(manifest, null, 2)}\n`,
      )
    }
    const added = await installNodeModules(ctx, manifest, production)
    if (pkg === undefined && names.length === 0)
      await write(
        fs,
        `${ctx.cwd.replace(/\/$/, '')}/package-lock.json`,
        '{\n  "lockfileVersion": 3\n}\n',
      )
    step.elapsedMs += 900 + added * 25
    return ok(auditSummary(added, Math.max(1, Math.round(step.elapsedMs / 1000))))
  }
  if (
    command === 'run' ||
    command === 'run-script' ||
    command === 'start' ||
    command === 'test' ||
    command === 'build'
  ) {
    const script = command === 'run' || command === 'run-script' ? args[1] : command
    const pkg = await readPackageJson(fs, ctx.cwd)
    if (pkg === undefined) return npmNoPackageJson(ctx)
    if (script === undefined)
      return ok(`Lifecycle scripts included in ${pkg.name ?? 'app'}@${pkg.version ?? '1.0.0'}:\n`)
    const body = pkg.scripts?.[script] ?? (script === 'start' ? 'node server.js' : undefined)
    if (body === undefined)
      return fail(
        `npm error Missing script: "${script}"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\n${npmLog(step)}`,
      )
    const banner = `\n> ${pkg.name ?? 'app'}${pkg.version === undefined ? '' : `@${pkg.version}`} ${script}\n> ${body}\n\n`
    await addLocalBinaries(ctx)
    const result = await ctx.exec(body)
    return { ...result, stdout: banner + result.stdout }
  }
  return ok()
}

const yarn: Program = async (ctx) => {
  const { step, fs } = ctx
  const command = ctx.args[0] ?? 'install'
  if (command === '--version' || command === '-v') return ok('1.22.22\n')
  const pkg = await readPackageJson(fs, ctx.cwd)
  if (command === 'install' || command.startsWith('--')) {
    if (pkg === undefined)
      return fail(
        `error Couldn't find a package.json file in "${ctx.cwd}"\n`,
        1,
        `yarn install v1.22.22\ninfo Visit https://yarnpkg.com/en/docs/cli/install for documentation about this command.\n`,
      )
    const added = await installNodeModules(ctx, pkg, ctx.args.includes('--production'))
    step.elapsedMs += 1200 + added * 20
    const seconds = (step.elapsedMs / 1000).toFixed(2)
    return ok(
      `yarn install v1.22.22\n[1/4] Resolving packages...\n[2/4] Fetching packages...\n[3/4] Linking dependencies...\n[4/4] Building fresh packages...\nsuccess Saved lockfile.\nDone in ${seconds}s.\n`,
    )
  }
  const script = command === 'run' ? ctx.args[1] : command
  if (pkg === undefined || script === undefined)
    return fail(`error Couldn't find a package.json file in "${ctx.cwd}"\n`)
  const body = pkg.scripts?.[script]
  if (body === undefined)
    return fail(
      `error Command "${script}" not found.\ninfo Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command.\n`,
      1,
      'yarn run v1.22.22\n',
    )
  await addLocalBinaries(ctx)
  const result = await ctx.exec(body)
  return {
    ...result,
    stdout: `yarn run v1.22.22\n$ ${body}\n${result.stdout}${result.exitCode === 0 ? `Done in ${(1 + step.elapsedMs / 1000).toFixed(2)}s.\n` : ''}`,
  }
}

/** Front-end build tools npm scripts call: each writes the folder it is known for. */
function bundler(outDir: string, banner: string): Program {
  return async (ctx) => {
    const dir = `${ctx.cwd.replace(/\/$/, '')}/${outDir}`
    await write(
      ctx.fs,
      `${dir}/index.html`,
      '<!doctype html><html><head><meta charset="utf-8"><title>App</title><script defer="defer" src="/static/js/main.js"></script></head><body><div id="root"></div></body></html>\n',
    )
    await write(ctx.fs, `${dir}/static/js/main.js`, '(()=>{"use strict"})();\n')
    ctx.step.elapsedMs += 6000
    ctx.step.addedBytes += 180_000
    return ok(banner)
  }
}

const REACT_BUILD = `Creating an optimized production build...\nCompiled successfully.\n\nFile sizes after gzip:\n\n  46.61 kB  build/static/js/main.js\n\nThe project was built assuming it is hosted at /.\nYou can control this with the homepage field in your package.json.\n\nThe build folder is ready to be deployed.\n`

// ------------------------------------------------------------------------------- toolchains

async function goModule(ctx: ProgramContext): Promise<string> {
  const mod = await readText(ctx.fs, `${ctx.cwd.replace(/\/$/, '')}/go.mod`)
  const name = /^module\s+(\S+)/m.exec(mod ?? '')?.[1]
  return (name ?? ctx.cwd).split('/').pop() ?? 'app'
}

const go: Program = async (ctx) => {
  const args = ctx.args
  const version = runtimeVersion(ctx.step.catalog, '1.23.4')
  if (args[0] === 'version') return ok(`go version go${version} linux/amd64\n`)
  if (args[0] === 'env') return ok()
  if (args[0] === 'mod') {
    ctx.step.elapsedMs += 1500
    return ok()
  }
  if (args[0] === 'build' || args[0] === 'install') {
    const at = args.indexOf('-o')
    const target = at >= 0 ? (args[at + 1] ?? '') : await goModule(ctx)
    let path = resolve(ctx.cwd, target)
    if (target.endsWith('/')) path = `${path}/${await goModule(ctx)}`
    await write(ctx.fs, path, `\u007fELF go build ${version}\n`)
    ctx.step.elapsedMs += 4500
    ctx.step.addedBytes += 8_400_000
    return ok()
  }
  return ok()
}

async function pomCoordinates(
  ctx: ProgramContext,
): Promise<{ artifact: string; version: string; file: string } | undefined> {
  const pom = await readText(ctx.fs, `${ctx.cwd.replace(/\/$/, '')}/pom.xml`)
  if (pom === undefined) return undefined
  const withoutParent = pom
    .replace(/<parent>[\s\S]*?<\/parent>/, '')
    .replace(/<dependencies>[\s\S]*<\/dependencies>/, '')
  const artifact = /<artifactId>([^<]+)<\/artifactId>/.exec(withoutParent)?.[1] ?? 'app'
  const version = /<version>([^<]+)<\/version>/.exec(withoutParent)?.[1] ?? '0.0.1-SNAPSHOT'
  const finalName = /<finalName>([^<]+)<\/finalName>/.exec(pom)?.[1]
  const packaging = /<packaging>([^<]+)<\/packaging>/.exec(withoutParent)?.[1] ?? 'jar'
  return {
    artifact,
    version,
    file: `${finalName ?? `${artifact}-${version}`}.${packaging === 'war' ? 'war' : 'jar'}`,
  }
}

const mvn: Program = async (ctx) => {
  const coords = await pomCoordinates(ctx)
  if (ctx.args.includes('-v') || ctx.args.includes('--version')) return ok('Apache Maven 3.9.9\n')
  if (coords === undefined)
    return fail(
      '',
      1,
      `[INFO] Scanning for projects...\n[INFO] ------------------------------------------------------------------------\n[INFO] BUILD FAILURE\n[INFO] ------------------------------------------------------------------------\n[ERROR] The goal you specified requires a project to execute but there is no POM in this directory (${ctx.cwd}). Please verify you invoked Maven from the correct directory. -> [Help 1]\n`,
    )
  const goals = ctx.args.filter((a) => !a.startsWith('-'))
  const packaging = goals.some((g) =>
    ['package', 'install', 'verify', 'deploy', 'assembly:single', 'spring-boot:repackage'].includes(
      g,
    ),
  )
  if (packaging) {
    await write(
      ctx.fs,
      `${ctx.cwd.replace(/\/$/, '')}/target/${coords.file}`,
      'PK\u0003\u0004 spring-boot jar\n',
    )
    ctx.step.addedBytes += 21_000_000
  }
  ctx.step.elapsedMs += packaging ? 12000 : 8000
  ctx.step.addedBytes += 40_000_000
  return ok(
    `[INFO] Scanning for projects...\n[INFO] \n[INFO] ------------------------< ${coords.artifact} >------------------------\n[INFO] Building ${coords.artifact} ${coords.version}\n[INFO] ------------------------------------------------------------------------\n[INFO] BUILD SUCCESS\n[INFO] ------------------------------------------------------------------------\n[INFO] Total time:  ${(ctx.step.elapsedMs / 1000).toFixed(3)} s\n`,
  )
}

const gradle: Program = async (ctx) => {
  const name = ctx.cwd.split('/').pop() || 'app'
  if (ctx.args.some((a) => ['build', 'bootJar', 'assemble', 'jar'].includes(a)))
    await write(
      ctx.fs,
      `${ctx.cwd.replace(/\/$/, '')}/build/libs/${name}-0.0.1-SNAPSHOT.jar`,
      'PK\u0003\u0004 gradle jar\n',
    )
  ctx.step.elapsedMs += 15000
  ctx.step.addedBytes += 30_000_000
  return ok(`\nBUILD SUCCESSFUL in ${Math.round(ctx.step.elapsedMs / 1000)}s\n`)
}

const jar: Program = async (ctx) => {
  if ((ctx.args[0] ?? '').startsWith('-x') || (ctx.args[0] ?? '').startsWith('x')) {
    const base = ctx.cwd.replace(/\/$/, '')
    await write(
      ctx.fs,
      `${base}/META-INF/MANIFEST.MF`,
      'Manifest-Version: 1.0\nMain-Class: org.springframework.boot.loader.launch.JarLauncher\n',
    )
    await write(ctx.fs, `${base}/BOOT-INF/lib/spring-boot-3.4.1.jar`, 'PK\u0003\u0004\n')
    await write(ctx.fs, `${base}/BOOT-INF/classes/application.properties`, '')
    ctx.step.addedBytes += 20_000_000
  }
  return ok()
}

const cargo: Program = async (ctx) => {
  const base = ctx.cwd.replace(/\/$/, '')
  const name =
    /^name\s*=\s*"([^"]+)"/m.exec((await readText(ctx.fs, `${base}/Cargo.toml`)) ?? '')?.[1] ??
    (ctx.cwd.split('/').pop() || 'app')
  const command = ctx.args[0]
  if (command === 'init' || command === 'new') {
    await write(
      ctx.fs,
      `${base}/Cargo.toml`,
      `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n`,
    )
    await write(ctx.fs, `${base}/src/main.rs`, 'fn main() {\n    println!("Hello, world!");\n}\n')
    return ok(
      '',
      `    Creating binary (application) package\nnote: see more \`Cargo.toml\` keys and their definitions at https://doc.rust-lang.org/cargo/reference/manifest.html\n`,
    )
  }
  if (command === 'build' || command === 'install') {
    const profile = ctx.args.includes('--release') ? 'release' : 'debug'
    await write(ctx.fs, `${base}/target/${profile}/${name}`, `\u007fELF cargo ${name}\n`)
    ctx.step.elapsedMs += 20000
    ctx.step.addedBytes += 90_000_000
    return ok(
      '',
      `   Compiling ${name} v0.1.0 (${base})\n    Finished \`${profile}\` profile [${profile === 'release' ? 'optimized' : 'unoptimized + debuginfo'}] target(s) in ${(ctx.step.elapsedMs / 1000).toFixed(2)}s\n`,
    )
  }
  ctx.step.elapsedMs += 3000
  return ok()
}

// --------------------------------------------------------------------- users, downloads, runtimes

async function userTable(fs: IFileSystem): Promise<{ passwd: string; group: string }> {
  return {
    passwd: (await readText(fs, '/etc/passwd')) ?? 'root:x:0:0:root:/root:/bin/sh\n',
    group: (await readText(fs, '/etc/group')) ?? 'root:x:0:root\n',
  }
}

function nextId(table: string, from: number): number {
  const used = new Set(table.split('\n').map((l) => Number(l.split(':')[2])))
  let id = from
  while (used.has(id)) id++
  return id
}

function valueAfter(args: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    for (const n of names) {
      if (a === n) return args[i + 1]
      if (n.startsWith('--') && a.startsWith(`${n}=`)) return a.slice(n.length + 1)
    }
  }
  return undefined
}

const useradd: Program = async (ctx) => {
  const { passwd, group } = await userTable(ctx.fs)
  const withValue = [
    '-s',
    '--shell',
    '-u',
    '--uid',
    '-g',
    '--gid',
    '-G',
    '--groups',
    '-d',
    '--home-dir',
    '-c',
    '--comment',
  ]
  const names = ctx.args.filter(
    (a, i) => !a.startsWith('-') && !withValue.includes(ctx.args[i - 1] ?? ''),
  )
  const name = names[names.length - 1]
  if (name === undefined) return fail('Usage: useradd [options] LOGIN\n', 2)
  if (passwd.split('\n').some((l) => l.startsWith(`${name}:`)))
    return fail(`useradd: user '${name}' already exists\n`, 9)
  const uid = Number(valueAfter(ctx.args, ['-u', '--uid']) ?? nextId(passwd, 1000))
  const system = ctx.args.includes('-r') || ctx.args.includes('--system')
  const shell = valueAfter(ctx.args, ['-s', '--shell']) ?? '/bin/sh'
  const home = valueAfter(ctx.args, ['-d', '--home-dir']) ?? `/home/${name}`
  const gidName = valueAfter(ctx.args, ['-g', '--gid'])
  let gid = uid
  let groups = group
  if (gidName !== undefined) {
    const line = group
      .split('\n')
      .find((l) => l.startsWith(`${gidName}:`) || l.split(':')[2] === gidName)
    if (line === undefined) return fail(`useradd: group '${gidName}' does not exist\n`, 6)
    gid = Number(line.split(':')[2])
  } else groups += `${name}:x:${gid}:\n`
  await write(
    ctx.fs,
    '/etc/passwd',
    `${passwd}${name}:x:${system ? nextId(passwd, 100) : uid}:${gid}::${home}:${shell}\n`,
  )
  await write(ctx.fs, '/etc/group', groups)
  if (ctx.args.includes('-m') || ctx.args.includes('--create-home'))
    await ctx.fs.mkdir(home, { recursive: true })
  return ok()
}

const groupadd: Program = async (ctx) => {
  const { group } = await userTable(ctx.fs)
  const name = ctx.args.filter((a) => !a.startsWith('-')).pop()
  if (name === undefined) return fail('Usage: groupadd [options] GROUP\n', 2)
  if (group.split('\n').some((l) => l.startsWith(`${name}:`)))
    return fail(`groupadd: group '${name}' already exists\n`, 9)
  const gid = Number(
    valueAfter(ctx.args, ['-g', '--gid']) ?? nextId(group, ctx.args.includes('-r') ? 100 : 1000),
  )
  await write(ctx.fs, '/etc/group', `${group}${name}:x:${gid}:\n`)
  return ok()
}

const usermod: Program = async (ctx) => {
  const { passwd, group } = await userTable(ctx.fs)
  const name = ctx.args[ctx.args.length - 1] ?? ''
  if (!passwd.split('\n').some((l) => l.startsWith(`${name}:`)))
    return fail(`usermod: user '${name}' does not exist\n`, 6)
  const extra = valueAfter(ctx.args, ['-G', '--groups', '-aG'])
  if (extra !== undefined) {
    const lines = group.split('\n').map((l) => {
      const [g, x, id, members = ''] = l.split(':')
      if (g === undefined || !extra.split(',').includes(g)) return l
      const list = members === '' ? [] : members.split(',')
      return [g, x, id, [...list, name].join(',')].join(':')
    })
    await write(ctx.fs, '/etc/group', lines.join('\n'))
  }
  return ok()
}

/** BusyBox adduser/addgroup (Alpine) and Debian's adduser front-end. */
const adduser: Program = async (ctx) => {
  const { passwd, group } = await userTable(ctx.fs)
  const withValue = [
    '-h',
    '-g',
    '-s',
    '-G',
    '-u',
    '-k',
    '--shell',
    '--ingroup',
    '--home',
    '--uid',
    '--gecos',
  ]
  const operands = ctx.args.filter(
    (a, i) => !a.startsWith('-') && !withValue.includes(ctx.args[i - 1] ?? ''),
  )
  const name = operands[0]
  if (name === undefined)
    return fail(
      'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: adduser [OPTIONS] USER [GROUP]\n',
    )
  if (passwd.split('\n').some((l) => l.startsWith(`${name}:`)))
    return fail(`adduser: user '${name}' in use\n`)
  const system = ctx.args.includes('-S') || ctx.args.includes('--system')
  const uid = Number(valueAfter(ctx.args, ['-u', '--uid']) ?? nextId(passwd, system ? 100 : 1000))
  const shell = valueAfter(ctx.args, ['-s', '--shell']) ?? (system ? '/sbin/nologin' : '/bin/sh')
  const ingroup = valueAfter(ctx.args, ['-G', '--ingroup'])
  let gid = uid
  let groups = group
  if (ingroup !== undefined) {
    const line = group.split('\n').find((l) => l.startsWith(`${ingroup}:`))
    if (line === undefined) return fail(`adduser: unknown group ${ingroup}\n`)
    gid = Number(line.split(':')[2])
  } else if (!system) groups += `${name}:x:${gid}:${name}\n`
  else gid = 65533
  const home = valueAfter(ctx.args, ['-h', '--home']) ?? `/home/${name}`
  await write(
    ctx.fs,
    '/etc/passwd',
    `${passwd}${name}:x:${uid}:${gid}:Linux User,,,:${home}:${shell}\n`,
  )
  await write(ctx.fs, '/etc/group', groups)
  if (!ctx.args.includes('-H')) await ctx.fs.mkdir(home, { recursive: true })
  return ok()
}

const addgroup: Program = async (ctx) => {
  const { group } = await userTable(ctx.fs)
  const operands = ctx.args.filter(
    (a, i) => !a.startsWith('-') && !['-g', '--gid'].includes(ctx.args[i - 1] ?? ''),
  )
  const name = operands[operands.length === 2 ? 1 : 0]
  if (name === undefined) return fail('Usage: addgroup [-g GID] [-S] [USER] GROUP\n')
  if (operands.length === 2) return ok()
  if (group.split('\n').some((l) => l.startsWith(`${name}:`)))
    return fail(`addgroup: group '${name}' in use\n`)
  const gid = Number(
    valueAfter(ctx.args, ['-g', '--gid']) ?? nextId(group, ctx.args.includes('-S') ? 100 : 1000),
  )
  await write(ctx.fs, '/etc/group', `${group}${name}:x:${gid}:\n`)
  return ok()
}

const chown: Program = async (ctx) => {
  const spec = ctx.args.find((a) => !a.startsWith('-')) ?? ''
  const [user = '', grp = ''] = spec.split(/[:.]/)
  const { passwd, group } = await userTable(ctx.fs)
  const accounts = imageAccounts(ctx.step.catalog)
  const known = (table: string, name: string): boolean =>
    name === '' ||
    /^\d+$/.test(name) ||
    accounts.has(name) ||
    table.split('\n').some((l) => l.startsWith(`${name}:`))
  if (!known(passwd, user))
    return fail(
      ctx.step.distro === 'alpine'
        ? `chown: unknown user ${user}\n`
        : `chown: invalid user: ‘${spec}’\n`,
    )
  if (!known(group, grp))
    return fail(
      ctx.step.distro === 'alpine'
        ? `chown: unknown group ${grp}\n`
        : `chown: invalid group: ‘${spec}’\n`,
    )
  const targets = ctx.args.filter((a) => !a.startsWith('-')).slice(1)
  for (const t of targets)
    if (!(await ctx.fs.exists(resolve(ctx.cwd, t))))
      return fail(
        `chown: ${ctx.step.distro === 'alpine' ? `${t}: No such file or directory` : `cannot access '${t}': No such file or directory`}\n`,
      )
  return ok()
}

const id: Program = async (ctx) => {
  const alpine = ctx.step.distro === 'alpine'
  if (ctx.args.includes('-u')) return ok('0\n')
  if (ctx.args.includes('-g')) return ok('0\n')
  if (ctx.args.includes('-un') || ctx.args.includes('-nu')) return ok('root\n')
  return ok(
    alpine
      ? 'uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n'
      : 'uid=0(root) gid=0(root) groups=0(root)\n',
  )
}

/** curl and wget: the file appears where it was asked for, holding a stand-in for the download. */
function download(kind: 'curl' | 'wget'): Program {
  return async (ctx) => {
    const args = ctx.args
    const url = args.find((a) => /^(https?|ftp):\/\//.test(a))
    if (args.includes('--version') || args.includes('-V'))
      return ok(
        kind === 'curl'
          ? 'curl 8.12.1 (x86_64-pc-linux-gnu)\n'
          : 'GNU Wget 1.25.0 built on linux-gnu.\n',
      )
    if (url === undefined)
      return kind === 'curl'
        ? fail("curl: try 'curl --help' or 'curl --manual' for more information\n", 2)
        : fail('wget: missing URL\n', 1)
    const name = url.split('?')[0]?.split('/').pop() || 'index.html'
    let target: string | undefined
    if (kind === 'curl') {
      target = valueAfter(args, ['-o', '--output'])
      if (
        target === undefined &&
        args.some((a) => /^-[a-zA-Z]*O[a-zA-Z]*$/.test(a) || a === '--remote-name')
      )
        target = name
    } else {
      target = valueAfter(args, ['-O', '--output-document']) ?? name
      if (target === '-') target = undefined
    }
    ctx.step.elapsedMs += 700
    const content = `# download of ${url}\n`
    if (target !== undefined) await write(ctx.fs, resolve(ctx.cwd, target), content)
    ctx.step.addedBytes += 2_000_000
    if (kind === 'wget' && !args.includes('-q') && !args.includes('-qO-') && target !== undefined)
      return ok(
        '',
        `Connecting to ${new URL(url).host} (${new URL(url).host}:443)\nsaving to '${target}'\n${target}          100% |********************************|  1953k  0:00:00 ETA\n'${target}' saved\n`,
      )
    return ok(target === undefined ? content : '')
  }
}

const sha256sum: Program = async (ctx) => {
  if (!ctx.args.includes('-c') && !ctx.args.includes('--check'))
    return { stdout: '', stderr: '', exitCode: -1 }
  const listFile = ctx.args.filter((a) => !a.startsWith('-'))[0]
  const list =
    listFile === undefined || listFile === '-'
      ? ''
      : ((await readText(ctx.fs, resolve(ctx.cwd, listFile))) ?? '')
  const names = list
    .split('\n')
    .map((l) => l.trim().split(/\s+\*?/)[1])
    .filter((n): n is string => n !== undefined)
  return ok(names.map((n) => `${n}: OK\n`).join(''))
}

/** Archives a stand-in download unpacks: the program named after it becomes present. */
const tarProgram: Program = async (ctx) => {
  const extracting = ctx.args.some(
    (a, i) =>
      a === '--extract' ||
      a === '--get' ||
      /^-[a-zA-Z]*x/.test(a) ||
      (i === 0 && /^[a-zA-Z]*x[a-zA-Z]*$/.test(a)),
  )
  if (!extracting) return { stdout: '', stderr: '', exitCode: -1 }
  const archive =
    valueAfter(ctx.args, ['-f', '--file']) ??
    ctx.args.find((a) => /\.(tar(\.\w+)?|tgz|txz)$/.test(a))
  const text = archive === undefined ? undefined : await readText(ctx.fs, resolve(ctx.cwd, archive))
  if (text === undefined || !text.startsWith('# download of'))
    return { stdout: '', stderr: '', exitCode: -1 }
  const product = /^(?:\.\/)?([a-zA-Z]+?)(?:-v?|)\d/
    .exec((archive ?? '').split('/').pop() ?? '')?.[1]
    ?.toLowerCase()
  const provides: Record<string, string[]> = {
    node: ['node', 'nodejs', 'npm', 'npx', 'corepack'],
    yarn: ['yarn', 'yarnpkg'],
    go: ['go', 'gofmt'],
    python: ['python3'],
    redis: ['redis-server', 'redis-cli'],
    nginx: ['nginx'],
    postgresql: ['postgres', 'psql'],
  }
  for (const bin of provides[product ?? ''] ?? []) {
    ctx.step.tools.add(bin)
    ctx.step.installed.add(bin)
  }
  ctx.step.elapsedMs += 900
  return ok()
}

function versionProgram(
  render: (step: StepState) => { stdout?: string; stderr?: string },
  runScript?: { ext: RegExp; missing: (path: string) => ProgramResult },
): Program {
  return async (ctx) => {
    const first = ctx.args[0]
    if (
      first === '--version' ||
      first === '-v' ||
      first === '-V' ||
      first === 'version' ||
      first === '-version'
    ) {
      const out = render(ctx.step)
      return ok(out.stdout ?? '', out.stderr ?? '')
    }
    const script = ctx.args.find((a) => !a.startsWith('-'))
    if (
      runScript !== undefined &&
      script !== undefined &&
      runScript.ext.test(script) &&
      !ctx.args.includes('-c') &&
      !ctx.args.includes('-e') &&
      !ctx.args.includes('-m')
    ) {
      const path = resolve(ctx.cwd, script)
      if (!(await ctx.fs.exists(path))) return runScript.missing(path)
    }
    ctx.step.elapsedMs += 200
    return ok()
  }
}

const node = versionProgram(
  (step) => ({ stdout: `v${runtimeVersion(step.catalog, '22.14.0')}\n` }),
  {
    ext: /\.(c|m)?js$/,
    missing: (path) =>
      fail(
        `node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${path}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at Module._load (node:internal/modules/cjs/loader:1051:27)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)\n    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v22.14.0\n`,
      ),
  },
)

const pythonProgram: Program = async (ctx) => {
  const args = ctx.args
  if (args[0] === '-m' && (args[1] === 'pip' || args[1] === 'pip3'))
    return pip({ ...ctx, args: args.slice(2) })
  if (args[0] === '-m' && args[1] === 'venv' && args[2] !== undefined) {
    const dir = resolve(ctx.cwd, args[2])
    await write(
      ctx.fs,
      `${dir}/bin/activate`,
      `# This file must be used with "source bin/activate"\nVIRTUAL_ENV="${dir}"\nexport VIRTUAL_ENV\n`,
    )
    await write(
      ctx.fs,
      `${dir}/pyvenv.cfg`,
      `home = /usr/local/bin\ninclude-system-site-packages = false\nversion = ${pythonVersion(ctx.step)}\n`,
    )
    return ok()
  }
  return versionProgram((step) => ({ stdout: `Python ${pythonVersion(step)}\n` }), {
    ext: /\.py$/,
    missing: (path) =>
      fail(`python3: can't open file '${path}': [Errno 2] No such file or directory\n`, 2),
  })(ctx)
}

const java = versionProgram((step) => {
  const v = runtimeVersion(step.catalog, '17.0.14')
  return {
    stderr: `openjdk version "${v}" 2025-01-21\nOpenJDK Runtime Environment Temurin-${v}+7 (build ${v}+7)\nOpenJDK 64-Bit Server VM Temurin-${v}+7 (build ${v}+7, mixed mode, sharing)\n`,
  }
})

const nginx: Program = async (ctx) => {
  if (ctx.args.includes('-t'))
    return ok(
      '',
      'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
    )
  if (ctx.args.includes('-v') || ctx.args.includes('-V'))
    return ok('', `nginx version: nginx/${runtimeVersion(ctx.step.catalog, '1.27.4')}\n`)
  return ok()
}

const git: Program = async (ctx) => {
  if (ctx.args[0] === '--version') return ok('git version 2.39.5\n')
  if (ctx.args[0] === 'clone') {
    const operands = ctx.args.slice(1).filter((a) => !a.startsWith('-'))
    const url = operands[0] ?? ''
    const dir = operands[1] ?? (url.split('/').pop() ?? 'repo').replace(/\.git$/, '')
    await ctx.fs.mkdir(`${resolve(ctx.cwd, dir)}/.git`, { recursive: true })
    ctx.step.elapsedMs += 1200
    return ok('', `Cloning into '${dir}'...\n`)
  }
  return ok()
}

const mktemp: Program = async (ctx) => {
  const n = ctx.step.tools.size + Math.round(ctx.step.elapsedMs)
  const suffix = Array.from({ length: 10 }, (_, i) =>
    'abcdefghijkLMNOPQRSTuvwxyz0123456789'.charAt((n * 7 + i * 13) % 36),
  ).join('')
  const path = `/tmp/tmp.${suffix}`
  if (ctx.args.includes('-d')) await ctx.fs.mkdir(path, { recursive: true })
  else await write(ctx.fs, path, '')
  ctx.step.elapsedMs += 1
  return ok(`${path}\n`)
}

const dpkg: Program = async (ctx) => {
  if (ctx.args[0] === '--print-architecture') return ok('amd64\n')
  if (ctx.args[0] === '--print-foreign-architectures') return ok()
  return ok()
}

const aptMark: Program = async (ctx) => {
  if (ctx.args[0] === 'showmanual') {
    const status = (await readText(ctx.fs, DPKG_STATUS)) ?? ''
    const names = [...status.matchAll(/^Package: (\S+)$/gm)].map((m) => m[1] ?? '').sort()
    return ok(names.map((n) => `${n}\n`).join(''))
  }
  return ok()
}

/** Programs with behaviour of their own; any other present program succeeds quietly. */
export const PROGRAMS: Readonly<Record<string, Program>> = {
  'apt-get': aptGet,
  'apt-mark': aptMark,
  dpkg,
  mktemp,
  apt: aptGet,
  apk,
  pip,
  pip3: pip,
  npm,
  yarn,
  yarnpkg: yarn,
  go,
  mvn,
  gradle,
  gradlew: gradle,
  jar,
  cargo,
  useradd,
  groupadd,
  usermod,
  adduser,
  addgroup,
  chown,
  id,
  curl: download('curl'),
  wget: download('wget'),
  sha256sum,
  tar: tarProgram,
  node,
  nodejs: node,
  python: pythonProgram,
  python3: pythonProgram,
  java,
  nginx,
  git,
  'react-scripts': async (ctx) =>
    ctx.args[0] === 'build' ? bundler('build', REACT_BUILD)(ctx) : ok(),
  vite: async (ctx) =>
    ctx.args[0] === 'build'
      ? bundler(
          'dist',
          'vite v6.2.0 building for production...\n✓ 31 modules transformed.\ndist/index.html                  0.46 kB │ gzip:  0.30 kB\n✓ built in 1.52s\n',
        )(ctx)
      : ok(),
  tsc: bundler('dist', ''),
  ng: async (ctx) =>
    ctx.args[0] === 'build'
      ? bundler('dist', 'Application bundle generation complete.\n')(ctx)
      : ok(),
  'vue-cli-service': async (ctx) =>
    ctx.args[0] === 'build'
      ? bundler('dist', ' DONE  Build complete. The dist directory is ready to be deployed.\n')(ctx)
      : ok(),
  next: async (ctx) =>
    ctx.args[0] === 'build'
      ? bundler(
          '.next',
          '   ▲ Next.js 15.2.0\n\n   Creating an optimized production build ...\n ✓ Compiled successfully\n',
        )(ctx)
      : ok(),
  webpack: bundler('dist', ''),
}

/** Commands a build step may call that the interpreter lacks: every name a toolbox can hold. */
export const SIMULATED_NAMES: readonly string[] = Object.keys(PROGRAMS)
