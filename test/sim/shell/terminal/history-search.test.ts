import { describe, expect, test } from 'vitest'
import { HistorySearch } from '../../../../src/sim/shell/terminal/history-search'

const history = ['ls -l', 'echo one', 'cat notes', 'echo two', 'echo one', 'pwd', '']

function searching(): HistorySearch {
  return new HistorySearch(history, { index: history.length - 1, position: 0 })
}

describe('reverse incremental search', () => {
  test('finds the newest line with the query, the cursor on the match', () => {
    const search = searching()
    search.extend('ec')
    expect([search.line, search.match.position, search.failed]).toEqual(['echo one', 0, false])
    search.extend('ho t')
    expect([search.line, search.failed]).toEqual(['echo two', false])
  })

  test('Ctrl-R again goes to older matches, in the same line first', () => {
    const search = searching()
    search.extend('o')
    expect([search.line, search.match.position]).toEqual(['echo one', 5])
    search.older('')
    expect([search.line, search.match.position]).toEqual(['echo one', 3])
    search.older('')
    expect([search.line, search.match.position]).toEqual(['echo two', 7])
    search.older('')
    expect([search.line, search.match.position]).toEqual(['echo two', 3])
    search.older('')
    expect([search.line, search.match.position]).toEqual(['cat notes', 5])
  })

  test('an older line identical to the match is skipped; at the oldest the search fails', () => {
    const search = searching()
    search.extend('echo one')
    expect(search.match).toEqual({ index: 4, position: 0 })
    search.older('')
    expect([search.line, search.match.index, search.failed]).toEqual(['echo one', 4, true])
  })

  test('no match fails and keeps the last line shown; Backspace recovers', () => {
    const search = searching()
    search.extend('cat')
    search.extend('z')
    expect([search.query, search.line, search.failed]).toEqual(['catz', 'cat notes', true])
    search.shorten()
    expect([search.query, search.line, search.failed]).toEqual(['cat', 'cat notes', false])
  })

  test('Ctrl-R with nothing typed searches for the previous query again', () => {
    const search = searching()
    search.older('pw')
    expect([search.query, search.line]).toEqual(['pw', 'pwd'])
  })
})
