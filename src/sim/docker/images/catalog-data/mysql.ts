/**
 * MySQL (docker-library/mysql: 8.4/Dockerfile.oracle, docker-entrypoint.sh) and MariaDB
 * (MariaDB/mariadb-docker: 11.x Dockerfile, docker-entrypoint.sh). The entrypoints log with
 * `date --rfc-3339=seconds`; Note lines go to stdout, Warn and ERROR lines to stderr, and the
 * servers write their own log to stderr. Snapshot: MySQL 9.2.0 / 8.4.4 / 8.0.41 (2025-01-21),
 * MariaDB 11.7.2 / 11.4.5 / 10.11.11 / 10.6.21 (2025-02-13).
 */
import type { CatalogImage, LogLine } from '../catalog-types'
import { sha256Hex } from '../sha256'
import {
  DEFAULT_PATH,
  FOCAL,
  JAMMY,
  NOBLE,
  ORACLE_9,
  derive,
  errLine,
  image,
  mb,
  out,
  ports,
  volumes,
  type VersionScheme,
} from './define'

const note = (text: string): LogLine => out(`{{now:rfc3339}} [Note] [Entrypoint]: ${text}`)
const warn = (text: string): LogLine => errLine(`{{now:rfc3339}} [Warn] [Entrypoint]: ${text}`)
const fail = (text: string): LogLine => errLine(`{{now:rfc3339}} [ERROR] [Entrypoint]: ${text}`)

// MySQL ----------------------------------------------------------------------------------------

const MYSQL_PKG = '8.4.4-1.el9'
const mysqld = (thread: number, level: string, code: string, sub: string, text: string): LogLine =>
  errLine(`{{now:isoMicro}} ${thread} [${level}] [${code}] [${sub}] ${text}`)

function mysqlServerStart(pid: string, port: number, xplugin: string): LogLine[] {
  return [
    mysqld(0, 'System', 'MY-015015', 'Server', 'MySQL Server - start.'),
    mysqld(
      0,
      'System',
      'MY-010116',
      'Server',
      `/usr/sbin/mysqld (mysqld 8.4.4) starting as process ${pid}`,
    ),
    mysqld(1, 'System', 'MY-013576', 'InnoDB', 'InnoDB initialization has started.'),
    mysqld(1, 'System', 'MY-013577', 'InnoDB', 'InnoDB initialization has ended.'),
    mysqld(0, 'Warning', 'MY-010068', 'Server', 'CA certificate ca.pem is self signed.'),
    mysqld(
      0,
      'System',
      'MY-013602',
      'Server',
      'Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.',
    ),
    mysqld(
      0,
      'Warning',
      'MY-011810',
      'Server',
      "Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.",
    ),
    mysqld(0, 'System', 'MY-011323', 'Server', `X Plugin ready for connections. ${xplugin}`),
    mysqld(
      0,
      'System',
      'MY-010931',
      'Server',
      `/usr/sbin/mysqld: ready for connections. Version: '8.4.4'  socket: '/var/run/mysqld/mysqld.sock'  port: ${port}  MySQL Community Server - GPL.`,
    ),
  ]
}

function mysqlShutdown(thread: number, who: string): LogLine[] {
  return [
    mysqld(
      thread,
      'System',
      'MY-013172',
      'Server',
      `Received SHUTDOWN from user ${who}. Shutting down mysqld (Version: 8.4.4).`,
    ),
    mysqld(
      0,
      'System',
      'MY-010910',
      'Server',
      '/usr/sbin/mysqld: Shutdown complete (mysqld 8.4.4)  MySQL Community Server - GPL.',
    ),
    mysqld(0, 'System', 'MY-015016', 'Server', 'MySQL Server - end.'),
  ]
}

const mysqlPrelude: LogLine[] = [
  note(`Entrypoint script for MySQL Server ${MYSQL_PKG} started.`),
  note("Switching to dedicated user 'mysql'"),
  note(`Entrypoint script for MySQL Server ${MYSQL_PKG} started.`),
]

