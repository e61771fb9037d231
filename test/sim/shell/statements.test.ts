import { describe, expect, it } from 'vitest'
import { planLine } from '../../../src/sim/shell/statements'

const texts = (line: string, keepWhole = false): string[] =>
  planLine(line, keepWhole).map((p) => p.text)

describe('planLine', () => {
  it('cuts a line at its top-level statements, keeping the original text', () => {
    expect(texts('echo  "a;b" ; ls -l && pwd\nfalse || true')).toEqual([
      'echo  "a;b"',
      'ls -l && pwd',
      'false || true',
    ])
  })

  it('keeps a heredoc body with its statement, with what follows its operator', () => {
    expect(texts('cat <<EOF > n.txt\nhi $HOME\nEOF\ncat n.txt')).toEqual([
      'cat <<EOF > n.txt\nhi $HOME\nEOF',
      'cat n.txt',
    ])
    expect(texts("cat <<-'END' | tr a-z A-Z\n\thi\n\tEND\necho done")).toEqual([
      "cat <<-'END' | tr a-z A-Z\n\thi\n\tEND",
      'echo done',
    ])
  })

  it('keeps the line whole when a statement shares the heredoc operator line', () => {
    expect(texts('cat <<EOF; echo hi\nbody\nEOF')).toEqual(['cat <<EOF; echo hi\nbody\nEOF'])
  })

  it('keeps the line whole when asked (stdin must be read once) or when it does not parse', () => {
    expect(texts('read a; read b', true)).toEqual(['read a; read b'])
    expect(texts('echo "open; ls')).toEqual(['echo "open; ls'])
  })

  it('keeps multi-line compound commands in one piece', () => {
    expect(texts('for i in 1 2; do\n  echo $i\ndone\necho end')).toEqual([
      'for i in 1 2; do\n  echo $i\ndone',
      'echo end',
    ])
  })

  it('notes exits in the shell itself, not in subshells or substitutions', () => {
    expect(planLine('false || exit 3; (exit 4); echo $(exit 5)').map((p) => p.runsExit)).toEqual([
      true,
      false,
      false,
    ])
  })

  it('collects function definitions with their source', () => {
    const [piece] = planLine('greet() { echo "hi $1"; }')
    expect([...(piece?.functions.keys() ?? [])]).toEqual(['greet'])
    expect(piece?.functions.get('greet')?.source).toBe('greet() { echo "hi $1"; }')
  })
})
