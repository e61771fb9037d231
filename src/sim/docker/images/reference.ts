/**
 * Image references, parsed and normalised the way the docker CLI does it (it vendors
 * github.com/distribution/reference v0.6: `Parse`, `ParseNormalizedNamed`, `ParseDockerRef`,
 * `ParseAnyReference`, `FamiliarName`, `FamiliarString`). Digests are checked the way
 * github.com/opencontainers/go-digest `Digest.Validate` checks them.
 *
 * Which commands parse client-side (checked against docker 28.2 with no daemon):
 * `pull`, `push`, `create` and `run` print these messages before talking to the daemon; `tag`
 * wraps them as `Error parsing reference: "X" is not a valid repository/tag: <message>`;
 * `create`/`run` accept a bare 64-hex image id (ParseAnyReference), `pull`/`push`/`tag` refuse it.
 * `rmi`, `image inspect`, `history` and `save` send the string to the daemon unparsed.
 */
import { QuaiError, err, ok, type Result } from '../../core/errors'

export type ReferenceErrorCode =
  | 'reference.invalid-format'
  | 'reference.uppercase-repository'
  | 'reference.name-contains-uppercase'
  | 'reference.name-empty'
  | 'reference.name-too-long'
  | 'reference.hex-identifier'
  | 'reference.tag-invalid-format'
  | 'reference.not-canonical'
  | 'digest.invalid-format'
  | 'digest.invalid-length'
  | 'digest.unsupported'

export interface ReferenceErrorData {
  input: string
  /** The offending repository path, for the lowercase error. */
  repository?: string
}

export type ReferenceError = QuaiError<ReferenceErrorCode, ReferenceErrorData>

/** A repository name with an optional tag and digest; `domain` is '' only for un-normalised input. */
export interface NamedReference {
  readonly kind: 'named'
  readonly domain: string
  readonly path: string
  readonly tag?: string
  readonly digest?: string
}

/** A bare digest (`sha256:…`) or image id, as ParseAnyReference returns it. */
export interface DigestReference {
  readonly kind: 'digest'
  readonly digest: string
}

export type AnyReference = NamedReference | DigestReference

export const DEFAULT_DOMAIN = 'docker.io'
export const LEGACY_DEFAULT_DOMAIN = 'index.docker.io'
export const OFFICIAL_REPO_PREFIX = 'library/'
export const DEFAULT_TAG = 'latest'
/** RepositoryNameTotalLengthMax: applies to the path, not the domain. */
export const REPOSITORY_NAME_MAX_LENGTH = 255

export const MESSAGES = {
  invalidFormat: 'invalid reference format',
  tagInvalidFormat: 'invalid tag format',
  nameContainsUppercase: 'repository name must be lowercase',
  nameEmpty: 'repository name must have at least one component',
  nameTooLong: `repository name must not be more than ${REPOSITORY_NAME_MAX_LENGTH} characters`,
  notCanonical: 'repository name must be canonical',
  digestInvalidFormat: 'invalid checksum digest format',
  digestInvalidLength: 'invalid checksum digest length',
  digestUnsupported: 'unsupported digest algorithm',
  uppercaseRepository: (remote: string) =>
    `invalid reference format: repository name (${remote}) must be lowercase`,
  hexIdentifier: (s: string) =>
    `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`,
} as const

// The grammar, spelled as distribution/reference spells it (regexp.go).
const alphanumeric = '[a-z0-9]+'
const separator = '(?:[._]|__|[-]+)'
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`
const remoteName = `${pathComponent}(?:/${pathComponent})*`
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]'
const host = `(?:${domainName}|${ipv6address})`
const domainAndPort = `${host}(?::[0-9]+)?`
const tagPattern = '[\\w][\\w.-]{0,127}'
const digestPattern = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}'
const namePattern = `(?:${domainAndPort}/)?${remoteName}`

const referenceRegexp = new RegExp(
  `^(${namePattern})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`,
)
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`)
const anchoredTagRegexp = new RegExp(`^${tagPattern}$`)
const anchoredIdentifierRegexp = /^[a-f0-9]{64}$/
// go-digest's DigestRegexp, used to tell "unsupported" from "malformed".
const goDigestRegexp = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/
// Algorithms the docker CLI binary has registered, with their hex lengths.
const digestHexLength: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 }

function referenceError(
  code: ReferenceErrorCode,
  message: string,
  data: ReferenceErrorData,
): ReferenceError {
  return new QuaiError(code, message, data)
}

