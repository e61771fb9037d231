import { err, ok, type Result } from '../../core/errors'
import type { ComposeProject, ServiceConfig } from '../model'
import { canonicalDocument } from './canonical'
import { checkConsistency } from './consistency'
import { discoverConfigFiles, isFile, type LoaderFs } from './discovery'
import { parseDotEnv } from './env-file'
import { ComposeLoadError, fail, warnLine } from './errors'
import { applyExtends } from './extends'
import { applyIncludes } from './include'
import { interpolateTree, isPlainObject } from './interpolate'
import { mergeDocuments, stripTags } from './merge'
import { normalizeNetwork, normalizeSecret, normalizeService, normalizeVolume } from './normalize'
import { basename, dirname, resolve } from './paths'
import { substituteOptions, type LoadState } from './state'
import { validateDocument } from './validate'
import { parseComposeYaml } from './yaml-parse'

/**
 * `loadProject`: what every `docker compose` command does before anything else: find the files,
 * read `.env`, decide the project name, parse, interpolate, validate, apply `extends` and
 * `include`, merge, normalize, filter by profiles and check the references. Pure over the
 * simulated filesystem and the given environment.
 */

export interface LoadOptions {
  /** The shell's working directory (absolute). */
  cwd: string
  /** `-f` files, in order (relative to cwd); `-` reads `stdin`. */
  files?: readonly string[]
  /** `-p`. */
  projectName?: string
  /** `--project-directory`. */
  projectDirectory?: string
  /** `--env-file`, in order. */
  envFiles?: readonly string[]
  /** `--profile`, in order. */
  profiles?: readonly string[]
  /** `--no-interpolate` sets this to false. */
  interpolate?: boolean
  /** Text for `-f -`. */
  stdin?: string
}

export type ShellEnv = ReadonlyMap<string, string> | Readonly<Record<string, string>>

type Dict = Record<string, unknown>

export async function loadProject(
  options: LoadOptions,
  fs: LoaderFs,
  env: ShellEnv,
): Promise<Result<ComposeProject, ComposeLoadError>> {
  try {
    return ok(await load(options, fs, env))
  } catch (e) {
    if (e instanceof ComposeLoadError) return err(e)
    // Never a stack trace in the terminal: an unexpected failure still reads like Compose.
    return err(new ComposeLoadError(e instanceof Error ? e.message : String(e)))
  }
}

function toRecord(env: ShellEnv): Record<string, string> {
  if (env instanceof Map) return Object.fromEntries(env as ReadonlyMap<string, string>)
  return { ...(env as Record<string, string>) }
}

async function readText(fs: LoaderFs, path: string): Promise<string> {
  if (!(await fs.exists(path))) fail(`open ${path}: no such file or directory`)
  if (!(await isFile(fs, path))) fail(`read ${path}: is a directory`)
  return fs.readFile(path)
}

/** Reads env files into `environment` without overriding the shell's own variables. */
async function loadDotEnv(
  state: LoadState,
  shell: Record<string, string>,
  workingDir: string,
  envFiles: readonly string[] | undefined,
  cwd: string,
): Promise<void> {
  let files: string[]
  if (envFiles && envFiles.length > 0) files = envFiles.map((f) => resolve(cwd, f))
  else if (shell.COMPOSE_ENV_FILES)
    files = shell.COMPOSE_ENV_FILES.split(',').map((f) => resolve(cwd, f))
  else {
    const dotEnv = resolve(workingDir, '.env')
    files = (await isFile(state.fs, dotEnv)) ? [dotEnv] : []
  }
  const fromFiles: Record<string, string> = {}
  for (const file of files) {
    if (!(await state.fs.exists(file))) fail(`couldn't find env file: ${file}`)
    if (!(await isFile(state.fs, file))) fail(`${file} is a directory`)
    const values = parseDotEnv(await state.fs.readFile(file), {
      lookup: (name) => shell[name] ?? fromFiles[name],
      onUnset: substituteOptions(state).onUnset,
    })
    for (const [k, v] of values) fromFiles[k] = v
  }
  for (const [k, v] of Object.entries(fromFiles)) if (!(k in shell)) state.environment[k] = v
}

