import { PROJECT } from './fixtures'
import { goldenSuite, lines } from './golden'

/** GNU wc, including its column widths. */
goldenSuite('wc', PROJECT, [
  {
    name: 'counts lines, words and bytes of a file',
    line: 'wc notes.txt',
    stdout: ' 3  8 46 notes.txt\n',
  },
  {
    name: 'reports a missing file',
    line: 'wc nosuch',
    stderr: 'wc: nosuch: No such file or directory\n',
    exitCode: 1,
  },
  {
    name: 'reports a directory with a line of zeros',
    line: 'wc src',
    stdout: '      0       0       0 src\n',
    stderr: 'wc: src: Is a directory\n',
    exitCode: 1,
  },
  {
    name: 'widens columns to the total size and adds a total',
    line: 'wc notes.txt fruits.txt',
    stdout: lines(' 3  8 46 notes.txt', ' 7  7 45 fruits.txt', '10 15 91 total'),
  },
  {
    name: 'prints one count bare',
    line: 'wc -l notes.txt',
    stdout: '3 notes.txt\n',
  },
  {
    name: 'prints chosen counts',
    line: 'wc -lw notes.txt',
    stdout: ' 3  8 notes.txt\n',
  },
  {
    name: 'counts bytes',
    line: 'wc -c big.log',
    stdout: '5001 big.log\n',
  },
  {
    name: 'finds the longest line',
    line: 'wc -L notes.txt',
    stdout: '21 notes.txt\n',
  },
  {
    name: 'counts characters',
    line: 'wc -m notes.txt',
    stdout: '46 notes.txt\n',
  },
  {
    name: 'reports a missing file among others and still totals',
    line: 'wc notes.txt nosuch',
    stdout: lines(' 3  8 46 notes.txt', ' 3  8 46 total'),
    stderr: 'wc: nosuch: No such file or directory\n',
    exitCode: 1,
  },
  {
    name: 'pads to seven columns for a pipe',
    line: 'cat notes.txt | wc',
    stdout: '      3       8      46\n',
  },
  {
    name: 'prints one count of standard input bare',
    line: 'wc -l < notes.txt',
    stdout: '3\n',
  },
  {
    name: 'counts a glob of files',
    line: 'wc -l *.txt',
    stdout: lines(' 0 empty.txt', ' 7 fruits.txt', ' 3 notes.txt', '10 total'),
  },
  {
    name: 'counts words of several files',
    line: 'wc -w notes.txt data.csv',
    stdout: lines('  8 notes.txt', '  4 data.csv', ' 12 total'),
  },
  {
    name: 'counts an empty file',
    line: 'wc empty.txt',
    stdout: '0 0 0 empty.txt\n',
  },
  {
    name: 'counts characters, not bytes, with -m',
    line: "echo 'héllo wörld' | wc -m",
    stdout: '12\n',
  },
  {
    name: 'counts bytes of UTF-8 text',
    line: "echo 'héllo wörld' | wc",
    stdout: '      1       2      14\n',
  },
  {
    name: 'reads standard input for - among files',
    line: 'wc notes.txt - < fruits.txt',
    stdout: lines(
      '      3       8      46 notes.txt',
      '      7       7      45 -',
      '     10      15      91 total',
    ),
    notComparable:
      'Quai cannot tell a redirected file from a pipe: standard input is padded as a pipe',
  },
])
