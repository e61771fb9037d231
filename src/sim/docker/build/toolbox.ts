/**
 * Which programs a build step finds in its image. An image has the tools of its distribution
 * (BusyBox on Alpine, dpkg and apt on Debian and Ubuntu), those of its language runtime (node and
 * npm in `node`, pip in `python`, go in `golang`), the build tools of the "buildpack-deps"
 * family the full (non-slim) Debian runtime images derive from, and whatever a previous step
 * installed. A command outside all of these is "not found", as `/bin/sh` reports it.
 */
import type { CatalogImage } from '../images/catalog-types'

export type Distro = 'alpine' | 'debian' | 'none'

export function distroOf(image: CatalogImage | undefined): Distro {
  if (image === undefined) return 'none'
  if (image.base === 'alpine' || image.base === 'busybox') return 'alpine'
  if (image.base === 'scratch' || image.base === 'distroless' || image.base === 'windows')
    return 'none'
  return 'debian'
}

/** In every image with a shell (coreutils or BusyBox applets). */
const CORE = [
  'sh',
  'cat',
  'ls',
  'echo',
  'printf',
  'mkdir',
  'rmdir',
  'rm',
  'cp',
  'mv',
  'ln',
  'chmod',
  'chown',
  'chgrp',
  'touch',
  'pwd',
  'id',
  'whoami',
  'uname',
  'env',
  'test',
  'true',
  'false',
  'sed',
  'grep',
  'awk',
  'sort',
  'uniq',
  'head',
  'tail',
  'wc',
  'cut',
  'tr',
  'find',
  'xargs',
  'tar',
  'gzip',
  'gunzip',
  'zcat',
  'sha256sum',
  'sha1sum',
  'md5sum',
  'mktemp',
  'basename',
  'dirname',
  'date',
  'sleep',
  'hostname',
  'install',
  'readlink',
  'realpath',
  'stat',
  'tee',
  'du',
  'df',
  'kill',
  'getconf',
  'nproc',
  'seq',
  'expr',
  'which',
  'su',
  'tac',
  'od',
  'base64',
  'diff',
  'cmp',
  'nl',
]

const ALPINE = [
  'ash',
  'busybox',
  'apk',
  'wget',
  'adduser',
  'addgroup',
  'deluser',
  'delgroup',
  'vi',
  'ping',
  'nc',
  'ps',
  'top',
  'free',
  'less',
  'more',
  'unzip',
  'bzip2',
  'xz',
  'unxz',
  'ip',
  'ifconfig',
  'ldconfig',
  'passwd',
  'login',
  'scanelf',
  'ssl_client',
]

const DEBIAN = [
  'bash',
  'dash',
  'apt-get',
  'apt',
  'apt-cache',
  'apt-mark',
  'apt-key',
  'apt-config',
  'dpkg',
  'dpkg-query',
  'dpkg-deb',
  'useradd',
  'groupadd',
  'usermod',
  'userdel',
  'groupdel',
  'adduser',
  'addgroup',
  'deluser',
  'delgroup',
  'passwd',
  'chpasswd',
  'login',
  'runuser',
  'perl',
  'update-alternatives',
  'gpgv',
  'ldconfig',
  'savelog',
  'start-stop-daemon',
  'more',
  'getent',
]

/** buildpack-deps (curl, scm, full): what `node:20`, `python:3.12`, `golang:1.23` inherit. */
const BUILDPACK_CURL = ['curl', 'wget', 'gpg', 'gpgconf', 'dirmngr', 'update-ca-certificates']
const BUILDPACK_SCM = ['git', 'ssh', 'scp', 'hg', 'svn', 'patch']
const BUILDPACK_FULL = [
  'gcc',
  'g++',
  'cc',
  'c++',
  'make',
  'autoconf',
  'automake',
  'libtool',
  'pkg-config',
  'xz',
  'unxz',
  'bzip2',
  'unzip',
  'zip',
  'file',
  'dpkg-dev',
  'ps',
  'less',
  'python3',
]

