/**
 * nginx, from nginxinc/docker-nginx (mainline/debian, mainline/alpine, stable/*): Dockerfiles,
 * docker-entrypoint.sh and the entrypoint.d scripts; the html and conf files are those the
 * nginx.org packages install. nginx 1.27.4 / 1.26.3 were both released on 2025-02-05.
 */
import type { CatalogImage, LogLine, ServiceSpec } from '../catalog-types'
import {
  ALPINE_3_20,
  ALPINE_3_21,
  BOOKWORM,
  DEFAULT_PATH,
  derive,
  errLine,
  image,
  mb,
  out,
  ports,
  type VersionScheme,
} from './define'

export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`

const NGINX_50X_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`

const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`

/** As packaged; 10-listen-on-ipv6-by-default.sh adds `listen  [::]:80;` on first start. */
const DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}
`

const ENTRYPOINT = '/docker-entrypoint.sh'
const IPV6_SCRIPT = '10-listen-on-ipv6-by-default.sh'

function entrypointLines(firstStart: boolean): LogLine[] {
  return [
    out(`${ENTRYPOINT}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`),
    out(`${ENTRYPOINT}: Looking for shell scripts in /docker-entrypoint.d/`),
    out(`${ENTRYPOINT}: Launching /docker-entrypoint.d/${IPV6_SCRIPT}`),
    out(`${IPV6_SCRIPT}: info: Getting the checksum of /etc/nginx/conf.d/default.conf`),
    firstStart
      ? out(`${IPV6_SCRIPT}: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf`)
      : out(
          `${IPV6_SCRIPT}: info: /etc/nginx/conf.d/default.conf differs from the packaged version`,
        ),
    out(`${ENTRYPOINT}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`),
    out(`${ENTRYPOINT}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`),
    out(`${ENTRYPOINT}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`),
    out(`${ENTRYPOINT}: Configuration complete; ready for start up`),
  ]
}

/** nginx's own start-up notices go to the error log, which the image links to stderr. */
function noticeLines(version: string, compiler: string): LogLine[] {
  const notice = (text: string): LogLine => errLine(`{{now:nginx}} [notice] 1#1: ${text}`)
  return [
    notice('using the "epoll" event method'),
    notice(`nginx/${version}`),
    notice(`built by ${compiler} `),
    notice('OS: Linux {{kernel}}'),
    notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576'),
    notice('start worker processes'),
    { ...notice('start worker process {{pid:28}}'), repeat: 'perCpu' },
  ]
}

/**
 * What the master and its workers write when `docker stop` sends the image's STOPSIGNAL
 * (SIGQUIT: a graceful shutdown, after which nginx exits 0).
 */
const SHUTDOWN: LogLine[] = [
  errLine('{{now:nginx}} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down'),
  {
    ...errLine('{{now:nginx}} [notice] {{pid:28}}#{{pid:28}}: gracefully shutting down'),
    repeat: 'perCpu',
  },
  { ...errLine('{{now:nginx}} [notice] {{pid:28}}#{{pid:28}}: exiting'), repeat: 'perCpu' },
  { ...errLine('{{now:nginx}} [notice] {{pid:28}}#{{pid:28}}: exit'), repeat: 'perCpu' },
  {
    ...errLine('{{now:nginx}} [notice] 1#1: signal 17 (SIGCHLD) received from {{pid:28}}'),
    repeat: 'perCpu',
  },
  {
    ...errLine('{{now:nginx}} [notice] 1#1: worker process {{pid:28}} exited with code 0'),
    repeat: 'perCpu',
  },
  errLine('{{now:nginx}} [notice] 1#1: exit'),
]

function welcomeService(version: string): ServiceSpec {
  return {
    port: 80,
    protocol: 'tcp',
    kind: 'http',
    http: {
      status: 200,
      headers: {
        Server: `nginx/${version}`,
        Date: '{{now:http}}',
        'Content-Type': 'text/html',
        'Content-Length': '615',
        'Last-Modified': 'Wed, 05 Feb 2025 11:06:32 GMT',
        Connection: 'keep-alive',
        ETag: '"67a34638-267"',
        'Accept-Ranges': 'bytes',
      },
      body: NGINX_INDEX_HTML,
      accessLog: out(
        '{{clientIp}} - - [{{now:clf}}] "{{method}} {{path}} HTTP/1.1" {{status}} {{bytes}} "-" "{{userAgent}}" "-"',
      ),
    },
  }
}

