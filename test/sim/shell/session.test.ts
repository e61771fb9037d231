import { describe, expect, it } from 'vitest'
import { Session } from '../../../src/sim/shell/session'

async function runAll(session: Session, lines: string[]): Promise<string> {
  let transcript = ''
  for (const line of lines) {
    const r = await session.run(line)
    transcript += `$ ${line}\n${r.stdout}${r.stderr}[${r.exitCode}]\n`
  }
  return transcript
}

describe('Session.run carries shell state from line to line', () => {
  it('keeps the working directory after cd', async () => {
    const s = await Session.create()
    expect((await s.run('mkdir -p a/b && cd a/b && pwd')).stdout).toBe('/home/student/a/b\n')
    expect((await s.run('pwd')).stdout).toBe('/home/student/a/b\n')
    expect((await s.run('cd - && pwd')).stdout).toBe('/home/student\n/home/student\n')
    expect(s.cwd).toBe('/home/student')
  })

  it('keeps shell variables, exported variables and $?', async () => {
    const s = await Session.create()
    await s.run('X=1; export Y=2')
    expect((await s.run('echo $X $Y')).stdout).toBe('1 2\n')
    await s.run('foo')
    expect((await s.run('echo $?')).stdout).toBe('127\n')
  })

  it('keeps functions and aliases', async () => {
    const s = await Session.create()
    await s.run('greet() { echo "bonjour $1"; }')
    await s.run("alias ll='echo long listing'")
    expect((await s.run('greet Ada; ll')).stdout).toBe('bonjour Ada\nlong listing\n')
  })

  it('prints "command not found" with status 127, as bash does', async () => {
    const s = await Session.create()
    expect(await s.run('ngnix')).toMatchObject({
      stdout: '',
      stderr: 'bash: ngnix: command not found\n',
      exitCode: 127,
      exited: false,
    })
  })

  it('keeps stdout and stderr in the order the statements produced them', async () => {
    const s = await Session.create()
    const r = await s.run('echo one; ls nosuch 2>&1 >/dev/null | wc -l; cat nosuch; echo two')
    expect(r.chunks).toEqual([
      { stream: 'stdout', text: 'one\n' },
      { stream: 'stdout', text: '1\n' },
      { stream: 'stderr', text: 'cat: nosuch: No such file or directory\n' },
      { stream: 'stdout', text: 'two\n' },
    ])
  })

  it('reports exit with its status and runs nothing after it', async () => {
    const s = await Session.create()
    expect(await s.run('echo bye; exit 3; echo never')).toMatchObject({
      stdout: 'bye\n',
      exitCode: 3,
      exited: true,
    })
    expect(await s.run('(exit 4); echo $?')).toMatchObject({ stdout: '4\n', exited: false })
    expect(await s.run('false || exit')).toMatchObject({ exitCode: 1, exited: true })
  })

  it('runs heredocs, quoted and unquoted', async () => {
    const s = await Session.create()
    const r = await s.run("cat <<EOF\nhome=$HOME\nEOF\ncat <<'EOF'\nhome=$HOME\nEOF")
    expect(r.stdout).toBe('home=/home/student\nhome=$HOME\n')
  })

  it('lists the domains a line changed', async () => {
    const s = await Session.create()
    expect((await s.run('mkdir d && cd d')).changed.sort()).toEqual(['cwd', 'env', 'fs', 'history'])
    expect((await s.run('echo hi')).changed).toEqual(['history'])
  })

  it('records history without consecutive duplicates', async () => {
    const s = await Session.create()
    await s.run('echo a')
    await s.run('echo a')
    await s.run('echo b')
    expect(s.history).toEqual(['echo a', 'echo b'])
    expect((await s.run('history')).stdout).toBe('    1  echo a\n    2  echo b\n    3  history\n')
  })
})

describe('Session time and randomness', () => {
  it('reads the virtual clock, and sleep moves it', async () => {
    const s = await Session.create()
    expect((await s.run('date; sleep 90; date')).stdout).toBe(
      'Mon Jan  5 09:00:00 UTC 2026\nMon Jan  5 09:01:30 UTC 2026\n',
    )
  })

  it('gives byte-identical transcripts for the same seed and input', async () => {
    const lines = [
      'echo $RANDOM $RANDOM',
      'mkdir -p proj/src && cd proj && touch a b',
      'ls -l',
      'date +%s; sleep 2; date',
      'for i in 1 2 3; do echo "$i $RANDOM"; done | sort -r',
      'mktemp',
      'cat nosuch; echo $?',
    ]
    const a = await runAll(await Session.create({ seed: 42 }), lines)
    const b = await runAll(await Session.create({ seed: 42 }), lines)
    const c = await runAll(await Session.create({ seed: 43 }), lines)
    expect(a).toBe(b)
    expect(a).not.toBe(c)
  })
})