const mysqlFirstStart: LogLine[] = [
  ...mysqlPrelude,
  note('Initializing database files'),
  mysqld(0, 'System', 'MY-015017', 'Server', 'MySQL Server Initialization - start.'),
  mysqld(
    0,
    'System',
    'MY-013169',
    'Server',
    '/usr/sbin/mysqld (mysqld 8.4.4) initializing of server in progress as process {{pid:79}}',
  ),
  mysqld(1, 'System', 'MY-013576', 'InnoDB', 'InnoDB initialization has started.'),
  mysqld(1, 'System', 'MY-013577', 'InnoDB', 'InnoDB initialization has ended.'),
  mysqld(
    6,
    'Warning',
    'MY-010453',
    'Server',
    'root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.',
  ),
  mysqld(0, 'System', 'MY-015018', 'Server', 'MySQL Server Initialization - end.'),
  note('Database files initialized'),
  note('Starting temporary server'),
  ...mysqlServerStart('{{pid:122}}', 0, 'Socket: /var/run/mysqld/mysqlx.sock'),
  note('Temporary server started.'),
  out("'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'"),
  ...[
    'iso3166.tab',
    'leap-seconds.list',
    'leapseconds',
    'tzdata.zi',
    'zone.tab',
    'zone1970.tab',
  ].map((f) =>
    out(`Warning: Unable to load '/usr/share/zoneinfo/${f}' as time zone. Skipping it.`),
  ),
  out(''),
  note('Stopping temporary server'),
  ...mysqlShutdown(10, 'root'),
  note('Temporary server stopped'),
  out(''),
  note('MySQL init process done. Ready for start up.'),
  out(''),
  ...mysqlServerStart(
    '1',
    3306,
    "Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock",
  ),
]

const mysqlRestart: LogLine[] = [
  ...mysqlPrelude,
  ...mysqlServerStart(
    '1',
    3306,
    "Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock",
  ),
]

const mysqlRequires = [
  {
    anyOfEnv: [
      'MYSQL_ROOT_PASSWORD',
      'MYSQL_ROOT_PASSWORD_FILE',
      'MYSQL_ALLOW_EMPTY_PASSWORD',
      'MYSQL_RANDOM_ROOT_PASSWORD',
    ],
    failure: {
      code: 1,
      logs: [
        ...mysqlPrelude,
        fail('Database is uninitialized and password option is not specified'),
        errLine('    You need to specify one of the following as an environment variable:'),
        errLine('    - MYSQL_ROOT_PASSWORD'),
        errLine('    - MYSQL_ALLOW_EMPTY_PASSWORD'),
        errLine('    - MYSQL_RANDOM_ROOT_PASSWORD'),
      ],
    },
  },
]

const mysql84 = image({
  repository: 'mysql',
  tag: '8.4.4',
  aliases: [
    '8.4',
    '8',
    'lts',
    '8.4.4-oraclelinux9',
    '8.4-oraclelinux9',
    '8-oraclelinux9',
    'lts-oraclelinux9',
    '8.4.4-oracle',
    '8.4-oracle',
    '8-oracle',
    'lts-oracle',
  ],
  created: '2025-01-21T22:19:47Z',
  sizeBytes: mb(764),
  layerCount: 10,
  config: {
    Cmd: ['mysqld'],
    Entrypoint: ['docker-entrypoint.sh'],
    Env: [
      DEFAULT_PATH,
      'GOSU_VERSION=1.17',
      'MYSQL_MAJOR=8.4',
      `MYSQL_VERSION=${MYSQL_PKG}`,
      `MYSQL_SHELL_VERSION=${MYSQL_PKG}`,
    ],
    ExposedPorts: ports('3306', '33060'),
    WorkingDir: '/',
    Volumes: volumes('/var/lib/mysql'),
    User: '',
  },
  base: 'oraclelinux',
  files: ORACLE_9,
  profile: {
    startup: mysqlFirstStart,
    restart: mysqlRestart,
    shutdown: { logs: mysqlShutdown(0, '<via user signal>'), code: 0 },
    requires: mysqlRequires,
    services: [
      { port: 3306, protocol: 'tcp', kind: 'mysql' },
      { port: 33060, protocol: 'tcp', kind: 'tcp' },
    ],
    memoryMiB: { idle: 430 },
    cpuPercent: { idle: 0.6 },
    shell: 'bash',
    packageManager: 'microdnf',
  },
})

