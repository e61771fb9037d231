import type { Position } from './text-buffer'

/** The text as undo keeps it: the lines, and whether the buffer has no lines at all. */
export interface TextState {
  readonly lines: readonly string[]
  readonly empty: boolean
}

interface UndoEntry {
  readonly before: TextState
  readonly after: TextState
  /** Where the change started; undo and redo put the cursor back there. */
  readonly cursor: Position
  readonly seq: number
  readonly time: number
}

export interface UndoResult {
  /** What vim prints, e.g. "1 line less; before #3  5 seconds ago". */
  readonly message: string
  /** The text and cursor to restore, or null when there was nothing to undo or redo. */
  readonly restore: { readonly state: TextState; readonly cursor: Position } | null
}

/**
 * vim's undo, as a stack rather than a tree: each normal-mode command, and each stay in insert
 * mode, is one numbered change. The buffer counts as modified when the current change number is
 * not the one last written, so undoing back to the saved text makes `:q` work again.
 */
export class UndoHistory {
  private done: UndoEntry[] = []
  private undone: UndoEntry[] = []
  private opened: { readonly state: TextState; readonly cursor: Position } | null = null
  private nextSeq = 1
  private currentSeq = 0
  private savedSeq = 0

  constructor(private readonly now: () => number) {}

  get modified(): boolean {
    return this.currentSeq !== this.savedSeq
  }

  markSaved(): void {
    this.savedSeq = this.currentSeq
  }

  /** Remembers the text before a change; does nothing while a change is open (insert mode). */
  begin(state: TextState, cursor: Position): void {
    this.opened ??= { state, cursor }
  }

  /** Closes the open change, recording it if the text differs. */
  commit(state: TextState): void {
    const opened = this.opened
    this.opened = null
    if (opened === null || sameState(opened.state, state)) return
    const entry = {
      before: opened.state,
      after: state,
      cursor: opened.cursor,
      seq: this.nextSeq++,
      time: this.now(),
    }
    this.done.push(entry)
    this.undone = []
    this.currentSeq = entry.seq
  }

  undo(current: TextState): UndoResult {
    const entry = this.done.pop()
    if (entry === undefined) return { message: 'Already at oldest change', restore: null }
    this.undone.push(entry)
    this.currentSeq = this.done[this.done.length - 1]?.seq ?? 0
    const summary = describeChange(current.lines, entry.before.lines)
    return {
      message: `${summary}; before #${entry.seq}  ${this.ago(entry.time)}`,
      restore: { state: entry.before, cursor: entry.cursor },
    }
  }

  redo(current: TextState): UndoResult {
    const entry = this.undone.pop()
    if (entry === undefined) return { message: 'Already at newest change', restore: null }
    this.done.push(entry)
    this.currentSeq = entry.seq
    const summary = describeChange(current.lines, entry.after.lines)
    return {
      message: `${summary}; after #${entry.seq}  ${this.ago(entry.time)}`,
      restore: { state: entry.after, cursor: entry.cursor },
    }
  }

  /** vim's "N seconds ago", or the time of day for changes older than 100 seconds. */
  private ago(time: number): string {
    const seconds = Math.max(0, Math.floor((this.now() - time) / 1000))
    if (seconds < 100) return `${seconds} second${seconds === 1 ? '' : 's'} ago`
    const date = new Date(time)
    const two = (n: number): string => String(n).padStart(2, '0')
    return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`
  }
}

function sameState(a: TextState, b: TextState): boolean {
  return (
    a.empty === b.empty &&
    a.lines.length === b.lines.length &&
    a.lines.every((line, i) => line === b.lines[i])
  )
}

/** vim's undo summary: "1 line less", "3 more lines", "1 change", "2 changes". */
function describeChange(from: readonly string[], to: readonly string[]): string {
  const delta = to.length - from.length
  if (delta === 1) return '1 more line'
  if (delta > 1) return `${delta} more lines`
  if (delta === -1) return '1 line less'
  if (delta < -1) return `${-delta} fewer lines`
  const changed = Math.max(1, from.filter((line, i) => line !== to[i]).length)
  return `${changed} change${changed === 1 ? '' : 's'}`
}
