/**
 * The offline image catalog: which `repository:tag` a registry would serve, what the image is
 * (config, size, layers, files) and how its main process behaves. Rich entries are written out
 * in catalog-data/; older and newer releases of rich repositories are derived on demand from
 * their version schemes; repositories known by name only get a generic, name-derived image.
 *
 * Lookups take what the user typed and normalise it as the docker CLI does (reference.ts), so
 * `nginx`, `docker.io/library/nginx:latest` and `index.docker.io/nginx` are one image.
 */
import { interactiveProfile } from './catalog-data/base-os'
import {
  alpineImages,
  alpineScheme,
  busyboxImages,
  busyboxScheme,
  debianImages,
  helloWorld,
  ubuntuImages,
} from './catalog-data/base-os'
import {
  DEFAULT_PATH,
  derive,
  osReleaseAlpine,
  osReleaseDebian,
  osReleaseUbuntu,
  out,
  type VersionScheme,
} from './catalog-data/define'
import {
  genericConfigs,
  genericFiles,
  genericRepositories,
  type GenericRepository,
} from './catalog-data/generic'
import { httpdImages, httpdScheme } from './catalog-data/httpd'
import { kubeSampleImages } from './catalog-data/kube-samples'
import { minikubeSystemImages } from './catalog-data/minikube-system'
import { mariadbImages, mariadbScheme, mysqlImages, mysqlScheme } from './catalog-data/mysql'
import { nginxImages, nginxScheme } from './catalog-data/nginx'
import {
  adminerImages,
  phpImages,
  phpmyadminImages,
  phpScheme,
  wordpressImages,
  wordpressScheme,
} from './catalog-data/php'
import { postgresImages, postgresScheme } from './catalog-data/postgres'
import { redisImages, redisScheme } from './catalog-data/redis'
import {
  eclipseTemurinImages,
  golangImages,
  golangScheme,
  nodeImages,
  nodeScheme,
  pythonImages,
  pythonScheme,
} from './catalog-data/runtimes'
import {
  grafanaImages,
  grafanaScheme,
  memcachedImages,
  mongoImages,
  mongoScheme,
  prometheusImages,
  prometheusScheme,
  rabbitmqImages,
  rabbitmqScheme,
  traefikImages,
  traefikScheme,
} from './catalog-data/services'
import type { CatalogImage, ImageBase, ImageConfig, ServiceSpec } from './catalog-types'
import {
  DEFAULT_DOMAIN,
  DEFAULT_TAG,
  familiarName,
  parseNormalizedNamed,
  type NamedReference,
  type ReferenceError,
} from './reference'
import { sha256Bytes, sha256Digest, sha256Hex } from './sha256'

export type {
  BehaviourProfile,
  CatalogImage,
  EnvRequirement,
  HttpResponseSpec,
  ImageBase,
  ImageConfig,
  LogLine,
  ServiceSpec,
} from './catalog-types'

// Index ----------------------------------------------------------------------------------------

const RICH_IMAGES: CatalogImage[] = [
  helloWorld,
  ...alpineImages,
  ...busyboxImages,
  ...ubuntuImages,
  ...debianImages,
  ...nginxImages,
  ...httpdImages,
  ...redisImages,
  ...postgresImages,
  ...mysqlImages,
  ...mariadbImages,
  ...mongoImages,
  ...pythonImages,
  ...nodeImages,
  ...golangImages,
  ...eclipseTemurinImages,
  ...phpImages,
  ...wordpressImages,
  ...adminerImages,
  ...phpmyadminImages,
  ...traefikImages,
  ...rabbitmqImages,
  ...memcachedImages,
  ...grafanaImages,
  ...prometheusImages,
  ...kubeSampleImages,
  ...minikubeSystemImages,
]