/** go-digest `Digest.Validate`: undefined when valid. */
export function validateDigest(digest: string): ReferenceError | undefined {
  const data = { input: digest }
  const i = digest.indexOf(':')
  if (i <= 0 || i + 1 === digest.length) {
    return referenceError('digest.invalid-format', MESSAGES.digestInvalidFormat, data)
  }
  const algorithm = digest.slice(0, i)
  const encoded = digest.slice(i + 1)
  const length = digestHexLength[algorithm]
  if (length === undefined) {
    return goDigestRegexp.test(digest)
      ? referenceError('digest.unsupported', MESSAGES.digestUnsupported, data)
      : referenceError('digest.invalid-format', MESSAGES.digestInvalidFormat, data)
  }
  if (encoded.length !== length) {
    return referenceError('digest.invalid-length', MESSAGES.digestInvalidLength, data)
  }
  if (!/^[a-f0-9]+$/.test(encoded)) {
    return referenceError('digest.invalid-format', MESSAGES.digestInvalidFormat, data)
  }
  return undefined
}

/**
 * `reference.Parse`: syntax only, no normalisation. As in Go, the first path component is taken
 * as the domain whenever it could be a host (`library/nginx` → domain `library`).
 */
export function parseReference(s: string): Result<AnyReference, ReferenceError> {
  const data = { input: s }
  if (s === '') return err(referenceError('reference.name-empty', MESSAGES.nameEmpty, data))
  const matches = referenceRegexp.exec(s)
  if (matches === null) {
    const lower = s.toLowerCase()
    if (lower !== s && referenceRegexp.test(lower)) {
      return err(
        referenceError('reference.name-contains-uppercase', MESSAGES.nameContainsUppercase, data),
      )
    }
    return err(referenceError('reference.invalid-format', MESSAGES.invalidFormat, data))
  }
  const name = matches[1] ?? ''
  const tag = matches[2]
  const digest = matches[3]
  const nameMatch = anchoredNameRegexp.exec(name)
  const domain = nameMatch?.[1] ?? ''
  const path = nameMatch?.[2] ?? name
  if (path.length > REPOSITORY_NAME_MAX_LENGTH) {
    return err(referenceError('reference.name-too-long', MESSAGES.nameTooLong, data))
  }
  if (digest !== undefined) {
    const invalid = validateDigest(digest)
    if (invalid !== undefined) return err(invalid)
  }
  if (name === '') {
    if (digest !== undefined) return ok({ kind: 'digest', digest })
    return err(referenceError('reference.name-empty', MESSAGES.nameEmpty, data))
  }
  return ok(named(domain, path, tag, digest))
}

function named(domain: string, path: string, tag?: string, digest?: string): NamedReference {
  const ref: { kind: 'named'; domain: string; path: string; tag?: string; digest?: string } = {
    kind: 'named',
    domain,
    path,
  }
  if (tag !== undefined && tag !== '') ref.tag = tag
  if (digest !== undefined && digest !== '') ref.digest = digest
  return ref
}

/** `splitDockerDomain`: where the registry ends and the repository path starts. */
export function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/')
  if (slash === -1) return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_REPO_PREFIX + name }
  const maybeDomain = name.slice(0, slash)
  const maybeRemainder = name.slice(slash + 1)
  let domain: string
  let remainder: string
  if (maybeDomain === 'localhost') {
    domain = maybeDomain
    remainder = maybeRemainder
  } else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) {
    domain = DEFAULT_DOMAIN
    remainder = maybeRemainder
  } else if (/[.:]/.test(maybeDomain) || maybeDomain.toLowerCase() !== maybeDomain) {
    domain = maybeDomain
    remainder = maybeRemainder
  } else {
    domain = DEFAULT_DOMAIN
    remainder = name
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) {
    remainder = OFFICIAL_REPO_PREFIX + remainder
  }
  return { domain, remainder }
}

/** `ParseNormalizedNamed`: `nginx` → docker.io/library/nginx (no tag is added). */
export function parseNormalizedNamed(s: string): Result<NamedReference, ReferenceError> {
  if (anchoredIdentifierRegexp.test(s)) {
    return err(referenceError('reference.hex-identifier', MESSAGES.hexIdentifier(s), { input: s }))
  }
  const { domain, remainder } = splitDockerDomain(s)
  const tagSep = remainder.indexOf(':')
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder
  if (remote.toLowerCase() !== remote) {
    return err(
      referenceError('reference.uppercase-repository', MESSAGES.uppercaseRepository(remote), {
        input: s,
        repository: remote,
      }),
    )
  }
  const parsed = parseReference(`${domain}/${remainder}`)
  if (!parsed.ok) {
    return err(referenceError(parsed.error.code, parsed.error.message, { input: s }))
  }
  // A domain was always written here, so the result always has a name.
  const ref = parsed.value
  if (ref.kind !== 'named') {
    return err(referenceError('reference.invalid-format', MESSAGES.invalidFormat, { input: s }))
  }
  return ok(ref)
}

