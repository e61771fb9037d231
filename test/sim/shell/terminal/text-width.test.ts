import { describe, expect, test } from 'vitest'
import {
  clusterStartAt,
  codePointWidth,
  nextClusterEnd,
  previousClusterStart,
  stringWidth,
  wellFormed,
} from '../../../../src/sim/shell/terminal/text-width'
import { newXterm } from './xterm-screen'

describe('text width', () => {
  test('ASCII and Latin letters with accents take one column each', () => {
    expect(stringWidth('echo déjà vu, ça marche')).toBe(23)
  })

  test('CJK and emoji take two columns, combining marks none', () => {
    expect(stringWidth('中文')).toBe(4)
    expect(stringWidth('😀')).toBe(2)
    expect(stringWidth('e\u0301')).toBe(1)
    expect(stringWidth('한국어')).toBe(6)
    expect(stringWidth('ｆｕｌｌ')).toBe(8)
  })

  test("wide characters are exactly xterm's with the Unicode 11 addon", () => {
    // xterm.js is the terminal the student sees: where it draws two cells, so must we.
    const xterm = newXterm(10, 2)
    const service = (
      xterm as unknown as { _core: { unicodeService: { wcwidth(cp: number): number } } }
    )._core.unicodeService
    const wrong: string[] = []
    for (let cp = 0x20; cp < 0x40000; cp++) {
      if ((cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x7f && cp < 0xa0)) continue
      const theirs = service.wcwidth(cp)
      const ours = codePointWidth(cp)
      if ((theirs === 2) !== (ours === 2)) wrong.push(cp.toString(16))
    }
    expect(wrong).toEqual([])
  })

  test('a cluster is a character with the combining marks after it', () => {
    const text = 'ae\u0301\u0302b😀'
    expect(nextClusterEnd(text, 0)).toBe(1)
    expect(nextClusterEnd(text, 1)).toBe(4)
    expect(nextClusterEnd(text, 4)).toBe(5)
    expect(nextClusterEnd(text, 5)).toBe(7)
    expect(previousClusterStart(text, 7)).toBe(5)
    expect(previousClusterStart(text, 4)).toBe(1)
    expect(clusterStartAt(text, 3)).toBe(1)
    expect(clusterStartAt(text, 6)).toBe(5)
  })

  test('a control character is a cluster of its own, even before a combining mark', () => {
    expect(nextClusterEnd('\x01\u0301x', 0)).toBe(1)
    expect(nextClusterEnd('\x01\u0301x', 1)).toBe(2)
    expect(previousClusterStart('\x01\u0301x', 2)).toBe(1)
  })

  test('unpaired surrogates from binary junk become replacement characters', () => {
    expect(wellFormed('a\ud800b\udc00c😀')).toBe('a\ufffdb\ufffdc😀')
  })
})