const mysql92 = derive(mysql84, {
  tag: '9.2.0',
  aliases: [
    '9.2',
    '9',
    'innovation',
    'latest',
    '9.2.0-oraclelinux9',
    '9.2-oraclelinux9',
    '9-oraclelinux9',
    'innovation-oraclelinux9',
    'oraclelinux9',
    '9.2.0-oracle',
    '9.2-oracle',
    '9-oracle',
    'innovation-oracle',
    'oracle',
  ],
  created: '2025-01-21T22:19:58Z',
  sizeBytes: mb(797),
  replace: [
    ['8.4.4', '9.2.0'],
    ['MYSQL_MAJOR=8.4', 'MYSQL_MAJOR=innovation'],
  ],
})

const mysql80 = derive(mysql84, {
  tag: '8.0.41',
  aliases: ['8.0', '8.0.41-oraclelinux9', '8.0-oraclelinux9', '8.0.41-oracle', '8.0-oracle'],
  created: '2025-01-21T22:19:36Z',
  sizeBytes: mb(772),
  replace: [
    ['8.4.4', '8.0.41'],
    ['MYSQL_MAJOR=8.4', 'MYSQL_MAJOR=8.0'],
  ],
})

export const mysqlImages: CatalogImage[] = [mysql84, mysql92, mysql80]

export const mysqlScheme: VersionScheme = {
  repository: 'mysql',
  lines: [
    ['5.5', '5.5.62'],
    ['5.6', '5.6.51'],
    ['5.7', '5.7.44'],
    ['8.0', '8.0.41'],
    ['8.1', '8.1.0'],
    ['8.2', '8.2.0'],
    ['8.3', '8.3.0'],
    ['8.4', '8.4.4'],
    ['9.0', '9.0.1'],
    ['9.1', '9.1.0'],
    ['9.2', '9.2.0'],
  ],
  named: { latest: '9.2', lts: '8.4', innovation: '9.2' },
  variants: {
    '': { template: '8.4.4' },
    oraclelinux9: { template: '8.4.4' },
    oracle: { template: '8.4.4' },
    debian: { template: '8.4.4', replace: [['-1.el9', '-1debian12']] },
  },
  lineMarkers: ['MYSQL_MAJOR='],
}

// MariaDB --------------------------------------------------------------------------------------

const MARIADB_PKG = '1:11.7.2+maria~ubu2404'
// The build's git revision and the server uid differ per build and per datadir; these are
// stand-ins of the right shape, not the real values.
const MARIADB_REVISION = sha256Hex('mariadb 11.7.2 revision').slice(0, 40)
const MARIADB_SERVER_UID = 'Yy8bO2Mg2c0Ykdfo5cI5v+mEDPo='
const maria = (text: string): LogLine => errLine(`{{now:dateTime}} 0 [Note] ${text}`)

function mariadbServerStart(pid: string, port: number): LogLine[] {
  return [
    maria(
      `Starting MariaDB 11.7.2-MariaDB-ubu2404 source revision ${MARIADB_REVISION} server_uid ${MARIADB_SERVER_UID} as process ${pid}`,
    ),
    maria('InnoDB: Compressed tables use zlib 1.3'),
    maria('InnoDB: Number of transaction pools: 1'),
    maria('InnoDB: Using crc32 + pclmulqdq instructions'),
    maria('InnoDB: Using liburing'),
    maria('InnoDB: Initializing buffer pool, total size = 128.000MiB, chunk size = 2.000MiB'),
    maria('InnoDB: Completed initialization of buffer pool'),
    maria('InnoDB: 128 rollback segments are active.'),
    maria('InnoDB: log sequence number 47629; transaction id 14'),
    maria("Plugin 'FEEDBACK' is disabled."),
    ...(port === 0
      ? []
      : [
          maria(`Server socket created on IP: '0.0.0.0', port: '${port}'.`),
          maria(`Server socket created on IP: '::', port: '${port}'.`),
        ]),
    maria('mariadbd: Event Scheduler: Loaded 0 events'),
    maria('mariadbd: ready for connections.'),
    errLine(
      `Version: '11.7.2-MariaDB-ubu2404'  socket: '/run/mysqld/mysqld.sock'  port: ${port}  mariadb.org binary distribution`,
    ),
  ]
}

