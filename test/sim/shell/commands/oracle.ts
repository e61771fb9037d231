/**
 * Runs command lines through Quai and through real GNU bash + coreutils, both starting from the
 * same home directory, so tests can compare the two byte for byte.
 *
 * The real side runs in a private mount and UTS namespace (util-linux `unshare`, needs root): a
 * scratch tree is bind-mounted over /home and /tmp, a two-line /etc/passwd maps uid 1000 to
 * `student`, the host name is `quai`, and bash runs as uid 1000 with Quai's environment. Nothing
 * outside the namespace changes.
 */
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  chownSync,
  existsSync,
  lchownSync,
  lutimesSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { VirtualClock } from '../../../../src/sim/core/clock'
import { withVirtualGlobals } from '../../../../src/sim/core/virtual-globals'
import { Session } from '../../../../src/sim/shell/session'
import type { Tty } from '../../../../src/sim/shell/pty'
import { HOME, initialEnv } from '../../../../src/sim/shell/user-environment'

/** One entry of a home directory, relative to it. */
export type FixtureEntry =
  | { path: string; dir: true; mode?: number }
  | { path: string; content: string; mode?: number }
  | { path: string; link: string }

/** 2026-01-05 09:00 UTC: every fixture entry carries this modification time. */
export const FIXTURE_TIME_MS = Date.UTC(2026, 0, 5, 9, 0, 0)

export interface LineResult {
  stdout: string
  stderr: string
  exitCode: number
}

/** Builds the fixture inside a fresh Quai session whose clock reads `nowMs`. */
export async function quaiSession(fixture: readonly FixtureEntry[], nowMs: number) {
  const session = await Session.create({ clock: new VirtualClock(nowMs) })
  const fs = session.fs
  const when = new Date(FIXTURE_TIME_MS)
  // Under the virtual clock, so that symlinks (whose own time cannot be set) carry `nowMs`.
  await withVirtualGlobals(session.clock, session.random, async () => {
    for (const entry of fixture) {
      const path = `${HOME}/${entry.path}`
      if ('link' in entry) await fs.symlink(entry.link, path)
      else if ('dir' in entry) await fs.mkdir(path, { recursive: true })
      else await fs.writeFile(path, entry.content)
      if ('mode' in entry && entry.mode !== undefined) await fs.chmod(path, entry.mode)
    }
  })
  // Times last, deepest first, since writing a child moves its directory's time.
  const paths = [...fixture.map((e) => `${HOME}/${e.path}`), `${HOME}/.bashrc`, HOME, '/home']
  for (const path of paths.sort((a, b) => b.length - a.length)) {
    const st = await fs.lstat(path)
    if (!st.isSymbolicLink) await fs.utimes(path, when, when)
  }
  return session
}

/** A terminal of the given width that ignores input, for commands that format for a tty. */
export function fakeTty(cols: number): Tty {
  return {
    cols,
    rows: 24,
    write: () => undefined,
    onInput: () => () => undefined,
    onResize: () => () => undefined,
    signal: new AbortController().signal,
  }
}

export async function runQuai(
  fixture: readonly FixtureEntry[],
  line: string,
  nowMs: number,
  ttyCols?: number,
): Promise<LineResult> {
  const session = await quaiSession(fixture, nowMs)
  const tty = ttyCols === undefined ? undefined : fakeTty(ttyCols)
  const result = await session.run(line, tty === undefined ? {} : { tty })
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }
}

const PASSWD =
  'root:x:0:0:root:/root:/bin/bash\nstudent:x:1000:1000:Student,,,:/home/student:/bin/bash\n'
const GROUP = 'root:x:0:\nstudent:x:1000:\n'

/** Why the real-bash comparison cannot run here, or undefined when it can. */
export function oracleUnavailable(tools: readonly string[] = []): string | undefined {
  if (process.env.QUAI_NO_ORACLE !== undefined) return 'QUAI_NO_ORACLE is set'
  if (!existsSync('/bin/bash')) return 'no /bin/bash on this machine'
  if (process.platform !== 'linux') return 'the oracle needs Linux namespaces'
  if (process.getuid?.() !== 0) return 'the oracle needs root (unshare, bind mounts, setpriv)'
  const probe = spawnSync('unshare', ['-mu', 'true'])
  if (probe.status !== 0) return `unshare -mu fails here: ${String(probe.stderr)}`
  for (const tool of ['setpriv', 'script', ...tools]) {
    const found = spawnSync('bash', ['-c', `command -v ${tool}`])
    if (found.status !== 0) return `${tool} is not installed (Debian: apt-get install ${tool})`
  }
  return undefined
}

