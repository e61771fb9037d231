import { isNamed, type Key } from './keys'

/**
 * Normal-mode command parsing: vim commands are typed key by key ("2dw", "gg", "rx", "ZZ"), so
 * the keys typed so far are either incomplete, invalid, or a whole command.
 */

export interface Motion {
  readonly name: string
  readonly char?: string
}

export type Parsed =
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'invalid' }
  | {
      readonly kind: 'move'
      readonly count: number
      readonly motion: Motion
      readonly counted: boolean
    }
  | {
      readonly kind: 'operator'
      readonly op: string
      readonly count: number
      readonly counted: boolean
      readonly motion: Motion | null
    }
  | {
      readonly kind: 'command'
      readonly name: string
      readonly count: number
      readonly counted: boolean
      readonly char?: string
    }

/** Keys that move the cursor, by the name the parser gives them. */
const MOTION_KEYS: Record<string, string> = {
  h: 'h',
  l: 'l',
  j: 'j',
  k: 'k',
  w: 'w',
  W: 'W',
  b: 'b',
  B: 'B',
  e: 'e',
  E: 'E',
  '0': '0',
  '^': '^',
  $: '$',
  G: 'G',
  '+': '+',
  '-': '-',
  _: '_',
  ' ': 'l',
}

const NAMED_MOTIONS: Record<string, string> = {
  left: 'h',
  right: 'l',
  up: 'k',
  down: 'j',
  home: '0',
  end: '$',
  backspace: 'h',
  enter: '+',
}

const CTRL_MOTIONS: Record<string, string> = { h: 'h', j: 'j', n: 'j', p: 'k' }

const COMMAND_KEYS = new Set('xXDCsSpPuJ~iaAIoOnN:/?Y'.split(''))

/** Commands that may change the text, and so make one undo step. */
export const EDITING_COMMANDS = new Set('xXDCsSpPJr~iaAIoO'.split(''))

export function keyLabel(key: Key): string {
  if (key.kind === 'char' || key.kind === 'meta') return key.char
  if (key.kind === 'ctrl') return '^' + key.char.toUpperCase()
  return ''
}

/** Reads a count: digits, the first of which is not 0. */
function readCount(keys: readonly Key[], start: number): { count: number | null; next: number } {
  let i = start
  let digits = ''
  for (;;) {
    const key = keys[i]
    if (key?.kind !== 'char' || !/^[0-9]$/.test(key.char) || (digits === '' && key.char === '0'))
      break
    digits += key.char
    i++
  }
  return { count: digits === '' ? null : Number(digits), next: i }
}

type MotionParse =
  | { kind: 'incomplete' }
  | { kind: 'invalid' }
  | { kind: 'motion'; motion: Motion }
  | { kind: 'none' }

function parseMotion(keys: readonly Key[], i: number): MotionParse {
  const key = keys[i]
  if (key === undefined) return { kind: 'incomplete' }
  if (key.kind === 'named') {
    const name = NAMED_MOTIONS[key.name]
    return name === undefined ? { kind: 'none' } : { kind: 'motion', motion: { name } }
  }
  if (key.kind === 'ctrl') {
    const name = CTRL_MOTIONS[key.char]
    return name === undefined ? { kind: 'none' } : { kind: 'motion', motion: { name } }
  }
  if (key.kind !== 'char') return { kind: 'none' }
  const name = MOTION_KEYS[key.char]
  if (name !== undefined) return { kind: 'motion', motion: { name } }
  if (key.char === 'g') {
    const next = keys[i + 1]
    if (next === undefined) return { kind: 'incomplete' }
    if (next.kind === 'char' && next.char === 'g') return { kind: 'motion', motion: { name: 'gg' } }
    return { kind: 'invalid' }
  }
  if ('fFtT'.includes(key.char)) {
    const next = keys[i + 1]
    if (next === undefined) return { kind: 'incomplete' }
    if (next.kind !== 'char') return { kind: 'invalid' }
    return { kind: 'motion', motion: { name: key.char, char: next.char } }
  }
  return { kind: 'none' }
}

/** Parses the keys typed so far in normal mode: [count] command, or [count] operator [count] motion. */
export function parseNormal(keys: readonly Key[]): Parsed {
  const first = readCount(keys, 0)
  const counted = first.count !== null
  const count = first.count ?? 1
  const key = keys[first.next]
  if (key === undefined) return { kind: 'incomplete' }
  if (key.kind === 'char' && 'dyc'.includes(key.char)) {
    const second = readCount(keys, first.next + 1)
    const total = count * (second.count ?? 1)
    const isCounted = counted || second.count !== null
    const next = keys[second.next]
    if (next === undefined) return { kind: 'incomplete' }
    if (next.kind === 'char' && next.char === key.char) {
      return { kind: 'operator', op: key.char, count: total, counted: isCounted, motion: null }
    }
    const motion = parseMotion(keys, second.next)
    if (motion.kind === 'motion') {
      return {
        kind: 'operator',
        op: key.char,
        count: total,
        counted: isCounted,
        motion: motion.motion,
      }
    }
    return motion.kind === 'incomplete' ? motion : { kind: 'invalid' }
  }
  const motion = parseMotion(keys, first.next)
  if (motion.kind === 'motion') return { kind: 'move', count, motion: motion.motion, counted }
  if (motion.kind !== 'none') return motion
  const command = (name: string, char?: string): Parsed =>
    char === undefined
      ? { kind: 'command', name, count, counted }
      : { kind: 'command', name, count, counted, char }
  if (key.kind === 'ctrl') {
    const names: Record<string, string> = {
      r: 'redo',
      g: 'fileinfo',
      c: 'interrupt',
      l: 'redraw',
      f: 'pagedown',
      b: 'pageup',
      d: 'halfdown',
      u: 'halfup',
    }
    const name = names[key.char]
    return name === undefined ? { kind: 'invalid' } : command(name)
  }
  if (key.kind === 'named') {
    if (key.name === 'pagedown' || key.name === 'pageup') return command(key.name)
    if (key.name === 'delete') return command('x')
    if (key.name === 'insert') return command('i')
    return { kind: 'invalid' }
  }
  if (key.kind !== 'char') return { kind: 'invalid' }
  if (key.char === 'r' || key.char === 'Z') {
    const next = keys[first.next + 1]
    if (next === undefined) return { kind: 'incomplete' }
    if (key.char === 'Z') {
      if (next.kind === 'char' && (next.char === 'Z' || next.char === 'Q'))
        return command('Z' + next.char)
      return { kind: 'invalid' }
    }
    if (next.kind === 'char') return command('r', next.char)
    if (isNamed(next, 'enter')) return command('r', '\r')
    return { kind: 'invalid' }
  }
  if (COMMAND_KEYS.has(key.char)) return command(key.char)
  return { kind: 'invalid' }
}