/**
 * `ParseDockerRef`: normalised, with `:latest` added to a bare name and the tag dropped when a
 * digest is also given (`busybox:latest@sha256:…` → `docker.io/library/busybox@sha256:…`).
 */
export function parseDockerRef(s: string): Result<NamedReference, ReferenceError> {
  const parsed = parseNormalizedNamed(s)
  if (!parsed.ok) return parsed
  const ref = parsed.value
  if (ref.digest !== undefined) return ok(named(ref.domain, ref.path, undefined, ref.digest))
  return ok(tagNameOnly(ref))
}

/** `ParseAnyReference`: a 64-hex id or a full digest, else a familiar name. */
export function parseAnyReference(s: string): Result<AnyReference, ReferenceError> {
  if (anchoredIdentifierRegexp.test(s)) return ok({ kind: 'digest', digest: `sha256:${s}` })
  if (validateDigest(s) === undefined) return ok({ kind: 'digest', digest: s })
  return parseNormalizedNamed(s)
}

/** `reference.ParseNamed`: only accepts the canonical spelling (`docker.io/library/nginx`). */
export function parseNamed(s: string): Result<NamedReference, ReferenceError> {
  const parsed = parseNormalizedNamed(s)
  if (!parsed.ok) return parsed
  if (referenceString(parsed.value) !== s) {
    return err(referenceError('reference.not-canonical', MESSAGES.notCanonical, { input: s }))
  }
  return parsed
}

export function isNameOnly(ref: NamedReference): boolean {
  return ref.tag === undefined && ref.digest === undefined
}

/** `TagNameOnly`: adds `:latest` when neither a tag nor a digest is present. */
export function tagNameOnly(ref: NamedReference): NamedReference {
  return isNameOnly(ref) ? named(ref.domain, ref.path, DEFAULT_TAG) : ref
}

/** `WithTag`: replaces the tag, keeping any digest. */
export function withTag(ref: NamedReference, tag: string): Result<NamedReference, ReferenceError> {
  if (!anchoredTagRegexp.test(tag)) {
    return err(
      referenceError('reference.tag-invalid-format', MESSAGES.tagInvalidFormat, { input: tag }),
    )
  }
  return ok(named(ref.domain, ref.path, tag, ref.digest))
}

/** `TrimNamed`: the repository alone. */
export function trimNamed(ref: NamedReference): NamedReference {
  return named(ref.domain, ref.path)
}

/** `Name()`: `docker.io/library/nginx`. */
export function repositoryName(ref: NamedReference): string {
  return ref.domain === '' ? ref.path : `${ref.domain}/${ref.path}`
}

/** `String()`: `docker.io/library/nginx:latest@sha256:…`. */
export function referenceString(ref: AnyReference): string {
  if (ref.kind === 'digest') return ref.digest
  return withSuffixes(repositoryName(ref), ref)
}

/** `FamiliarName`: `nginx`, `bitnami/redis`, `localhost:5000/app`, `ghcr.io/org/app`. */
export function familiarName(ref: NamedReference): string {
  if (ref.domain !== DEFAULT_DOMAIN) return repositoryName(ref)
  if (ref.path.startsWith(OFFICIAL_REPO_PREFIX)) {
    const remainder = ref.path.slice(OFFICIAL_REPO_PREFIX.length)
    if (!remainder.includes('/')) return remainder
  }
  return ref.path
}

/** `FamiliarString`: the familiar name with its tag and digest, as `docker images` shows it. */
export function familiarString(ref: AnyReference): string {
  if (ref.kind === 'digest') return ref.digest
  return withSuffixes(familiarName(ref), ref)
}

function withSuffixes(name: string, ref: NamedReference): string {
  let out = name
  if (ref.tag !== undefined) out += `:${ref.tag}`
  if (ref.digest !== undefined) out += `@${ref.digest}`
  return out
}

/** True for a 64-hex string, which `docker create`/`run` take as an image id. */
export function isImageIdentifier(s: string): boolean {
  return anchoredIdentifierRegexp.test(s)
}
