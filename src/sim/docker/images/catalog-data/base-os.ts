/**
 * hello-world and the distribution base images. Facts from docker-library/hello-world
 * (hello.c, amd64 image-config.json), docker-library/official-images (library/alpine, busybox,
 * ubuntu, debian) and the distributions' os-release files; snapshot of early March 2025.
 */
import type { BehaviourProfile, CatalogImage } from '../catalog-types'
import {
  DEFAULT_PATH,
  block,
  derive,
  image,
  mb,
  osReleaseAlpine,
  osReleaseDebian,
  osReleaseUbuntu,
  type VersionScheme,
} from './define'

const HELLO_MESSAGE = `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/
`

export const helloWorld = image({
  repository: 'hello-world',
  tag: 'latest',
  aliases: ['linux'],
  created: '2025-01-21T23:32:32Z',
  sizeBytes: 10_072,
  layerCount: 1,
  config: { Cmd: ['/hello'], Env: [DEFAULT_PATH], WorkingDir: '/', User: '' },
  base: 'scratch',
  profile: {
    // The binary writes the message (which starts and ends with a blank line) and exits.
    startup: block('stdout', HELLO_MESSAGE),
    exit: { afterMs: 0, code: 0 },
    memoryMiB: { idle: 0 },
    cpuPercent: { idle: 0 },
    shell: null,
    packageManager: null,
  },
})

/** A shell or REPL as the main process: gone at once unless -i or -t keeps it waiting. */
export function interactiveProfile(
  shell: 'sh' | 'bash',
  packageManager: BehaviourProfile['packageManager'],
  memory = 0.6,
): BehaviourProfile {
  return {
    startup: [],
    exit: { afterMs: 0, code: 0, unlessInteractive: true },
    memoryMiB: { idle: memory },
    cpuPercent: { idle: 0 },
    shell,
    packageManager,
  }
}

const alpine321 = image({
  repository: 'alpine',
  tag: '3.21.3',
  aliases: ['3.21', '3', 'latest'],
  created: '2025-02-14T03:28:36Z',
  sizeBytes: mb(7.83),
  layerCount: 1,
  config: { Cmd: ['/bin/sh'], Env: [DEFAULT_PATH], WorkingDir: '/', User: '' },
  base: 'alpine',
  files: {
    '/etc/os-release': osReleaseAlpine('3.21.3'),
    '/etc/alpine-release': '3.21.3\n',
    '/etc/hostname': 'localhost\n',
  },
  profile: interactiveProfile('sh', 'apk'),
})

const alpine320 = derive(alpine321, {
  tag: '3.20.6',
  aliases: ['3.20'],
  created: '2025-02-14T03:28:16Z',
  sizeBytes: mb(7.8),
  replace: [
    ['3.21.3', '3.20.6'],
    ['v3.21', 'v3.20'],
  ],
})

export const alpineImages: CatalogImage[] = [alpine321, alpine320]

export const alpineScheme: VersionScheme = {
  repository: 'alpine',
  lines: [
    ['3.12', '3.12.12'],
    ['3.13', '3.13.12'],
    ['3.14', '3.14.10'],
    ['3.15', '3.15.11'],
    ['3.16', '3.16.9'],
    ['3.17', '3.17.10'],
    ['3.18', '3.18.12'],
    ['3.19', '3.19.7'],
    ['3.20', '3.20.6'],
    ['3.21', '3.21.3'],
    // Released after this snapshot; the corpus' newer Dockerfiles build FROM them.
    ['3.22', '3.22.0'],
    ['3.23', '3.23.0'],
    ['3.24', '3.24.0'],
  ],
  named: { latest: '3.21' },
  variants: { '': { template: '3.21.3' } },
  lineMarkers: ['Alpine Linux v'],
}

const busyboxGlibc = image({
  repository: 'busybox',
  tag: '1.37.0-glibc',
  aliases: [
    '1.37.0',
    '1.37',
    '1',
    'latest',
    'stable',
    '1.37-glibc',
    '1-glibc',
    'glibc',
    'stable-glibc',
  ],
  created: '2024-09-26T21:31:42Z',
  sizeBytes: mb(4.27),
  layerCount: 1,
  config: { Cmd: ['sh'], Env: [DEFAULT_PATH], WorkingDir: '/', User: '' },
  base: 'busybox',
  files: { '/etc/hostname': 'localhost\n' },
  profile: interactiveProfile('sh', null, 0.4),
})

const busyboxMusl = derive(busyboxGlibc, {
  tag: '1.37.0-musl',
  aliases: ['1.37-musl', '1-musl', 'musl', 'stable-musl'],
  sizeBytes: mb(1.48),
})

const busyboxUclibc = derive(busyboxGlibc, {
  tag: '1.37.0-uclibc',
  aliases: ['1.37-uclibc', '1-uclibc', 'uclibc', 'stable-uclibc'],
  sizeBytes: mb(1.41),
})

export const busyboxImages: CatalogImage[] = [busyboxGlibc, busyboxMusl, busyboxUclibc]

export const busyboxScheme: VersionScheme = {
  repository: 'busybox',
  lines: [
    ['1.24', '1.24.2'],
    ['1.25', '1.25.1'],
    ['1.26', '1.26.2'],
    ['1.27', '1.27.2'],
    ['1.28', '1.28.4'],
    ['1.29', '1.29.3'],
    ['1.30', '1.30.1'],
    ['1.31', '1.31.1'],
    ['1.32', '1.32.1'],
    ['1.33', '1.33.1'],
    ['1.34', '1.34.1'],
    ['1.35', '1.35.0'],
    ['1.36', '1.36.1'],
    ['1.37', '1.37.0'],
  ],
  named: { latest: '1.37', stable: '1.37' },
  variants: {
    '': { template: '1.37.0-glibc' },
    glibc: { template: '1.37.0-glibc' },
    musl: { template: '1.37.0-musl' },
    uclibc: { template: '1.37.0-uclibc' },
  },
}

