import { describe, expect, it } from 'vitest'
import { decodeKeys, type Key, named } from '../../../../src/sim/shell/editors/keys'

const char = (c: string): Key => ({ kind: 'char', char: c })
const ctrl = (c: string): Key => ({ kind: 'ctrl', char: c })
const withMods = (
  name: Parameters<typeof named>[0],
  mods: Partial<{ shift: boolean; alt: boolean; ctrl: boolean }>,
): Key => named(name, { shift: false, alt: false, ctrl: false, ...mods })

describe('decodeKeys', () => {
  it('splits a paste into one key per character, accents and wide characters included', () => {
    expect(decodeKeys('aé中😀')).toEqual([char('a'), char('é'), char('中'), char('😀')])
  })

  it('decodes Enter, Tab, Backspace and Escape', () => {
    expect(decodeKeys('\r\t\x7f\x1b')).toEqual([
      named('enter'),
      named('tab'),
      named('backspace'),
      named('escape'),
    ])
  })

  it('decodes control keys, with Ctrl-H and Ctrl-J left for the editor to interpret', () => {
    expect(decodeKeys('\x01\x08\x0a\x0f\x18\x1a')).toEqual([
      ctrl('a'),
      ctrl('h'),
      ctrl('j'),
      ctrl('o'),
      ctrl('x'),
      ctrl('z'),
    ])
    expect(decodeKeys('\x00\x1c\x1d\x1e\x1f')).toEqual([
      ctrl('@'),
      ctrl('\\'),
      ctrl(']'),
      ctrl('^'),
      ctrl('_'),
    ])
  })

  it('decodes arrows in normal and application cursor mode', () => {
    expect(decodeKeys('\x1b[A\x1b[B\x1b[C\x1b[D')).toEqual([
      named('up'),
      named('down'),
      named('right'),
      named('left'),
    ])
    expect(decodeKeys('\x1bOA\x1bOD')).toEqual([named('up'), named('left')])
  })

  it('decodes Home and End in all the forms xterm sends', () => {
    expect(decodeKeys('\x1b[H\x1b[F\x1bOH\x1bOF\x1b[1~\x1b[4~\x1b[7~\x1b[8~')).toEqual([
      named('home'),
      named('end'),
      named('home'),
      named('end'),
      named('home'),
      named('end'),
      named('home'),
      named('end'),
    ])
  })

  it('decodes Insert, Delete, Page Up and Page Down', () => {
    expect(decodeKeys('\x1b[2~\x1b[3~\x1b[5~\x1b[6~')).toEqual([
      named('insert'),
      named('delete'),
      named('pageup'),
      named('pagedown'),
    ])
  })

  it('decodes function keys', () => {
    expect(decodeKeys('\x1bOP\x1bOS\x1b[15~\x1b[24~')).toEqual([
      named('f1'),
      named('f4'),
      named('f5'),
      named('f12'),
    ])
  })

  it('reads modifiers from the second parameter', () => {
    expect(decodeKeys('\x1b[1;5C\x1b[1;2A\x1b[3;3~\x1b[Z')).toEqual([
      withMods('right', { ctrl: true }),
      withMods('up', { shift: true }),
      withMods('delete', { alt: true }),
      withMods('tab', { shift: true }),
    ])
  })

  it('reads ESC followed by a character as Alt plus that character', () => {
    expect(decodeKeys('\x1bw\x1bW')).toEqual([
      { kind: 'meta', char: 'w' },
      { kind: 'meta', char: 'W' },
    ])
  })

  it('keeps keys around escape sequences in order', () => {
    expect(decodeKeys('a\x1b[Cb\x7f')).toEqual([
      char('a'),
      named('right'),
      char('b'),
      named('backspace'),
    ])
  })

  it('reports well-formed but unknown sequences instead of typing them', () => {
    expect(decodeKeys('\x1b[200~x')).toEqual([
      { kind: 'unknown', sequence: '\x1b[200~' },
      char('x'),
    ])
    expect(decodeKeys('\x1b[?1;2c')).toEqual([{ kind: 'unknown', sequence: '\x1b[?1;2c' }])
  })

  it('treats a lone trailing ESC as the Escape key', () => {
    expect(decodeKeys('x\x1b')).toEqual([char('x'), named('escape')])
    expect(decodeKeys('\x1b\x1b')).toEqual([named('escape'), named('escape')])
  })
})
