import type { Tty } from '../pty'
import {
  describeError,
  dirname,
  type EditorFiles,
  type EditorOptions,
  errnoCode,
  impliedCwd,
  resolvePath,
} from './editor-files'
import { KeyQueue } from './input-queue'
import { runOnTty } from './tty-session'
import { isCtrl, isNamed, type Key } from './keys'
import {
  drawPromptBar,
  drawShortcuts,
  drawStatus,
  drawTitleBar,
  drawYesNoChoices,
  GOTO_MENU,
  HELP_MENU,
  INSERT_MENU,
  MAIN_MENU,
  NANO_BRANDING,
  REPLACE_SEARCH_MENU,
  REPLACE_WITH_MENU,
  SEARCH_MENU,
  type Shortcut,
  WRITE_MENU,
} from './nano-bars'
import { nanoHelpLines } from './nano-help'
import { Frame, Screen, Styles } from './screen-buffer'
import { type Position, TextBuffer } from './text-buffer'
import {
  clipToWidth,
  codePointCount,
  columnOf,
  indexAtColumn,
  layoutLine,
  lineWidth,
  splitClusters,
  textWidth,
} from './text-width'

/**
 * A GNU nano 7.2 look-alike: title bar, edit window, status bar and two lines of shortcuts, with
 * nano's prompts and messages. Behaviour follows nano's defaults: no soft wrapping (the cursor
 * line scrolls sideways, other long lines end in ">"), smooth scrolling, case-insensitive search,
 * and a final newline added on save (the empty "magic line" at the end of the buffer).
 */
export async function runNano(
  tty: Tty,
  files: EditorFiles,
  path: string | undefined,
  displayName: string,
  options: EditorOptions = {},
): Promise<number> {
  const nano = new Nano(tty, files, options.cwd ?? impliedCwd(path, displayName))
  return nano.run(path, displayName)
}

const TAB_SIZE = 8
/** nano wipes a status message after this many keystrokes. */
const MESSAGE_LIFETIME = 20

type Bottom =
  | { readonly kind: 'status' }
  | {
      readonly kind: 'prompt'
      readonly label: string
      readonly answer: readonly string[]
      readonly cursor: number
      readonly menu: readonly Shortcut[]
    }
  | { readonly kind: 'yesno'; readonly question: string; readonly withAll: boolean }

type Choice = 'yes' | 'no' | 'all' | 'cancel'

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

class Nano {
  private readonly keys = new KeyQueue()
  private readonly screen: Screen
  private cols: number
  private rows: number
  private idle = false

  private buffer = new TextBuffer([''])
  private row = 0
  private x = 0
  /** The column the cursor tries to keep when moving up and down (nano's placewewant). */
  private wanted = 0
  private top = 0
  private recenter = false

  /** The name as typed ('' for a new, nameless buffer) and the absolute path it stands for. */
  private filename = ''
  private filePath: string | undefined
  private modified = false
  private dos = false

  private message: { readonly text: string; readonly alert: boolean } | null = null
  private messageKeys = 0
  private bottom: Bottom = { kind: 'status' }
  private helpTop: number | null = null

  private cutBuffer: string | null = null
  private keepCut = false
  private lastSearch = ''

  constructor(
    private readonly tty: Tty,
    private readonly files: EditorFiles,
    private readonly cwd: string,
  ) {
    this.screen = new Screen(tty)
    this.cols = Math.max(1, tty.cols)
    this.rows = Math.max(1, tty.rows)
  }

  run(path: string | undefined, displayName: string): Promise<number> {
    return runOnTty(
      this.tty,
      this.screen,
      this.keys,
      (cols, rows) => this.resize(cols, rows),
      async () => {
        await this.open(path, displayName)
        for (;;) {
          const key = await this.readKey()
          if (key === null) return 130
          if (await this.handle(key)) return 0
        }
      },
    )
  }

  private resize(cols: number, rows: number): void {
    this.cols = Math.max(1, cols)
    this.rows = Math.max(1, rows)
    this.screen.invalidate()
    if (this.idle) this.draw()
  }

  /** The next key, drawing the screen first unless more keys are already waiting. */
  private async readKey(): Promise<Key | null> {
    if (!this.keys.pending) {
      this.draw()
      this.idle = true
    }
    const key = await this.keys.next()
    this.idle = false
    return key
  }

  // ---- files -----------------------------------------------------------------------------

