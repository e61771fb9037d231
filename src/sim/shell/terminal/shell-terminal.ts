import type { RunResult, Session } from '../session'
import { toTerminalNewlines, type PseudoTerminal, type Tty } from '../pty'
import { applyCompletion, findCompletions, listingRows, type Candidate } from './completion'
import { continuationOf, continueWith, type Continuation } from './continuation'
import { HistorySearch } from './history-search'
import { decodeKey, type Key } from './key-decoder'
import { LineEditor } from './line-editor'
import { LineView } from './line-view'
import { OutputColumn } from './output-column'
import {
  continuationPrompt,
  primaryPrompt,
  searchPrompt,
  type Prompt,
  type PromptContext,
} from './prompt'

export interface ShellTerminalOptions {
  cols?: number
  rows?: number
  /** Printed by start() before the first prompt (\n line endings are fine). */
  banner?: string
}

/** The interactive shell as a pseudo-terminal, plus what hosts and tests need to pace it. */
export interface ShellTerminal extends PseudoTerminal {
  readonly cols: number
  readonly rows: number
  /** Resolves when nothing is running and all input so far has been handled. */
  whenIdle(): Promise<void>
}

/** Readline asks before listing this many completions (rl_completion_query_items). */
const QUERY_ITEMS = 100
const BELL = '\x07'
/** What the interpreter prints when its run is aborted: bash shows only the ^C. */

type Mode =
  | { kind: 'new' }
  | { kind: 'edit' }
  | { kind: 'search'; search: HistorySearch; original: { text: string; cursor: number } }
  | { kind: 'confirm'; candidates: readonly Candidate[] }
  | { kind: 'more'; rows: readonly string[]; next: number }
  /** Waiting for the session: a command, a completion, setting $?. Input queues up. */
  | { kind: 'busy' }
  | { kind: 'ended' }

interface RunningCommand {
  readonly controller: AbortController
  readonly inputListeners: Set<(data: string) => void>
  readonly resizeListeners: Set<(cols: number, rows: number) => void>
  interrupted: boolean
  finished: boolean
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function lastWord(line: string): string {
  const words = line.trim().split(/\s+/)
  return words[words.length - 1] ?? ''
}

/**
 * Bash at a terminal: a readline-style line editor over a Quai session. Keys come in through
 * input(); the prompt, the echo of the line and command output go out through onOutput, with
 * \r\n line endings as a terminal in raw mode needs.
 */
class InteractiveShell implements ShellTerminal {
  private colsValue: number
  private rowsValue: number
  private readonly outputListeners = new Set<(data: string) => void>()
  private readonly exitListeners = new Set<(code: number) => void>()
  private readonly editor = new LineEditor()
  private readonly view: LineView
  private readonly column: OutputColumn
  private mode: Mode = { kind: 'new' }
  /** Input not handled yet (type-ahead), and how far the key loop has read into it. */
  private pending = ''
  private pendingAt = 0
  private pumping = false
  private task: Promise<void> | undefined
  private running: RunningCommand | undefined
  /** The completion being computed; Ctrl-C forgets it, even if its completer never answers. */
  private completionTicket: { cancelled: boolean; task?: Promise<void> } | undefined
  private prompt: Prompt = { ansi: '', plain: '' }
  /** The text so far of a command that needs more lines, and how the next line joins it. */
  private continuation: { text: string; how: Continuation } | undefined
  /** Lines of a bracketed paste still to go, each entered as if typed and followed by Enter. */
  private pasted: { lines: readonly string[]; next: number } | undefined
  private historyIndex = 0
  private readonly historyEdits = new Map<number, string>()
  private lastSearchQuery = ''
  private lastCommand = ''
  private completionChanged = false
  private quotedInsert = false
  private yank: { start: number; back: number } | undefined

  constructor(
    private readonly session: Session,
    private readonly banner: string | undefined,
    cols: number,
    rows: number,
  ) {
    this.colsValue = cols
    this.rowsValue = rows
    this.view = new LineView(cols)
    this.column = new OutputColumn(cols)
  }

  get cols(): number {
    return this.colsValue
  }

  get rows(): number {
    return this.rowsValue
  }

