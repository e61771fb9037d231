/**
 * Turns what xterm.js sends (a keystroke, an escape sequence, or a whole paste in one chunk) into
 * keys. Sequences are the xterm ones: https://invisible-island.net/xterm/ctlseqs/ctlseqs.html
 * ("PC-Style Function Keys").
 */

export type NamedKey =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'pageup'
  | 'pagedown'
  | 'insert'
  | 'delete'
  | 'backspace'
  | 'enter'
  | 'tab'
  | 'escape'
  | 'f1'
  | 'f2'
  | 'f3'
  | 'f4'
  | 'f5'
  | 'f6'
  | 'f7'
  | 'f8'
  | 'f9'
  | 'f10'
  | 'f11'
  | 'f12'

export interface Modifiers {
  readonly shift: boolean
  readonly alt: boolean
  readonly ctrl: boolean
}

export type Key =
  /** A printable character (one code point). */
  | { readonly kind: 'char'; readonly char: string }
  /** Ctrl plus a letter (lower case) or one of @ \ ] ^ _ ; Ctrl-/ arrives as Ctrl-_. */
  | { readonly kind: 'ctrl'; readonly char: string }
  /** Alt (Meta) plus a printable character: ESC followed by the character. */
  | { readonly kind: 'meta'; readonly char: string }
  | { readonly kind: 'named'; readonly name: NamedKey; readonly modifiers: Modifiers }
  /** A well-formed escape sequence this decoder does not know (kept so callers can ignore it). */
  | { readonly kind: 'unknown'; readonly sequence: string }

const PLAIN: Modifiers = { shift: false, alt: false, ctrl: false }

export function named(name: NamedKey, modifiers: Modifiers = PLAIN): Key {
  return { kind: 'named', name, modifiers }
}

/** True when `key` is the named key `name`, whatever the modifiers. */
export function isNamed(key: Key, name: NamedKey): boolean {
  return key.kind === 'named' && key.name === name
}

export function isCtrl(key: Key, char: string): boolean {
  return key.kind === 'ctrl' && key.char === char
}

const ARROWS: Record<string, NamedKey> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
}

const SS3_KEYS: Record<string, NamedKey> = {
  ...ARROWS,
  P: 'f1',
  Q: 'f2',
  R: 'f3',
  S: 'f4',
  M: 'enter',
}

/** ESC [ n ~ */
const TILDE_KEYS: Record<number, NamedKey> = {
  1: 'home',
  2: 'insert',
  3: 'delete',
  4: 'end',
  5: 'pageup',
  6: 'pagedown',
  7: 'home',
  8: 'end',
  11: 'f1',
  12: 'f2',
  13: 'f3',
  14: 'f4',
  15: 'f5',
  17: 'f6',
  18: 'f7',
  19: 'f8',
  20: 'f9',
  21: 'f10',
  23: 'f11',
  24: 'f12',
}

/** xterm encodes modifiers as 1 + (shift 1 | alt 2 | ctrl 4) in the second parameter. */
function modifiersFrom(param: string | undefined): Modifiers {
  const bits = Number(param ?? '1') - 1
  if (!(bits > 0)) return PLAIN
  return { shift: (bits & 1) !== 0, alt: (bits & 2) !== 0, ctrl: (bits & 4) !== 0 }
}

function decodeControl(code: number): Key {
  switch (code) {
    case 0x09:
      return named('tab')
    case 0x0d:
      return named('enter')
    case 0x1b:
      return named('escape')
    case 0x7f:
      return named('backspace')
    case 0x00:
      return { kind: 'ctrl', char: '@' }
    default:
      return {
        kind: 'ctrl',
        char: String.fromCharCode(code + 0x60 < 0x7b ? code + 0x60 : code + 0x40),
      }
  }
}

function decodeCsi(params: string, final: string, sequence: string): Key {
  const parts = params.split(';')
  const arrow = ARROWS[final]
  if (arrow !== undefined) return named(arrow, modifiersFrom(parts[1]))
  if (final === '~') {
    const name = TILDE_KEYS[Number(parts[0])]
    if (name !== undefined) return named(name, modifiersFrom(parts[1]))
  }
  if (final === 'Z' && params === '') return named('tab', { shift: true, alt: false, ctrl: false })
  return { kind: 'unknown', sequence }
}

/** Decodes one chunk of terminal input into keys, in order. */
export function decodeKeys(data: string): Key[] {
  const keys: Key[] = []
  const chars = Array.from(data)
  let i = 0
  while (i < chars.length) {
    const char = chars[i] ?? ''
    const code = char.codePointAt(0) ?? 0
    if (char !== '\x1b') {
      keys.push(code < 0x20 || code === 0x7f ? decodeControl(code) : { kind: 'char', char })
      i++
      continue
    }
    const next = chars[i + 1]
    if (next === '[') {
      // CSI: parameter bytes 0x30-0x3f, intermediate bytes 0x20-0x2f, one final byte 0x40-0x7e.
      let j = i + 2
      let params = ''
      while (j < chars.length && /^[0-?]$/.test(chars[j] ?? '')) params += chars[j++]
      while (j < chars.length && /^[ -/]$/.test(chars[j] ?? '')) j++
      const final = chars[j]
      if (final !== undefined && /^[@-~]$/.test(final)) {
        keys.push(decodeCsi(params, final, chars.slice(i, j + 1).join('')))
        i = j + 1
        continue
      }
      keys.push({ kind: 'meta', char: '[' })
      i += 2
      continue
    }
    if (next === 'O' && i + 2 < chars.length) {
      const final = chars[i + 2] ?? ''
      const name = SS3_KEYS[final]
      keys.push(name !== undefined ? named(name) : { kind: 'unknown', sequence: '\x1bO' + final })
      i += 3
      continue
    }
    const nextCode = next?.codePointAt(0)
    if (next !== undefined && nextCode !== undefined && nextCode >= 0x20 && nextCode !== 0x7f) {
      keys.push({ kind: 'meta', char: next })
      i += 2
      continue
    }
    keys.push(named('escape'))
    i++
  }
  return keys
}