const DEBIAN_GCC = 'gcc 12.2.0 (Debian 12.2.0-14)'
const ALPINE_321_GCC = 'gcc 14.2.0 (Alpine 14.2.0)'
const ALPINE_320_GCC = 'gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309)'

const mainlineDebian = image({
  repository: 'nginx',
  tag: '1.27.4',
  aliases: [
    'mainline',
    '1',
    '1.27',
    'latest',
    '1.27.4-bookworm',
    'mainline-bookworm',
    '1-bookworm',
    '1.27-bookworm',
    'bookworm',
  ],
  created: '2025-02-05T21:27:16Z',
  sizeBytes: mb(192),
  layerCount: 7,
  config: {
    Cmd: ['nginx', '-g', 'daemon off;'],
    Entrypoint: [ENTRYPOINT],
    Env: [
      DEFAULT_PATH,
      'NGINX_VERSION=1.27.4',
      'NJS_VERSION=0.8.9',
      'NJS_RELEASE=1~bookworm',
      'PKG_RELEASE=1~bookworm',
      'DYNPKG_RELEASE=1~bookworm',
    ],
    ExposedPorts: ports('80'),
    WorkingDir: '/',
    User: '',
    StopSignal: 'SIGQUIT',
    Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
  },
  base: 'debian',
  parent: 'debian:bookworm-slim',
  files: {
    ...BOOKWORM,
    '/usr/share/nginx/html/index.html': NGINX_INDEX_HTML,
    '/usr/share/nginx/html/50x.html': NGINX_50X_HTML,
    '/etc/nginx/nginx.conf': NGINX_CONF,
    '/etc/nginx/conf.d/default.conf': DEFAULT_CONF,
  },
  profile: {
    startup: [...entrypointLines(true), ...noticeLines('1.27.4', DEBIAN_GCC)],
    restart: [...entrypointLines(false), ...noticeLines('1.27.4', DEBIAN_GCC)],
    shutdown: { logs: SHUTDOWN, code: 0 },
    services: [welcomeService('1.27.4')],
    memoryMiB: { idle: 9.5 },
    cpuPercent: { idle: 0 },
    shell: 'bash',
    packageManager: 'apt',
  },
})

const mainlinePerl = derive(mainlineDebian, {
  tag: '1.27.4-perl',
  aliases: [
    'mainline-perl',
    '1-perl',
    '1.27-perl',
    'perl',
    '1.27.4-bookworm-perl',
    'bookworm-perl',
  ],
  sizeBytes: mb(236),
  layerCount: 8,
  parent: 'nginx:1.27.4',
})

const alpineSlimEnv = [DEFAULT_PATH, 'NGINX_VERSION=1.27.4', 'PKG_RELEASE=1', 'DYNPKG_RELEASE=1']

const mainlineAlpineSlim = image({
  repository: 'nginx',
  tag: '1.27.4-alpine-slim',
  aliases: [
    'mainline-alpine-slim',
    '1-alpine-slim',
    '1.27-alpine-slim',
    'alpine-slim',
    '1.27.4-alpine3.21-slim',
    'alpine3.21-slim',
  ],
  created: '2025-02-05T21:45:56Z',
  sizeBytes: mb(12.9),
  layerCount: 7,
  config: { ...mainlineDebian.config, Env: alpineSlimEnv },
  base: 'alpine',
  parent: 'alpine:3.21',
  files: { ...mainlineDebian.files, ...ALPINE_3_21 },
  profile: {
    ...mainlineDebian.profile,
    startup: [...entrypointLines(true), ...noticeLines('1.27.4', ALPINE_321_GCC)],
    restart: [...entrypointLines(false), ...noticeLines('1.27.4', ALPINE_321_GCC)],
    shutdown: { logs: SHUTDOWN, code: 0 },
    memoryMiB: { idle: 6.5 },
    shell: 'sh',
    packageManager: 'apk',
  },
})

