import { fail } from './errors'
import { isPlainObject, Tagged } from './interpolate'
import { expandHome, isAbs, resolve } from './paths'
import { parsePortSpec } from './ports'
import { splitShellWords } from './shell-words'
import { setKey } from './yaml-parse'

/**
 * Rewrites one compose document's short syntaxes into the long forms (compose-go's
 * transform.Canonical), so merging can match entries by key and later steps see one shape:
 * ports, volumes, depends_on, networks lists, environment / labels / args lists, build strings,
 * secrets and configs names, env_file entries, string commands. Relative paths are made
 * absolute against `baseDir` (the project directory, or the directory of an extended or included
 * file), as compose-go resolves them before merging.
 */

type Dict = Record<string, unknown>

export interface CanonicalContext {
  baseDir: string
  home?: string
}

const untag = (v: unknown): unknown => (v instanceof Tagged ? v.value : v)

/** Applies `f` under a tag, keeping the tag (merge needs it later). */
function mapTagged(v: unknown, f: (inner: unknown) => unknown): unknown {
  return v instanceof Tagged ? new Tagged(v.tag, f(v.value)) : f(v)
}

export function canonicalDocument(doc: Dict, ctx: CanonicalContext): Dict {
  const out: Dict = { ...doc }
  const services = untag(doc.services)
  if (isPlainObject(services)) {
    const next: Dict = {}
    for (const [name, svc] of Object.entries(services)) {
      setKey(
        next,
        name,
        mapTagged(svc, (s) => (isPlainObject(s) ? canonicalService(s, ctx) : s)),
      )
    }
    out.services = doc.services instanceof Tagged ? new Tagged(doc.services.tag, next) : next
  }
  for (const section of ['secrets', 'configs'] as const) {
    const defs = untag(doc[section])
    if (!isPlainObject(defs)) continue
    const next: Dict = {}
    for (const [name, def] of Object.entries(defs)) {
      setKey(
        next,
        name,
        mapTagged(def, (d) => {
          if (!isPlainObject(d) || typeof d.file !== 'string') return d
          return { ...d, file: hostPath(d.file, ctx) }
        }),
      )
    }
    out[section] = next
  }
  return out
}

function hostPath(path: string, ctx: CanonicalContext): string {
  return resolve(ctx.baseDir, expandHome(path, ctx.home))
}

/** A build context may be a URL (git, http): left as written. */
function isRemoteContext(context: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(context) ||
    context.startsWith('git@') ||
    context.startsWith('github.com/')
  )
}

export function canonicalService(svc: Dict, ctx: CanonicalContext): Dict {
  const out: Dict = {}
  for (const [key, raw] of Object.entries(svc)) {
    setKey(
      out,
      key,
      mapTagged(raw, (value) => canonicalField(key, value, ctx)),
    )
  }
  return out
}

function canonicalField(key: string, value: unknown, ctx: CanonicalContext): unknown {
  switch (key) {
    case 'build':
      return canonicalBuild(value, ctx)
    case 'command':
    case 'entrypoint':
      return typeof value === 'string' ? shellWords(value) : value
    case 'environment':
    case 'labels':
    case 'annotations':
    case 'sysctls':
      return listToMap(value, key !== 'environment')
    case 'ports':
      return Array.isArray(value) ? value.flatMap((p) => canonicalPort(untag(p))) : value
    case 'expose':
      return Array.isArray(value) ? value.map((e) => String(e)) : value
    case 'volumes':
      return Array.isArray(value) ? value.map((v) => canonicalVolume(untag(v), ctx)) : value
    case 'depends_on':
      return canonicalDependsOn(value)
    case 'networks':
      if (Array.isArray(value)) {
        const map: Dict = {}
        for (const n of value) setKey(map, String(n), null)
        return map
      }
      return value
    case 'env_file':
      return canonicalEnvFiles(value, ctx)
    case 'secrets':
    case 'configs':
      return Array.isArray(value)
        ? value.map((ref) => {
            const r = untag(ref)
            if (typeof r === 'string') {
              return key === 'secrets' ? { source: r, target: `/run/secrets/${r}` } : { source: r }
            }
            if (
              key === 'secrets' &&
              isPlainObject(r) &&
              typeof r.source === 'string' &&
              r.target === undefined
            ) {
              return { ...r, target: `/run/secrets/${r.source}` }
            }
            return r
          })
        : value
    case 'healthcheck':
      if (isPlainObject(value) && typeof value.test === 'string') {
        return { ...value, test: ['CMD-SHELL', value.test] }
      }
      return value
    case 'extends':
      return typeof value === 'string' ? { service: value } : value
    case 'dns':
    case 'dns_search':
    case 'tmpfs':
      return typeof value === 'string' ? [value] : value
    default:
      return value
  }
}

function shellWords(text: string): string[] {
  const words = splitShellWords(text)
  if (words === undefined) fail('invalid command line string')
  return words
}