  start(): void {
    if (this.mode.kind !== 'new') return
    this.guard(() => {
      if (this.banner !== undefined && this.banner !== '')
        this.writeOutput(toTerminalNewlines(this.banner))
      this.showPrompt()
      this.pump()
    })
  }

  input(data: string): void {
    if (typeof data !== 'string' || data === '') return
    this.guard(() => this.accept(data))
  }

  resize(cols: number, rows: number): void {
    const c = Math.max(1, Math.floor(Number.isFinite(cols) ? cols : this.colsValue))
    const r = Math.max(1, Math.floor(Number.isFinite(rows) ? rows : this.rowsValue))
    if (c === this.colsValue && r === this.rowsValue) return
    this.colsValue = c
    this.rowsValue = r
    this.column.resize(c)
    this.guard(() => this.emit(this.view.resize(c)))
    for (const listener of [...(this.running?.resizeListeners ?? [])]) {
      try {
        listener(c, r)
      } catch {
        // A program's resize handler failing must not take the shell down.
      }
    }
  }

  interrupt(): void {
    this.guard(() => {
      if (this.running !== undefined) this.interruptCommand()
      else this.accept('\x03')
    })
  }

  onOutput(listener: (data: string) => void): () => void {
    this.outputListeners.add(listener)
    return () => this.outputListeners.delete(listener)
  }

  onExit(listener: (code: number) => void): () => void {
    this.exitListeners.add(listener)
    return () => this.exitListeners.delete(listener)
  }

  dispose(): void {
    this.mode = { kind: 'ended' }
    this.running?.controller.abort()
    this.running = undefined
    this.pending = ''
    this.pendingAt = 0
    this.outputListeners.clear()
    this.exitListeners.clear()
  }

  async whenIdle(): Promise<void> {
    for (;;) {
      const task = this.task
      if (task === undefined) return
      await task
    }
  }

  // ── plumbing ──────────────────────────────────────────────────────────────────────────────

  private get ended(): boolean {
    return this.mode.kind === 'ended'
  }

  private emit(data: string): void {
    if (data === '') return
    for (const listener of [...this.outputListeners]) {
      try {
        listener(data)
      } catch {
        // The host's problem; the shell carries on.
      }
    }
  }

  /** Output that does not come from the line editor: the column it ends on is followed. */
  private writeOutput(data: string): void {
    this.column.feed(data)
    this.emit(data)
  }

  /** Runs `work`; whatever it throws becomes a printed error and a fresh prompt. */
  private guard(work: () => void): void {
    try {
      work()
    } catch (error) {
      this.recover(error)
    }
  }

  private recover(error: unknown): void {
    if (this.ended) return
    try {
      this.printInternalError(error)
      this.running = undefined
      this.continuation = undefined
      this.pending = ''
      this.pendingAt = 0
      this.pasted = undefined
      this.showPrompt()
    } catch {
      // Printing the error failed too: stay quiet rather than loop.
    }
  }

  private printInternalError(error: unknown): void {
    let out = ''
    if (this.view.isShown) {
      const left = this.view.leave()
      out = left.out + (left.onFreshRow ? '' : '\r\n')
    } else if (this.column.col !== 0) out = '\r\n'
    this.emit(`${out}bash: internal error: ${messageOf(error)}\r\n`)
    this.column.set(0)
  }

  /** Starts async work; input waits until it is done, then the key loop carries on. */
  private track(work: Promise<void>): Promise<void> {
    const done: Promise<void> = work
      .catch((error: unknown) => this.recover(error))
      .then(() => {
        if (this.task === done) this.task = undefined
        if (!this.ended && this.mode.kind !== 'busy') this.guard(() => this.pump())
      })
    this.task = done
    return done
  }

  private accept(data: string): void {
    if (this.ended) return
    if (this.running !== undefined) {
      this.inputWhileRunning(this.running, data)
      return
    }
    this.pending += data
    if (this.mode.kind === 'busy' && this.completionTicket !== undefined && data.includes('\x03')) {
      // Ctrl-C while a completer is still thinking: forget its answer.
      const ticket = this.completionTicket
      ticket.cancelled = true
      if (this.task === ticket.task) this.task = undefined
      this.completionTicket = undefined
      this.mode = { kind: 'edit' }
    }
    this.pump()
  }

  private interactive(): boolean {
    const kind = this.mode.kind
    return kind === 'edit' || kind === 'search' || kind === 'confirm' || kind === 'more'
  }

