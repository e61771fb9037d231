import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  familiarName,
  familiarString,
  parseAnyReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  parseReference,
  referenceString,
  repositoryName,
  validateDigest,
  withTag,
} from '../../../../src/sim/docker/images/reference'

const HEX64 = '0123456789abcdef'.repeat(4)
const HEX32 = '0123456789abcdef'.repeat(2)

/** Accepted by `docker pull` (docker 28.2.2): input → canonical form and familiar form. */
const VALID: Array<[string, string, string]> = [
  ['nginx', 'docker.io/library/nginx', 'nginx'],
  ['nginx:1.27', 'docker.io/library/nginx:1.27', 'nginx:1.27'],
  ['library/nginx', 'docker.io/library/nginx', 'nginx'],
  ['docker.io/nginx:1.2', 'docker.io/library/nginx:1.2', 'nginx:1.2'],
  ['index.docker.io/nginx', 'docker.io/library/nginx', 'nginx'],
  ['docker.io/library/nginx:latest', 'docker.io/library/nginx:latest', 'nginx:latest'],
  ['bitnami/redis:7.4', 'docker.io/bitnami/redis:7.4', 'bitnami/redis:7.4'],
  ['localhost/foo', 'localhost/foo', 'localhost/foo'],
  ['localhost:5000/x', 'localhost:5000/x', 'localhost:5000/x'],
  ['localhost:5000/team/app:v1', 'localhost:5000/team/app:v1', 'localhost:5000/team/app:v1'],
  ['[::1]:5000/foo', '[::1]:5000/foo', '[::1]:5000/foo'],
  ['ghcr.io/org/app', 'ghcr.io/org/app', 'ghcr.io/org/app'],
  ['registry.k8s.io/pause:3.8', 'registry.k8s.io/pause:3.8', 'registry.k8s.io/pause:3.8'],
  ['a.b/c.d:e', 'a.b/c.d:e', 'a.b/c.d:e'],
  ['foo:5000', 'docker.io/library/foo:5000', 'foo:5000'],
  ['UPPER/x', 'UPPER/x', 'UPPER/x'],
  ['LOCALHOST/foo', 'LOCALHOST/foo', 'LOCALHOST/foo'],
  ['sha256:abc', 'docker.io/library/sha256:abc', 'sha256:abc'],
  ['a__b', 'docker.io/library/a__b', 'a__b'],
  ['a--b', 'docker.io/library/a--b', 'a--b'],
  ['a.b-c_d', 'docker.io/library/a.b-c_d', 'a.b-c_d'],
  [`nginx@sha256:${HEX64}`, `docker.io/library/nginx@sha256:${HEX64}`, `nginx@sha256:${HEX64}`],
  [
    `nginx:latest@sha256:${HEX64}`,
    `docker.io/library/nginx:latest@sha256:${HEX64}`,
    `nginx:latest@sha256:${HEX64}`,
  ],
  ['a'.repeat(247), `docker.io/library/${'a'.repeat(247)}`, 'a'.repeat(247)],
  [
    `nginx:${'t'.repeat(128)}`,
    `docker.io/library/nginx:${'t'.repeat(128)}`,
    `nginx:${'t'.repeat(128)}`,
  ],
]

