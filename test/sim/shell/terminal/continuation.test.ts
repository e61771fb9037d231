import { describe, expect, test } from 'vitest'
import {
  continuationOf,
  continueWith,
  joinContinuation,
} from '../../../../src/sim/shell/terminal/continuation'

const needsMore = (text: string): boolean => continuationOf(text) !== undefined

describe('continuation', () => {
  test('complete lines run at once', () => {
    for (const line of [
      'echo hi',
      'echo "a b"',
      "echo 'it''s'",
      'ls | wc -l',
      'true && echo ok',
      'if true; then echo y; fi',
      'for i in 1 2; do echo $i; done',
      'cat <<EOF\nhello\nEOF',
      'echo a # a comment \\',
      'echo a\\\\',
      'sleep 1 &',
      '',
    ])
      expect(needsMore(line), line).toBe(false)
  })

  test('open quotes, substitutions and here-documents need more lines', () => {
    for (const line of [
      'echo "a',
      "echo 'a",
      'echo $(ls',
      'echo `ls',
      'echo ${HOME',
      'cat <<EOF',
      'cat <<EOF\nhello',
      'cat <<-EOF\n\thello',
      "cat <<'END'\nx",
    ])
      expect(needsMore(line), line).toBe(true)
  })

  test('a trailing backslash, pipe or list operator needs more lines', () => {
    expect(continuationOf('echo a \\')).toEqual({ how: 'backslash' })
    for (const line of ['ls |', 'ls | ', 'true &&', 'false ||', 'ls | # then count'])
      expect(continuationOf(line), line).toEqual({ how: 'text' })
  })

  test('compound commands need their closing word', () => {
    for (const line of [
      'if true; then',
      'if true; then echo',
      'for i in 1 2; do',
      'while true; do echo',
      'case x in',
      '{ echo a',
      '( echo a',
      'f() {',
      'f()',
      'until false; do',
    ])
      expect(needsMore(line), line).toBe(true)
  })

  test('syntax errors at the end of the line are reported, not continued', () => {
    expect(needsMore('echo a >')).toBe(false)
    expect(needsMore('[[ a ==')).toBe(false)
    expect(needsMore('fi')).toBe(false)
  })

  test('lines join with a newline; a backslash-newline pair disappears', () => {
    expect(joinContinuation('echo "a', { how: 'text' }, 'b"')).toBe('echo "a\nb"')
    expect(joinContinuation('echo a \\', { how: 'backslash' }, 'b')).toBe('echo a b')
  })

  test('inside a here-document only its delimiter line ends it', () => {
    const first = continuationOf('cat <<-EOF')
    expect(first).toEqual({ how: 'text', hereDoc: { delimiter: 'EOF', stripTabs: true } })
    if (first === undefined) return
    const body = continueWith('cat <<-EOF', first, 'if "unbalanced')
    expect(body).toEqual({ text: 'cat <<-EOF\nif "unbalanced', continuation: first })
    expect(continueWith(body.text, first, '\tEOF')).toEqual({
      text: 'cat <<-EOF\nif "unbalanced\n\tEOF',
      continuation: undefined,
    })
  })

  test('two here-documents on one line are read one after the other', () => {
    const first = continuationOf('cat <<A; cat <<B')
    expect(first?.hereDoc?.delimiter).toBe('A')
    if (first === undefined) return
    const second = continueWith('cat <<A; cat <<B', first, 'A')
    expect(second.continuation?.hereDoc?.delimiter).toBe('B')
  })
})