  /** The key loop: handles queued input until it runs out or the shell has to wait. */
  private pump(): void {
    if (this.pumping) return
    this.pumping = true
    try {
      while (this.mode.kind === 'edit' && this.pasted !== undefined) this.nextPastedLine()
      while (this.interactive() && this.pendingAt < this.pending.length) {
        const decoded = decodeKey(this.pending, this.pendingAt)
        if (decoded === 'incomplete') break
        this.pendingAt = decoded.end
        this.handleKey(decoded.key)
        while (this.mode.kind === 'edit' && this.pasted !== undefined) this.nextPastedLine()
      }
      this.pending = this.pending.slice(this.pendingAt)
      this.pendingAt = 0
      this.redisplay()
    } finally {
      this.pumping = false
    }
  }

  private promptContext(): PromptContext {
    return {
      cwd: this.session.cwd,
      env: this.session.env,
      historyNumber: this.session.history.length + 1,
      nowMs: this.session.clock.now(),
      ...(this.session.identity === undefined ? {} : { identity: this.session.identity }),
    }
  }

  /** Brings the screen up to date with the line (or the search) being edited. */
  private redisplay(): void {
    if (!this.view.isShown) return
    const mode = this.mode
    if (mode.kind === 'edit') {
      this.emit(this.view.update(this.prompt, this.editor.text, this.editor.cursor))
    } else if (mode.kind === 'search') {
      const { search } = mode
      const prompt = searchPrompt(search.query, search.failed)
      this.emit(this.view.update(prompt, search.line, search.match.position))
    }
  }

  /** Leaves the line on screen and moves below it; `mark` (like ^C) goes at its end. */
  private leaveLine(mark = ''): void {
    this.redisplay()
    const left = this.view.leave()
    this.emit(left.out + mark + (left.onFreshRow && mark === '' ? '' : '\r\n'))
    this.column.set(0)
  }

  private showPrompt(): void {
    const ctx = this.promptContext()
    this.prompt = this.continuation === undefined ? primaryPrompt(ctx) : continuationPrompt(ctx)
    this.editor.clear()
    this.historyIndex = this.session.history.length
    this.historyEdits.clear()
    this.lastCommand = ''
    this.quotedInsert = false
    this.mode = { kind: 'edit' }
    this.emit(this.view.draw(this.prompt, '', 0, this.column.col))
  }

  private finish(code: number): void {
    this.mode = { kind: 'ended' }
    this.pending = ''
    this.pendingAt = 0
    for (const listener of [...this.exitListeners]) {
      try {
        listener(code)
      } catch {
        // The shell is over either way.
      }
    }
  }

  // ── keys ──────────────────────────────────────────────────────────────────────────────────

  private handleKey(key: Key): void {
    switch (this.mode.kind) {
      case 'edit':
        return this.editKey(key)
      case 'search':
        return this.searchKey(this.mode.search, this.mode.original, key)
      case 'confirm':
        return this.confirmKey(this.mode.candidates, key)
      case 'more':
        return this.moreKey(this.mode.rows, this.mode.next, key)
    }
  }

  private editKey(key: Key): void {
    const previous = this.lastCommand
    this.lastCommand = ''
    if (this.quotedInsert) {
      this.quotedInsert = false
      this.editor.insert(key.type === 'key' ? key.raw : key.text)
      return
    }
    if (key.type === 'text') {
      this.editor.insert(key.text)
      return
    }
    if (key.type === 'paste') {
      this.paste(key.text)
      return
    }
    switch (key.name) {
      case 'enter':
        return this.acceptLine()
      case 'tab':
        return this.complete(previous === 'complete' && !this.completionChanged)
      case 'ctrl+c':
        return this.cancelLine()
      case 'ctrl+d':
        if (this.editor.text === '') return this.endOfInput()
        this.editor.handle('delete')
        return
      case 'ctrl+l':
        return this.clearScreen()
      case 'up':
      case 'ctrl+p':
        return this.moveInHistory(this.historyIndex - 1)
      case 'down':
      case 'ctrl+n':
        return this.moveInHistory(this.historyIndex + 1)
      case 'alt+<':
        return this.moveInHistory(0)
      case 'alt+>':
        return this.moveInHistory(this.session.history.length)
      case 'ctrl+r':
        return this.startSearch()
      case 'ctrl+v':
        this.quotedInsert = true
        return
      case 'alt+.':
      case 'alt+_':
        return this.yankLastArg(previous === 'yank-last-arg')
    }
    this.editor.handle(key.name)
  }

