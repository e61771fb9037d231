/**
 * Language runtimes: python (docker-library/python), node (nodejs/docker-node), golang
 * (docker-library/golang) and eclipse-temurin (adoptium/containers). Their default commands are
 * REPLs or shells, which exit at once when neither -i nor -t is given. Snapshot: Python 3.13.2 /
 * 3.12.9 (2025-02-04), Node 23.9.0 / 22.14.0 / 20.18.3, Go 1.24.0 / 1.23.6 (2025-02-11),
 * Temurin 21.0.6+7 / 17.0.14+7 (2025-01).
 */
import type { CatalogImage } from '../catalog-types'
import { interactiveProfile } from './base-os'
import {
  ALPINE_3_21,
  BOOKWORM,
  DEFAULT_PATH,
  FOCAL,
  JAMMY,
  NOBLE,
  derive,
  image,
  mb,
  type VariantTemplate,
  type VersionScheme,
} from './define'

// Python ---------------------------------------------------------------------------------------

const PYTHON_PATH =
  'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
const PYTHON_GPG_3_12_3_13 = 'GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305'

function pythonFamily(
  version: string,
  env: string[],
  aliasRoots: string[],
  created: string,
  sizes: { full: number; slim: number; alpine: number },
): CatalogImage[] {
  const with_ = (suffix: string): string[] =>
    aliasRoots.map((a) => (a === '' ? suffix : `${a}-${suffix}`))
  const full = image({
    repository: 'python',
    tag: version,
    aliases: [...aliasRoots.filter((a) => a !== ''), ...with_('bookworm'), `${version}-bookworm`],
    created,
    sizeBytes: mb(sizes.full),
    layerCount: 7,
    config: { Cmd: ['python3'], Env: [PYTHON_PATH, ...env], WorkingDir: '/', User: '' },
    base: 'debian',
    parent: 'debian:bookworm',
    files: BOOKWORM,
    profile: interactiveProfile('bash', 'apt', 9),
  })
  const slim = derive(full, {
    tag: `${version}-slim`,
    aliases: [...with_('slim'), ...with_('slim-bookworm'), `${version}-slim-bookworm`],
    sizeBytes: mb(sizes.slim),
    layerCount: 4,
    parent: 'debian:bookworm-slim',
  })
  const alpine = derive(full, {
    tag: `${version}-alpine`,
    aliases: [...with_('alpine'), ...with_('alpine3.21'), `${version}-alpine3.21`],
    sizeBytes: mb(sizes.alpine),
    layerCount: 5,
    base: 'alpine',
    parent: 'alpine:3.21',
    files: ALPINE_3_21,
  })
  alpine.profile = interactiveProfile('sh', 'apk', 9)
  return [full, slim, alpine]
}

export const pythonImages: CatalogImage[] = [
  ...pythonFamily(
    '3.13.2',
    [PYTHON_GPG_3_12_3_13, 'PYTHON_VERSION=3.13.2'],
    ['3.13', '3', 'latest', ''],
    '2025-02-04T22:30:41Z',
    { full: 1020, slim: 121, alpine: 45.6 },
  ).map(fixLatestAliases),
  ...pythonFamily(
    '3.12.9',
    ['LANG=C.UTF-8', PYTHON_GPG_3_12_3_13, 'PYTHON_VERSION=3.12.9'],
    ['3.12'],
    '2025-02-04T22:29:55Z',
    { full: 1010, slim: 124, alpine: 50.2 },
  ),
]

/** `latest-slim` is not a tag; `slim`, `alpine`, `bookworm` are. */
function fixLatestAliases(img: CatalogImage): CatalogImage {
  return { ...img, aliases: img.aliases.filter((a) => !a.startsWith('latest-')) }
}

