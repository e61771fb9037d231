import { PROJECT } from './fixtures'
import { goldenSuite, lines } from './golden'

/** GNU grep 3.8. */
goldenSuite('grep', PROJECT, [
  {
    name: 'prints usage without a pattern',
    line: 'grep',
    stderr: lines(
      'Usage: grep [OPTION]... PATTERNS [FILE]...',
      "Try 'grep --help' for more information.",
    ),
    exitCode: 2,
  },
  {
    name: 'rejects an unknown option with usage',
    line: 'grep -j x notes.txt',
    stderr: lines(
      "grep: invalid option -- 'j'",
      'Usage: grep [OPTION]... PATTERNS [FILE]...',
      "Try 'grep --help' for more information.",
    ),
    exitCode: 2,
  },
  {
    name: 'prints matching lines',
    line: 'grep hello notes.txt',
    stdout: lines('hello world', 'third line with hello'),
  },
  {
    name: 'ignores case with -i',
    line: 'grep -i DATE fruits.txt',
    stdout: 'Date\n',
  },
  {
    name: 'numbers lines with -n',
    line: 'grep -n line notes.txt',
    stdout: lines('2:second line', '3:third line with hello'),
  },
  {
    name: 'counts matching lines with -c',
    line: 'grep -c banana fruits.txt',
    stdout: '3\n',
  },
  {
    name: 'inverts with -v',
    line: 'grep -v banana fruits.txt',
    stdout: lines('apple', 'cherry', 'apple', 'Date'),
  },
  {
    name: 'searches a directory with -r, prefixing names',
    line: 'grep -r hi src',
    stdout: 'src/main.py:print("hi")\n',
    notComparable: 'GNU lists in ext4 directory-hash order, which no simulation can reproduce',
  },
  {
    name: 'exits 1 when nothing matches',
    line: 'grep nosuch notes.txt; echo $?',
    stdout: '1\n',
  },
  {
    name: 'reports a missing file with status 2',
    line: 'grep hello nosuch',
    stderr: 'grep: nosuch: No such file or directory\n',
    exitCode: 2,
  },
  {
    name: 'numbers lines found recursively',
    line: 'grep -rn intro docs',
    stdout: 'docs/guide/intro.md:1:intro\n',
  },
  {
    name: 'reads extended expressions with -E',
    line: "grep -E 'ap+le|cherry' fruits.txt",
    stdout: lines('apple', 'cherry', 'apple'),
  },
  {
    name: 'matches whole words with -w',
    line: 'grep -w line notes.txt',
    stdout: lines('second line', 'third line with hello'),
  },
  {
    name: 'prints only the match with -o',
    line: 'grep -o hello notes.txt',
    stdout: lines('hello', 'hello'),
  },
  {
    name: 'lists matching files with -l',
    line: 'grep -l hello *.txt',
    stdout: 'notes.txt\n',
  },
  {
    name: 'prefixes ./ when searching . recursively',
    line: 'grep -rl hi .',
    stdout: lines('./notes.txt', './script.sh', './src/main.py'),
    notComparable: 'GNU lists in ext4 directory-hash order, which no simulation can reproduce',
  },
  {
    name: 'leaves names out with -h',
    line: 'grep -h hello notes.txt notes.txt',
    stdout: lines('hello world', 'third line with hello', 'hello world', 'third line with hello'),
  },
  {
    name: 'prefixes names when searching several files',
    line: 'grep hello notes.txt fruits.txt',
    stdout: lines('notes.txt:hello world', 'notes.txt:third line with hello'),
  },
  {
    name: 'prints trailing context with -A',
    line: 'grep -A1 second notes.txt',
    stdout: lines('second line', 'third line with hello'),
  },
  {
    name: 'matches whole lines with -x',
    line: 'grep -x apple fruits.txt',
    stdout: lines('apple', 'apple'),
  },
  {
    name: 'is quiet with -q',
    line: 'grep -q apple fruits.txt; echo $?',
    stdout: '0\n',
  },
  {
    name: 'searches . without ./ when -r has no file',
    line: 'grep -r hello',
    stdout: lines('notes.txt:hello world', 'notes.txt:third line with hello'),
  },
  {
    name: 'reports a directory without -r',
    line: 'grep hello src',
    stderr: 'grep: src: Is a directory\n',
    exitCode: 2,
  },
  {
    name: 'prints leading context with -B and marks context lines with -',
    line: 'grep -B1 -n cherry fruits.txt',
    stdout: lines('2-apple', '3:cherry'),
  },
  {
    name: 'counts with context options',
    line: 'grep -C1 -c an fruits.txt',
    stdout: '3\n',
  },
  {
    name: 'reports a missing file after printing matches',
    line: 'grep -n an fruits.txt nosuch',
    stdout: lines('fruits.txt:1:banana', 'fruits.txt:5:banana', 'fruits.txt:6:banana'),
    stderr: 'grep: nosuch: No such file or directory\n',
    exitCode: 2,
  },
  {
    name: 'numbers each -o match',
    line: "grep -o -n '[a-z]an' fruits.txt",
    stdout: lines('1:ban', '5:ban', '6:ban'),
  },
  {
    name: 'rejects a lone [',
    line: "grep '[' notes.txt",
    stderr: 'grep: Invalid regular expression\n',
    exitCode: 2,
  },
  {
    name: 'rejects an unmatched [',
    line: "grep '[a' notes.txt",
    stderr: 'grep: Unmatched [, [^, [:, [., or [=\n',
    exitCode: 2,
  },
  {
    name: 'rejects an unknown character class',
    line: "grep '[[:foo:]]' notes.txt",
    stderr: 'grep: Invalid character class name\n',
    exitCode: 2,
  },
  {
    name: 'rejects a trailing backslash',
    line: "grep 'a\\' notes.txt",
    stderr: 'grep: Trailing backslash\n',
    exitCode: 2,
  },
  {
    name: 'rejects an unmatched \\(',
    line: "grep '\\(' notes.txt",
    stderr: 'grep: Unmatched ( or \\(\n',
    exitCode: 2,
  },
  {
    name: 'rejects an unmatched \\)',
    line: "grep 'a\\)' notes.txt",
    stderr: 'grep: Unmatched ) or \\)\n',
    exitCode: 2,
  },
  {
    name: 'rejects a backwards range',
    line: "grep '[z-a]' notes.txt",
    stderr: 'grep: Invalid range end\n',
    exitCode: 2,
  },
  {
    name: 'rejects an unmatched ( with -E',
    line: "grep -E '(' notes.txt",
    stderr: 'grep: Unmatched ( or \\(\n',
    exitCode: 2,
  },
  {
    name: 'reads a basic interval',
    line: "grep 'l\\{2\\}' notes.txt",
    stdout: lines('hello world', 'third line with hello'),
  },
  {
    name: 'reads an extended interval',
    line: "grep -E 'l{2}' notes.txt",
    stdout: lines('hello world', 'third line with hello'),
  },
  {
    name: 'reads a back-reference',
    line: "grep '\\(l\\)\\1' notes.txt",
    stdout: lines('hello world', 'third line with hello'),
  },
  {
    name: 'reads a character class',
    line: "grep '^[[:upper:]]' fruits.txt",
    stdout: 'Date\n',
  },
  {
    name: 'takes several patterns with -e',
    line: 'grep -e apple -e cherry fruits.txt',
    stdout: lines('apple', 'cherry', 'apple'),
  },
  {
    name: 'stops after -m matches',
    line: 'grep -m1 an fruits.txt',
    stdout: 'banana\n',
  },
  {
    name: 'colours matches and line numbers with --color=always',
    line: 'grep --color=always -n an fruits.txt',
    stdout: lines(
      '\x1b[32m\x1b[K1\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[Kb\x1b[01;31m\x1b[Kan\x1b[m\x1b[K\x1b[01;31m\x1b[Kan\x1b[m\x1b[Ka',
      '\x1b[32m\x1b[K5\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[Kb\x1b[01;31m\x1b[Kan\x1b[m\x1b[K\x1b[01;31m\x1b[Kan\x1b[m\x1b[Ka',
      '\x1b[32m\x1b[K6\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[Kb\x1b[01;31m\x1b[Kan\x1b[m\x1b[K\x1b[01;31m\x1b[Kan\x1b[m\x1b[Ka',
    ),
  },
  {
    name: 'colours file names',
    line: 'grep --color=always an fruits.txt data.csv',
    stdout: lines(
      '\x1b[35m\x1b[Kfruits.txt\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[Kb\x1b[01;31m\x1b[Kan\x1b[m\x1b[K\x1b[01;31m\x1b[Kan\x1b[m\x1b[Ka',
      '\x1b[35m\x1b[Kfruits.txt\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[Kb\x1b[01;31m\x1b[Kan\x1b[m\x1b[K\x1b[01;31m\x1b[Kan\x1b[m\x1b[Ka',
      '\x1b[35m\x1b[Kfruits.txt\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[Kb\x1b[01;31m\x1b[Kan\x1b[m\x1b[K\x1b[01;31m\x1b[Kan\x1b[m\x1b[Ka',
    ),
  },
  {
    name: 'names standard input with -H',
    line: 'grep -H o - < notes.txt',
    stdout: lines(
      '(standard input):hello world',
      '(standard input):second line',
      '(standard input):third line with hello',
    ),
  },
  {
    name: 'prints byte offsets with -b',
    line: 'grep -b o notes.txt',
    stdout: lines('0:hello world', '12:second line', '24:third line with hello'),
  },
  {
    name: 'lists files without a match with -L',
    line: 'grep -L hello notes.txt fruits.txt',
    stdout: 'fruits.txt\n',
  },
  {
    name: 'is quiet and successful despite a missing file',
    line: 'grep -q hello notes.txt nosuch; echo $?',
    stdout: '0\n',
  },
  {
    name: 'is silent about missing files with -s',
    line: 'grep -s hello nosuch; echo $?',
    stdout: '2\n',
  },
  {
    name: 'counts every line for an empty pattern',
    line: "grep -c '' notes.txt",
    stdout: '3\n',
  },
  {
    name: 'separates context groups with --',
    line: 'grep -A1 -B1 an fruits.txt',
    stdout: lines('banana', 'apple', '--', 'apple', 'banana', 'banana', 'Date'),
  },
  {
    name: 'searches only included files',
    line: "grep -r --include='*.py' print .",
    stdout: './src/main.py:print("hi")\n',
  },
  {
    name: 'ignores case recursively',
    line: 'grep -ri HELLO .',
    stdout: lines('./notes.txt:hello world', './notes.txt:third line with hello'),
  },
  {
    name: 'reads . as any character',
    line: "grep -i 'h.llo' notes.txt",
    stdout: lines('hello world', 'third line with hello'),
  },
  {
    name: 'reads \\? as optional in basic syntax',
    line: "grep 'hel\\?lo' notes.txt",
    stdout: lines('hello world', 'third line with hello'),
  },
  {
    name: 'finds no partial word with -w',
    line: 'grep -w hell notes.txt; echo $?',
    stdout: '1\n',
  },
  {
    name: 'reads the pattern as text with -F',
    line: "grep -F '[a]' notes.txt; echo $?",
    stdout: '1\n',
  },
  {
    name: 'reads -NUM as context',
    line: 'grep -2 cherry fruits.txt',
    stdout: lines('banana', 'apple', 'cherry', 'apple', 'banana'),
  },
  {
    name: 'asks for an argument to -e',
    line: 'grep -e',
    stderr: lines(
      "grep: option requires an argument -- 'e'",
      'Usage: grep [OPTION]... PATTERNS [FILE]...',
      "Try 'grep --help' for more information.",
    ),
    exitCode: 2,
  },
  {
    name: 'reads \\| as alternation in basic syntax',
    line: "grep 'a\\|b' fruits.txt",
    stdout: lines('banana', 'apple', 'apple', 'banana', 'banana', 'Date'),
  },
  {
    name: 'matches empty lines with ^$',
    line: "grep '^$' notes.txt; echo $?",
    stdout: '1\n',
  },
  {
    name: 'prints numbers with -Eo',
    line: "grep -Eo '[0-9]+' data.csv",
    stdout: lines('30', '25', '35'),
  },
  {
    name: 'reads word boundaries',
    line: "grep '\\<line\\>' notes.txt",
    stdout: lines('second line', 'third line with hello'),
  },
])
