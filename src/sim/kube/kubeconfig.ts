/**
 * kubeconfig files (clientcmd's v1 Config) as kubectl and minikube read and write them: where
 * they are looked for (--kubeconfig, $KUBECONFIG, ~/.kube/config), how several merge, and the
 * exact YAML client-go writes back (keys sorted, `clusters: null` when empty, `server: ""` kept
 * because that field has no omitempty). Pure data in, text out; the file reads and writes go
 * through the session's VirtualFs.
 */
import { parseDocument } from 'yaml'
import { err, ok, QuaiError, type Result } from '../core/errors'
import type { VirtualFs } from '../fs/virtual-fs'
import { goYaml } from './kubectl/output/yaml'

export interface NamedExtension {
  name: string
  extension: unknown
}

/** clientcmd v1 Cluster: `server` is always written, the rest only when set. */
export interface KubeconfigCluster {
  server: string
  'tls-server-name'?: string
  'insecure-skip-tls-verify'?: boolean
  'certificate-authority'?: string
  'certificate-authority-data'?: string
  'proxy-url'?: string
  'disable-compression'?: boolean
  extensions?: NamedExtension[]
}

/** clientcmd v1 Context: `cluster` and `user` are always written. */
export interface KubeconfigContext {
  cluster: string
  user: string
  namespace?: string
  extensions?: NamedExtension[]
}

/** clientcmd v1 AuthInfo: every field optional. */
export interface KubeconfigUser {
  'client-certificate'?: string
  'client-certificate-data'?: string
  'client-key'?: string
  'client-key-data'?: string
  token?: string
  tokenFile?: string
  username?: string
  password?: string
  [field: string]: unknown
}

export interface Named<T> {
  name: string
  value: T
}

export interface Kubeconfig {
  clusters: Named<KubeconfigCluster>[]
  contexts: Named<KubeconfigContext>[]
  users: Named<KubeconfigUser>[]
  currentContext: string
  preferences: Record<string, unknown>
  extensions?: NamedExtension[]
}

export const emptyKubeconfig = (): Kubeconfig => ({
  clusters: [],
  contexts: [],
  users: [],
  currentContext: '',
  preferences: {},
})

export type KubeconfigErrorCode = 'parse' | 'stat' | 'write'

