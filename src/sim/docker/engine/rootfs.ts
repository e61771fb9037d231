/**
 * The root filesystem a container starts from: its base distribution's skeleton (directories,
 * users, shell start-up files) under the catalog image's own files. The catalog only lists the
 * files that make an image what it is; the skeleton is what `ls /` and `cat /etc/passwd` find
 * in every container of that base. Facts from Alpine's alpine-baselayout and Debian's
 * base-files/base-passwd packages as the official images ship them.
 */
import type { ImageBase } from '../images/catalog-types'
import type { LocalImage } from './image-store'

export interface RootFs {
  /** Regular files by absolute path. */
  readonly files: ReadonlyMap<string, string>
  /** Every directory, parents included. */
  readonly dirs: ReadonlySet<string>
}

const FHS_DIRS = [
  '/bin',
  '/dev',
  '/etc',
  '/home',
  '/lib',
  '/media',
  '/mnt',
  '/opt',
  '/proc',
  '/root',
  '/run',
  '/sbin',
  '/srv',
  '/sys',
  '/tmp',
  '/usr',
  '/usr/bin',
  '/usr/lib',
  '/usr/local',
  '/usr/local/bin',
  '/usr/local/lib',
  '/usr/local/sbin',
  '/usr/local/share',
  '/usr/sbin',
  '/usr/share',
  '/var',
  '/var/cache',
  '/var/lib',
  '/var/local',
  '/var/log',
  '/var/opt',
  '/var/spool',
  '/var/tmp',
]

const DEBIAN_DIRS = [
  '/boot',
  '/usr/games',
  '/usr/include',
  '/usr/src',
  '/var/backups',
  '/var/mail',
  '/etc/apt',
]

const ALPINE_PASSWD = `root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`

const ALPINE_GROUP = `root:x:0:root
bin:x:1:root,bin,daemon
daemon:x:2:root,bin,daemon
sys:x:3:root,bin
adm:x:4:root,daemon
tty:x:5:
disk:x:6:root
lp:x:7:lp
kmem:x:9:
wheel:x:10:root
floppy:x:11:root
mail:x:12:mail
news:x:13:news
uucp:x:14:uucp
cron:x:16:cron
audio:x:18:
cdrom:x:19:
dialout:x:20:root
ftp:x:21:
sshd:x:22:
input:x:23:
tape:x:26:root
video:x:27:root
netdev:x:28:
kvm:x:34:kvm
games:x:35:
shadow:x:42:
www-data:x:82:
users:x:100:games
ntp:x:123:
abuild:x:300:
utmp:x:406:
ping:x:999:
nogroup:x:65533:
nobody:x:65534:
`

const DEBIAN_PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`

const DEBIAN_GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
fax:x:21:
voice:x:22:
cdrom:x:24:
floppy:x:25:
tape:x:26:
sudo:x:27:
audio:x:29:
dip:x:30:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
sasl:x:45:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
`

const UBUNTU_USER = 'ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n'

/** /etc/bash.bashrc's prompt line as Debian ships it (no colour: root's .bashrc keeps it off). */
const BASH_BASHRC = `# System-wide .bashrc file for interactive bash(1) shells.

# If not running interactively, don't do anything
[ -z "$PS1" ] && return

# set a fancy prompt (non-color, overwrite the one in /etc/profile)
PS1='\${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '
`

const ROOT_BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.

# Note: PS1 is set in /etc/profile, and the default umask is defined
# in /etc/login.defs. You should not need this unless you want different
# defaults for root.
# PS1='\${debian_chroot:+($debian_chroot)}\\h:\\w\\$ '
# umask 022
`

const ROOT_PROFILE = `# ~/.profile: executed by Bourne-compatible login shells.

if [ "$BASH" ]; then
  if [ -f ~/.bashrc ]; then
    . ~/.bashrc
  fi
fi

