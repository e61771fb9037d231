/**
 * PHP and the applications built on it: php (docker-library/php: 8.4/bookworm/{cli,apache,fpm},
 * 8.4/alpine3.21/{cli,fpm}), wordpress (docker-library/wordpress), adminer
 * (TimWolla/docker-adminer) and phpmyadmin (phpmyadmin/docker). Snapshot: PHP 8.4.4 / 8.3.17 /
 * 8.2.27, WordPress 6.7.2, Adminer 4.8.1, phpMyAdmin 5.2.2.
 */
import type { CatalogImage, LogLine, ServiceSpec } from '../catalog-types'
import { interactiveProfile } from './base-os'
import { apacheStartLines } from './httpd'
import {
  ALPINE_3_21,
  BOOKWORM,
  DEFAULT_PATH,
  derive,
  errLine,
  image,
  mb,
  out,
  ports,
  volumes,
  type VersionScheme,
} from './define'

const PHPIZE_DEPS =
  'PHPIZE_DEPS=autoconf \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\tlibc-dev \t\tmake \t\tpkg-config \t\tre2c'
const HARDENING =
  '-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64'

function phpEnv(version: string, apache: boolean): string[] {
  return [
    DEFAULT_PATH,
    PHPIZE_DEPS,
    'PHP_INI_DIR=/usr/local/etc/php',
    ...(apache ? ['APACHE_CONFDIR=/etc/apache2', 'APACHE_ENVVARS=/etc/apache2/envvars'] : []),
    `PHP_CFLAGS=${HARDENING}`,
    `PHP_CPPFLAGS=${HARDENING}`,
    'PHP_LDFLAGS=-Wl,-O1 -pie',
    `PHP_VERSION=${version}`,
    `PHP_URL=https://www.php.net/distributions/php-${version}.tar.xz`,
    `PHP_ASC_URL=https://www.php.net/distributions/php-${version}.tar.xz.asc`,
  ]
}

const APACHE_BANNER = (php: string): string => `Apache/2.4.62 (Debian) PHP/${php}`

