/**
 * Redis, from docker-library/redis (7.4/debian, 7.4/alpine Dockerfiles and
 * docker-entrypoint.sh). 7.4.2 was released on 2025-01-06. Redis 7 writes plain log lines
 * (`pid:role date level message`), no ASCII-art banner when stdout is not a terminal.
 */
import type { CatalogImage, LogLine } from '../catalog-types'
import {
  ALPINE_3_21,
  BOOKWORM,
  DEFAULT_PATH,
  derive,
  image,
  mb,
  out,
  ports,
  volumes,
  type VersionScheme,
} from './define'

const c = (text: string): LogLine => out(`1:C {{now:redis}} ${text}`)
const m = (text: string): LogLine => out(`1:M {{now:redis}} ${text}`)

const STARTUP: LogLine[] = [
  c('* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
  c('* Redis version=7.4.2, bits=64, commit=00000000, modified=0, pid=1, just started'),
  c(
    '# Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
  ),
  m('* monotonic clock: POSIX clock_gettime'),
  m('* Running mode=standalone, port=6379.'),
  m('* Server initialized'),
  m('* Ready to accept connections tcp'),
]

const RESTART: LogLine[] = [
  ...STARTUP.slice(0, 6),
  m('* Loading RDB produced by version 7.4.2'),
  m('* RDB age 12 seconds'),
  m('* RDB memory usage when created 0.90 Mb'),
  m('* Done loading RDB, keys loaded: 0, keys expired: 0.'),
  m('* DB loaded from disk: 0.000 seconds'),
  m('* Ready to accept connections tcp'),
]

const SHUTDOWN: LogLine[] = [
  out('1:signal-handler ({{now:unix}}) Received SIGTERM scheduling shutdown...'),
  m('* User requested shutdown...'),
  m('* Saving the final RDB snapshot before exiting.'),
  m('* DB saved on disk'),
  m('# Redis is now ready to exit, bye bye...'),
]

const redisDebian = image({
  repository: 'redis',
  tag: '7.4.2',
  aliases: ['7.4', '7', 'latest', '7.4.2-bookworm', '7.4-bookworm', '7-bookworm', 'bookworm'],
  created: '2025-01-07T01:25:36Z',
  sizeBytes: mb(117),
  layerCount: 8,
  config: {
    Cmd: ['redis-server'],
    Entrypoint: ['docker-entrypoint.sh'],
    Env: [
      DEFAULT_PATH,
      'GOSU_VERSION=1.17',
      'REDIS_VERSION=7.4.2',
      'REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.4.2.tar.gz',
    ],
    ExposedPorts: ports('6379'),
    WorkingDir: '/data',
    Volumes: volumes('/data'),
    User: '',
  },
  base: 'debian',
  parent: 'debian:bookworm-slim',
  files: BOOKWORM,
  profile: {
    startup: STARTUP,
    restart: RESTART,
    shutdown: { logs: SHUTDOWN, code: 0 },
    services: [{ port: 6379, protocol: 'tcp', kind: 'redis' }],
    memoryMiB: { idle: 3.6 },
    cpuPercent: { idle: 0.3 },
    shell: 'bash',
    packageManager: 'apt',
  },
})

const redisAlpine = derive(redisDebian, {
  tag: '7.4.2-alpine',
  aliases: ['7.4-alpine', '7-alpine', 'alpine', '7.4.2-alpine3.21', '7.4-alpine3.21', 'alpine3.21'],
  created: '2025-01-07T01:25:33Z',
  sizeBytes: mb(41.4),
  layerCount: 9,
  base: 'alpine',
  parent: 'alpine:3.21',
  files: ALPINE_3_21,
})
redisAlpine.profile = { ...redisAlpine.profile, shell: 'sh', packageManager: 'apk' }

export const redisImages: CatalogImage[] = [redisDebian, redisAlpine]

export const redisScheme: VersionScheme = {
  repository: 'redis',
  lines: [
    ['3.2', '3.2.12'],
    ['4.0', '4.0.14'],
    ['5.0', '5.0.14'],
    ['6.0', '6.0.20'],
    ['6.2', '6.2.17'],
    ['7.0', '7.0.15'],
    ['7.2', '7.2.7'],
    ['7.4', '7.4.2'],
  ],
  named: { latest: '7.4' },
  variants: {
    '': { template: '7.4.2' },
    bookworm: { template: '7.4.2' },
    alpine: { template: '7.4.2-alpine' },
  },
}
