import { wellFormed } from './text-width'

/**
 * Turns what a terminal emulator sends (xterm's byte sequences, as a JS string) into keys.
 * Printable runs stay together as one `text` key, so a pasted megabyte is inserted in one go.
 * See https://invisible-island.net/xterm/ctlseqs/ctlseqs.html (PC-Style Function Keys).
 */
type Letter =
  | 'a'
  | 'b'
  | 'c'
  | 'd'
  | 'e'
  | 'f'
  | 'g'
  | 'h'
  | 'i'
  | 'j'
  | 'k'
  | 'l'
  | 'm'
  | 'n'
  | 'o'
  | 'p'
  | 'q'
  | 'r'
  | 's'
  | 't'
  | 'u'
  | 'v'
  | 'w'
  | 'x'
  | 'y'
  | 'z'

export type KeyName =
  | 'enter'
  | 'tab'
  | 'backspace'
  | 'delete'
  | 'insert'
  | 'escape'
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'page-up'
  | 'page-down'
  | 'ctrl+left'
  | 'ctrl+right'
  | 'alt+left'
  | 'alt+right'
  | 'ctrl+delete'
  | 'alt+backspace'
  | 'shift+tab'
  | `ctrl+${Letter}`
  | 'ctrl+space'
  | 'ctrl+\\'
  | 'ctrl+]'
  | 'ctrl+^'
  | 'ctrl+_'
  | `alt+${string}`
  | 'unknown'

export type Key =
  /** Printable characters, typed or pasted without bracketing. */
  | { type: 'text'; text: string }
  /** The body of a bracketed paste (\e[200~ … \e[201~). */
  | { type: 'paste'; text: string }
  | { type: 'key'; name: KeyName; raw: string }

export type Decoded = { key: Key; end: number } | 'incomplete'

const ESC = '\x1b'
const PASTE_END = '\x1b[201~'
const MAX_SEQUENCE = 64

function isPrintable(code: number): boolean {
  return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0)
}

function controlKey(code: number): KeyName {
  switch (code) {
    case 0x00:
      return 'ctrl+space'
    case 0x09:
      return 'tab'
    case 0x0a:
    case 0x0d:
      return 'enter'
    case 0x08:
    case 0x7f:
      return 'backspace'
    case 0x1c:
      return 'ctrl+\\'
    case 0x1d:
      return 'ctrl+]'
    case 0x1e:
      return 'ctrl+^'
    case 0x1f:
      return 'ctrl+_'
  }
  if (code >= 0x01 && code <= 0x1a) return `ctrl+${String.fromCharCode(code + 0x60) as Letter}`
  return 'unknown'
}

function modified(base: 'left' | 'right', modifier: number): KeyName {
  // xterm encodes modifiers as 1 + (shift 1 | alt 2 | ctrl 4).
  const bits = modifier - 1
  if (bits & 4) return `ctrl+${base}`
  if (bits & 2) return `alt+${base}`
  return base
}

function csiKey(params: string, final: string): KeyName {
  const numbers = params.split(';').map((p) => (p === '' ? 1 : Number(p)))
  const modifier = numbers[1] ?? 1
  switch (final) {
    case 'A':
      return 'up'
    case 'B':
      return 'down'
    case 'C':
      return modified('right', modifier)
    case 'D':
      return modified('left', modifier)
    case 'H':
      return 'home'
    case 'F':
      return 'end'
    case 'Z':
      return 'shift+tab'
    case '~':
      switch (numbers[0]) {
        case 1:
        case 7:
          return 'home'
        case 4:
        case 8:
          return 'end'
        case 2:
          return 'insert'
        case 3:
          return modifier >= 5 ? 'ctrl+delete' : 'delete'
        case 5:
          return 'page-up'
        case 6:
          return 'page-down'
      }
  }
  return 'unknown'
}

function ss3Key(final: string): KeyName {
  switch (final) {
    case 'A':
      return 'up'
    case 'B':
      return 'down'
    case 'C':
      return 'right'
    case 'D':
      return 'left'
    case 'H':
      return 'home'
    case 'F':
      return 'end'
  }
  return 'unknown'
}

function key(name: KeyName, raw: string, end: number): Decoded {
  return { key: { type: 'key', name, raw }, end }
}

function decodeCsi(input: string, start: number): Decoded {
  // ESC [ parameters (0x30–0x3F)* intermediates (0x20–0x2F)* final (0x40–0x7E)
  let i = start + 2
  while (i < input.length) {
    const code = input.charCodeAt(i)
    if (code >= 0x40 && code <= 0x7e) break
    if (code < 0x20 || code > 0x3f || i - start > MAX_SEQUENCE)
      return key('unknown', input.slice(start, i), i)
    i++
  }
  if (i >= input.length) return 'incomplete'
  const raw = input.slice(start, i + 1)
  const params = input.slice(start + 2, i)
  const final = input.charAt(i)
  if (final === '~' && params === '200') {
    const close = input.indexOf(PASTE_END, i + 1)
    if (close === -1) return 'incomplete'
    return {
      key: { type: 'paste', text: wellFormed(input.slice(i + 1, close)) },
      end: close + PASTE_END.length,
    }
  }
  if (final === '~' && params === '201') return key('unknown', raw, i + 1)
  return key(csiKey(params, final), raw, i + 1)
}

function decodeEscape(input: string, start: number): Decoded {
  const next = input.charAt(start + 1)
  if (next === '') return key('escape', ESC, start + 1)
  if (next === '[') return decodeCsi(input, start)
  if (next === 'O') {
    const final = input.charAt(start + 2)
    if (final === '') return 'incomplete'
    return key(ss3Key(final), input.slice(start, start + 3), start + 3)
  }
  const code = input.charCodeAt(start + 1)
  if (code === 0x7f || code === 0x08)
    return key('alt+backspace', input.slice(start, start + 2), start + 2)
  if (isPrintable(code)) {
    const cp = input.codePointAt(start + 1) ?? code
    const char = String.fromCodePoint(cp)
    return key(`alt+${char}`, ESC + char, start + 1 + char.length)
  }
  // ESC followed by another control: a lone Escape, then that key.
  return key('escape', ESC, start + 1)
}

/**
 * Decodes the key starting at `start`. 'incomplete' means the input ends inside an escape
 * sequence or a bracketed paste: wait for more. A lone ESC at the end is the Escape key.
 */
export function decodeKey(input: string, start: number): Decoded {
  const code = input.charCodeAt(start)
  if (code === 0x1b) return decodeEscape(input, start)
  if (code === 0x0d && input.charCodeAt(start + 1) === 0x0a) return key('enter', '\r\n', start + 2)
  if (isPrintable(code)) {
    let end = start + 1
    while (end < input.length && isPrintable(input.charCodeAt(end))) end++
    return { key: { type: 'text', text: wellFormed(input.slice(start, end)) }, end }
  }
  return key(controlKey(code), input.charAt(start), start + 1)
}

/** All the keys in `input`; a trailing incomplete sequence is returned as `rest`. */
export function decodeKeys(input: string): { keys: Key[]; rest: string } {
  const keys: Key[] = []
  let offset = 0
  while (offset < input.length) {
    const decoded = decodeKey(input, offset)
    if (decoded === 'incomplete') break
    keys.push(decoded.key)
    offset = decoded.end
  }
  return { keys, rest: input.slice(offset) }
}