describe('Session snapshots', () => {
  it('round-trips files, cwd, variables, functions, history, clock and random state', async () => {
    const s = await Session.create({ seed: 7 })
    await s.run('mkdir -p work && cd work && printf "été\\n" > notes.txt && ln -s notes.txt link')
    await s.run('export NAME=Ada; COUNT=3; hello() { echo "hi $NAME"; }; sleep 5')
    const snapshot = await s.snapshot()
    const json = JSON.parse(JSON.stringify(snapshot)) as typeof snapshot
    const restored = await Session.restore(json)
    expect(await restored.snapshot()).toEqual(snapshot)
    const next = 'pwd; cat link; echo $NAME $COUNT; hello; echo $RANDOM; date'
    const fromOriginal = await s.run(next)
    const fromRestored = await restored.run(next)
    expect(fromRestored.stdout).toBe(fromOriginal.stdout)
    expect(fromRestored.stdout.split('\n').slice(0, 4)).toEqual([
      '/home/student/work',
      'été',
      'Ada 3',
      'hi Ada',
    ])
  })
})

describe('Session survives bad input', () => {
  it('reports an unterminated quote as bash does', async () => {
    const s = await Session.create()
    expect(await s.run('echo "abc')).toMatchObject({
      stderr: 'bash: line 1: unexpected EOF while looking for matching `"\'\n',
      exitCode: 2,
    })
  })

  it('reports division by zero and goes on', async () => {
    const s = await Session.create()
    expect(await s.run('echo $((1/0)); echo after')).toMatchObject({
      stdout: 'after\n',
      stderr: 'bash: division by 0\n',
    })
  })

  it('stops an infinite loop with a clear message', async () => {
    const s = await Session.create()
    const r = await s.run('while true; do :; done')
    expect(r.stderr).toBe('bash: too many commands executed (>50000) (stopped by Quai)\n')
    expect(r.exitCode).toBe(126)
    expect((await s.run('echo alive')).stdout).toBe('alive\n')
  })

  it('stops a fork bomb', async () => {
    const s = await Session.create()
    const r = await s.run(':(){ :|:& };:')
    expect(r.exitCode).toBe(126)
    expect(r.stderr).toBe('bash: :: maximum recursion depth (100) exceeded (stopped by Quai)\n')
  })

  it('runs a 900 kB line and refuses a 1 MB one with a clear message', async () => {
    const s = await Session.create()
    const r = await s.run(`echo ${'x'.repeat(900_000)} | wc -c`)
    expect(r.stdout).toBe('900001\n')
    const big = await s.run(`echo ${'x'.repeat(1024 * 1024)}`)
    expect(big).toMatchObject({
      stderr: 'bash: command line too long: 1048581 bytes (Quai reads at most 1000000)\n',
      exitCode: 2,
    })
    expect((await s.run('echo alive')).stdout).toBe('alive\n')
  })

  it('handles deeply nested command substitutions', async () => {
    const s = await Session.create()
    const line = 'echo ' + '$(echo '.repeat(20) + 'deep' + ')'.repeat(20)
    expect((await s.run(line)).stdout).toBe('deep\n')
  })

  it('reports a full disk as "No space left on device" and keeps the session', async () => {
    const s = await Session.create({ fsLimitBytes: 256 * 1024 })
    const r = await s.run('printf "%0300000d" 0 > big; echo status=$?')
    expect(r.stderr).toBe('bash: /home/student/big: No space left on device\n')
    expect(r.stdout).toBe('status=1\n')
  })

  it('treats binary junk as text it cannot run', async () => {
    const s = await Session.create()
    const r = await s.run('\u0001\u0002\u00ff')
    expect(r.exitCode).toBe(127)
    expect(r.stderr).toBe('bash: \u0001\u0002\u00ff: command not found\n')
  })
})
