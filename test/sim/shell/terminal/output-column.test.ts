import { describe, expect, test } from 'vitest'
import { OutputColumn } from '../../../../src/sim/shell/terminal/output-column'

const after = (text: string, cols = 80): number => {
  const column = new OutputColumn(cols)
  column.feed(text)
  return column.col
}

describe('output column', () => {
  test('follows text after the last line break', () => {
    expect(after('hello\r\nx')).toBe(1)
    expect(after('abc\r\n')).toBe(0)
    expect(after('中文')).toBe(4)
    expect(after('a\tb')).toBe(9)
  })

  test('wraps at the margin; exactly full leaves the cursor at the margin', () => {
    expect(after('x'.repeat(10), 10)).toBe(10)
    expect(after('x'.repeat(11), 10)).toBe(1)
  })

  test('escape sequences move the cursor or nothing at all', () => {
    expect(after('\x1b[31mred\x1b[0m')).toBe(3)
    expect(after('abc\x1b[H\x1b[2J\x1b[3J')).toBe(0)
    expect(after('\x1b[5;12Hx')).toBe(12)
    expect(after('abcdef\x1b[2D')).toBe(4)
    expect(after('\x1b]0;title\x07ok')).toBe(2)
  })

  test('a full-screen program that leaves the alternate screen restores the column', () => {
    expect(after('ab\x1b[?1049h\x1b[H\x1b[2Jlots of screen\x1b[?1049l')).toBe(2)
  })
})
