import { PROJECT } from './fixtures'
import { goldenSuite, lines } from './golden'

/** GNU sort and uniq in the C.UTF-8 locale. */
goldenSuite('sort-uniq', PROJECT, [
  {
    name: 'sorts by code point, capitals first',
    line: 'sort fruits.txt',
    stdout: lines('Date', 'apple', 'apple', 'banana', 'banana', 'banana', 'cherry'),
  },
  {
    name: 'reverses with -r',
    line: 'sort -r fruits.txt',
    stdout: lines('cherry', 'banana', 'banana', 'banana', 'apple', 'apple', 'Date'),
  },
  {
    name: 'keeps one of each with -u',
    line: 'sort -u fruits.txt',
    stdout: lines('Date', 'apple', 'banana', 'cherry'),
  },
  {
    name: 'folds case with -f',
    line: 'sort -f fruits.txt',
    stdout: lines('apple', 'apple', 'banana', 'banana', 'banana', 'cherry', 'Date'),
  },
  {
    name: 'sorts numbers as text without -n',
    line: 'sort -n data.csv',
    stdout: lines('alice,30,paris', 'bob,25,berlin', 'carol,35,rome', 'name,age,city'),
  },
  {
    name: 'sorts a numeric key with -t and -k',
    line: 'sort -t, -k2 -n data.csv',
    stdout: lines('name,age,city', 'bob,25,berlin', 'alice,30,paris', 'carol,35,rome'),
  },
  {
    name: 'sorts a key in reverse numeric order',
    line: 'sort -t, -k2,2nr data.csv',
    stdout: lines('carol,35,rome', 'alice,30,paris', 'bob,25,berlin', 'name,age,city'),
  },
  {
    name: 'sorts from a field to the end of the line',
    line: 'sort -t, -k3 data.csv',
    stdout: lines('bob,25,berlin', 'name,age,city', 'alice,30,paris', 'carol,35,rome'),
  },
  {
    name: 'reports a missing file with status 2',
    line: 'sort nosuch',
    stderr: 'sort: cannot read: nosuch: No such file or directory\n',
    exitCode: 2,
  },
  {
    name: 'reports a directory with status 2',
    line: 'sort src',
    stderr: 'sort: read failed: src: Is a directory\n',
    exitCode: 2,
  },
  {
    name: 'rejects a bad key',
    line: 'sort -k x notes.txt',
    stderr: 'sort: invalid number at field start: invalid count at start of ‘x’\n',
    exitCode: 2,
  },
  {
    name: 'checks order with -c',
    line: 'sort -c fruits.txt',
    stderr: 'sort: fruits.txt:2: disorder: apple\n',
    exitCode: 1,
  },
  {
    name: 'writes to a file with -o',
    line: 'sort -o out.txt fruits.txt && cat out.txt',
    stdout: lines('Date', 'apple', 'apple', 'banana', 'banana', 'banana', 'cherry'),
  },
  {
    name: 'sorts numbers with -n, text as zero',
    line: "printf '10\\n9\\n100\\n-1\\nabc\\n' | sort -rn",
    stdout: lines('100', '10', '9', 'abc', '-1'),
  },
  {
    name: 'sorts human sizes with -h',
    line: "printf '1K\\n2M\\n512\\n1G\\n3k\\n' | sort -h",
    stdout: lines('512', '1K', '3k', '2M', '1G'),
  },
  {
    name: 'sorts versions with -V',
    line: "printf 'v1.10\\nv1.9\\nv1.2\\n' | sort -V",
    stdout: lines('v1.2', 'v1.9', 'v1.10'),
  },
  {
    name: 'sorts by a blank-separated field',
    line: "printf 'x b\\ny a\\nz c\\n' | sort -k2",
    stdout: lines('y a', 'x b', 'z c'),
  },
  {
    name: 'keeps the first of equal keys with -u',
    line: 'sort -u -t, -k1,1 data.csv',
    stdout: lines('alice,30,paris', 'bob,25,berlin', 'carol,35,rome', 'name,age,city'),
  },
  {
    name: 'keeps input order for equal keys with -s',
    line: 'sort -s -k1,1 fruits.txt',
    stdout: lines('Date', 'apple', 'apple', 'banana', 'banana', 'banana', 'cherry'),
  },
  {
    name: 'ignores leading blanks with -b',
    line: "printf '  b\\na\\n c\\n' | sort -b",
    stdout: lines('a', '  b', ' c'),
  },
  {
    name: 'rejects an unknown option with status 2',
    line: 'sort -q',
    stderr: lines("sort: invalid option -- 'q'", "Try 'sort --help' for more information."),
    exitCode: 2,
  },
  {
    name: 'uniq reports a missing file',
    line: 'uniq nosuch',
    stderr: 'uniq: nosuch: No such file or directory\n',
    exitCode: 1,
  },
  {
    name: 'uniq reports a directory',
    line: 'uniq src',
    stderr: "uniq: error reading 'src'\n",
    exitCode: 1,
  },
  {
    name: 'uniq collapses adjacent lines only',
    line: 'uniq fruits.txt',
    stdout: lines('banana', 'apple', 'cherry', 'apple', 'banana', 'Date'),
  },
  {
    name: 'uniq -c counts in a seven-wide column',
    line: 'sort fruits.txt | uniq -c',
    stdout: lines('      1 Date', '      2 apple', '      3 banana', '      1 cherry'),
  },
  {
    name: 'uniq -d prints repeated lines',
    line: 'sort fruits.txt | uniq -d',
    stdout: lines('apple', 'banana'),
  },
  {
    name: 'uniq -u prints unique lines',
    line: 'sort fruits.txt | uniq -u',
    stdout: lines('Date', 'cherry'),
  },
  {
    name: 'uniq -ci ignores case while counting',
    line: "printf 'a\\nA\\nb\\n' | uniq -ci",
    stdout: lines('      2 a', '      1 b'),
  },
  {
    name: 'uniq -D prints every repeated line',
    line: 'sort fruits.txt | uniq -D',
    stdout: lines('apple', 'apple', 'banana', 'banana', 'banana'),
  },
  {
    name: 'uniq writes to an output file',
    line: 'uniq fruits.txt out && cat out',
    stdout: lines('banana', 'apple', 'cherry', 'apple', 'banana', 'Date'),
  },
  {
    name: 'uniq -f skips fields',
    line: "printf 'a 1\\nb 1\\nc 2\\n' | uniq -f 1",
    stdout: lines('a 1', 'c 2'),
  },
  {
    name: 'uniq -s skips characters',
    line: "printf 'xa\\nya\\nzb\\n' | uniq -s 1 -c",
    stdout: lines('      2 xa', '      1 zb'),
  },
  {
    name: 'uniq rejects an extra operand',
    line: 'uniq a b c',
    stderr: lines('uniq: extra operand ‘c’', "Try 'uniq --help' for more information."),
    exitCode: 1,
  },
])
