import type { VirtualFs } from '../fs/virtual-fs'

/** Who the student is inside Quai, and the machine they are on. */
export const USER = 'student'
export const HOSTNAME = 'quai'
export const HOME = '/home/student'
export const UID = 1000

export function initialEnv(): Record<string, string> {
  return {
    HOME,
    USER,
    LOGNAME: USER,
    HOSTNAME,
    SHELL: '/bin/bash',
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    PWD: HOME,
    OLDPWD: HOME,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    EDITOR: 'nano',
    SHLVL: '1',
  }
}

const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
${USER}:x:${UID}:${UID}:Student,,,:${HOME}:/bin/bash
`

const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`

const BASHRC = `# ~/.bashrc: Quai's student shell.
# Aliases and functions you add here are not read yet: type them at the prompt.
`

/** The files a fresh machine has before the student types anything. */
export async function seedFiles(fs: VirtualFs): Promise<void> {
  for (const dir of [HOME, '/tmp', '/etc', '/root', '/var/tmp', '/usr/local/bin'])
    await fs.mkdir(dir, { recursive: true })
  await fs.writeFile('/etc/hostname', `${HOSTNAME}\n`)
  await fs.writeFile('/etc/passwd', PASSWD)
  await fs.writeFile('/etc/group', `root:x:0:\n${USER}:x:${UID}:\n`)
  await fs.writeFile('/etc/os-release', OS_RELEASE)
  await fs.writeFile(`${HOME}/.bashrc`, BASHRC)
  await fs.chmod('/tmp', 0o1777)
}