const SCHEMES: VersionScheme[] = [
  alpineScheme,
  busyboxScheme,
  nginxScheme,
  httpdScheme,
  redisScheme,
  postgresScheme,
  mysqlScheme,
  mariadbScheme,
  mongoScheme,
  pythonScheme,
  nodeScheme,
  golangScheme,
  phpScheme,
  wordpressScheme,
  traefikScheme,
  rabbitmqScheme,
  grafanaScheme,
  prometheusScheme,
]

const richByTag = new Map<string, CatalogImage>()
const richRepositories = new Set<string>()
for (const img of RICH_IMAGES) {
  richRepositories.add(img.repository)
  for (const tag of [img.tag, ...img.aliases]) {
    const key = `${img.repository}:${tag}`
    const existing = richByTag.get(key)
    if (existing !== undefined && existing !== img) {
      throw new Error(`catalog: ${key} is claimed by two images`)
    }
    richByTag.set(key, img)
  }
}

const schemeByRepository = new Map(SCHEMES.map((s) => [s.repository, s]))
const genericByName = new Map<string, GenericRepository>()
for (const repo of genericRepositories) {
  if (richRepositories.has(repo.name)) throw new Error(`catalog: ${repo.name} is rich and generic`)
  genericByName.set(repo.name, repo)
}

// Resolution -----------------------------------------------------------------------------------

export type ImageResolution =
  | {
      kind: 'found'
      image: CatalogImage
      /** Normalised: docker.io/library/nginx:latest (digest-pinned references keep the digest). */
      reference: NamedReference
      /** As `docker pull` names it in "Status: … for nginx:latest". */
      familiar: string
    }
  | { kind: 'invalid-reference'; error: ReferenceError; message: string }
  | {
      kind: 'repository-not-found' | 'tag-not-found' | 'platform-mismatch' | 'reserved-name'
      reference: NamedReference
      familiar: string
      /** The daemon's error text, without the CLI's "Error response from daemon: " prefix. */
      message: string
    }
  | {
      /** A registry this offline sandbox cannot reach (a private host, localhost:5000, …). */
      kind: 'registry-unreachable'
      reference: NamedReference
      familiar: string
      registry: string
      local: boolean
      message: string
    }

/** Well-known public registries; any other host is a private registry the sandbox can't reach. */
export const PUBLIC_REGISTRIES = new Set([
  DEFAULT_DOMAIN,
  'gcr.io',
  'k8s.gcr.io',
  'registry.k8s.io',
  'quay.io',
  'ghcr.io',
  'mcr.microsoft.com',
  'public.ecr.aws',
  'docker.elastic.co',
  'docker.redpanda.com',
  'us-docker.pkg.dev',
  'cgr.dev',
  'nvcr.io',
  'registry.gitlab.com',
])