const ubuntuLabels = (version: string): Record<string, string> => ({
  'org.opencontainers.image.ref.name': 'ubuntu',
  'org.opencontainers.image.version': version,
})

const ubuntu2404 = image({
  repository: 'ubuntu',
  tag: '24.04',
  aliases: ['noble', 'latest', 'noble-20250127'],
  created: '2025-01-27T09:39:40Z',
  sizeBytes: mb(78.1),
  layerCount: 1,
  config: {
    Cmd: ['/bin/bash'],
    Env: [DEFAULT_PATH],
    WorkingDir: '/',
    User: '',
    Labels: ubuntuLabels('24.04'),
  },
  base: 'ubuntu',
  files: {
    '/etc/os-release': osReleaseUbuntu('24.04.1', 'noble'),
    '/etc/lsb-release':
      'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=24.04\nDISTRIB_CODENAME=noble\nDISTRIB_DESCRIPTION="Ubuntu 24.04.1 LTS"\n',
  },
  profile: interactiveProfile('bash', 'apt', 0.8),
})

const ubuntu2204 = derive(ubuntu2404, {
  tag: '22.04',
  aliases: ['jammy', 'jammy-20250126'],
  created: '2025-01-26T05:33:49Z',
  sizeBytes: mb(77.9),
  replace: [
    ['24.04.1', '22.04.5'],
    ['24.04', '22.04'],
    ['noble', 'jammy'],
    ['Noble Numbat', 'Jammy Jellyfish'],
  ],
})

const ubuntu2004 = derive(ubuntu2404, {
  tag: '20.04',
  aliases: ['focal', 'focal-20250130'],
  created: '2025-01-30T10:15:28Z',
  sizeBytes: mb(72.8),
  replace: [
    ['24.04.1', '20.04.6'],
    ['24.04', '20.04'],
    ['noble', 'focal'],
    ['Noble Numbat', 'Focal Fossa'],
  ],
})

const ubuntu2410 = derive(ubuntu2404, {
  tag: '24.10',
  aliases: ['oracular', 'rolling', 'oracular-20250225'],
  created: '2025-02-25T17:21:04Z',
  sizeBytes: mb(101),
  replace: [
    ['24.04.1 LTS', '24.10'],
    ['24.04', '24.10'],
    ['noble', 'oracular'],
    ['Noble Numbat', 'Oracular Oriole'],
  ],
})

const ubuntu1804 = derive(ubuntu2404, {
  tag: '18.04',
  aliases: ['bionic', 'bionic-20230530'],
  created: '2023-05-30T09:32:09Z',
  sizeBytes: mb(63.1),
  replace: [
    ['24.04.1', '18.04.6'],
    ['24.04', '18.04'],
    ['noble', 'bionic'],
    ['Noble Numbat', 'Bionic Beaver'],
  ],
})

export const ubuntuImages: CatalogImage[] = [
  ubuntu2404,
  ubuntu2204,
  ubuntu2004,
  ubuntu2410,
  ubuntu1804,
]

const debianBookworm = image({
  repository: 'debian',
  tag: 'bookworm',
  aliases: ['latest', 'stable', '12', '12.9', 'bookworm-20250224', 'stable-20250224'],
  created: '2025-02-24T00:00:00Z',
  sizeBytes: mb(117),
  layerCount: 1,
  config: { Cmd: ['bash'], Env: [DEFAULT_PATH], WorkingDir: '/', User: '' },
  base: 'debian',
  files: {
    '/etc/os-release': osReleaseDebian('12', 'bookworm'),
    '/etc/debian_version': '12.9\n',
  },
  profile: interactiveProfile('bash', 'apt', 0.8),
})

const debianBookwormSlim = derive(debianBookworm, {
  tag: 'bookworm-slim',
  aliases: ['stable-slim', '12-slim', '12.9-slim', 'bookworm-20250224-slim'],
  sizeBytes: mb(74.8),
})

function debianRelease(
  major: string,
  codename: string,
  point: string,
  sizes: [number, number],
  created: string,
  extra: string[] = [],
): CatalogImage[] {
  const aliases = major === '' ? extra : [major, point, ...extra]
  const files = {
    '/etc/os-release': osReleaseDebian(major, codename),
    '/etc/debian_version': major === '' ? `${codename}/sid\n` : `${point}\n`,
  }
  const full = derive(debianBookworm, {
    tag: codename,
    aliases,
    created,
    sizeBytes: mb(sizes[0]),
    files,
  })
  const slim = derive(debianBookwormSlim, {
    tag: `${codename}-slim`,
    aliases: aliases.map((a) => `${a}-slim`),
    created,
    sizeBytes: mb(sizes[1]),
    files,
  })
  return [full, slim]
}

export const debianImages: CatalogImage[] = [
  debianBookworm,
  debianBookwormSlim,
  ...debianRelease('11', 'bullseye', '11.11', [124, 80.6], '2025-02-24T00:00:00Z', ['oldstable']),
  ...debianRelease('10', 'buster', '10.13', [114, 69.3], '2024-06-13T00:00:00Z'),
  ...debianRelease('', 'trixie', '', [121, 77.8], '2025-02-24T00:00:00Z', ['testing']),
  ...debianRelease('', 'sid', '', [124, 79.5], '2025-02-24T00:00:00Z', ['unstable']),
]