  private async open(path: string | undefined, displayName: string): Promise<void> {
    if (path === undefined) return
    this.filename = displayName
    this.filePath = path
    if (await this.isDirectory(path)) {
      this.alert(`"${displayName}" is a directory`)
      this.filename = ''
      this.filePath = undefined
      return
    }
    let content: string
    try {
      content = await this.files.readFile(path)
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') {
        this.alert(`Error reading ${displayName}: ${describeError(error)}`)
      } else if (!(await this.files.exists(dirname(path)))) {
        this.alert(`Directory '${dirname(displayName)}' does not exist`)
      } else {
        this.say('New File')
      }
      return
    }
    this.dos = content.includes('\r\n')
    const text = this.dos ? content.replace(/\r\n/g, '\n') : content
    this.buffer = new TextBuffer(text.split('\n'))
    this.ensureMagicLine()
    const count = this.buffer.lineCount - 1
    this.say(`Read ${plural(count, 'line')}${this.dos ? ' (Converted from DOS format)' : ''}`)
  }

  private async isDirectory(path: string): Promise<boolean> {
    try {
      return (await this.files.stat(path)).isDirectory
    } catch {
      return false
    }
  }

  /** The buffer as nano writes it: lines joined, ending in a newline unless empty. */
  private content(): string {
    return this.buffer.allLines().join(this.dos ? '\r\n' : '\n')
  }

  private async writeTo(target: string, name: string): Promise<boolean> {
    try {
      await this.files.writeFile(target, this.content())
    } catch (error) {
      this.alert(`Error writing ${name}: ${describeError(error)}`)
      return false
    }
    this.filename = name
    this.filePath = target
    this.modified = false
    this.say(`Wrote ${plural(this.buffer.lineCount - 1, 'line')}`)
    return true
  }

  /** ^O, and the second half of ^X: ask for the name, confirm a change of name, write. */
  private async writeOut(): Promise<boolean> {
    let given = this.filename
    for (;;) {
      const format = this.dos ? ' [DOS Format]' : ''
      const answer = await this.prompt(`File Name to Write${format}: `, given, WRITE_MENU)
      if (answer === null || answer === '') {
        this.say('Cancelled')
        return false
      }
      given = answer
      const target =
        answer === this.filename && this.filePath !== undefined
          ? this.filePath
          : resolvePath(this.cwd, answer)
      if (target !== this.filePath) {
        const exists = await this.files.exists(target)
        if (this.filename !== '' || exists) {
          const question = exists
            ? `File "${answer}" exists; OVERWRITE? `
            : 'Save file under DIFFERENT NAME? '
          if ((await this.askYesNo(question, false)) !== 'yes') continue
        }
      }
      return this.writeTo(target, answer)
    }
  }

  /** ^S: write under the current name without asking, if there is one. */
  private async save(): Promise<void> {
    if (this.filename === '' || this.filePath === undefined) await this.writeOut()
    else await this.writeTo(this.filePath, this.filename)
  }

  /** ^X. Returns true when nano should end. */
  private async exit(): Promise<boolean> {
    if (!this.modified) return true
    const choice = await this.askYesNo('Save modified buffer? ', false)
    if (choice === 'no') return true
    if (choice === 'yes') return this.writeOut()
    this.say('Cancelled')
    return false
  }

  /** ^R: insert a file at the cursor. */
  private async insertFile(): Promise<void> {
    const answer = await this.prompt('File to insert [from ./]: ', '', INSERT_MENU)
    if (answer === null || answer === '') {
      this.say('Cancelled')
      return
    }
    const target = resolvePath(this.cwd, answer)
    if (await this.isDirectory(target)) {
      this.alert(`"${answer}" is a directory`)
      return
    }
    let content: string
    try {
      content = await this.files.readFile(target)
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') this.alert(`File "${answer}" not found`)
      else this.alert(`Error reading ${answer}: ${describeError(error)}`)
      return
    }
    const text = content.replace(/\r\n/g, '\n')
    const lines = text.split('\n')
    const count = lines.length - (lines[lines.length - 1] === '' ? 1 : 0)
    if (text !== '') this.insertText(text)
    this.say(`Read ${plural(count, 'line')}`)
  }

  // ---- keys ------------------------------------------------------------------------------

  /** One keystroke in the edit window. Returns true when nano should end. */
  private async handle(key: Key): Promise<boolean> {
    if (this.message !== null && --this.messageKeys <= 0) this.message = null
    const cutting = isCtrl(key, 'k')
    try {
      return await this.dispatch(key)
    } finally {
      this.keepCut = cutting
    }
  }

  private async dispatch(key: Key): Promise<boolean> {
    if (isNamed(key, 'f1')) {
      await this.help()
      return false
    }
    switch (key.kind) {
      case 'char':
        this.insertText(key.char)
        return false
      case 'named':
        this.namedKey(key.name)
        return false
      case 'meta':
        return this.metaKey(key.char)
      case 'unknown':
        this.alert('Unknown sequence')
        return false
      case 'ctrl':
        return this.controlKey(key.char)
    }
  }

  private namedKey(name: string): void {
    switch (name) {
      case 'enter':
        return this.insertText('\n')
      case 'tab':
        return this.insertText('\t')
      case 'backspace':
        return this.backspace()
      case 'delete':
        return this.deleteForward()
      case 'up':
        return this.moveVertically(-1)
      case 'down':
        return this.moveVertically(1)
      case 'left':
        return this.moveLeft()
      case 'right':
        return this.moveRight()
      case 'home':
        return this.moveTo(this.row, 0)
      case 'end':
        return this.moveTo(this.row, this.buffer.length(this.row))
      case 'pageup':
        return this.pageUp()
      case 'pagedown':
        return this.pageDown()
    }
  }

  private metaKey(char: string): boolean {
    switch (char.toLowerCase()) {
      case 'w':
        if (this.lastSearch === '') this.alert('No current search pattern')
        else this.findNext(this.lastSearch)
        return false
      case '\\':
        this.moveTo(0, 0)
        return false
      case '/':
        this.moveTo(this.buffer.lineCount - 1, 0)
        return false
      default:
        this.alert(`Unbound key: M-${char.toUpperCase()}`)
        return false
    }
  }

  private async controlKey(char: string): Promise<boolean> {
    switch (char) {
      case 'x':
        return this.exit()
      case 'o':
        await this.writeOut()
        break
      case 's':
        await this.save()
        break
      case 'g':
        await this.help()
        break
      case 'w':
        await this.search()
        break
      case '\\':
        await this.replace()
        break
      case 'r':
        await this.insertFile()
        break
      case '_':
        await this.goToLine()
        break
      case 'k':
        this.cutLine()
        break
      case 'u':
        this.paste()
        break
      case 'c':
        this.reportPosition()
        break
      case 'h':
        this.backspace()
        break
      case 'd':
        this.deleteForward()
        break
      case 'a':
        this.moveTo(this.row, 0)
        break
      case 'e':
        this.moveTo(this.row, this.buffer.length(this.row))
        break
      case 'b':
        this.moveLeft()
        break
      case 'f':
        this.moveRight()
        break
      case 'p':
        this.moveVertically(-1)
        break
      case 'n':
        this.moveVertically(1)
        break
      case 'y':
        this.pageUp()
        break
      case 'v':
        this.pageDown()
        break
      case 'l':
        this.screen.invalidate()
        break
      case 't':
        this.say('Execute Command is not available in this sandbox')
        break
      case 'j':
        this.say('Justify is not available in this sandbox')
        break
      default:
        this.alert(`Unbound key: ^${char.toUpperCase()}`)
    }
    return false
  }

  // ---- editing ---------------------------------------------------------------------------

  private get here(): Position {
    return { row: this.row, x: this.x }
  }

  private cursorColumn(): number {
    return columnOf(this.buffer.clusters(this.row), this.x, TAB_SIZE)
  }

  private moveTo(row: number, x: number): void {
    this.row = row
    this.x = x
    this.wanted = this.cursorColumn()
  }

  /** nano keeps an empty last line so that the file it writes ends in a newline. */
  private ensureMagicLine(): void {
    const last = this.buffer.lineCount - 1
    if (this.buffer.line(last) !== '') this.buffer.insertLines(last + 1, [''])
  }

  private insertText(text: string): void {
    const end = this.buffer.insert(this.here, text)
    this.ensureMagicLine()
    this.modified = true
    this.moveTo(end.row, end.x)
  }

  private deleteForward(): void {
    const length = this.buffer.length(this.row)
    const last = this.buffer.lineCount - 1
    if (this.x < length) {
      this.buffer.delete(this.here, { row: this.row, x: this.x + 1 })
    } else {
      // At the end of a line: join the next one, but never eat the magic line.
      if (this.row === last) return
      if (this.row + 1 === last && this.x !== 0) return
      this.buffer.delete(this.here, { row: this.row + 1, x: 0 })
    }
    this.ensureMagicLine()
    this.modified = true
    this.wanted = this.cursorColumn()
  }

  private backspace(): void {
    if (this.row === 0 && this.x === 0) return
    this.moveLeft()
    this.deleteForward()
  }

  private cutLine(): void {
    const last = this.buffer.lineCount - 1
    if (this.row === last) {
      this.say('Nothing was cut')
      return
    }
    const text = this.buffer.removeLines(this.row, 1).join('') + '\n'
    this.cutBuffer = this.keepCut && this.cutBuffer !== null ? this.cutBuffer + text : text
    this.ensureMagicLine()
    this.modified = true
    this.moveTo(this.row, 0)
  }

  private paste(): void {
    if (this.cutBuffer === null) {
      this.alert('Cutbuffer is empty')
      return
    }
    this.insertText(this.cutBuffer)
  }

  // ---- moving ----------------------------------------------------------------------------

  private moveLeft(): void {
    if (this.x > 0) this.moveTo(this.row, this.x - 1)
    else if (this.row > 0) this.moveTo(this.row - 1, this.buffer.length(this.row - 1))
  }

  private moveRight(): void {
    if (this.x < this.buffer.length(this.row)) this.moveTo(this.row, this.x + 1)
    else if (this.row < this.buffer.lineCount - 1) this.moveTo(this.row + 1, 0)
  }

  private moveVertically(delta: number): void {
    const row = this.row + delta
    if (row < 0 || row >= this.buffer.lineCount) return
    this.row = row
    this.x = indexAtColumn(this.buffer.clusters(row), this.wanted, TAB_SIZE)
  }

  private get editRows(): number {
    return Math.max(1, this.layout().editRows)
  }

  private pageDown(): void {
    const mustMove = this.editRows < 3 ? 1 : this.editRows - 2
    const last = this.buffer.lineCount - 1
    if (this.row + mustMove > last) {
      this.moveTo(last, this.buffer.length(last))
      return
    }
    const screenRow = this.row - this.top
    this.row += mustMove
    this.x = indexAtColumn(this.buffer.clusters(this.row), this.wanted, TAB_SIZE)
    this.top = Math.max(0, this.row - screenRow)
  }

  private pageUp(): void {
    const mustMove = this.editRows < 3 ? 1 : this.editRows - 2
    if (this.row - mustMove < 0) {
      this.moveTo(0, 0)
      return
    }
    const screenRow = this.row - this.top
    this.row -= mustMove
    this.x = indexAtColumn(this.buffer.clusters(this.row), this.wanted, TAB_SIZE)
    this.top = Math.max(0, this.row - screenRow)
  }

  private async goToLine(): Promise<void> {
    const answer = await this.prompt('Enter line number, column number: ', '', GOTO_MENU)
    if (answer === null || answer.trim() === '') {
      this.say('Cancelled')
      return
    }
    const match = /^\s*(-?\d+)\s*(?:[,\s]\s*(-?\d+)\s*)?$/.exec(answer)
    const count = this.buffer.lineCount
    let line = Number(match?.[1] ?? 0)
    let column = Number(match?.[2] ?? 1)
    if (line < 0) line = Math.max(1, count + line + 1)
    if (match === null || line === 0 || column === 0) {
      this.alert('Invalid line or column number')
      return
    }
    const row = Math.min(count, line) - 1
    const clusters = this.buffer.clusters(row)
    if (column < 0) column = lineWidth(clusters, TAB_SIZE) + column + 2
    this.moveTo(row, indexAtColumn(clusters, Math.max(0, column - 1), TAB_SIZE))
    this.recenter = true
  }

  /** ^C: "line 1/4 (25%), col  1/ 4 ( 25%), char  0/10 ( 0%)", padded as nano pads it. */
  private reportPosition(): void {
    const lines = this.buffer.allLines()
    const clusters = this.buffer.clusters(this.row)
    const column = this.cursorColumn() + 1
    const fullWidth = lineWidth(clusters, TAB_SIZE) + 1
    let sum = codePointCount(clusters.slice(0, this.x).join(''))
    let total = lines.length - 1
    lines.forEach((line, i) => {
      const chars = codePointCount(line)
      total += chars
      if (i < this.row) sum += chars + 1
    })
    const pad = (n: number, width: number): string => String(n).padStart(width)
    const lineNo = this.row + 1
    const linePct = Math.floor((100 * lineNo) / lines.length)
    const colPct = Math.floor((100 * column) / fullWidth)
    const charPct = total === 0 ? 0 : Math.floor((100 * sum) / total)
    const lineDigits = String(lines.length).length
    const charDigits = String(total).length
    this.say(
      `line ${pad(lineNo, lineDigits)}/${lines.length} (${pad(linePct, 2)}%), ` +
        `col ${pad(column, 2)}/${pad(fullWidth, 2)} (${pad(colPct, 3)}%), ` +
        `char ${pad(sum, charDigits)}/${total} (${pad(charPct, 2)}%)`,
    )
  }

  // ---- searching -------------------------------------------------------------------------

  private searchLabel(what: string): string {
    if (this.lastSearch === '') return `${what}: `
    const room = Math.floor(this.cols / 3)
    const shown =
      textWidth(this.lastSearch) > room
        ? clipToWidth(this.lastSearch, room) + '...'
        : this.lastSearch
    return `${what} [${shown}]: `
  }

  /** Asks for a search string; Enter on an empty answer reuses the previous one. */
  private async askNeedle(what: string, menu: readonly Shortcut[]): Promise<string | null> {
    const answer = await this.prompt(this.searchLabel(what), '', menu)
    const needle = answer === '' ? this.lastSearch : answer
    if (needle === null || needle === '') {
      this.say('Cancelled')
      return null
    }
    this.lastSearch = needle
    return needle
  }

  private async search(): Promise<void> {
    const needle = await this.askNeedle('Search', SEARCH_MENU)
    if (needle !== null) this.findNext(needle)
  }

  private notFound(needle: string): void {
    const room = Math.floor(this.cols / 2)
    const shown = textWidth(needle) > room ? clipToWidth(needle, room) + '...' : needle
    this.alert(`"${shown}" not found`)
  }

  /** The first match at or after cluster `from` on a line, case-insensitively. */
  private matchIn(row: number, needle: string, from: number): number | null {
    const lowered = this.buffer.clusters(row).map((c) => c.toLowerCase())
    const wanted = needle.toLowerCase()
    const offsets: number[] = []
    let offset = 0
    for (const cluster of lowered) {
      offsets.push(offset)
      offset += cluster.length
    }
    const text = lowered.join('')
    let at = text.indexOf(wanted, offsets[from] ?? text.length + 1)
    while (at >= 0) {
      const index = offsets.indexOf(at)
      if (index >= 0) return index
      at = text.indexOf(wanted, at + 1)
    }
    return null
  }

  /** Finds the next match after the cursor, wrapping around the end of the buffer once. */
  private findNext(needle: string): boolean {
    const count = this.buffer.lineCount
    for (let step = 0; step <= count; step++) {
      const row = (this.row + step) % count
      const from = step === 0 ? this.x + 1 : 0
      const hit = this.matchIn(row, needle, from)
      if (hit === null || (step === count && hit > this.x)) continue
      const onlyOne = row === this.row && hit === this.x
      const wrapped = this.row + step >= count
      this.moveTo(row, hit)
      this.recenter = true
      if (onlyOne) this.say('This is the only occurrence')
      else if (wrapped) this.say('Search Wrapped')
      else this.message = null
      return true
    }
    this.notFound(needle)
    return false
  }

  /** ^\ : search, ask for the replacement, then confirm each match (Y, N, A, ^C). */
  private async replace(): Promise<void> {
    const needle = await this.askNeedle('Search (to replace)', REPLACE_SEARCH_MENU)
    if (needle === null) return
    const replacement = await this.prompt('Replace with: ', '', REPLACE_WITH_MENU)
    if (replacement === null) {
      this.say('Cancelled')
      return
    }
    const origin = this.here
    const needleLength = splitClusters(needle).length
    const replacementLength = splitClusters(replacement).length
    let at: Position = origin
    let wrapped = false
    let all = false
    let replaced = 0
    let seen = 0
    for (;;) {
      let hit = this.findFrom(at, needle)
      if (hit === null && !wrapped) {
        wrapped = true
        hit = this.findFrom({ row: 0, x: 0 }, needle)
      }
      if (hit === null) break
      if (wrapped && (hit.row > origin.row || (hit.row === origin.row && hit.x >= origin.x))) break
      seen++
      this.moveTo(hit.row, hit.x)
      this.recenter = true
      const choice = all ? 'all' : await this.askYesNo('Replace this instance?', true)
      if (choice === 'cancel') break
      if (choice === 'no') {
        at = { row: hit.row, x: hit.x + 1 }
        continue
      }
      if (choice === 'all') all = true
      this.buffer.delete(hit, { row: hit.row, x: hit.x + needleLength })
      this.buffer.insert(hit, replacement)
      this.ensureMagicLine()
      this.modified = true
      replaced++
      at = { row: hit.row, x: hit.x + replacementLength }
      this.moveTo(at.row, at.x)
    }
    if (seen === 0) this.notFound(needle)
    else this.say(`Replaced ${plural(replaced, 'occurrence')}`)
  }

  private findFrom(at: Position, needle: string): Position | null {
    for (let row = at.row; row < this.buffer.lineCount; row++) {
      const hit = this.matchIn(row, needle, row === at.row ? at.x : 0)
      if (hit !== null) return { row, x: hit }
    }
    return null
  }

  // ---- prompts ---------------------------------------------------------------------------

  /** A one-line answer at the bottom. Resolves with null when cancelled (^C). */
  private async prompt(
    label: string,
    initial: string,
    menu: readonly Shortcut[],
  ): Promise<string | null> {
    const answer = splitClusters(initial)
    let cursor = answer.length
    try {
      for (;;) {
        this.bottom = { kind: 'prompt', label, answer: [...answer], cursor, menu }
        const key = await this.readKey()
        if (key === null || isCtrl(key, 'c')) return null
        if (isNamed(key, 'enter') || isCtrl(key, 'j')) return answer.join('')
        if (key.kind === 'char') answer.splice(cursor++, 0, key.char)
        else if ((isNamed(key, 'backspace') || isCtrl(key, 'h')) && cursor > 0) {
          answer.splice(--cursor, 1)
        } else if (isNamed(key, 'delete') || isCtrl(key, 'd')) answer.splice(cursor, 1)
        else if (isNamed(key, 'left') || isCtrl(key, 'b')) cursor = Math.max(0, cursor - 1)
        else if (isNamed(key, 'right') || isCtrl(key, 'f')) {
          cursor = Math.min(answer.length, cursor + 1)
        } else if (isNamed(key, 'home') || isCtrl(key, 'a')) cursor = 0
        else if (isNamed(key, 'end') || isCtrl(key, 'e')) cursor = answer.length
        else if (isCtrl(key, 'k')) {
          answer.length = 0
          cursor = 0
        }
      }
    } finally {
      this.bottom = { kind: 'status' }
    }
  }

  private async askYesNo(question: string, withAll: boolean): Promise<Choice> {
    this.bottom = { kind: 'yesno', question, withAll }
    try {
      for (;;) {
        const key = await this.readKey()
        if (key === null || isCtrl(key, 'c')) return 'cancel'
        if (key.kind !== 'char') continue
        const answer = key.char.toLowerCase()
        if (answer === 'y') return 'yes'
        if (answer === 'n') return 'no'
        if (answer === 'a' && withAll) return 'all'
      }
    } finally {
      this.bottom = { kind: 'status' }
    }
  }

  private async help(): Promise<void> {
    this.helpTop = 0
    try {
      for (;;) {
        const key = await this.readKey()
        if (key === null || isCtrl(key, 'x') || isCtrl(key, 'c') || isCtrl(key, 'g')) return
        const page = Math.max(1, this.editRows - 2)
        let top = this.helpTop ?? 0
        if (isNamed(key, 'up') || isCtrl(key, 'p')) top--
        else if (isNamed(key, 'down') || isCtrl(key, 'n')) top++
        else if (isNamed(key, 'pageup') || isCtrl(key, 'y')) top -= page
        else if (isNamed(key, 'pagedown') || isCtrl(key, 'v') || key.kind === 'char') top += page
        else if (isNamed(key, 'home') || (key.kind === 'meta' && key.char === '\\')) top = 0
        else if (isNamed(key, 'end') || (key.kind === 'meta' && key.char === '/')) top = Infinity
        else if (isCtrl(key, 'l')) this.screen.invalidate()
        const lines = nanoHelpLines(this.cols).length
        this.helpTop = Math.max(0, Math.min(top, lines - this.editRows))
      }
    } finally {
      this.helpTop = null
    }
  }

  private say(text: string): void {
    this.message = { text, alert: false }
    this.messageKeys = MESSAGE_LIFETIME
  }

  private alert(text: string): void {
    this.message = { text, alert: true }
    this.messageKeys = MESSAGE_LIFETIME
  }

  // ---- drawing ---------------------------------------------------------------------------

  private layout(): { statusRow: number; helpRows: number; editRows: number } {
    const helpRows = this.rows >= 5 ? 2 : 0
    const statusRow = this.rows - 1 - helpRows
    return { statusRow, helpRows, editRows: Math.max(0, statusRow - 1) }
  }

  /** nano scrolls the cursor line sideways in chunks, keeping a few columns of context. */
  private pageStart(column: number): number {
    const cols = this.cols
    if (column === 0 || column + 2 < cols) return 0
    if (cols > 8) return column - 6 - ((column - 6) % (cols - 8))
    return column - (cols - 2)
  }

  private scrollIntoView(): void {
    const rows = this.editRows
    if (this.row >= this.top && this.row < this.top + rows) return
    if (this.recenter) this.top = Math.max(0, this.row - Math.floor(rows / 2))
    else if (this.row < this.top) this.top = this.row
    else this.top = this.row - rows + 1
  }

  private draw(): void {
    const frame = new Frame(this.cols, this.rows)
    const { statusRow, helpRows, editRows } = this.layout()
    if (this.helpTop !== null) {
      drawTitleBar(frame, '', 'Main nano help text', '', false)
      const lines = nanoHelpLines(this.cols)
      for (let r = 0; r < editRows; r++) frame.write(1 + r, 0, lines[this.helpTop + r] ?? '')
      if (helpRows > 0) drawShortcuts(frame, statusRow + 1, HELP_MENU)
      this.screen.present(frame)
      return
    }
    const state = this.modified ? 'Modified' : ''
    drawTitleBar(frame, NANO_BRANDING, this.filename || 'New Buffer', state, true)
    this.scrollIntoView()
    this.recenter = false
    for (let r = 0; r < editRows; r++) {
      const row = this.top + r
      if (row >= this.buffer.lineCount) break
      const from = row === this.row ? this.pageStart(this.cursorColumn()) : 0
      this.drawLine(frame, 1 + r, row, from)
    }
    const column = this.cursorColumn()
    frame.cursor = {
      row: Math.min(1 + this.row - this.top, this.rows - 1),
      col: Math.min(column - this.pageStart(column), this.cols - 1),
    }
    this.drawBottom(frame, statusRow, helpRows)
    this.screen.present(frame)
  }

  private drawLine(frame: Frame, screenRow: number, row: number, from: number): void {
    const cols = this.cols
    const placed = layoutLine(this.buffer.clusters(row), TAB_SIZE)
    const last = placed[placed.length - 1]
    const width = last === undefined ? 0 : last.column + last.width
    for (const cell of placed) {
      if (cell.column + cell.width <= from) continue
      if (cell.column >= from + cols) break
      if (cell.column < from) {
        frame.write(screenRow, 0, ' '.repeat(cell.column + cell.width - from))
        continue
      }
      if (cell.column - from + cell.width > cols) break
      frame.write(screenRow, cell.column - from, cell.shown)
    }
    if (from > 0) frame.write(screenRow, 0, '<')
    if (width > from + cols) frame.write(screenRow, cols - 1, '>')
  }

  private drawBottom(frame: Frame, statusRow: number, helpRows: number): void {
    const bottom = this.bottom
    if (bottom.kind === 'prompt') {
      const col = drawPromptBar(frame, statusRow, bottom.label, bottom.answer, bottom.cursor)
      frame.cursor = { row: statusRow, col }
      if (helpRows > 0) drawShortcuts(frame, statusRow + 1, bottom.menu)
      return
    }
    if (bottom.kind === 'yesno') {
      frame.fill(statusRow, Styles.reverse)
      const question = clipToWidth(bottom.question, Math.max(0, this.cols - 1))
      const col = frame.write(statusRow, 0, question, Styles.reverse)
      frame.cursor = { row: statusRow, col: Math.min(col, this.cols - 1) }
      if (helpRows > 0) drawYesNoChoices(frame, statusRow + 1, bottom.withAll)
      return
    }
    if (this.message !== null) drawStatus(frame, statusRow, this.message.text, this.message.alert)
    if (helpRows > 0) drawShortcuts(frame, statusRow + 1, MAIN_MENU)
  }
}
