/**
 * Helpers the catalog data files share: image defaults, derived images, version schemes and the
 * os-release files of the base distributions.
 */
import type {
  BehaviourProfile,
  CatalogImage,
  ImageBase,
  ImageConfig,
  LogLine,
} from '../catalog-types'

export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

const MB = 1_000_000

/** Sizes are written in the units `docker images` shows (decimal MB). */
export const mb = (n: number): number => Math.round(n * MB)

export interface ImageSpec {
  repository: string
  tag: string
  aliases?: string[]
  created: string
  sizeBytes: number
  layerCount: number
  config: ImageConfig
  base: ImageBase
  parent?: string
  files?: Record<string, string>
  profile: BehaviourProfile
  official?: boolean
  os?: 'linux' | 'windows'
}

export function image(spec: ImageSpec): CatalogImage {
  const out: CatalogImage = {
    repository: spec.repository,
    tag: spec.tag,
    aliases: spec.aliases ?? [],
    os: spec.os ?? 'linux',
    architecture: 'amd64',
    created: spec.created,
    sizeBytes: spec.sizeBytes,
    layerCount: spec.layerCount,
    config: spec.config,
    base: spec.base,
    files: spec.files ?? {},
    profile: spec.profile,
    official: spec.official ?? true,
    generic: false,
  }
  if (spec.parent !== undefined) out.parent = spec.parent
  return out
}

/** A port map as the Engine API writes it: `{ "80/tcp": {} }`. */
export function ports(...specs: string[]): Record<string, Record<string, never>> {
  const out: Record<string, Record<string, never>> = {}
  for (const spec of specs) out[spec.includes('/') ? spec : `${spec}/tcp`] = {}
  return out
}

export function volumes(...paths: string[]): Record<string, Record<string, never>> {
  const out: Record<string, Record<string, never>> = {}
  for (const path of paths) out[path] = {}
  return out
}

export const out = (text: string, delayMs?: number): LogLine =>
  delayMs === undefined ? { stream: 'stdout', text } : { stream: 'stdout', text, delayMs }
export const errLine = (text: string, delayMs?: number): LogLine =>
  delayMs === undefined ? { stream: 'stderr', text } : { stream: 'stderr', text, delayMs }

/** Splits a block into lines on one stream; the first line gets the delay. */
export function block(stream: 'stdout' | 'stderr', text: string, delayMs?: number): LogLine[] {
  return text
    .split('\n')
    .map((line, i) =>
      i === 0 && delayMs !== undefined ? { stream, text: line, delayMs } : { stream, text: line },
    )
}

/** Replaces every occurrence of each `from` with its `to` in every string of a JSON-like value. */
export function replaceStrings<T>(value: T, pairs: ReadonlyArray<readonly [string, string]>): T {
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let s = v
      for (const [from, to] of pairs) if (from !== '') s = s.split(from).join(to)
      return s
    }
    if (Array.isArray(v)) return v.map(visit)
    if (v !== null && typeof v === 'object') {
      const o: Record<string, unknown> = {}
      for (const [k, inner] of Object.entries(v)) o[visit(k) as string] = visit(inner)
      return o
    }
    return v
  }
  return visit(value) as T
}

export interface DeriveOptions {
  tag: string
  aliases?: string[]
  /** String replacements applied to config, files and logs (not to repository or tag). */
  replace?: ReadonlyArray<readonly [string, string]>
  created?: string
  sizeBytes?: number
  layerCount?: number
  base?: ImageBase
  parent?: string | null
  files?: Record<string, string>
}

/** A variant of an existing image: same shape, its version strings swapped. */
export function derive(template: CatalogImage, options: DeriveOptions): CatalogImage {
  const pairs = options.replace ?? []
  const derived: CatalogImage = {
    ...template,
    tag: options.tag,
    aliases: options.aliases ?? [],
    created: options.created ?? template.created,
    sizeBytes: options.sizeBytes ?? template.sizeBytes,
    layerCount: options.layerCount ?? template.layerCount,
    base: options.base ?? template.base,
    config: replaceStrings(template.config, pairs),
    files: { ...replaceStrings(template.files, pairs), ...(options.files ?? {}) },
    profile: replaceStrings(template.profile, pairs),
  }
  if (options.parent === null) delete derived.parent
  else if (options.parent !== undefined) derived.parent = options.parent
  // A derived release sits on the matching release of its parent (nginx:1.26.3-perl on 1.26.3).
  else if (template.parent !== undefined) derived.parent = replaceStrings(template.parent, pairs)
  return derived
}

/**
 * Older and newer releases of a rich repository, resolved on demand: `nginx:1.14.2`,
 * `mysql:5.7`, `node:18-alpine`, `postgres:12-alpine`. A tag is `<version>[-<variant>]` or a bare
 * variant (`alpine` = newest line). The derived image copies the variant's template and swaps
 * the template's version for the requested one.
 */