/** An empty /var/www/html has no index, and the image turns directory listings off. */
function forbiddenPage(banner: string): ServiceSpec {
  const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>403 Forbidden</title>
</head><body>
<h1>Forbidden</h1>
<p>You don't have permission to access this resource.</p>
<hr>
<address>${banner.replace(/ PHP\/\S+/, '')} Server at {{requestHost}} Port {{requestPort}}</address>
</body></html>
`
  return {
    port: 80,
    protocol: 'tcp',
    kind: 'http',
    http: {
      status: 403,
      headers: {
        Date: '{{now:http}}',
        Server: banner.replace(/ PHP\/\S+/, ''),
        'Content-Type': 'text/html; charset=iso-8859-1',
      },
      body,
      accessLog: out(
        '{{clientIp}} - - [{{now:clf}}] "{{method}} {{path}} HTTP/1.1" {{status}} {{bytes}} "-" "{{userAgent}}"',
      ),
    },
  }
}

const FPM_START: LogLine[] = [
  errLine('[{{now:phpfpm}}] NOTICE: fpm is running, pid 1'),
  errLine('[{{now:phpfpm}}] NOTICE: ready to handle connections'),
]

function phpFamily(
  version: string,
  roots: string[],
  created: string,
  sizes: { cli: number; apache: number; fpm: number; cliAlpine: number; fpmAlpine: number },
): CatalogImage[] {
  const tags = (flavour: string, extra: string[] = []): string[] => [
    ...roots.map((r) => `${r}-${flavour}`),
    ...extra,
  ]
  const cli = image({
    repository: 'php',
    tag: `${version}-cli`,
    aliases: [
      ...tags('cli'),
      ...tags('cli-bookworm', [`${version}-cli-bookworm`]),
      ...roots,
      version,
      ...tags('bookworm', [`${version}-bookworm`]),
    ],
    created,
    sizeBytes: mb(sizes.cli),
    layerCount: 11,
    config: {
      Cmd: ['php', '-a'],
      Entrypoint: ['docker-php-entrypoint'],
      Env: phpEnv(version, false),
      WorkingDir: '/',
      User: '',
    },
    base: 'debian',
    parent: 'debian:bookworm-slim',
    files: BOOKWORM,
    profile: interactiveProfile('bash', 'apt', 8),
  })
  const apacheBanner = APACHE_BANNER(version)
  const apache = derive(cli, {
    tag: `${version}-apache`,
    aliases: [...tags('apache'), ...tags('apache-bookworm', [`${version}-apache-bookworm`])],
    sizeBytes: mb(sizes.apache),
    layerCount: 18,
  })
  apache.config = {
    ...apache.config,
    Cmd: ['apache2-foreground'],
    Env: phpEnv(version, true),
    ExposedPorts: ports('80'),
    WorkingDir: '/var/www/html',
    StopSignal: 'SIGWINCH',
  }
  apache.profile = {
    startup: apacheStartLines('apache2', apacheBanner, 'mpm_prefork'),
    services: [forbiddenPage(apacheBanner)],
    memoryMiB: { idle: 12 },
    cpuPercent: { idle: 0.01 },
    shell: 'bash',
    packageManager: 'apt',
  }
  const fpm = derive(cli, {
    tag: `${version}-fpm`,
    aliases: [...tags('fpm'), ...tags('fpm-bookworm', [`${version}-fpm-bookworm`])],
    sizeBytes: mb(sizes.fpm),
    layerCount: 12,
  })
  fpm.config = {
    ...fpm.config,
    Cmd: ['php-fpm'],
    ExposedPorts: ports('9000'),
    WorkingDir: '/var/www/html',
    StopSignal: 'SIGQUIT',
  }
  fpm.profile = {
    startup: FPM_START,
    services: [{ port: 9000, protocol: 'tcp', kind: 'tcp' }],
    memoryMiB: { idle: 9 },
    cpuPercent: { idle: 0 },
    shell: 'bash',
    packageManager: 'apt',
  }
  const alpineFiles = ALPINE_3_21
  const cliAlpine = derive(cli, {
    tag: `${version}-cli-alpine`,
    aliases: [
      ...tags('cli-alpine'),
      ...tags('alpine'),
      `${version}-alpine`,
      ...tags('cli-alpine3.21', [`${version}-cli-alpine3.21`]),
      ...tags('alpine3.21', [`${version}-alpine3.21`]),
    ],
    sizeBytes: mb(sizes.cliAlpine),
    layerCount: 11,
    base: 'alpine',
    parent: 'alpine:3.21',
    files: alpineFiles,
  })
  cliAlpine.profile = interactiveProfile('sh', 'apk', 8)
  const fpmAlpine = derive(fpm, {
    tag: `${version}-fpm-alpine`,
    aliases: [...tags('fpm-alpine'), ...tags('fpm-alpine3.21', [`${version}-fpm-alpine3.21`])],
    sizeBytes: mb(sizes.fpmAlpine),
    layerCount: 12,
    base: 'alpine',
    parent: 'alpine:3.21',
    files: alpineFiles,
  })
  fpmAlpine.profile = { ...fpmAlpine.profile, shell: 'sh', packageManager: 'apk' }
  for (const img of [cli, apache, fpm, cliAlpine, fpmAlpine]) {
    img.aliases = img.aliases.map((a) => a.replace(/^latest-/, ''))
  }
  return [cli, apache, fpm, cliAlpine, fpmAlpine]
}

export const phpImages: CatalogImage[] = [
  ...phpFamily('8.4.4', ['8.4', '8', 'latest'], '2025-02-14T02:23:10Z', {
    cli: 498,
    apache: 512,
    fpm: 506,
    cliAlpine: 104,
    fpmAlpine: 112,
  }),
  ...phpFamily('8.3.17', ['8.3'], '2025-02-14T02:15:47Z', {
    cli: 495,
    apache: 509,
    fpm: 503,
    cliAlpine: 101,
    fpmAlpine: 109,
  }),
  ...phpFamily('8.2.27', ['8.2'], '2025-01-24T21:41:16Z', {
    cli: 491,
    apache: 505,
    fpm: 499,
    cliAlpine: 97,
    fpmAlpine: 105,
  }),
]

export const phpScheme: VersionScheme = {
  repository: 'php',
  lines: [
    ['5.6', '5.6.40'],
    ['7.0', '7.0.33'],
    ['7.1', '7.1.33'],
    ['7.2', '7.2.34'],
    ['7.3', '7.3.33'],
    ['7.4', '7.4.33'],
    ['8.0', '8.0.30'],
    ['8.1', '8.1.31'],
    ['8.2', '8.2.27'],
    ['8.3', '8.3.17'],
    ['8.4', '8.4.4'],
  ],
  named: { latest: '8.4' },
  variants: {
    '': { template: '8.4.4-cli' },
    cli: { template: '8.4.4-cli' },
    zts: { template: '8.4.4-cli' },
    apache: { template: '8.4.4-apache' },
    'apache-bookworm': { template: '8.4.4-apache' },
    'apache-bullseye': { template: '8.4.4-apache' },
    'apache-buster': { template: '8.4.4-apache' },
    fpm: { template: '8.4.4-fpm' },
    'fpm-bookworm': { template: '8.4.4-fpm' },
    'fpm-bullseye': { template: '8.4.4-fpm' },
    'fpm-buster': { template: '8.4.4-fpm' },
    alpine: { template: '8.4.4-cli-alpine' },
    'cli-alpine': { template: '8.4.4-cli-alpine' },
    'fpm-alpine': { template: '8.4.4-fpm-alpine' },
  },
}

// WordPress ------------------------------------------------------------------------------------

const wordpressApache = (() => {
  const php = phpImages.find((i) => i.tag === '8.2.27-apache')
  if (php === undefined) throw new Error('catalog: php:8.2.27-apache missing')
  const wp = derive(php, {
    tag: '6.7.2-php8.2-apache',
    aliases: [
      '6.7.2-php8.2',
      '6.7-php8.2-apache',
      '6.7-php8.2',
      '6-php8.2-apache',
      '6-php8.2',
      'php8.2-apache',
      'php8.2',
      '6.7.2-apache',
      '6.7-apache',
      '6-apache',
      'apache',
      '6.7.2',
      '6.7',
      '6',
      'latest',
    ],
    created: '2025-02-11T19:46:07Z',
    sizeBytes: mb(700),
    layerCount: 22,
    parent: 'php:8.2-apache',
  })
  wp.repository = 'wordpress'
  wp.config = {
    ...wp.config,
    Entrypoint: ['docker-entrypoint.sh'],
    Volumes: volumes('/var/www/html'),
  }
  wp.profile = {
    ...wp.profile,
    startup: [
      errLine('WordPress not found in /var/www/html - copying now...'),
      errLine('Complete! WordPress has been successfully copied to /var/www/html'),
      ...apacheStartLines('apache2', APACHE_BANNER('8.2.27'), 'mpm_prefork'),
    ],
    restart: apacheStartLines('apache2', APACHE_BANNER('8.2.27'), 'mpm_prefork'),
    services: [
      {
        port: 80,
        protocol: 'tcp',
        kind: 'http',
        http: {
          status: 302,
          headers: {
            Date: '{{now:http}}',
            Server: 'Apache/2.4.62 (Debian)',
            'X-Powered-By': 'PHP/8.2.27',
            Location: 'http://{{requestHost}}/wp-admin/setup-config.php',
            'Content-Type': 'text/html; charset=UTF-8',
          },
          body: '',
          accessLog: out(
            '{{clientIp}} - - [{{now:clf}}] "{{method}} {{path}} HTTP/1.1" {{status}} {{bytes}} "-" "{{userAgent}}"',
          ),
        },
      },
    ],
    memoryMiB: { idle: 14 },
  }
  return wp
})()

const wordpressFpm = derive(wordpressApache, {
  tag: '6.7.2-php8.2-fpm',
  aliases: ['6.7.2-fpm', '6.7-fpm', '6-fpm', 'fpm', 'php8.2-fpm', '6-php8.2-fpm', '6.7-php8.2-fpm'],
  sizeBytes: mb(694),
  layerCount: 16,
  parent: 'php:8.2-fpm',
})
wordpressFpm.config = {
  ...wordpressFpm.config,
  Cmd: ['php-fpm'],
  ExposedPorts: ports('9000'),
  StopSignal: 'SIGQUIT',
}
wordpressFpm.profile = {
  ...wordpressFpm.profile,
  startup: [
    errLine('WordPress not found in /var/www/html - copying now...'),
    errLine('Complete! WordPress has been successfully copied to /var/www/html'),
    ...FPM_START,
  ],
  restart: FPM_START,
  services: [{ port: 9000, protocol: 'tcp', kind: 'tcp' }],
}

export const wordpressImages: CatalogImage[] = [wordpressApache, wordpressFpm]

export const wordpressScheme: VersionScheme = {
  repository: 'wordpress',
  lines: [
    ['4.9', '4.9.26'],
    ['5.0', '5.0.22'],
    ['5.9', '5.9.10'],
    ['6.0', '6.0.9'],
    ['6.1', '6.1.7'],
    ['6.2', '6.2.6'],
    ['6.3', '6.3.5'],
    ['6.4', '6.4.5'],
    ['6.5', '6.5.5'],
    ['6.6', '6.6.2'],
    ['6.7', '6.7.2'],
  ],
  named: { latest: '6.7' },
  variants: {
    '': { template: '6.7.2-php8.2-apache' },
    apache: { template: '6.7.2-php8.2-apache' },
    fpm: { template: '6.7.2-php8.2-fpm' },
    'fpm-alpine': { template: '6.7.2-php8.2-fpm' },
    'php8.1': { template: '6.7.2-php8.2-apache', replace: [['8.2.27', '8.1.31']] },
    'php8.1-apache': { template: '6.7.2-php8.2-apache', replace: [['8.2.27', '8.1.31']] },
    'php8.1-fpm': { template: '6.7.2-php8.2-fpm', replace: [['8.2.27', '8.1.31']] },
    'php8.2': { template: '6.7.2-php8.2-apache' },
    'php8.2-apache': { template: '6.7.2-php8.2-apache' },
    'php8.2-fpm': { template: '6.7.2-php8.2-fpm' },
    'php8.3': { template: '6.7.2-php8.2-apache', replace: [['8.2.27', '8.3.17']] },
    'php8.3-apache': { template: '6.7.2-php8.2-apache', replace: [['8.2.27', '8.3.17']] },
    'php8.3-fpm': { template: '6.7.2-php8.2-fpm', replace: [['8.2.27', '8.3.17']] },
  },
}

// Adminer --------------------------------------------------------------------------------------

const adminer = image({
  repository: 'adminer',
  tag: '4.8.1-standalone',
  aliases: ['4.8.1', '4.8', '4', 'latest', 'standalone', '4-standalone', '4.8-standalone'],
  created: '2025-02-14T03:04:25Z',
  sizeBytes: mb(118),
  layerCount: 14,
  config: {
    Cmd: ['php', '-S', '[::]:8080', '-t', '/var/www/html'],
    Entrypoint: ['entrypoint.sh', 'docker-php-entrypoint'],
    Env: phpEnv('8.3.17', false),
    ExposedPorts: ports('8080'),
    WorkingDir: '/var/www/html',
    User: 'adminer',
  },
  base: 'alpine',
  parent: 'php:8.3-cli-alpine',
  files: ALPINE_3_21,
  profile: {
    startup: [
      errLine('[{{now:phpServer}}] PHP 8.3.17 Development Server (http://[::]:8080) started'),
    ],
    services: [
      {
        port: 8080,
        protocol: 'tcp',
        kind: 'http',
        http: {
          status: 200,
          headers: {
            Host: '{{requestHost}}:{{requestPort}}',
            Date: '{{now:http}}',
            Connection: 'close',
            'X-Powered-By': 'PHP/8.3.17',
            'Content-Type': 'text/html; charset=utf-8',
            'Cache-Control': 'no-cache',
            'X-Frame-Options': 'deny',
            'X-XSS-Protection': '0',
            'X-Content-Type-Options': 'nosniff',
            'Referrer-Policy': 'origin-when-cross-origin',
          },
          body: '<!DOCTYPE html>\n<html lang="en" dir="ltr">\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n<meta name="robots" content="noindex">\n<title>Login - Adminer</title>\n</html>\n',
          accessLog: errLine(
            '[{{now:phpServer}}] [{{clientIp}}]:{{requestPort}} [{{status}}]: {{method}} {{path}}',
          ),
        },
      },
    ],
    memoryMiB: { idle: 6 },
    cpuPercent: { idle: 0 },
    shell: 'sh',
    packageManager: 'apk',
  },
})

const adminerFastcgi = derive(adminer, {
  tag: '4.8.1-fastcgi',
  aliases: ['4.8-fastcgi', '4-fastcgi', 'fastcgi'],
  sizeBytes: mb(124),
  parent: 'php:8.3-fpm-alpine',
})
adminerFastcgi.config = {
  ...adminerFastcgi.config,
  Cmd: ['php-fpm'],
  ExposedPorts: ports('9000'),
  StopSignal: 'SIGQUIT',
}
adminerFastcgi.profile = {
  ...adminerFastcgi.profile,
  startup: FPM_START,
  services: [{ port: 9000, protocol: 'tcp', kind: 'tcp' }],
}

export const adminerImages: CatalogImage[] = [adminer, adminerFastcgi]

// phpMyAdmin -----------------------------------------------------------------------------------

const phpmyadminApache = (() => {
  const php = phpImages.find((i) => i.tag === '8.2.27-apache')
  if (php === undefined) throw new Error('catalog: php:8.2.27-apache missing')
  const pma = derive(php, {
    tag: '5.2.2-apache',
    aliases: ['5.2.2', '5.2', '5', 'latest', 'apache', '5.2-apache', '5-apache'],
    created: '2025-01-21T18:26:41Z',
    sizeBytes: mb(571),
    layerCount: 22,
    parent: 'php:8.2-apache',
  })
  pma.repository = 'phpmyadmin'
  pma.config = {
    ...pma.config,
    Entrypoint: ['/docker-entrypoint.sh'],
    Env: [
      ...pma.config.Env,
      'PMA_SSL_DIR=/etc/phpmyadmin/ssl',
      'MAX_EXECUTION_TIME=600',
      'MEMORY_LIMIT=512M',
      'UPLOAD_LIMIT=2048K',
      'TZ=UTC',
      'SESSION_SAVE_PATH=/sessions',
      'VERSION=5.2.2',
      'URL=https://files.phpmyadmin.net/phpMyAdmin/5.2.2/phpMyAdmin-5.2.2-all-languages.tar.xz',
    ],
    Volumes: volumes('/sessions'),
    Labels: {
      'org.opencontainers.image.title': 'Official phpMyAdmin Docker image',
      'org.opencontainers.image.description': 'Run phpMyAdmin with Alpine, Apache and PHP FPM.',
      'org.opencontainers.image.authors': 'The phpMyAdmin Team <developers@phpmyadmin.net>',
      'org.opencontainers.image.vendor': 'phpMyAdmin',
      'org.opencontainers.image.documentation': 'https://github.com/phpmyadmin/docker#readme',
      'org.opencontainers.image.licenses': 'GPL-2.0-only',
      'org.opencontainers.image.version': '5.2.2',
      'org.opencontainers.image.url': 'https://github.com/phpmyadmin/docker#readme',
      'org.opencontainers.image.source': 'https://github.com/phpmyadmin/docker.git',
    },
  }
  pma.profile = {
    ...pma.profile,
    services: [
      {
        port: 80,
        protocol: 'tcp',
        kind: 'http',
        http: {
          status: 200,
          headers: {
            Date: '{{now:http}}',
            Server: 'Apache/2.4.62 (Debian)',
            'X-Powered-By': 'PHP/8.2.27',
            'Content-Type': 'text/html; charset=utf-8',
          },
          body: '<!doctype html>\n<html lang="en" dir="ltr">\n<head>\n  <meta charset="utf-8">\n  <title>phpMyAdmin</title>\n</head>\n</html>\n',
          accessLog: out(
            '{{clientIp}} - - [{{now:clf}}] "{{method}} {{path}} HTTP/1.1" {{status}} {{bytes}} "-" "{{userAgent}}"',
          ),
        },
      },
    ],
  }
  return pma
})()

export const phpmyadminImages: CatalogImage[] = [phpmyadminApache]
