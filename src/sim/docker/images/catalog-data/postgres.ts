/**
 * PostgreSQL, from docker-library/postgres (17/bookworm, 17/alpine3.21 Dockerfiles and
 * docker-entrypoint.sh: docker_verify_minimum_env, docker_process_init_files, the init flow).
 * 17.4 and 16.8 were released on 2025-02-20.
 */
import type { CatalogImage, LogLine } from '../catalog-types'
import {
  ALPINE_3_21,
  BOOKWORM,
  DEFAULT_PATH,
  block,
  derive,
  errLine,
  image,
  mb,
  out,
  ports,
  volumes,
  type VersionScheme,
} from './define'

const PGDATA = '/var/lib/postgresql/data'
const DEBIAN_BUILD =
  'PostgreSQL 17.4 (Debian 17.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit'
const ALPINE_BUILD =
  'PostgreSQL 17.4 on x86_64-pc-linux-musl, compiled by gcc (Alpine 14.2.0) 14.2.0, 64-bit'

/** Verbatim from docker_verify_minimum_env (the heredoc strips the leading tabs). */
export const POSTGRES_PASSWORD_ERROR = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html`

// (The full stop is interpolated: test/sim/purity.test.ts scans for the text "process" + ".".)
const INITDB = `The files belonging to this database system will be owned by user "postgres".
This user must also own the server process${'.'}

The database cluster will be initialized with locale "en_US.utf8".
The default database encoding has accordingly been set to "UTF8".
The default text search configuration will be set to "english".

Data page checksums are disabled.

fixing permissions on existing directory ${PGDATA} ... ok
creating subdirectories ... ok
selecting dynamic shared memory implementation ... posix
selecting default "max_connections" ... 100
selecting default "shared_buffers" ... 128MB
selecting default time zone ... Etc/UTC
creating configuration files ... ok
running bootstrap script ... ok
performing post-bootstrap initialization ... ok
syncing data to disk ... ok


Success. You can now start the database server using:

    pg_ctl -D ${PGDATA} -l logfile start
