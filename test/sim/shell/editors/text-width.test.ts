import { describe, expect, it } from 'vitest'
import {
  columnOf,
  indexAtColumn,
  layoutLine,
  splitClusters,
  textWidth,
} from '../../../../src/sim/shell/editors/text-width'

describe('text width', () => {
  it('counts accented letters as one column and CJK as two', () => {
    expect(textWidth('café')).toBe(4)
    expect(textWidth('中文')).toBe(4)
    expect(textWidth('ＡＢ')).toBe(4)
  })

  it('keeps a combining mark with the letter before it', () => {
    expect(splitClusters('e\u0301t\u00e9')).toEqual(['e\u0301', 't', '\u00e9'])
    expect(textWidth('e\u0301')).toBe(1)
  })

  it('keeps surrogate pairs whole', () => {
    expect(splitClusters('a😀b')).toEqual(['a', '😀', 'b'])
  })

  it('expands tabs to the next multiple of the tab size', () => {
    const clusters = splitClusters('a\tb\t')
    expect(layoutLine(clusters, 8).map((c) => [c.column, c.width])).toEqual([
      [0, 1],
      [1, 7],
      [8, 1],
      [9, 7],
    ])
    expect(columnOf(clusters, 2, 8)).toBe(8)
    expect(columnOf(clusters, 4, 8)).toBe(16)
  })

  it('shows control characters as ^X, two columns wide', () => {
    const [cell] = layoutLine(['\r'], 8)
    expect(cell).toEqual({ text: '\r', shown: '^M', column: 0, width: 2 })
  })

  it('finds the cluster under a column, the start of a wide character or tab included', () => {
    const clusters = splitClusters('a中\tz')
    expect(indexAtColumn(clusters, 0, 8)).toBe(0)
    expect(indexAtColumn(clusters, 1, 8)).toBe(1)
    expect(indexAtColumn(clusters, 2, 8)).toBe(1)
    expect(indexAtColumn(clusters, 5, 8)).toBe(2)
    expect(indexAtColumn(clusters, 8, 8)).toBe(3)
    expect(indexAtColumn(clusters, 40, 8)).toBe(4)
  })
})
