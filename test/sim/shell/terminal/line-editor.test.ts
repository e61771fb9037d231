import { describe, expect, test } from 'vitest'
import type { KeyName } from '../../../../src/sim/shell/terminal/key-decoder'
import { LineEditor } from '../../../../src/sim/shell/terminal/line-editor'

/** The line with a | where the cursor is. */
function show(editor: LineEditor): string {
  return `${editor.text.slice(0, editor.cursor)}|${editor.text.slice(editor.cursor)}`
}

function editing(text: string, cursor: number, ...keys: KeyName[]): LineEditor {
  const editor = new LineEditor()
  editor.set(text, cursor)
  for (const key of keys) editor.handle(key)
  return editor
}

describe('line editor', () => {
  test('moves by whole characters: accents, combining marks, wide characters, emoji', () => {
    const editor = editing('é中😀e\u0301', 0)
    const stops: string[] = []
    for (let i = 0; i < 5; i++) {
      stops.push(show(editor))
      editor.handle('right')
    }
    const e = 'e\u0301'
    expect(stops).toEqual([`|é中😀${e}`, `é|中😀${e}`, `é中|😀${e}`, `é中😀|${e}`, `é中😀${e}|`])
    editor.handle('backspace')
    expect(show(editor)).toBe('é中😀|')
    editor.handle('home')
    editor.handle('delete')
    expect(show(editor)).toBe('|中😀')
  })

  test('Ctrl-A and Ctrl-E go to the ends, Ctrl-B and Ctrl-F move one character', () => {
    expect(show(editing('ls -l', 3, 'ctrl+a'))).toBe('|ls -l')
    expect(show(editing('ls -l', 1, 'ctrl+e'))).toBe('ls -l|')
    expect(show(editing('ls -l', 2, 'ctrl+b', 'ctrl+b', 'ctrl+f'))).toBe('l|s -l')
  })

  test('Ctrl-U kills before the cursor, Ctrl-K after it, Ctrl-Y yanks it back', () => {
    expect(show(editing('echo hello world', 10, 'ctrl+u'))).toBe('| world')
    expect(show(editing('echo hello world', 10, 'ctrl+k'))).toBe('echo hello|')
    expect(show(editing('echo hello world', 10, 'ctrl+k', 'ctrl+a', 'ctrl+y'))).toBe(
      ' world|echo hello',
    )
  })

  test('Ctrl-W kills the whitespace-delimited word before the cursor; kills in a row add up', () => {
    expect(show(editing('cat /etc/os-release  ', 21, 'ctrl+w'))).toBe('cat |')
    const editor = editing('a b c', 5, 'ctrl+w', 'ctrl+w', 'ctrl+e', 'ctrl+y')
    expect(show(editor)).toBe('a b c|')
  })

  test('word moves stop at letters and digits, like readline', () => {
    expect(show(editing('cat /etc/os-release', 19, 'ctrl+left'))).toBe('cat /etc/os-|release')
    expect(show(editing('cat /etc/os-release', 19, 'alt+b', 'alt+b'))).toBe('cat /etc/|os-release')
    expect(show(editing('cat /etc/os-release', 0, 'alt+f', 'ctrl+right'))).toBe(
      'cat /etc|/os-release',
    )
    expect(show(editing('docker ps', 9, 'alt+backspace'))).toBe('docker |')
    expect(show(editing('docker ps', 0, 'alt+d'))).toBe('| ps')
  })

  test('Ctrl-T swaps the characters around the cursor, or the last two at the end', () => {
    expect(show(editing('sl', 1, 'ctrl+t'))).toBe('ls|')
    expect(show(editing('gerp', 4, 'ctrl+t'))).toBe('gepr|')
  })

  test('keys that are not about editing are left to the terminal', () => {
    const editor = editing('x', 1)
    expect(editor.handle('enter')).toBe(false)
    expect(editor.handle('tab')).toBe(false)
    expect(editor.handle('up')).toBe(false)
    expect(show(editor)).toBe('x|')
  })
})