mesg n 2> /dev/null || true
`

type Family = 'alpine' | 'debian' | 'none'

function familyOf(base: ImageBase): Family {
  if (base === 'alpine' || base === 'busybox') return 'alpine'
  if (base === 'scratch' || base === 'distroless' || base === 'windows') return 'none'
  return 'debian'
}

function skeleton(base: ImageBase): { files: Record<string, string>; dirs: string[] } {
  const family = familyOf(base)
  if (family === 'none') return { files: {}, dirs: ['/dev', '/etc', '/proc', '/sys'] }
  if (family === 'alpine')
    return {
      dirs: [...FHS_DIRS, '/etc/apk', '/lib/apk', '/var/empty', '/var/mail'],
      files: {
        '/etc/passwd': ALPINE_PASSWD,
        '/etc/group': ALPINE_GROUP,
        '/etc/shells': '# valid login shells\n/bin/sh\n/bin/ash\n',
        '/etc/motd':
          'Welcome to Alpine!\n\nThe Alpine Wiki contains a large amount of how-to guides and general\ninformation about administrating Alpine systems.\nSee <https://wiki.alpinelinux.org/>.\n\nYou can setup the system with the command: setup-alpine\n\nYou may change this message by editing /etc/motd.\n\n',
        '/etc/profile':
          'export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\n\nexport PAGER=less\numask 022\n',
      },
    }
  const passwd = base === 'ubuntu' ? DEBIAN_PASSWD + UBUNTU_USER : DEBIAN_PASSWD
  const files: Record<string, string> = {
    '/etc/passwd': passwd,
    '/etc/group': base === 'ubuntu' ? `${DEBIAN_GROUP}ubuntu:x:1000:\n` : DEBIAN_GROUP,
    '/etc/shells':
      '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/usr/bin/dash\n',
    '/etc/bash.bashrc': BASH_BASHRC,
    '/root/.bashrc': ROOT_BASHRC,
    '/root/.profile': ROOT_PROFILE,
  }
  if (base === 'debian') files['/etc/debian_version'] = '12.9\n'
  return {
    files,
    dirs: [...FHS_DIRS, ...DEBIAN_DIRS, ...(base === 'ubuntu' ? ['/home/ubuntu'] : [])],
  }
}

function parentsOf(path: string): string[] {
  const parts = path.split('/').filter((p) => p !== '')
  const out: string[] = []
  for (let i = 1; i < parts.length; i++) out.push('/' + parts.slice(0, i).join('/'))
  return out
}

/** Directories an image makes that hold no file the catalog lists (nginx's cache and logs). */
const IMAGE_DIRS: Readonly<Record<string, readonly string[]>> = {
  nginx: ['/var/cache/nginx', '/var/log/nginx', '/docker-entrypoint.d'],
  httpd: ['/usr/local/apache2/logs'],
  redis: ['/data'],
  postgres: ['/var/lib/postgresql/data', '/docker-entrypoint-initdb.d'],
  mysql: ['/var/lib/mysql', '/docker-entrypoint-initdb.d'],
}

/**
 * The account an image's Dockerfile adds for its server (`groupadd -r postgres && useradd -r -g
 * postgres …`): healthchecks and `user: postgres` in a compose file run as it. Alpine variants
 * use `adduser -S` with their own ids.
 */
const IMAGE_USERS: Readonly<
  Record<string, { debian: [string, string]; alpine: [string, string] }>
> = {
  postgres: {
    debian: ['postgres:x:999:999::/var/lib/postgresql:/bin/bash\n', 'postgres:x:999:\n'],
    alpine: ['postgres:x:70:70::/var/lib/postgresql:/bin/sh\n', 'postgres:x:70:\n'],
  },
  redis: {
    debian: ['redis:x:999:999::/home/redis:/usr/sbin/nologin\n', 'redis:x:999:\n'],
    alpine: ['redis:x:999:1000:Linux User,,,:/home/redis:/sbin/nologin\n', 'redis:x:1000:redis\n'],
  },
  mysql: {
    debian: ['mysql:x:999:999::/var/lib/mysql:/bin/bash\n', 'mysql:x:999:\n'],
    alpine: ['mysql:x:999:999::/var/lib/mysql:/bin/sh\n', 'mysql:x:999:\n'],
  },
  mariadb: {
    debian: ['mysql:x:999:999::/home/mysql:/bin/sh\n', 'mysql:x:999:\n'],
    alpine: ['mysql:x:999:999::/home/mysql:/bin/sh\n', 'mysql:x:999:\n'],
  },
  nginx: {
    debian: ['nginx:x:101:101:nginx user:/nonexistent:/bin/false\n', 'nginx:x:101:\n'],
    alpine: ['nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\n', 'nginx:x:101:nginx\n'],
  },
  node: {
    debian: ['node:x:1000:1000::/home/node:/bin/bash\n', 'node:x:1000:\n'],
    alpine: ['node:x:1000:1000:Linux User,,,:/home/node:/bin/sh\n', 'node:x:1000:node\n'],
  },
  mongo: {
    debian: ['mongodb:x:999:999::/data/db:/bin/sh\n', 'mongodb:x:999:\n'],
    alpine: ['mongodb:x:999:999::/data/db:/bin/sh\n', 'mongodb:x:999:\n'],
  },
  'docker.redpanda.com/vectorized/redpanda': {
    debian: ['redpanda:x:101:101::/var/lib/redpanda:/bin/bash\n', 'redpanda:x:101:\n'],
    alpine: ['redpanda:x:101:101::/var/lib/redpanda:/bin/sh\n', 'redpanda:x:101:\n'],
  },
  'docker.redpanda.com/redpandadata/redpanda': {
    debian: ['redpanda:x:101:101::/var/lib/redpanda:/bin/bash\n', 'redpanda:x:101:\n'],
    alpine: ['redpanda:x:101:101::/var/lib/redpanda:/bin/sh\n', 'redpanda:x:101:\n'],
  },
  rabbitmq: {
    debian: ['rabbitmq:x:999:999::/var/lib/rabbitmq:/usr/sbin/nologin\n', 'rabbitmq:x:999:\n'],
    alpine: [
      'rabbitmq:x:100:101:Linux User,,,:/var/lib/rabbitmq:/sbin/nologin\n',
      'rabbitmq:x:101:rabbitmq\n',
    ],
  },
}

/** The skeleton's passwd and group with the image's own service account appended. */
function withImageUser(files: Map<string, string>, repository: string, base: ImageBase): void {
  const users = IMAGE_USERS[repository.replace(/^library\//, '')]
  const family = familyOf(base)
  if (!users || family === 'none') return
  const [passwd, group] = family === 'alpine' ? users.alpine : users.debian
  const name = passwd.slice(0, passwd.indexOf(':'))
  const current = files.get('/etc/passwd') ?? ''
  if (current.split('\n').some((l) => l.startsWith(`${name}:`))) return
  files.set('/etc/passwd', current + passwd)
  files.set('/etc/group', (files.get('/etc/group') ?? '') + group)
}

const cache = new WeakMap<LocalImage, RootFs>()

/** The image's filesystem: its base's skeleton with the image's own files on top. */
export function imageRootFs(image: LocalImage): RootFs {
  const cached = cache.get(image)
  if (cached) return cached
  const base = image.catalog?.base ?? 'debian'
  const sk = skeleton(base)
  const files = new Map<string, string>(Object.entries(sk.files))
  withImageUser(files, image.catalog?.repository ?? '', base)
  for (const [path, content] of image.files) files.set(path, content)
  const dirs = new Set<string>([
    '/',
    ...sk.dirs,
    ...(IMAGE_DIRS[image.catalog?.repository ?? ''] ?? []),
  ])
  for (const path of [...files.keys(), ...dirs]) for (const p of parentsOf(path)) dirs.add(p)
  const workdir = image.inspect.Config.WorkingDir
  if (workdir !== '' && workdir !== '/') {
    dirs.add(workdir)
    for (const p of parentsOf(workdir)) dirs.add(p)
  }
  const rootfs: RootFs = { files, dirs }
  cache.set(image, rootfs)
  return rootfs
}

/**
 * The shells an image has: none on scratch and distroless images (`docker exec -it c sh` fails
 * there), BusyBox's ash on Alpine, dash and bash on Debian and Ubuntu.
 */
export function shellsOf(image: LocalImage): readonly string[] {
  if (image.catalog?.profile.shell === null) return []
  const family = shellFamily(image)
  if (family === 'none') return []
  return family === 'alpine' ? ['sh', 'ash'] : ['sh', 'bash', 'dash', 'rbash']
}

/** The image's distribution family, which decides what its shell looks like. */
export function shellFamily(image: LocalImage): Family {
  return familyOf(image.catalog?.base ?? 'debian')
}
