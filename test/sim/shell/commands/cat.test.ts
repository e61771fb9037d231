import { PROJECT } from './fixtures'
import { goldenSuite, lines } from './golden'

/** GNU cat. */
goldenSuite('cat', PROJECT, [
  {
    name: 'prints a file',
    line: 'cat notes.txt',
    stdout: lines('hello world', 'second line', 'third line with hello'),
  },
  {
    name: 'reports a missing file without quotes',
    line: 'cat nosuch',
    stderr: 'cat: nosuch: No such file or directory\n',
    exitCode: 1,
  },
  {
    name: 'reports a directory',
    line: 'cat src',
    stderr: 'cat: src: Is a directory\n',
    exitCode: 1,
  },
  {
    name: 'reports a file used as a directory',
    line: 'cat notes.txt/x',
    stderr: 'cat: notes.txt/x: Not a directory\n',
    exitCode: 1,
  },
  {
    name: 'goes on after a missing file and exits 1',
    line: 'cat notes.txt nosuch fruits.txt',
    stdout: lines(
      'hello world',
      'second line',
      'third line with hello',
      'banana',
      'apple',
      'cherry',
      'apple',
      'banana',
      'banana',
      'Date',
    ),
    stderr: 'cat: nosuch: No such file or directory\n',
    exitCode: 1,
  },
  {
    name: 'numbers lines across files with -n',
    line: 'cat -n notes.txt fruits.txt',
    stdout: lines(
      '     1\thello world',
      '     2\tsecond line',
      '     3\tthird line with hello',
      '     4\tbanana',
      '     5\tapple',
      '     6\tcherry',
      '     7\tapple',
      '     8\tbanana',
      '     9\tbanana',
      '    10\tDate',
    ),
  },
  {
    name: 'numbers non-blank lines with -b',
    line: "printf 'a\\n\\nb\\n' | cat -b",
    stdout: lines('     1\ta', '', '     2\tb'),
  },
  {
    name: 'shows line ends and tabs with -A',
    line: "printf 'a\\tb\\n' | cat -A",
    stdout: 'a^Ib$\n',
  },
  {
    name: 'shows line ends with -E',
    line: 'cat -E notes.txt',
    stdout: lines('hello world$', 'second line$', 'third line with hello$'),
  },
  {
    name: 'squeezes blank lines with -s',
    line: "printf 'a\\n\\n\\n\\nb\\n' | cat -s",
    stdout: lines('a', '', 'b'),
  },
  {
    name: 'shows tabs with -T',
    line: "printf 'a\\tb\\n' | cat -T",
    stdout: 'a^Ib\n',
  },
  {
    name: 'reads standard input for -',
    line: "printf 'x' | cat - notes.txt",
    stdout: lines('xhello world', 'second line', 'third line with hello'),
  },
  {
    name: 'reads standard input with no operand',
    line: 'echo piped | cat',
    stdout: 'piped\n',
  },
  {
    name: 'rejects an unknown option',
    line: 'cat -y',
    stderr: lines("cat: invalid option -- 'y'", "Try 'cat --help' for more information."),
    exitCode: 1,
  },
])