/** Refused by `docker pull`, with the exact text it prints (docker 28.2.2, no daemon needed). */
const INVALID: Array<[string, string]> = [
  ['NGINX', 'invalid reference format: repository name (library/NGINX) must be lowercase'],
  ['Nginx:latest', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
  ['localhost:5000/Foo', 'invalid reference format: repository name (Foo) must be lowercase'],
  ['a/B', 'invalid reference format: repository name (a/B) must be lowercase'],
  [
    'docker.io/Library/nginx',
    'invalid reference format: repository name (Library/nginx) must be lowercase',
  ],
  [
    `nginx@SHA256:${HEX64}`,
    'invalid reference format: repository name (library/nginx@SHA256) must be lowercase',
  ],
  ['bad::ref', 'invalid reference format'],
  ['nginx:', 'invalid reference format'],
  ['', 'invalid reference format'],
  ['nginx:-x', 'invalid reference format'],
  ['nginx@sha256:abc', 'invalid reference format'],
  ['a___b', 'invalid reference format'],
  ['a-.b', 'invalid reference format'],
  ['foo.com:/x', 'invalid reference format'],
  ['foo:5000/bar/', 'invalid reference format'],
  ['foo//bar', 'invalid reference format'],
  [`nginx:${'t'.repeat(129)}`, 'invalid reference format'],
  [`nginx@sha256:${HEX32}`, 'invalid checksum digest length'],
  [`nginx@sha256:${HEX64}0`, 'invalid checksum digest length'],
  [`nginx@sha512:${HEX32}`, 'invalid checksum digest length'],
  [`nginx@md5:${HEX32}`, 'unsupported digest algorithm'],
  [`nginx@sha256:${HEX32.toUpperCase()}${HEX32}`, 'invalid checksum digest format'],
  ['a'.repeat(248), 'repository name must not be more than 255 characters'],
  [`docker.io/${'a'.repeat(250)}`, 'repository name must not be more than 255 characters'],
  [HEX64, `invalid repository name (${HEX64}), cannot specify 64-byte hexadecimal strings`],
]

describe('parseNormalizedNamed (ParseNormalizedNamed)', () => {
  it.each(VALID)('accepts %s', (input, canonical, familiar) => {
    const parsed = parseNormalizedNamed(input)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(referenceString(parsed.value)).toBe(canonical)
    expect(familiarString(parsed.value)).toBe(familiar)
  })

  it.each(INVALID)('refuses %s', (input, message) => {
    const parsed = parseNormalizedNamed(input)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.error.message).toBe(message)
    expect(parsed.error.toJSON().data).toMatchObject({ input })
  })

  it('splits domain, path, tag and digest', () => {
    const parsed = parseNormalizedNamed(`localhost:5000/team/app:v1@sha256:${HEX64}`)
    expect(parsed).toEqual({
      ok: true,
      value: {
        kind: 'named',
        domain: 'localhost:5000',
        path: 'team/app',
        tag: 'v1',
        digest: `sha256:${HEX64}`,
      },
    })
  })

  it('types the lowercase error with the offending repository', () => {
    const parsed = parseNormalizedNamed('NGINX:1.2')
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.error.code).toBe('reference.uppercase-repository')
    expect(parsed.error.data).toEqual({ input: 'NGINX:1.2', repository: 'library/NGINX' })
  })
})

describe('familiar forms', () => {
  const familiar = (s: string): string => {
    const parsed = parseNormalizedNamed(s)
    if (!parsed.ok) throw parsed.error
    return familiarName(parsed.value)
  }

  it('drops docker.io and library/ only where docker does', () => {
    expect(familiar('docker.io/library/ubuntu')).toBe('ubuntu')
    expect(familiar('docker.io/dmcgowan/myapp')).toBe('dmcgowan/myapp')
    expect(familiar('docker.io/library/distros/ubuntu')).toBe('library/distros/ubuntu')
    expect(familiar('quay.io/library/ubuntu')).toBe('quay.io/library/ubuntu')
    expect(familiar('localhost:5000/library/x')).toBe('localhost:5000/library/x')
  })

  it('names the repository in full', () => {
    const parsed = parseNormalizedNamed('redis:7')
    if (!parsed.ok) throw parsed.error
    expect(repositoryName(parsed.value)).toBe('docker.io/library/redis')
  })
})

describe('parseDockerRef (ParseDockerRef)', () => {
  it('adds :latest to a bare name', () => {
    const parsed = parseDockerRef('nginx')
    expect(parsed.ok && referenceString(parsed.value)).toBe('docker.io/library/nginx:latest')
  })

  it('keeps a tag', () => {
    const parsed = parseDockerRef('nginx:alpine')
    expect(parsed.ok && familiarString(parsed.value)).toBe('nginx:alpine')
  })

  it('drops the tag when a digest is given', () => {
    const parsed = parseDockerRef(`busybox:latest@sha256:${HEX64}`)
    expect(parsed.ok && referenceString(parsed.value)).toBe(
      `docker.io/library/busybox@sha256:${HEX64}`,
    )
  })
})

