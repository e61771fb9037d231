import { PROJECT } from './fixtures'
import { goldenSuite, lines } from './golden'

/** Shell behaviour that comes from the interpreter (just-bash) and already matches bash. */
goldenSuite('shell', PROJECT, [
  {
    name: 'echo -e reads escapes',
    line: "echo -e 'a\\tb\\nc'",
    stdout: lines('a\tb', 'c'),
  },
  {
    name: 'echo -n leaves the newline out',
    line: 'echo -n hi',
    stdout: 'hi',
  },
  {
    name: 'printf repeats its format',
    line: "printf '%s=%d\\n' a 1 b 2",
    stdout: lines('a=1', 'b=2'),
  },
  {
    name: 'printf rounds floats',
    line: "printf '%5.2f\\n' 3.14159",
    stdout: ' 3.14\n',
  },
  {
    name: 'seq counts',
    line: 'seq 3; seq 2 2 10; seq -s, 5',
    stdout: lines('1', '2', '3', '2', '4', '6', '8', '10', '1,2,3,4,5'),
  },
  {
    name: 'date formats a given date',
    line: "date -d '2026-01-05 09:00' '+%Y-%m-%d %H:%M'",
    stdout: '2026-01-05 09:00\n',
  },
  {
    name: 'which finds a command and exits 1 for a missing one',
    line: 'which ls; which nosuch; echo $?',
    stdout: lines('/usr/bin/ls', '1'),
  },
  {
    name: 'basename and dirname split paths',
    line: 'basename /a/b/c.txt .txt; dirname /a/b/c.txt',
    stdout: lines('c', '/a/b'),
  },
  {
    name: 'test and [ check files',
    line: 'test -f notes.txt && echo yes; [ -d src ] && echo dir; [ 1 -gt 2 ]; echo $?',
    stdout: lines('yes', 'dir', '1'),
  },
  {
    name: 'arithmetic divides toward zero',
    line: 'echo $((7 / 2)) $((7 % 3)) $((-7 / 2))',
    stdout: '3 1 -3\n',
  },
  {
    name: 'brace expansion makes lists and ranges',
    line: 'echo {1..5} file{a,b,c}.txt',
    stdout: '1 2 3 4 5 filea.txt fileb.txt filec.txt\n',
  },
  {
    name: 'globs expand sorted and stay as typed when nothing matches',
    line: 'echo *; echo *.nomatch',
    stdout: lines(
      'big.log data.csv docs empty.txt fruits.txt link notes.txt script.sh src',
      '*.nomatch',
    ),
  },
  {
    name: 'cd reports a missing directory',
    line: 'cd nosuch',
    stderr: 'bash: cd: nosuch: No such file or directory\n',
    exitCode: 1,
  },
  {
    name: 'cd reports a file',
    line: 'cd notes.txt',
    stderr: 'bash: cd: notes.txt: Not a directory\n',
    exitCode: 1,
  },
  {
    name: 'cd changes the directory',
    line: 'cd src && pwd',
    stdout: '/home/student/src\n',
  },
  {
    name: 'an unknown command exits 127',
    line: 'foo',
    stderr: 'bash: foo: command not found\n',
    exitCode: 127,
  },
  {
    name: 'variables expand',
    line: 'echo $HOME $USER',
    stdout: '/home/student student\n',
  },
  {
    name: 'tr maps characters',
    line: 'tr a-z A-Z < notes.txt',
    stdout: lines('HELLO WORLD', 'SECOND LINE', 'THIRD LINE WITH HELLO'),
  },
  {
    name: 'cut selects fields',
    line: 'cut -d, -f1 data.csv',
    stdout: lines('name', 'alice', 'bob', 'carol'),
  },
  {
    name: 'sed substitutes',
    line: "sed 's/hello/bye/' notes.txt",
    stdout: lines('bye world', 'second line', 'third line with bye'),
  },
  {
    name: 'awk splits fields',
    line: "awk -F, 'NR>1 {s+=$2} END {print s}' data.csv",
    stdout: '90\n',
  },
  {
    name: 'find finds by name',
    line: "find . -name '*.md' | sort",
    stdout: lines('./docs/README.md', './docs/guide/intro.md'),
  },
  {
    name: 'env shows the environment',
    line: 'env | grep -v "^_=\\|^SHLVL=" | sort',
    stdout: lines(
      'EDITOR=nano',
      'HOME=/home/student',
      'HOSTNAME=quai',
      'LANG=C.UTF-8',
      'LOGNAME=student',
      'OLDPWD=/home/student',
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'PWD=/home/student',
      'SHELL=/bin/bash',
      'TERM=xterm-256color',
      'USER=student',
    ),
  },
])
