import { PROJECT } from './fixtures'
import { goldenSuite, lines } from './golden'

/** GNU touch, ln and chmod. */
goldenSuite('touch-ln-chmod', PROJECT, [
  {
    name: 'touch asks for an operand',
    line: 'touch',
    stderr: lines('touch: missing file operand', "Try 'touch --help' for more information."),
    exitCode: 1,
  },
  {
    name: 'touch reports a missing directory',
    line: 'touch nodir/x',
    stderr: "touch: cannot touch 'nodir/x': No such file or directory\n",
    exitCode: 1,
  },
  {
    name: 'touch -c does not create',
    line: 'touch -c nosuch; ls nosuch',
    stderr: "ls: cannot access 'nosuch': No such file or directory\n",
    exitCode: 2,
  },
  {
    name: 'touch reports a file used as a directory',
    line: 'touch notes.txt/x',
    stderr: "touch: cannot touch 'notes.txt/x': Not a directory\n",
    exitCode: 1,
  },
  {
    name: 'touch rejects a date it cannot read',
    line: 'touch -d bogus notes.txt',
    stderr: 'touch: invalid date format ‘bogus’\n',
    exitCode: 1,
  },
  {
    name: 'touch -d sets a date and time',
    line: "touch -d '2020-01-01 12:00' notes.txt && ls -l notes.txt",
    stdout: '-rw-r--r-- 1 student student 46 Jan  1  2020 notes.txt\n',
  },
  {
    name: 'touch -t sets a stamp',
    line: 'touch -t 202001011200 notes.txt && ls -l notes.txt',
    stdout: '-rw-r--r-- 1 student student 46 Jan  1  2020 notes.txt\n',
  },
  {
    name: "touch -r copies another file's time",
    line: 'touch -r notes.txt x && ls -l x',
    stdout: '-rw-r--r-- 1 student student 0 Jan  5 09:00 x\n',
  },
  {
    name: 'touch -d reads a bare date as midnight',
    line: "touch -d '2026-01-01' a && ls -l --time-style=full-iso a",
    stdout: '-rw-r--r-- 1 student student 0 2026-01-01 00:00:00.000000000 +0000 a\n',
  },
  {
    name: 'touch -d reads relative days',
    line: "touch -d '2 days ago' a && ls -l a",
    stdout: '-rw-r--r-- 1 student student 0 Jan  3 09:30 a\n',
  },
  {
    name: 'touch -d reads yesterday',
    line: 'touch -d yesterday a && ls -l a',
    stdout: '-rw-r--r-- 1 student student 0 Jan  4 09:30 a\n',
  },
  {
    name: 'touch -d reads epoch seconds',
    line: "touch -d '@0' a && ls -l a",
    stdout: '-rw-r--r-- 1 student student 0 Jan  1  1970 a\n',
  },
  {
    name: 'touch -d reads a month name',
    line: "touch -d 'Jan 1 2020' a && ls -l a",
    stdout: '-rw-r--r-- 1 student student 0 Jan  1  2020 a\n',
  },
  {
    name: 'touch -d reads ISO 8601',
    line: "touch -d '2025-06-01T10:20:30' a && ls -l --time-style=full-iso a",
    stdout: '-rw-r--r-- 1 student student 0 2025-06-01 10:20:30.000000000 +0000 a\n',
  },
  {
    name: 'ln asks for an operand',
    line: 'ln',
    stderr: lines('ln: missing file operand', "Try 'ln --help' for more information."),
    exitCode: 1,
  },
  {
    name: 'ln with one operand links into the current directory',
    line: 'ln notes.txt',
    stderr: "ln: failed to create hard link './notes.txt': File exists\n",
    exitCode: 1,
  },
  {
    name: 'ln cannot access a missing target',
    line: 'ln nosuch x',
    stderr: "ln: failed to access 'nosuch': No such file or directory\n",
    exitCode: 1,
  },
  {
    name: 'ln refuses an existing hard link name',
    line: 'ln notes.txt link',
    stderr: "ln: failed to create hard link 'link': File exists\n",
    exitCode: 1,
  },
  {
    name: 'ln -s refuses an existing name',
    line: 'ln -s notes.txt link',
    stderr: "ln: failed to create symbolic link 'link': File exists\n",
    exitCode: 1,
  },
  {
    name: 'ln -s reports a missing directory',
    line: 'ln -s notes.txt nodir/x',
    stderr: "ln: failed to create symbolic link 'nodir/x': No such file or directory\n",
    exitCode: 1,
  },
  {
    name: 'ln refuses a hard link to a directory',
    line: 'ln src hl',
    stderr: 'ln: src: hard link not allowed for directory\n',
    exitCode: 1,
  },
  {
    name: 'ln -sv reports the link',
    line: 'ln -sv notes.txt sl',
    stdout: "'sl' -> 'notes.txt'\n",
  },
  {
    name: 'ln -v reports a hard link with =>',
    line: 'ln -v notes.txt hl',
    stdout: "'hl' => 'notes.txt'\n",
  },
  {
    name: 'ln -sf replaces a link',
    line: 'ln -sf data.csv link && ls -l link',
    stdout: 'lrwxrwxrwx 1 student student 8 Jan  5 09:30 link -> data.csv\n',
  },
  {
    name: 'ln -s into a directory uses the target name',
    line: 'ln -s notes.txt src && ls -l src',
    stdout: lines(
      'total 8',
      '-rw-r--r-- 1 student student 15 Jan  5 09:00 app.js',
      '-rw-r--r-- 1 student student 12 Jan  5 09:00 main.py',
      'lrwxrwxrwx 1 student student  9 Jan  5 09:30 notes.txt -> notes.txt',
    ),
  },
  {
    name: 'ln -s stores the target as given',
    line: 'ln -s ../notes.txt src/up && cat src/up',
    stdout: lines('hello world', 'second line', 'third line with hello'),
  },
  {
    name: 'ln -sr makes the target relative',
    line: 'ln -sr notes.txt src/rel && ls -l src/rel',
    stdout: 'lrwxrwxrwx 1 student student 12 Jan  5 09:30 src/rel -> ../notes.txt\n',
  },
  {
    name: 'ln makes a hard link with the same content',
    line: 'ln notes.txt h && cat h',
    stdout: lines('hello world', 'second line', 'third line with hello'),
  },
  {
    name: 'chmod asks for an operand',
    line: 'chmod',
    stderr: lines('chmod: missing operand', "Try 'chmod --help' for more information."),
    exitCode: 1,
  },
  {
    name: 'chmod asks for a file after the mode',
    line: 'chmod 755',
    stderr: lines('chmod: missing operand after ‘755’', "Try 'chmod --help' for more information."),
    exitCode: 1,
  },
  {
    name: 'chmod reports a missing file',
    line: 'chmod 755 nosuch',
    stderr: "chmod: cannot access 'nosuch': No such file or directory\n",
    exitCode: 1,
  },
  {
    name: 'chmod rejects an invalid mode',
    line: 'chmod abc notes.txt',
    stderr: lines('chmod: invalid mode: ‘abc’', "Try 'chmod --help' for more information."),
    exitCode: 1,
  },
  {
    name: 'chmod -v reports the change in octal and letters',
    line: 'chmod -v 600 notes.txt',
    stdout: "mode of 'notes.txt' changed from 0644 (rw-r--r--) to 0600 (rw-------)\n",
  },
  {
    name: 'chmod -c reports only changes',
    line: 'chmod -c 644 notes.txt; chmod -c 600 notes.txt',
    stdout: "mode of 'notes.txt' changed from 0644 (rw-r--r--) to 0600 (rw-------)\n",
  },
  {
    name: 'chmod -v reports a retained mode',
    line: 'chmod -v 644 notes.txt',
    stdout: "mode of 'notes.txt' retained as 0644 (rw-r--r--)\n",
  },
  {
    name: 'chmod applies several symbolic clauses',
    line: 'chmod u+x,g-r notes.txt && ls -l notes.txt',
    stdout: '-rwx---r-- 1 student student 46 Jan  5 09:00 notes.txt\n',
  },
  {
    name: 'chmod a=rw sets exactly',
    line: 'chmod a=rw notes.txt && ls -l notes.txt',
    stdout: '-rw-rw-rw- 1 student student 46 Jan  5 09:00 notes.txt\n',
  },
  {
    name: 'chmod +x adds execute for everyone',
    line: 'chmod +x notes.txt && ls -l notes.txt',
    stdout: '-rwxr-xr-x 1 student student 46 Jan  5 09:00 notes.txt\n',
  },
  {
    name: 'chmod reads -x as a mode',
    line: 'chmod -x script.sh && ls -l script.sh',
    stdout: '-rw-r--r-- 1 student student 20 Jan  5 09:00 script.sh\n',
  },
  {
    name: 'chmod -R changes a tree',
    line: 'chmod -R go-rwx src && ls -la src',
    stdout: lines(
      'total 16',
      'drwx------ 2 student student 4096 Jan  5 09:00 .',
      'drwxr-xr-x 4 student student 4096 Jan  5 09:00 ..',
      '-rw------- 1 student student   15 Jan  5 09:00 app.js',
      '-rw------- 1 student student   12 Jan  5 09:00 main.py',
    ),
  },
  {
    name: 'chmod sets setuid in octal',
    line: 'chmod 4755 notes.txt && ls -l notes.txt',
    stdout: '-rwsr-xr-x 1 student student 46 Jan  5 09:00 notes.txt\n',
  },
  {
    name: 'chmod =r honours the umask',
    line: 'chmod =r notes.txt && ls -l notes.txt',
    stdout: '-r--r--r-- 1 student student 46 Jan  5 09:00 notes.txt\n',
  },
  {
    name: 'chmod clears a class with u=rwx,go=',
    line: 'chmod u=rwx,go= notes.txt && ls -l notes.txt',
    stdout: '-rwx------ 1 student student 46 Jan  5 09:00 notes.txt\n',
  },
  {
    name: 'chmod sets the sticky bit',
    line: 'chmod o+t src && ls -ld src',
    stdout: 'drwxr-xr-t 2 student student 4096 Jan  5 09:00 src\n',
  },
  {
    name: 'chmod rejects an octal mode with 9 in it',
    line: 'chmod 99 notes.txt',
    stderr: lines('chmod: invalid mode: ‘99’', "Try 'chmod --help' for more information."),
    exitCode: 1,
  },
  {
    name: 'chmod rejects an unknown permission letter',
    line: 'chmod u+q notes.txt',
    stderr: lines('chmod: invalid mode: ‘u+q’', "Try 'chmod --help' for more information."),
    exitCode: 1,
  },
  {
    name: 'chmod -v tells when a file could not be accessed',
    line: 'chmod -v u+x nosuch',
    stdout: "'nosuch' could not be accessed\n",
    stderr: "chmod: cannot access 'nosuch': No such file or directory\n",
    exitCode: 1,
  },
  {
    name: 'chmod copies a mode with --reference',
    line: 'chmod --reference=script.sh notes.txt && ls -l notes.txt',
    stdout: '-rwxr-xr-x 1 student student 46 Jan  5 09:00 notes.txt\n',
  },
  {
    name: 'chmod reports a file used as a directory',
    line: 'chmod 755 notes.txt/x',
    stderr: "chmod: cannot access 'notes.txt/x': Not a directory\n",
    exitCode: 1,
  },
  {
    name: 'chmod +w gives write to the owner only, per the umask',
    line: 'chmod 444 notes.txt && chmod +w notes.txt && ls -l notes.txt',
    stdout: '-rw-r--r-- 1 student student 46 Jan  5 09:00 notes.txt\n',
  },
  {
    name: 'chmod adds write for group and others when named',
    line: 'chmod g+w,o+w notes.txt && ls -l notes.txt',
    stdout: '-rw-rw-rw- 1 student student 46 Jan  5 09:00 notes.txt\n',
  },
])
