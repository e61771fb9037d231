import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  imageId,
  isKnownRepository,
  isPlausibleTag,
  layerDigests,
  listRepositories,
  lookupImage,
  manifestDigest,
  repoDigest,
  resolveImage,
  richImages,
  type CatalogImage,
} from '../../../../src/sim/docker/images/catalog'
import { CORPUS_DIR, corpusImages } from './corpus-images'

const must = (ref: string): CatalogImage => {
  const image = lookupImage(ref)
  if (image === undefined) throw new Error(`${ref} did not resolve`)
  return image
}

const env = (image: CatalogImage, name: string): string | undefined =>
  image.config.Env.find((e) => e.startsWith(`${name}=`))?.slice(name.length + 1)

describe('lookups', () => {
  it('resolves every spelling and alias of a tag to one image', () => {
    const nginx = must('nginx')
    for (const ref of [
      'nginx:latest',
      'nginx:1.27',
      'nginx:1',
      'nginx:mainline',
      'nginx:1.27.4-bookworm',
      'docker.io/library/nginx:1.27.4',
      'index.docker.io/library/nginx',
      'library/nginx:latest',
    ]) {
      expect(must(ref), ref).toBe(nginx)
    }
    expect(nginx.tag).toBe('1.27.4')
    expect(must('nginx:alpine')).not.toBe(nginx)
  })

  it('tells an unknown repository from an unknown tag, with the daemon wording', () => {
    expect(resolveImage('ngnix')).toMatchObject({
      kind: 'repository-not-found',
      familiar: 'ngnix:latest',
      message:
        "pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    })
    expect(resolveImage('someone/nonexistent:1.0')).toMatchObject({
      kind: 'repository-not-found',
      message: expect.stringContaining('pull access denied for someone/nonexistent,') as unknown,
    })
    expect(resolveImage('nginx:9.9')).toMatchObject({
      kind: 'tag-not-found',
      message: 'manifest for nginx:9.9 not found: manifest unknown: manifest unknown',
    })
    expect(resolveImage('docker.io/library/redis:0.1').kind).toBe('tag-not-found')
    expect(lookupImage('nginx:9.9')).toBeUndefined()
  })

  it('passes reference errors through with the CLI text', () => {
    expect(resolveImage('Nginx')).toMatchObject({
      kind: 'invalid-reference',
      message: 'invalid reference format: repository name (library/Nginx) must be lowercase',
    })
    expect(resolveImage('bad::ref')).toMatchObject({ message: 'invalid reference format' })
  })

  it('knows scratch, Windows-only images and unreachable registries', () => {
    expect(resolveImage('scratch')).toMatchObject({
      kind: 'reserved-name',
      message: "'scratch' is a reserved name",
    })
    expect(resolveImage('mcr.microsoft.com/windows/servercore:ltsc2022')).toMatchObject({
      kind: 'platform-mismatch',
      message: 'no matching manifest for linux/amd64 in the manifest list entries',
    })
    expect(resolveImage('localhost:5000/app')).toMatchObject({
      kind: 'registry-unreachable',
      local: true,
      message: 'Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused',
    })
    expect(resolveImage('registry.example.com/team/app:1')).toMatchObject({
      kind: 'registry-unreachable',
      local: false,
      message:
        'Get "https://registry.example.com/v2/": dial tcp: lookup registry.example.com: no such host',
    })
  })

  it('pins by digest', () => {
    const redis = must('redis:7.4')
    const pinned = resolveImage(`redis@${manifestDigest(redis)}`)
    expect(pinned.kind === 'found' && pinned.image).toBe(redis)
    expect(resolveImage(`redis:latest@${manifestDigest(redis)}`).kind).toBe('found')
    const wrong = `sha256:${'0'.repeat(64)}`
    expect(resolveImage(`redis@${wrong}`)).toMatchObject({
      kind: 'tag-not-found',
      message: `manifest for redis@${wrong} not found: manifest unknown: manifest unknown`,
    })
  })

  it('names repositories in any reference form', () => {
    expect(isKnownRepository('nginx')).toBe(true)
    expect(isKnownRepository('docker.io/library/postgres:17')).toBe(true)
    expect(isKnownRepository('grafana/grafana')).toBe(true)
    expect(isKnownRepository('bitnami/redis')).toBe(true)
    expect(isKnownRepository('registry.k8s.io/pause')).toBe(true)
    expect(isKnownRepository('ngnix')).toBe(false)
    expect(isKnownRepository('NGINX')).toBe(false)
    expect(listRepositories().length).toBeGreaterThan(350)
  })
})

describe('rich entries', () => {
  it('has every family the sandbox teaches with', () => {
    for (const ref of [
      'hello-world',
      'alpine:3.20',
      'alpine:3.21',
      'busybox',
      'ubuntu:22.04',
      'ubuntu:24.04',
      'debian:bookworm',
      'debian:bookworm-slim',
      'nginx:stable-alpine',
      'httpd:alpine',
      'redis:alpine',
      'postgres:16',
      'postgres:alpine',
      'mysql:8.0',
      'mysql:8.4',
      'mysql',
      'mariadb',
      'mongo',
      'python:3.12',
      'python:3.13-slim',
      'python:alpine',
      'node:20',
      'node:22-alpine',
      'node:22-slim',
      'golang',
      'golang:alpine',
      'eclipse-temurin:17',
      'eclipse-temurin:21',
      'php:fpm',
      'php:apache',
      'wordpress',
      'adminer',
      'phpmyadmin',
      'traefik',
      'rabbitmq:management',
      'memcached',
      'grafana/grafana',
      'prom/prometheus',
    ]) {
      const image = must(ref)
      expect(image.generic, ref).toBe(false)
    }
  })

  it('keeps tags unique and configs well-formed', () => {
    for (const image of richImages()) {
      const name = `${image.repository}:${image.tag}`
      expect(
        image.config.Env.some((e) => e.startsWith('PATH=')),
        name,
      ).toBe(true)
      expect(Number.isNaN(Date.parse(image.created)), name).toBe(false)
      expect(image.sizeBytes, name).toBeGreaterThan(0)
      expect(image.layerCount, name).toBeGreaterThan(0)
      if (image.parent !== undefined) expect(lookupImage(image.parent), name).toBeDefined()
      for (const port of Object.keys(image.config.ExposedPorts ?? {})) {
        expect(port, name).toMatch(/^\d+\/(tcp|udp)$/)
      }
    }
  })

  it('serves the exact nginx and httpd default pages', () => {
    const nginx = must('nginx')
    const page = nginx.files['/usr/share/nginx/html/index.html'] ?? ''
    expect(page).toContain('<h1>Welcome to nginx!</h1>')
    expect(new TextEncoder().encode(page).length).toBe(615)
    const http = nginx.profile.services?.[0]?.http
    expect(http?.body).toBe(page)
    expect(http?.headers['Content-Length']).toBe('615')
    expect(http?.headers.ETag).toBe('"67a34638-267"')
    const httpd = must('httpd')
    expect(httpd.profile.services?.[0]?.http?.body).toBe(
      '<html><body><h1>It works!</h1></body></html>\n',
    )
    expect(httpd.files['/usr/local/apache2/htdocs/index.html']).toHaveLength(45)
  })

  it('writes the nginx entrypoint lines, then the notices on stderr', () => {
    const startup = must('nginx').profile.startup
    expect(startup[0]).toEqual({
      stream: 'stdout',
      text: '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    })
    expect(startup.find((l) => l.text.includes('nginx/1.27.4'))).toEqual({
      stream: 'stderr',
      text: '{{now:nginx}} [notice] 1#1: nginx/1.27.4',
    })
    expect(startup.at(-1)?.repeat).toBe('perCpu')
  })

  it('makes hello-world print its greeting and exit 0', () => {
    const hello = must('hello-world')
    const text = hello.profile.startup.map((l) => l.text).join('\n')
    expect(text).toContain('Hello from Docker!\nThis message shows that your installation')
    expect(text).toContain(' $ docker run -it ubuntu bash')
    expect(hello.profile.exit).toEqual({ afterMs: 0, code: 0 })
  })

  it('lets shells exit at once unless -i or -t keeps them', () => {
    for (const ref of ['alpine', 'busybox', 'ubuntu', 'debian', 'python', 'node']) {
      expect(must(ref).profile.exit, ref).toMatchObject({ code: 0, unlessInteractive: true })
    }
    expect(must('nginx').profile.exit).toBeUndefined()
  })

  it('makes the databases insist on a password, with their real error text', () => {
    const postgres = must('postgres').profile.requires?.[0]
    expect(postgres?.anyOfEnv).toContain('POSTGRES_HOST_AUTH_METHOD=trust')
    expect(postgres?.failure.code).toBe(1)
    expect(postgres?.failure.logs[0]).toEqual({
      stream: 'stderr',
      text: 'Error: Database is uninitialized and superuser password is not specified.',
    })
    const mysql = must('mysql:8.4').profile.requires?.[0]
    expect(mysql?.anyOfEnv).toEqual(
      expect.arrayContaining([
        'MYSQL_ROOT_PASSWORD',
        'MYSQL_ALLOW_EMPTY_PASSWORD',
        'MYSQL_RANDOM_ROOT_PASSWORD',
      ]),
    )
    expect(mysql?.failure.logs.map((l) => l.text).slice(-4)).toEqual([
      '    You need to specify one of the following as an environment variable:',
      '    - MYSQL_ROOT_PASSWORD',
      '    - MYSQL_ALLOW_EMPTY_PASSWORD',
      '    - MYSQL_RANDOM_ROOT_PASSWORD',
    ])
    expect(must('mariadb').profile.requires?.[0]?.anyOfEnv).toContain('MYSQL_ROOT_PASSWORD')
    expect(must('redis').profile.requires).toBeUndefined()
  })

  it('gives redis a PING-able service', () => {
    expect(must('redis').profile.services).toEqual([{ port: 6379, protocol: 'tcp', kind: 'redis' }])
  })
})

describe('older and newer releases of rich repositories', () => {
  it('derives a release, swapping its version strings', () => {
    const old = must('nginx:1.14.2')
    expect(env(old, 'NGINX_VERSION')).toBe('1.14.2')
    expect(old.profile.startup.some((l) => l.text.endsWith('nginx/1.14.2'))).toBe(true)
    expect(must('nginx:1.14')).toBe(old)
    expect(lookupImage('nginx:1.14.3')).toBeUndefined()
    expect(lookupImage('nginx:1.28')).toBeUndefined()
  })

  it('follows a line marker and a variant', () => {
    const pg = must('postgres:12-alpine')
    expect(pg.tag).toBe('12.22-alpine')
    expect(env(pg, 'PG_MAJOR')).toBe('12')
    expect(pg.base).toBe('alpine')
    const mysql = must('mysql:5.7')
    expect(env(mysql, 'MYSQL_MAJOR')).toBe('5.7')
    expect(env(mysql, 'MYSQL_VERSION')).toBe('5.7.44-1.el9')
    expect(must('node:lts-buster-slim').tag).toBe('22.14.0-buster-slim')
    expect(must('mariadb:10.6.4-focal').tag).toBe('10.6.4-focal')
    expect(must('traefik:2.6').tag).toBe('v2.6.6')
  })

  it('puts a derived release on the matching parent release', () => {
    const perl = must('nginx:stable-perl')
    expect(perl.parent).toBe('nginx:1.26.3')
    expect(layerDigests(perl).slice(0, 7)).toEqual(layerDigests(must('nginx:stable')))
  })
})

describe('generic repositories', () => {
  it('serve plausible tags and refuse odd ones', () => {
    for (const tag of ['latest', '1.0', 'v2.40', '3.5.1-0', 'python3.9-slim', 'lts-alpine']) {
      expect(isPlausibleTag(tag), tag).toBe(true)
    }
    expect(isPlausibleTag('RELEASE.2025-02-28T09-55-16Z')).toBe(true)
    expect(isPlausibleTag('profile')).toBe(false)
    expect(lookupImage('jenkins/jenkins:profile')).toBeUndefined()
  })

  it('build a stable image from the name', () => {
    const jenkins = must('jenkins/jenkins:lts')
    expect(jenkins.generic).toBe(true)
    expect(jenkins.config.ExposedPorts).toEqual({ '8080/tcp': {}, '50000/tcp': {} })
    expect(jenkins.config.User).toBe('jenkins')
    expect(jenkins.profile.startup).toHaveLength(1)
    expect(must('jenkins/jenkins:lts')).toBe(jenkins)
    expect(imageId(must('jenkins/jenkins:latest'))).not.toBe(imageId(jenkins))
  })
})

describe('identity', () => {
  it('derives ids, digests and layers deterministically', () => {
    const hello = must('hello-world')
    expect(imageId(hello)).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(imageId(hello)).toBe(imageId(must('hello-world:linux')))
    expect(repoDigest(hello)).toMatch(/^hello-world@sha256:[0-9a-f]{64}$/)
    expect(layerDigests(hello)).toHaveLength(1)
    expect(layerDigests(hello)[0]?.shortId).toMatch(/^[0-9a-f]{12}$/)
    // Pinned, so a change to the canonical form is a deliberate one.
    expect(imageId(hello)).toMatchInlineSnapshot(
      `"sha256:f519178ff9a34d8ca038a64469798015c60024f8454d3c22149e4244526c46e2"`,
    )
    expect(manifestDigest(must('nginx:1.27.4'))).toMatchInlineSnapshot(
      `"sha256:14b7f473713c5317955753cb594e4656f0f2dee36a827cfa5e95f1fcd53f0334"`,
    )
  })

  it('gives every rich image its own id', () => {
    const ids = new Set(richImages().map(imageId))
    expect(ids.size).toBe(richImages().length)
  })

  it('shares the base layer with the parent and sums layer sizes to the image size', () => {
    const nginx = must('nginx')
    const slim = must('debian:bookworm-slim')
    expect(layerDigests(nginx)[0]).toEqual(layerDigests(slim)[0])
    for (const image of richImages()) {
      const layers = layerDigests(image)
      expect(layers, image.tag).toHaveLength(image.layerCount)
      expect(
        layers.reduce((s, l) => s + l.sizeBytes, 0),
        `${image.repository}:${image.tag}`,
      ).toBe(image.sizeBytes)
    }
  })
})

describe.skipIf(!existsSync(CORPUS_DIR))('the shared corpus', () => {
  it('resolves every image it names', () => {
    const { images, skipped } = corpusImages()
    expect(images.length).toBeGreaterThan(200)
    for (const s of skipped) expect(s.reason).toMatch(/built locally|placeholder|interpolated/)
    for (const { ref, file } of images) {
      const resolved = resolveImage(ref)
      // Windows-only base images are known; a Linux daemon reports the platform mismatch.
      expect(['found', 'platform-mismatch'], `${ref} (${file})`).toContain(resolved.kind)
    }
  })
})

if (!existsSync(CORPUS_DIR)) {
  console.log(`corpus test skipped: ${CORPUS_DIR} is absent`)
}
