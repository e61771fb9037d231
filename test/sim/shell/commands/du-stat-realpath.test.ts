import { PROJECT } from './fixtures'
import { goldenSuite, lines } from './golden'

/** GNU du, stat and realpath. */
goldenSuite('du-stat-realpath', PROJECT, [
  {
    name: 'du -sh sums a directory in human units',
    line: 'du -sh src',
    stdout: '12K\tsrc\n',
  },
  {
    name: 'du -s sums in 1K blocks',
    line: 'du -s docs',
    stdout: '16\tdocs\n',
  },
  {
    name: 'du reports a missing file',
    line: 'du -s nosuch',
    stderr: "du: cannot access 'nosuch': No such file or directory\n",
    exitCode: 1,
  },
  {
    name: 'du -c adds a total',
    line: 'du -c notes.txt fruits.txt',
    stdout: lines('4\tnotes.txt', '4\tfruits.txt', '8\ttotal'),
  },
  {
    name: 'du --max-depth=0 prints only the operand',
    line: 'du --max-depth=0',
    stdout: '64\t.\n',
  },
  {
    name: 'du -b prints apparent bytes',
    line: 'du -b notes.txt',
    stdout: '46\tnotes.txt\n',
  },
  {
    name: 'du --apparent-size -h',
    line: 'du --apparent-size -h big.log',
    stdout: '4.9K\tbig.log\n',
  },
  {
    name: 'du sums the home directory',
    line: 'du -sh ~',
    stdout: '64K\t/home/student\n',
  },
  {
    name: 'du -sh sums each glob match',
    line: 'du -sh *',
    stdout: lines(
      '8.0K\tbig.log',
      '4.0K\tdata.csv',
      '16K\tdocs',
      '0\tempty.txt',
      '4.0K\tfruits.txt',
      '0\tlink',
      '4.0K\tnotes.txt',
      '4.0K\tscript.sh',
      '12K\tsrc',
    ),
  },
  {
    name: 'du lists directories after their contents',
    line: 'du',
    stdout: lines('8\t./docs/guide', '16\t./docs', '12\t./src', '64\t.'),
    notComparable: 'GNU lists in ext4 directory-hash order, which no simulation can reproduce',
  },
  {
    name: 'stat prints a directory',
    line: 'stat -c "%n %F %s %a %A %U %G %h" src docs',
    stdout: lines(
      'src directory 4096 755 drwxr-xr-x student student 2',
      'docs directory 4096 755 drwxr-xr-x student student 3',
    ),
  },
  {
    name: 'stat reports a missing file',
    line: 'stat nosuch',
    stderr: "stat: cannot statx 'nosuch': No such file or directory\n",
    exitCode: 1,
  },
  {
    name: 'stat -c formats chosen fields',
    line: "stat -c '%a %A %s %n %U %G %F %h %b %B %u %g %o' notes.txt src link",
    stdout: lines(
      '644 -rw-r--r-- 46 notes.txt student student regular file 1 8 512 1000 1000 4096',
      '755 drwxr-xr-x 4096 src student student directory 2 8 512 1000 1000 4096',
      '777 lrwxrwxrwx 9 link student student symbolic link 1 0 512 1000 1000 4096',
    ),
  },
  {
    name: 'stat -c %y prints the modification time',
    line: 'stat -c %y notes.txt',
    stdout: '2026-01-05 09:00:00.000000000 +0000\n',
  },
  {
    name: 'stat --printf reads escapes',
    line: "stat --printf='%n:%s\\n' notes.txt data.csv",
    stdout: lines('notes.txt:46', 'data.csv:57'),
  },
  {
    name: 'stat prints its report',
    line: 'stat notes.txt',
    stdout: lines(
      '  File: notes.txt',
      '  Size: 46        \tBlocks: 8          IO Block: 4096   regular file',
      'Device: 254,0\tInode: 1491505     Links: 1',
      'Access: (0644/-rw-r--r--)  Uid: ( 1000/ student)   Gid: ( 1000/ student)',
      'Access: 2026-01-05 09:00:00.000000000 +0000',
      'Modify: 2026-01-05 09:00:00.000000000 +0000',
      'Change: 2026-01-05 09:00:00.000000000 +0000',
      ' Birth: 2026-01-05 09:00:00.000000000 +0000',
    ),
    notComparable: 'inode numbers and change times are invented',
  },
  {
    name: 'realpath resolves a file',
    line: 'realpath notes.txt',
    stdout: '/home/student/notes.txt\n',
  },
  {
    name: 'realpath accepts a missing last component',
    line: 'realpath nosuch',
    stdout: '/home/student/nosuch\n',
  },
  {
    name: 'realpath reports a missing directory',
    line: 'realpath nosuch/x',
    stderr: 'realpath: nosuch/x: No such file or directory\n',
    exitCode: 1,
  },
  {
    name: 'realpath -e needs the file to exist',
    line: 'realpath -e nosuch',
    stderr: 'realpath: nosuch: No such file or directory\n',
    exitCode: 1,
  },
  {
    name: 'realpath resolves .. and several operands',
    line: 'realpath src ../student',
    stdout: lines('/home/student/src', '/home/student'),
  },
  {
    name: 'realpath follows symlinks',
    line: 'realpath link',
    stdout: '/home/student/notes.txt\n',
  },
  {
    name: 'realpath -s keeps symlinks',
    line: 'realpath -s link',
    stdout: '/home/student/link\n',
  },
  {
    name: 'realpath asks for an operand',
    line: 'realpath',
    stderr: lines('realpath: missing operand', "Try 'realpath --help' for more information."),
    exitCode: 1,
  },
])
