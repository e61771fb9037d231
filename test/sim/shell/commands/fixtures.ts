import type { FixtureEntry } from './oracle'

/** A small project in the student's home: what most golden lines run against. */
export const PROJECT: readonly FixtureEntry[] = [
  { path: 'notes.txt', content: 'hello world\nsecond line\nthird line with hello\n' },
  { path: 'fruits.txt', content: 'banana\napple\ncherry\napple\nbanana\nbanana\nDate\n' },
  { path: 'data.csv', content: 'name,age,city\nalice,30,paris\nbob,25,berlin\ncarol,35,rome\n' },
  { path: 'empty.txt', content: '' },
  { path: 'script.sh', content: '#!/bin/bash\necho hi\n', mode: 0o755 },
  { path: 'big.log', content: 'x'.repeat(5000) + '\n' },
  { path: '.hidden', content: 'secret\n' },
  { path: 'src', dir: true },
  { path: 'src/main.py', content: 'print("hi")\n' },
  { path: 'src/app.js', content: 'console.log(1)\n' },
  { path: 'docs', dir: true },
  { path: 'docs/README.md', content: '# Docs\n' },
  { path: 'docs/guide', dir: true },
  { path: 'docs/guide/intro.md', content: 'intro\n' },
  { path: 'link', link: 'notes.txt' },
]

/** Names that need quoting, special permission bits and symlinks of every kind, for ls and tree. */
export const AWKWARD_NAMES: readonly FixtureEntry[] = [
  { path: 'My File.txt', content: 'x\n' },
  { path: "it's", content: '' },
  { path: 'plain', content: '' },
  { path: 'a.sh', content: '', mode: 0o755 },
  { path: 'dir', dir: true },
  { path: 'lnk', link: 'plain' },
  { path: 'broken', link: 'nowhere' },
  { path: 'dl', link: 'dir' },
  { path: 'ow', dir: true, mode: 0o777 },
  { path: 'st', dir: true, mode: 0o1755 },
  { path: 'tmpdir', dir: true, mode: 0o1777 },
  { path: 'suid', content: '', mode: 0o4755 },
  { path: 'file-1.10.txt', content: '' },
  { path: 'file-1.9.txt', content: '' },
  { path: 'x.tar.gz', content: '' },
  { path: 'Zeta', content: '' },
  { path: '_under', content: '' },
  { path: 'bad name;', content: '' },
]