  /**
   * A bracketed paste: its text goes in as typed, without key bindings (a tab stays a tab),
   * and each newline enters the line so far, like bash running pasted lines one by one.
   */
  private paste(text: string): void {
    const lines = text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '').split(/\r\n|\r|\n/)
    this.pasted = { lines, next: 0 }
    this.nextPastedLine()
  }

  private nextPastedLine(): void {
    const pasted = this.pasted
    if (pasted === undefined) return
    const line = pasted.lines[pasted.next] ?? ''
    pasted.next++
    const last = pasted.next >= pasted.lines.length
    if (last) this.pasted = undefined
    this.editor.insert(line)
    if (!last) this.acceptLine()
  }

  private moveInHistory(target: number): void {
    const history = this.session.history
    if (target < 0 || target > history.length || target === this.historyIndex) {
      this.emit(BELL)
      return
    }
    this.historyEdits.set(this.historyIndex, this.editor.text)
    this.historyIndex = target
    this.editor.set(this.historyEdits.get(target) ?? history[target] ?? '')
  }

  /** Alt-. inserts the last word of the previous command; again, of the one before. */
  private yankLastArg(again: boolean): void {
    const history = this.session.history
    const back = again && this.yank !== undefined ? this.yank.back + 1 : 0
    const line = history[history.length - 1 - back]
    if (line === undefined) {
      this.emit(BELL)
      this.lastCommand = again ? 'yank-last-arg' : ''
      return
    }
    const start = again && this.yank !== undefined ? this.yank.start : this.editor.cursor
    this.editor.replaceBeforeCursor(start, lastWord(line))
    this.yank = { start, back }
    this.lastCommand = 'yank-last-arg'
  }

  private clearScreen(): void {
    this.view.forget()
    this.emit('\x1b[H\x1b[2J')
    this.column.set(0)
    this.emit(this.view.draw(this.prompt, this.editor.text, this.editor.cursor, 0))
  }

  private cancelLine(): void {
    this.leaveLine('^C')
    this.continuation = undefined
    this.showPrompt()
    this.setStatus(130)
  }

  /** Sets $? without a command line of its own (Ctrl-C at the prompt gives 130). */
  private setStatus(code: number): void {
    this.session.setLastExitCode(code)
  }

  private endOfInput(): void {
    const pending = this.continuation
    if (pending !== undefined) {
      // EOF inside a command: bash runs what it has and lets the parser complain.
      this.redisplay()
      const left = this.view.leave()
      this.emit(left.out)
      this.column.set(left.col)
      this.continuation = undefined
      this.execute(pending.text)
      return
    }
    this.leaveLine('exit')
    this.finish(this.session.lastExitCode)
  }

  private acceptLine(): void {
    const line = this.editor.text
    this.leaveLine()
    const before = this.continuation
    const { text, continuation } =
      before === undefined
        ? { text: line, continuation: continuationOf(line) }
        : continueWith(before.text, before.how, line)
    if (continuation !== undefined) {
      this.continuation = { text, how: continuation }
      this.showPrompt()
      return
    }
    this.continuation = undefined
    if (text.trim() === '') {
      this.showPrompt()
      return
    }
    this.execute(text)
  }

  // ── running commands ──────────────────────────────────────────────────────────────────────

  private execute(text: string): void {
    const command: RunningCommand = {
      controller: new AbortController(),
      inputListeners: new Set(),
      resizeListeners: new Set(),
      interrupted: false,
      finished: false,
    }
    this.running = command
    this.mode = { kind: 'busy' }
    const tty = this.ttyFor(command)
    this.track(this.runCommand(command, tty, text))
  }

