import type { Tty } from '../pty'
import {
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
import { Screen, type Style, Styles } from './screen-buffer'
import { comparePositions, type Position, TextBuffer } from './text-buffer'
import { columnOf, indexAtColumn, splitClusters } from './text-width'
import { expandReplacement, IGNORED_OPTIONS, LINE_BREAK } from './vi-ex'
import {
  charClass,
  findInLine,
  firstNonBlank,
  wordBackward,
  wordEnd,
  wordForward,
} from './vi-motions'
import { EDITING_COMMANDS, keyLabel, type Motion, parseNormal } from './vi-normal'
import { compileVimPattern, searchBuffer } from './vi-pattern'
import { type TextState, UndoHistory } from './vi-undo'
import { drawVi, VI_TAB_SIZE } from './vi-view'

/**
 * A small vim (9.0 with its defaults.vim: ruler, showcmd, scrolloff=5): normal, insert and
 * command-line modes, the usual motions and operators, an undo tree flattened to a stack, `/` and
 * `?` search, and the ex commands a beginner meets (`:w`, `:q`, `:wq`, `:x`, `:q!`, `:e`, `:set nu`).
 * Messages are vim's own, e.g. `"notes.txt" 3L, 42B written` or `E37: No write since last change`.
 */
export async function runVi(
  tty: Tty,
  files: EditorFiles,
  path: string | undefined,
  displayName: string,
  options: EditorOptions = {},
): Promise<number> {
  const cwd = options.cwd ?? impliedCwd(path, displayName)
  const vi = new Vi(tty, files, cwd, options.now ?? (() => 0))
  return vi.run(path, displayName)
}

const TAB_SIZE = VI_TAB_SIZE
/** vim reports line counts for yank, delete and put above this many lines ('report'). */
const REPORT = 2

interface Register {
  readonly text: string
  readonly linewise: boolean
}

interface Target {
  readonly at: Position
  readonly linewise: boolean
  readonly inclusive: boolean
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

class Vi {
  private readonly keys = new KeyQueue(true)
  private readonly screen: Screen
  private readonly encoder = new TextEncoder()
  private cols: number
  private rows: number
  private idle = false

  private buffer = new TextBuffer([''])
  private row = 0
  private x = 0
  /** The display column j and k aim for; Infinity after `$` (vim's curswant). */
  private curswant = 0
  private top = 0
  private insertMode = false

  private filename = ''
  private filePath: string | undefined
  private dos = false
  /** vim's ML_EMPTY: the buffer has no lines at all (shown as one empty line). */
  private empty = true

  private message: { readonly text: string; readonly style: Style } | null = null
  private pending: Key[] = []
  private cmdline: {
    readonly prefix: string
    readonly text: readonly string[]
    readonly cursor: number
  } | null = null

  private register: Register | null = null
  private history: UndoHistory
  private lastSearch: { pattern: string; forward: boolean } | null = null
  private number = false
  private ignoreCase = false

  constructor(
    private readonly tty: Tty,
    private readonly files: EditorFiles,
    private readonly cwd: string,
    private readonly now: () => number,
  ) {
    this.screen = new Screen(tty)
    this.cols = Math.max(1, tty.cols)
    this.rows = Math.max(1, tty.rows)
    this.history = new UndoHistory(now)
  }

  private get modified(): boolean {
    return this.history.modified
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
          const exit = this.insertMode ? this.insertKey(key) : await this.normalKey(key)
          if (exit !== null) return exit
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
    this.buffer = new TextBuffer([''])
    this.empty = true
    this.dos = false
    this.row = 0
    this.x = 0
    this.top = 0
    this.history = new UndoHistory(this.now)
    this.filename = path === undefined ? '' : displayName
    this.filePath = path
    if (path === undefined) return
    const name = `"${displayName}"`
    if (await this.isDirectory(path)) {
      this.say(`${name} is a directory`)
      return
    }
    let content: string
    try {
      content = await this.files.readFile(path)
    } catch (error) {
      const code = errnoCode(error)
      if (code === 'ENOENT') {
        const dirMissing = !(await this.files.exists(dirname(path)))
        this.say(`${name} ${dirMissing ? '[New DIRECTORY]' : '[New]'}`)
      } else if (code === 'EACCES') {
        this.say(`${name} [Permission Denied]`)
      } else {
        this.error(`${name} E484: Can't open file`)
      }
      return
    }
    const bytes = this.encoder.encode(content).length
    const noeol = content !== '' && !content.endsWith('\n')
    let lines = content.split('\n')
    if (!noeol) lines.pop()
    this.dos = lines.length > 0 && lines.every((line) => line.endsWith('\r'))
    if (this.dos) lines = lines.map((line) => line.slice(0, -1))
    this.empty = lines.length === 0
    this.buffer = new TextBuffer(lines)
    const flags = (noeol ? '[noeol]' : '') + (this.dos ? '[dos]' : '')
    this.say(`${name} ${flags}${flags === '' ? '' : ' '}${lines.length}L, ${bytes}B`)
  }

  private async isDirectory(path: string): Promise<boolean> {
    try {
      return (await this.files.stat(path)).isDirectory
    } catch {
      return false
    }
  }

  /** The buffer as vim writes it: every line ends in a newline ('fixeol'). */
  private content(): string {
    if (this.empty) return ''
    const eol = this.dos ? '\r\n' : '\n'
    return this.buffer.allLines().join(eol) + eol
  }

  /** :w [name]. Returns whether the file was written. */
  private async write(arg: string, force: boolean): Promise<boolean> {
    if (arg === '' && (this.filename === '' || this.filePath === undefined)) {
      this.error('E32: No file name')
      return false
    }
    const name = arg === '' ? this.filename : arg
    const path =
      arg === '' && this.filePath !== undefined ? this.filePath : resolvePath(this.cwd, name)
    const exists = await this.files.exists(path)
    if (path !== this.filePath && exists && !force) {
      this.error('E13: File exists (add ! to override)')
      return false
    }
    if (await this.isDirectory(path)) {
      this.error(`E502: "${name}" is a directory`)
      return false
    }
    const content = this.content()
    try {
      await this.files.writeFile(path, content)
    } catch (error) {
      const code = errnoCode(error)
      if (code === 'ENOSPC') this.error(`"${name}" E514: Write error (file system full?)`)
      else if (code === 'EISDIR') this.error(`E502: "${name}" is a directory`)
      else this.error(`"${name}" E212: Can't open file for writing`)
      return false
    }
    if (this.filename === '') {
      this.filename = name
      this.filePath = path
    }
    if (path === this.filePath) this.history.markSaved()
    const lines = this.empty ? 0 : this.buffer.lineCount
    const bytes = this.encoder.encode(content).length
    const flags = (exists ? '' : '[New]') + (this.dos ? '[dos]' : '')
    this.say(`"${name}" ${flags}${flags === '' ? '' : ' '}${lines}L, ${bytes}B written`)
    return true
  }

  // ---- command line ----------------------------------------------------------------------

  /** Reads a `:`, `/` or `?` line at the bottom. Null when abandoned (Esc, ^C, Backspace). */
  private async readCommandLine(prefix: string): Promise<string | null> {
    const text: string[] = []
    let cursor = 0
    try {
      for (;;) {
        this.cmdline = { prefix, text: [...text], cursor }
        const key = await this.readKey()
        if (key === null || isNamed(key, 'escape') || isCtrl(key, 'c')) return null
        if (isNamed(key, 'enter') || isCtrl(key, 'j')) return text.join('')
        if (key.kind === 'char') text.splice(cursor++, 0, key.char)
        else if (isNamed(key, 'backspace') || isCtrl(key, 'h')) {
          if (text.length === 0) return null
          if (cursor > 0) text.splice(--cursor, 1)
        } else if (isNamed(key, 'delete')) text.splice(cursor, 1)
        else if (isNamed(key, 'left')) cursor = Math.max(0, cursor - 1)
        else if (isNamed(key, 'right')) cursor = Math.min(text.length, cursor + 1)
        else if (isNamed(key, 'home') || isCtrl(key, 'b')) cursor = 0
        else if (isNamed(key, 'end') || isCtrl(key, 'e')) cursor = text.length
        else if (isCtrl(key, 'u')) {
          text.splice(0, cursor)
          cursor = 0
        } else if (isCtrl(key, 'w')) {
          let start = cursor
          while (start > 0 && text[start - 1] === ' ') start--
          while (start > 0 && text[start - 1] !== ' ') start--
          text.splice(start, cursor - start)
          cursor = start
        }
      }
    } finally {
      this.cmdline = null
    }
  }

  /** Runs an ex command. Returns an exit status when vim should end, else null. */
  private async exCommand(line: string): Promise<number | null> {
    const command = line.replace(/^[\s:]+/, '').trimEnd()
    if (command === '') return null
    if (/^\d+$/.test(command) || command === '$') {
      const target = command === '$' ? this.buffer.lineCount : Number(command)
      this.jumpToLine(Math.max(1, Math.min(this.buffer.lineCount, target)) - 1)
      return null
    }
    const substitution = /^(%|[.$\d]*(?:,[.$\d]+)?)s(?:ubstitute)?([/#|!,;:@])(.*)$/.exec(command)
    if (substitution !== null) {
      const [, range = '', delimiter = '/', rest = ''] = substitution
      this.substitute(command, range, delimiter, rest)
      return null
    }
    const match = /^([A-Za-z]+)(!?)\s*(.*)$/.exec(command)
    if (match === null) {
      this.error(`E492: Not an editor command: ${command}`)
      return null
    }
    const [, name = '', bang, arg = ''] = match
    const force = bang === '!'
    switch (name) {
      case 'w':
      case 'write':
        await this.write(arg, force)
        return null
      case 'wq':
      case 'wqa':
      case 'wqall':
        return (await this.write(arg, force)) ? 0 : null
      case 'x':
      case 'xi':
      case 'xit':
      case 'exi':
      case 'exit':
      case 'xa':
      case 'xall':
        if (!this.modified && arg === '') return 0
        return (await this.write(arg, force)) ? 0 : null
      case 'q':
      case 'quit':
      case 'clo':
      case 'close':
        if (this.modified && !force) {
          this.error('E37: No write since last change (add ! to override)')
          return null
        }
        return 0
      case 'qa':
      case 'qall':
      case 'quita':
      case 'quitall':
        if (this.modified && !force) {
          this.error(
            `E162: No write since last change for buffer "${this.filename || '[No Name]'}"`,
          )
          return null
        }
        return 0
      case 'cq':
      case 'cquit':
        return 1
      case 'wa':
      case 'wall':
        if (this.modified) await this.write('', force)
        return null
      case 'e':
      case 'edit':
        await this.edit(arg, force)
        return null
      case 'se':
      case 'set':
        this.setOptions(arg)
        return null
      case 'h':
      case 'help':
        this.error('E149: Sorry, help is not available in this sandbox')
        return null
      case 'noh':
      case 'nohlsearch':
      case 'sy':
      case 'syntax':
      case 'filetype':
        return null
      default:
        this.error(`E492: Not an editor command: ${command}`)
        return null
    }
  }

  /** Line numbers (0-based, inclusive) for an ex range: '', '%', 'N', 'N,M', '.', '$'. */
  private lineRange(range: string): [number, number] | null {
    const last = this.buffer.lineCount - 1
    if (range === '') return [this.row, this.row]
    if (range === '%') return [0, last]
    const address = (text: string): number =>
      text === '.' || text === '' ? this.row : text === '$' ? last : Number(text) - 1
    const [from = '', to = from] = range.split(',')
    const first = address(from)
    const end = address(to)
    if (!(first >= 0 && end <= last && first <= end)) return null
    return [first, end]
  }

  /** :[range]s/pattern/replacement/[g][i][I], with vim's & and \1 in the replacement. */
  private substitute(command: string, range: string, delimiter: string, rest: string): void {
    const parts: string[] = ['']
    for (let i = 0; i < rest.length; i++) {
      const char = rest.charAt(i)
      if (char === '\\' && rest.charAt(i + 1) === delimiter && parts.length < 3) {
        parts[parts.length - 1] += delimiter
        i++
      } else if (char === delimiter && parts.length < 3) parts.push('')
      else parts[parts.length - 1] += char
    }
    const [given = '', replacement = '', flags = ''] = parts
    const lines = this.lineRange(range)
    if (lines === null) {
      this.error('E16: Invalid range')
      return
    }
    const pattern = given === '' ? (this.lastSearch?.pattern ?? '') : given
    if (pattern === '') {
      this.error('E35: No previous regular expression')
      return
    }
    this.lastSearch = { pattern, forward: true }
    const ignoreCase = flags.includes('i') || (this.ignoreCase && !flags.includes('I'))
    const regex = compileVimPattern(pattern, ignoreCase)
    const global = flags.includes('g')
    let substitutions = 0
    let changedLines = 0
    let lastRow = -1
    const result: string[] = []
    this.buffer.allLines().forEach((text, row) => {
      let count = 0
      const replaced =
        row < lines[0] || row > lines[1]
          ? text
          : text.replace(regex, (...args: unknown[]) => {
              if (!global && count > 0) return String(args[0])
              count++
              return expandReplacement(replacement, args)
            })
      if (count > 0) {
        substitutions += count
        changedLines++
      }
      // A \r in the replacement breaks the line, as in vim.
      result.push(...replaced.split(LINE_BREAK))
      if (count > 0) lastRow = result.length - 1
    })
    if (substitutions === 0) {
      this.error(`E486: Pattern not found: ${pattern}`)
      return
    }
    this.beginChange()
    this.buffer.restore(result)
    this.empty = false
    this.commitChange()
    this.setCursor({ row: lastRow, x: firstNonBlank(this.buffer, lastRow) })
    if (substitutions > REPORT) {
      this.say(`${plural(substitutions, 'substitution')} on ${plural(changedLines, 'line')}`)
    } else {
      this.say(':' + command)
    }
  }

  private async edit(arg: string, force: boolean): Promise<void> {
    if (this.modified && !force) {
      this.error('E37: No write since last change (add ! to override)')
      return
    }
    if (arg === '') {
      if (this.filePath === undefined) {
        this.error('E32: No file name')
        return
      }
      await this.open(this.filePath, this.filename)
    } else {
      await this.open(resolvePath(this.cwd, arg), arg)
    }
  }

  private setOptions(arg: string): void {
    for (const option of arg.split(/\s+/).filter((o) => o !== '')) {
      const name = option.replace(/[!&?]$|[:=].*$/, '')
      const off = name.startsWith('no')
      const base = off ? name.slice(2) : name
      if (base === 'number' || base === 'nu') this.number = !off
      else if (base === 'ignorecase' || base === 'ic') this.ignoreCase = !off
      else if (!IGNORED_OPTIONS.has(base) && !IGNORED_OPTIONS.has(name)) {
        this.error(`E518: Unknown option: ${option}`)
        return
      }
    }
  }

  // ---- normal mode -----------------------------------------------------------------------

  private async normalKey(key: Key): Promise<number | null> {
    if (isNamed(key, 'escape') && this.pending.length === 0) return null
    this.pending.push(key)
    const parsed = parseNormal(this.pending)
    if (parsed.kind === 'incomplete') return null
    this.pending = []
    if (parsed.kind === 'invalid') return null
    if (parsed.kind === 'move') {
      const target = this.motionTarget(parsed.motion, parsed.count, parsed.counted, null)
      if (target !== null) this.moveCursor(target.at, parsed.motion)
      return null
    }
    if (parsed.kind === 'command' && !EDITING_COMMANDS.has(parsed.name)) {
      return this.command(parsed.name, parsed.count, parsed.counted, parsed.char)
    }
    this.beginChange()
    try {
      if (parsed.kind === 'operator')
        this.operator(parsed.op, parsed.count, parsed.counted, parsed.motion)
      else await this.command(parsed.name, parsed.count, parsed.counted, parsed.char)
    } finally {
      if (!this.insertMode) this.commitChange()
    }
    return null
  }

  private moveCursor(at: Position, motion: Motion): void {
    this.row = at.row
    this.x = at.x
    this.clampCursor()
    if (motion.name === '$') this.curswant = Infinity
    else if (motion.name !== 'j' && motion.name !== 'k') this.curswant = this.cursorColumn()
  }

  /** Where a motion leads from the cursor, or null if it cannot move (vim beeps). */
  private motionTarget(
    motion: Motion,
    count: number,
    counted: boolean,
    op: string | null,
  ): Target | null {
    const here: Position = { row: this.row, x: this.x }
    const last = this.buffer.lineCount - 1
    const length = this.buffer.length(this.row)
    const charwise = (at: Position, inclusive = false): Target => ({
      at,
      linewise: false,
      inclusive,
    })
    const linewise = (row: number, x?: number): Target => ({
      at: { row, x: x ?? firstNonBlank(this.buffer, row) },
      linewise: true,
      inclusive: false,
    })
    switch (motion.name) {
      case 'h':
        return this.x === 0 ? null : charwise({ row: this.row, x: Math.max(0, this.x - count) })
      case 'l': {
        const max = op === null ? Math.max(0, length - 1) : length
        if (this.x >= max) return null
        return charwise({ row: this.row, x: Math.min(max, this.x + count) })
      }
      case 'j':
      case 'k': {
        const row =
          motion.name === 'j' ? Math.min(last, this.row + count) : Math.max(0, this.row - count)
        if (row === this.row) return null
        const x = indexAtColumn(this.buffer.clusters(row), this.curswant, TAB_SIZE)
        return linewise(row, x)
      }
      case '+':
      case '-': {
        const row = motion.name === '+' ? this.row + count : this.row - count
        if (row < 0 || row > last) return null
        return linewise(row)
      }
      case '_':
        return linewise(Math.min(last, this.row + count - 1))
      case 'G':
        return linewise(counted ? Math.min(last, count - 1) : last)
      case 'gg':
        return linewise(counted ? Math.min(last, count - 1) : 0)
      case '0':
        return charwise({ row: this.row, x: 0 })
      case '^':
        return charwise({ row: this.row, x: firstNonBlank(this.buffer, this.row) })
      case '$': {
        const row = Math.min(last, this.row + count - 1)
        return charwise({ row, x: Math.max(0, this.buffer.length(row) - 1) }, true)
      }
      case 'w':
      case 'W': {
        const big = motion.name === 'W'
        // "cw" on a word changes to its end, like "ce" (`:help cw`).
        const onWord = charClass(this.buffer.clusters(this.row)[this.x], big) !== 0
        let at = here
        if (op === 'c' && onWord) {
          for (let n = 0; n < count; n++) at = wordEnd(this.buffer, at, big, n === 0)
          return charwise(at, true)
        }
        for (let n = 1; n <= count; n++)
          at = wordForward(this.buffer, at, big, op !== null && n === count)
        return comparePositions(at, here) === 0 ? null : charwise(at)
      }
      case 'b':
      case 'B': {
        let at = here
        for (let n = 0; n < count; n++) at = wordBackward(this.buffer, at, motion.name === 'B')
        return comparePositions(at, here) === 0 ? null : charwise(at)
      }
      case 'e':
      case 'E': {
        let at = here
        for (let n = 0; n < count; n++) at = wordEnd(this.buffer, at, motion.name === 'E', false)
        const clamped = {
          row: at.row,
          x: Math.min(at.x, Math.max(0, this.buffer.length(at.row) - 1)),
        }
        return comparePositions(clamped, here) === 0 ? null : charwise(clamped, true)
      }
      case 'f':
      case 't':
      case 'F':
      case 'T': {
        const forward = motion.name === 'f' || motion.name === 't'
        const till = motion.name === 't' || motion.name === 'T'
        const at = findInLine(this.buffer, here, motion.char ?? '', forward, till, count)
        return at === null ? null : charwise(at, forward)
      }
      default:
        return null
    }
  }

  private operator(op: string, count: number, counted: boolean, motion: Motion | null): void {
    if (motion === null) {
      // dd, yy, cc: whole lines.
      const last = Math.min(this.buffer.lineCount - 1, this.row + count - 1)
      this.applyLinewise(op, this.row, last)
      return
    }
    const target = this.motionTarget(motion, count, counted, op)
    if (target === null) return
    if (target.linewise) {
      this.applyLinewise(op, Math.min(this.row, target.at.row), Math.max(this.row, target.at.row))
      return
    }
    const here: Position = { row: this.row, x: this.x }
    let from = comparePositions(here, target.at) <= 0 ? here : target.at
    let to = comparePositions(here, target.at) <= 0 ? target.at : here
    if (target.inclusive) to = { row: to.row, x: Math.min(this.buffer.length(to.row), to.x + 1) }
    else if (to.x === 0 && to.row > from.row) {
      // An exclusive motion ending in column 1 stops at the end of the line before (`:help exclusive`).
      if (from.x <= firstNonBlank(this.buffer, from.row) && op !== 'c') {
        this.applyLinewise(op, from.row, to.row - 1)
        return
      }
      to = { row: to.row - 1, x: this.buffer.length(to.row - 1) }
    }
    if (comparePositions(from, to) >= 0 && op !== 'c') return
    from = { row: from.row, x: Math.min(from.x, this.buffer.length(from.row)) }
    const text = this.buffer.slice(from, to)
    this.register = { text, linewise: false }
    if (op === 'y') {
      this.setCursor(from)
      return
    }
    this.buffer.delete(from, to)
    this.empty = false
    this.setCursor(from)
    if (op === 'c') this.enterInsert(from)
  }

  private applyLinewise(op: string, first: number, last: number): void {
    const count = last - first + 1
    const lines = this.buffer.allLines().slice(first, last + 1)
    this.register = { text: lines.join('\n'), linewise: true }
    if (op === 'y') {
      this.setCursor({
        row: first,
        x: this.row === first ? this.x : firstNonBlank(this.buffer, first),
      })
      if (count > REPORT) this.say(`${count} lines yanked`)
      return
    }
    if (op === 'c') {
      if (count >= this.buffer.lineCount) this.buffer.restore([''])
      else {
        this.buffer.removeLines(first, count)
        this.buffer.insertLines(first, [''])
      }
      this.empty = false
      this.enterInsert({ row: first, x: 0 })
      return
    }
    const wholeBuffer = count >= this.buffer.lineCount
    this.buffer.removeLines(first, count)
    if (wholeBuffer) {
      this.empty = true
      this.say('--No lines in buffer--')
    } else if (count > REPORT) {
      this.say(`${count} fewer lines`)
    }
    const row = Math.min(first, this.buffer.lineCount - 1)
    this.setCursor({ row, x: firstNonBlank(this.buffer, row) })
  }

  private async command(
    name: string,
    count: number,
    counted: boolean,
    char: string | undefined,
  ): Promise<number | null> {
    switch (name) {
      case 'x':
      case 'X': {
        const length = this.buffer.length(this.row)
        if (length === 0 || (name === 'X' && this.x === 0)) return null
        const from = name === 'x' ? this.x : Math.max(0, this.x - count)
        const to = name === 'x' ? Math.min(length, this.x + count) : this.x
        const start = { row: this.row, x: from }
        this.register = {
          text: this.buffer.slice(start, { row: this.row, x: to }),
          linewise: false,
        }
        this.buffer.delete(start, { row: this.row, x: to })
        this.empty = false
        this.setCursor(start)
        return null
      }
      case 'D':
        this.operator('d', count, counted, { name: '$' })
        return null
      case 'C':
        this.operator('c', count, counted, { name: '$' })
        if (!this.insertMode) this.enterInsert({ row: this.row, x: this.buffer.length(this.row) })
        return null
      case 's':
        if (this.buffer.length(this.row) > 0) this.operator('c', count, counted, { name: 'l' })
        if (!this.insertMode) this.enterInsert({ row: this.row, x: this.x })
        return null
      case 'S':
        this.operator('c', count, counted, null)
        return null
      case 'Y':
        this.operator('y', count, counted, null)
        return null
      case 'p':
      case 'P':
        this.put(name === 'p', count)
        return null
      case 'J':
        this.join(Math.max(2, count))
        return null
      case 'r':
        this.replaceChars(char ?? '', count)
        return null
      case '~':
        this.toggleCase(count)
        return null
      case 'i':
        this.enterInsert({ row: this.row, x: this.x })
        return null
      case 'a':
        this.enterInsert({ row: this.row, x: Math.min(this.buffer.length(this.row), this.x + 1) })
        return null
      case 'A':
        this.enterInsert({ row: this.row, x: this.buffer.length(this.row) })
        return null
      case 'I':
        this.enterInsert({
          row: this.row,
          x: this.buffer.length(this.row) === 0 ? 0 : firstNonBlank(this.buffer, this.row),
        })
        return null
      case 'o':
      case 'O': {
        const row = name === 'o' ? this.row + 1 : this.row
        this.buffer.insertLines(row, [''])
        this.empty = false
        this.enterInsert({ row, x: 0 })
        return null
      }
      case 'u':
      case 'redo':
        this.undo(name === 'redo')
        return null
      case ':': {
        this.message = null
        const line = await this.readCommandLine(':')
        if (line === null) return null
        const exit = await this.exCommand(line)
        // vim leaves a command that printed nothing on the command line.
        if (exit === null && this.message === null) this.say(':' + line)
        return exit
      }
      case '/':
      case '?': {
        this.message = null
        const line = await this.readCommandLine(name)
        if (line !== null) this.search(line, name === '/', count)
        return null
      }
      case 'n':
      case 'N':
        if (this.lastSearch === null) this.error('E35: No previous regular expression')
        else {
          const forward = name === 'n' ? this.lastSearch.forward : !this.lastSearch.forward
          this.runSearch(this.lastSearch.pattern, forward, count, forward ? '/' : '?')
        }
        return null
      case 'ZZ':
        return this.exCommand('x')
      case 'ZQ':
        return this.exCommand('q!')
      case 'fileinfo':
        this.fileInfo()
        return null
      case 'interrupt':
        this.say(
          this.modified
            ? 'Type  :qa!  and press <Enter> to abandon all changes and exit Vim'
            : 'Type  :qa  and press <Enter> to exit Vim',
        )
        return null
      case 'redraw':
        this.screen.invalidate()
        return null
      case 'pagedown':
      case 'pageup':
      case 'halfdown':
      case 'halfup':
        this.scrollPage(name, count)
        return null
      default:
        return null
    }
  }

  private put(after: boolean, count: number): void {
    const register = this.register
    if (register === null) {
      this.error('E353: Nothing in register "')
      return
    }
    if (register.linewise) {
      const lines = register.text.split('\n')
      const all: string[] = []
      for (let n = 0; n < count; n++) all.push(...lines)
      const row = after ? this.row + 1 : this.row
      this.buffer.insertLines(row, all)
      this.empty = false
      this.setCursor({ row, x: firstNonBlank(this.buffer, row) })
      if (all.length > REPORT) this.say(`${all.length} more lines`)
      return
    }
    const text = register.text.repeat(count)
    const length = this.buffer.length(this.row)
    const at = { row: this.row, x: after && length > 0 ? Math.min(length, this.x + 1) : this.x }
    const end = this.buffer.insert(at, text)
    this.empty = false
    if (text.includes('\n')) this.setCursor(at)
    else this.setCursor({ row: end.row, x: Math.max(0, end.x - 1) })
  }

  /** J: joins lines with one space, dropping the next line's indent (`:help J`). */
  private join(count: number): void {
    const last = Math.min(this.buffer.lineCount - 1, this.row + count - 1)
    if (last === this.row) return
    let line = this.buffer.line(this.row)
    let x = 0
    for (let r = this.row + 1; r <= last; r++) {
      const next = this.buffer.line(r).replace(/^[ \t]+/, '')
      const noSpace = line === '' || next === '' || next.startsWith(')') || /[ \t]$/.test(line)
      x = splitClusters(line).length
      line = line + (noSpace ? '' : ' ') + next
    }
    this.buffer.setLine(this.row, line)
    this.buffer.removeLines(this.row + 1, last - this.row)
    this.setCursor({ row: this.row, x })
  }

  private replaceChars(char: string, count: number): void {
    const clusters = this.buffer.clusters(this.row)
    if (char === '' || this.x + count > clusters.length) return
    if (char === '\r' || char === '\n') {
      this.buffer.delete({ row: this.row, x: this.x }, { row: this.row, x: this.x + count })
      this.buffer.insert({ row: this.row, x: this.x }, '\n')
      this.setCursor({ row: this.row + 1, x: 0 })
      return
    }
    clusters.splice(this.x, count, ...Array.from({ length: count }, () => char))
    this.buffer.setLine(this.row, clusters.join(''))
    this.setCursor({ row: this.row, x: this.x + count - 1 })
  }

  private toggleCase(count: number): void {
    const clusters = this.buffer.clusters(this.row)
    if (clusters.length === 0) return
    const end = Math.min(clusters.length, this.x + count)
    for (let i = this.x; i < end; i++) {
      const c = clusters[i] ?? ''
      clusters[i] = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()
    }
    this.buffer.setLine(this.row, clusters.join(''))
    this.setCursor({ row: this.row, x: end })
  }

  private scrollPage(kind: string, count: number): void {
    const text = this.textRows
    const half = Math.max(1, Math.floor(text / 2))
    const last = this.buffer.lineCount - 1
    let delta: number
    if (kind === 'pagedown') delta = Math.max(1, text - 2) * count
    else if (kind === 'pageup') delta = -Math.max(1, text - 2) * count
    else if (kind === 'halfdown') delta = half
    else delta = -half
    const row = Math.max(0, Math.min(last, this.row + delta))
    this.top = Math.max(0, Math.min(last, this.top + delta))
    this.setCursor({ row, x: firstNonBlank(this.buffer, row) })
  }

  private fileInfo(): void {
    const name = `"${this.filename || '[No Name]'}"`
    const flags = this.modified ? ' [Modified]' : ''
    if (this.empty) {
      this.say(`${name}${flags} --No lines in buffer--`)
      return
    }
    const count = this.buffer.lineCount
    const percent = Math.floor(((this.row + 1) * 100) / count)
    this.say(`${name}${flags} ${plural(count, 'line')} --${percent}%--`)
  }

  private jumpToLine(row: number): void {
    this.setCursor({ row, x: firstNonBlank(this.buffer, row) })
  }

  // ---- searching -------------------------------------------------------------------------

  private search(pattern: string, forward: boolean, count: number): void {
    const prefix = forward ? '/' : '?'
    if (pattern === '') {
      if (this.lastSearch === null) {
        this.error('E35: No previous regular expression')
        return
      }
      this.lastSearch = { pattern: this.lastSearch.pattern, forward }
    } else {
      this.lastSearch = { pattern, forward }
    }
    this.runSearch(this.lastSearch.pattern, forward, count, prefix)
  }

  private runSearch(pattern: string, forward: boolean, count: number, prefix: string): void {
    const regex = compileVimPattern(pattern, this.ignoreCase)
    let at: Position = { row: this.row, x: this.x }
    let wrapped = false
    for (let n = 0; n < count; n++) {
      const hit = searchBuffer(this.buffer, at, regex, forward)
      if (hit === null) {
        this.error(`E486: Pattern not found: ${pattern}`)
        return
      }
      wrapped ||= hit.wrapped
      at = hit.at
    }
    this.setCursor(at)
    if (wrapped) {
      this.message = {
        text: forward
          ? 'search hit BOTTOM, continuing at TOP'
          : 'search hit TOP, continuing at BOTTOM',
        style: Styles.warning,
      }
    } else {
      this.say(prefix + pattern)
    }
  }

  // ---- insert mode -----------------------------------------------------------------------

  private enterInsert(at: Position): void {
    this.insertMode = true
    this.row = at.row
    this.x = at.x
    this.curswant = this.cursorColumn()
    this.message = null
  }

  private insertKey(key: Key): number | null {
    if (isNamed(key, 'escape') || isCtrl(key, 'c')) {
      this.insertMode = false
      this.x = Math.max(0, this.x - 1)
      this.clampCursor()
      this.curswant = this.cursorColumn()
      this.commitChange()
      return null
    }
    this.beginChange()
    const here: Position = { row: this.row, x: this.x }
    if (key.kind === 'char') this.insertText(key.char)
    else if (isNamed(key, 'enter') || isCtrl(key, 'j')) this.insertText('\n')
    else if (isNamed(key, 'tab')) this.insertText('\t')
    else if (isNamed(key, 'backspace') || isCtrl(key, 'h')) {
      if (this.x > 0) this.deleteRange({ row: this.row, x: this.x - 1 }, here)
      else if (this.row > 0) {
        this.deleteRange({ row: this.row - 1, x: this.buffer.length(this.row - 1) }, here)
      }
    } else if (isNamed(key, 'delete')) {
      if (this.x < this.buffer.length(this.row))
        this.deleteRange(here, { row: this.row, x: this.x + 1 })
      else if (this.row < this.buffer.lineCount - 1)
        this.deleteRange(here, { row: this.row + 1, x: 0 })
    } else if (isCtrl(key, 'w')) {
      const start = wordBackward(this.buffer, here, false)
      if (comparePositions(start, here) < 0) this.deleteRange(start, here)
    } else if (isCtrl(key, 'u')) {
      if (this.x > 0) this.deleteRange({ row: this.row, x: 0 }, here)
    } else if (isNamed(key, 'left')) this.setInsertCursor(this.row, this.x - 1)
    else if (isNamed(key, 'right')) this.setInsertCursor(this.row, this.x + 1)
    else if (isNamed(key, 'home')) this.setInsertCursor(this.row, 0)
    else if (isNamed(key, 'end')) this.setInsertCursor(this.row, this.buffer.length(this.row))
    else if (isNamed(key, 'up') || isNamed(key, 'down')) {
      const row = this.row + (isNamed(key, 'up') ? -1 : 1)
      if (row >= 0 && row < this.buffer.lineCount) {
        this.row = row
        this.x = indexAtColumn(this.buffer.clusters(row), this.curswant, TAB_SIZE)
      }
    }
    return null
  }

  private setInsertCursor(row: number, x: number): void {
    this.row = row
    this.x = Math.max(0, Math.min(this.buffer.length(row), x))
    this.curswant = this.cursorColumn()
  }

  private insertText(text: string): void {
    const end = this.buffer.insert({ row: this.row, x: this.x }, text)
    this.empty = false
    this.setInsertCursor(end.row, end.x)
  }

  private deleteRange(from: Position, to: Position): void {
    this.buffer.delete(from, to)
    this.empty = false
    this.setInsertCursor(from.row, from.x)
  }

  // ---- undo ------------------------------------------------------------------------------

  private get state(): TextState {
    return { lines: this.buffer.snapshot(), empty: this.empty }
  }

  private beginChange(): void {
    this.history.begin(this.state, { row: this.row, x: this.x })
  }

  private commitChange(): void {
    this.history.commit(this.state)
  }

  private undo(redo: boolean): void {
    const result = redo ? this.history.redo(this.state) : this.history.undo(this.state)
    if (result.restore !== null) {
      this.buffer.restore(result.restore.state.lines)
      this.empty = result.restore.state.empty
      this.setCursor(this.clampPosition(result.restore.cursor))
    }
    this.say(result.message)
  }

  // ---- cursor ----------------------------------------------------------------------------

  private cursorColumn(): number {
    return columnOf(this.buffer.clusters(this.row), this.x, TAB_SIZE)
  }

  private clampPosition(at: Position): Position {
    const row = Math.max(0, Math.min(this.buffer.lineCount - 1, at.row))
    return { row, x: Math.max(0, Math.min(at.x, this.buffer.length(row) - 1)) }
  }

  /** In normal mode the cursor sits on a character, never past the end of the line. */
  private clampCursor(): void {
    const at = this.clampPosition({ row: this.row, x: this.x })
    this.row = at.row
    this.x = at.x
  }

  private setCursor(at: Position): void {
    this.row = at.row
    this.x = at.x
    if (!this.insertMode) this.clampCursor()
    this.curswant = this.cursorColumn()
  }

  private say(text: string): void {
    this.message = { text, style: Styles.normal }
  }

  private error(text: string): void {
    this.message = { text, style: Styles.error }
  }

  // ---- drawing ---------------------------------------------------------------------------

  private get textRows(): number {
    return Math.max(1, this.rows - 1)
  }

  private draw(): void {
    const { frame, top } = drawVi(
      {
        buffer: this.buffer,
        row: this.row,
        x: this.x,
        top: this.top,
        insertMode: this.insertMode,
        number: this.number,
        empty: this.empty,
        message: this.message,
        cmdline: this.cmdline,
        showcmd: this.pending.map(keyLabel).join(''),
      },
      this.cols,
      this.rows,
    )
    this.top = top
    this.screen.present(frame)
  }
}