/** compose-go's NormalizeProjectName: lowercase, keep [a-z0-9_-], no leading `_` or `-`. */
export function normalizeProjectName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '')
}

export function invalidProjectName(name: string): string {
  return `invalid project name ${JSON.stringify(name)}: must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`
}

async function load(options: LoadOptions, fs: LoaderFs, env: ShellEnv): Promise<ComposeProject> {
  const shell = toRecord(env)
  const state: LoadState = {
    fs,
    environment: { ...shell },
    warnings: [],
    interpolate: options.interpolate !== false,
    home: shell.HOME,
  }
  const cwd = options.cwd
  const explicitFiles = (options.files ?? []).filter((f) => f !== '')
  const projectDirOption = options.projectDirectory
    ? resolve(cwd, options.projectDirectory)
    : undefined
  const firstFile = explicitFiles.find((f) => f !== '-')
  const envDir =
    projectDirOption ?? (firstFile !== undefined ? dirname(resolve(cwd, firstFile)) : cwd)
  await loadDotEnv(state, shell, envDir, options.envFiles, cwd)

  // Which files: -f, else COMPOSE_FILE, else discovery from the project directory upwards.
  let files: string[]
  if (explicitFiles.length > 0)
    files = explicitFiles.map((f) => (f === '-' ? '-' : resolve(cwd, f)))
  else if (state.environment.COMPOSE_FILE) {
    const sep = state.environment.COMPOSE_PATH_SEPARATOR || ':'
    files = state.environment.COMPOSE_FILE.split(sep)
      .filter((f) => f !== '')
      .map((f) => resolve(cwd, f))
  } else files = await discoverConfigFiles(fs, projectDirOption ?? cwd, state.warnings)
  if (files.length === 0) fail('no configuration file provided: not found')

  const texts: { file: string; text: string }[] = []
  for (const file of files) {
    if (file === '-') texts.push({ file: '-', text: options.stdin ?? '' })
    else texts.push({ file, text: await readText(fs, file) })
  }
  const realFirst = files.find((f) => f !== '-')
  const workingDir = projectDirOption ?? (realFirst !== undefined ? dirname(realFirst) : cwd)

  const parsed = texts.map(({ file, text }) => ({ file, docs: parseComposeYaml(text, file) }))
  const name = projectName(options, state, parsed, workingDir)
  state.environment.COMPOSE_PROJECT_NAME = name

  let dict: Dict = {}
  for (const { file, docs } of parsed) {
    for (const doc of docs) {
      const layer = await processDocument(state, doc, file, workingDir, [])
      dict = mergeDocuments(dict, layer)
    }
  }
  dict = stripTags(dict) as Dict
  if (Object.keys(dict).length === 0) fail('empty compose file')
  return buildProject(state, dict, name, workingDir, files, options)
}

function projectName(
  options: LoadOptions,
  state: LoadState,
  parsed: { file: string; docs: unknown[] }[],
  workingDir: string,
): string {
  const imperative = options.projectName || state.environment.COMPOSE_PROJECT_NAME
  if (imperative) {
    if (normalizeProjectName(imperative) !== imperative) fail(invalidProjectName(imperative))
    return imperative
  }
  let fromFile = ''
  for (const { docs } of parsed) {
    for (const doc of docs) {
      if (isPlainObject(doc) && typeof doc.name === 'string' && doc.name !== '') fromFile = doc.name
    }
  }
  if (fromFile !== '' && state.interpolate) {
    fromFile = String(interpolateTree(fromFile, substituteOptions(state), 'name'))
  }
  fromFile = normalizeProjectName(fromFile)
  if (fromFile !== '') return fromFile
  const fromDir = normalizeProjectName(basename(workingDir))
  if (fromDir === '') fail('project name must not be empty')
  return fromDir
}

/**
 * One YAML document of one file: interpolated, validated, `extends` applied, `include`d projects
 * merged under it, short syntaxes expanded. `baseDir` resolves its relative paths.
 */
