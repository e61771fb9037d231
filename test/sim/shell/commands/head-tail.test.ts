import { PROJECT } from './fixtures'
import { goldenSuite, lines } from './golden'

/** GNU head and tail. */
goldenSuite('head-tail', PROJECT, [
  {
    name: 'head prints the first lines',
    line: 'head -n 2 notes.txt',
    stdout: lines('hello world', 'second line'),
  },
  {
    name: 'head reads the obsolete -N form',
    line: 'head -3 fruits.txt',
    stdout: lines('banana', 'apple', 'cherry'),
  },
  {
    name: 'head reports a missing file',
    line: 'head nosuch',
    stderr: "head: cannot open 'nosuch' for reading: No such file or directory\n",
    exitCode: 1,
  },
  {
    name: 'head reports a directory',
    line: 'head src',
    stderr: "head: error reading 'src': Is a directory\n",
    exitCode: 1,
  },
  {
    name: 'head rejects a bad line count',
    line: 'head -n x notes.txt',
    stderr: 'head: invalid number of lines: ‘x’\n',
    exitCode: 1,
  },
  {
    name: 'head rejects a bad byte count',
    line: 'head -c x notes.txt',
    stderr: 'head: invalid number of bytes: ‘x’\n',
    exitCode: 1,
  },
  {
    name: 'head -n -N prints all but the last N lines',
    line: 'head -n -1 notes.txt',
    stdout: lines('hello world', 'second line'),
  },
  {
    name: 'head -c -N prints all but the last N bytes',
    line: 'head -c -2 notes.txt',
    stdout: 'hello world\nsecond line\nthird line with hell',
  },
  {
    name: 'head heads each of several files',
    line: 'head notes.txt fruits.txt',
    stdout: lines(
      '==> notes.txt <==',
      'hello world',
      'second line',
      'third line with hello',
      '',
      '==> fruits.txt <==',
      'banana',
      'apple',
      'cherry',
      'apple',
      'banana',
      'banana',
      'Date',
    ),
  },
  {
    name: 'head -q leaves headers out',
    line: 'head -q -n 1 notes.txt fruits.txt',
    stdout: lines('hello world', 'banana'),
  },
  {
    name: 'head -v heads a single file',
    line: 'head -v -n 1 notes.txt',
    stdout: lines('==> notes.txt <==', 'hello world'),
  },
  {
    name: 'head reads standard input for -',
    line: 'head -n 1 - < notes.txt',
    stdout: 'hello world\n',
  },
  {
    name: 'head prints bytes with -c',
    line: 'head -c 5 notes.txt',
    stdout: 'hello',
  },
  {
    name: 'head keeps a missing final newline',
    line: "printf 'a\\nb' | head -n 5",
    stdout: 'a\nb',
  },
  {
    name: 'tail prints the last lines',
    line: 'tail -n 2 fruits.txt',
    stdout: lines('banana', 'Date'),
  },
  {
    name: 'tail reads the obsolete -N form',
    line: 'tail -1 notes.txt',
    stdout: 'third line with hello\n',
  },
  {
    name: 'tail reports a missing file',
    line: 'tail nosuch',
    stderr: "tail: cannot open 'nosuch' for reading: No such file or directory\n",
    exitCode: 1,
  },
  {
    name: 'tail reports a directory',
    line: 'tail src',
    stderr: "tail: error reading 'src': Is a directory\n",
    exitCode: 1,
  },
  {
    name: 'tail rejects a bad line count',
    line: 'tail -n x notes.txt',
    stderr: 'tail: invalid number of lines: ‘x’\n',
    exitCode: 1,
  },
  {
    name: 'tail -n +N starts at line N',
    line: 'tail -n +2 notes.txt',
    stdout: lines('second line', 'third line with hello'),
  },
  {
    name: 'tail reads the obsolete +N form',
    line: 'tail +2 notes.txt',
    stdout: lines('second line', 'third line with hello'),
  },
  {
    name: 'tail prints bytes with -c',
    line: 'tail -c 5 notes.txt',
    stdout: 'ello\n',
  },
  {
    name: 'tail heads each of several files',
    line: 'tail -n 1 notes.txt fruits.txt',
    stdout: lines('==> notes.txt <==', 'third line with hello', '', '==> fruits.txt <==', 'Date'),
  },
  {
    name: 'tail -f gives up when no file can be opened',
    line: 'tail -f nosuch',
    stderr: lines(
      "tail: cannot open 'nosuch' for reading: No such file or directory",
      'tail: no files remaining',
    ),
    exitCode: 1,
  },
  {
    name: 'tail -n 0 prints nothing',
    line: 'tail -n 0 notes.txt',
  },
  {
    name: 'tail keeps a missing final newline',
    line: "printf 'a\\nb' | tail -n 1",
    stdout: 'b',
  },
])