describe('parseAnyReference (ParseAnyReference)', () => {
  it('takes a 64-hex string as an image id', () => {
    expect(parseAnyReference(HEX64)).toEqual({
      ok: true,
      value: { kind: 'digest', digest: `sha256:${HEX64}` },
    })
  })

  it('takes a full digest as a digest', () => {
    expect(parseAnyReference(`sha256:${HEX64}`)).toEqual({
      ok: true,
      value: { kind: 'digest', digest: `sha256:${HEX64}` },
    })
  })

  it('falls back to a familiar name', () => {
    const parsed = parseAnyReference('sha256:abc')
    expect(parsed.ok && referenceString(parsed.value)).toBe('docker.io/library/sha256:abc')
  })
})

describe('parseReference (Parse), without normalisation', () => {
  it('splits the first component off as a domain exactly as Go does', () => {
    expect(parseReference('nginx:1')).toEqual({
      ok: true,
      value: { kind: 'named', domain: '', path: 'nginx', tag: '1' },
    })
    // Leftmost-first matching takes `library` as a host here; only ParseNormalizedNamed
    // applies Docker's "has a dot, a colon or is localhost" rule.
    expect(parseReference('library/nginx:1')).toEqual({
      ok: true,
      value: { kind: 'named', domain: 'library', path: 'nginx', tag: '1' },
    })
  })

  it('reports uppercase and empty names with the bare messages', () => {
    const upper = parseReference('Nginx')
    expect(!upper.ok && upper.error.message).toBe('repository name must be lowercase')
    const empty = parseReference('')
    expect(!empty.ok && empty.error.message).toBe(
      'repository name must have at least one component',
    )
  })

  it('accepts a digest with no name', () => {
    expect(parseReference(`@sha256:${HEX64}`).ok).toBe(false)
    expect(parseReference(`sha256:${HEX64}`).ok).toBe(true)
  })
})

describe('parseNamed, withTag, validateDigest', () => {
  it('only accepts the canonical spelling', () => {
    expect(parseNamed('docker.io/library/nginx').ok).toBe(true)
    const familiar = parseNamed('nginx')
    expect(!familiar.ok && familiar.error.message).toBe('repository name must be canonical')
  })

  it('checks tags', () => {
    const parsed = parseNormalizedNamed('nginx')
    if (!parsed.ok) throw parsed.error
    const tagged = withTag(parsed.value, '1.27-alpine')
    expect(tagged.ok && familiarString(tagged.value)).toBe('nginx:1.27-alpine')
    const bad = withTag(parsed.value, '.bad')
    expect(!bad.ok && bad.error.message).toBe('invalid tag format')
  })

  it('validates digests as go-digest does', () => {
    expect(validateDigest(`sha256:${HEX64}`)).toBeUndefined()
    expect(validateDigest('sha256')?.message).toBe('invalid checksum digest format')
    expect(validateDigest(`sha384:${HEX64}`)?.message).toBe('invalid checksum digest length')
    expect(validateDigest(`blake3:${HEX64}`)?.message).toBe('unsupported digest algorithm')
  })
})

/**
 * Cross-check against the real docker CLI when it is installed: `docker pull` parses the
 * reference before dialling the daemon, and DOCKER_HOST points at a socket that does not exist,
 * so nothing is ever pulled.
 */
const DOCKER = '/usr/local/bin/docker'
describe.skipIf(!existsSync(DOCKER))('against the docker CLI (client-side parsing)', () => {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    DOCKER_HOST: 'unix:///nonexistent/quai-oracle.sock',
    DOCKER_CONFIG: mkdtempSync(join(tmpdir(), 'quai-docker-config-')),
  }
  const pull = (ref: string): string =>
    spawnSync(DOCKER, ['pull', '--quiet', ref], {
      env,
      encoding: 'utf8',
      timeout: 10_000,
    }).stderr.trim()

  it('prints the same error for every refused reference', () => {
    for (const [input, message] of INVALID) expect(pull(input), input).toBe(message)
  })

  it('gets past parsing for every accepted reference', () => {
    for (const [input] of VALID)
      expect(pull(input), input).toMatch(/^Cannot connect to the Docker daemon/)
  })
})
