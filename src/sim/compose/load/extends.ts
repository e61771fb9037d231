import { canonicalDocument } from './canonical'
import { fail } from './errors'
import { interpolateTree, isPlainObject, Tagged } from './interpolate'
import { substituteOptions, type LoadState } from './state'
import { mergeDocuments, stripTags } from './merge'
import { dirname, resolve } from './paths'
import { parseComposeYaml, setKey } from './yaml-parse'

/**
 * `extends`: a service starts from another one (in this file or in `file`, whose relative paths
 * resolve against its own directory) and the extending service's fields merge over it. Chains
 * are followed; a cycle is Compose's "Circular reference" error.
 */

type Dict = Record<string, unknown>

interface Ref {
  file: string
  service: string
}

export async function applyExtends(
  state: LoadState,
  doc: Dict,
  file: string,
  baseDir: string,
): Promise<Dict> {
  const services = doc.services instanceof Tagged ? doc.services.value : doc.services
  if (!isPlainObject(services)) return doc
  const needs = Object.values(services).some((s) => isPlainObject(s) && s.extends !== undefined)
  if (!needs) return doc
  const next: Dict = {}
  for (const name of Object.keys(services)) {
    const resolved = await resolveService(state, services, name, file, baseDir, [])
    setKey(next, name, resolved)
  }
  return { ...doc, services: next }
}

async function resolveService(
  state: LoadState,
  services: Dict,
  name: string,
  file: string,
  baseDir: string,
  chain: Ref[],
): Promise<unknown> {
  const svc = services[name]
  if (!isPlainObject(svc) || svc.extends === undefined) return svc
  if (chain.some((r) => r.file === file && r.service === name)) {
    const all = [...chain, { file, service: name }]
    const first = all[0] as Ref
    const lines = ['Circular reference:', `  ${first.service} in ${first.file}`]
    for (const r of all.slice(1)) lines.push(`  extends ${r.service} in ${r.file}`)
    fail(lines.join('\n'))
  }
  const ext = svc.extends
  const target = isPlainObject(ext) ? String(ext.service ?? '') : String(ext)
  const nextChain = [...chain, { file, service: name }]
  let base: unknown
  if (isPlainObject(ext) && typeof ext.file === 'string') {
    const other = resolve(dirname(file === '-' ? baseDir + '/-' : file), ext.file)
    const otherServices = await loadServicesOf(state, other)
    if (!(target in otherServices))
      fail(`cannot extend service ${JSON.stringify(target)} in ${other}: service not found`)
    base = await resolveService(state, otherServices, target, other, dirname(other), nextChain)
  } else {
    if (!(target in services))
      fail(`cannot extend service ${JSON.stringify(target)} in ${file}: service not found`)
    base = await resolveService(state, services, target, file, baseDir, nextChain)
  }
  const own: Dict = { ...svc }
  delete own.extends
  const baseDict = isPlainObject(base) ? (stripTags(base) as Dict) : {}
  return mergeDocuments({ s: baseDict }, { s: own }).s
}

/** The services of another file, interpolated and with paths resolved against its directory. */
async function loadServicesOf(state: LoadState, path: string): Promise<Dict> {
  if (!(await state.fs.exists(path))) fail(`open ${path}: no such file or directory`)
  const docs = parseComposeYaml(await state.fs.readFile(path), path)
  let merged: Dict = {}
  for (const raw of docs) {
    if (!isPlainObject(raw)) fail('top-level object must be a mapping')
    const doc = state.interpolate ? (interpolateTree(raw, substituteOptions(state)) as Dict) : raw
    merged = mergeDocuments(
      merged,
      canonicalDocument(doc, { baseDir: dirname(path), home: state.home }),
    )
  }
  const services = merged.services
  return isPlainObject(services) ? services : {}
}