  private async runCommand(command: RunningCommand, tty: Tty, text: string): Promise<void> {
    let result: RunResult | undefined
    try {
      result = await this.session.run(text, {
        tty,
        signal: command.controller.signal,
        onChunk: (chunk) => {
          if (command.finished || this.ended) return
          // A job killed by Ctrl-C says nothing in bash; just-bash reports the abort.
          const text = chunk.text
          this.writeOutput(toTerminalNewlines(text))
        },
      })
    } catch (error) {
      if (!this.ended) this.printInternalError(error)
    } finally {
      command.finished = true
      if (this.running === command) this.running = undefined
    }
    if (this.ended) return
    if (command.interrupted) {
      // The ^C was echoed when it was typed; bash adds a newline once the job is gone.
      this.emit('\r\n')
      this.column.set(0)
    }
    if (result?.exited === true) {
      this.finish(result.exitCode)
      return
    }
    this.showPrompt()
  }

  private ttyFor(command: RunningCommand): Tty {
    const cols = (): number => this.colsValue
    const rows = (): number => this.rowsValue
    return {
      get cols() {
        return cols()
      },
      get rows() {
        return rows()
      },
      write: (data: string) => {
        if (!command.finished && !this.ended) this.writeOutput(data)
      },
      onInput: (listener) => {
        if (command.finished) return () => undefined
        command.inputListeners.add(listener)
        return () => command.inputListeners.delete(listener)
      },
      onResize: (listener) => {
        if (command.finished) return () => undefined
        command.resizeListeners.add(listener)
        return () => command.resizeListeners.delete(listener)
      },
      signal: command.controller.signal,
    }
  }

  /**
   * Keys typed while a command runs: a program that reads input gets them raw; otherwise they
   * wait for the next prompt (type-ahead), except Ctrl-C, which interrupts the command and,
   * like a tty's VINTR, throws away the type-ahead.
   */
  private inputWhileRunning(command: RunningCommand, data: string): void {
    if (command.inputListeners.size > 0) {
      for (const listener of [...command.inputListeners]) {
        try {
          listener(data)
        } catch {
          // The program's input handler failed: nothing sensible to show mid-screen.
        }
      }
      return
    }
    const interrupt = data.lastIndexOf('\x03')
    if (interrupt === -1) {
      this.pending += data
      return
    }
    this.pending = data.slice(interrupt + 1)
    this.pendingAt = 0
    this.pasted = undefined
    this.interruptCommand()
  }

  private interruptCommand(): void {
    const command = this.running
    if (command === undefined || command.interrupted) return
    command.interrupted = true
    this.writeOutput('^C')
    command.controller.abort()
  }

  // ── history search ────────────────────────────────────────────────────────────────────────

  private startSearch(): void {
    const lines = [...this.session.history]
    lines[this.historyIndex] = this.editor.text
    const search = new HistorySearch(lines, {
      index: this.historyIndex,
      position: this.editor.cursor,
    })
    this.mode = {
      kind: 'search',
      search,
      original: { text: this.editor.text, cursor: this.editor.cursor },
    }
  }

  private endSearch(search: HistorySearch, accept: boolean): void {
    if (search.query !== '') this.lastSearchQuery = search.query
    this.mode = { kind: 'edit' }
    if (!accept) return
    const { index, position } = search.match
    if (index !== this.historyIndex) {
      this.historyEdits.set(this.historyIndex, this.editor.text)
      this.historyIndex = index
    }
    this.editor.set(search.line, position)
  }

  private searchKey(
    search: HistorySearch,
    original: { text: string; cursor: number },
    key: Key,
  ): void {
    if (key.type !== 'key') {
      search.extend(key.text.replace(/[\x00-\x1f\x7f]/g, ''))
      return
    }
    switch (key.name) {
      case 'ctrl+r':
        search.older(this.lastSearchQuery)
        return
      case 'backspace':
        search.shorten()
        return
      case 'ctrl+g':
        this.endSearch(search, false)
        this.editor.set(original.text, original.cursor)
        this.emit(BELL)
        return
      case 'ctrl+c':
        this.cancelSearchLine(search)
        return
      case 'escape':
        this.endSearch(search, true)
        return
      case 'ctrl+s':
      case 'unknown':
        return
    }
    // Any other key ends the search on the match and then does what it does.
    this.endSearch(search, true)
    this.editKey(key)
  }

  private cancelSearchLine(search: HistorySearch): void {
    this.redisplay()
    this.endSearch(search, false)
    const left = this.view.leave()
    this.emit(`${left.out}^C\r\n`)
    this.column.set(0)
    this.continuation = undefined
    this.showPrompt()
    this.setStatus(130)
  }