export const PULL_MESSAGES = {
  pullAccessDenied: (name: string) =>
    `pull access denied for ${name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
  manifestUnknown: (familiar: string) =>
    `manifest for ${familiar} not found: manifest unknown: manifest unknown`,
  noMatchingManifest: 'no matching manifest for linux/amd64 in the manifest list entries',
  reservedScratch: "'scratch' is a reserved name",
  registryUnreachable: (domain: string) => {
    const host = domain.replace(/:\d+$/, '').replace(/^\[|\]$/g, '')
    const local = isLocalHost(host)
    const port = /:(\d+)$/.exec(domain)?.[1]
    return local
      ? `Get "http://${domain}/v2/": dial tcp ${host === 'localhost' ? '[::1]' : host}:${port ?? '80'}: connect: connection refused`
      : `Get "https://${domain}/v2/": dial tcp: lookup ${host}: no such host`
  },
} as const

function isLocalHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.')
}

/** Everything `docker pull X` needs to know about X, without a network. */
export function resolveImage(input: string): ImageResolution {
  const parsed = parseNormalizedNamed(input)
  if (!parsed.ok) {
    return { kind: 'invalid-reference', error: parsed.error, message: parsed.error.message }
  }
  const named = parsed.value
  // ParseDockerRef: a digest wins over a tag; no tag means latest.
  const reference: NamedReference =
    named.digest !== undefined
      ? { kind: 'named', domain: named.domain, path: named.path, digest: named.digest }
      : { kind: 'named', domain: named.domain, path: named.path, tag: named.tag ?? DEFAULT_TAG }
  const name = familiarName(reference)
  const familiar =
    reference.digest !== undefined
      ? `${name}@${reference.digest}`
      : `${name}:${reference.tag ?? DEFAULT_TAG}`
  const fail = (
    kind: 'repository-not-found' | 'tag-not-found' | 'platform-mismatch' | 'reserved-name',
    message: string,
  ): ImageResolution => ({ kind, reference, familiar, message })

  if (name === 'scratch') return fail('reserved-name', PULL_MESSAGES.reservedScratch)

  const repo = lookupRepository(name)
  if (repo === undefined) {
    if (!PUBLIC_REGISTRIES.has(reference.domain)) {
      const host = reference.domain.replace(/:\d+$/, '').replace(/^\[|\]$/g, '')
      return {
        kind: 'registry-unreachable',
        reference,
        familiar,
        registry: reference.domain,
        local: isLocalHost(host),
        message: PULL_MESSAGES.registryUnreachable(reference.domain),
      }
    }
    return fail('repository-not-found', PULL_MESSAGES.pullAccessDenied(name))
  }
  if (repo.kind === 'generic' && repo.generic.windows) {
    return fail('platform-mismatch', PULL_MESSAGES.noMatchingManifest)
  }

  const image =
    reference.digest !== undefined
      ? findByDigest(name, repo, reference.digest)
      : findByTag(name, repo, reference.tag ?? DEFAULT_TAG)
  if (image === undefined) return fail('tag-not-found', PULL_MESSAGES.manifestUnknown(familiar))
  return { kind: 'found', image, reference, familiar }
}

/** The image a reference names, or undefined (unknown repository, tag or digest; bad syntax). */
export function lookupImage(input: string): CatalogImage | undefined {
  const resolved = resolveImage(input)
  return resolved.kind === 'found' ? resolved.image : undefined
}

/** True when the repository exists (any reference form works: `nginx`, `docker.io/library/nginx:1`). */
export function isKnownRepository(input: string): boolean {
  const parsed = parseNormalizedNamed(input)
  if (!parsed.ok) return false
  return lookupRepository(familiarName(parsed.value)) !== undefined
}

/** Familiar names of every known repository, rich ones first. */
export function listRepositories(): string[] {
  return [...richRepositories, ...genericRepositories.map((r) => r.name)]
}

/** The written-out images (not the derived or generic ones), for listings and tests. */
export function richImages(): readonly CatalogImage[] {
  return RICH_IMAGES
}

type Repository = { kind: 'rich'; name: string } | { kind: 'generic'; generic: GenericRepository }

function lookupRepository(name: string): Repository | undefined {
  if (richRepositories.has(name)) return { kind: 'rich', name }
  const generic = genericByName.get(name)
  return generic === undefined ? undefined : { kind: 'generic', generic }
}

function findByTag(name: string, repo: Repository, tag: string): CatalogImage | undefined {
  if (repo.kind === 'generic') {
    return isPlausibleTag(tag) ? genericImage(repo.generic, tag) : undefined
  }
  const rich = richByTag.get(`${name}:${tag}`)
  if (rich !== undefined) return rich
  const scheme = schemeByRepository.get(name)
  return scheme === undefined ? undefined : fromScheme(scheme, tag)
}

function findByDigest(name: string, repo: Repository, digest: string): CatalogImage | undefined {
  if (repo.kind === 'generic') return genericImage(repo.generic, digest.slice(7, 19))
  return RICH_IMAGES.find((img) => img.repository === name && manifestDigest(img) === digest)
}

// Version schemes ------------------------------------------------------------------------------

const derivedCache = new Map<string, CatalogImage>()

function fromScheme(scheme: VersionScheme, tag: string): CatalogImage | undefined {
  const variants = Object.keys(scheme.variants).sort((a, b) => b.length - a.length)
  for (const variant of variants) {
    let versionPart: string | undefined
    if (variant === '') versionPart = tag
    else if (tag === variant) versionPart = ''
    else if (tag.endsWith(`-${variant}`)) versionPart = tag.slice(0, -(variant.length + 1))
    if (versionPart === undefined) continue
    const resolved = resolveVersion(scheme, versionPart)
    if (resolved === undefined) continue
    const image = deriveFromScheme(scheme, variant, resolved.line, resolved.full)
    if (image !== undefined) return image
  }
  return undefined
}

interface ResolvedVersion {
  line: string
  full: string
}

function resolveVersion(scheme: VersionScheme, rawVersion: string): ResolvedVersion | undefined {
  const version =
    scheme.optionalV === true && /^v\d/.test(rawVersion) ? rawVersion.slice(1) : rawVersion
  const latestOf = (line: string): ResolvedVersion | undefined => {
    const entry = scheme.lines.find(([l]) => l === line)
    return entry === undefined ? undefined : { line: entry[0], full: entry[1] }
  }
  if (version === '') {
    const last = scheme.lines[scheme.lines.length - 1]
    return latestOf(scheme.named?.latest ?? last?.[0] ?? '')
  }
  const namedLine = scheme.named?.[version]
  if (namedLine !== undefined) return latestOf(namedLine)
  if (!/^\d+(\.\d+)*$/.test(version)) return undefined
  const exact = latestOf(version)
  if (exact !== undefined) return exact
  // A full release within a line: same depth as the line's newest, and not newer than it.
  for (const [line, latest] of scheme.lines) {
    if (!version.startsWith(`${line}.`)) continue
    const parts = version.split('.').map(Number)
    const latestParts = latest.split('.').map(Number)
    if (parts.length !== latestParts.length) continue
    if (compareVersions(parts, latestParts) <= 0) return { line, full: version }
  }
  // A bare major (`nginx:1`, `mariadb:10`): the newest line under it.
  const under = scheme.lines.filter(([line]) => line.startsWith(`${version}.`))
  const newest = under[under.length - 1]
  return newest === undefined ? undefined : { line: newest[0], full: newest[1] }
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

function deriveFromScheme(
  scheme: VersionScheme,
  variant: string,
  line: string,
  full: string,
): CatalogImage | undefined {
  const spec = scheme.variants[variant]
  if (spec === undefined) return undefined
  const template = richByTag.get(`${scheme.repository}:${spec.template}`)
  if (template === undefined) return undefined
  const prefix = template.tag.startsWith('v') && scheme.optionalV === true ? 'v' : ''
  const canonicalTag = `${prefix}${full}${variant === '' ? '' : `-${variant}`}`
  const rich = richByTag.get(`${scheme.repository}:${canonicalTag}`)
  if (rich !== undefined) return rich
  const key = `${scheme.repository}:${canonicalTag}`
  const cached = derivedCache.get(key)
  if (cached !== undefined) return cached

  const templateTag = prefix === 'v' ? template.tag.slice(1) : template.tag
  const templateEntry = [...scheme.lines]
    .filter(([, latest]) => templateTag === latest || templateTag.startsWith(`${latest}-`))
    .sort((a, b) => b[1].length - a[1].length)[0]
  if (templateEntry === undefined) return undefined
  const [templateLine, templateVersion] = templateEntry
  const pairs: Array<readonly [string, string]> = []
  if (templateVersion !== full) pairs.push([templateVersion, full])
  if (templateLine !== line) {
    for (const marker of scheme.lineMarkers ?? [])
      pairs.push([`${marker}${templateLine}`, `${marker}${line}`])
  }
  pairs.push(...(spec.replace ?? []))
  if (pairs.length === 0 && spec.files === undefined) return template

  const lineIndex = scheme.lines.findIndex(([l]) => l === line)
  const templateIndex = scheme.lines.findIndex(([l]) => l === templateLine)
  const latest = scheme.lines[lineIndex]?.[1] ?? full
  const patchGap = (Number(latest.split('.').pop()) || 0) - (Number(full.split('.').pop()) || 0)
  const days = (templateIndex - lineIndex) * 150 + Math.max(0, patchGap) * 21
  const created = shiftDays(template.created, -days)
  const jitter = 1 + ((hashInt(key) % 1201) - 600) / 10_000
  const aliases = full === latest ? [`${prefix}${line}${variant === '' ? '' : `-${variant}`}`] : []

  const image = derive(template, {
    tag: canonicalTag,
    aliases: aliases.filter((a) => a !== canonicalTag),
    replace: pairs,
    created,
    sizeBytes: Math.round(template.sizeBytes * (spec.sizeFactor ?? 1) * jitter),
    ...(spec.files !== undefined ? { files: spec.files } : {}),
  })
  derivedCache.set(key, image)
  return image
}

function shiftDays(rfc3339: string, days: number): string {
  const ms = Date.parse(rfc3339) + days * 86_400_000
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

// Generic repositories -------------------------------------------------------------------------

const TAG_WORDS = new Set(
  (
    'latest stable lts edge mainline beta alpha rc dev devel develop nightly main master canary ' +
    'preview next current release alpine slim debian ubuntu bookworm bullseye buster stretch ' +
    'trixie sid focal jammy noble bionic xenial centos rhel ubi ubi8 ubi9 jre jdk apache fpm ' +
    'cli zts community ce ee enterprise oss management full minimal server client k8s e2e test ' +
    'amd64 arm64 windows nanoserver servercore python perl otel rootless gpu cuda cpu distroless ' +
    'static nonroot debug busybox musl glibc uclibc focal hardened unprivileged standalone ' +
    'fastcgi onbuild openjdk temurin corretto graalvm eclipse maven gradle node php ruby golang ' +
    'rust scm curl browsers tools base runtime sdk aspnet core testing oldstable unstable lite'
  ).split(/\s+/),
)

/**
 * A generic repository serves "any plausible tag": version-like tokens (`1.0`, `v2.40`,
 * `3.5.1-0`, `RELEASE.2025-02-28T09-55-16Z`, `python3.9-slim`) and common variant words.
 */
export function isPlausibleTag(tag: string): boolean {
  return tag
    .toLowerCase()
    .split(/[-_]/)
    .every(
      (token) =>
        TAG_WORDS.has(token) ||
        /^(?:[a-z]+\.?)?v?\d+(?:\.\d+)*[a-z]*\d*$/.test(token) ||
        /^[a-z]+\d+(?:\.\d+)*$/.test(token),
    )
}

const genericCache = new Map<string, CatalogImage>()

const GENERIC_SIZES: Record<ImageBase, [number, number]> = {
  alpine: [12, 180],
  debian: [90, 950],
  ubuntu: [110, 1400],
  busybox: [4, 40],
  scratch: [2, 30],
  distroless: [2, 120],
  oraclelinux: [200, 900],
  centos: [200, 900],
  windows: [300, 5000],
}

const GENERIC_PARENT: Partial<Record<ImageBase, string>> = {
  alpine: 'alpine:3.21',
  debian: 'debian:bookworm-slim',
  ubuntu: 'ubuntu:24.04',
  busybox: 'busybox:1.37.0-glibc',
}

const GENERIC_FILES: Partial<Record<ImageBase, Record<string, string>>> = {
  alpine: { '/etc/os-release': osReleaseAlpine('3.21.3') },
  debian: { '/etc/os-release': osReleaseDebian('12', 'bookworm') },
  ubuntu: { '/etc/os-release': osReleaseUbuntu('24.04.1', 'noble') },
}

function genericImage(repo: GenericRepository, tag: string): CatalogImage {
  const key = `${repo.name}:${tag}`
  const cached = genericCache.get(key)
  if (cached !== undefined) return cached
  const nameHash = sha256Bytes(`generic:${repo.name}`)
  const tagHash = sha256Bytes(`generic:${key}`)
  const [minMb, maxMb] = GENERIC_SIZES[repo.base]
  const span = maxMb - minMb
  const sizeMb = minMb + (((nameHash[0] ?? 0) * 256 + (nameHash[1] ?? 0)) % (span * 10)) / 10
  const sizeBytes = Math.round(sizeMb * (1 + ((tagHash[0] ?? 0) - 128) / 4096) * 1_000_000)
  const minimal = repo.base === 'distroless' || repo.base === 'busybox' || repo.base === 'scratch'
  const layerCount = minimal ? 1 + ((nameHash[2] ?? 0) % 5) : 3 + ((nameHash[2] ?? 0) % 10)
  const created = shiftDays(
    '2023-01-02T00:00:00Z',
    ((tagHash[1] ?? 0) * 256 + (tagHash[2] ?? 0)) % 780,
  )
  const basename = repo.name.split('/').pop() ?? repo.name
  const shell =
    minimal && repo.base !== 'busybox'
      ? null
      : repo.base === 'alpine' || repo.base === 'busybox'
        ? 'sh'
        : 'bash'
  const packageManager =
    repo.base === 'alpine'
      ? 'apk'
      : repo.base === 'debian' || repo.base === 'ubuntu'
        ? 'apt'
        : repo.base === 'centos'
          ? 'microdnf'
          : null

  const exposed: Record<string, Record<string, never>> = {}
  for (const port of repo.ports) exposed[port.includes('/') ? port : `${port}/tcp`] = {}
  const config: ImageConfig = {
    Cmd: repo.interactive ? [shell ?? 'sh'] : [basename],
    Env: [DEFAULT_PATH],
    ...(repo.ports.length > 0 ? { ExposedPorts: exposed } : {}),
    WorkingDir: '/',
    User: '',
    ...(genericConfigs[repo.name] ?? {}),
  }

  const services: ServiceSpec[] = repo.ports.map((spec, i) => {
    const [portText = '0', protocol = 'tcp'] = spec.split('/')
    const port = Number(portText)
    if (i === 0 && repo.http) {
      return {
        port,
        protocol: 'tcp',
        kind: 'http',
        http: {
          status: 200,
          headers: { 'Content-Type': 'text/html; charset=utf-8', Date: '{{now:http}}' },
          body: `<!DOCTYPE html>\n<html><head><title>${basename}</title></head><body><h1>${basename}</h1></body></html>\n`,
        },
      }
    }
    return { port, protocol: protocol === 'udp' ? 'udp' : 'tcp', kind: 'tcp' }
  })

  const parent = layerCount > 1 ? GENERIC_PARENT[repo.base] : undefined
  const image: CatalogImage = {
    repository: repo.name,
    tag,
    aliases: [],
    os: repo.windows ? 'windows' : 'linux',
    architecture: 'amd64',
    created,
    sizeBytes,
    layerCount,
    config,
    base: repo.base,
    files: { ...(GENERIC_FILES[repo.base] ?? {}), ...(genericFiles[repo.name] ?? {}) },
    profile: repo.tool
      ? {
          startup: [],
          memoryMiB: { idle: 4 },
          cpuPercent: { idle: 0 },
          shell,
          packageManager,
          tool: repo.name === 'curlimages/curl' ? { prepends: 'curl' } : {},
        }
      : repo.interactive
        ? interactiveProfile(shell ?? 'sh', packageManager)
        : {
            startup: [out(`{{now:iso}} ${basename} started`)],
            ...(services.length > 0 ? { services } : {}),
            memoryMiB: { idle: 8 + ((nameHash[3] ?? 0) % 240) },
            cpuPercent: { idle: ((nameHash[4] ?? 0) % 80) / 100 },
            shell,
            packageManager,
          },
    official: !repo.name.includes('/'),
    generic: true,
  }
  if (parent !== undefined) image.parent = parent
  genericCache.set(key, image)
  return image
}

// Identity -------------------------------------------------------------------------------------

export interface LayerInfo {
  /** sha256:<64 hex>, the compressed blob's digest. */
  digest: string
  /** The 12-hex form `docker pull` prints: "a2318d6c47ec: Pull complete". */
  shortId: string
  /** Uncompressed size (what `docker history` shows). */
  sizeBytes: number
  /** Compressed size (the "Downloading [===>   ] 12.3MB/29.1MB" total). */
  downloadBytes: number
}

const layerCache = new Map<CatalogImage, LayerInfo[]>()

/**
 * The image's layers, bottom first. An image built FROM a catalog parent starts with the
 * parent's layers, so pulling it after the parent shows "Already exists" for those.
 */
export function layerDigests(image: CatalogImage): LayerInfo[] {
  return layersOf(image, 0)
}

function layersOf(image: CatalogImage, depth: number): LayerInfo[] {
  const cached = layerCache.get(image)
  if (cached !== undefined) return cached
  const parent = image.parent !== undefined && depth < 8 ? lookupImage(image.parent) : undefined
  const inherited =
    parent !== undefined && parent !== image && parent.layerCount < image.layerCount
      ? layersOf(parent, depth + 1)
      : []
  const inheritedBytes = inherited.reduce((sum, l) => sum + l.sizeBytes, 0)
  const ownCount = image.layerCount - inherited.length
  const ownBytes = Math.max(image.sizeBytes - inheritedBytes, ownCount * 32)
  const seed = `${image.repository}:${image.tag}`
  // Weights: the first own layer carries most of the bytes, later ones (COPY of a script,
  // a config file) are often tiny.
  const weights = Array.from({ length: ownCount }, (_, i) => {
    const h = hashInt(`${seed}#w${i}`)
    if (i === 0) return 400 + (h % 600)
    return h % 5 === 0 ? 0.02 : 5 + (h % 300)
  })
  const total = weights.reduce((a, b) => a + b, 0)
  let assigned = 0
  const own = weights.map((w, i) => {
    const size =
      i === ownCount - 1 ? ownBytes - assigned : Math.max(32, Math.floor((ownBytes * w) / total))
    assigned += size
    const hex = sha256Hex(`layer:${seed}:${i}`)
    const ratio = 0.28 + (hashInt(`${seed}#r${i}`) % 20) / 100
    return {
      digest: `sha256:${hex}`,
      shortId: hex.slice(0, 12),
      sizeBytes: size,
      downloadBytes: Math.max(32, Math.round(size * ratio)),
    }
  })
  const layers = [...inherited, ...own]
  layerCache.set(image, layers)
  return layers
}

/** `sha256:<64 hex>`: the image (config) id `docker images --no-trunc` shows. */
export function imageId(image: CatalogImage): string {
  return sha256Digest(
    canonicalJson({
      architecture: image.architecture,
      os: image.os,
      created: image.created,
      config: image.config,
      rootfs: layerDigests(image).map((l) => l.digest),
    }),
  )
}

/** The manifest digest: `docker pull` prints "Digest: sha256:…". */
export function manifestDigest(image: CatalogImage): string {
  return sha256Digest(
    canonicalJson({
      schemaVersion: 2,
      config: imageId(image),
      layers: layerDigests(image).map((l) => [l.digest, l.downloadBytes]),
    }),
  )
}

/** `nginx@sha256:…`, as RepoDigests lists it. */
export function repoDigest(image: CatalogImage): string {
  return `${image.repository}@${manifestDigest(image)}`
}

/** JSON with sorted keys, so equal values always hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

function hashInt(text: string): number {
  const b = sha256Bytes(text)
  return (((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0
}