const RUNTIMES: Array<{ match: RegExp; tools: string[] }> = [
  {
    match: /(^|\/)(node|nodejs)$/,
    tools: ['node', 'nodejs', 'npm', 'npx', 'yarn', 'yarnpkg', 'corepack', 'docker-entrypoint.sh'],
  },
  {
    // Kubernetes' tutorial app: FROM node:6.3.1, so node and npm but no yarn nor corepack yet.
    match: /(^|\/)kubernetes-bootcamp$/,
    tools: ['node', 'nodejs', 'npm'],
  },
  {
    match: /(^|\/)(python|pypy)$/,
    tools: ['python', 'python3', 'pip', 'pip3', 'pydoc', 'pydoc3', 'idle3'],
  },
  {
    match: /uvicorn|gunicorn|fastapi|flask|django/,
    tools: ['python', 'python3', 'pip', 'pip3', 'uvicorn', 'gunicorn'],
  },
  { match: /(^|\/)golang$/, tools: ['go', 'gofmt'] },
  { match: /(^|\/)rust$/, tools: ['cargo', 'rustc', 'rustup', 'rustfmt'] },
  { match: /(^|\/)ruby$/, tools: ['ruby', 'gem', 'bundle', 'bundler', 'irb', 'rake'] },
  {
    match: /(^|\/)php$/,
    tools: [
      'php',
      'pecl',
      'pear',
      'docker-php-ext-install',
      'docker-php-ext-enable',
      'docker-php-ext-configure',
      'docker-php-source',
      'apache2-foreground',
      'a2enmod',
    ],
  },
  {
    match: /(^|\/)(openjdk|eclipse-temurin|amazoncorretto|ibmjava|sapmachine)$/,
    tools: ['java', 'javac', 'jar', 'jshell', 'keytool'],
  },
  { match: /(^|\/)maven$/, tools: ['mvn', 'java', 'javac', 'jar'] },
  { match: /(^|\/)gradle$/, tools: ['gradle', 'java', 'javac', 'jar'] },
  { match: /(^|\/)nginx$/, tools: ['nginx', 'nginx-debug', 'envsubst', 'curl'] },
  { match: /(^|\/)httpd$/, tools: ['httpd', 'apachectl', 'httpd-foreground'] },
  { match: /(^|\/)redis$/, tools: ['redis-server', 'redis-cli', 'redis-benchmark', 'gosu'] },
  {
    match: /(^|\/)postgres$/,
    tools: ['postgres', 'psql', 'pg_ctl', 'initdb', 'pg_dump', 'pg_isready', 'gosu'],
  },
  {
    match: /(^|\/)(mysql|mariadb)$/,
    tools: ['mysqld', 'mysql', 'mysqladmin', 'mysqldump', 'mariadb-admin', 'gosu'],
  },
  { match: /(^|\/)mongo$/, tools: ['mongod', 'mongosh', 'mongo'] },
  { match: /(^|\/)(dotnet|aspnet|sdk)$/, tools: ['dotnet'] },
]

/** The programs an image brings before any step of the build adds to it. */
export function intrinsicTools(image: CatalogImage | undefined): Set<string> {
  const tools = new Set<string>()
  const distro = distroOf(image)
  if (image === undefined || distro === 'none') return tools
  for (const t of CORE) tools.add(t)
  for (const t of distro === 'alpine' ? ALPINE : DEBIAN) tools.add(t)
  const tag = image.tag
  const repo = image.repository
  for (const runtime of RUNTIMES) {
    if (runtime.match.test(repo) || runtime.match.test(`/${repo.split('/').pop() ?? ''}`))
      for (const t of runtime.tools) tools.add(t)
  }
  if (/python/.test(tag) && !tools.has('python3'))
    for (const t of ['python', 'python3', 'pip', 'pip3']) tools.add(t)
  if (repo === 'maven' && /temurin|openjdk|jdk/.test(tag)) tools.add('java')
  const runtimeImage = RUNTIMES.some((r) => r.match.test(repo)) || repo === 'buildpack-deps'
  const slim = /slim|alpine|bullseye-backports/.test(tag)
  if (
    distro === 'debian' &&
    runtimeImage &&
    !slim &&
    !/^(nginx|httpd|redis|postgres|mysql|mariadb|mongo)$/.test(repo)
  ) {
    for (const t of BUILDPACK_CURL) tools.add(t)
    if (!tag.endsWith('-curl')) for (const t of BUILDPACK_SCM) tools.add(t)
    if (!tag.endsWith('-curl') && !tag.endsWith('-scm'))
      for (const t of BUILDPACK_FULL) tools.add(t)
  }
  if (image.base === 'ubuntu' && /jdk|jre/.test(tag)) tools.add('curl')
  return tools
}