/** `["A=1", "B"]` → `{A: "1", B: null}`; map values made strings (Compose reads them as text). */
export function listToMap(value: unknown, emptyForBare: boolean): unknown {
  if (Array.isArray(value)) {
    const map: Dict = {}
    for (const item of value) {
      const s = String(untag(item))
      const eq = s.indexOf('=')
      if (eq < 0) setKey(map, s, emptyForBare ? '' : null)
      else setKey(map, s.slice(0, eq), s.slice(eq + 1))
    }
    return map
  }
  if (isPlainObject(value)) {
    const map: Dict = {}
    for (const [k, v] of Object.entries(value)) {
      const inner = untag(v)
      const text =
        inner === null || inner === undefined ? (emptyForBare ? '' : null) : scalarText(inner)
      setKey(map, k, v instanceof Tagged ? new Tagged(v.tag, text) : text)
    }
    return map
  }
  return value
}

export function scalarText(v: unknown): string {
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v)
  return JSON.stringify(v)
}

function canonicalBuild(value: unknown, ctx: CanonicalContext): unknown {
  if (typeof value === 'string') {
    return { context: isRemoteContext(value) ? value : hostPath(value, ctx) }
  }
  if (!isPlainObject(value)) return value
  const out: Dict = { ...value }
  const context = typeof value.context === 'string' ? value.context : '.'
  out.context = isRemoteContext(context) ? context : hostPath(context, ctx)
  if (value.args !== undefined) out.args = listToMap(value.args, false)
  if (value.labels !== undefined) out.labels = listToMap(value.labels, true)
  if (typeof value.additional_contexts !== 'undefined')
    out.additional_contexts = listToMap(value.additional_contexts, true)
  return out
}

function canonicalPort(port: unknown): unknown[] {
  if (typeof port === 'number') return parsePortSpec(String(port))
  if (typeof port === 'string') return parsePortSpec(port)
  if (!isPlainObject(port)) return [port]
  const out: Dict = { ...port }
  out.mode = port.mode ?? 'ingress'
  out.protocol = port.protocol ?? 'tcp'
  if (typeof port.target === 'string') out.target = Number(port.target)
  if (typeof port.published === 'number') out.published = String(port.published)
  return [out]
}

const PROPAGATIONS = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate'])

/** Short volume spec (compose-go's format.ParseVolume) to the long form, bind paths resolved. */
export function canonicalVolume(volume: unknown, ctx: CanonicalContext): unknown {
  if (isPlainObject(volume)) {
    if (volume.type === 'bind' && typeof volume.source === 'string') {
      return { ...volume, source: hostPath(volume.source, ctx) }
    }
    return volume
  }
  if (typeof volume !== 'string') return volume
  if (volume === '') fail('invalid empty volume spec')
  const parts = volume.split(':')
  if (parts.length > 3) fail(`invalid spec: ${volume}: too many colons`)
  const out: Dict = {}
  let source = ''
  let target = parts[0] ?? ''
  if (parts.length >= 2) {
    source = parts[0] ?? ''
    target = parts[1] ?? ''
  }
  const options = parts.length === 3 ? (parts[2] ?? '').split(',') : []
  const bind: Dict = {}
  const vol: Dict = {}
  let readOnly = false
  let consistency: string | undefined
  for (const option of options) {
    if (option === 'ro') readOnly = true
    else if (option === 'rw') readOnly = false
    else if (option === 'z' || option === 'Z') bind.selinux = option
    else if (option === 'nocopy') vol.nocopy = true
    else if (PROPAGATIONS.has(option)) bind.propagation = option
    else if (['consistent', 'cached', 'delegated'].includes(option)) consistency = option
  }
  const isPath = source.startsWith('.') || source.startsWith('/') || source.startsWith('~')
  if (source !== '' && isPath) {
    out.type = 'bind'
    out.source = hostPath(source, ctx)
  } else {
    out.type = 'volume'
    if (source !== '') out.source = source
  }
  out.target = target
  if (readOnly) out.read_only = true
  if (consistency) out.consistency = consistency
  if (out.type === 'bind') out.bind = { create_host_path: true, ...bind }
  else out.volume = vol
  return out
}

function canonicalDependsOn(value: unknown): unknown {
  if (Array.isArray(value)) {
    const map: Dict = {}
    for (const name of value)
      setKey(map, String(untag(name)), { condition: 'service_started', required: true })
    return map
  }
  if (!isPlainObject(value)) return value
  const map: Dict = {}
  for (const [name, dep] of Object.entries(value)) {
    const d = untag(dep)
    setKey(map, name, isPlainObject(d) ? { condition: 'service_started', required: true, ...d } : d)
  }
  return map
}

function canonicalEnvFiles(value: unknown, ctx: CanonicalContext): unknown {
  const list = typeof value === 'string' ? [value] : value
  if (!Array.isArray(list)) return value
  return list.map((entry) => {
    const e = untag(entry)
    if (typeof e === 'string') return { path: hostPath(e, ctx), required: true }
    if (isPlainObject(e) && typeof e.path === 'string') {
      const required =
        e.required === undefined ? true : e.required === true || e.required === 'true'
      return { ...e, path: hostPath(e.path, ctx), required }
    }
    return e
  })
}

export { isAbs }
