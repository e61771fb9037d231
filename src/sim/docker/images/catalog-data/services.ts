/**
 * Servers: mongo (docker-library/mongo), traefik (traefik/traefik-library-image), rabbitmq
 * (docker-library/rabbitmq), memcached (docker-library/memcached), grafana/grafana
 * (grafana/grafana Dockerfile) and prom/prometheus (prometheus/prometheus Dockerfile).
 * Snapshot: MongoDB 8.0.5, Traefik 3.3.4, RabbitMQ 4.0.7, memcached 1.6.36, Grafana 11.5.2,
 * Prometheus 3.2.1.
 */
import type { CatalogImage, LogLine } from '../catalog-types'
import { sha256Hex } from '../sha256'
import {
  ALPINE_3_21,
  BOOKWORM,
  DEFAULT_PATH,
  JAMMY,
  NOBLE,
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

// MongoDB --------------------------------------------------------------------------------------

/** mongod writes structured JSON log lines to stdout, padding `s`, `c` and `id`. */
function mongoLine(c: string, id: number, ctx: string, msg: string, attr?: string): LogLine {
  const comp = `"${c}",`.padEnd(10, ' ')
  const idField = `${id},`.padEnd(8, ' ')
  const tail = attr === undefined ? '' : `,"attr":${attr}`
  return out(
    `{"t":{"$date":"{{now:mongo}}"},"s":"I",  "c":${comp} "id":${idField} "ctx":"${ctx}","msg":"${msg}"${tail}}`,
  )
}

const MONGO_STARTUP: LogLine[] = [
  mongoLine(
    'CONTROL',
    23285,
    'main',
    "Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'",
  ),
  mongoLine('CONTROL', 5945603, 'main', 'Multi threading initialized'),
  mongoLine(
    'NETWORK',
    4648601,
    'main',
    'Implicit TCP FastOpen unavailable. If TCP FastOpen is required, set at least one of the related parameters',
    '{"relatedParameters":["tcpFastOpenServer","tcpFastOpenClient","tcpFastOpenQueueSize"]}',
  ),
  mongoLine(
    'CONTROL',
    4615611,
    'initandlisten',
    'MongoDB starting',
    '{"pid":1,"port":27017,"dbPath":"/data/db","architecture":"64-bit","host":"{{hostname}}"}',
  ),
  mongoLine(
    'CONTROL',
    23403,
    'initandlisten',
    'Build Info',
    '{"buildInfo":{"version":"8.0.5","openSSLVersion":"OpenSSL 3.0.13 30 Jan 2024","modules":[],"allocator":"tcmalloc-google","environment":{"distmod":"ubuntu2404","distarch":"x86_64","target_arch":"x86_64"}}}',
  ),
  mongoLine(
    'CONTROL',
    51765,
    'initandlisten',
    'Operating System',
    '{"os":{"name":"Ubuntu","version":"24.04"}}',
  ),
  mongoLine(
    'CONTROL',
    21951,
    'initandlisten',
    'Options set by command line',
    '{"options":{"net":{"bindIp":"*"}}}',
  ),
  mongoLine(
    'STORAGE',
    22297,
    'initandlisten',
    'Using the XFS filesystem is strongly recommended with the WiredTiger storage engine. See http://dochub.mongodb.org/core/prodnotes-filesystem',
  ),
  mongoLine(
    'STORAGE',
    22315,
    'initandlisten',
    'Opening WiredTiger',
    '{"config":"create,cache_size=7485M,session_max=33000,eviction=(threads_min=4,threads_max=4),config_base=false,statistics=(fast),log=(enabled=true,remove=true,path=journal,compressor=snappy),builtin_extension_config=(zstd=(compression_level=6)),file_manager=(close_idle_time=600,close_scan_interval=10,close_handle_minimum=2000),statistics_log=(wait=0),json_output=(error,message),verbose=[recovery_progress:1,checkpoint_progress:1,compact_progress:1,backup:0,checkpoint:0,compact:0,evict:0,history_store:0,recovery:0,rts:0,salvage:0,tiered:0,timestamp:0,transaction:0,verify:0,log:0],prefetch=(available=true,default=false),"}',
  ),
  mongoLine('NETWORK', 23015, 'listener', 'Listening on', '{"address":"/tmp/mongodb-27017.sock"}'),
  mongoLine('NETWORK', 23015, 'listener', 'Listening on', '{"address":"0.0.0.0"}'),
  mongoLine('NETWORK', 23016, 'listener', 'Waiting for connections', '{"port":27017,"ssl":"off"}'),
]

const mongo8 = image({
  repository: 'mongo',
  tag: '8.0.5',
  aliases: ['8.0', '8', 'latest', '8.0.5-noble', '8.0-noble', '8-noble', 'noble'],
  created: '2025-02-28T01:03:39Z',
  sizeBytes: mb(858),
  layerCount: 11,
  config: {
    Cmd: ['mongod'],
    Entrypoint: ['docker-entrypoint.sh'],
    Env: [
      DEFAULT_PATH,
      'GOSU_VERSION=1.17',
      'JSYAML_VERSION=3.13.1',
      'MONGO_PACKAGE=mongodb-org',
      'MONGO_REPO=repo.mongodb.org',
      'MONGO_MAJOR=8.0',
      'MONGO_VERSION=8.0.5',
      'HOME=/data/db',
    ],
    ExposedPorts: ports('27017'),
    WorkingDir: '/',
    Volumes: volumes('/data/configdb', '/data/db'),
    User: '',
  },
  base: 'ubuntu',
  parent: 'ubuntu:24.04',
  files: NOBLE,
  profile: {
    startup: MONGO_STARTUP,
    services: [{ port: 27017, protocol: 'tcp', kind: 'mongo' }],
    memoryMiB: { idle: 150 },
    cpuPercent: { idle: 0.5 },
    shell: 'bash',
    packageManager: 'apt',
  },
})

const mongo7 = derive(mongo8, {
  tag: '7.0.16',
  aliases: ['7.0', '7', '7.0.16-jammy', '7.0-jammy', '7-jammy', 'jammy'],
  created: '2025-01-25T01:04:12Z',
  sizeBytes: mb(757),
  parent: 'ubuntu:22.04',
  files: JAMMY,
  replace: [
    ['8.0.5', '7.0.16'],
    ['MONGO_MAJOR=8.0', 'MONGO_MAJOR=7.0'],
    ['ubuntu2404', 'ubuntu2204'],
    ['"24.04"', '"22.04"'],
  ],
})

export const mongoImages: CatalogImage[] = [mongo8, mongo7]

export const mongoScheme: VersionScheme = {
  repository: 'mongo',
  lines: [
    ['3.6', '3.6.23'],
    ['4.0', '4.0.28'],
    ['4.2', '4.2.24'],
    ['4.4', '4.4.29'],
    ['5.0', '5.0.31'],
    ['6.0', '6.0.20'],
    ['7.0', '7.0.16'],
    ['8.0', '8.0.5'],
  ],
  named: { latest: '8.0' },
  variants: {
    '': { template: '8.0.5' },
    noble: { template: '8.0.5' },
    jammy: { template: '7.0.16' },
    focal: { template: '7.0.16', replace: [['ubuntu2204', 'ubuntu2004']] },
    bionic: { template: '7.0.16', replace: [['ubuntu2204', 'ubuntu1804']] },
  },
  lineMarkers: ['MONGO_MAJOR='],
}

// Traefik --------------------------------------------------------------------------------------

const traefik = image({
  repository: 'traefik',
  tag: 'v3.3.4',
  aliases: ['3.3.4', 'v3.3', '3.3', 'saintnectaire', 'v3', '3', 'latest'],
  created: '2025-02-25T15:48:41Z',
  sizeBytes: mb(224),
  layerCount: 4,
  config: {
    Cmd: ['traefik'],
    Entrypoint: ['/entrypoint.sh'],
    Env: [DEFAULT_PATH],
    ExposedPorts: ports('80'),
    WorkingDir: '/',
    User: '',
    Labels: {
      'org.opencontainers.image.description': 'A modern reverse-proxy',
      'org.opencontainers.image.documentation': 'https://docs.traefik.io',
      'org.opencontainers.image.source': 'https://github.com/traefik/traefik',
      'org.opencontainers.image.title': 'Traefik',
      'org.opencontainers.image.url': 'https://traefik.io',
      'org.opencontainers.image.vendor': 'Traefik Labs',
      'org.opencontainers.image.version': 'v3.3.4',
    },
  },
  base: 'alpine',
  parent: 'alpine:3.21',
  files: ALPINE_3_21,
  profile: {
    startup: [
      out(
        '{{now:isoSeconds}} INF Traefik version 3.3.4 built on 2025-02-25T10:11:01Z version=3.3.4',
      ),
      ...block(
        'stdout',
        `{{now:isoSeconds}} INF 
Stats collection is disabled.
Help us improve Traefik by turning this feature on :)
More details on: https://doc.traefik.io/traefik/contributing/data-collection/
`,
      ),
      out('{{now:isoSeconds}} INF Starting provider aggregator *aggregator.ProviderAggregator'),
      out('{{now:isoSeconds}} INF Starting provider *traefik.Provider'),
      out('{{now:isoSeconds}} INF Starting provider *acme.ChallengeTLSALPN'),
    ],
    shutdown: {
      logs: [
        out('{{now:isoSeconds}} INF I have to go...'),
        out('{{now:isoSeconds}} INF Stopping server gracefully'),
        out('{{now:isoSeconds}} INF Server stopped'),
        out('{{now:isoSeconds}} INF Shutting down'),
      ],
      code: 0,
    },
    services: [
      {
        port: 80,
        protocol: 'tcp',
        kind: 'http',
        http: {
          status: 404,
          headers: {
            'Content-Type': 'text/plain; charset=utf-8',
            'X-Content-Type-Options': 'nosniff',
            Date: '{{now:http}}',
            'Content-Length': '19',
          },
          body: '404 page not found\n',
        },
      },
    ],
    memoryMiB: { idle: 25 },
    cpuPercent: { idle: 0.05 },
    shell: 'sh',
    packageManager: 'apk',
  },
})

export const traefikImages: CatalogImage[] = [traefik]

export const traefikScheme: VersionScheme = {
  repository: 'traefik',
  lines: [
    ['1.7', '1.7.34'],
    ['2.0', '2.0.7'],
    ['2.1', '2.1.9'],
    ['2.2', '2.2.11'],
    ['2.3', '2.3.7'],
    ['2.4', '2.4.14'],
    ['2.5', '2.5.7'],
    ['2.6', '2.6.6'],
    ['2.7', '2.7.3'],
    ['2.8', '2.8.8'],
    ['2.9', '2.9.10'],
    ['2.10', '2.10.7'],
    ['2.11', '2.11.21'],
    ['3.0', '3.0.4'],
    ['3.1', '3.1.7'],
    ['3.2', '3.2.5'],
    ['3.3', '3.3.4'],
  ],
  named: { latest: '3.3' },
  variants: { '': { template: 'v3.3.4' }, windowsservercore: { template: 'v3.3.4' } },
  optionalV: true,
}

// RabbitMQ -------------------------------------------------------------------------------------

const rabbitBanner = `
  ##  ##      RabbitMQ 4.0.7
  ##  ##
  ##########  Copyright (c) 2007-2025 Broadcom Inc and/or its subsidiaries
  ######  ##
  ##########  Licensed under the MPL 2.0. Website: https://rabbitmq.com

  Erlang:      27.2.4 [jit]
  TLS Library: OpenSSL - OpenSSL 3.3.3 11 Feb 2025
  Release series support status: see https://www.rabbitmq.com/release-information

  Doc guides:  https://www.rabbitmq.com/docs
  Support:     https://www.rabbitmq.com/docs/contact
  Tutorials:   https://www.rabbitmq.com/tutorials
  Monitoring:  https://www.rabbitmq.com/docs/monitoring
  Upgrading:   https://www.rabbitmq.com/docs/upgrade

  Logs: <stdout>

  Config file(s): /etc/rabbitmq/conf.d/10-defaults.conf

  Starting broker...`

const rlog = (level: string, text: string, pid = '<0.254.0>'): LogLine =>
  out(`{{now:erlang}} [${level}] ${pid} ${text}`)

function rabbitStartup(plugins: number): LogLine[] {
  return [
    rlog('notice', 'Application syslog exited with reason: stopped', '<0.44.0>'),
    rlog(
      'notice',
      'Logging: switching to configured handler(s); following messages may not be visible in this log output',
    ),
    ...block('stdout', rabbitBanner),
    rlog('info', ''),
    rlog('info', ' Starting RabbitMQ 4.0.7 on Erlang 27.2.4 [jit]'),
    rlog('info', ' Copyright (c) 2007-2025 Broadcom Inc and/or its subsidiaries'),
    rlog('info', ' Licensed under the MPL 2.0. Website: https://rabbitmq.com'),
    rlog('info', 'node           : rabbit@{{hostname}}'),
    rlog('info', 'home dir       : /var/lib/rabbitmq'),
    rlog('info', 'config file(s) : /etc/rabbitmq/conf.d/10-defaults.conf'),
    rlog('info', 'data dir       : /var/lib/rabbitmq/mnesia/rabbit@{{hostname}}'),
    rlog('info', 'Running boot step pre_boot defined by app rabbit'),
    rlog('info', "Creating user 'guest'"),
    rlog('info', "Setting user tags for user 'guest' to [administrator]"),
    rlog('info', "Setting permissions for user 'guest' in virtual host '/'"),
    rlog('info', 'Ready to start client connection listeners', '<0.635.0>'),
    rlog('info', 'started TCP listener on [::]:5672', '<0.706.0>'),
    out(` completed with ${plugins} plugins.`),
    rlog('info', `Server startup complete; ${plugins} plugins started.`, '<0.635.0>'),
  ]
}

const rabbitmq = image({
  repository: 'rabbitmq',
  tag: '4.0.7',
  aliases: ['4.0', '4', 'latest', '4.0.7-noble', '4.0-noble', '4-noble', 'noble'],
  created: '2025-02-27T23:36:54Z',
  sizeBytes: mb(249),
  layerCount: 11,
  config: {
    Cmd: ['rabbitmq-server'],
    Entrypoint: ['docker-entrypoint.sh'],
    Env: [
      'PATH=/opt/rabbitmq/sbin:/opt/erlang/bin:/opt/openssl/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'ERLANG_INSTALL_PATH_PREFIX=/opt/erlang',
      'OPENSSL_INSTALL_PATH_PREFIX=/opt/openssl',
      'RABBITMQ_DATA_DIR=/var/lib/rabbitmq',
      'RABBITMQ_VERSION=4.0.7',
      'RABBITMQ_PGP_KEY_ID=0x0A9AF2115F4687BD29803A206B73A36E6026DFCA',
      'RABBITMQ_HOME=/opt/rabbitmq',
      'HOME=/var/lib/rabbitmq',
      'LANG=C.UTF-8',
      'LANGUAGE=C.UTF-8',
      'LC_ALL=C.UTF-8',
    ],
    ExposedPorts: ports('4369', '5671', '5672', '15691', '15692', '25672'),
    WorkingDir: '/',
    Volumes: volumes('/var/lib/rabbitmq'),
    User: '',
  },
  base: 'ubuntu',
  parent: 'ubuntu:24.04',
  files: NOBLE,
  profile: {
    startup: rabbitStartup(3),
    services: [{ port: 5672, protocol: 'tcp', kind: 'amqp' }],
    memoryMiB: { idle: 120 },
    cpuPercent: { idle: 0.4 },
    shell: 'bash',
    packageManager: 'apt',
  },
})

const rabbitmqManagement = derive(rabbitmq, {
  tag: '4.0.7-management',
  aliases: ['4.0-management', '4-management', 'management', '4.0.7-management-noble'],
  sizeBytes: mb(283),
  layerCount: 12,
  parent: 'rabbitmq:4.0.7',
})
rabbitmqManagement.config = {
  ...rabbitmqManagement.config,
  ExposedPorts: ports('4369', '5671', '5672', '15671', '15672', '15691', '15692', '25672'),
}
rabbitmqManagement.profile = {
  ...rabbitmqManagement.profile,
  startup: rabbitStartup(5),
  services: [
    { port: 5672, protocol: 'tcp', kind: 'amqp' },
    {
      port: 15672,
      protocol: 'tcp',
      kind: 'http',
      http: {
        status: 200,
        headers: {
          'content-type': 'text/html',
          date: '{{now:http}}',
          server: 'Cowboy',
          vary: 'origin',
        },
        body: '<!DOCTYPE html>\n<html>\n  <head>\n    <title>RabbitMQ Management</title>\n  </head>\n  <body>\n    <div id="outer"></div>\n  </body>\n</html>\n',
      },
    },
  ],
  memoryMiB: { idle: 140 },
}

export const rabbitmqImages: CatalogImage[] = [rabbitmq, rabbitmqManagement]

export const rabbitmqScheme: VersionScheme = {
  repository: 'rabbitmq',
  lines: [
    ['3.8', '3.8.35'],
    ['3.9', '3.9.29'],
    ['3.10', '3.10.25'],
    ['3.11', '3.11.28'],
    ['3.12', '3.12.14'],
    ['3.13', '3.13.7'],
    ['4.0', '4.0.7'],
  ],
  named: { latest: '4.0' },
  variants: {
    '': { template: '4.0.7' },
    management: { template: '4.0.7-management' },
    alpine: { template: '4.0.7' },
    'management-alpine': { template: '4.0.7-management' },
  },
}

// memcached ------------------------------------------------------------------------------------

const memcached = image({
  repository: 'memcached',
  tag: '1.6.36',
  aliases: ['1.6', '1', 'latest', '1.6.36-bookworm', '1.6-bookworm', '1-bookworm', 'bookworm'],
  created: '2025-02-04T01:01:47Z',
  sizeBytes: mb(86.1),
  layerCount: 6,
  config: {
    Cmd: ['memcached'],
    Entrypoint: ['docker-entrypoint.sh'],
    Env: [
      DEFAULT_PATH,
      'MEMCACHED_VERSION=1.6.36',
      'MEMCACHED_URL=https://memcached.org/files/memcached-1.6.36.tar.gz',
    ],
    ExposedPorts: ports('11211'),
    WorkingDir: '/',
    User: 'memcache',
  },
  base: 'debian',
  parent: 'debian:bookworm-slim',
  files: BOOKWORM,
  profile: {
    // memcached logs nothing unless run with -v.
    startup: [],
    services: [{ port: 11211, protocol: 'tcp', kind: 'memcached' }],
    memoryMiB: { idle: 2.1 },
    cpuPercent: { idle: 0.02 },
    shell: 'bash',
    packageManager: 'apt',
  },
})

const memcachedAlpine = derive(memcached, {
  tag: '1.6.36-alpine',
  aliases: ['1.6-alpine', '1-alpine', 'alpine', '1.6.36-alpine3.21', 'alpine3.21'],
  sizeBytes: mb(11.8),
  base: 'alpine',
  parent: 'alpine:3.21',
  files: ALPINE_3_21,
})
memcachedAlpine.profile = { ...memcachedAlpine.profile, shell: 'sh', packageManager: 'apk' }

export const memcachedImages: CatalogImage[] = [memcached, memcachedAlpine]

// Grafana and Prometheus -----------------------------------------------------------------------

// Build commits appear in their start-up lines; these are stand-ins of the right shape.
const GRAFANA_COMMIT = sha256Hex('grafana 11.5.2').slice(0, 40)
const PROMETHEUS_REVISION = sha256Hex('prometheus 3.2.1').slice(0, 40)

const glog = (logger: string, text: string): LogLine =>
  out(`logger=${logger} t={{now:isoNano}} level=info ${text}`)

const grafana = image({
  repository: 'grafana/grafana',
  tag: '11.5.2',
  aliases: ['latest', '11.5.2-security-01'],
  created: '2025-02-18T13:39:22Z',
  sizeBytes: mb(663),
  layerCount: 12,
  official: true,
  config: {
    Entrypoint: ['/run.sh'],
    Env: [
      'PATH=/usr/share/grafana/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'GF_PATHS_CONFIG=/etc/grafana/grafana.ini',
      'GF_PATHS_DATA=/var/lib/grafana',
      'GF_PATHS_HOME=/usr/share/grafana',
      'GF_PATHS_LOGS=/var/log/grafana',
      'GF_PATHS_PLUGINS=/var/lib/grafana/plugins',
      'GF_PATHS_PROVISIONING=/etc/grafana/provisioning',
    ],
    ExposedPorts: ports('3000'),
    WorkingDir: '/usr/share/grafana',
    User: '472',
  },
  base: 'alpine',
  parent: 'alpine:3.21',
  files: ALPINE_3_21,
  profile: {
    startup: [
      glog(
        'settings',
        `msg="Starting Grafana" version=11.5.2 commit=${GRAFANA_COMMIT} branch=HEAD compiled={{now:isoSeconds}}`,
      ),
      glog('settings', 'msg="Config loaded from" file=/usr/share/grafana/conf/defaults.ini'),
      glog('settings', 'msg="Config loaded from" file=/etc/grafana/grafana.ini'),
      glog('settings', 'msg="Path Home" path=/usr/share/grafana'),
      glog('settings', 'msg="Path Data" path=/var/lib/grafana'),
      glog('settings', 'msg="Path Logs" path=/var/log/grafana'),
      glog('settings', 'msg="Path Plugins" path=/var/lib/grafana/plugins'),
      glog('settings', 'msg="Path Provisioning" path=/etc/grafana/provisioning'),
      glog('settings', 'msg="App mode production"'),
      glog('sqlstore', 'msg="Connecting to DB" dbtype=sqlite3'),
      glog('migrator', 'msg="Starting DB migrations"'),
      glog('migrator', 'msg="migrations completed" performed=620 skipped=0 duration=3.2s'),
      glog(
        'http.server',
        'msg="HTTP Server Listen" address=[::]:3000 protocol=http subUrl= socket=',
      ),
    ],
    services: [
      {
        port: 3000,
        protocol: 'tcp',
        kind: 'http',
        http: {
          status: 302,
          headers: {
            'Cache-Control': 'no-store',
            'Content-Type': 'text/html; charset=utf-8',
            Location: '/login',
            'X-Content-Type-Options': 'nosniff',
            'X-Frame-Options': 'deny',
            'X-Xss-Protection': '1; mode=block',
            Date: '{{now:http}}',
            'Content-Length': '29',
          },
          body: '<a href="/login">Found</a>.\n\n',
        },
      },
    ],
    memoryMiB: { idle: 85 },
    cpuPercent: { idle: 0.3 },
    shell: 'sh',
    packageManager: 'apk',
  },
})

export const grafanaImages: CatalogImage[] = [grafana]

export const grafanaScheme: VersionScheme = {
  repository: 'grafana/grafana',
  lines: [
    ['8.5', '8.5.27'],
    ['9.5', '9.5.21'],
    ['10.4', '10.4.15'],
    ['11.0', '11.0.11'],
    ['11.1', '11.1.12'],
    ['11.2', '11.2.7'],
    ['11.3', '11.3.4'],
    ['11.4', '11.4.2'],
    ['11.5', '11.5.2'],
  ],
  named: { latest: '11.5', main: '11.5' },
  variants: { '': { template: '11.5.2' }, ubuntu: { template: '11.5.2' } },
}

const plog = (source: string, text: string): LogLine =>
  errLine(`time={{now:iso}} level=INFO source=${source} msg=${text}`)

const prometheus = image({
  repository: 'prom/prometheus',
  tag: 'v3.2.1',
  aliases: ['latest'],
  created: '2025-02-25T14:44:09Z',
  sizeBytes: mb(292),
  layerCount: 10,
  config: {
    Cmd: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.path=/prometheus'],
    Entrypoint: ['/bin/prometheus'],
    Env: [DEFAULT_PATH],
    ExposedPorts: ports('9090'),
    WorkingDir: '/prometheus',
    Volumes: volumes('/prometheus'),
    User: 'nobody',
    Labels: {
      maintainer: 'The Prometheus Authors <prometheus-developers@googlegroups.com>',
      'org.opencontainers.image.source': 'https://github.com/prometheus/prometheus',
    },
  },
  base: 'busybox',
  files: {
    '/etc/prometheus/prometheus.yml': `# my global config
global:
  scrape_interval: 15s # Set the scrape interval to every 15 seconds. Default is every 1 minute.
  evaluation_interval: 15s # Evaluate rules every 15 seconds. The default is every 1 minute.
  # scrape_timeout is set to the global default (10s).

# Alertmanager configuration
alerting:
  alertmanagers:
    - static_configs:
        - targets:
          # - alertmanager:9093

# Load rules once and periodically evaluate them according to the global 'evaluation_interval'.
rule_files:
  # - "first_rules.yml"
  # - "second_rules.yml"

# A scrape configuration containing exactly one endpoint to scrape:
# Here it's Prometheus itself.
scrape_configs:
  # The job name is added as a label \`job=<job_name>\` to any timeseries scraped from this config.
  - job_name: "prometheus"

    # metrics_path defaults to '/metrics'
    # scheme defaults to 'http'.

    static_configs:
      - targets: ["localhost:9090"]
       # The label name is added as a label \`label_name=<label_value>\` to any timeseries scraped from this config.
        labels:
          app: "prometheus"
`,
  },
  profile: {
    startup: [
      plog(
        'main.go:640',
        '"No time or size retention was set so using the default time retention" duration=15d',
      ),
      plog(
        'main.go:687',
        `"Starting Prometheus Server" mode=server version="(version=3.2.1, branch=HEAD, revision=${PROMETHEUS_REVISION})"`,
      ),
      plog(
        'main.go:692',
        `"operational information" build_context="(go=go1.23.6, platform=linux/amd64, user=root@${PROMETHEUS_REVISION.slice(0, 12)}, date=20250225-14:35:05, tags=netgo,builtinassets,stringlabels)" host_details="(Linux {{kernel}} #1 SMP {{hostname}} (none))" fd_limits="(soft=1048576, hard=1048576)" vm_limits="(soft=unlimited, hard=unlimited)"`,
      ),
      plog('web.go:654', '"Start listening for connections" component=web address=0.0.0.0:9090'),
      plog('main.go:1206', '"Starting TSDB ..."'),
      plog('tls_config.go:347', '"Listening on" component=web address=[::]:9090'),
      plog('tls_config.go:350', '"TLS is disabled." component=web http2=false address=[::]:9090'),
      plog('main.go:1220', '"TSDB started"'),
      plog('main.go:1411', '"Loading configuration file" filename=/etc/prometheus/prometheus.yml'),
      plog('main.go:1170', '"Server is ready to receive web requests."'),
      plog('manager.go:175', '"Starting rule manager..." component="rule manager"'),
    ],
    services: [
      {
        port: 9090,
        protocol: 'tcp',
        kind: 'http',
        http: {
          status: 302,
          headers: {
            'Content-Type': 'text/html; charset=utf-8',
            Location: '/query',
            Date: '{{now:http}}',
            'Content-Length': '29',
          },
          body: '<a href="/query">Found</a>.\n\n',
        },
      },
    ],
    memoryMiB: { idle: 40 },
    cpuPercent: { idle: 0.2 },
    shell: 'sh',
    packageManager: null,
  },
})

export const prometheusImages: CatalogImage[] = [prometheus]

export const prometheusScheme: VersionScheme = {
  repository: 'prom/prometheus',
  lines: [
    ['2.30', '2.30.3'],
    ['2.37', '2.37.9'],
    ['2.45', '2.45.6'],
    ['2.51', '2.51.2'],
    ['2.53', '2.53.3'],
    ['2.54', '2.54.1'],
    ['2.55', '2.55.1'],
    ['3.0', '3.0.1'],
    ['3.1', '3.1.0'],
    ['3.2', '3.2.1'],
  ],
  named: { latest: '3.2', main: '3.2' },
  variants: { '': { template: 'v3.2.1' } },
  optionalV: true,
}
