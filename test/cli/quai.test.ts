import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { USAGE, VERSION, helpText } from '../../src/cli/options'
import { subcommands } from '../../src/cli/subcommands'
import { LAUNCHER, ensureBundle, runQuai, tempDir } from './helpers'

beforeAll(ensureBundle, 120_000)

const SCRIPT = `#!/bin/bash
# A function, a loop, a heredoc, cd, and an early exit.
greet() {
  echo "hello, $1"
}
for name in ada linus; do
  greet "$name"
done
mkdir -p project/src
cd project
cat <<EOF
dir: $(pwd)
sum: $((2 + 3))
EOF
cd src && pwd
exit 3
echo never printed
`

describe('quai -c LINE', () => {
  test('prints the output and exits with the status of the last command', () => {
    expect(runQuai(['-c', 'echo hi; false'])).toEqual({ stdout: 'hi\n', stderr: '', exitCode: 1 })
  })

  test('starts in the student home directory', () => {
    expect(runQuai(['-c', 'mkdir -p a/b && cd a/b && pwd'])).toEqual({
      stdout: '/home/student/a/b\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('keeps stdout and stderr in the order they were produced', () => {
    const result = spawnSync(
      '/bin/sh',
      ['-c', `"${process.execPath}" "${LAUNCHER}" -c "$0" 2>&1`, 'echo a; echo b >&2; echo c'],
      {
        encoding: 'utf8',
      },
    )
    expect(result.stdout).toBe('a\nb\nc\n')
    expect(result.status).toBe(0)
  })

  test('`exit N` ends the line with N', () => {
    expect(runQuai(['-c', 'echo before; exit 7; echo after'])).toEqual({
      stdout: 'before\n',
      stderr: '',
      exitCode: 7,
    })
  })

  test('redirected standard input reaches the commands', () => {
    expect(runQuai(['-c', 'tr a-z A-Z'], { stdin: 'quiet please\n' })).toEqual({
      stdout: 'QUIET PLEASE\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('operands after NAME are the positional parameters', () => {
    expect(runQuai(['-c', 'echo "$# [$1] [$2]"', 'name', 'one', 'two words'])).toEqual({
      stdout: '2 [one] [two words]\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('a reader that stops early ends quai quietly, as SIGPIPE ends bash', () => {
    const result = spawnSync(
      '/bin/sh',
      ['-c', `"${process.execPath}" "${LAUNCHER}" -c 'seq 20000' | head -n 1`],
      {
        encoding: 'utf8',
      },
    )
    expect(result.stdout).toBe('1\n')
    expect(result.stderr).toBe('')
  })
})

describe('quai FILE and quai < FILE', () => {
  test('runs a script statement by statement and exits with `exit 3`', () => {
    const dir = tempDir('quai-script-')
    try {
      writeFileSync(join(dir, 'setup.sh'), SCRIPT)
      expect(runQuai([join(dir, 'setup.sh')])).toEqual({
        stdout:
          'hello, ada\nhello, linus\ndir: /home/student/project\nsum: 5\n/home/student/project/src\n',
        stderr: '',
        exitCode: 3,
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('reads the script from standard input when it is not a terminal', () => {
    expect(runQuai([], { stdin: SCRIPT })).toEqual({
      stdout:
        'hello, ada\nhello, linus\ndir: /home/student/project\nsum: 5\n/home/student/project/src\n',
      stderr: '',
      exitCode: 3,
    })
  })

  test('a script without exit ends with the status of its last command; state carries on', () => {
    const script = 'x=4\necho $((x * 2))\ncd /etc\npwd\nnosuchcommand\n'
    expect(runQuai([], { stdin: script })).toEqual({
      stdout: '8\n/etc\n',
      stderr: 'bash: nosuchcommand: command not found\n',
      exitCode: 127,
    })
  })

  test('script arguments become $1…', () => {
    const dir = tempDir('quai-script-')
    try {
      writeFileSync(join(dir, 'args.sh'), 'echo "$#: $1 / $2"\n')
      expect(runQuai([join(dir, 'args.sh'), 'a', "it's b"])).toEqual({
        stdout: "2: a / it's b\n",
        stderr: '',
        exitCode: 0,
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a missing script fails like bash: status 127', () => {
    expect(runQuai(['no-such-script.sh'])).toEqual({
      stdout: '',
      stderr: 'quai: no-such-script.sh: No such file or directory\n',
      exitCode: 127,
    })
  })

  test('a directory is not a script: status 126', () => {
    expect(runQuai(['/tmp'])).toEqual({
      stdout: '',
      stderr: 'quai: /tmp: Is a directory\n',
      exitCode: 126,
    })
  })
})

describe('options', () => {
  test('an unknown option prints bash-style usage and exits 2', () => {
    expect(runQuai(['-x'])).toEqual({
      stdout: '',
      stderr: `quai: -x: invalid option\n${USAGE}`,
      exitCode: 2,
    })
    expect(runQuai(['--frobnicate'])).toEqual({
      stdout: '',
      stderr: `quai: --frobnicate: invalid option\n${USAGE}`,
      exitCode: 2,
    })
  })

  test('-c without a line exits 2', () => {
    expect(runQuai(['-c'])).toEqual({
      stdout: '',
      stderr: `quai: -c: option requires an argument\n${USAGE}`,
      exitCode: 2,
    })
  })

  test('--help and --version', () => {
    expect(runQuai(['--help'])).toEqual({ stdout: helpText(subcommands), stderr: '', exitCode: 0 })
    expect(runQuai(['--version'])).toEqual({ stdout: `quai ${VERSION}\n`, stderr: '', exitCode: 0 })
  })

  test('--seed makes runs repeatable and tells machines apart', () => {
    const line = 'echo $RANDOM $RANDOM'
    const first = runQuai(['--seed', '5', '-c', line])
    expect(first.stdout).toMatch(/^\d+ \d+\n$/)
    expect(runQuai(['--seed', '5', '-c', line])).toEqual(first)
    expect(runQuai(['--seed', '6', '-c', line]).stdout).not.toBe(first.stdout)
    expect(runQuai(['-c', line])).toEqual(runQuai(['--seed', '1', '-c', line]))
  })
})

describe('bin/quai.mjs', () => {
  test('says how to build when the bundle is missing', () => {
    const dir = tempDir('quai-launcher-')
    try {
      mkdirSync(join(dir, 'bin'))
      copyFileSync(LAUNCHER, join(dir, 'bin', 'quai.mjs'))
      const result = spawnSync(process.execPath, [join(dir, 'bin', 'quai.mjs'), '-c', 'true'], {
        encoding: 'utf8',
      })
      expect(result.stderr).toBe(
        'quai: out/cli/quai.mjs is missing: run `npm run build:cli` first\n',
      )
      expect(result.status).toBe(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
