/**
 * Apache httpd, from docker-library/httpd (2.4/Dockerfile, 2.4/alpine/Dockerfile,
 * httpd-foreground). 2.4.63 was released on 2025-01-23.
 */
import type { CatalogImage, LogLine } from '../catalog-types'
import {
  ALPINE_3_21,
  BOOKWORM,
  derive,
  errLine,
  image,
  mb,
  out,
  ports,
  type VersionScheme,
} from './define'

export const HTTPD_INDEX_HTML = '<html><body><h1>It works!</h1></body></html>\n'

/** The fully qualified domain name warning comes twice: once per config pass. */
export function apacheStartLines(binary: string, banner: string, mpm: string): LogLine[] {
  const fqdn = `AH00558: ${binary}: Could not reliably determine the server's fully qualified domain name, using {{ip}}. Set the 'ServerName' directive globally to suppress this message`
  return [
    errLine(fqdn),
    errLine(fqdn),
    errLine(
      `[{{now:apache}}] [${mpm}:notice] [pid 1:tid 1] ${mpm === 'mpm_event' ? 'AH00489' : 'AH00163'}: ${banner} configured -- resuming normal operations`,
    ),
    errLine(
      `[{{now:apache}}] [core:notice] [pid 1:tid 1] AH00094: Command line: '${binary} -D FOREGROUND'`,
    ),
  ]
}

const httpdDebian = image({
  repository: 'httpd',
  tag: '2.4.63',
  aliases: ['2.4', '2', 'latest', '2.4.63-bookworm', '2.4-bookworm', '2-bookworm', 'bookworm'],
  created: '2025-01-23T20:45:12Z',
  sizeBytes: mb(148),
  layerCount: 6,
  config: {
    Cmd: ['httpd-foreground'],
    Env: [
      'PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HTTPD_PREFIX=/usr/local/apache2',
      'HTTPD_VERSION=2.4.63',
      'HTTPD_PATCHES=',
    ],
    ExposedPorts: ports('80'),
    WorkingDir: '/usr/local/apache2',
    User: '',
    StopSignal: 'SIGWINCH',
  },
  base: 'debian',
  parent: 'debian:bookworm-slim',
  files: {
    ...BOOKWORM,
    '/usr/local/apache2/htdocs/index.html': HTTPD_INDEX_HTML,
  },
  profile: {
    startup: apacheStartLines('httpd', 'Apache/2.4.63 (Unix)', 'mpm_event'),
    services: [
      {
        port: 80,
        protocol: 'tcp',
        kind: 'http',
        http: {
          status: 200,
          headers: {
            Date: '{{now:http}}',
            Server: 'Apache/2.4.63 (Unix)',
            'Last-Modified': 'Mon, 11 Jun 2007 18:53:14 GMT',
            ETag: '"2d-432a5e4a73a80"',
            'Accept-Ranges': 'bytes',
            'Content-Length': '45',
            'Content-Type': 'text/html',
          },
          body: HTTPD_INDEX_HTML,
          accessLog: out(
            '{{clientIp}} - - [{{now:clf}}] "{{method}} {{path}} HTTP/1.1" {{status}} {{bytes}}',
          ),
        },
      },
    ],
    memoryMiB: { idle: 7.5 },
    cpuPercent: { idle: 0.01 },
    shell: 'bash',
    packageManager: 'apt',
  },
})

const httpdAlpine = derive(httpdDebian, {
  tag: '2.4.63-alpine',
  aliases: ['2.4-alpine', '2-alpine', 'alpine', '2.4.63-alpine3.21', 'alpine3.21'],
  created: '2025-01-23T20:37:40Z',
  sizeBytes: mb(62.9),
  layerCount: 6,
  base: 'alpine',
  parent: 'alpine:3.21',
  files: ALPINE_3_21,
})
httpdAlpine.profile = { ...httpdAlpine.profile, shell: 'sh', packageManager: 'apk' }

export const httpdImages: CatalogImage[] = [httpdDebian, httpdAlpine]

export const httpdScheme: VersionScheme = {
  repository: 'httpd',
  lines: [
    ['2.2', '2.2.34'],
    ['2.4', '2.4.63'],
  ],
  named: { latest: '2.4' },
  variants: { '': { template: '2.4.63' }, alpine: { template: '2.4.63-alpine' } },
}
