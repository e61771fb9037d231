import { describe, expect, test } from 'vitest'
import { runScript, shellQuote } from '../../src/cli/script'
import { Session } from '../../src/sim/shell/session'

async function run(source: string, options: { args?: string[]; stdin?: string } = {}) {
  const session = await Session.create({ seed: 1, timing: 'instant' })
  const chunks: string[] = []
  const sink = {
    stdout: (text: string) => void chunks.push(`out:${text}`),
    stderr: (text: string) => void chunks.push(`err:${text}`),
  }
  const exitCode = await runScript(session, source, sink, options)
  return { chunks, exitCode, session }
}

describe('runScript', () => {
  test('hands output over statement by statement, stdout and stderr in order', async () => {
    const { chunks, exitCode } = await run('echo one\necho two >&2\necho three\n')
    expect(chunks).toEqual(['out:one\n', 'err:two\n', 'out:three\n'])
    expect(exitCode).toBe(0)
  })

  test('keeps a multi-line if, for, function and heredoc whole', async () => {
    const source = [
      'count() {',
      '  for i in $(seq "$1"); do',
      '    if [ "$i" -eq 2 ]; then echo two; else echo "$i"; fi',
      '  done',
      '}',
      'count 3',
      'cat <<END',
      'done at $PWD',
      'END',
    ].join('\n')
    const { chunks, exitCode } = await run(source)
    expect(chunks).toEqual(['out:1\ntwo\n3\n', 'out:done at /home/student\n'])
    expect(exitCode).toBe(0)
  })

  test('stops at exit N with N, and the session keeps the script’s cwd', async () => {
    const { chunks, exitCode, session } = await run('cd /tmp\nexit 4\necho no\n')
    expect(chunks).toEqual([])
    expect(exitCode).toBe(4)
    expect(session.cwd).toBe('/tmp')
  })

  test('keeps no history, as a non-interactive bash', async () => {
    const { session } = await run('echo a\necho b\n', { args: ['x'] })
    expect(session.history).toEqual([])
  })

  test('passes arguments through untouched, whatever they contain', async () => {
    const args = ['plain', 'two words', "it's", '$HOME', 'a\nb', '']
    const { chunks } = await run('printf "[%s]\\n" "$@"; echo $#', { args })
    expect(chunks.join('')).toBe("out:[plain]\n[two words]\n[it's]\n[$HOME]\n[a\nb]\n[]\nout:6\n")
  })

  test('gives the script its standard input', async () => {
    const { chunks } = await run('wc -l', { stdin: 'a\nb\n' })
    expect(chunks).toEqual(['out:2\n'])
  })
})

describe('shellQuote', () => {
  test('wraps in single quotes and splices quotes in', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`)
    expect(shellQuote('')).toBe(`''`)
  })
})