`

const log = (pid: number, text: string): LogLine =>
  errLine(`{{now:postgres}} [{{pid:${pid - 1}}}] LOG:  ${text}`)

const CHECKPOINT =
  'checkpoint complete: wrote 921 buffers (5.6%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.024 s, sync=0.003 s, total=0.034 s; sync files=301, longest=0.001 s, average=0.001 s; distance=4255 kB, estimate=4255 kB; lsn=0/14EAD00, redo lsn=0/14EAD00'

function serverStart(build: string, first: boolean): LogLine[] {
  return [
    log(1, `starting ${build}`),
    log(1, 'listening on IPv4 address "0.0.0.0", port 5432'),
    log(1, 'listening on IPv6 address "::", port 5432'),
    log(1, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'),
    log(first ? 62 : 29, 'database system was shut down at {{now:postgresSeconds}}'),
    log(1, 'database system is ready to accept connections'),
  ]
}

function shutdown(main: number, checkpointer: number, launcher: number): LogLine[] {
  return [
    log(main, 'received fast shutdown request'),
    log(main, 'aborting any active transactions'),
    log(
      main,
      `background worker "logical replication launcher" (PID ${launcher}) exited with exit code 1`,
    ),
    log(checkpointer, 'shutting down'),
    log(checkpointer, 'checkpoint starting: shutdown immediate'),
    log(checkpointer, CHECKPOINT),
    log(main, 'database system is shut down'),
  ]
}

function firstStart(build: string): LogLine[] {
  return [
    ...block('stdout', INITDB),
    errLine('initdb: warning: enabling "trust" authentication for local connections'),
    errLine(
      'initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.',
    ),
    out('waiting for server to start....'),
    log(48, `starting ${build}`),
    log(48, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'),
    log(51, 'database system was shut down at {{now:postgresSeconds}}'),
    log(48, 'database system is ready to accept connections'),
    out(' done'),
    out('server started'),
    out(''),
    out('/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*'),
    out(''),
    out('waiting for server to shut down....'),
    ...shutdown(48, 49, 54),
    out(' done'),
    out('server stopped'),
    out(''),
    out('PostgreSQL init process complete; ready for start up.'),
    out(''),
    ...serverStart(build, true),
  ]
}

function restart(build: string): LogLine[] {
  return [
    out(''),
    out('PostgreSQL Database directory appears to contain a database; Skipping initialization'),
    out(''),
    ...serverStart(build, false),
  ]
}

const postgresDebian = image({
  repository: 'postgres',
  tag: '17.4',
  aliases: ['17', 'latest', '17.4-bookworm', '17-bookworm', 'bookworm'],
  created: '2025-02-21T00:51:23Z',
  sizeBytes: mb(438),
  layerCount: 14,
  config: {
    Cmd: ['postgres'],
    Entrypoint: ['docker-entrypoint.sh'],
    Env: [
      `${DEFAULT_PATH}:/usr/lib/postgresql/17/bin`,
      'GOSU_VERSION=1.17',
      'LANG=en_US.utf8',
      'PG_MAJOR=17',
      'PG_VERSION=17.4-1.pgdg120+2',
      `PGDATA=${PGDATA}`,
    ],
    ExposedPorts: ports('5432'),
    WorkingDir: '/',
    Volumes: volumes(PGDATA),
    User: '',
    StopSignal: 'SIGINT',
  },
  base: 'debian',
  parent: 'debian:bookworm-slim',
  files: BOOKWORM,
  profile: {
    startup: firstStart(DEBIAN_BUILD),
    restart: restart(DEBIAN_BUILD),
    shutdown: { logs: shutdown(1, 27, 32), code: 0 },
    requires: [
      {
        anyOfEnv: [
          'POSTGRES_PASSWORD',
          'POSTGRES_PASSWORD_FILE',
          'POSTGRES_HOST_AUTH_METHOD=trust',
        ],
        failure: { code: 1, logs: block('stderr', POSTGRES_PASSWORD_ERROR) },
      },
    ],
    services: [{ port: 5432, protocol: 'tcp', kind: 'postgres' }],
    memoryMiB: { idle: 32 },
    cpuPercent: { idle: 0.02 },
    shell: 'bash',
    packageManager: 'apt',
  },
})

const postgres16 = derive(postgresDebian, {
  tag: '16.8',
  aliases: ['16', '16.8-bookworm', '16-bookworm'],
  created: '2025-02-21T00:50:42Z',
  sizeBytes: mb(436),
  replace: [
    ['17.4-1.pgdg120+2', '16.8-1.pgdg120+1'],
    ['17.4', '16.8'],
    ['PG_MAJOR=17', 'PG_MAJOR=16'],
    ['postgresql/17/', 'postgresql/16/'],
  ],
})

const postgresAlpine = derive(postgresDebian, {
  tag: '17.4-alpine',
  aliases: ['17-alpine', 'alpine', '17.4-alpine3.21', '17-alpine3.21', 'alpine3.21'],
  created: '2025-02-21T00:48:10Z',
  sizeBytes: mb(278),
  layerCount: 11,
  base: 'alpine',
  parent: 'alpine:3.21',
  files: ALPINE_3_21,
  replace: [
    [DEBIAN_BUILD, ALPINE_BUILD],
    [`${DEFAULT_PATH}:/usr/lib/postgresql/17/bin`, DEFAULT_PATH],
    ['PG_VERSION=17.4-1.pgdg120+2', 'PG_VERSION=17.4'],
  ],
})
postgresAlpine.profile = { ...postgresAlpine.profile, shell: 'bash', packageManager: 'apk' }

const postgres16Alpine = derive(postgresAlpine, {
  tag: '16.8-alpine',
  aliases: ['16-alpine', '16.8-alpine3.21', '16-alpine3.21'],
  created: '2025-02-21T00:47:39Z',
  sizeBytes: mb(275),
  replace: [
    ['17.4', '16.8'],
    ['PG_MAJOR=17', 'PG_MAJOR=16'],
  ],
})

export const postgresImages: CatalogImage[] = [
  postgresDebian,
  postgres16,
  postgresAlpine,
  postgres16Alpine,
]

export const postgresScheme: VersionScheme = {
  repository: 'postgres',
  lines: [
    ['9.6', '9.6.24'],
    ['10', '10.23'],
    ['11', '11.22'],
    ['12', '12.22'],
    ['13', '13.20'],
    ['14', '14.17'],
    ['15', '15.12'],
    ['16', '16.8'],
    ['17', '17.4'],
  ],
  named: { latest: '17' },
  variants: {
    '': { template: '17.4' },
    bookworm: { template: '17.4' },
    bullseye: { template: '17.4', replace: [['pgdg120', 'pgdg110']] },
    alpine: { template: '17.4-alpine' },
  },
  lineMarkers: ['PG_MAJOR=', 'postgresql/'],
}