/** Binaries a package installs, when they differ from the package's own name. */
const PACKAGE_BINARIES: Record<string, string[]> = {
  'build-essential': ['gcc', 'g++', 'cc', 'c++', 'make', 'dpkg-dev'],
  'build-base': ['gcc', 'g++', 'cc', 'c++', 'make'],
  gnupg: ['gpg', 'gpgconf', 'dirmngr', 'gpg-agent'],
  gnupg2: ['gpg', 'gpgconf'],
  gnupg1: ['gpg1'],
  'python3-pip': ['pip', 'pip3'],
  'py3-pip': ['pip', 'pip3'],
  python3: ['python3'],
  'python-is-python3': ['python'],
  python: ['python', 'python3'],
  nodejs: ['node', 'nodejs'],
  npm: ['npm', 'npx'],
  'openjdk-17-jdk': ['java', 'javac', 'jar'],
  'openjdk-17-jre': ['java'],
  'openjdk-21-jdk': ['java', 'javac', 'jar'],
  'default-jdk': ['java', 'javac', 'jar'],
  'default-jre': ['java'],
  openjdk17: ['java', 'javac', 'jar'],
  'openjdk17-jre': ['java'],
  'iputils-ping': ['ping'],
  iputils: ['ping'],
  'netcat-openbsd': ['nc', 'netcat'],
  'netcat-traditional': ['nc', 'netcat'],
  netcat: ['nc', 'netcat'],
  procps: ['ps', 'top', 'free', 'pkill', 'pgrep', 'watch'],
  'procps-ng': ['ps', 'top', 'free', 'pkill', 'pgrep'],
  vim: ['vim', 'vi'],
  'vim-tiny': ['vi'],
  'openssh-client': ['ssh', 'scp', 'ssh-keygen'],
  'postgresql-client': ['psql', 'pg_dump'],
  'default-mysql-client': ['mysql', 'mysqldump'],
  'mysql-client': ['mysql', 'mysqldump'],
  'mariadb-client': ['mysql', 'mariadb'],
  'redis-tools': ['redis-cli'],
  dnsutils: ['dig', 'nslookup', 'host'],
  'bind-tools': ['dig', 'nslookup', 'host'],
  'ca-certificates': ['update-ca-certificates'],
  shadow: ['useradd', 'groupadd', 'usermod', 'userdel', 'groupdel'],
  passwd: ['useradd', 'groupadd', 'usermod'],
  'xz-utils': ['xz', 'unxz'],
  'apache2-utils': ['ab', 'htpasswd'],
  'golang-go': ['go', 'gofmt'],
  go: ['go', 'gofmt'],
  'ruby-full': ['ruby', 'gem', 'irb'],
  sudo: ['sudo'],
  tini: ['tini'],
  jq: ['jq'],
}

export function binariesOf(pkg: string): string[] {
  const name = pkg.replace(/[=<>~].*$/, '')
  return PACKAGE_BINARIES[name] ?? [name]
}

/** A version for a package or a runtime, stable for the same name. */
export function versionFor(name: string, distro: Distro): string {
  let h = 0
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  const major = 1 + (h % 9)
  const minor = (h >>> 4) % 20
  const patch = (h >>> 9) % 12
  return distro === 'alpine'
    ? `${major}.${minor}.${patch}-r${(h >>> 13) % 4}`
    : `${major}.${minor}.${patch}-${1 + ((h >>> 13) % 3)}`
}

/** Size a package adds to the image, in bytes (stable per name). */
export function packageBytes(name: string): number {
  let h = 7
  for (const ch of name) h = (h * 33 + ch.charCodeAt(0)) >>> 0
  return 150_000 + (h % 4_000_000)
}

/** Every program name some image has (what a step's shell must know to say "not found" about). */
export function knownToolNames(): Set<string> {
  const names = new Set<string>([
    ...CORE,
    ...ALPINE,
    ...DEBIAN,
    ...BUILDPACK_CURL,
    ...BUILDPACK_SCM,
    ...BUILDPACK_FULL,
  ])
  for (const runtime of RUNTIMES) for (const t of runtime.tools) names.add(t)
  for (const bins of Object.values(PACKAGE_BINARIES)) for (const b of bins) names.add(b)
  return names
}

const DEBIAN_USERS = [
  'root',
  'daemon',
  'bin',
  'sys',
  'sync',
  'games',
  'man',
  'lp',
  'mail',
  'news',
  'uucp',
  'proxy',
  'www-data',
  'backup',
  'list',
  'irc',
  '_apt',
  'nobody',
]
const ALPINE_USERS = [
  'root',
  'bin',
  'daemon',
  'lp',
  'sync',
  'shutdown',
  'halt',
  'mail',
  'news',
  'uucp',
  'cron',
  'ftp',
  'sshd',
  'games',
  'ntp',
  'guest',
  'nobody',
  'www-data',
]
const SERVICE_USERS: Record<string, string[]> = {
  nginx: ['nginx'],
  node: ['node'],
  postgres: ['postgres'],
  redis: ['redis'],
  mysql: ['mysql'],
  mariadb: ['mysql'],
  mongo: ['mongodb'],
  rabbitmq: ['rabbitmq'],
  jenkins: ['jenkins'],
  'jenkins/jenkins': ['jenkins'],
  elasticsearch: ['elasticsearch'],
  'grafana/grafana': ['grafana'],
}

/**
 * Users and groups an image's /etc/passwd and /etc/group hold that the sandbox's skeleton files
 * leave out: the distribution's system accounts and the service account of the image
 * (`nginx`, `node`, `postgres`…), which `USER` and `COPY --chown` may name.
 */
export function imageAccounts(image: CatalogImage | undefined): Set<string> {
  if (image === undefined) return new Set()
  const distro = distroOf(image)
  const names = new Set(
    distro === 'alpine' ? ALPINE_USERS : distro === 'debian' ? DEBIAN_USERS : [],
  )
  for (const n of SERVICE_USERS[image.repository] ?? []) names.add(n)
  if (image.base === 'ubuntu') names.add('ubuntu')
  return names
}
