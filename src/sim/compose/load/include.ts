import { parseDotEnv } from './env-file'
import { fail } from './errors'
import { isFile } from './discovery'
import { isPlainObject } from './interpolate'
import { processDocument } from './loader'
import { deepEqual, mergeDocuments, stripTags } from './merge'
import { dirname, resolve } from './paths'
import { substituteOptions, type LoadState } from './state'
import { parseComposeYaml, setKey } from './yaml-parse'

/**
 * `include`: other compose files loaded as their own sub-projects (their relative paths resolve
 * against their `project_directory`, their `.env` or `env_file` feeds their interpolation) and
 * their resources imported into this document. Defining the same resource differently in both
 * is an error, as is a file that includes itself through a chain.
 */

type Dict = Record<string, unknown>

const RESOURCES = ['services', 'volumes', 'networks', 'secrets', 'configs']

const asList = (v: unknown): string[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]

export async function applyIncludes(
  state: LoadState,
  doc: Dict,
  file: string,
  baseDir: string,
  chain: string[],
): Promise<Dict> {
  const entries = Array.isArray(doc.include) ? doc.include : [doc.include]
  const out: Dict = { ...doc }
  delete out.include
  for (const entry of entries) {
    const spec: Dict = isPlainObject(entry) ? entry : { path: entry }
    const paths = asList(spec.path).map((p) => resolve(baseDir, p))
    const first = paths[0]
    if (first === undefined) continue
    const projectDir =
      typeof spec.project_directory === 'string'
        ? resolve(baseDir, spec.project_directory)
        : dirname(first)
    const environment = await includedEnvironment(state, spec, baseDir, projectDir)
    const sub: LoadState = { ...state, environment }
    let imported: Dict = {}
    for (const path of paths) {
      if (chain.includes(path)) {
        const loop = [...chain, path]
        fail(
          `include cycle detected:\n${loop[0] ?? ''}\n include ${loop.slice(1).join('\n include ')}`,
        )
      }
      if (!(await state.fs.exists(path))) fail(`open ${path}: no such file or directory`)
      for (const raw of parseComposeYaml(await state.fs.readFile(path), path)) {
        imported = mergeDocuments(
          imported,
          await processDocument(sub, raw, path, projectDir, chain),
        )
      }
    }
    imported = stripTags(imported) as Dict
    for (const section of RESOURCES) {
      const from = imported[section]
      if (!isPlainObject(from)) continue
      const into: Dict = isPlainObject(out[section]) ? { ...(out[section] as Dict) } : {}
      for (const [name, value] of Object.entries(from)) {
        if (Object.hasOwn(into, name) && !deepEqual(stripTags(into[name]), value)) {
          fail(`${section}.${name} conflicts with imported resource`)
        }
        setKey(into, name, value)
      }
      out[section] = into
    }
  }
  return out
}

async function includedEnvironment(
  state: LoadState,
  spec: Dict,
  baseDir: string,
  projectDir: string,
): Promise<Record<string, string>> {
  const explicit = asList(spec.env_file).map((p) => resolve(baseDir, p))
  const files = explicit.length > 0 ? explicit : [resolve(projectDir, '.env')]
  const environment = { ...state.environment }
  const fromFiles: Record<string, string> = {}
  for (const path of files) {
    if (!(await isFile(state.fs, path))) {
      if (explicit.length > 0) fail(`couldn't find env file: ${path}`)
      continue
    }
    const values = parseDotEnv(await state.fs.readFile(path), {
      lookup: (n) => state.environment[n] ?? fromFiles[n],
      onUnset: substituteOptions(state).onUnset,
    })
    for (const [k, v] of values) fromFiles[k] = v
  }
  // The including project's variables win over the included project's own .env.
  for (const [k, v] of Object.entries(fromFiles)) if (!(k in state.environment)) environment[k] = v
  return environment
}