/** A kubeconfig that cannot be read or written; the message is kubectl's, after `error: `. */
export class KubeconfigError extends QuaiError<KubeconfigErrorCode, { path: string }> {
  constructor(code: KubeconfigErrorCode, message: string, path: string) {
    super(code, message, { path })
    this.name = 'KubeconfigError'
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Go's json type names, for the decode errors client-go reports. */
function jsonTypeName(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (v === null) return 'null'
  if (typeof v === 'object') return 'object'
  return typeof v
}

function decodeList<T>(
  raw: unknown,
  field: 'clusters' | 'contexts' | 'users',
  goType: string,
  inner: 'cluster' | 'context' | 'user',
  fill: (v: Record<string, unknown>) => T,
): Result<Named<T>[], string> {
  if (raw === undefined || raw === null) return ok([])
  if (!Array.isArray(raw))
    return err(
      `json: cannot unmarshal ${jsonTypeName(raw)} into Go struct field Config.${field} of type []v1.${goType}`,
    )
  const out: Named<T>[] = []
  for (const item of raw) {
    if (!isRecord(item))
      return err(
        `json: cannot unmarshal ${jsonTypeName(item)} into Go struct field Config.${field} of type v1.${goType}`,
      )
    const body = item[inner]
    out.push({
      name: typeof item['name'] === 'string' ? item['name'] : '',
      value: fill(isRecord(body) ? body : {}),
    })
  }
  return ok(out)
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '')

function decodeCluster(v: Record<string, unknown>): KubeconfigCluster {
  return { ...v, server: str(v['server']) } as KubeconfigCluster
}

function decodeContext(v: Record<string, unknown>): KubeconfigContext {
  return { ...v, cluster: str(v['cluster']), user: str(v['user']) } as KubeconfigContext
}

/**
 * Parses a kubeconfig file's text. The error is the text kubectl prints after `error loading
 * config file "PATH": `.
 */
export function parseKubeconfig(text: string): Result<Kubeconfig, string> {
  if (text.trim() === '') return ok(emptyKubeconfig())
  const doc = parseDocument(text, { uniqueKeys: false })
  const first = doc.errors[0]
  if (first !== undefined) {
    const line = first.linePos?.[0].line ?? 1
    const detail = first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? ''
    return err(`yaml: line ${line}: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}`)
  }
  const raw: unknown = doc.toJS()
  if (raw === null || raw === undefined) return ok(emptyKubeconfig())
  if (!isRecord(raw))
    return err(`json: cannot unmarshal ${jsonTypeName(raw)} into Go value of type v1.Config`)
  const clusters = decodeList(raw['clusters'], 'clusters', 'NamedCluster', 'cluster', decodeCluster)
  if (!clusters.ok) return clusters
  const contexts = decodeList(raw['contexts'], 'contexts', 'NamedContext', 'context', decodeContext)
  if (!contexts.ok) return contexts
  const users = decodeList(
    raw['users'],
    'users',
    'NamedAuthInfo',
    'user',
    (v) => v as KubeconfigUser,
  )
  if (!users.ok) return users
  const current = raw['current-context']
  if (current !== undefined && current !== null && typeof current !== 'string')
    return err(
      `json: cannot unmarshal ${jsonTypeName(current)} into Go struct field Config.current-context of type string`,
    )
  return ok({
    clusters: clusters.value,
    contexts: contexts.value,
    users: users.value,
    currentContext: typeof current === 'string' ? current : '',
    preferences: isRecord(raw['preferences']) ? raw['preferences'] : {},
    ...(Array.isArray(raw['extensions'])
      ? { extensions: raw['extensions'] as NamedExtension[] }
      : {}),
  })
}

/** The v1 Config object as client-go marshals it (before YAML), for `config view -o json`. */
export function kubeconfigObject(config: Kubeconfig): Record<string, unknown> {
  const list = <T>(items: Named<T>[], inner: string): unknown =>
    items.length === 0 ? null : items.map((i) => ({ name: i.name, [inner]: i.value }))
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: config.preferences,
    clusters: list(config.clusters, 'cluster'),
    users: list(config.users, 'user'),
    contexts: list(config.contexts, 'context'),
    'current-context': config.currentContext,
    ...(config.extensions && config.extensions.length > 0 ? { extensions: config.extensions } : {}),
  }
}

/** The file text client-go writes (clientcmd.Write). */
export function serializeKubeconfig(config: Kubeconfig): string {
  return goYaml(kubeconfigObject(config))
}

// ---------------------------------------------------------------------------------------------
// Editing: pure functions returning a new config (minikube and `kubectl config` share them).

function upsert<T>(items: Named<T>[], name: string, value: T): Named<T>[] {
  const index = items.findIndex((i) => i.name === name)
  if (index < 0) return [...items, { name, value }]
  return items.map((i, k) => (k === index ? { name, value } : i))
}

export const findNamed = <T>(items: readonly Named<T>[], name: string): T | undefined =>
  items.find((i) => i.name === name)?.value

export function setCluster(
  config: Kubeconfig,
  name: string,
  cluster: KubeconfigCluster,
): Kubeconfig {
  return { ...config, clusters: upsert(config.clusters, name, cluster) }
}

export function setContext(
  config: Kubeconfig,
  name: string,
  context: KubeconfigContext,
): Kubeconfig {
  return { ...config, contexts: upsert(config.contexts, name, context) }
}

export function setUser(config: Kubeconfig, name: string, user: KubeconfigUser): Kubeconfig {
  return { ...config, users: upsert(config.users, name, user) }
}

export function removeCluster(config: Kubeconfig, name: string): Kubeconfig {
  return { ...config, clusters: config.clusters.filter((c) => c.name !== name) }
}

export function removeContext(config: Kubeconfig, name: string): Kubeconfig {
  return { ...config, contexts: config.contexts.filter((c) => c.name !== name) }
}

export function removeUser(config: Kubeconfig, name: string): Kubeconfig {
  return { ...config, users: config.users.filter((c) => c.name !== name) }
}

export function useContext(config: Kubeconfig, name: string): Kubeconfig {
  return { ...config, currentContext: name }
}

// ---------------------------------------------------------------------------------------------
// Files

/** Where kubectl looks: --kubeconfig alone, else every $KUBECONFIG entry, else ~/.kube/config. */
export interface KubeconfigLocation {
  /** --kubeconfig as given (must exist), resolved against the working directory. */
  explicit?: string
  /** $KUBECONFIG's value. */
  envValue?: string
  home: string
  resolve(path: string): string
}

export interface LoadedKubeconfig {
  /** The merged view. */
  readonly config: Kubeconfig
  /** The files read, in precedence order (missing ones left out). */
  readonly files: readonly string[]
  /** Where a change is written: the first existing file, else the last candidate. */
  readonly writePath: string
}

export const defaultKubeconfigPath = (home: string): string => `${home}/.kube/config`

/** clientcmd's merge: for named entries and current-context, the first file that has one wins. */
export function mergeKubeconfigs(configs: readonly Kubeconfig[]): Kubeconfig {
  const merged = emptyKubeconfig()
  const add = <T>(into: Named<T>[], from: Named<T>[]): void => {
    for (const item of from) if (!into.some((i) => i.name === item.name)) into.push(item)
  }
  for (const c of configs) {
    add(merged.clusters, c.clusters)
    add(merged.contexts, c.contexts)
    add(merged.users, c.users)
    if (merged.currentContext === '') merged.currentContext = c.currentContext
    // Preferences survive a load (a later write would otherwise drop `colors`).
    merged.preferences = { ...c.preferences, ...merged.preferences }
  }
  return merged
}

async function readOne(fs: VirtualFs, path: string): Promise<Result<Kubeconfig, KubeconfigError>> {
  let text: string
  try {
    text = await fs.readFile(path)
  } catch {
    return err(new KubeconfigError('stat', `stat ${path}: no such file or directory`, path))
  }
  const parsed = parseKubeconfig(text)
  if (!parsed.ok)
    return err(
      new KubeconfigError('parse', `error loading config file "${path}": ${parsed.error}`, path),
    )
  return ok(parsed.value)
}

const isFile = async (fs: VirtualFs, path: string): Promise<boolean> => {
  try {
    return (await fs.exists(path)) && (await fs.stat(path)).isFile
  } catch {
    return false
  }
}

/** Loads kubectl's view of its configuration (an absent file is an empty config, not an error). */
export async function loadKubeconfig(
  fs: VirtualFs,
  where: KubeconfigLocation,
): Promise<Result<LoadedKubeconfig, KubeconfigError>> {
  if (where.explicit !== undefined) {
    // The message names the path as typed, as os.Stat's error does.
    const path = where.resolve(where.explicit)
    if (!(await isFile(fs, path)))
      return err(
        new KubeconfigError('stat', `stat ${where.explicit}: no such file or directory`, path),
      )
    const one = await readOne(fs, path)
    if (!one.ok) {
      return err(
        new KubeconfigError(
          one.error.code,
          one.error.message.replace(`"${path}"`, `"${where.explicit}"`),
          path,
        ),
      )
    }
    return ok({ config: one.value, files: [path], writePath: path })
  }
  const candidates =
    where.envValue !== undefined && where.envValue !== ''
      ? where.envValue
          .split(':')
          .filter((p) => p !== '')
          .map((p) => where.resolve(p))
      : [defaultKubeconfigPath(where.home)]
  const files: string[] = []
  const configs: Kubeconfig[] = []
  for (const path of candidates) {
    if (files.includes(path) || !(await isFile(fs, path))) continue
    const one = await readOne(fs, path)
    if (!one.ok) return one
    files.push(path)
    configs.push(one.value)
  }
  const writePath =
    files[0] ?? candidates[candidates.length - 1] ?? defaultKubeconfigPath(where.home)
  return ok({ config: mergeKubeconfigs(configs), files, writePath })
}

/** Creates the directory if needed (mode 0700 in client-go) and writes the file. */
export async function writeKubeconfig(
  fs: VirtualFs,
  path: string,
  config: Kubeconfig,
): Promise<Result<void, KubeconfigError>> {
  const dir = path.slice(0, path.lastIndexOf('/')) || '/'
  try {
    if (!(await fs.exists(dir))) await fs.mkdir(dir, { recursive: true })
    await fs.writeFile(path, serializeKubeconfig(config))
    return ok(undefined)
  } catch (e) {
    const reason = e instanceof Error ? e.message : 'write failed'
    return err(new KubeconfigError('write', `open ${path}: ${reason}`, path))
  }
}

/** Reads the default file (~/.kube/config), or an empty config when there is none: for minikube. */
export async function readKubeconfigFile(
  fs: VirtualFs,
  path: string,
): Promise<Result<Kubeconfig, KubeconfigError>> {
  if (!(await isFile(fs, path))) return ok(emptyKubeconfig())
  return readOne(fs, path)
}