  // ── completion ────────────────────────────────────────────────────────────────────────────

  private complete(list: boolean): void {
    const text = this.editor.text
    const cursor = this.editor.cursor
    const ticket: { cancelled: boolean; task?: Promise<void> } = { cancelled: false }
    this.completionTicket = ticket
    this.redisplay()
    this.mode = { kind: 'busy' }
    const source = {
      commands: this.session.commands,
      fs: this.session.fs,
      cwd: this.session.cwd,
      env: this.session.env,
    }
    ticket.task = this.track(
      findCompletions(text, cursor, source).then((completion) => {
        if (ticket.cancelled || this.ended) return
        this.completionTicket = undefined
        this.mode = { kind: 'edit' }
        this.lastCommand = 'complete'
        const { candidates } = completion
        if (candidates.length === 0) {
          this.completionChanged = false
          this.emit(BELL)
        } else if (list) {
          this.completionChanged = false
          this.showCandidates(candidates)
        } else {
          const next = applyCompletion(completion, text, cursor)
          this.completionChanged = next.text !== text
          this.editor.set(next.text, next.cursor)
          this.redisplay()
          // Readline rings the bell when other matches remain.
          if (candidates.length > 1) this.emit(BELL)
        }
      }),
    )
  }

  private showCandidates(candidates: readonly Candidate[]): void {
    if (candidates.length >= QUERY_ITEMS) {
      this.leaveLine()
      this.emit(`Display all ${candidates.length} possibilities? (y or n)`)
      this.mode = { kind: 'confirm', candidates }
      return
    }
    this.leaveLine()
    this.printRows(listingRows(candidates, this.colsValue), 0)
  }

  private confirmKey(candidates: readonly Candidate[], key: Key): void {
    const answer = key.type === 'key' ? key.name : key.text.charAt(0)
    if (answer === 'y' || answer === 'Y' || answer === ' ') {
      this.emit('\r\n')
      this.printRows(listingRows(candidates, this.colsValue), 0)
    } else if (['n', 'N', 'backspace', 'ctrl+g', 'ctrl+c'].includes(answer)) {
      this.emit('\r\n')
      this.redrawLine()
    } else this.emit(BELL)
  }

  /**
   * Prints listing rows from `next`, pausing with readline's `--More--` pager when a screenful
   * is out. Then the prompt and the line come back below.
   */
  private printRows(rows: readonly string[], next: number, shown = 0): void {
    let lines = shown
    let i = next
    let out = ''
    while (i < rows.length) {
      out += `${rows[i] ?? ''}\r\n`
      i++
      lines++
      if (lines >= this.rowsValue - 1 && i < rows.length) {
        this.emit(`${out}--More--`)
        this.mode = { kind: 'more', rows, next: i }
        return
      }
    }
    this.emit(out)
    this.redrawLine()
  }

  private moreKey(rows: readonly string[], next: number, key: Key): void {
    const answer = key.type === 'key' ? key.name : key.text.charAt(0)
    const erase = '\r\x1b[K'
    if (answer === ' ' || answer === 'y' || answer === 'Y') {
      this.emit(erase)
      this.printRows(rows, next, 0)
    } else if (answer === 'enter') {
      this.emit(erase)
      this.printRows(rows, next, this.rowsValue - 2)
    } else if (['q', 'Q', 'n', 'N', 'backspace', 'ctrl+g', 'ctrl+c'].includes(answer)) {
      this.emit(erase)
      this.redrawLine()
    } else this.emit(BELL)
  }

  /** The prompt and the line being edited, drawn again from the start of a fresh row. */
  private redrawLine(): void {
    this.column.set(0)
    this.mode = { kind: 'edit' }
    this.emit(this.view.draw(this.prompt, this.editor.text, this.editor.cursor, 0))
  }
}

/** A bash-like interactive shell over `session`, driven as a pseudo-terminal. */
export function createShellTerminal(
  session: Session,
  options: ShellTerminalOptions = {},
): ShellTerminal {
  const cols = Math.max(1, Math.floor(options.cols ?? 80))
  const rows = Math.max(1, Math.floor(options.rows ?? 24))
  return new InteractiveShell(session, options.banner, cols, rows)
}
