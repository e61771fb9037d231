/**
 * Readline's reverse incremental search (Ctrl-R) over the history lines plus the line being
 * edited. Pure state: the terminal feeds it keys and draws what it says.
 * https://tiswww.case.edu/php/chet/readline/rluserman.html#Searching
 */
export interface SearchMatch {
  /** Index into the searched lines. */
  readonly index: number
  /** Where the query starts in that line; the cursor goes there. */
  readonly position: number
}

export class HistorySearch {
  private queryValue = ''
  private failedValue = false
  private matchValue: SearchMatch

  /**
   * @param lines the history, oldest first, with the line being edited last
   * @param start the line the search starts from (the one being shown) and the cursor in it
   */
  constructor(
    private readonly lines: readonly string[],
    start: SearchMatch,
  ) {
    this.matchValue = start
  }

  get query(): string {
    return this.queryValue
  }

  get failed(): boolean {
    return this.failedValue
  }

  get match(): SearchMatch {
    return this.matchValue
  }

  /** The line shown for the current match. */
  get line(): string {
    return this.lines[this.matchValue.index] ?? ''
  }

  /** Typing more of the query: the current match stays if it still matches. */
  extend(text: string): void {
    this.queryValue += text
    if (this.failedValue) return
    this.find(this.matchValue.index, this.matchValue.position, false)
  }

  /** Backspace: a shorter query, searched again from the current match. */
  shorten(): void {
    if (this.queryValue === '') return
    const chars = [...this.queryValue]
    chars.pop()
    this.queryValue = chars.join('')
    this.failedValue = false
    if (this.queryValue === '') return
    this.find(this.matchValue.index, this.matchValue.position, false)
  }

  /** Ctrl-R again: the next older match (readline reuses the last query when this one is empty). */
  older(lastQuery: string): void {
    if (this.queryValue === '') {
      if (lastQuery === '') return
      this.queryValue = lastQuery
      this.find(this.matchValue.index, this.matchValue.position, false)
      return
    }
    if (this.failedValue) return
    this.find(this.matchValue.index, this.matchValue.position - 1, true)
  }

  /**
   * Finds the last occurrence of the query starting at or before `maxStart` in line `index`,
   * then in older lines. Lines identical to the current match are skipped, as readline does.
   */
  private find(index: number, maxStart: number, skipSame: boolean): void {
    const query = this.queryValue
    const current = this.line
    for (let i = index; i >= 0; i--) {
      const line = this.lines[i] ?? ''
      if (i !== index && skipSame && line === current) continue
      const limit = i === index ? maxStart : line.length
      if (limit < 0) continue
      const position = line.lastIndexOf(query, limit)
      if (position !== -1) {
        this.matchValue = { index: i, position }
        this.failedValue = false
        return
      }
    }
    this.failedValue = true
  }
}