function mariadbShutdown(): LogLine[] {
  return [
    maria('mariadbd (initiated by: unknown): Normal shutdown'),
    maria('InnoDB: FTS optimize thread exiting.'),
    maria('InnoDB: Starting shutdown...'),
    maria('InnoDB: Buffer pool(s) dump completed at {{now:dateTime}}'),
    maria('InnoDB: Shutdown completed; log sequence number 47629; transaction id 15'),
    maria('mariadbd: Shutdown complete'),
  ]
}

const mariadbPrelude: LogLine[] = [
  note(`Entrypoint script for MariaDB Server ${MARIADB_PKG} started.`),
  warn('/sys/fs/cgroup///memory.pressure not writable, functionality unavailable to MariaDB'),
  note("Switching to dedicated user 'mysql'"),
  note(`Entrypoint script for MariaDB Server ${MARIADB_PKG} started.`),
]

const mariadbFirstStart: LogLine[] = [
  ...mariadbPrelude,
  note('Initializing database files'),
  note('Database files initialized'),
  note('Starting temporary server'),
  note('Waiting for server startup'),
  ...mariadbServerStart('{{pid:96}}', 0),
  note('Temporary server started.'),
  note('Stopping temporary server'),
  ...mariadbShutdown(),
  note('Temporary server stopped'),
  out(''),
  note('MariaDB init process done. Ready for start up.'),
  out(''),
  ...mariadbServerStart('1', 3306),
]

const mariadbPasswordEnv = [
  'MARIADB_ROOT_PASSWORD',
  'MARIADB_ROOT_PASSWORD_FILE',
  'MARIADB_ROOT_PASSWORD_HASH',
  'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD',
  'MARIADB_RANDOM_ROOT_PASSWORD',
  'MYSQL_ROOT_PASSWORD',
  'MYSQL_ROOT_PASSWORD_FILE',
  'MYSQL_ALLOW_EMPTY_PASSWORD',
  'MYSQL_RANDOM_ROOT_PASSWORD',
]

const mariadb117 = image({
  repository: 'mariadb',
  tag: '11.7.2',
  aliases: ['11.7', '11', 'latest', '11.7.2-noble', '11.7-noble', '11-noble', 'noble'],
  created: '2025-02-13T22:02:44Z',
  sizeBytes: mb(336),
  layerCount: 10,
  config: {
    Cmd: ['mariadbd'],
    Entrypoint: ['docker-entrypoint.sh'],
    Env: [DEFAULT_PATH, 'GOSU_VERSION=1.17', 'LANG=C.UTF-8', `MARIADB_VERSION=${MARIADB_PKG}`],
    ExposedPorts: ports('3306'),
    WorkingDir: '/',
    Volumes: volumes('/var/lib/mysql'),
    User: '',
    Labels: {
      'org.opencontainers.image.authors': 'MariaDB Community',
      'org.opencontainers.image.base.name': 'docker.io/library/ubuntu:noble',
      'org.opencontainers.image.description': 'MariaDB Database for relational SQL',
      'org.opencontainers.image.documentation': 'https://hub.docker.com/_/mariadb/',
      'org.opencontainers.image.licenses': 'GPL-2.0',
      'org.opencontainers.image.source': 'https://github.com/MariaDB/mariadb-docker',
      'org.opencontainers.image.title': 'MariaDB Database',
      'org.opencontainers.image.url': 'https://github.com/MariaDB/mariadb-docker',
      'org.opencontainers.image.vendor': 'MariaDB Community',
      'org.opencontainers.image.version': '11.7.2',
    },
  },
  base: 'ubuntu',
  parent: 'ubuntu:24.04',
  files: NOBLE,
  profile: {
    startup: mariadbFirstStart,
    restart: [...mariadbPrelude, ...mariadbServerStart('1', 3306)],
    shutdown: { logs: mariadbShutdown(), code: 0 },
    requires: [
      {
        anyOfEnv: mariadbPasswordEnv,
        failure: {
          code: 1,
          logs: [
            ...mariadbPrelude,
            fail('Database is uninitialized and password option is not specified'),
            errLine(
              '\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD',
            ),
          ],
        },
      },
    ],
    services: [{ port: 3306, protocol: 'tcp', kind: 'mysql' }],
    memoryMiB: { idle: 95 },
    cpuPercent: { idle: 0.05 },
    shell: 'bash',
    packageManager: 'apt',
  },
})