export interface VersionScheme {
  repository: string
  /** [line, newest full version of that line], oldest line first. */
  lines: ReadonlyArray<readonly [string, string]>
  /** Words that name a line: `{ lts: '22', latest: '23' }`; `latest` is used for bare variants. */
  named?: Record<string, string>
  /** Variant word (`''`, `alpine`, `bookworm-slim`) → how to build it. */
  variants: Record<string, VariantTemplate>
  /**
   * Prefixes after which the template's line is swapped too (`PG_MAJOR=` turns 17 into 12).
   */
  lineMarkers?: string[]
  /** Tags may carry a leading `v` (traefik's `v3.3.4`, prometheus' `v3.2.1`). */
  optionalV?: boolean
}

export interface VariantTemplate {
  /** Tag of the rich image this variant is copied from. */
  template: string
  replace?: ReadonlyArray<readonly [string, string]>
  files?: Record<string, string>
  /** Size factor against the template (a -slim of a full image, say). */
  sizeFactor?: number
}

export function osReleaseAlpine(version: string): string {
  const minor = version.split('.').slice(0, 2).join('.')
  return [
    'NAME="Alpine Linux"',
    'ID=alpine',
    `VERSION_ID=${version}`,
    `PRETTY_NAME="Alpine Linux v${minor}"`,
    'HOME_URL="https://alpinelinux.org/"',
    'BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"',
    '',
  ].join('\n')
}

export function osReleaseDebian(major: string, codename: string): string {
  const testing = major === ''
  return [
    testing
      ? `PRETTY_NAME="Debian GNU/Linux ${codename}/sid"`
      : `PRETTY_NAME="Debian GNU/Linux ${major} (${codename})"`,
    'NAME="Debian GNU/Linux"',
    ...(testing ? [] : [`VERSION_ID="${major}"`, `VERSION="${major} (${codename})"`]),
    `VERSION_CODENAME=${codename}`,
    'ID=debian',
    'HOME_URL="https://www.debian.org/"',
    'SUPPORT_URL="https://www.debian.org/support"',
    'BUG_REPORT_URL="https://bugs.debian.org/"',
    '',
  ].join('\n')
}

const UBUNTU_NAMES: Record<string, string> = {
  '18.04': 'Bionic Beaver',
  '20.04': 'Focal Fossa',
  '22.04': 'Jammy Jellyfish',
  '24.04': 'Noble Numbat',
  '24.10': 'Oracular Oriole',
}

/** `point` is the full point release, e.g. 24.04.1; interim releases have none. */
export function osReleaseUbuntu(point: string, codename: string): string {
  const versionId = point.split('.').slice(0, 2).join('.')
  const lts = versionId.endsWith('.04') && Number(versionId.split('.')[0]) % 2 === 0
  const name = UBUNTU_NAMES[versionId] ?? codename
  const version = lts ? `${point} LTS` : point
  return [
    `PRETTY_NAME="Ubuntu ${version}"`,
    'NAME="Ubuntu"',
    `VERSION_ID="${versionId}"`,
    `VERSION="${version} (${name})"`,
    `VERSION_CODENAME=${codename}`,
    'ID=ubuntu',
    'ID_LIKE=debian',
    'HOME_URL="https://www.ubuntu.com/"',
    'SUPPORT_URL="https://help.ubuntu.com/"',
    'BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"',
    'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"',
    `UBUNTU_CODENAME=${codename}`,
    'LOGO=ubuntu-logo',
    '',
  ].join('\n')
}

export function osReleaseOracle(version: string): string {
  const major = version.split('.')[0] ?? version
  return [
    'NAME="Oracle Linux Server"',
    `VERSION="${version}"`,
    'ID="ol"',
    'ID_LIKE="fedora"',
    'VARIANT="Server"',
    'VARIANT_ID="server"',
    `VERSION_ID="${version}"`,
    `PLATFORM_ID="platform:el${major}"`,
    `PRETTY_NAME="Oracle Linux Server ${version}"`,
    'ANSI_COLOR="0;31"',
    `CPE_NAME="cpe:/o:oracle:linux:${major}:${version.split('.')[1] ?? '0'}:server"`,
    'HOME_URL="https://linux.oracle.com/"',
    'BUG_REPORT_URL="https://github.com/oracle/oracle-linux"',
    '',
  ].join('\n')
}

/** The files every image of a base distribution has. */
export const ALPINE_3_21 = { '/etc/os-release': osReleaseAlpine('3.21.3') }
export const ALPINE_3_20 = { '/etc/os-release': osReleaseAlpine('3.20.6') }
export const BOOKWORM = { '/etc/os-release': osReleaseDebian('12', 'bookworm') }
export const NOBLE = { '/etc/os-release': osReleaseUbuntu('24.04.1', 'noble') }
export const JAMMY = { '/etc/os-release': osReleaseUbuntu('22.04.5', 'jammy') }
export const FOCAL = { '/etc/os-release': osReleaseUbuntu('20.04.6', 'focal') }
export const ORACLE_9 = { '/etc/os-release': osReleaseOracle('9.5') }

/** Profile defaults for a server that only logs and listens. */
export function serverProfile(profile: Partial<BehaviourProfile>): BehaviourProfile {
  return {
    startup: [],
    memoryMiB: { idle: 20 },
    cpuPercent: { idle: 0.1 },
    shell: 'sh',
    packageManager: null,
    ...profile,
  }
}