const debianVariants = (
  full: string,
  slim: string,
  alpine: string,
): Record<string, VariantTemplate> => ({
  '': { template: full },
  bookworm: { template: full },
  bullseye: { template: full, replace: [['bookworm', 'bullseye']] },
  buster: { template: full, replace: [['bookworm', 'buster']] },
  stretch: { template: full, replace: [['bookworm', 'stretch']] },
  slim: { template: slim },
  'slim-bookworm': { template: slim },
  'slim-bullseye': { template: slim, replace: [['bookworm', 'bullseye']] },
  'slim-buster': { template: slim, replace: [['bookworm', 'buster']] },
  'bookworm-slim': { template: slim },
  'bullseye-slim': { template: slim, replace: [['bookworm', 'bullseye']] },
  'buster-slim': { template: slim, replace: [['bookworm', 'buster']] },
  'stretch-slim': { template: slim, replace: [['bookworm', 'stretch']] },
  alpine: { template: alpine },
  'alpine3.21': { template: alpine },
  'alpine3.20': { template: alpine, replace: [['v3.21', 'v3.20']] },
  'alpine3.19': { template: alpine, replace: [['v3.21', 'v3.19']] },
  'alpine3.18': { template: alpine, replace: [['v3.21', 'v3.18']] },
})

export const pythonScheme: VersionScheme = {
  repository: 'python',
  lines: [
    ['2.7', '2.7.18'],
    ['3.5', '3.5.10'],
    ['3.6', '3.6.15'],
    ['3.7', '3.7.17'],
    ['3.8', '3.8.20'],
    ['3.9', '3.9.21'],
    ['3.10', '3.10.16'],
    ['3.11', '3.11.11'],
    ['3.12', '3.12.9'],
    ['3.13', '3.13.2'],
  ],
  named: { latest: '3.13' },
  variants: debianVariants('3.13.2', '3.13.2-slim', '3.13.2-alpine'),
}

// Node.js --------------------------------------------------------------------------------------

function nodeFamily(
  version: string,
  roots: string[],
  created: string,
  sizes: { full: number; slim: number; alpine: number },
): CatalogImage[] {
  const major = version.split('.')[0] ?? version
  const minor = version.split('.').slice(0, 2).join('.')
  const all = [major, minor, ...roots]
  const suffixed = (suffix: string): string[] => [
    ...all.map((a) => (a === 'latest' ? suffix : `${a}-${suffix}`)),
    `${version}-${suffix}`,
  ]
  const full = image({
    repository: 'node',
    tag: version,
    aliases: [...all, ...suffixed('bookworm')],
    created,
    sizeBytes: mb(sizes.full),
    layerCount: 9,
    config: {
      Cmd: ['node'],
      Entrypoint: ['docker-entrypoint.sh'],
      Env: [DEFAULT_PATH, `NODE_VERSION=${version}`, 'YARN_VERSION=1.22.22'],
      WorkingDir: '/',
      User: '',
    },
    base: 'debian',
    parent: 'debian:bookworm',
    files: BOOKWORM,
    profile: interactiveProfile('bash', 'apt', 11),
  })
  const slim = derive(full, {
    tag: `${version}-slim`,
    aliases: [
      ...suffixed('slim').filter((a) => a !== `${version}-slim`),
      ...suffixed('bookworm-slim'),
    ],
    sizeBytes: mb(sizes.slim),
    layerCount: 5,
    parent: 'debian:bookworm-slim',
  })
  const alpine = derive(full, {
    tag: `${version}-alpine`,
    aliases: [
      ...suffixed('alpine').filter((a) => a !== `${version}-alpine`),
      ...suffixed('alpine3.21'),
    ],
    sizeBytes: mb(sizes.alpine),
    layerCount: 5,
    base: 'alpine',
    parent: 'alpine:3.21',
    files: ALPINE_3_21,
  })
  alpine.profile = interactiveProfile('sh', 'apk', 11)
  return [full, slim, alpine]
}

export const nodeImages: CatalogImage[] = [
  ...nodeFamily('23.9.0', ['current', 'latest'], '2025-02-27T00:56:14Z', {
    full: 1130,
    slim: 233,
    alpine: 166,
  }),
  ...nodeFamily('22.14.0', ['jod', 'lts', 'lts-jod'], '2025-02-11T18:32:04Z', {
    full: 1120,
    slim: 226,
    alpine: 160,
  }),
  ...nodeFamily('20.18.3', ['iron', 'lts-iron'], '2025-02-11T02:46:30Z', {
    full: 1100,
    slim: 200,
    alpine: 134,
  }),
]