export async function processDocument(
  state: LoadState,
  raw: unknown,
  file: string,
  baseDir: string,
  includeChain: string[],
): Promise<Dict> {
  if (!isPlainObject(raw)) fail('top-level object must be a mapping')
  let doc = raw
  if (state.interpolate) doc = interpolateTree(doc, substituteOptions(state)) as Dict
  const validation = validateDocument(stripTags(doc))
  if (validation !== undefined) fail(`validating ${file}: ${validation}`)
  if ('version' in doc) {
    state.warnings.push(
      warnLine(
        `${file}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`,
      ),
    )
    doc = { ...doc }
    delete doc.version
  }
  let canonical = canonicalDocument(doc, { baseDir, home: state.home })
  canonical = await applyExtends(state, canonical, file, baseDir)
  if (canonical.include !== undefined) {
    canonical = await applyIncludes(state, canonical, file, baseDir, [...includeChain, file])
  }
  return canonical
}

async function buildProject(
  state: LoadState,
  dict: Dict,
  name: string,
  workingDir: string,
  files: string[],
  options: LoadOptions,
): Promise<ComposeProject> {
  const services = isPlainObject(dict.services) ? dict.services : {}
  // env_file contents, read once per path (a missing required one is an error).
  const envFiles = new Map<string, Map<string, string>>()
  for (const svc of Object.values(services)) {
    if (!isPlainObject(svc) || !Array.isArray(svc.env_file)) continue
    for (const entry of svc.env_file) {
      if (!isPlainObject(entry) || typeof entry.path !== 'string' || envFiles.has(entry.path))
        continue
      if (!(await isFile(state.fs, entry.path))) {
        if (entry.required === false) continue
        fail(`env file ${entry.path} not found: stat ${entry.path}: no such file or directory`)
      }
      envFiles.set(
        entry.path,
        parseDotEnv(await state.fs.readFile(entry.path), {
          lookup: (n) => state.environment[n],
          onUnset: substituteOptions(state).onUnset,
        }),
      )
    }
  }
  const ctx = { projectName: name, environment: state.environment, envFiles }
  const all: Record<string, ServiceConfig> = {}
  for (const key of Object.keys(services).sort()) {
    const svc = services[key]
    all[key] = normalizeService(key, isPlainObject(svc) ? svc : {}, ctx)
  }
  const profiles = activeProfiles(options, state.environment)
  const enabled: Record<string, ServiceConfig> = {}
  const disabled: Record<string, ServiceConfig> = {}
  for (const [key, svc] of Object.entries(all)) {
    const on =
      svc.profiles.length === 0 ||
      profiles.includes('*') ||
      svc.profiles.some((p) => profiles.includes(p))
    if (on) enabled[key] = svc
    else disabled[key] = svc
  }
  const section = <T>(
    key: string,
    f: (k: string, v: unknown, p: string) => T,
  ): Record<string, T> => {
    const out: Record<string, T> = {}
    const raw = dict[key]
    if (isPlainObject(raw)) for (const k of Object.keys(raw).sort()) out[k] = f(k, raw[k], name)
    return out
  }
  const networks = section('networks', normalizeNetwork)
  const usesDefault = Object.values(enabled).some((s) => 'default' in s.networks)
  if (usesDefault && !('default' in networks))
    networks.default = normalizeNetwork('default', null, name)
  const extra: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(dict)) if (k.startsWith('x-') || k === 'models') extra[k] = v
  const project: ComposeProject = {
    name,
    workingDir,
    configFiles: files,
    services: enabled,
    disabledServices: disabled,
    networks,
    volumes: section('volumes', normalizeVolume),
    secrets: section('secrets', normalizeSecret),
    configs: section('configs', normalizeSecret),
    environment: state.environment,
    warnings: state.warnings,
    profiles,
    extra,
  }
  checkConsistency(project)
  return project
}

function activeProfiles(options: LoadOptions, environment: Record<string, string>): string[] {
  if (options.profiles && options.profiles.length > 0) return [...options.profiles]
  const fromEnv = environment.COMPOSE_PROFILES
  return fromEnv ? fromEnv.split(',').filter((p) => p !== '') : []
}
