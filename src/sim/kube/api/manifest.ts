/**
 * Reading `kubectl apply -f` / `create -f` files as kubectl does: the stream is cut at `---` lines,
 * each document is parsed as YAML 1.1 (go-yaml v2: `yes`/`on` are booleans, timestamps stay
 * strings, duplicate keys keep the last value) and turned into JSON; empty documents are skipped and
 * `kind: List` is expanded. Failures carry kubectl's words, including go-yaml's messages and line
 * numbers (counted from the start of the document, as kubectl reports them), which the `yaml`
 * package's positioned errors are mapped onto.
 */
import { LineCounter, parseDocument, type YAMLError } from 'yaml'
import type { KubeObject } from './object'
import { convertedForKind } from './conversion/versions'
import { resourceForKind, type ResourceType } from './resources'

export type ManifestErrorReason = 'parse' | 'validation' | 'decode' | 'mapping'

export interface ManifestError {
  readonly reason: ManifestErrorReason
  /** The text after kubectl's `error: ` prefix. */
  readonly message: string
}

export type ManifestEntry =
  | {
      readonly ok: true
      readonly file: string
      /** The document's position in the file (0-based, counting only non-empty documents). */
      readonly index: number
      readonly object: KubeObject
      /** The served type (always known for ok entries); may be a converted version's. */
      readonly type: ResourceType
    }
  | {
      readonly ok: false
      readonly file: string
      readonly index: number
      readonly error: ManifestError
    }

export interface DecodedManifests {
  /** Documents in order: objects, or per-document failures kubectl reports and goes past. */
  readonly entries: readonly ManifestEntry[]
  /** A failure that stops the stream (a YAML syntax error, a schema validation error). */
  readonly fatal?: ManifestError
}

export interface DecodeOptions {
  /** kubectl's `--validate` (default true): apiVersion/kind must be set. */
  readonly validate?: boolean
}

type Json = unknown

/** Splits at `---` lines as kubectl's YAMLReader does; text after `---` must be a comment. */
function splitDocuments(text: string): { chunks: string[]; error?: string } {
  const chunks: string[] = []
  let current: string[] = []
  for (const line of text.split('\n')) {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim()
      if (rest !== '' && !rest.startsWith('#'))
        return { chunks, error: `invalid Yaml document separator: ${rest}` }
      chunks.push(current.join('\n'))
      current = []
      continue
    }
    current.push(line)
  }
  chunks.push(current.join('\n'))
  return { chunks }
}

