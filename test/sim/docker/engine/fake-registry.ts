import type { CatalogImage } from '../../../../src/sim/docker/images/catalog-types'
import { familiarName, type NamedReference } from '../../../../src/sim/docker/images/reference'
import type { ImageRegistry, RegistryAnswer } from '../../../../src/sim/docker/engine/registry'

const nginx: CatalogImage = {
  repository: 'nginx',
  tag: 'latest',
  aliases: ['1.27'],
  os: 'linux',
  architecture: 'amd64',
  created: '2025-10-01T00:00:00Z',
  sizeBytes: 192_000_000,
  layerCount: 3,
  base: 'debian',
  official: true,
  generic: false,
  files: { '/usr/share/nginx/html/index.html': '<h1>Welcome to nginx!</h1>\n' },
  config: {
    Cmd: ['nginx', '-g', 'daemon off;'],
    Entrypoint: ['/docker-entrypoint.sh'],
    Env: [
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'NGINX_VERSION=1.27.3',
    ],
    ExposedPorts: { '80/tcp': {} },
    WorkingDir: '',
    User: '',
    StopSignal: 'SIGQUIT',
  },
  profile: {
    startup: [
      { stream: 'stdout', text: 'nginx: ready' },
      { stream: 'stderr', text: 'notice: started', delayMs: 100 },
    ],
    memoryMiB: { idle: 12 },
    cpuPercent: { idle: 0 },
  },
}

const hello: CatalogImage = {
  ...nginx,
  repository: 'hello-world',
  aliases: [],
  files: {},
  sizeBytes: 10_000,
  layerCount: 1,
  config: { Cmd: ['/hello'], Env: ['PATH=/usr/bin'], WorkingDir: '', User: '' },
  profile: {
    startup: [{ stream: 'stdout', text: 'Hello from Docker!' }],
    exit: { afterMs: 10, code: 0 },
    memoryMiB: { idle: 1 },
    cpuPercent: { idle: 0 },
  },
}

const postgres: CatalogImage = {
  ...nginx,
  repository: 'postgres',
  aliases: [],
  config: {
    Cmd: ['postgres'],
    Env: ['PATH=/usr/bin'],
    WorkingDir: '',
    User: '',
    ExposedPorts: { '5432/tcp': {} },
    Volumes: { '/var/lib/postgresql/data': {} },
  },
  profile: {
    startup: [{ stream: 'stdout', text: 'database system is ready to accept connections' }],
    requires: [
      {
        anyOfEnv: ['POSTGRES_PASSWORD', 'POSTGRES_HOST_AUTH_METHOD=trust'],
        failure: {
          code: 1,
          logs: [
            {
              stream: 'stderr',
              text: 'Error: Database is uninitialized and superuser password is not specified.',
            },
          ],
        },
      },
    ],
    memoryMiB: { idle: 30 },
    cpuPercent: { idle: 0 },
  },
}

const images = [nginx, hello, postgres]

/** A three-image registry, so engine tests do not depend on the catalog's data. */
export const fakeRegistry: ImageRegistry = {
  fetch(ref: NamedReference): RegistryAnswer {
    const repo = familiarName(ref)
    const image = images.find((i) => i.repository === repo)
    if (!image)
      return {
        ok: false,
        reason: 'no-repository',
        message: `pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
      }
    const tag = ref.tag ?? 'latest'
    if (tag !== image.tag && !image.aliases.includes(tag))
      return {
        ok: false,
        reason: 'no-tag',
        message: `manifest for ${repo}:${tag} not found: manifest unknown: manifest unknown`,
      }
    const hex = (seed: string): string => seed.repeat(64).slice(0, 64)
    return {
      ok: true,
      image,
      id: `sha256:${hex(repo.charCodeAt(0).toString(16))}`,
      repoDigest: `${repo}@sha256:${hex('d')}`,
      layers: Array.from({ length: image.layerCount }, (_, i) => {
        const h = hex(`${repo.length}${i}`)
        return {
          digest: `sha256:${h}`,
          shortId: h.slice(0, 12),
          sizeBytes: 1000,
          downloadBytes: 400,
        }
      }),
    }
  },
}