function mariadbRelease(
  version: string,
  ubuntu: { tag: string; codename: string; pkg: string; files: Record<string, string> },
  aliases: string[],
  created: string,
  size: number,
): CatalogImage {
  return derive(mariadb117, {
    tag: version,
    aliases,
    created,
    sizeBytes: mb(size),
    parent: `ubuntu:${ubuntu.tag}`,
    files: ubuntu.files,
    replace: [
      ['11.7.2', version],
      ['ubu2404', ubuntu.pkg],
      ['ubuntu:noble', `ubuntu:${ubuntu.codename}`],
    ],
  })
}

const JAMMY_BASE = { tag: '22.04', codename: 'jammy', pkg: 'ubu2204', files: JAMMY }
const FOCAL_BASE = { tag: '20.04', codename: 'focal', pkg: 'ubu2004', files: FOCAL }
const NOBLE_BASE = { tag: '24.04', codename: 'noble', pkg: 'ubu2404', files: NOBLE }

export const mariadbImages: CatalogImage[] = [
  mariadb117,
  mariadbRelease(
    '11.4.5',
    NOBLE_BASE,
    ['11.4', 'lts', '11.4.5-noble', '11.4-noble', 'lts-noble'],
    '2025-02-13T22:02:19Z',
    335,
  ),
  mariadbRelease(
    '10.11.11',
    JAMMY_BASE,
    ['10.11', '10', '10.11.11-jammy', '10.11-jammy', '10-jammy'],
    '2025-02-13T22:01:55Z',
    327,
  ),
  mariadbRelease(
    '10.6.21',
    FOCAL_BASE,
    ['10.6', '10.6.21-focal', '10.6-focal'],
    '2025-02-13T22:01:30Z',
    311,
  ),
]

export const mariadbScheme: VersionScheme = {
  repository: 'mariadb',
  lines: [
    ['10.1', '10.1.48'],
    ['10.2', '10.2.44'],
    ['10.3', '10.3.39'],
    ['10.4', '10.4.34'],
    ['10.5', '10.5.28'],
    ['10.6', '10.6.21'],
    ['10.7', '10.7.8'],
    ['10.8', '10.8.8'],
    ['10.9', '10.9.8'],
    ['10.10', '10.10.7'],
    ['10.11', '10.11.11'],
    ['11.0', '11.0.6'],
    ['11.1', '11.1.6'],
    ['11.2', '11.2.6'],
    ['11.3', '11.3.2'],
    ['11.4', '11.4.5'],
    ['11.5', '11.5.2'],
    ['11.6', '11.6.2'],
    ['11.7', '11.7.2'],
  ],
  named: { latest: '11.7', lts: '11.4' },
  variants: {
    '': { template: '11.7.2' },
    noble: { template: '11.7.2' },
    jammy: {
      template: '11.7.2',
      replace: [
        ['ubu2404', 'ubu2204'],
        ['ubuntu:noble', 'ubuntu:jammy'],
      ],
      files: JAMMY,
    },
    focal: {
      template: '11.7.2',
      replace: [
        ['ubu2404', 'ubu2004'],
        ['ubuntu:noble', 'ubuntu:focal'],
      ],
      files: FOCAL,
    },
  },
}