/** Go's json.Marshal of a map: keys sorted, compact — as kubectl quotes a document back. */
export function goJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`
  const obj = value as Record<string, Json>
  const keys = Object.keys(obj).sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${goJson(obj[k])}`).join(',')}}`
}

const isObj = (v: unknown): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The go-yaml message for the first problem the `yaml` package found in one document. */
function goYamlMessage(errors: readonly YAMLError[], lines: readonly string[]): string {
  const first = errors[0]
  if (first === undefined) return 'yaml: unknown problem parsing YAML content'
  const start = first.linePos?.[0] ?? { line: 1, col: 1 }
  const end = first.linePos?.[1] ?? start
  const at = (line: number, msg: string): string => `yaml: line ${Math.max(line, 1)}: ${msg}`
  const text = first.message
  switch (first.code) {
    case 'BLOCK_AS_IMPLICIT_KEY': {
      if (text.startsWith('Nested mappings')) {
        const multiline = errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY')
        const line = multiline?.linePos?.[1]?.line ?? start.line
        return at(line, 'mapping values are not allowed in this context')
      }
      return at(start.line - 1, 'did not find expected key')
    }
    case 'MULTILINE_IMPLICIT_KEY': {
      const before = (lines[start.line - 1] ?? '').slice(0, start.col - 1)
      const keyPosition = /^\s*(-\s+)*$/.test(before)
      return at(
        end.line,
        keyPosition
          ? "could not find expected ':'"
          : 'mapping values are not allowed in this context',
      )
    }
    case 'UNEXPECTED_TOKEN':
      if (text.includes('block-seq-ind'))
        return at(start.line, 'block sequence entries are not allowed in this context')
      return at(start.line - 1, 'did not find expected key')
    case 'BAD_SCALAR_START':
      return at(start.line, 'found character that cannot start any token')
    case 'TAB_AS_INDENT': {
      // After a plain scalar the scanner is still reading it: go-yaml names the tab itself.
      let prev = start.line - 2
      while (prev >= 0 && (lines[prev] ?? '').trim() === '') prev--
      const previous = (lines[prev] ?? '').replace(/\s+#.*$/, '')
      const plainValue =
        /(:\s+|^\s*-\s+)[^\s'"|>&*!{[#][^#]*$/.test(previous) && !/:\s*$/.test(previous)
      return at(
        start.line,
        plainValue
          ? 'found a tab character that violates indentation'
          : 'found character that cannot start any token',
      )
    }
    case 'BAD_INDENT': {
      if (text.startsWith('Flow sequence'))
        return at(start.line - 1, "did not find expected ',' or ']'")
      if (text.startsWith('Flow map')) return at(start.line - 1, "did not find expected ',' or '}'")
      return at(start.line - 1, expectedKeyOrDash(lines, start.line))
    }
    case 'MISSING_CHAR':
      if (text.startsWith('Missing closing'))
        return at(start.line, 'found unexpected end of stream')
      if (text.startsWith('Sequence item without'))
        return at(start.line - 1, 'did not find expected key')
      return at(end.line, "could not find expected ':'")
    case 'BAD_ALIAS':
    case 'BAD_DIRECTIVE':
    case 'BAD_DQ_ESCAPE':
      if (first.code === 'BAD_DQ_ESCAPE')
        return at(start.line, 'found unknown escape character while parsing a quoted scalar')
      return at(start.line, 'did not find expected node content')
    default:
      return at(start.line, 'did not find expected node content')
  }
}

/** Inside a block sequence at this indentation go-yaml wants a `-`; elsewhere a key. */
function expectedKeyOrDash(lines: readonly string[], line: number): string {
  const bad = lines[line - 1] ?? ''
  const indent = bad.length - bad.trimStart().length
  for (let i = line - 2; i >= 0; i--) {
    const l = lines[i] ?? ''
    if (l.trim() === '' || l.trim().startsWith('#')) continue
    const lineIndent = l.length - l.trimStart().length
    if (lineIndent < indent) return 'did not find expected key'
    if (lineIndent === indent)
      return l.trimStart().startsWith('- ') || l.trim() === '-'
        ? "did not find expected '-' indicator"
        : 'did not find expected key'
  }
  return 'did not find expected key'
}

/** Parses one document as go-yaml v2 would, to plain JSON. */
function parseChunk(chunk: string): { value?: Json; error?: string } {
  const lineCounter = new LineCounter()
  const doc = parseDocument(chunk, {
    version: '1.1',
    lineCounter,
    uniqueKeys: false,
    merge: true,
    prettyErrors: true,
    // go-yaml v2 leaves timestamps and sexagesimal numbers as strings in interface{} values.
    customTags: (tags) =>
      tags.filter((t) => {
        const tag = t as { tag?: string; format?: string }
        return tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME'
      }),
  })
  if (doc.errors.length > 0) return { error: goYamlMessage(doc.errors, chunk.split('\n')) }
  try {
    return { value: toJson(doc.toJS({ maxAliasCount: -1 })) }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    const alias = /Unresolved alias[^:]*: \*?(\S+)/.exec(message)
    if (alias !== null) return { error: `yaml: unknown anchor '${alias[1] ?? ''}' referenced` }
    return { error: `yaml: ${message}` }
  }
}

/** YAML values as JSON: keys become strings, byte arrays base64, non-finite numbers stay numbers. */
function toJson(value: unknown): Json {
  if (value === undefined) return null
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(toJson)
  if (value instanceof Map) {
    const out: Record<string, Json> = {}
    for (const [k, v] of value) out[String(k)] = toJson(v)
    return out
  }
  if (value instanceof Set) return [...value].map(toJson)
  const out: Record<string, Json> = {}
  for (const [k, v] of Object.entries(value)) out[k] = toJson(v)
  return out
}

const missingFields = (o: Record<string, Json>): string[] => {
  const missing: string[] = []
  if (typeof o['apiVersion'] !== 'string' || o['apiVersion'] === '')
    missing.push('apiVersion not set')
  if (typeof o['kind'] !== 'string' || o['kind'] === '') missing.push('kind not set')
  return missing
}

/**
 * The documents of a manifest file, or kubectl's error: `error parsing x.yaml: error converting
 * YAML to JSON: yaml: line 5: mapping values are not allowed in this context`, `error validating
 * "x.yaml": error validating data: apiVersion not set; …`, `resource mapping not found for name:
 * "web" namespace: "" from "x.yaml": no matches for kind "Foo" in version "v1"`.
 */
export function decodeManifests(
  text: string,
  fileName: string,
  options: DecodeOptions = {},
): DecodedManifests {
  const validate = options.validate ?? true
  const entries: ManifestEntry[] = []
  const { chunks, error: splitError } = splitDocuments(text)
  let index = 0
  const fail = (reason: ManifestErrorReason, message: string): DecodedManifests => ({
    entries,
    fatal: { reason, message },
  })
  for (const chunk of chunks) {
    const parsed = parseChunk(chunk)
    if (parsed.error !== undefined)
      return fail(
        'parse',
        `error parsing ${fileName}: error converting YAML to JSON: ${parsed.error}`,
      )
    const value = parsed.value
    if (value === null || value === undefined) continue
    if (!isObj(value)) {
      const kind = Array.isArray(value)
        ? 'array'
        : typeof value === 'number'
          ? 'number'
          : typeof value === 'boolean'
            ? 'bool'
            : 'string'
      entries.push({
        ok: false,
        file: fileName,
        index: index++,
        error: {
          reason: 'decode',
          message: `unable to decode "${fileName}": json: cannot unmarshal ${kind} into Go value of type unstructured.detector`,
        },
      })
      continue
    }
    const items =
      value['kind'] === 'List' && Array.isArray(value['items']) ? value['items'] : [value]
    for (const item of items) {
      if (!isObj(item)) continue
      const missing = missingFields(item)
      if (missing.length > 0) {
        if (validate)
          return fail(
            'validation',
            `error validating "${fileName}": error validating data: ${missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`}; if you choose to ignore these errors, turn validation off with --validate=false`,
          )
        entries.push({
          ok: false,
          file: fileName,
          index: index++,
          error: {
            reason: 'decode',
            message:
              typeof item['kind'] !== 'string' || item['kind'] === ''
                ? `unable to decode "${fileName}": Object 'Kind' is missing in '${goJson(item)}'`
                : `resource mapping not found for name: ${JSON.stringify(nameOf(item))} namespace: ${JSON.stringify(namespaceOf(item))} from "${fileName}": no matches for kind "${String(item['kind'])}" in version ""\nensure CRDs are installed first`,
          },
        })
        continue
      }
      const apiVersion = item['apiVersion'] as string
      const kind = item['kind'] as string
      // A version served beside the stored one (autoscaling/v1) keeps its own type: kubectl
      // talks to that version's endpoint, and the server converts.
      const type = resourceForKind(apiVersion, kind) ?? convertedForKind(apiVersion, kind)?.type
      if (type === undefined) {
        entries.push({
          ok: false,
          file: fileName,
          index: index++,
          error: {
            reason: 'mapping',
            message: `resource mapping not found for name: ${JSON.stringify(nameOf(item))} namespace: ${JSON.stringify(namespaceOf(item))} from "${fileName}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
          },
        })
        continue
      }
      entries.push({
        ok: true,
        file: fileName,
        index: index++,
        object: item as unknown as KubeObject,
        type,
      })
    }
  }
  if (splitError !== undefined) return fail('parse', `error parsing ${fileName}: ${splitError}`)
  return { entries }
}

const nameOf = (o: Record<string, Json>): string => {
  const meta = o['metadata']
  return isObj(meta) && typeof meta['name'] === 'string' ? meta['name'] : ''
}
const namespaceOf = (o: Record<string, Json>): string => {
  const meta = o['metadata']
  return isObj(meta) && typeof meta['namespace'] === 'string' ? meta['namespace'] : ''
}