export const nodeScheme: VersionScheme = {
  repository: 'node',
  lines: [
    ['0.10', '0.10.48'],
    ['0.12', '0.12.18'],
    ['4', '4.9.1'],
    ['5', '5.12.0'],
    ['6', '6.17.1'],
    ['7', '7.10.1'],
    ['8', '8.17.0'],
    ['9', '9.11.2'],
    ['10', '10.24.1'],
    ['11', '11.15.0'],
    ['12', '12.22.12'],
    ['13', '13.14.0'],
    ['14', '14.21.3'],
    ['15', '15.14.0'],
    ['16', '16.20.2'],
    ['17', '17.9.1'],
    ['18', '18.20.7'],
    ['19', '19.9.0'],
    ['20', '20.18.3'],
    ['21', '21.7.3'],
    ['22', '22.14.0'],
    ['23', '23.9.0'],
  ],
  named: {
    latest: '23',
    current: '23',
    lts: '22',
    jod: '22',
    iron: '20',
    hydrogen: '18',
    gallium: '16',
    fermium: '14',
    erbium: '12',
    dubnium: '10',
    carbon: '8',
    boron: '6',
    argon: '4',
  },
  variants: debianVariants('22.14.0', '22.14.0-slim', '22.14.0-alpine'),
}

// Go -------------------------------------------------------------------------------------------

function golangFamily(version: string, roots: string[], created: string): CatalogImage[] {
  const minor = version.split('.').slice(0, 2).join('.')
  const all = [minor, ...roots]
  const suffixed = (suffix: string): string[] => [
    ...all.map((a) => (a === 'latest' ? suffix : `${a}-${suffix}`)),
    `${version}-${suffix}`,
  ]
  const full = image({
    repository: 'golang',
    tag: version,
    aliases: [...all, ...suffixed('bookworm')],
    created,
    sizeBytes: mb(roots.includes('latest') ? 853 : 823),
    layerCount: 7,
    config: {
      Cmd: ['bash'],
      Env: [
        'PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        `GOLANG_VERSION=${version}`,
        'GOTOOLCHAIN=local',
        'GOPATH=/go',
      ],
      WorkingDir: '/go',
      User: '',
    },
    base: 'debian',
    parent: 'debian:bookworm',
    files: BOOKWORM,
    profile: interactiveProfile('bash', 'apt'),
  })
  const alpine = derive(full, {
    tag: `${version}-alpine`,
    aliases: [
      ...suffixed('alpine').filter((a) => a !== `${version}-alpine`),
      ...suffixed('alpine3.21'),
    ],
    sizeBytes: mb(roots.includes('latest') ? 257 : 248),
    layerCount: 5,
    base: 'alpine',
    parent: 'alpine:3.21',
    files: ALPINE_3_21,
  })
  alpine.config = { ...alpine.config, Cmd: ['/bin/sh'] }
  alpine.profile = interactiveProfile('sh', 'apk')
  return [full, alpine]
}

export const golangImages: CatalogImage[] = [
  ...golangFamily('1.24.0', ['1', 'latest'], '2025-02-11T19:12:27Z'),
  ...golangFamily('1.23.6', [], '2025-02-04T19:08:40Z'),
]

export const golangScheme: VersionScheme = {
  repository: 'golang',
  lines: [
    ['1.10', '1.10.8'],
    ['1.11', '1.11.13'],
    ['1.12', '1.12.17'],
    ['1.13', '1.13.15'],
    ['1.14', '1.14.15'],
    ['1.15', '1.15.15'],
    ['1.16', '1.16.15'],
    ['1.17', '1.17.13'],
    ['1.18', '1.18.10'],
    ['1.19', '1.19.13'],
    ['1.20', '1.20.14'],
    ['1.21', '1.21.13'],
    ['1.22', '1.22.12'],
    ['1.23', '1.23.6'],
    ['1.24', '1.24.0'],
  ],
  named: { latest: '1.24' },
  variants: {
    '': { template: '1.24.0' },
    bookworm: { template: '1.24.0' },
    bullseye: { template: '1.24.0' },
    buster: { template: '1.24.0' },
    alpine: { template: '1.24.0-alpine' },
    'alpine3.21': { template: '1.24.0-alpine' },
    'alpine3.20': { template: '1.24.0-alpine' },
    'alpine3.19': { template: '1.24.0-alpine' },
    'alpine3.16': { template: '1.24.0-alpine' },
  },
}

// Eclipse Temurin ------------------------------------------------------------------------------

interface TemurinRelease {
  major: string
  /** As the tags spell it: 21.0.6_7, 8u442-b06. */
  version: string
  javaVersion: string
  created: string
}

