import { describe, expect, test } from 'vitest'
import { decodeKey, decodeKeys, type Key } from '../../../../src/sim/shell/terminal/key-decoder'

const names = (input: string): string[] =>
  decodeKeys(input).keys.map((k: Key) => (k.type === 'key' ? k.name : `${k.type}:${k.text}`))

describe('key decoder', () => {
  test('printable runs stay together, UTF-8 included', () => {
    expect(names('ls -l é中😀')).toEqual(['text:ls -l é中😀'])
  })

  test('xterm cursor keys in normal and application mode', () => {
    expect(names('\x1b[A\x1b[B\x1b[C\x1b[D\x1bOA\x1bOB\x1bOC\x1bOD')).toEqual([
      'up',
      'down',
      'right',
      'left',
      'up',
      'down',
      'right',
      'left',
    ])
  })

  test('every Home and End xterm and the console send', () => {
    expect(names('\x1b[H\x1b[F\x1bOH\x1bOF\x1b[1~\x1b[4~\x1b[7~\x1b[8~')).toEqual([
      'home',
      'end',
      'home',
      'end',
      'home',
      'end',
      'home',
      'end',
    ])
  })

  test('modified arrows, Delete, Alt keys', () => {
    expect(names('\x1b[1;5C\x1b[1;5D\x1b[1;3D\x1b[3~\x1b[3;5~\x1bb\x1bf\x1b\x7f\x1b.')).toEqual([
      'ctrl+right',
      'ctrl+left',
      'alt+left',
      'delete',
      'ctrl+delete',
      'alt+b',
      'alt+f',
      'alt+backspace',
      'alt+.',
    ])
  })

  test('control characters', () => {
    expect(names('\x01\x05\x15\x0b\x17\x7f\x08\t\r\x03\x04\x12\x07\x0c')).toEqual([
      'ctrl+a',
      'ctrl+e',
      'ctrl+u',
      'ctrl+k',
      'ctrl+w',
      'backspace',
      'backspace',
      'tab',
      'enter',
      'ctrl+c',
      'ctrl+d',
      'ctrl+r',
      'ctrl+g',
      'ctrl+l',
    ])
  })

  test('CR LF is one Enter, a lone LF is Enter too', () => {
    expect(names('a\r\nb\nc\r')).toEqual(['text:a', 'enter', 'text:b', 'enter', 'text:c', 'enter'])
  })

  test('a bracketed paste is one key with its text', () => {
    expect(names('\x1b[200~a\tb\nc\x1b[201~x')).toEqual(['paste:a\tb\nc', 'text:x'])
  })

  test('an escape sequence cut at the end of the input waits for the rest', () => {
    expect(decodeKey('\x1b[1;5', 0)).toBe('incomplete')
    expect(decodeKey('\x1bO', 0)).toBe('incomplete')
    expect(decodeKey('\x1b[200~half a paste', 0)).toBe('incomplete')
    expect(decodeKeys('ab\x1b[').rest).toBe('\x1b[')
  })

  test('a lone Escape at the end is the Escape key', () => {
    expect(names('\x1b')).toEqual(['escape'])
    expect(names('\x1b\x01')).toEqual(['escape', 'ctrl+a'])
  })

  test('junk decodes to unknown keys without throwing', () => {
    const junk = Array.from({ length: 2000 }, (_, i) =>
      String.fromCharCode((i * 7919) % 0x110),
    ).join('')
    const { keys } = decodeKeys(
      `${junk}\x1b[99;99;99Z\x1b[12345678901234567890123456789012345678901234567890123456789012345678901234567890x`,
    )
    expect(keys.length).toBeGreaterThan(0)
    expect(names('\x1b[5~\x1b[6~\x1b[2~\x1b[Z\x1b[I\x9b')).toEqual([
      'page-up',
      'page-down',
      'insert',
      'shift+tab',
      'unknown',
      'unknown',
    ])
  })
})
