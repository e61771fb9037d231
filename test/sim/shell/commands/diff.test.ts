/**
 * Quai's `diff` against GNU diffutils: the same files (same contents, same modification times)
 * compared both ways, every output byte and exit status equal; then the messages pinned as text.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, test } from 'vitest'
import { VirtualClock } from '../../../../src/sim/core/clock'
import { Session } from '../../../../src/sim/shell/session'

const REAL = '/usr/bin/diff'
const present = existsSync(REAL)
if (!present) console.warn(`${REAL} is absent: the comparison with GNU diff is skipped`)

/** 2026-01-05 09:00:00.250 UTC, and one second later for the right-hand files. */
const T1 = Date.UTC(2026, 0, 5, 9, 0, 0) + 250
const T2 = T1 + 1000

const FILES: readonly { path: string; content: string; ms: number }[] = [
  { path: 'a/x', content: 'one\ntwo\nthree\n', ms: T1 },
  { path: 'b/x', content: 'one\nTWO\nthree\nfour\n', ms: T2 },
  { path: 'a/y', content: 'only a\n', ms: T1 },
  { path: 'b/z', content: 'only b', ms: T2 },
  { path: 'a/sub/s', content: 's\n', ms: T1 },
  { path: 'b/sub/s', content: 't\n', ms: T2 },
  { path: 'a/same', content: 'same\n', ms: T1 },
  { path: 'b/same', content: 'same\n', ms: T2 },
  { path: 'n1', content: 'a\nb', ms: T1 },
  { path: 'n2', content: 'a\nc', ms: T2 },
  {
    path: 'long1',
    content: Array.from({ length: 30 }, (_, i) => `line ${i + 1}\n`).join(''),
    ms: T1,
  },
  {
    path: 'long2',
    content: Array.from({ length: 30 }, (_, i) =>
      i === 2
        ? 'changed 3\n'
        : i === 14
          ? ''
          : i === 25
            ? `line ${i + 1}\nnew\n`
            : `line ${i + 1}\n`,
    ).join(''),
    ms: T2,
  },
  { path: 'empty', content: '', ms: T1 },
]

const LINES = [
  'diff a/x b/x',
  'diff -u a/x b/x',
  'diff -U1 a/x b/x',
  'diff -U 0 a/x b/x',
  'diff --unified=5 a/x b/x',
  'diff a b',
  'diff -u -N a b',
  'diff -uN -r a b',
  'diff -r a b',
  'diff -q a b',
  'diff -s a/same b/same',
  'diff -q a/same b/same',
  'diff n1 n2',
  'diff -u n1 n2',
  'diff long1 long2',
  'diff -u long1 long2',
  'diff -U 1 long1 long2',
  'diff -u empty a/x',
  'diff a/x empty',
  'diff a/x b',
  'diff -N a/x nope',
  'diff -u -N nope a/x',
  'diff a/x nope',
  'diff a/x',
  'diff',
  'diff a b c',
  'diff -z a b',
  'diff --bogus a b',
]

async function quaiSide(): Promise<Session> {
  const session = await Session.create({ seed: 1, clock: new VirtualClock(T2 + 60_000) })
  for (const f of FILES) {
    const path = `/home/student/w/${f.path}`
    await session.fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true })
    await session.fs.writeFile(path, f.content)
    await session.fs.utimes(path, new Date(f.ms), new Date(f.ms))
  }
  await session.run('cd /home/student/w')
  return session
}

function realSide(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quai-diff-'))
  for (const f of FILES) {
    const path = join(dir, f.path)
    mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true })
    writeFileSync(path, f.content)
    utimesSync(path, f.ms / 1000, f.ms / 1000)
  }
  return dir
}

describe.skipIf(!present)('diff matches GNU diffutils', () => {
  const dir = present ? realSide() : ''
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true })
  })
  it.each(LINES)('%s', async (line) => {
    const session = await quaiSide()
    const real = spawnSync(REAL, line.split(' ').slice(1), {
      cwd: dir,
      encoding: 'utf8',
      argv0: 'diff',
    })
    const ours = await session.run(line)
    expect({ stdout: ours.stdout, stderr: ours.stderr, exitCode: ours.exitCode }).toEqual({
      stdout: real.stdout,
      stderr: real.stderr,
      exitCode: real.status,
    })
  })
})

describe('diff', () => {
  test('a unified diff of two changed lines names both files with their times', async () => {
    const session = await quaiSide()
    expect(await session.run('diff -u a/x b/x')).toMatchObject({
      stdout: `--- a/x\t2026-01-05 09:00:00.250000000 +0000
+++ b/x\t2026-01-05 09:00:01.250000000 +0000
@@ -1,3 +1,4 @@
 one
-two
+TWO
 three
+four
`,
      stderr: '',
      exitCode: 1,
    })
  })

  test('a directory comparison prints each differing pair’s command line and what is missing', async () => {
    const session = await quaiSide()
    expect(await session.run('diff -q a b')).toMatchObject({
      stdout: `Common subdirectories: a/sub and b/sub
Files a/x and b/x differ
Only in a: y
Only in b: z
`,
      stderr: '',
      exitCode: 1,
    })
  })

  test('identical files print nothing and exit 0; a missing file is trouble, exit 2', async () => {
    const session = await quaiSide()
    expect(await session.run('diff a/same b/same')).toMatchObject({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
    expect(await session.run('diff a/x nope')).toMatchObject({
      stdout: '',
      stderr: 'diff: nope: No such file or directory\n',
      exitCode: 2,
    })
  })

  test('stdin as - is compared with a file', async () => {
    const session = await quaiSide()
    expect(await session.run("printf 'one\\n2\\nthree\\n' | diff - a/x")).toMatchObject({
      stdout: '2c2\n< 2\n---\n> two\n',
      stderr: '',
      exitCode: 1,
    })
  })
})