const TEMURIN: TemurinRelease[] = [
  {
    major: '21',
    version: '21.0.6_7',
    javaVersion: 'jdk-21.0.6+7',
    created: '2025-01-24T03:27:58Z',
  },
  {
    major: '17',
    version: '17.0.14_7',
    javaVersion: 'jdk-17.0.14+7',
    created: '2025-01-24T03:21:35Z',
  },
  {
    major: '11',
    version: '11.0.26_4',
    javaVersion: 'jdk-11.0.26+4',
    created: '2025-01-24T03:15:02Z',
  },
  {
    major: '8',
    version: '8u442-b06',
    javaVersion: 'jdk8u442-b06',
    created: '2025-01-24T03:09:44Z',
  },
]

const UBUNTU_BASES: Array<{ codename: string; tag: string; files: Record<string, string> }> = [
  { codename: 'noble', tag: '24.04', files: NOBLE },
  { codename: 'jammy', tag: '22.04', files: JAMMY },
  { codename: 'focal', tag: '20.04', files: FOCAL },
]

function temurinImages(release: TemurinRelease): CatalogImage[] {
  const images: CatalogImage[] = []
  for (const kind of ['jdk', 'jre'] as const) {
    const jdk = kind === 'jdk'
    for (const base of UBUNTU_BASES) {
      const newest = base.codename === 'noble'
      const aliases = [`${release.major}-${kind}-${base.codename}`]
      if (jdk)
        aliases.push(`${release.version}-${base.codename}`, `${release.major}-${base.codename}`)
      if (newest) {
        aliases.push(`${release.version}-${kind}`, `${release.major}-${kind}`)
        if (jdk) aliases.push(release.major)
        if (jdk && release.major === '21') aliases.push('latest')
      }
      images.push(
        image({
          repository: 'eclipse-temurin',
          tag: `${release.version}-${kind}-${base.codename}`,
          aliases,
          created: release.created,
          sizeBytes: mb((jdk ? 407 : 263) + (release.major === '8' ? -30 : 0)),
          layerCount: jdk ? 5 : 5,
          config: {
            ...(jdk && release.major !== '8' ? { Cmd: ['jshell'] } : {}),
            Entrypoint: ['/__cacert_entrypoint.sh'],
            Env: [
              'PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
              'JAVA_HOME=/opt/java/openjdk',
              'LANG=en_US.UTF-8',
              'LANGUAGE=en_US:en',
              'LC_ALL=en_US.UTF-8',
              `JAVA_VERSION=${release.javaVersion}`,
            ],
            WorkingDir: '/',
            User: '',
          },
          base: 'ubuntu',
          parent: `ubuntu:${base.tag}`,
          files: base.files,
          profile:
            jdk && release.major !== '8'
              ? interactiveProfile('bash', 'apt', 30)
              : { ...interactiveProfile('bash', 'apt'), exit: { afterMs: 0, code: 0 } },
        }),
      )
    }
    images.push(
      image({
        repository: 'eclipse-temurin',
        tag: `${release.version}-${kind}-alpine`,
        aliases: [`${release.major}-${kind}-alpine`, ...(jdk ? [`${release.major}-alpine`] : [])],
        created: release.created,
        sizeBytes: mb(jdk ? 331 : 181),
        layerCount: 5,
        config: {
          ...(jdk && release.major !== '8' ? { Cmd: ['jshell'] } : {}),
          Entrypoint: ['/__cacert_entrypoint.sh'],
          Env: [
            'PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
            'JAVA_HOME=/opt/java/openjdk',
            'LANG=en_US.UTF-8',
            'LANGUAGE=en_US:en',
            'LC_ALL=en_US.UTF-8',
            `JAVA_VERSION=${release.javaVersion}`,
          ],
          WorkingDir: '/',
          User: '',
        },
        base: 'alpine',
        parent: 'alpine:3.21',
        files: ALPINE_3_21,
        profile:
          jdk && release.major !== '8'
            ? interactiveProfile('sh', 'apk', 30)
            : { ...interactiveProfile('sh', 'apk'), exit: { afterMs: 0, code: 0 } },
      }),
    )
  }
  return images
}

export const eclipseTemurinImages: CatalogImage[] = TEMURIN.flatMap(temurinImages)