function buildRealTree(fixture: readonly FixtureEntry[], bashrc: string, nowMs: number): string {
  const root = mkdtempSync(join(tmpdir(), 'quai-oracle-'))
  chmodSync(root, 0o755)
  const home = join(root, 'home')
  const student = join(home, 'student')
  const tmp = join(root, 'tmp')
  mkdirSync(student, { recursive: true })
  mkdirSync(tmp)
  chmodSync(tmp, 0o1777)
  chmodSync(home, 0o755)
  chmodSync(student, 0o755)
  writeFileSync(join(root, 'passwd'), PASSWD)
  writeFileSync(join(root, 'group'), GROUP)
  writeFileSync(join(student, '.bashrc'), bashrc)
  for (const entry of fixture) {
    const path = join(student, entry.path)
    if ('link' in entry) symlinkSync(entry.link, path)
    else if ('dir' in entry) mkdirSync(path, { recursive: true })
    else writeFileSync(path, entry.content)
    if ('mode' in entry && entry.mode !== undefined) chmodSync(path, entry.mode)
  }
  const when = new Date(FIXTURE_TIME_MS)
  const paths = [...fixture.map((e) => join(student, e.path)), join(student, '.bashrc'), student]
  for (const path of paths.sort((a, b) => b.length - a.length)) {
    lchownSync(path, 1000, 1000)
    if (fixture.some((e) => 'link' in e && join(student, e.path) === path))
      lutimesSync(path, new Date(nowMs), new Date(nowMs))
    else utimesSync(path, when, when)
  }
  // After chown, which clears setuid and setgid bits.
  for (const entry of fixture)
    if (!('link' in entry) && entry.mode !== undefined)
      chmodSync(join(student, entry.path), entry.mode)
  chownSync(student, 1000, 1000)
  utimesSync(home, when, when)
  return root
}

/** Runs one line in real bash (see the file comment); call only when oracleUnavailable() is undefined. */
/**
 * With `ttyCols`, the line runs on a pseudo-terminal of that width (util-linux `script`), so
 * stdout and stderr arrive mixed, in `stdout`, with \r\n turned back into \n.
 */
export async function runReal(
  fixture: readonly FixtureEntry[],
  line: string,
  nowMs: number,
  ttyCols?: number,
): Promise<LineResult> {
  const fresh = await Session.create()
  const root = buildRealTree(fixture, await fresh.fs.readFile(`${HOME}/.bashrc`), nowMs)
  try {
    const env = Object.entries(initialEnv()).map(([k, v]) => `${k}=${v}`)
    const script = [
      'set -e',
      'mount --bind "$1/passwd" /etc/passwd',
      'mount --bind "$1/group" /etc/group',
      'mount --bind "$1/home" /home',
      'mount --bind "$1/tmp" /tmp',
      'hostname quai',
      'cd /home/student',
      'umask 022',
      'shift',
      'exec setpriv --reuid=1000 --regid=1000 --clear-groups env -i "$@"',
    ].join('\n')
    const args = ['-mu', 'sh', '-c', script, 'sh', root, ...env]
    if (ttyCols === undefined) args.push('bash', '--norc', '--noprofile', '-c', line)
    else args.push('script', '-qec', `stty cols ${ttyCols} rows 24; ${line}`, '/dev/null')
    // A line that blocks (tail -f, cat waiting on a terminal) is cut off after a few seconds.
    const result = spawnSync('unshare', args, { encoding: 'utf8', input: '', timeout: 5000 })
    return {
      stdout: ttyCols === undefined ? result.stdout : result.stdout.replace(/\r\n/g, '\n'),
      // `bash -c` names the line in its messages; an interactive bash, which Quai is, does not.
      stderr: result.stderr.replace(/^bash: line \d+: /gm, 'bash: '),
      exitCode: result.status ?? -1,
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}