const mainlineAlpine = derive(mainlineAlpineSlim, {
  tag: '1.27.4-alpine',
  aliases: [
    'mainline-alpine',
    '1-alpine',
    '1.27-alpine',
    'alpine',
    '1.27.4-alpine3.21',
    'mainline-alpine3.21',
    '1-alpine3.21',
    '1.27-alpine3.21',
    'alpine3.21',
  ],
  created: '2025-02-05T21:46:49Z',
  sizeBytes: mb(47.9),
  layerCount: 8,
  parent: 'nginx:1.27.4-alpine-slim',
})
mainlineAlpine.config = {
  ...mainlineAlpine.config,
  Env: [...alpineSlimEnv, 'NJS_VERSION=0.8.9', 'NJS_RELEASE=1'],
}

const mainlineAlpinePerl = derive(mainlineAlpine, {
  tag: '1.27.4-alpine-perl',
  aliases: ['mainline-alpine-perl', '1-alpine-perl', '1.27-alpine-perl', 'alpine-perl'],
  sizeBytes: mb(82.4),
  layerCount: 9,
  parent: 'nginx:1.27.4-alpine',
})

const stableDebian = derive(mainlineDebian, {
  tag: '1.26.3',
  aliases: ['stable', '1.26', '1.26.3-bookworm', 'stable-bookworm', '1.26-bookworm'],
  created: '2025-02-05T21:27:02Z',
  sizeBytes: mb(192),
  replace: [
    ['1.27.4', '1.26.3'],
    ['DYNPKG_RELEASE=1~bookworm', 'DYNPKG_RELEASE=2~bookworm'],
  ],
})

const stableAlpine = derive(mainlineAlpine, {
  tag: '1.26.3-alpine',
  aliases: ['stable-alpine', '1.26-alpine', '1.26.3-alpine3.20', 'stable-alpine3.20'],
  created: '2025-02-05T21:45:31Z',
  sizeBytes: mb(47.6),
  parent: 'nginx:1.26.3-alpine-slim',
  replace: [
    ['1.27.4', '1.26.3'],
    [ALPINE_321_GCC, ALPINE_320_GCC],
  ],
  files: ALPINE_3_20,
})

const stableAlpineSlim = derive(mainlineAlpineSlim, {
  tag: '1.26.3-alpine-slim',
  aliases: ['stable-alpine-slim', '1.26-alpine-slim'],
  created: '2025-02-05T21:44:58Z',
  sizeBytes: mb(12.8),
  parent: 'alpine:3.20',
  replace: [
    ['1.27.4', '1.26.3'],
    [ALPINE_321_GCC, ALPINE_320_GCC],
  ],
  files: ALPINE_3_20,
})

export const nginxImages: CatalogImage[] = [
  mainlineDebian,
  mainlinePerl,
  mainlineAlpineSlim,
  mainlineAlpine,
  mainlineAlpinePerl,
  stableDebian,
  stableAlpine,
  stableAlpineSlim,
]

export const nginxScheme: VersionScheme = {
  repository: 'nginx',
  lines: [
    ['1.9', '1.9.15'],
    ['1.10', '1.10.3'],
    ['1.11', '1.11.13'],
    ['1.12', '1.12.2'],
    ['1.13', '1.13.12'],
    ['1.14', '1.14.2'],
    ['1.15', '1.15.12'],
    ['1.16', '1.16.1'],
    ['1.17', '1.17.10'],
    ['1.18', '1.18.0'],
    ['1.19', '1.19.10'],
    ['1.20', '1.20.2'],
    ['1.21', '1.21.6'],
    ['1.22', '1.22.1'],
    ['1.23', '1.23.4'],
    ['1.24', '1.24.0'],
    ['1.25', '1.25.5'],
    ['1.26', '1.26.3'],
    ['1.27', '1.27.4'],
  ],
  named: { latest: '1.27', mainline: '1.27', stable: '1.26' },
  variants: {
    '': { template: '1.27.4' },
    perl: { template: '1.27.4-perl' },
    alpine: { template: '1.27.4-alpine' },
    'alpine-perl': { template: '1.27.4-alpine-perl' },
    'alpine-slim': { template: '1.27.4-alpine-slim' },
  },
}
